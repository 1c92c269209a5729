import { describe, expect, it } from 'vitest';
import { parseFrequencyLabel } from '../../../domain/shared/frequency';
import { advanceByFrequency } from '../../../domain/shared/frequency';
import { DEFAULT_DUTY_DEFINITIONS, defaultDuties } from '../../../domain/reviews/defaultDuties';
import { dutySchema, reconcileDuties } from '../../../domain/reviews/duty';
import { incidentNotificationDuty, oneTimeDuty } from '../../../domain/reviews/oneTimeDuty';
import { occurrencesBetween } from '../../../domain/reviews/reviewTask';

function byKind(kind: string) {
  const found = DEFAULT_DUTY_DEFINITIONS.find((d) => d.dutyKind === kind);
  if (!found) throw new Error(`no default ${kind}`);
  return found;
}

describe('default duties from the example plan (seed 000)', () => {
  it('use the frequency each plan section writes', () => {
    expect([byKind('dataInventory').frequency, byKind('dataInventory').citation.section]).toEqual([{ every: 1, unit: 'year' }, '§3(1)']);
    expect([byKind('riskAssessment').frequency, byKind('riskAssessment').citation.section]).toEqual([{ every: 1, unit: 'year' }, '§4(1)']);
    expect([byKind('incidentDrill').frequency, byKind('incidentDrill').citation.section]).toEqual([{ every: 1, unit: 'year' }, '§5(6)']);
    expect(byKind('purposeExpiryReview').frequency).toEqual({ every: 6, unit: 'month' });
    expect(byKind('staffTraining').frequency).toEqual({ every: 1, unit: 'year' });
    // The plan scans for vulnerabilities yearly (§7(1)6.(2)); every 3 months is the office firewall update (§7(3)4.).
    expect(byKind('vulnerabilityScan').frequency).toEqual({ every: 1, unit: 'year' });
    expect(byKind('officeFirewallUpdate').frequency).toEqual({ every: 3, unit: 'month' });
    expect(byKind('hostedFirewallUpdate').frequency).toEqual({ every: 6, unit: 'month' });
    expect(byKind('securityAudit').frequency).toEqual({ every: 1, unit: 'year' });
    expect(byKind('planReview').frequency).toEqual({ every: 1, unit: 'year' });
  });

  it('read every frequency from the label quoted from the plan', () => {
    for (const definition of DEFAULT_DUTY_DEFINITIONS) {
      expect(parseFrequencyLabel(definition.frequencyLabel), definition.dutyKind).toEqual(definition.frequency);
      expect(definition.citation.quote.replace(/\s+/g, ''), definition.dutyKind).toContain(definition.frequencyLabel.replace(/^每/, ''));
      expect(definition.citation.document).toBe('000');
    }
  });

  it('each carry a zh-TW and English title and legal basis, with unique kinds', () => {
    const kinds = DEFAULT_DUTY_DEFINITIONS.map((d) => d.dutyKind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const d of DEFAULT_DUTY_DEFINITIONS) {
      expect(d.title.zhTW && d.title.en && d.legalBasis.zhTW && d.legalBasis.en, d.dutyKind).toBeTruthy();
      expect(d.legalBasis.zhTW, d.dutyKind).toMatch(/第\d+條/);
    }
    expect(byKind('dataInventory').legalBasis.zhTW).toContain('第4條');
    expect(byKind('riskAssessment').legalBasis.zhTW).toContain('第5條');
    expect(byKind('staffTraining').legalBasis.zhTW).toContain('第12條');
    expect(byKind('securityAudit').legalBasis.zhTW).toContain('第13條');
    expect(byKind('planReview').legalBasis.zhTW).toContain('第15條');
  });

  it('become valid duties first due one period after asOf, and give way to an approved plan', () => {
    const asOf = '2026-01-31';
    const duties = defaultDuties(asOf);
    expect(duties).toHaveLength(DEFAULT_DUTY_DEFINITIONS.length);
    for (const duty of duties) {
      expect(dutySchema.parse(duty)).toEqual(duty);
      expect(duty.source).toBe('default');
      expect(duty.anchorDate).toBe(advanceByFrequency(asOf, duty.frequency!));
    }
    expect(duties.find((d) => d.dutyKind === 'officeFirewallUpdate')!.anchorDate).toBe('2026-04-30');

    const inventory = byKind('dataInventory');
    const result = reconcileDuties(duties, [{ ...inventory, ownerRole: 'convener' }], { asOf: '2026-03-01', source: 'plan' });
    expect(result.update.map((u) => u.changes)).toEqual([['owner', 'source']]);
    expect(result.retire).toHaveLength(duties.length - 1);
    expect(result.create).toEqual([]);
  });
});

describe('one-time deadlines', () => {
  it('model the incident 72-hour mark as an urgent duty due on the local date it ends', () => {
    // Discovered 04:00 on Mar 11 in Taipei; 72 hours later is 04:00 on Mar 14.
    const duty = incidentNotificationDuty('inc-1', '2026-03-10T20:00:00Z', 'Asia/Taipei', { role: 'convener' });
    expect(duty).toMatchObject({ frequency: null, urgent: true, anchorDate: '2026-03-14', source: 'incident', subject: { kind: 'incident', id: 'inc-1' } });
    expect(dutySchema.parse(duty)).toEqual(duty);
    expect(incidentNotificationDuty('inc-1', '2026-03-10T15:59:00Z', 'Asia/Taipei', { role: 'convener' }).anchorDate).toBe('2026-03-13');
    expect(occurrencesBetween(duty, '2026-01-01', '2027-12-31').map((o) => o.dueDate)).toEqual(['2026-03-14']);
  });

  it('shape any other deadline with a stable id per subject', () => {
    const deadline = {
      dutyKind: 'dsrDecision',
      subject: { kind: 'dataSubjectRequest' as const, id: 'dsr-7' },
      title: { zhTW: '當事人請求准駁決定', en: 'Decide on the data subject request' },
      legalBasis: { zhTW: '個資法第13條', en: 'PDPA Art. 13' },
      dueDate: '2026-04-15',
      owner: { role: 'privacyOfficer' },
      source: 'dataSubjectRequest' as const,
    };
    const a = oneTimeDuty(deadline);
    expect(a.dutyId).toBe(oneTimeDuty({ ...deadline, dueDate: '2026-05-15' }).dutyId);
    expect(a).toMatchObject({ frequency: null, urgent: false, anchorDate: '2026-04-15' });
  });
});
