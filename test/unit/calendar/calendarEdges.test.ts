/**
 * The calendar rules at their edges (mutation testing, issue #15): the exact English
 * explanations, every refusal message, the bounds of a loaded year and of the rest-day search.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { civilCodePeriodEnd, hoursPeriodEnd, isValidTimeZone, periodEndAfterDate } from '../../../domain/calendar/civilCodePeriod';
import {
  currentOfficialCalendar,
  holidayYearInputSchema,
  installOfficialCalendar,
  mergeHolidayYears,
  resetOfficialCalendar,
  validatedHolidayYear,
  type HolidayYearInput,
} from '../../../domain/calendar/officialCalendar';
import { taiwanHolidayYears, type HolidayYear } from '../../../domain/calendar/taiwanHolidays';
import { calendarSettingsSchema, createWorkingDayCalendar } from '../../../domain/calendar/workingDayCalendar';
import { addDays } from '../../../domain/shared/isoDate';

afterEach(() => resetOfficialCalendar());

const sixDay = createWorkingDayCalendar({ saturdayIsRestDay: false });
const step = { zhTW: '起算', en: 'start' };

describe('period explanations in English', () => {
  it('lists several rest days passed over, then one', () => {
    const several = civilCodePeriodEnd({ receivedAt: '2025-02-13T10:00:00+08:00', days: 15, timeZone: 'Asia/Taipei', mode: 'civilCode' });
    expect(several.explanation.map((e) => e.en)).toEqual([
      'The day of receipt, 2025-02-13 (Thursday), is not counted (Civil Code Art. 120 ¶2)',
      'Counting 15 days from 2025-02-14, day 15 is 2025-02-28 (Friday, Peace Memorial Day) (Civil Code Art. 121 ¶1)',
      '2025-02-28 (Friday, Peace Memorial Day), 2025-03-01 (Saturday, rest day), 2025-03-02 (Sunday, rest day) are rest days → moved to 2025-03-03 (Monday) (Civil Code Art. 122)',
      'The period ends at the end of 2025-03-03 (23:59:59 Asia/Taipei) (Civil Code Art. 121 ¶1)',
    ]);
    const one = civilCodePeriodEnd({ receivedAt: '2025-02-22T10:00:00+08:00', days: 15, timeZone: 'Asia/Taipei', mode: 'civilCode', calendar: sixDay });
    expect(one.explanation[2]!.en).toBe('2025-03-09 (Sunday, rest day) is a rest day → moved to 2025-03-10 (Monday) (Civil Code Art. 122)');
  });

  it('says when calendar days are not moved, and when a year has no holiday data', () => {
    const plain = civilCodePeriodEnd({ receivedAt: '2029-02-14T10:00:00+08:00', days: 15, timeZone: 'Asia/Taipei', mode: 'calendarDays' });
    expect(plain.explanation[2]!.en).toBe('Tenant setting: plain calendar days; a last day on a rest day is not moved');
    const missing = civilCodePeriodEnd({ receivedAt: '2029-02-14T10:00:00+08:00', days: 15, timeZone: 'Asia/Taipei', mode: 'civilCode' });
    expect(missing.explanation.map((e) => e.en)).toEqual([
      'The day of receipt, 2029-02-14 (Wednesday), is not counted (Civil Code Art. 120 ¶2)',
      'Counting 15 days from 2029-02-15, day 15 is 2029-03-01 (Thursday, working day) (Civil Code Art. 121 ¶1)',
      'Note: no public-holiday data for 2029; only weekends were treated as rest days',
      'The period ends at the end of 2029-03-01 (23:59:59 Asia/Taipei) (Civil Code Art. 121 ¶1)',
    ]);
  });

  it('explains a period in hours', () => {
    expect(hoursPeriodEnd('2025-03-01T00:00:00Z', 72).explanation.map((e) => e.en)).toEqual([
      'A period in hours runs from the moment, 2025-03-01T00:00:00.000Z (Civil Code Art. 120 ¶1)',
      '72 hours end at 2025-03-04T00:00:00.000Z; rest days do not extend it',
    ]);
  });
});

describe('period input', () => {
  it('accepts one day, and says what is wrong with the rest', () => {
    expect(periodEndAfterDate({ startDate: '2025-03-03', days: 1, timeZone: 'Asia/Taipei', mode: 'calendarDays', startStep: step }).lastDay).toBe('2025-03-04');
    expect(() => periodEndAfterDate({ startDate: '2025-03-03', days: 0, timeZone: 'Asia/Taipei', mode: 'civilCode', startStep: step })).toThrow('A period needs a positive whole number of days, got 0');
    expect(() => periodEndAfterDate({ startDate: '2025-02-30', days: 1, timeZone: 'Asia/Taipei', mode: 'civilCode', startStep: step })).toThrow('Not an ISO calendar date: 2025-02-30');
    expect(() => civilCodePeriodEnd({ receivedAt: 'yesterday', days: 1, timeZone: 'Asia/Taipei', mode: 'civilCode' })).toThrow('Not an ISO instant: yesterday');
    expect(() => hoursPeriodEnd('soon', 72)).toThrow('Not an ISO instant: soon');
    expect(() => hoursPeriodEnd('2025-03-01T00:00:00Z', 0)).toThrow('A period needs a positive number of hours, got 0');
  });

  it('knows an IANA time zone from a made-up one', () => {
    expect(isValidTimeZone('Asia/Taipei')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('working-day calendar', () => {
  it('gives the reason of each kind of day', () => {
    const calendar = createWorkingDayCalendar(
      { area: 'TW-TPE', tenantOverrides: { extraWorkingDays: ['2025-03-01'], extraRestDays: ['2025-03-05'] } },
      { years: taiwanHolidayYears, closures: [{ date: '2025-03-10', areas: ['TW-TPE'], nameZh: '颱風停止上班', nameEn: 'Typhoon day', source: '臺北市政府' }] },
    );
    expect(calendar.isRestDay('2025-03-01').reason).toEqual({ zhTW: '星期六，租戶設定之工作日', en: 'Saturday, working day set by the tenant' });
    expect(calendar.isRestDay('2025-03-05').reason).toEqual({ zhTW: '星期三，租戶自行休業日，法定期間不順延', en: "Wednesday, tenant's own closure; statutory periods are not extended" });
    expect(calendar.isRestDay('2025-03-06').reason).toEqual({ zhTW: '星期四，工作日', en: 'Thursday, working day' });
    expect(calendar.isRestDay('2025-03-08').reason).toEqual({ zhTW: '星期六，休息日', en: 'Saturday, rest day' });
    expect(calendar.isRestDay('2025-03-10').reason).toEqual({ zhTW: '星期一，颱風停止上班（政府宣布停止上班）', en: 'Monday, Typhoon day (declared closure)' });
  });

  it('searches 366 rest days in a row for a working day, and says when there is none', () => {
    const start = '2030-01-01';
    const restDays = Array.from({ length: 366 }, (_, i) => ({ date: addDays(start, i), nameZh: '休', nameEn: 'Rest' }));
    const long: HolidayYear[] = [{ year: 2030, status: 'published', restDays, makeUpWorkingDays: [] }];
    expect(createWorkingDayCalendar({}, long).firstWorkingDayFrom(start)).toBe('2031-01-02');
    const endless: HolidayYear[] = [{ year: 2030, status: 'published', restDays: [...restDays, { date: '2031-01-02', nameZh: '休', nameEn: 'Rest' }], makeUpWorkingDays: [] }];
    expect(() => createWorkingDayCalendar({}, endless).firstWorkingDayFrom(start)).toThrow('No working day within 366 days of 2030-01-01');
  });

  it('refuses settings naming every offending date, on the overrides field', () => {
    const both = calendarSettingsSchema.safeParse({ tenantOverrides: { extraRestDays: ['2025-03-01', '2025-03-08'], extraWorkingDays: ['2025-03-01', '2025-03-08'] } });
    expect(both.error?.issues).toEqual([expect.objectContaining({ code: 'custom', path: ['tenantOverrides'], message: 'A date cannot be both an extra rest day and an extra working day: 2025-03-01, 2025-03-08' })]);
    const sundays = calendarSettingsSchema.safeParse({ tenantOverrides: { extraWorkingDays: ['2025-03-02', '2025-03-09'] } });
    expect(sundays.error?.issues[0]?.message).toBe('A Sunday is always a rest day (Civil Code Art. 122): 2025-03-02, 2025-03-09');
    const memorial = calendarSettingsSchema.safeParse({ tenantOverrides: { extraWorkingDays: ['2025-10-10', '2025-10-06'] } });
    expect(memorial.error?.issues[0]?.message).toBe('An official rest day (memorial day or holiday) is always a rest day (Civil Code Art. 122): 2025-10-10, 2025-10-06');
    expect(() => createWorkingDayCalendar({ tenantOverrides: { extraRestDays: ['2025-13-01'] } })).toThrow('Not an ISO calendar date: 2025-13-01');
  });
});

describe('loaded holiday years', () => {
  const input = (overrides: Partial<HolidayYearInput> = {}) =>
    holidayYearInputSchema.parse({ status: 'published', source: 'DGPA', restDays: [{ date: '2030-10-10', nameZh: '國慶日', nameEn: 'National Day' }], ...overrides });

  it('accepts the years 2024 to 2100 only', () => {
    expect(validatedHolidayYear(2024, input({ restDays: [{ date: '2024-10-10', nameZh: '國慶日', nameEn: 'National Day' }] })).ok).toBe(true);
    expect(validatedHolidayYear(2100, input({ restDays: [{ date: '2100-10-10', nameZh: '國慶日', nameEn: 'National Day' }] })).ok).toBe(true);
    for (const year of [2023, 2101]) {
      expect(validatedHolidayYear(year, input())).toEqual({ ok: false, error: { kind: 'invalidInput', code: 'YEAR_OUT_OF_RANGE', message: { zhTW: '年度須介於 2024 與 2100 之間', en: 'The year must be between 2024 and 2100' }, field: 'year' } });
    }
  });

  it('names the date outside the year, the date listed twice and a make-up Sunday', () => {
    expect(validatedHolidayYear(2030, input({ restDays: [{ date: '2031-01-01', nameZh: '元旦', nameEn: 'New Year' }] }))).toEqual({
      ok: false,
      error: { kind: 'invalidInput', code: 'DATE_OUTSIDE_YEAR', message: { zhTW: '2031-01-01 不在 2030 年', en: '2031-01-01 is not in 2030' }, field: 'restDays[0].date' },
    });
    const twice = validatedHolidayYear(2030, input({ makeUpWorkingDays: [{ date: '2030-10-10', reason: { zhTW: '補班', en: 'Make-up' } }] }));
    expect(twice).toEqual({
      ok: false,
      error: { kind: 'invalidInput', code: 'DUPLICATE_DATE', message: { zhTW: '2030-10-10 重複（restDays[0].date）', en: '2030-10-10 is listed twice (restDays[0].date)' }, field: 'makeUpWorkingDays[0].date' },
    });
    // 2030-02-23 is a Saturday, 2030-02-24 a Sunday.
    const sunday = validatedHolidayYear(2030, input({ makeUpWorkingDays: [{ date: '2030-02-23', reason: { zhTW: '補班', en: 'Make-up' } }, { date: '2030-02-24', reason: { zhTW: '補班', en: 'Make-up' } }] }));
    expect(sunday).toEqual({
      ok: false,
      error: { kind: 'invalidInput', code: 'MAKE_UP_DAY_ON_SUNDAY', message: { zhTW: '星期日恆為休息日（民法第122條）', en: 'A Sunday is always a rest day (Civil Code Art. 122)' }, field: 'makeUpWorkingDays[1].date' },
    });
  });

  it('stores the rest days sorted with their notes, and the make-up days as given', () => {
    const year = validatedHolidayYear(2030, input({
      restDays: [{ date: '2030-10-10', nameZh: '國慶日', nameEn: 'National Day' }, { date: '2030-01-01', nameZh: '元旦', nameEn: 'New Year', note: '開國紀念日' }, { date: '2030-05-01', nameZh: '勞動節', nameEn: 'Labour Day' }],
      makeUpWorkingDays: [{ date: '2030-02-23', reason: { zhTW: '補班', en: 'Make-up' } }],
    }));
    expect(year).toEqual({
      ok: true,
      value: {
        year: 2030,
        status: 'published',
        restDays: [
          { date: '2030-01-01', nameZh: '元旦', nameEn: 'New Year', note: '開國紀念日' },
          { date: '2030-05-01', nameZh: '勞動節', nameEn: 'Labour Day' },
          { date: '2030-10-10', nameZh: '國慶日', nameEn: 'National Day' },
        ],
        makeUpWorkingDays: [{ date: '2030-02-23', reason: { zhTW: '補班', en: 'Make-up' } }],
      },
    });
  });

  it('merge by year in year order, and the installed data goes back to the built-in years on reset', () => {
    const y = (year: number, status: 'published' | 'provisional' = 'published'): HolidayYear => ({ year, status, restDays: [], makeUpWorkingDays: [] });
    expect(mergeHolidayYears([y(2026), y(2024), y(2027, 'provisional')], [y(2030), y(2027)]).map((h) => [h.year, h.status])).toEqual([[2024, 'published'], [2026, 'published'], [2027, 'published'], [2030, 'published']]);
    installOfficialCalendar({ years: [y(2030)], closures: [] });
    expect(currentOfficialCalendar().years.some((h) => h.year === 2030)).toBe(true);
    resetOfficialCalendar();
    expect(currentOfficialCalendar()).toEqual({ years: taiwanHolidayYears, closures: [] });
  });
});
