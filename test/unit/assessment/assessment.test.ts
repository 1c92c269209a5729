import { describe, expect, it } from 'vitest';
import {
  answerItem,
  applicableItems,
  auditContents,
  catalogItems,
  catalogsForSector,
  compareAssessments,
  consistencyWarnings,
  countCatalog,
  createAssessment,
  ecommerceSupplierCatalog,
  findingsOf,
  nextAssessmentDue,
  progressOf,
  regulationCatalogs,
  reopen,
  scoreOf,
  signOff,
  type Assessment,
  type ChecklistCatalog,
} from '../../../domain/assessment';
import { completenessRules } from '../../../domain/plan';

const item = (number: string, practice: 'baseline' | 'betterPractice', applicableClass: 'all' | 'II' = 'all', evidence = false, question = `問題 ${number}？`) => ({
  number,
  question,
  applicableClass,
  practice,
  suggestedEvidence: evidence ? [{ text: '佐證', details: [] }] : [],
});
const catalog: ChecklistCatalog = {
  catalogId: 'ecommerceSupplier',
  title: { zhTW: '測試', en: 'Test' },
  source: 'test',
  regulation: null,
  goals: [
    { number: '1', title: '目標一', managementItems: [{ number: '1.1', title: '項目', requirements: [{ number: '1.1.1', text: '要求', applicableClass: 'all', basis: null, checkItems: [item('1.1.1.1', 'baseline', 'all', true), item('1.1.1.2', 'baseline'), item('1.1.1.3', 'betterPractice', 'II')] }] }] },
    { number: '2', title: '目標二', managementItems: [{ number: '2.1', title: '項目', requirements: [{ number: '2.1.1', text: '要求', applicableClass: 'II', basis: null, checkItems: [item('2.1.1.1', 'baseline', 'II', false, '是否辦理教育訓練？'), item('2.1.1.2', 'betterPractice', 'II')] }] }] },
  ],
};
const by = { userId: 'u1', at: '2025-03-01T09:00:00+08:00' };

function started(businessClass: 'I' | 'II' = 'II'): Assessment {
  const created = createAssessment({ assessmentId: 'a1', catalog, businessClass, kind: 'selfCheck' });
  if (!created.ok) throw new Error('create failed');
  return created.value;
}
function answered(a: Assessment, answers: [string, Parameters<typeof answerItem>[2]['result'], Partial<Parameters<typeof answerItem>[2]>?][]): Assessment {
  return answers.reduce((acc, [itemNumber, result, extra]) => {
    const next = answerItem(acc, catalog, { itemNumber, result, ...extra }, by);
    if (!next.ok) throw new Error(next.error.code);
    return next.value;
  }, a);
}

describe('catalogs for a tenant', () => {
  it('a class I e-commerce supplier sees only the 皆適用 items, plus its regulation self-check', () => {
    const [supplier, regulation] = catalogsForSector('ecommerceSupplierClassI');
    expect(supplier!.catalogId).toBe('ecommerceSupplier');
    const items = catalogItems(supplier!.catalog);
    expect(items.every((i) => i.applicableClass === 'all')).toBe(true);
    expect(items.length).toBe(countCatalog(ecommerceSupplierCatalog).classI);
    expect(regulation!.catalogId).toBe('regulation:K0010162');
  });

  it('class II sees every item; a sector without a modelled regulation gets the baseline Q0010012', () => {
    expect(catalogItems(catalogsForSector('ecommerceSupplierClassII')[0]!.catalog).length).toBe(countCatalog(ecommerceSupplierCatalog).checkItems);
    expect(catalogsForSector('ecommerceLogisticsClassI').map((c) => c.catalogId)).toEqual(['ecommerceLogistics', 'regulation:Q0010012']);
    expect(catalogsForSector('generalMerchandiseRetail').map((c) => c.catalogId)).toEqual(['regulation:J0080062']);
  });
});

