import { describe, expect, it } from 'vitest';
import { canApprove, checkPlanCompleteness, completenessRules, planGapCodes, type PlanGap } from '../../../domain/plan/completeness';
import { examplePlanContent } from '../../../domain/plan/examplePlan';
import type { ItSecurityMeasures, PlanContent } from '../../../domain/plan/planContent';

// Sections of the example as mutable bodies (the example fills every section).
type S = Required<{ [K in keyof PlanContent['sections']]: Exclude<NonNullable<PlanContent['sections'][K]>, { notApplicable: unknown }> }>;
type Mutable = Omit<PlanContent, 'sections'> & { sections: S };
const fresh = (): Mutable => structuredClone(examplePlanContent) as Mutable;
const it_ = (c: Mutable) => [c.sections.dataSecurity.hostedServices, c.sections.dataSecurity.officeEnvironment] as ItSecurityMeasures[];
const codes = (gaps: PlanGap[]) => gaps.map((g) => g.code);

describe('checkPlanCompleteness', () => {
  it('finds no gap in the seed example under any modelled regulation', () => {
    for (const regulation of ['Q0010012', 'K0010162', 'J0030130', 'J0080062']) {
      expect(checkPlanCompleteness(examplePlanContent, { regulation, inventoryItemCount: 6, riskAssessmentCount: 4 })).toEqual([]);
    }
  });

  // One case per requirement of Q0010012 Arts. 3–15: [code, article, breaking change]
  const q0010012Cases: [string, string, (c: Mutable) => void][] = [
    ['TEAM_MISSING', '3', (c) => (c.sections.staffAndResources.team = [])],
    ['CONVENER_MISSING', '3', (c) => (c.sections.staffAndResources.team = c.sections.staffAndResources.team!.filter((m) => m.role !== 'convener'))],
    ['DEDICATED_OFFICER_MISSING', '3', (c) => (c.sections.staffAndResources.team = c.sections.staffAndResources.team!.filter((m) => m.role !== 'dedicatedOfficer'))],
    ['TEAM_MEMBER_INCOMPLETE', '3', (c) => (c.sections.staffAndResources.team![2]!.duties = [])],
    ['RESOURCES_MISSING', '3', (c) => (c.sections.staffAndResources.budgets = [{ year: 2025 }])],
    ['INVENTORY_FREQUENCY_MISSING', '4', (c) => delete c.sections.inventory.schedule],
    ['INVENTORY_SCOPE_MISSING', '4', (c) => (c.sections.inventory.subjectAttributes = [])],
    ['RISK_ASSESSMENT_FREQUENCY_MISSING', '5', (c) => delete c.sections.riskAssessment.schedule],
    ['INCIDENT_RESPONSE_MEASURES_MISSING', '6', (c) => (c.sections.incidentResponse.remediation!.containment = ['  '])],
    ['INCIDENT_DATA_SUBJECT_NOTICE_MISSING', '6', (c) => delete c.sections.incidentResponse.dataSubjectNotification!.methods],
    ['INCIDENT_NOTIFICATION_TARGET_MISSING', '6', (c) => delete c.sections.incidentResponse.authorityNotification!.authorityName],
    ['INCIDENT_NOTIFICATION_DEADLINE_MISSING', '6', (c) => delete c.sections.incidentResponse.authorityNotification!.withinHours],
    ['INCIDENT_NOTIFICATION_DEADLINE_TOO_LONG', '6', (c) => (c.sections.incidentResponse.authorityNotification!.withinHours = 73)],
    ['INCIDENT_CORRECTIVE_MECHANISM_MISSING', '6', (c) => delete c.sections.incidentResponse.remediation!.correctivePrevention],
    ['INCIDENT_CONTACT_MISSING', '6', (c) => (c.sections.policy.incidentContact = { name: '技安' })],
    ['SPECIAL_CATEGORY_CHECK_MISSING', '7', (c) => delete c.sections.internalProcedures.legalRequirements!.specialCategoryBasis],
    ['LEGAL_BASIS_CHECK_MISSING', '7', (c) => delete c.sections.internalProcedures.legalRequirements!.generalBasis],
    ['PURPOSE_USE_CHECK_MISSING', '7', (c) => delete c.sections.internalProcedures.legalRequirements!.specificPurpose],
    ['NOTICE_CHECK_MISSING', '7', (c) => delete c.sections.internalProcedures.legalRequirements!.notice],
    ['MARKETING_OPT_OUT_MISSING', '7', (c) => delete c.sections.internalProcedures.dataSubjectRequests!.marketingOptOut],
    ['RIGHTS_CHANNEL_MISSING', '7', (c) => delete c.sections.internalProcedures.dataSubjectRequests!.rightsChannels],
    ['IDENTITY_VERIFICATION_MISSING', '7', (c) => delete c.sections.internalProcedures.dataSubjectRequests!.identityVerification],
    ['REFUSAL_GROUNDS_CHECK_MISSING', '7', (c) => delete c.sections.internalProcedures.dataSubjectRequests!.refusalGroundsCheck],
    ['REFUSAL_REASONS_NOTICE_MISSING', '7', (c) => delete c.sections.internalProcedures.dataSubjectRequests!.refusalNoticeWithReasons],
    ['DECISION_DEADLINE_PROCEDURE_MISSING', '7', (c) => delete c.sections.internalProcedures.dataSubjectRequests!.decisionDeadlineProcedure],
    ['CORRECTION_EXPLANATION_MISSING', '7', (c) => delete c.sections.internalProcedures.dataSubjectRequests!.correctionExplanation],
    ['FEE_SCHEDULE_MISSING', '7', (c) => delete c.sections.internalProcedures.dataSubjectRequests!.feeSchedule],
    ['ACCURACY_MECHANISM_MISSING', '7', (c) => delete c.sections.internalProcedures.dataSubjectRequests!.accuracyMaintenance],
    ['PURPOSE_EXPIRY_REVIEW_MISSING', '7', (c) => delete c.sections.internalProcedures.purposeExpiryReview],
    ['DATA_SUBJECT_CONTACT_MISSING', '7', (c) => delete c.sections.policy.dataSubjectContact],
    ['VENDOR_CONTRACT_CLAUSES_INCOMPLETE', '7', (c) => (c.sections.vendorOversight.contractClauses = c.sections.vendorOversight.contractClauses!.slice(1))],
    ['VENDOR_OVERSIGHT_FREQUENCY_MISSING', '7', (c) => delete c.sections.vendorOversight.schedule],
    ['VENDOR_OVERSIGHT_METHOD_MISSING', '7', (c) => (c.sections.vendorOversight.methods = [])],
    ['ENCRYPTION_MISSING', '8', (c) => it_(c).forEach((p) => (p.encryption = { enabled: false }))],
    ['BACKUP_PROTECTION_MISSING', '8', (c) => it_(c).forEach((p) => delete p.backup)],
    ['MEDIA_USAGE_RULES_MISSING', '8', (c) => (delete c.sections.dataSecurity.mediaUsageRules, delete c.sections.equipment.obsoleteHandling)],
    ['MEDIA_PROTECTION_MISSING', '8', (c) => ((c.sections.equipment.mediaProtection = { enabled: false }), (c.sections.equipment.storageEnvironment = { enabled: false }))],
    ['CUSTODY_RULES_MISSING', '8', (c) => delete c.sections.equipment.custodyRules],
    ['ENTRY_CONTROL_MISSING', '8', (c) => delete c.sections.equipment.entryControl],
    ['TRANSMISSION_SECURITY_MISSING', '9', (c) => it_(c).forEach((p) => delete p.transmission)],
    ['AUTHENTICATION_MISSING', '9', (c) => it_(c).forEach((p) => (p.authentication = { passwordComplexity: false }))],
    ['MASKING_MISSING', '9', (c) => it_(c).forEach((p) => delete p.masking)],
    ['ACCESS_MONITORING_MISSING', '9', (c) => it_(c).forEach((p) => (p.anomalyMonitoring!.accessMonitoring = false))],
    ['INTRUSION_PREVENTION_MISSING', '9', (c) => it_(c).forEach((p) => [p.firewall, p.waf, p.emailFiltering, p.endpointProtection].forEach((m) => m && (m.enabled = false)))],
    ['ANOMALY_RESPONSE_DRILL_MISSING', '9', (c) => it_(c).forEach((p) => delete p.anomalyMonitoring!.responseDrill)],
    ['INTERNATIONAL_TRANSFER_UNDECLARED', '10', (c) => delete c.sections.internalProcedures.internationalTransfer],
    ['INTERNATIONAL_TRANSFER_INCOMPLETE', '10', (c) => (c.sections.internalProcedures.internationalTransfer!.regions = [])],
    ['INTERNATIONAL_RECIPIENT_SUPERVISION_MISSING', '10', (c) => delete c.sections.internalProcedures.internationalTransfer!.recipientSupervision],
    ['CONFIDENTIALITY_MISSING', '11', (c) => delete c.sections.personnel.confidentiality],
    ['PERSONNEL_IDENTIFICATION_MISSING', '11', (c) => delete c.sections.personnel.identification],
    ['ACCESS_RIGHTS_REVIEW_MISSING', '11', (c) => delete c.sections.personnel.accessControl!.review],
    ['OFFBOARDING_MISSING', '11', (c) => delete c.sections.personnel.offboarding],
    ['TRAINING_MISSING', '12', (c) => delete c.sections.training.general!.schedule],
    ['TRAINING_TOPICS_INCOMPLETE', '12', (c) => (c.sections.training.general!.topics = ['law', 'responsibilities'])],
    ['AUDIT_MISSING', '13', (c) => delete c.sections.audit.schedule],
    ['AUDIT_TYPE_MISSING', '13', (c) => (c.sections.audit.types = [])],
    ['AUDITOR_MISSING', '13', (c) => delete c.sections.audit.auditors],
    ['AUDIT_REPORT_MISSING', '13', (c) => (c.sections.audit.resultHandling = ['keepRecords'])],
    ['RECORD_KEEPING_MISSING', '14', (c) => delete c.sections.recordKeeping.automatedTrails],
    ['RECORD_KEEPING_TOO_SHORT', '14', (c) => (c.sections.recordKeeping.processingRecords![1]!.periodYears = 4.99)],
    ['DISPOSAL_DESTRUCTION_MISSING', '14', (c) => delete c.sections.terminationDisposal.destruction],
    ['DISPOSAL_TRANSFER_RECORDS_MISSING', '14', (c) => delete c.sections.terminationDisposal.transferRecords],
    ['DISPOSAL_OTHER_RECORDS_MISSING', '14', (c) => delete c.sections.terminationDisposal.otherDeletionRecords],
    ['CORRECTIVE_ACTION_MISSING', '15', (c) => (c.sections.continuousImprovement.correctiveActionProcedure = [])],
    ['PLAN_REVIEW_FREQUENCY_MISSING', '15', (c) => delete c.sections.continuousImprovement.planReview],
  ];

  it.each(q0010012Cases)('%s cites Q0010012 Art. %s and is the only gap', (code, article, mutate) => {
    const content = fresh();
    mutate(content);
    const gaps = checkPlanCompleteness(content as PlanContent);
    expect(codes(gaps)).toEqual(gaps.map(() => code));
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) {
      expect(g.article).toEqual({ regulation: 'Q0010012', article });
      expect(g.fieldPath.startsWith(`sections.${g.section}`)).toBe(true);
      expect(g.message.zhTW.length).toBeGreaterThan(0);
      expect(g.message.en.length).toBeGreaterThan(0);
    }
  });

  it('covers every rule that applies to Q0010012 with a case', () => {
    const contextRules = ['INVENTORY_EMPTY', 'RISK_ASSESSMENT_EMPTY', 'AUDIT_TOO_INFREQUENT', 'PLAN_REVIEW_TOO_INFREQUENT'];
    const qRules = completenessRules.filter((r) => r.articles.Q0010012 !== undefined && !contextRules.includes(r.code)).map((r) => r.code);
    expect(new Set(q0010012Cases.map(([code]) => code))).toEqual(new Set(qRules));
  });

  it('a missing IT measure is satisfied when either §7(1) or §7(3) has it', () => {
    const content = fresh();
    it_(content)[0]!.encryption = { enabled: false };
    expect(codes(checkPlanCompleteness(content as PlanContent))).toEqual([]);
  });

  it('§7(1) may be not applicable without a gap; IT measures then come from §7(3)', () => {
    const content = fresh() as PlanContent;
    content.sections.dataSecurity = { ...(content.sections.dataSecurity as object), hostedServices: { notApplicable: { reason: '未提供代管或SaaS服務' } } };
    expect(checkPlanCompleteness(content)).toEqual([]);
  });

  it('IT-system rules do not apply to a company without information systems', () => {
    const content = fresh();
    it_(content).forEach((p) => delete p.masking);
    expect(codes(checkPlanCompleteness(content as PlanContent, { usesInformationSystems: false }))).toEqual([]);
    expect(codes(checkPlanCompleteness(content as PlanContent, { usesInformationSystems: true }))).toEqual(['MASKING_MISSING']);
  });

  it('no international transfer declared as false needs no transfer details', () => {
    const content = fresh();
    content.sections.internalProcedures.internationalTransfer = { transfers: false };
    expect(checkPlanCompleteness(content as PlanContent)).toEqual([]);
  });

  it('72 hours is the limit: 72 passes, 73 fails', () => {
    const content = fresh();
    content.sections.incidentResponse.authorityNotification!.withinHours = 72;
    expect(checkPlanCompleteness(content as PlanContent)).toEqual([]);
    content.sections.incidentResponse.authorityNotification!.withinHours = 73;
    expect(codes(checkPlanCompleteness(content as PlanContent))).toEqual(['INCIDENT_NOTIFICATION_DEADLINE_TOO_LONG']);
  });

  it('record keeping: exactly 5 years passes, less fails, per entry', () => {
    const content = fresh();
    content.sections.recordKeeping.implementationEvidence!.periodYears = 5;
    expect(checkPlanCompleteness(content as PlanContent)).toEqual([]);
    content.sections.recordKeeping.implementationEvidence!.periodYears = 4;
    content.sections.recordKeeping.automatedTrails![0]!.periodYears = 3;
    const gaps = checkPlanCompleteness(content as PlanContent);
    expect(gaps.map((g) => g.fieldPath)).toEqual([
      'sections.recordKeeping.automatedTrails.0.periodYears',
      'sections.recordKeeping.implementationEvidence.periodYears',
    ]);
  });

  it('context rules: empty inventory and risk table, audit and review too infrequent', () => {
    const content = fresh();
    expect(codes(checkPlanCompleteness(content as PlanContent, { inventoryItemCount: 0, riskAssessmentCount: 0 }))).toEqual([
      'INVENTORY_EMPTY',
      'RISK_ASSESSMENT_EMPTY',
    ]);
    content.sections.audit.schedule = { frequency: { every: 13, unit: 'month' } };
    content.sections.continuousImprovement.planReview!.schedule = { frequency: { every: 2, unit: 'year' } };
    const yearly = { every: 1, unit: 'year' } as const;
    expect(codes(checkPlanCompleteness(content as PlanContent, { requiredAuditFrequency: yearly, requiredReviewFrequency: yearly }))).toEqual([
      'AUDIT_TOO_INFREQUENT',
      'PLAN_REVIEW_TOO_INFREQUENT',
    ]);
    content.sections.audit.schedule = { frequency: { every: 12, unit: 'month' } };
    expect(codes(checkPlanCompleteness(content as PlanContent, { requiredAuditFrequency: yearly }))).toEqual([]);
  });

  it('cites the selected regulation and applies its own extra rules', () => {
    const content = fresh();
    delete content.sections.incidentResponse.drill;
    delete content.sections.training.leadership;
    content.sections.policy.statements = [];
    content.sections.terminationDisposal.recordRetentionYears = 3;
    expect(checkPlanCompleteness(content as PlanContent, { regulation: 'Q0010012' })).toEqual([]);
    const k = checkPlanCompleteness(content as PlanContent, { regulation: 'K0010162' });
    expect(k.map((g) => [g.code, g.article.regulation, g.article.article])).toEqual([
      ['POLICY_STATEMENTS_MISSING', 'K0010162', '4'],
      ['INCIDENT_DRILL_MISSING', 'K0010162', '11'],
      ['LEADERSHIP_TRAINING_MISSING', 'K0010162', '13'],
      ['DISPOSAL_RECORD_RETENTION_TOO_SHORT', 'K0010162', '16'],
    ]);
    // J0080062 Art. 17 requires a yearly review.
    content.sections.continuousImprovement.planReview!.schedule = { frequency: { every: 2, unit: 'year' } };
    expect(codes(checkPlanCompleteness(content as PlanContent, { regulation: 'J0080062' }))).toContain('PLAN_REVIEW_TOO_INFREQUENT');
    expect(codes(checkPlanCompleteness(content as PlanContent, { regulation: 'J0030130' }))).not.toContain('PLAN_REVIEW_TOO_INFREQUENT');
  });

  it('an unknown regulation is checked against the Q0010012 baseline', () => {
    const content = fresh();
    delete content.sections.audit.schedule;
    expect(checkPlanCompleteness(content as PlanContent, { regulation: 'D0020076' })[0]?.article).toEqual({ regulation: 'Q0010012', article: '13' });
  });

  it('a required section marked not applicable yields one SECTION_NOT_APPLICABLE gap', () => {
    const content = structuredClone(examplePlanContent);
    content.sections.training = { notApplicable: { reason: '員工僅1人' } };
    const gaps = checkPlanCompleteness(content);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ code: 'SECTION_NOT_APPLICABLE', section: 'training', article: { regulation: 'Q0010012', article: '12' } });
  });

  it('an empty draft reports gaps in every section in section order', () => {
    const gaps = checkPlanCompleteness({ sections: {} });
    const sections = [...new Set(gaps.map((g) => g.section))];
    expect(sections).toEqual([
      'staffAndResources', 'policy', 'inventory', 'riskAssessment', 'incidentResponse', 'internalProcedures', 'dataSecurity',
      'personnel', 'equipment', 'training', 'recordKeeping', 'audit', 'vendorOversight', 'terminationDisposal', 'continuousImprovement',
    ]);
    for (const g of gaps) expect(planGapCodes).toContain(g.code);
  });
});

