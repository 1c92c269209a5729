/**
 * The recurring duties an approved plan commits the company to: every frequency written in the
 * plan (每年, 每半年, 每3個月) becomes one normalised duty the periodic-review engine schedules.
 * Tenants without an approved plan get the seed example's frequencies (defaultPlanDuties).
 */
import { frequencyLabelZh, type Frequency } from '../shared/frequency';
import type { LocalizedText } from '../shared/localizedText';
import { examplePlanContent } from './examplePlan';
import { partBody, sectionBody, type ItSecurityMeasures, type PlanContent, type Schedule, type TeamMember, type TeamRole } from './planContent';

export const dutyKinds = [
  'inventoryReview',
  'riskAssessment',
  'purposeExpiryReview',
  'incidentDrill',
  'anomalyResponseDrill',
  'training',
  'leadershipTraining',
  'itStaffTraining',
  'vulnerabilityScan',
  'malwareScan',
  'firewallRuleReview',
  'wafRuleReview',
  'emailFilterReview',
  'endpointProtectionUpdate',
  'intrusionDetectionUpdate',
  'systemUsageReview',
  'accessRightsReview',
  'logReview',
  'backupRestoreTest',
  'vendorOversight',
  'internalAudit',
  'planReview',
] as const;
export type DutyKind = (typeof dutyKinds)[number];

/** Which part of §7 a security duty belongs to; the same kind can run at different speeds in each. */
export type DutyScope = 'hostedServices' | 'officeEnvironment';

export interface PlanDuty {
  /** Stable id: the kind, plus the scope for §7 duties (e.g. firewallRuleReview:officeEnvironment). */
  dutyId: string;
  dutyKind: DutyKind;
  scope?: DutyScope;
  title: LocalizedText;
  frequency: Frequency;
  /** The plan's own wording, or the normalised label. */
  frequencyLabelZh: string;
  ownerRole: TeamRole;
  owner?: { name?: string; title?: string };
  legalBasis: LocalizedText;
  /** Where in the plan content the frequency is written. */
  sourcePath: string;
}

interface DutyDefinition {
  title: LocalizedText;
  ownerRole: TeamRole;
  legalBasis: LocalizedText;
}

const K = '數位經濟相關產業個人資料檔案安全維護管理辦法';
const Q = '大陸委員會指定非公務機關個人資料檔案安全維護辦法';
const basis = (kArticle: string, qArticle: string | null, en: string): LocalizedText => ({
  zhTW: qArticle ? `${K}第${kArticle}；${Q}第${qArticle}` : `${K}第${kArticle}`,
  en,
});

