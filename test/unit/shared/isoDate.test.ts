import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, dayOfWeek, isIsoDate, zonedDateOf, zonedEndOfDay, zonedInstant } from '../../../domain/shared/isoDate';
import { advanceByFrequency, frequencyLabelZh, parseFrequencyLabel } from '../../../domain/shared/frequency';

describe('isoDate', () => {
  it('validates real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
  });
  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
  it('clamps months to the last day of a shorter month (Civil Code Art. 121 ¶2)', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });
  it('counts days and weekdays', () => {
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28);
    expect(dayOfWeek('2026-11-24')).toBe(2);
  });
  it('converts between instants and Taipei calendar dates', () => {
    expect(zonedDateOf('2025-06-30T16:00:00Z', 'Asia/Taipei')).toBe('2025-07-01');
    expect(zonedDateOf('2025-06-30T15:59:59Z', 'Asia/Taipei')).toBe('2025-06-30');
    expect(zonedEndOfDay('2025-07-01', 'Asia/Taipei')).toBe('2025-07-01T15:59:59.999Z');
    expect(zonedInstant('2025-07-01', '09:00', 'Asia/Taipei')).toBe('2025-07-01T01:00:00.000Z');
    expect(zonedInstant('2025-07-01', '09:00', 'America/New_York')).toBe('2025-07-01T13:00:00.000Z');
  });
});

describe('frequency', () => {
  it('reads the plan wording', () => {
    expect(parseFrequencyLabel('每年')).toEqual({ every: 1, unit: 'year' });
    expect(parseFrequencyLabel('每半年')).toEqual({ every: 6, unit: 'month' });
    expect(parseFrequencyLabel('每3個月')).toEqual({ every: 3, unit: 'month' });
    expect(parseFrequencyLabel('每12個月')).toEqual({ every: 1, unit: 'year' });
    expect(parseFrequencyLabel('至少每年一次')).toEqual({ every: 1, unit: 'year' });
    expect(parseFrequencyLabel('每季')).toEqual({ every: 3, unit: 'month' });
    expect(parseFrequencyLabel('偶爾')).toBeUndefined();
  });
  it('labels in zh-TW', () => {
    expect(frequencyLabelZh({ every: 6, unit: 'month' })).toBe('每半年');
    expect(frequencyLabelZh({ every: 3, unit: 'month' })).toBe('每3個月');
  });
  it('advances from the anchor without month-end drift', () => {
    const q = { every: 1, unit: 'month' } as const;
    expect(advanceByFrequency('2025-01-31', q, 1)).toBe('2025-02-28');
    expect(advanceByFrequency('2025-01-31', q, 2)).toBe('2025-03-31');
    expect(advanceByFrequency('2024-02-29', { every: 1, unit: 'year' })).toBe('2025-02-28');
  });
});
