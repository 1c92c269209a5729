import { describe, expect, it } from 'vitest';
import { calendarSettingsSchema, createWorkingDayCalendar } from '../../../domain/calendar/workingDayCalendar';
import type { HolidayYear } from '../../../domain/calendar/taiwanHolidays';

describe('createWorkingDayCalendar', () => {
  const calendar = createWorkingDayCalendar();

  it('treats Sundays and, by default, Saturdays as rest days', () => {
    expect(calendar.isRestDay('2025-03-09')).toMatchObject({ restDay: true, kind: 'sunday', reason: { zhTW: '星期日，休息日', en: 'Sunday, rest day' } });
    expect(calendar.isRestDay('2025-03-08')).toMatchObject({ restDay: true, kind: 'saturday', reason: { zhTW: '星期六，休息日' } });
    expect(calendar.isRestDay('2025-03-10')).toMatchObject({ restDay: false, kind: 'weekday', reason: { zhTW: '星期一，工作日' } });
  });

  it('makes Saturday a working day when the tenant says so, but never Sunday', () => {
    const sixDay = createWorkingDayCalendar({ saturdayIsRestDay: false });
    expect(sixDay.saturdayIsRestDay).toBe(false);
    expect(sixDay.isRestDay('2025-03-08')).toMatchObject({ restDay: false, kind: 'saturday' });
    expect(sixDay.isRestDay('2025-03-09').restDay).toBe(true);
  });

  it('knows official holidays, including a memorial day on a Saturday for six-day tenants', () => {
    expect(calendar.isRestDay('2025-10-06')).toMatchObject({ restDay: true, kind: 'publicHoliday', reason: { zhTW: '星期一，中秋節' } });
    expect(calendar.isRestDay('2025-01-31')).toMatchObject({ restDay: true, kind: 'publicHoliday' });
    const sixDay = createWorkingDayCalendar({ saturdayIsRestDay: false });
    expect(sixDay.isRestDay('2025-10-25')).toMatchObject({ restDay: true, kind: 'publicHoliday' });
    expect(sixDay.isRestDay('2025-05-31').reason.zhTW).toBe('星期六，端午節');
    // A holiday on a Sunday is reported by name.
    expect(calendar.isRestDay('2025-09-28')).toMatchObject({ restDay: true, kind: 'publicHoliday' });
  });

  it('treats a make-up Saturday (補班) as a working day', () => {
    for (const date of ['2025-02-08', '2024-02-17']) {
      const status = calendar.isRestDay(date);
      expect(status.restDay).toBe(false);
      expect(status.kind).toBe('makeUpWorkingDay');
      expect(status.reason.zhTW).toContain('補行上班日');
    }
    // The Saturday before is an ordinary rest day.
    expect(calendar.isRestDay('2025-02-01').restDay).toBe(true);
  });

  it('applies tenant overrides below the official calendar (Civil Code Art. 122)', () => {
    const tenant = createWorkingDayCalendar({
      tenantOverrides: { extraRestDays: ['2025-07-29', '2025-02-08'], extraWorkingDays: ['2025-03-08'] },
    });
    // The tenant's own closures are recorded but are not rest days for a statutory period.
    expect(tenant.isRestDay('2025-07-29')).toMatchObject({ restDay: false, kind: 'tenantRestDay' });
    expect(tenant.isRestDay('2025-02-08')).toMatchObject({ restDay: false, kind: 'makeUpWorkingDay' });
    expect(tenant.isRestDay('2025-03-08')).toMatchObject({ restDay: false, kind: 'tenantWorkingDay' });
    expect(tenant.isRestDay('2025-07-30').restDay).toBe(false);
  });

  it('rejects contradictory or unlawful overrides', () => {
    expect(() => createWorkingDayCalendar({ tenantOverrides: { extraRestDays: ['2025-07-29'], extraWorkingDays: ['2025-07-29'] } })).toThrow(RangeError);
    expect(() => createWorkingDayCalendar({ tenantOverrides: { extraWorkingDays: ['2025-03-09'] } })).toThrow(/Sunday/);
    expect(() => createWorkingDayCalendar({ tenantOverrides: { extraRestDays: ['2025-02-30'] } })).toThrow(RangeError);
    expect(calendarSettingsSchema.safeParse({ tenantOverrides: { extraWorkingDays: ['2025-03-09'] } }).success).toBe(false);
    expect(calendarSettingsSchema.safeParse({ tenantOverrides: { extraRestDays: ['2025-07-29'], extraWorkingDays: ['2025-07-29'] } }).success).toBe(false);
    expect(calendarSettingsSchema.safeParse({ saturdayIsRestDay: true, unknown: 1 }).success).toBe(false);
    expect(calendarSettingsSchema.safeParse({ tenantOverrides: { extraRestDays: ['2025-7-29'] } }).success).toBe(false);
    expect(calendarSettingsSchema.parse({})).toEqual({ saturdayIsRestDay: true });
  });

  it('reports holiday data coverage per year', () => {
    expect(calendar.holidayCoverage(2025)).toBe('published');
    expect(calendar.holidayCoverage(2027)).toBe('provisional');
    expect(calendar.holidayCoverage(2028)).toBe('missing');
    expect(calendar.isRestDay('2028-02-29')).toMatchObject({ restDay: false, holidayCoverage: 'missing' });
  });

  it('finds the first working day after the Lunar New Year breaks', () => {
    expect(calendar.firstWorkingDayFrom('2025-01-25')).toBe('2025-02-03');
    expect(calendar.firstWorkingDayFrom('2026-02-14')).toBe('2026-02-23');
    expect(calendar.firstWorkingDayFrom('2024-02-08')).toBe('2024-02-15');
    expect(calendar.firstWorkingDayFrom('2025-03-10')).toBe('2025-03-10');
  });

  it('accepts other holiday data and stops on an endless rest', () => {
    const custom: HolidayYear[] = [{ year: 2030, status: 'published', restDays: [{ date: '2030-01-02', nameZh: '測試', nameEn: 'Test' }], makeUpWorkingDays: [] }];
    const cal = createWorkingDayCalendar({}, custom);
    expect(cal.isRestDay('2030-01-02')).toMatchObject({ restDay: true, kind: 'publicHoliday' });
    expect(cal.isRestDay('2025-10-06').restDay).toBe(false);
    const allRest = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10));
    const closed = createWorkingDayCalendar({}, { years: custom, closures: allRest.map((date) => ({ date, areas: ['TW'], nameZh: '停班', nameEn: 'Closed', source: 'test' })) });
    expect(() => closed.firstWorkingDayFrom('2030-01-01')).toThrow(RangeError);
  });
});