export const dutyDefinitions: Record<DutyKind, DutyDefinition> = {
  inventoryReview: {
    title: { zhTW: '個人資料清查（盤點）及界定範圍', en: 'Personal data inventory review' },
    ownerRole: 'dedicatedOfficer',
    legalBasis: basis('6條', '4條', 'K0010162 Art. 6; Q0010012 Art. 4'),
  },
  riskAssessment: {
    title: { zhTW: '個人資料風險評估', en: 'Personal data risk assessment' },
    ownerRole: 'dedicatedOfficer',
    legalBasis: basis('7條', '5條', 'K0010162 Art. 7; Q0010012 Art. 5'),
  },
  purposeExpiryReview: {
    title: { zhTW: '檢視特定目的是否消失或期限是否屆滿', en: 'Review of lapsed purposes and expired periods' },
    ownerRole: 'dedicatedOfficer',
    legalBasis: basis('9條第8款', '7條第9款', 'K0010162 Art. 9(8); Q0010012 Art. 7(9); PDPA Art. 11 ¶3'),
  },
  incidentDrill: {
    title: { zhTW: '事故預防、通報及應變機制演練', en: 'Incident response drill' },
    ownerRole: 'dedicatedOfficer',
    legalBasis: basis('8條、第11條第2項第2款', '6條', 'K0010162 Arts. 8, 11 ¶2(2); Q0010012 Art. 6'),
  },
  anomalyResponseDrill: {
    title: { zhTW: '異常存取資料行為因應機制演練', en: 'Anomalous-access response drill' },
    ownerRole: 'securityLead',
    legalBasis: basis('11條第2項第2款', '9條第6款', 'K0010162 Art. 11 ¶2(2); Q0010012 Art. 9(6)'),
  },
  training: {
    title: { zhTW: '全體員工個資保護認知宣導及教育訓練', en: 'Staff data protection awareness training' },
    ownerRole: 'dedicatedOfficer',
    legalBasis: basis('13條第1項', '12條', 'K0010162 Art. 13 ¶1; Q0010012 Art. 12'),
  },
  leadershipTraining: {
    title: { zhTW: '代表人、負責人及管理人員教育訓練', en: 'Training for the representative and managers' },
    ownerRole: 'convener',
    legalBasis: basis('13條第2項', null, 'K0010162 Art. 13 ¶2'),
  },
  itStaffTraining: {
    title: { zhTW: '資訊人員特殊訓練', en: 'IT staff specialised training' },
    ownerRole: 'securityLead',
    legalBasis: basis('13條', '12條', 'K0010162 Art. 13; Q0010012 Art. 12'),
  },
  vulnerabilityScan: {
    title: { zhTW: '系統漏洞檢測及修補', en: 'Vulnerability scanning and patching' },
    ownerRole: 'securityLead',
    legalBasis: basis('11條第2項第3款', '9條', 'K0010162 Art. 11 ¶2(3); Q0010012 Art. 9'),
  },
  malwareScan: {
    title: { zhTW: '惡意程式檢測', en: 'Malware scan' },
    ownerRole: 'securityLead',
    legalBasis: basis('11條第2項第4款', '9條第5款', 'K0010162 Art. 11 ¶2(4); Q0010012 Art. 9(5)'),
  },
  firewallRuleReview: {
    title: { zhTW: '防火牆定期更新', en: 'Firewall rule review and update' },
    ownerRole: 'securityLead',
    legalBasis: basis('11條第2項第1款', '9條第5款', 'K0010162 Art. 11 ¶2(1); Q0010012 Art. 9(5)'),
  },
  wafRuleReview: {
    title: { zhTW: '應用程式防火牆定期更新', en: 'Web application firewall review and update' },
    ownerRole: 'securityLead',
    legalBasis: basis('11條第2項第1款', '9條第5款', 'K0010162 Art. 11 ¶2(1); Q0010012 Art. 9(5)'),
  },
  emailFilterReview: {
    title: { zhTW: '電子郵件過濾機制定期更新', en: 'E-mail filtering update' },
    ownerRole: 'securityLead',
    legalBasis: basis('11條第2項第1款', '9條第5款', 'K0010162 Art. 11 ¶2(1); Q0010012 Art. 9(5)'),
  },
  endpointProtectionUpdate: {
    title: { zhTW: '端點防護定期更新', en: 'Endpoint protection update' },
    ownerRole: 'securityLead',
    legalBasis: basis('11條第2項第1款', '9條第5款', 'K0010162 Art. 11 ¶2(1); Q0010012 Art. 9(5)'),
  },
  intrusionDetectionUpdate: {
    title: { zhTW: '其他入侵偵測設備定期更新', en: 'Intrusion detection update' },
    ownerRole: 'securityLead',
    legalBasis: basis('11條第2項第1款', '9條第5款', 'K0010162 Art. 11 ¶2(1); Q0010012 Art. 9(5)'),
  },
  systemUsageReview: {
    title: { zhTW: '檢視資通系統使用狀況及存取個資情形', en: 'Review of system usage and access to personal data' },
    ownerRole: 'securityLead',
    legalBasis: basis('11條第2項第8款', '9條第4款', 'K0010162 Art. 11 ¶2(8); Q0010012 Art. 9(4)'),
  },
  accessRightsReview: {
    title: { zhTW: '檢視人員接觸個資權限之適當性及必要性', en: 'Staff access rights review' },
    ownerRole: 'dedicatedOfficer',
    legalBasis: basis('12條第3款', '11條第3款', 'K0010162 Art. 12(3); Q0010012 Art. 11(3)'),
  },
  logReview: {
    title: { zhTW: '存取日誌紀錄檢視', en: 'Access log review' },
    ownerRole: 'securityLead',
    legalBasis: basis('11條第2項第2款', '9條第4款、第6款', 'K0010162 Art. 11 ¶2(2); Q0010012 Art. 9(4), (6) and Table 2'),
  },
  backupRestoreTest: {
    title: { zhTW: '備份還原測試', en: 'Backup restore test' },
    ownerRole: 'securityLead',
    legalBasis: basis('11條第1項第2款', '8條第1項第2款', 'K0010162 Art. 11 ¶1(2); Q0010012 Art. 8 ¶1(2)'),
  },
  vendorOversight: {
    title: { zhTW: '確認委外廠商執行個資安全維護措施之狀況', en: 'Processor oversight check' },
    ownerRole: 'dedicatedOfficer',
    legalBasis: {
      zhTW: `個人資料保護法施行細則第8條；${K}第19條；${Q}第7條第6款`,
      en: 'PDPA Enforcement Rules Art. 8; K0010162 Art. 19; Q0010012 Art. 7(6)',
    },
  },
  internalAudit: {
    title: { zhTW: '資料安全稽核（自我檢查或內部稽核）', en: 'Data security audit' },
    ownerRole: 'convener',
    legalBasis: basis('15條、第18條', '13條', 'K0010162 Arts. 15, 18; Q0010012 Art. 13'),
  },
  planReview: {
    title: { zhTW: '定期檢視及修正安全維護計畫', en: 'Plan review and revision' },
    ownerRole: 'convener',
    legalBasis: basis('17條第2款', '15條第2款', 'K0010162 Art. 17(2); Q0010012 Art. 15(2)'),
  },
};

