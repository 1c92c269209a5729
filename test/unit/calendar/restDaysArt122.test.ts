import { afterEach, describe, expect, it } from 'vitest';
import { civilCodePeriodEnd } from '../../../domain/calendar/civilCodePeriod';
import {
  currentOfficialCalendar,
  holidayYearInputSchema,
  installOfficialCalendar,
  resetOfficialCalendar,
  validatedHolidayYear,
  type DeclaredClosure,
} from '../../../domain/calendar/officialCalendar';
import { taiwanHolidayYears } from '../../../domain/calendar/taiwanHolidays';
import { calendarSettingsSchema, createWorkingDayCalendar } from '../../../domain/calendar/workingDayCalendar';
import { decisionDeadline, type PeriodSettings } from '../../../domain/dataSubjectRequest/deadlines';

const TZ = 'Asia/Taipei';
const period = (date: string, days: number, calendar = createWorkingDayCalendar()) =>
  civilCodePeriodEnd({ receivedAt: `${date}T10:00:00+08:00`, days, timeZone: TZ, mode: 'civilCode', calendar });

const typhoonTaipei: DeclaredClosure = { date: '2025-07-29', areas: ['TW-TPE', 'TW-NWT'], nameZh: '颱風停止上班', nameEn: 'Typhoon day, work suspended', source: '臺北市政府公告' };

afterEach(() => resetOfficialCalendar());

describe('Civil Code Art. 122: Sundays and memorial days cannot be switched off', () => {
  it('refuses a tenant working day on a memorial day or an official holiday (2025-10-10 國慶日, 2025-10-06 中秋節)', () => {
    for (const date of ['2025-10-10', '2025-10-06']) {
      const refused = calendarSettingsSchema.safeParse({ tenantOverrides: { extraWorkingDays: [date] } });
      expect(refused.success, date).toBe(false);
      expect(JSON.stringify(refused.error?.issues), date).toContain('Civil Code Art. 122');
      // Settings stored before this rule: the official rest day outranks the tenant's working day.
      expect(createWorkingDayCalendar({ tenantOverrides: { extraWorkingDays: [date] } }).isRestDay(date), date).toMatchObject({ restDay: true, kind: 'publicHoliday' });
    }
    // A Saturday stays the tenant's choice.
    expect(createWorkingDayCalendar({ tenantOverrides: { extraWorkingDays: ['2025-03-08'] } }).isRestDay('2025-03-08').restDay).toBe(false);
  });

  it('keeps an operator-loaded memorial day a rest day even when the tenant listed the date as a working day before it was loaded', () => {
    const years = [{ year: 2030, status: 'published' as const, restDays: [{ date: '2030-01-02', nameZh: '紀念日', nameEn: 'Memorial day' }], makeUpWorkingDays: [] }];
    const calendar = createWorkingDayCalendar({ tenantOverrides: { extraWorkingDays: ['2030-01-02'] } }, years);
    expect(calendar.isRestDay('2030-01-02')).toMatchObject({ restDay: true, kind: 'publicHoliday' });
    expect(calendar.firstWorkingDayFrom('2030-01-02')).toBe('2030-01-03');
  });
});

describe("Civil Code Art. 122 (safe reading): a tenant's own office closure does not push a statutory deadline later", () => {
  it('a 15-day period whose last day is the tenant closure still ends that day', () => {
    const closed = createWorkingDayCalendar({ tenantOverrides: { extraRestDays: ['2025-07-29'] } });
    const result = period('2025-07-14', 15, closed);
    expect(result).toMatchObject({ nominalLastDay: '2025-07-29', lastDay: '2025-07-29', skippedRestDays: [] });
    expect(closed.isRestDay('2025-07-29')).toMatchObject({ restDay: false, kind: 'tenantRestDay' });
  });

  it('the same for a PDPA Art. 13 decision deadline', () => {
    const settings: PeriodSettings = { timeZone: TZ, mode: 'civilCode', calendar: { tenantOverrides: { extraRestDays: ['2025-03-18'] } } };
    expect(decisionDeadline('inquiry', '2025-03-03T10:00:00+08:00', settings).lastDay).toBe('2025-03-18');
  });
});

describe('Civil Code Art. 122 其他休息日: government-declared closures are operator data for the areas they cover', () => {
  it('a typhoon day declared for Taipei moves a Taipei tenant’s last day, not a Kaohsiung tenant’s', () => {
    const official = { years: taiwanHolidayYears, closures: [typhoonTaipei] };
    const taipei = createWorkingDayCalendar({ area: 'TW-TPE' }, official);
    const kaohsiung = createWorkingDayCalendar({ area: 'TW-KHH' }, official);
    const noArea = createWorkingDayCalendar({}, official);
    expect(taipei.isRestDay('2025-07-29')).toMatchObject({ restDay: true, kind: 'declaredClosure' });
    expect(period('2025-07-14', 15, taipei).lastDay).toBe('2025-07-30');
    expect(period('2025-07-14', 15, taipei).explanation.some((e) => e.zhTW.includes('颱風停止上班'))).toBe(true);
    expect(period('2025-07-14', 15, kaohsiung).lastDay).toBe('2025-07-29');
    expect(period('2025-07-14', 15, noArea).lastDay).toBe('2025-07-29');
  });

  it('a nationwide closure applies to every tenant, and the tenant cannot work it away', () => {
    const nationwide: DeclaredClosure = { ...typhoonTaipei, areas: ['TW'] };
    const official = { years: taiwanHolidayYears, closures: [nationwide] };
    expect(createWorkingDayCalendar({}, official).isRestDay('2025-07-29').restDay).toBe(true);
    expect(createWorkingDayCalendar({ tenantOverrides: { extraWorkingDays: ['2025-07-29'] } }, official).isRestDay('2025-07-29').restDay).toBe(true);
  });

  it('an installed closure reaches code that does not pass a calendar (the DSR deadlines)', () => {
    const settings: PeriodSettings = { timeZone: TZ, mode: 'civilCode', calendar: { area: 'TW-TPE' } };
    expect(decisionDeadline('inquiry', '2025-07-14T10:00:00+08:00', settings).lastDay).toBe('2025-07-29');
    installOfficialCalendar({ years: [], closures: [typhoonTaipei] });
    expect(decisionDeadline('inquiry', '2025-07-14T10:00:00+08:00', settings).lastDay).toBe('2025-07-30');
  });

  it('rejects an unknown area in the tenant settings', () => {
    expect(calendarSettingsSchema.safeParse({ area: 'TW-XXX' }).success).toBe(false);
    expect(calendarSettingsSchema.safeParse({ area: 'TW' }).success).toBe(false);
  });
});

