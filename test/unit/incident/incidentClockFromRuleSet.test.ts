import { describe, expect, it } from 'vitest';
import { notificationReminders, notificationTiming, regulatorDeadline, reportHoursOf } from '../../../domain/incident/clocks';
import { incidentRegimeFor, sectorReportClock, unsetPdpaAmendment2025 } from '../../../domain/incident/incidentRegime';
import { recordRegulatorNotification } from '../../../domain/incident/timeline';
import { digitalEconomyRuleSet, mainlandAffairsRuleSet, type PlanRuleSetVersion } from '../../../domain/plan/obligations';
import { notificationDeadlineSpec } from '../../../functions/incidents/incidentDeadlines';
import { sectorVersionFor } from '../../../functions/incidents/commands/incidentRegimeOf';
import { facts, incident } from './fixtures';

const HOUR = 3_600_000;
const k0010162 = digitalEconomyRuleSet.versions[0]!;
/** A later version of a sector rule set with a shorter clock: data only, no engine change. */
const k48: PlanRuleSetVersion = {
  ...k0010162,
  versionId: 'K0010162@2027-01-01',
  effectiveFrom: '2027-01-01',
  incidentNotification: { ...k0010162.incidentNotification, hours: 48 },
};
const regimeWith = (version: PlanRuleSetVersion, discoveredAt = '2025-03-01T09:30:00+08:00') =>
  incidentRegimeFor({ facts: facts({ discoveredAt }), sectorVersion: version, amendment: unsetPdpaAmendment2025 });

describe('K0010162 Art. 8 ¶2: the incident clock comes from the tenant rule set (hours, clock start, authority, form)', () => {
  it('takes hours, clock start, authority and form from the rule set version', () => {
    expect(sectorReportClock(k0010162)).toMatchObject({
      hours: 72,
      clockStartsAt: 'learnedOf',
      authority: { zhTW: '數位發展部' },
      form: { zhTW: expect.stringContaining('附表二') },
      source: { kind: 'sectorRuleSet', ruleSetVersionId: 'K0010162@2023-10-12' },
    });
    // Q0010012 Art. 6 ¶2: 發現 (discovery), its own form.
    expect(sectorReportClock(mainlandAffairsRuleSet.versions[0]!)).toMatchObject({ clockStartsAt: 'discovered', form: { zhTW: expect.stringContaining('個人資料侵害事故通報與紀錄表') } });
  });

  it('a rule set with 48 hours gives a 48-hour deadline, reminders and lateness test (Civil Code Art. 120 ¶1)', () => {
    const inc = { ...incident(), regime: regimeWith(k48) };
    const discovered = Date.parse(inc.discoveredAt);
    expect(reportHoursOf(inc)).toBe(48);
    expect(regulatorDeadline(inc)).toBe(new Date(discovered + 48 * HOUR).toISOString());
    expect(notificationReminders(inc).find((r) => r.kind === 'deadline')!.at).toBe(new Date(discovered + 48 * HOUR).toISOString());
    expect(notificationTiming(inc, new Date(discovered + 50 * HOUR).toISOString()).withinDeadline).toBe(false);
    // The first report at 50 h is late under this rule set and needs a reason.
    const late = recordRegulatorNotification(inc, { notifiedAt: new Date(discovered + 50 * HOUR).toISOString(), authorityCode: 'moda', channel: 'email', stage: 'initial' });
    expect(late).toMatchObject({ ok: false, error: { code: 'LATE_WITHOUT_DELAY_REASON' } });
    expect(late.ok ? '' : late.error.message.zhTW).toContain('48小時');
  });

  it('the deadline the product chases has the rule set hours, authority and form', () => {
    const regime = regimeWith(k48);
    const spec = notificationDeadlineSpec({ id: 'inc_1', discoveredAt: '2025-03-01T09:30:00+08:00', incidentContact: null, regime }, 'Asia/Taipei');
    expect(spec.dueAt).toBe('2025-03-03T01:30:00.000Z');
    expect(spec.dueDate).toBe('2025-03-03');
    expect(spec.title.zhTW).toBe('個資事故48小時內通報數位發展部');
    expect(spec.legalBasis.zhTW).toContain('附表二');
  });

  it("a tenant's modelled regulation gives its version on the discovery date; an unmodelled one falls back to the baseline with the tenant's own authority", () => {
    expect(sectorVersionFor({ regulationPcode: 'K0010162', sector: 'digitalEconomy' }, '2025-03-01T09:30:00+08:00').versionId).toBe('K0010162@2023-10-12');
    const fallback = sectorVersionFor({ regulationPcode: null, sector: 'digitalEconomy' }, '2025-03-01T09:30:00+08:00');
    expect(fallback.incidentNotification.hours).toBe(72);
    expect(fallback.authority.zhTW).toBe('數位發展部');
  });
});