describe('regulation self-check catalogs reuse the plan-completeness rules', () => {
  it.each(['Q0010012', 'K0010162', 'J0030130', 'J0080062'] as const)('%s: one item per rule citing an article of it, plus the §12(6) periodic checks (seed 000)', (pcode) => {
    const items = catalogItems(regulationCatalogs[pcode]);
    const fromRules = items.filter((i) => i.citations?.[0]?.source === pcode);
    expect(fromRules.map((i) => i.citations![0]!.topic).sort()).toEqual(completenessRules.filter((r) => r.articles[pcode] !== undefined).map((r) => r.code).sort());
    for (const i of fromRules) expect(i.citations![0]!.article).toBe(completenessRules.find((r) => r.code === i.citations![0]!.topic)!.articles[pcode]);
    expect(items.length - fromRules.length).toBe(auditContents.filter((c) => c.periodicCheck).length);
  });

  it('J0080062 Art. 17 (yearly plan review) appears only where the rule cites it', () => {
    const j8 = catalogItems(regulationCatalogs.J0080062).map((i) => i.citations![0]!.article);
    expect(j8).toContain('17');
  });
});

describe('answers, progress and scoring', () => {
  it('not applicable needs a reason', () => {
    const result = answerItem(started(), catalog, { itemNumber: '1.1.1.2', result: 'notApplicable' }, by);
    expect(result.ok ? null : result.error.code).toBe('NOT_APPLICABLE_REASON_REQUIRED');
    const withReason = answerItem(started(), catalog, { itemNumber: '1.1.1.2', result: 'notApplicable', notApplicableReason: '無此業務' }, by);
    expect(withReason.ok && withReason.value.answers['1.1.1.2']).toMatchObject({ notApplicableReason: '無此業務', answeredBy: 'u1', answeredAt: by.at });
  });

  it('a class I assessment cannot answer a class II item', () => {
    const result = answerItem(started('I'), catalog, { itemNumber: '2.1.1.1', result: 'compliant' }, by);
    expect(result.ok ? null : result.error).toMatchObject({ kind: 'notFound', code: 'ITEM_NOT_IN_CATALOG' });
  });

  it('progress is answered / applicable, not applicable items leave both', () => {
    const a = answered(started(), [['1.1.1.1', 'compliant', { evidenceRefs: ['doc-1'] }], ['1.1.1.2', 'notApplicable', { notApplicableReason: '無' }], ['1.1.1.3', 'nonCompliant']]);
    expect(progressOf(a, catalog)).toEqual({ answered: 2, applicable: 4 });
    expect(progressOf(started('I'), catalog)).toEqual({ answered: 0, applicable: 2 });
  });

  it('baseline counts unanswered as zero; better practices count only when answered and apart', () => {
    const a = answered(started(), [['1.1.1.1', 'compliant', { evidenceRefs: ['d'] }], ['1.1.1.2', 'partiallyCompliant'], ['1.1.1.3', 'nonCompliant']]);
    const score = scoreOf(a, catalog);
    expect(score.byGoal[0]!.baseline).toMatchObject({ compliant: 1, partiallyCompliant: 1, score: 75 });
    expect(score.byGoal[0]!.betterPractice).toMatchObject({ nonCompliant: 1, score: 0 });
    expect(score.byGoal[1]!.baseline).toMatchObject({ notAnswered: 1, score: 0 });
    expect(score.byGoal[1]!.betterPractice.score).toBeNull();
    expect(score.overall.baseline.score).toBe(50); // 1.5 of 3 baseline items
    expect(score.overall.betterPractice.score).toBe(0);
  });
});

