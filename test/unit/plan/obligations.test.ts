import { describe, expect, it } from 'vitest';
import {
  civilPeriodLastDay,
  computePlanObligations,
  daysDeadlineFrom,
  digitalEconomyRuleSet,
  generalMerchandiseRetailRuleSet,
  inForceSectorRegulations,
  mainlandAffairsRuleSet,
  manufacturingRuleSet,
  modelledRuleSets,
  monthsDeadlineFrom,
  planObligationsQuerySchema,
  ruleSetVersionOn,
  sectorRegulationFor,
  sectorRuleSetFor,
  withVersion,
  type PlanRuleSetVersion,
  type RecordCountObservation,
} from '../../../domain/plan/obligations';

const YEARLY = { every: 1, unit: 'year' };
const q = (recordCountHistory: RecordCountObservation[], asOf: string, paidInCapital = 0) =>
  computePlanObligations({ ruleSet: mainlandAffairsRuleSet, recordCountHistory, paidInCapital, asOf });
const k = (recordCountHistory: RecordCountObservation[], asOf: string, paidInCapital = 0, capitalThresholdReachedOn?: string) =>
  computePlanObligations({ ruleSet: digitalEconomyRuleSet, recordCountHistory, paidInCapital, asOf, capitalThresholdReachedOn });

