import { describe, expect, it } from 'vitest';
import { decisionDeadline, extendedDecisionDeadline, periodSettingsSchema, type PeriodSettings } from '../../../domain/dataSubjectRequest/deadlines';
import { deadlineRules, requestTypes } from '../../../domain/dataSubjectRequest/requestTypes';
import { taipei } from './fixtures';

const settings: PeriodSettings = { timeZone: 'Asia/Taipei', mode: 'civilCode', calendar: {} };

describe('decision deadlines (PDPA Art. 13)', () => {
  it('gives 15 days (+15) for inquiry, review and copies, 30 (+30) for correction, stop and deletion', () => {
    for (const type of ['inquiry', 'review', 'copy'] as const) expect(deadlineRules[type]).toMatchObject({ kind: 'period', days: 15, maxExtensionDays: 15 });
    for (const type of ['correction', 'stopProcessing', 'deletion'] as const) expect(deadlineRules[type]).toMatchObject({ kind: 'period', days: 30, maxExtensionDays: 30 });
    expect(deadlineRules.marketingOptOut.kind).toBe('immediate');
    expect(requestTypes).toHaveLength(7);
  });

  it('computes the deadline with its Civil Code explanation', () => {
    const inquiry = decisionDeadline('inquiry', taipei('2025-03-03'), settings);
    expect(inquiry).toMatchObject({ kind: 'period', days: 15, lastDay: '2025-03-18', dueAt: '2025-03-18T15:59:59.999Z' });
    expect(inquiry.legalBasis.zhTW).toBe('個人資料保護法第13條第1項');
    expect(inquiry.explanation[0]!.zhTW).toContain('15日內');
    expect(inquiry.explanation.some((e) => e.zhTW.includes('民法第120條第2項'))).toBe(true);
    const deletion = decisionDeadline('deletion', taipei('2025-03-03'), settings);
    expect(deletion).toMatchObject({ days: 30, lastDay: '2025-04-02' });
    expect(deletion.legalBasis.en).toBe('PDPA Art. 13 ¶2');
    // A 30-day period into the 2025 Children's Day / Tomb Sweeping break.
    expect(decisionDeadline('correction', taipei('2025-03-04'), settings).lastDay).toBe('2025-04-07');
  });

  it('makes a marketing objection effective at the moment of receipt', () => {
    const receivedAt = '2025-03-02T16:30:00.000Z';
    const optOut = decisionDeadline('marketingOptOut', receivedAt, settings);
    expect(optOut).toMatchObject({ kind: 'immediate', days: 0, dueAt: receivedAt, lastDay: '2025-03-03' });
    expect(optOut.explanation[0]!.zhTW).toContain('應即停止利用其個人資料行銷');
    expect(optOut.explanation[0]!.en).toContain('must stop at once');
  });

  it('counts the extension from the end of the original period', () => {
    const original = decisionDeadline('inquiry', taipei('2025-03-03'), settings);
    const extended = extendedDecisionDeadline('inquiry', original, 15, settings);
    expect(extended).toMatchObject({ days: 15, lastDay: '2025-04-02', nominalLastDay: '2025-04-02' });
    expect(extended.explanation[0]!.zhTW).toContain('自原期限末日 2025-03-18 屆滿後起算');
    expect(() => extendedDecisionDeadline('marketingOptOut', original, 1, settings)).toThrow(RangeError);
  });

  it('follows the tenant settings', () => {
    const plain: PeriodSettings = { ...settings, mode: 'calendarDays' };
    expect(decisionDeadline('inquiry', taipei('2025-03-07'), plain).lastDay).toBe('2025-03-22');
    // The tenant's own closure does not move a statutory deadline (Civil Code Art. 122, safe reading).
    const ownClosure: PeriodSettings = { ...settings, calendar: { tenantOverrides: { extraRestDays: ['2025-03-18'] } } };
    expect(decisionDeadline('inquiry', taipei('2025-03-03'), ownClosure).lastDay).toBe('2025-03-18');
  });

  it('parses period settings strictly with defaults', () => {
    expect(periodSettingsSchema.parse({})).toEqual({ timeZone: 'Asia/Taipei', mode: 'civilCode', calendar: { saturdayIsRestDay: true } });
    expect(periodSettingsSchema.safeParse({ timeZone: 'Nowhere/City' }).success).toBe(false);
    expect(periodSettingsSchema.safeParse({ mode: 'workingDays' }).success).toBe(false);
    expect(periodSettingsSchema.safeParse({ extra: 1 }).success).toBe(false);
  });
});