describe('Civil Code Art. 122 and the holiday calendar: Labour Day before 2026 is read the same way in 2024 and 2025', () => {
  it('2024-05-01 and 2025-05-01 are working days (rest days for workers only); 2026-05-01 is a holiday for everyone', () => {
    const calendar = createWorkingDayCalendar();
    expect(calendar.isRestDay('2024-05-01').restDay).toBe(false);
    expect(calendar.isRestDay('2025-05-01').restDay).toBe(false);
    expect(calendar.isRestDay('2026-05-01')).toMatchObject({ restDay: true, kind: 'publicHoliday' });
    // Received 2025-04-16: day 15 is Thursday 2025-05-01, which is not moved.
    expect(period('2025-04-16', 15).lastDay).toBe('2025-05-01');
    expect(period('2024-04-16', 15).lastDay).toBe('2024-05-01');
  });
});

describe('Civil Code Art. 122 with a provisional year: every explanation that relies on it says provisional', () => {
  it('a period ending in 2027 names the 2027 data provisional, in both languages', () => {
    const result = period('2027-03-01', 15);
    expect(result.explanation.some((e) => e.en.includes('provisional') && e.en.includes('2027'))).toBe(true);
    expect(result.explanation.some((e) => e.zhTW.includes('暫定'))).toBe(true);
    const settings: PeriodSettings = { timeZone: TZ, mode: 'civilCode', calendar: {} };
    expect(decisionDeadline('inquiry', '2027-03-01T10:00:00+08:00', settings).explanation.some((e) => e.en.includes('provisional'))).toBe(true);
    expect(period('2026-03-02', 15).explanation.some((e) => e.en.includes('provisional'))).toBe(false);
  });

  it('an operator-loaded published 2027 replaces the provisional one, without a release', () => {
    const loaded = validatedHolidayYear(2027, holidayYearInputSchema.parse({
      status: 'published',
      source: 'DGPA 116年政府行政機關辦公日曆表',
      restDays: [{ date: '2027-03-16', nameZh: '測試放假日', nameEn: 'Test rest day' }],
    }));
    if (!loaded.ok) throw new Error('expected a valid year');
    installOfficialCalendar({ years: [loaded.value], closures: [] });
    expect(currentOfficialCalendar().years.find((y) => y.year === 2027)!.status).toBe('published');
    const result = period('2027-03-01', 15);
    expect(result.lastDay).toBe('2027-03-17');
    expect(result.explanation.some((e) => e.en.includes('provisional'))).toBe(false);
    expect(currentOfficialCalendar().years.find((y) => y.year === 2026)).toBe(taiwanHolidayYears.find((y) => y.year === 2026));
  });

  it('validates a loaded year and names the field at fault', () => {
    const base = { status: 'published', source: 'DGPA', restDays: [{ date: '2027-01-01', nameZh: '開國紀念日', nameEn: 'Founding Day' }] };
    const outside = validatedHolidayYear(2027, holidayYearInputSchema.parse({ ...base, restDays: [...base.restDays, { date: '2028-01-01', nameZh: 'x', nameEn: 'x' }] }));
    expect(outside).toMatchObject({ ok: false, error: { kind: 'invalidInput', code: 'DATE_OUTSIDE_YEAR', field: 'restDays[1].date' } });
    const twice = validatedHolidayYear(2027, holidayYearInputSchema.parse({ ...base, makeUpWorkingDays: [{ date: '2027-01-01', reason: { zhTW: '補班', en: 'make-up' } }] }));
    expect(twice).toMatchObject({ ok: false, error: { code: 'DUPLICATE_DATE', field: 'makeUpWorkingDays[0].date' } });
    const sunday = validatedHolidayYear(2027, holidayYearInputSchema.parse({ ...base, makeUpWorkingDays: [{ date: '2027-01-03', reason: { zhTW: '補班', en: 'make-up' } }] }));
    expect(sunday).toMatchObject({ ok: false, error: { code: 'MAKE_UP_DAY_ON_SUNDAY', field: 'makeUpWorkingDays[0].date' } });
    expect(validatedHolidayYear(1999, holidayYearInputSchema.parse(base))).toMatchObject({ ok: false, error: { field: 'year' } });
  });
});