describe('Civil Code period counting', () => {
  it.each([
    ['2023-10-12', 3, '2024-01-12'],
    ['2021-12-28', 6, '2022-06-28'],
    ['2023-08-30', 6, '2024-02-29'], // no 31 Feb: last day of February
    ['2023-08-31', 6, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-31'], // counting starts 1 March, so the month ends 31 March
    ['2024-12-31', 6, '2025-06-30'],
  ])('%s + %i months ends on %s (event day not counted)', (event, months, last) => {
    expect(monthsDeadlineFrom(event, months)).toBe(last);
  });

  it('days: 30 days from D end on D + 30', () => {
    expect(daysDeadlineFrom('2025-06-10', 30)).toBe('2025-07-10');
    expect(daysDeadlineFrom('2024-12-15', 30)).toBe('2025-01-14');
  });

  it('a period counted from its first day ends the day before the corresponding day', () => {
    expect(civilPeriodLastDay('2023-03-01', 24)).toBe('2025-02-28');
    expect(civilPeriodLastDay('2024-02-29', 12)).toBe('2025-02-28');
  });
});

describe('record threshold (Q0010012 Art. 2)', () => {
  it('4,999 records on entry into force: no plan required', () => {
    const o = q([{ date: '2021-01-01', count: 4999 }], '2022-12-31');
    expect(o).toMatchObject({ planRequired: false, thresholdCrossedOn: null, adoptionDeadline: null, adoptionDeadlinePassed: false });
  });

  it('5,000 records on entry into force: plan within 6 months of entry into force', () => {
    const o = q([{ date: '2021-01-01', count: 5000 }], '2022-01-01');
    expect(o).toMatchObject({ planRequired: true, thresholdCrossedOn: '2021-12-28', adoptionDeadline: '2022-06-28' });
  });

  it('the deadline day is still in time; the next day is late', () => {
    const history = [{ date: '2023-03-31', count: 5000 }];
    expect(q(history, '2023-09-30')).toMatchObject({ adoptionDeadline: '2023-09-30', adoptionDeadlinePassed: false });
    expect(q(history, '2023-10-01')).toMatchObject({ adoptionDeadline: '2023-09-30', adoptionDeadlinePassed: true });
  });

  it('crossing later: 6 months from the day 5,000 was reached; the day before it is not yet required', () => {
    const history = [
      { date: '2021-01-01', count: 100 },
      { date: '2023-08-30', count: 5000 },
    ];
    expect(q(history, '2023-08-29').planRequired).toBe(false);
    expect(q(history, '2023-08-30')).toMatchObject({ planRequired: true, thresholdCrossedOn: '2023-08-30', adoptionDeadline: '2024-02-29' });
  });

  it('counts are single-day values: a later entry on the same date wins', () => {
    const o = q([{ date: '2023-01-01', count: 5000 }, { date: '2023-01-01', count: 4999 }], '2023-06-01');
    expect(o.planRequired).toBe(false);
  });

  const dropped = [
    { date: '2021-01-01', count: 6000 },
    { date: '2023-03-01', count: 4999 },
  ];

  it('two years below: one day short, suspension is not yet allowed', () => {
    const o = q(dropped, '2025-02-28');
    expect(o).toMatchObject({ planRequired: true, suspensionAllowedSince: null, suspensionEligibleOn: '2025-03-01' });
  });

  it('two full years below: suspension allowed from the next day and the plan is no longer required', () => {
    const o = q(dropped, '2025-03-01');
    expect(o).toMatchObject({ planRequired: false, suspensionAllowedSince: '2025-03-01', suspensionEligibleOn: null, resumeDeadline: null });
    expect(o.citations.map((c) => c.article)).toContain('2');
  });

  it('back at 5,000 the day before the two years end: the streak breaks, no resume deadline', () => {
    const o = q([...dropped, { date: '2025-02-28', count: 5000 }], '2025-03-10');
    expect(o).toMatchObject({ planRequired: true, suspensionAllowedSince: null, suspensionEligibleOn: null, resumeDeadline: null });
  });

  it('a new drop restarts the two-year count', () => {
    const o = q([...dropped, { date: '2024-06-01', count: 5000 }, { date: '2024-06-02', count: 10 }], '2026-06-01');
    expect(o).toMatchObject({ planRequired: true, suspensionEligibleOn: '2026-06-02' });
    expect(q([...dropped, { date: '2024-06-01', count: 5000 }, { date: '2024-06-02', count: 10 }], '2026-06-02').planRequired).toBe(false);
  });

  it('after suspension, reaching 5,000 again: resume within 30 days', () => {
    const history = [...dropped, { date: '2025-06-10', count: 5000 }];
    expect(q(history, '2025-06-09').planRequired).toBe(false);
    expect(q(history, '2025-07-10')).toMatchObject({ planRequired: true, resumeDeadline: '2025-07-10', resumeDeadlinePassed: false, suspensionAllowedSince: null });
    expect(q(history, '2025-07-11')).toMatchObject({ resumeDeadline: '2025-07-10', resumeDeadlinePassed: true });
    // The original adoption deadline is unchanged.
    expect(q(history, '2025-07-11').adoptionDeadline).toBe('2022-06-28');
  });

  it('J0030130 applies the same thresholds to consumer data, from its 2016 entry into force', () => {
    const o = computePlanObligations({ ruleSet: manufacturingRuleSet, recordCountHistory: [{ date: '2016-01-01', count: 5000 }], asOf: '2022-01-01' });
    expect(o).toMatchObject({ planRequired: true, thresholdCrossedOn: '2016-07-28', adoptionDeadline: '2017-01-28', incidentNotificationHours: 72, recordKeepingYears: 5 });
    expect(() => computePlanObligations({ ruleSet: manufacturingRuleSet, recordCountHistory: [], asOf: '2021-12-29' })).toThrow(RangeError);
  });
});

describe('digital economy (K0010162 Arts. 3, 18)', () => {
  it('every business needs a plan within 3 months of entry into force', () => {
    expect(k([], '2023-10-12')).toMatchObject({ planRequired: true, adoptionDeadline: '2024-01-12', adoptionDeadlinePassed: false });
    expect(k([], '2024-01-13').adoptionDeadlinePassed).toBe(true);
  });

  it('capital NT$9,999,999 and 4,999 records: no fixed 12-month cycle', () => {
    const o = k([{ date: '2023-01-01', count: 4999 }], '2024-06-01', 9_999_999);
    expect(o).toMatchObject({ auditFrequency: null, periodicCycleStartsOn: null, planReviewFrequency: null, thresholdCrossedOn: null });
  });

  it('capital NT$10,000,000 at entry into force: every 12 months once the plan is adopted', () => {
    const o = k([], '2024-06-01', 10_000_000);
    expect(o).toMatchObject({ auditFrequency: YEARLY, planReviewFrequency: YEARLY, periodicCycleStartsOn: '2024-01-12', thresholdCrossedOn: '2023-10-12' });
    expect(o.citations.map((c) => c.article)).toContain('18');
  });

  it('5,000 records reached later: the cycle starts 6 months after', () => {
    const history = [
      { date: '2023-01-01', count: 4999 },
      { date: '2024-01-01', count: 5000 },
    ];
    expect(k(history, '2023-12-31').auditFrequency).toBeNull();
    expect(k(history, '2024-01-01')).toMatchObject({ auditFrequency: YEARLY, periodicCycleStartsOn: '2024-07-02', thresholdCrossedOn: '2024-01-01' });
  });

  it('capital increased to the threshold later: 6 months from the increase', () => {
    expect(k([], '2024-06-01', 10_000_000, '2024-05-15')).toMatchObject({ periodicCycleStartsOn: '2024-11-16', thresholdCrossedOn: '2024-05-15' });
  });

  const dropped = [
    { date: '2023-01-01', count: 8000 },
    { date: '2024-03-01', count: 100 },
  ];

  it('two years below 5,000 lifts the 12-month cycle, not the plan', () => {
    expect(k(dropped, '2026-02-28')).toMatchObject({ auditFrequency: YEARLY, suspensionEligibleOn: '2026-03-01' });
    expect(k(dropped, '2026-03-01')).toMatchObject({ planRequired: true, auditFrequency: null, suspensionAllowedSince: '2026-03-01' });
    const back = k([...dropped, { date: '2026-05-01', count: 5000 }], '2026-05-31');
    expect(back).toMatchObject({ auditFrequency: YEARLY, resumeDeadline: '2026-05-31', resumeDeadlinePassed: false });
  });

  it('with capital ≥ NT$10M the record drop does not lift the cycle', () => {
    expect(k(dropped, '2026-03-01', 10_000_000)).toMatchObject({ auditFrequency: YEARLY, suspensionAllowedSince: null, suspensionEligibleOn: null });
  });
});

describe('general merchandise retail (J0080062)', () => {
  const r = (capital: number, asOf = '2024-03-01') =>
    computePlanObligations({ ruleSet: generalMerchandiseRetailRuleSet, recordCountHistory: [{ date: '2023-01-01', count: 1 }], paidInCapital: capital, asOf });

  it('capital NT$9,999,999 is out of scope; NT$10,000,000 needs a plan within 6 months', () => {
    expect(r(9_999_999)).toMatchObject({ planRequired: false, adoptionDeadline: null });
    expect(r(10_000_000)).toMatchObject({ planRequired: true, adoptionDeadline: '2024-02-01', adoptionDeadlinePassed: true, planReviewFrequency: YEARLY, auditFrequency: null });
    expect(r(10_000_000, '2024-02-01').adoptionDeadlinePassed).toBe(false);
  });

  it('has no suspension rule and notifies within 72 hours', () => {
    const o = r(10_000_000, '2030-01-01');
    expect(o).toMatchObject({ suspensionAllowedSince: null, resumeDeadline: null, incidentNotificationHours: 72, recordKeepingYears: 5 });
    expect(o.citations.map((c) => c.article)).toEqual(['3', '21', '12', '15', '17']);
  });
});

describe('rule sets as data', () => {
  const amendment: PlanRuleSetVersion = {
    ...digitalEconomyRuleSet.versions[0]!,
    versionId: 'K0010162@2026-01-01',
    effectiveFrom: '2026-01-01',
    incidentNotification: { hours: 48, clockStartsAt: 'learnedOf', form: { zhTW: '表', en: 'form' } },
  };
  const amended = withVersion(digitalEconomyRuleSet, amendment);

  it('selects the version in force on the evaluation date', () => {
    expect(k([], '2025-12-31').incidentNotificationHours).toBe(72);
    const after = computePlanObligations({ ruleSet: amended, recordCountHistory: [], asOf: '2026-01-01' });
    expect(after).toMatchObject({ incidentNotificationHours: 48, ruleSetVersionId: 'K0010162@2026-01-01' });
    const before = computePlanObligations({ ruleSet: amended, recordCountHistory: [], asOf: '2025-12-31' });
    expect(before.ruleSetVersionId).toBe('K0010162@2023-10-12');
  });

  it('honours effectiveUntil and refuses a version of another regulation', () => {
    const closed = { ...mainlandAffairsRuleSet, versions: [{ ...mainlandAffairsRuleSet.versions[0]!, effectiveUntil: '2025-12-31' }] };
    expect(ruleSetVersionOn(closed, '2025-12-31')).toBeDefined();
    expect(ruleSetVersionOn(closed, '2026-01-01')).toBeUndefined();
    expect(ruleSetVersionOn(mainlandAffairsRuleSet, '2021-12-27')).toBeUndefined();
    expect(() => withVersion(mainlandAffairsRuleSet, amendment)).toThrow(RangeError);
  });

  it('every modelled rule set requires 72-hour notification and 5-year records', () => {
    for (const ruleSet of modelledRuleSets) {
      for (const v of ruleSet.versions) {
        expect(v.incidentNotification.hours).toBe(72);
        expect(v.recordKeepingYears).toBe(5);
        expect(sectorRegulationFor(v.regulation)?.name).toBe(v.name.zhTW);
      }
    }
  });

  it('looks up sector rule sets and the 58 in-force regulations', () => {
    expect(sectorRuleSetFor('K0010162')).toBe(digitalEconomyRuleSet);
    expect(sectorRuleSetFor('J0080062')).toBe(generalMerchandiseRetailRuleSet);
    expect(sectorRuleSetFor('D0020076')).toBeUndefined();
    expect(inForceSectorRegulations).toHaveLength(58);
    expect(new Set(inForceSectorRegulations.map((r) => r.pcode)).size).toBe(58);
    expect(sectorRegulationFor('D0020076')?.lastAmended).toBe('2021-11-30');
  });

  it('the query schema rejects unknown fields and bad dates', () => {
    const ok = { regulation: 'K0010162', recordCountHistory: [{ date: '2024-01-01', count: 5000 }], paidInCapital: 1, asOf: '2025-01-01' };
    expect(planObligationsQuerySchema.safeParse(ok).success).toBe(true);
    expect(planObligationsQuerySchema.safeParse({ ...ok, extra: 1 }).success).toBe(false);
    expect(planObligationsQuerySchema.safeParse({ ...ok, asOf: '2025-02-30' }).success).toBe(false);
    expect(planObligationsQuerySchema.safeParse({ ...ok, recordCountHistory: [{ date: '2024-01-01', count: -1 }] }).success).toBe(false);
  });
});
