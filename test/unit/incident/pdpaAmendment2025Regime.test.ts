import { describe, expect, it } from 'vitest';
import { regulatorDeadline } from '../../../domain/incident/clocks';
import {
  incidentRegimeFor,
  pdpaAmendment2025ConfigSchema,
  unsetPdpaAmendment2025,
  type PdpaAmendment2025Config,
} from '../../../domain/incident/incidentRegime';
import { digitalEconomyRuleSet } from '../../../domain/plan/obligations';
import { facts, incident } from './fixtures';

const sectorVersion = digitalEconomyRuleSet.versions[0]!;
const effectiveJune: PdpaAmendment2025Config = { ...unsetPdpaAmendment2025, effectiveDate: '2026-06-01' };
const regime = (discoveredAt: string, amendment: PdpaAmendment2025Config, overrides: Parameters<typeof facts>[0] = {}) =>
  incidentRegimeFor({ facts: facts({ discoveredAt, occurredAt: undefined, ...overrides }), sectorVersion, amendment });

describe('PDPA 2025 amendment (promulgated 2025-11-11; effective date set by the Executive Yuan): a dated regime chosen by discovery', () => {
  it('until the effective date is announced, every incident keeps the PDPA Art. 12 regime (notify subjects after investigating)', () => {
    const r = regime('2030-01-01T10:00:00+08:00', unsetPdpaAmendment2025);
    expect(r).toMatchObject({ regimeId: 'pdpa-2023', amendmentEffectiveDate: null, subjectNotice: { timing: 'afterInvestigation' }, recordsKeptForInspection: false });
    expect(r.report).toMatchObject({ hours: 72, authority: { zhTW: '數位發展部' } });
  });

  it('discovered before the effective date (Taipei date) keeps the earlier regime; on or after it follows the amendment', () => {
    expect(regime('2026-05-31T23:59:00+08:00', effectiveJune).regimeId).toBe('pdpa-2023');
    // 2026-06-01 00:10 in Taipei is still 31 May in UTC: the Taiwan calendar day decides.
    expect(regime('2026-06-01T00:10:00+08:00', effectiveJune)).toMatchObject({
      regimeId: 'pdpa-2025',
      discoveredOn: '2026-06-01',
      subjectNotice: { timing: 'withoutWaitingForInvestigation' },
      recordsKeptForInspection: true,
    });
  });

  it('reports to the Personal Data Protection Commission; while scope, time limit and form are unpublished every incident is reportable and the clock is provisional', () => {
    const r = regime('2026-07-01T10:00:00+08:00', effectiveJune, { endangersOperationsOrManySubjects: false, estimatedRecords: { general: 3, special: 0 } });
    expect(r.report).toMatchObject({ authority: { zhTW: '個人資料保護委員會' }, hours: 72, provisional: true, source: { kind: 'pdpaAmendment2025' } });
    expect(r.explanation.some((e) => e.en.includes('provisional'))).toBe(true);
  });

  it('the configured reportable scope and time limit decide the report, as data', () => {
    const published: PdpaAmendment2025Config = {
      ...effectiveJune,
      commissionReport: {
        hours: 48,
        reportableScope: { minAffectedRecords: 1000, anySpecialCategoryRecords: true, endangersOperationsOrManySubjects: true, kinds: ['ransomware'] },
        form: { zhTW: '個資外洩事故通報表', en: 'Breach report form' },
      },
      fines: [{ article: '48', minNtd: 20_000, maxNtd: 2_000_000, description: { zhTW: '測試', en: 'test' } }],
      source: 'test',
    };
    const small = regime('2026-07-01T10:00:00+08:00', published, { endangersOperationsOrManySubjects: false, estimatedRecords: { general: 10, special: 0 }, kinds: ['misdelivery'] });
    expect(small.report).toBeNull();
    expect(small.explanation.some((e) => e.en.includes('Outside the reportable scope'))).toBe(true);
    const special = regime('2026-07-01T10:00:00+08:00', published, { endangersOperationsOrManySubjects: false, estimatedRecords: { general: 0, special: 1 }, kinds: ['misdelivery'] });
    expect(special.report).toMatchObject({ hours: 48, provisional: false, form: { zhTW: '個資外洩事故通報表' } });
    expect(special.fines).toEqual(published.fines);
    const inc = { ...incident({ discoveredAt: '2026-07-01T10:00:00+08:00', occurredAt: undefined }), regime: special };
    expect(regulatorDeadline(inc)).toBe('2026-07-03T02:00:00.000Z');
  });

  it('the configuration is validated: no effective date before promulgation, no inverted fine range', () => {
    expect(pdpaAmendment2025ConfigSchema.safeParse({ ...unsetPdpaAmendment2025, effectiveDate: '2025-11-10' }).success).toBe(false);
    expect(pdpaAmendment2025ConfigSchema.safeParse({ ...unsetPdpaAmendment2025, fines: [{ article: '48', minNtd: 10, maxNtd: 1, description: { zhTW: 'x', en: 'x' } }] }).success).toBe(false);
    expect(pdpaAmendment2025ConfigSchema.safeParse(unsetPdpaAmendment2025).success).toBe(true);
  });
});
