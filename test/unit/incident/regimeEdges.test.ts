/**
 * The incident regime at its edges (mutation testing, issue #15): each part of the reportable
 * scope on its own and at its bound, which clock start and form apply while the sub-rules are
 * partly published, and the exact explanation of each regime.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  currentPdpaAmendment2025,
  incidentRegimeFor,
  installPdpaAmendment2025,
  pdpaAmendment2025ConfigSchema,
  sectorReportClock,
  unsetPdpaAmendment2025,
  type PdpaAmendment2025Config,
} from '../../../domain/incident/incidentRegime';
import { digitalEconomyRuleSet, mainlandAffairsRuleSet } from '../../../domain/plan/obligations';
import { facts } from './fixtures';

const sectorVersion = digitalEconomyRuleSet.versions[0]!;
const FORM = { zhTW: '個資外洩事故通報表', en: 'Breach report form' };
type ReportableScope = NonNullable<PdpaAmendment2025Config['commissionReport']['reportableScope']>;
const scope: ReportableScope = { minAffectedRecords: null, anySpecialCategoryRecords: false, endangersOperationsOrManySubjects: false, kinds: [] };
const amended = (commissionReport: Partial<PdpaAmendment2025Config['commissionReport']>): PdpaAmendment2025Config => ({
  ...unsetPdpaAmendment2025,
  effectiveDate: '2026-06-01',
  commissionReport: { ...unsetPdpaAmendment2025.commissionReport, ...commissionReport },
});
const quiet = { endangersOperationsOrManySubjects: false, estimatedRecords: { general: 10, special: 0 }, kinds: ['misdelivery' as const] };
const regime = (amendment: PdpaAmendment2025Config, overrides: Parameters<typeof facts>[0] = {}, version = sectorVersion) =>
  incidentRegimeFor({ facts: facts({ discoveredAt: '2026-07-01T10:00:00+08:00', occurredAt: undefined, ...quiet, ...overrides }), sectorVersion: version, amendment });

afterEach(() => installPdpaAmendment2025(null));

describe('reportable scope, one part at a time', () => {
  it('counts general plus special records against the minimum, the minimum included', () => {
    const min = amended({ hours: 48, form: FORM, reportableScope: { ...scope, minAffectedRecords: 100 } });
    expect(regime(min, { estimatedRecords: { general: 60, special: 40 } }).report).not.toBeNull();
    expect(regime(min, { estimatedRecords: { general: 60, special: 39 } }).report).toBeNull();
  });

  it('takes any special-category record only when the scope says so', () => {
    const special = amended({ hours: 48, form: FORM, reportableScope: { ...scope, anySpecialCategoryRecords: true } });
    expect(regime(special, { estimatedRecords: { general: 0, special: 1 } }).report).not.toBeNull();
    expect(regime(special, { estimatedRecords: { general: 500, special: 0 } }).report).toBeNull();
    const notSpecial = amended({ hours: 48, form: FORM, reportableScope: scope });
    expect(regime(notSpecial, { estimatedRecords: { general: 0, special: 1 } }).report).toBeNull();
  });

  it('takes endangering incidents only when the scope says so', () => {
    expect(regime(amended({ hours: 48, form: FORM, reportableScope: { ...scope, endangersOperationsOrManySubjects: true } }), { endangersOperationsOrManySubjects: true }).report).not.toBeNull();
    expect(regime(amended({ hours: 48, form: FORM, reportableScope: scope }), { endangersOperationsOrManySubjects: true }).report).toBeNull();
  });

  it('takes any listed kind', () => {
    const kinds = amended({ hours: 48, form: FORM, reportableScope: { ...scope, kinds: ['ransomware'] } });
    expect(regime(kinds, { kinds: ['leak', 'ransomware'] }).report).not.toBeNull();
    expect(regime(kinds, { kinds: ['leak'] }).report).toBeNull();
  });
});

describe('the Commission report while the sub-rules are partly published', () => {
  it('with its own time limit the clock starts on learning of the incident, and the sector form fills a missing one', () => {
    const r = regime(amended({ hours: 48, reportableScope: scope, form: null }), {}, mainlandAffairsRuleSet.versions[0]!);
    // A published scope that lists nothing makes nothing reportable.
    expect(r.report).toBeNull();
    const hoursOnly = regime(amended({ hours: 48, reportableScope: null, form: null }), {}, mainlandAffairsRuleSet.versions[0]!);
    expect(hoursOnly.report).toMatchObject({ hours: 48, clockStartsAt: 'learnedOf', provisional: true, form: mainlandAffairsRuleSet.versions[0]!.incidentNotification.form });
  });

  it('without its own time limit borrows the sector clock and its start', () => {
    const r = regime(amended({ hours: null, reportableScope: scope, form: FORM }), {}, mainlandAffairsRuleSet.versions[0]!);
    expect(r.report).toBeNull();
    const borrowed = regime(amended({ hours: null, reportableScope: null, form: FORM }), {}, mainlandAffairsRuleSet.versions[0]!);
    expect(borrowed.report).toMatchObject({ hours: 72, clockStartsAt: 'discovered', form: FORM, provisional: true });
  });

  it('stays provisional while the scope or the time limit is unpublished, even with the form', () => {
    expect(regime(amended({ hours: 48, reportableScope: null, form: FORM })).report).toMatchObject({ hours: 48, provisional: true });
    expect(regime(amended({ hours: null, reportableScope: { ...scope, kinds: ['misdelivery'] }, form: FORM })).report).toMatchObject({ hours: 72, provisional: true });
  });

  it('is final only when scope, time limit and form are all published', () => {
    const published = regime(amended({ hours: 48, reportableScope: { ...scope, kinds: ['misdelivery'] }, form: FORM }));
    expect(published.report).toEqual({
      hours: 48,
      clockStartsAt: 'learnedOf',
      authority: { zhTW: '個人資料保護委員會', en: 'Personal Data Protection Commission' },
      form: FORM,
      legalBasis: { zhTW: '個人資料保護法（2025年11月11日修正公布）：事故通報個人資料保護委員會', en: 'PDPA as amended (promulgated 2025-11-11): report the incident to the Personal Data Protection Commission' },
      source: { kind: 'pdpaAmendment2025' },
      provisional: false,
    });
    expect(published.explanation).toEqual([
      { zhTW: '事故發現日 2026-07-01 在2025年修正條文施行日 2026-06-01 以後，適用修正後規定', en: 'Discovered on 2026-07-01, on or after the 2025 amendment took effect on 2026-06-01: the amended rules apply' },
      { zhTW: '毋須待查明即應通知當事人', en: 'Notify the data subjects without waiting for the investigation' },
      { zhTW: '通報個人資料保護委員會：48小時內', en: 'Report to the Personal Data Protection Commission within 48 hours' },
      { zhTW: '事故紀錄應留存備查', en: 'Keep the incident records for inspection' },
    ]);
    expect(published.subjectNotice.legalBasis).toEqual({ zhTW: '個人資料保護法（2025年修正）：毋須待查明即通知當事人', en: 'PDPA as amended 2025: notify data subjects without waiting for the investigation' });
    expect(regime(amended({ hours: 48, reportableScope: { ...scope, kinds: ['misdelivery'] }, form: null })).report!.provisional).toBe(true);
    const unset = regime(amended({})).explanation[2]!;
    expect(unset).toEqual({ zhTW: '通報個人資料保護委員會：72小時內（暫定：範圍、時限或格式尚待子法公布）', en: 'Report to the Personal Data Protection Commission within 72 hours (provisional: scope, time limit or form awaits the sub-rules)' });
    expect(regime(amended({ hours: 48, reportableScope: scope, form: FORM })).explanation[2]).toEqual({ zhTW: '不屬子法所定應通報範圍', en: 'Outside the reportable scope of the sub-rules' });
  });
});

describe('the earlier regime', () => {
  it('explains why it applies, with the sector report', () => {
    const notAnnounced = regime(unsetPdpaAmendment2025);
    expect(notAnnounced.explanation).toEqual([
      { zhTW: '2025年修正條文施行日尚未公布，適用現行規定', en: 'The effective date of the 2025 amendment is not yet announced: the current rules apply' },
      { zhTW: '通報數位發展部：72小時內（K0010162 第8條第2項：知悉事故後七十二小時內通報）', en: 'Report to the Ministry of Digital Affairs within 72 hours (K0010162 Art. 8 ¶2: Notify within 72 hours of learning of it)' },
    ]);
    expect(notAnnounced.subjectNotice.legalBasis).toEqual({ zhTW: '個人資料保護法第12條：查明後以適當方式通知當事人', en: 'PDPA Art. 12: notify the data subjects by appropriate means after investigating' });
    expect(notAnnounced.fines).toEqual([]);
    const before = regime({ ...unsetPdpaAmendment2025, effectiveDate: '2026-08-01' });
    expect(before.explanation[0]).toEqual({ zhTW: '事故發現日 2026-07-01 早於2025年修正條文施行日 2026-08-01，適用修正前規定', en: 'Discovered on 2026-07-01, before the 2025 amendment took effect on 2026-08-01: the earlier rules apply' });
    expect(before.amendmentEffectiveDate).toBe('2026-08-01');
  });

  it('cites the sector article without a paragraph when it has none', () => {
    const citation = sectorVersion.citations.incidentNotification;
    const noParagraph = { ...sectorVersion, citations: { ...sectorVersion.citations, incidentNotification: { ...citation, paragraph: undefined } } } as typeof sectorVersion;
    expect(sectorReportClock(noParagraph).legalBasis).toEqual({ zhTW: 'K0010162 第8條：知悉事故後七十二小時內通報', en: 'K0010162 Art. 8: Notify within 72 hours of learning of it' });
  });
});

describe('the amendment configuration', () => {
  it('may take effect on the day of promulgation, and a fine range may be a single amount', () => {
    expect(pdpaAmendment2025ConfigSchema.safeParse({ ...unsetPdpaAmendment2025, effectiveDate: '2025-11-11' }).success).toBe(true);
    expect(pdpaAmendment2025ConfigSchema.safeParse({ ...unsetPdpaAmendment2025, fines: [{ article: '48', minNtd: 500, maxNtd: 500, description: { zhTW: 'x', en: 'x' } }] }).success).toBe(true);
  });
});

describe('the installed amendment configuration', () => {
  it('is unset until installed, and back to unset when cleared', () => {
    expect(currentPdpaAmendment2025()).toEqual(unsetPdpaAmendment2025);
    const config = amended({ hours: 48 });
    installPdpaAmendment2025(config);
    expect(currentPdpaAmendment2025()).toBe(config);
    installPdpaAmendment2025(null);
    expect(currentPdpaAmendment2025()).toBe(unsetPdpaAmendment2025);
  });
});
