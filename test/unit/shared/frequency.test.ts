/**
 * Duty frequencies (domain/shared/frequency.ts): the plan's zh-TW wording read into a normalised
 * frequency, the labels written back, the month length used to compare frequencies and the
 * next due date counted from the anchor.
 */
import { describe, expect, it } from 'vitest';
import {
  HALF_YEARLY, MONTHLY, QUARTERLY, YEARLY, advanceByFrequency, frequencyInMonths, frequencyLabelEn, frequencyLabelZh, frequencySchema, parseFrequencyLabel,
} from '../../../domain/shared/frequency';

describe('parseFrequencyLabel', () => {
  it.each([
    ['每年', YEARLY], ['每一年', YEARLY], ['至少每年一次', YEARLY], [' 每 年 ', YEARLY],
    ['每半年', HALF_YEARLY], ['每季', QUARTERLY], ['每一季', QUARTERLY],
    ['每月', MONTHLY], ['每個月', MONTHLY], ['每一個月', MONTHLY], ['每一月', MONTHLY],
    ['每週', { every: 1, unit: 'week' }], ['每周', { every: 1, unit: 'week' }], ['每星期', { every: 1, unit: 'week' }], ['每一週', { every: 1, unit: 'week' }],
    ['每日', { every: 1, unit: 'day' }], ['每天', { every: 1, unit: 'day' }], ['每一日', { every: 1, unit: 'day' }],
    ['每3個月', { every: 3, unit: 'month' }], ['每3月', { every: 3, unit: 'month' }], ['每三個月', { every: 3, unit: 'month' }],
    ['每兩個月', { every: 2, unit: 'month' }], ['每十個月', { every: 10, unit: 'month' }],
    ['每12個月', { every: 1, unit: 'year' }], ['每十二個月', { every: 1, unit: 'year' }], ['每24個月', { every: 2, unit: 'year' }],
    ['每18個月', { every: 18, unit: 'month' }], ['每2年', { every: 2, unit: 'year' }], ['每三年', { every: 3, unit: 'year' }],
  ] as const)('%s', (label, expected) => {
    expect(parseFrequencyLabel(label)).toEqual(expected);
  });

  it.each(['', '不定期', '每', '每個月份', '每零個月', '每0個月', '每0年', '每百年', '年', '每年兩次', 'x每年', '每年x', '每一天', '每1年x'])('does not read %j', (label) => {
    expect(parseFrequencyLabel(label)).toBeUndefined();
  });
});

describe('labels', () => {
  it.each([
    [{ every: 1, unit: 'year' }, '每年', 'yearly'],
    [{ every: 3, unit: 'year' }, '每3年', 'every 3 years'],
    [{ every: 6, unit: 'month' }, '每半年', 'every six months'],
    [{ every: 12, unit: 'month' }, '每年', 'every 12 months'],
    [{ every: 1, unit: 'month' }, '每月', 'monthly'],
    [{ every: 3, unit: 'month' }, '每3個月', 'every 3 months'],
    [{ every: 1, unit: 'week' }, '每週', 'weekly'],
    [{ every: 2, unit: 'week' }, '每2週', 'every 2 weeks'],
    [{ every: 1, unit: 'day' }, '每日', 'daily'],
    [{ every: 5, unit: 'day' }, '每5日', 'every 5 days'],
    [{ every: 6, unit: 'week' }, '每6週', 'every 6 weeks'],
    [{ every: 6, unit: 'year' }, '每6年', 'every 6 years'],
  ] as const)('%j → %s / %s', (frequency, zh, en) => {
    expect(frequencyLabelZh(frequency)).toBe(zh);
    expect(frequencyLabelEn(frequency)).toBe(en);
  });

  it('reads back every zh-TW label it writes', () => {
    for (const frequency of [YEARLY, HALF_YEARLY, QUARTERLY, MONTHLY, { every: 2, unit: 'year' }, { every: 5, unit: 'month' }] as const) {
      const again = parseFrequencyLabel(frequencyLabelZh(frequency));
      expect(again && frequencyInMonths(again)).toBe(frequencyInMonths(frequency));
    }
  });
});

describe('frequencyInMonths and advanceByFrequency', () => {
  it('measures a frequency in months', () => {
    expect(frequencyInMonths({ every: 2, unit: 'year' })).toBe(24);
    expect(frequencyInMonths({ every: 5, unit: 'month' })).toBe(5);
    expect(frequencyInMonths({ every: 2, unit: 'week' })).toBeCloseTo(14 / 30.4375, 10);
    expect(frequencyInMonths({ every: 3, unit: 'day' })).toBeCloseTo(3 / 30.4375, 10);
  });

  it('counts periods from the anchor, keeping month ends', () => {
    expect(advanceByFrequency('2026-01-31', { every: 3, unit: 'day' })).toBe('2026-02-03');
    expect(advanceByFrequency('2026-01-31', { every: 2, unit: 'week' })).toBe('2026-02-14');
    expect(advanceByFrequency('2026-01-31', { every: 2, unit: 'week' }, 2)).toBe('2026-02-28');
    expect(advanceByFrequency('2026-01-31', MONTHLY)).toBe('2026-02-28');
    expect(advanceByFrequency('2026-01-31', MONTHLY, 2)).toBe('2026-03-31');
    expect(advanceByFrequency('2024-02-29', YEARLY)).toBe('2025-02-28');
    expect(advanceByFrequency('2024-02-29', YEARLY, 4)).toBe('2028-02-29');
    expect(advanceByFrequency('2026-01-15', { every: 3, unit: 'day' }, 3)).toBe('2026-01-24');
  });
});

describe('frequencySchema', () => {
  it('accepts 1..120 whole periods of a known unit and nothing else', () => {
    expect(frequencySchema.safeParse({ every: 1, unit: 'day' }).success).toBe(true);
    expect(frequencySchema.safeParse({ every: 120, unit: 'year' }).success).toBe(true);
    for (const bad of [{ every: 0, unit: 'day' }, { every: 121, unit: 'day' }, { every: 1.5, unit: 'month' }, { every: 1, unit: 'fortnight' }, { every: 1, unit: 'day', extra: true }]) {
      expect(frequencySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