function ownerFor(team: readonly TeamMember[], role: TeamRole): PlanDuty['owner'] | undefined {
  // Fall back along the chain of responsibility when the plan has no member in that role.
  const chain: TeamRole[] = [role, 'dedicatedOfficer', 'convener'];
  for (const candidate of chain) {
    const member = team.find((m) => m.role === candidate);
    if (member) return { ...(member.name ? { name: member.name } : {}), ...(member.title ? { title: member.title } : {}) };
  }
  return undefined;
}

/** Every frequency an approved plan writes down, as duties in plan order. */
export function planDuties(content: PlanContent): PlanDuty[] {
  const team = sectionBody(content, 'staffAndResources')?.team ?? [];
  const duties: PlanDuty[] = [];
  const add = (kind: DutyKind, schedule: Schedule | undefined, sourcePath: string, scope?: DutyScope) => {
    if (!schedule) return;
    const definition = dutyDefinitions[kind];
    const owner = ownerFor(team, definition.ownerRole);
    duties.push({
      dutyId: scope ? `${kind}:${scope}` : kind,
      dutyKind: kind,
      ...(scope ? { scope } : {}),
      title: definition.title,
      frequency: schedule.frequency,
      frequencyLabelZh: schedule.labelZh?.trim() || frequencyLabelZh(schedule.frequency),
      ownerRole: definition.ownerRole,
      ...(owner ? { owner } : {}),
      legalBasis: definition.legalBasis,
      sourcePath,
    });
  };

  add('inventoryReview', sectionBody(content, 'inventory')?.schedule, 'sections.inventory.schedule');
  add('riskAssessment', sectionBody(content, 'riskAssessment')?.schedule, 'sections.riskAssessment.schedule');
  add('incidentDrill', sectionBody(content, 'incidentResponse')?.drill?.schedule, 'sections.incidentResponse.drill.schedule');
  add(
    'purposeExpiryReview',
    sectionBody(content, 'internalProcedures')?.purposeExpiryReview?.schedule,
    'sections.internalProcedures.purposeExpiryReview.schedule',
  );

  const security = sectionBody(content, 'dataSecurity');
  const parts: [DutyScope, ItSecurityMeasures | undefined][] = [
    ['hostedServices', partBody(security?.hostedServices)],
    ['officeEnvironment', partBody(security?.officeEnvironment)],
  ];
  for (const [scope, part] of parts) {
    if (!part) continue;
    const base = `sections.dataSecurity.${scope}`;
    const enabled = (m: { enabled: boolean; schedule?: Schedule } | undefined) => (m?.enabled ? m.schedule : undefined);
    add('firewallRuleReview', enabled(part.firewall), `${base}.firewall.schedule`, scope);
    add('wafRuleReview', enabled(part.waf), `${base}.waf.schedule`, scope);
    add('emailFilterReview', enabled(part.emailFiltering), `${base}.emailFiltering.schedule`, scope);
    add('endpointProtectionUpdate', enabled(part.endpointProtection), `${base}.endpointProtection.schedule`, scope);
    add('intrusionDetectionUpdate', enabled(part.otherIntrusionDetection), `${base}.otherIntrusionDetection.schedule`, scope);
    add('anomalyResponseDrill', part.anomalyMonitoring?.responseDrill, `${base}.anomalyMonitoring.responseDrill`, scope);
    add('vulnerabilityScan', part.vulnerabilityManagement?.scan, `${base}.vulnerabilityManagement.scan`, scope);
    add('malwareScan', part.malware?.scan, `${base}.malware.scan`, scope);
    add('systemUsageReview', part.systemReview?.schedule, `${base}.systemReview.schedule`, scope);
    add('logReview', part.logReview, `${base}.logReview`, scope);
    add('backupRestoreTest', part.backup?.enabled ? part.backup.restoreTest : undefined, `${base}.backup.restoreTest`, scope);
  }

  add('accessRightsReview', sectionBody(content, 'personnel')?.accessControl?.review, 'sections.personnel.accessControl.review');
  const training = sectionBody(content, 'training');
  add('training', training?.general?.schedule, 'sections.training.general.schedule');
  add('leadershipTraining', training?.leadership?.schedule, 'sections.training.leadership.schedule');
  add('itStaffTraining', training?.itStaff?.schedule, 'sections.training.itStaff.schedule');
  add('internalAudit', sectionBody(content, 'audit')?.schedule, 'sections.audit.schedule');
  add('vendorOversight', sectionBody(content, 'vendorOversight')?.schedule, 'sections.vendorOversight.schedule');
  add('planReview', sectionBody(content, 'continuousImprovement')?.planReview?.schedule, 'sections.continuousImprovement.planReview.schedule');
  return duties;
}

/**
 * Duties for a tenant with no approved plan: the seed example's frequencies, with roles but no
 * named owners (the example's people are fictional).
 */
export function defaultPlanDuties(): PlanDuty[] {
  return planDuties(examplePlanContent).map((duty) => {
    const { owner: _owner, ...rest } = duty;
    return rest;
  });
}