describe('canApprove', () => {
  const gaps = checkPlanCompleteness({ sections: {} }).filter((g) => g.section === 'audit' || g.section === 'training');

  it('allows approval without gaps', () => {
    expect(canApprove([], [])).toEqual({ allowed: true, unacceptedGaps: [], acceptancesWithoutReason: [] });
  });

  it('blocks until every gap code is accepted with a non-empty reason', () => {
    const all = [...new Set(gaps.map((g) => g.code))].map((code) => ({ code, reason: '已排定改善' }));
    expect(canApprove(gaps, all).allowed).toBe(true);
    const oneMissing = all.slice(1);
    const check = canApprove(gaps, oneMissing);
    expect(check.allowed).toBe(false);
    expect(check.unacceptedGaps.every((g) => g.code === all[0]!.code)).toBe(true);
    const blank = [...oneMissing, { code: all[0]!.code, reason: '   ' }];
    const blankCheck = canApprove(gaps, blank);
    expect(blankCheck.allowed).toBe(false);
    expect(blankCheck.acceptancesWithoutReason).toHaveLength(1);
  });

  it('an acceptance limited to a section covers only that section', () => {
    const a = { ...gaps.find((g) => g.section === 'audit')!, code: 'SECTION_NOT_APPLICABLE' as const };
    const b = { ...a, section: 'training' as const };
    expect(canApprove([a, b], [{ code: 'SECTION_NOT_APPLICABLE', section: 'audit', reason: 'x' }]).unacceptedGaps).toEqual([b]);
    expect(canApprove([a, b], [{ code: 'SECTION_NOT_APPLICABLE', reason: 'x' }]).allowed).toBe(true);
  });
});