describe('consistency warnings and findings', () => {
  it('warns on compliant without suggested evidence, unanswered baseline and a contradicting record', () => {
    const a = answered(started(), [['1.1.1.1', 'compliant'], ['2.1.1.1', 'compliant']]);
    const codes = consistencyWarnings(a, catalog, { trainingHeldThisYear: false }).map((w) => `${w.code} ${w.itemNumber}`);
    expect(codes).toEqual(['COMPLIANT_WITHOUT_EVIDENCE 1.1.1.1', 'BASELINE_UNANSWERED 1.1.1.2', 'CONTRADICTS_RECORD 2.1.1.1']);
    expect(consistencyWarnings(a, catalog, { trainingHeldThisYear: true }).map((w) => w.code)).not.toContain('CONTRADICTS_RECORD');
  });

  it('a not-applicable answer without a reason (e.g. imported) is flagged and blocks sign-off', () => {
    const a: Assessment = { ...started(), status: 'inProgress', answers: { '1.1.1.2': { itemNumber: '1.1.1.2', result: 'notApplicable', evidenceRefs: [], answeredBy: 'u', answeredAt: by.at } } };
    expect(consistencyWarnings(a, catalog).map((w) => w.code)).toContain('NOT_APPLICABLE_WITHOUT_REASON');
    const signed = signOff(a, catalog, { by: 'u', at: by.at, acknowledgeWarnings: true });
    expect(signed.ok ? null : signed.error.kind).toBe('forbiddenByRule');
  });

  it('non-compliant and partially compliant items become findings', () => {
    const a = answered(started(), [['1.1.1.1', 'compliant'], ['1.1.1.2', 'partiallyCompliant', { notes: '部分完成' }], ['1.1.1.3', 'nonCompliant']]);
    expect(findingsOf(a, catalog)).toEqual([
      { itemNumber: '1.1.1.2', goalNumber: '1', requirementNumber: '1.1.1', question: '問題 1.1.1.2？', practice: 'baseline', result: 'partiallyCompliant', notes: '部分完成' },
      { itemNumber: '1.1.1.3', goalNumber: '1', requirementNumber: '1.1.1', question: '問題 1.1.1.3？', practice: 'betterPractice', result: 'nonCompliant' },
    ]);
  });
});

describe('state machine', () => {
  it('draft → inProgress on the first answer; a draft cannot be signed off', () => {
    expect(started().status).toBe('draft');
    const s = signOff(started(), catalog, { by: 'u', at: by.at });
    expect(s.ok ? null : s.error.code).toBe('NOTHING_ANSWERED');
    expect(answered(started(), [['1.1.1.2', 'compliant']]).status).toBe('inProgress');
  });

  it('warnings must be acknowledged; sign-off locks; reopen makes a new revision', () => {
    const a = answered(started(), [['1.1.1.2', 'compliant']]);
    const refused = signOff(a, catalog, { by: 'boss', at: by.at });
    expect(refused.ok ? null : refused.error.code).toBe('WARNINGS_NOT_ACKNOWLEDGED');
    const signed = signOff(a, catalog, { by: 'boss', at: by.at, acknowledgeWarnings: true });
    if (!signed.ok) throw new Error(signed.error.code);
    expect(signed.value.signedOff!.acknowledgedWarnings.length).toBeGreaterThan(0);
    const change = answerItem(signed.value, catalog, { itemNumber: '1.1.1.2', result: 'nonCompliant' }, by);
    expect(change.ok ? null : change.error).toMatchObject({ kind: 'conflict', code: 'ASSESSMENT_SIGNED_OFF' });
    expect(signOff(signed.value, catalog, { by: 'boss', at: by.at, acknowledgeWarnings: true }).ok).toBe(false);
    expect(reopen(a, { newAssessmentId: 'a2', reason: 'x' }).ok).toBe(false);
    expect(reopen(signed.value, { newAssessmentId: 'a2', reason: ' ' }).ok).toBe(false);
    const reopened = reopen(signed.value, { newAssessmentId: 'a2', reason: '稽核發現需補正' });
    if (!reopened.ok) throw new Error(reopened.error.code);
    expect(reopened.value).toMatchObject({ assessmentId: 'a2', revision: 2, previousRevisionId: 'a1', status: 'inProgress', reopenReason: '稽核發現需補正' });
    expect(reopened.value.signedOff).toBeUndefined();
    expect(signed.value.status).toBe('signedOff');
  });

  it('a third-party audit names auditor, organisation and qualification', () => {
    expect(createAssessment({ assessmentId: 'x', catalog, businessClass: 'II', kind: 'thirdPartyAudit' }).ok).toBe(false);
    expect(createAssessment({ assessmentId: 'x', catalog, businessClass: 'II', kind: 'thirdPartyAudit', auditor: { name: '王稽核', organisation: '某驗證公司', qualification: '' } }).ok).toBe(false);
    const ok = createAssessment({ assessmentId: 'x', catalog, businessClass: 'II', kind: 'thirdPartyAudit', auditor: { name: '王稽核', organisation: '某驗證公司', qualification: 'ISO 27001 LA' } });
    expect(ok.ok && ok.value.auditor?.name).toBe('王稽核');
  });
});

describe('comparison', () => {
  it('compares item by item and refuses different catalogs', () => {
    const before = answered(started(), [['1.1.1.1', 'nonCompliant'], ['1.1.1.2', 'compliant'], ['1.1.1.3', 'partiallyCompliant']]);
    const after = answered({ ...started(), assessmentId: 'a2' }, [['1.1.1.1', 'compliant'], ['1.1.1.2', 'partiallyCompliant'], ['1.1.1.3', 'notApplicable', { notApplicableReason: '無' }]]);
    const diff = compareAssessments(before, after, catalog);
    if (!diff.ok) throw new Error('compare failed');
    expect(diff.value.map((d) => `${d.itemNumber} ${d.change}`)).toEqual(['1.1.1.1 improved', '1.1.1.2 worsened', '1.1.1.3 changed', '2.1.1.1 same', '2.1.1.2 same']);
    expect(compareAssessments(before, { ...after, catalogId: 'ecommercePlatform' }, catalog).ok).toBe(false);
    expect(applicableItems(catalog, 'I').length).toBe(2);
  });
});

describe('next assessment due (seed 000 §12(4); K0010162 Art. 18: capital ≥ NT$10M or ≥ 5,000 records → every 12 months)', () => {
  const yearly = { every: 1, unit: 'year' } as const;
  it('counts one regulation cycle from the last sign-off', () => {
    expect(nextAssessmentDue({ obligations: { auditFrequency: yearly, periodicCycleStartsOn: '2024-04-12' }, lastSignedOffOn: '2025-02-28', asOf: '2025-06-01' })).toEqual({ frequency: yearly, dueOn: '2026-02-28', overdue: false, basis: 'regulation' });
  });
  it('without a sign-off counts from the cycle start, and is overdue the day after', () => {
    expect(nextAssessmentDue({ obligations: { auditFrequency: yearly, periodicCycleStartsOn: '2024-04-12' }, asOf: '2025-04-13' })).toMatchObject({ dueOn: '2025-04-12', overdue: true });
    expect(nextAssessmentDue({ obligations: { auditFrequency: yearly, periodicCycleStartsOn: '2024-04-12' }, asOf: '2025-04-12' })).toMatchObject({ overdue: false });
  });
  it('a shorter plan schedule wins over the regulation; a longer one does not', () => {
    const half = { every: 6, unit: 'month' } as const;
    expect(nextAssessmentDue({ obligations: { auditFrequency: yearly, periodicCycleStartsOn: null }, planAuditFrequency: half, lastSignedOffOn: '2025-01-31', asOf: '2025-02-01' })).toMatchObject({ basis: 'plan', dueOn: '2025-07-31' });
    expect(nextAssessmentDue({ obligations: { auditFrequency: yearly, periodicCycleStartsOn: null }, planAuditFrequency: { every: 2, unit: 'year' }, lastSignedOffOn: '2025-01-31', asOf: '2025-02-01' })).toMatchObject({ basis: 'regulation', dueOn: '2026-01-31' });
  });
  it('no regulation cycle and no plan schedule: no duty', () => {
    expect(nextAssessmentDue({ obligations: { auditFrequency: null, periodicCycleStartsOn: null }, asOf: '2025-01-01' })).toBeNull();
  });
});
