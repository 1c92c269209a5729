/**
 * Which days are rest days for Civil Code Art. 122 (星期日、紀念日或其他休息日).
 * - Sundays and the official rest days (memorial days and holidays of the DGPA calendar) come
 *   from the law and the official calendar; no tenant setting switches them off.
 * - Government-declared closures (停止上班, typhoon days) are operator data for the areas they
 *   cover; a tenant picks its area.
 * - Whether Saturday is a rest day is tenant configuration.
 * - A tenant's own office closures (`extraRestDays`) are recorded but never move a statutory
 *   deadline later: the safe reading, since a private closure is not a 休息日 the law knows of.
 */
import { z } from 'zod';
import { addDays, dayOfWeek, isIsoDate, parseIsoDate, type IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { closuresFor, currentOfficialCalendar, taiwanAreaCodes, type DeclaredClosure, type OfficialCalendarData, type TenantAreaCode } from './officialCalendar';
import { taiwanHolidayYears, type HolidayYear, type OfficialRestDay, type MakeUpWorkingDay } from './taiwanHolidays';

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Expected a calendar date YYYY-MM-DD' })
  .describe('Calendar date, YYYY-MM-DD');

export const calendarSettingsSchema = z
  .object({
    saturdayIsRestDay: z.boolean().default(true).describe('Treat Saturdays as rest days (default true)'),
    area: z
      .enum(taiwanAreaCodes.filter((code): code is TenantAreaCode => code !== 'TW') as [TenantAreaCode, ...TenantAreaCode[]])
      .optional()
      .describe('ISO 3166-2:TW area of the office: government-declared closures there are rest days (nationwide ones always are)'),
    tenantOverrides: z
      .object({
        extraRestDays: z
          .array(isoDateSchema)
          .max(366)
          .default([])
          .describe("The tenant's own office closures: recorded, but they never move a statutory deadline later (safe reading of Civil Code Art. 122)"),
        extraWorkingDays: z
          .array(isoDateSchema)
          .max(366)
          .default([])
          .describe('Saturdays the tenant works (never a Sunday or an official rest day: Civil Code Art. 122)'),
      })
      .strict()
      .optional()
      .describe('Tenant corrections to the official calendar'),
  })
  .strict()
  .superRefine((settings, ctx) => {
    const problem = calendarSettingsProblem(settings);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['tenantOverrides'] });
  })
  .describe('Working-day calendar settings of a tenant');
export type CalendarSettings = z.input<typeof calendarSettingsSchema>;

export type DayKind =
  | 'weekday'
  | 'saturday'
  | 'sunday'
  | 'publicHoliday'
  | 'makeUpWorkingDay'
  | 'declaredClosure'
  | 'tenantRestDay'
  | 'tenantWorkingDay';

export type HolidayCoverage = 'published' | 'provisional' | 'missing';

export interface DayStatus {
  date: IsoDate;
  restDay: boolean;
  kind: DayKind;
  /** e.g. 星期六，休息日 / Saturday, rest day */
  reason: LocalizedText;
  /** Whether the official holiday data covers this date's year. */
  holidayCoverage: HolidayCoverage;
}

export interface WorkingDayCalendar {
  readonly saturdayIsRestDay: boolean;
  isRestDay(date: IsoDate): DayStatus;
  /** The first working day on or after `date`. */
  firstWorkingDayFrom(date: IsoDate): IsoDate;
  holidayCoverage(year: number): HolidayCoverage;
}

export const weekdayNames: readonly LocalizedText[] = [
  { zhTW: '星期日', en: 'Sunday' },
  { zhTW: '星期一', en: 'Monday' },
  { zhTW: '星期二', en: 'Tuesday' },
  { zhTW: '星期三', en: 'Wednesday' },
  { zhTW: '星期四', en: 'Thursday' },
  { zhTW: '星期五', en: 'Friday' },
  { zhTW: '星期六', en: 'Saturday' },
];

export function weekdayName(date: IsoDate): LocalizedText {
  return weekdayNames[dayOfWeek(date)]!;
}

function calendarSettingsProblem(
  settings: { tenantOverrides?: { extraRestDays?: IsoDate[]; extraWorkingDays?: IsoDate[] } },
  holidayYears: readonly HolidayYear[] = taiwanHolidayYears,
): string | undefined {
  const rest = new Set(settings.tenantOverrides?.extraRestDays ?? []);
  const working = settings.tenantOverrides?.extraWorkingDays ?? [];
  const both = working.filter((date) => rest.has(date));
  if (both.length > 0) return `A date cannot be both an extra rest day and an extra working day: ${both.join(', ')}`;
  // Art. 122 names Sunday and memorial days itself, so no tenant setting can turn one into a working day.
  const sundays = working.filter((date) => isIsoDate(date) && dayOfWeek(date) === 0);
  if (sundays.length > 0) return `A Sunday is always a rest day (Civil Code Art. 122): ${sundays.join(', ')}`;
  const official = new Set(holidayYears.flatMap((year) => year.restDays.map((day) => day.date)));
  const memorial = working.filter((date) => official.has(date));
  if (memorial.length > 0) return `An official rest day (memorial day or holiday) is always a rest day (Civil Code Art. 122): ${memorial.join(', ')}`;
  return undefined;
}

// Bounds the search in firstWorkingDayFrom so a misconfigured calendar cannot loop forever.
const MAX_CONSECUTIVE_REST_DAYS = 366;

/**
 * The calendar of one tenant. `official` defaults to the installed official calendar (built-in
 * years with the operator's corrections, and declared closures); a plain list of years is
 * accepted for tests and tools.
 */
export function createWorkingDayCalendar(
  settings: CalendarSettings = {},
  official: readonly HolidayYear[] | OfficialCalendarData = currentOfficialCalendar(),
): WorkingDayCalendar {
  const holidayYears = 'years' in official ? official.years : (official as readonly HolidayYear[]);
  const closures: readonly DeclaredClosure[] = 'closures' in official ? official.closures : [];
  // Settings are validated when saved (calendarSettingsSchema). Here only what cannot be read at
  // all is refused; a working day saved on a date that is (now) an official rest day is simply
  // outranked by it below, so settings stored before a year was loaded never break a deadline.
  const problem = calendarSettingsProblem(settings, []);
  if (problem) throw new RangeError(problem);
  for (const date of [...(settings.tenantOverrides?.extraRestDays ?? []), ...(settings.tenantOverrides?.extraWorkingDays ?? [])]) {
    if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date: ${date}`);
  }
  const saturdayIsRestDay = settings.saturdayIsRestDay ?? true;
  const tenantClosures = new Set(settings.tenantOverrides?.extraRestDays ?? []);
  const extraWorkingDays = new Set(settings.tenantOverrides?.extraWorkingDays ?? []);
  const declared = closuresFor(closures, settings.area);
  const restDays = new Map<IsoDate, OfficialRestDay>();
  const makeUpDays = new Map<IsoDate, MakeUpWorkingDay>();
  const coverage = new Map<number, HolidayCoverage>();
  for (const year of holidayYears) {
    coverage.set(year.year, year.status);
    for (const day of year.restDays) restDays.set(day.date, day);
    for (const day of year.makeUpWorkingDays) makeUpDays.set(day.date, day);
  }

  const holidayCoverage = (year: number): HolidayCoverage => coverage.get(year) ?? 'missing';

  function isRestDay(date: IsoDate): DayStatus {
    const weekday = weekdayName(date);
    const dow = dayOfWeek(date);
    const base = { date, holidayCoverage: holidayCoverage(parseIsoDate(date).year) };
    const official = restDays.get(date);
    const make = (restDay: boolean, kind: DayKind, zhTW: string, en: string): DayStatus => ({
      ...base,
      restDay,
      kind,
      reason: { zhTW: `${weekday.zhTW}，${zhTW}`, en: `${weekday.en}, ${en}` },
    });
    if (dow === 0) {
      return official
        ? make(true, 'publicHoliday', official.nameZh, official.nameEn)
        : make(true, 'sunday', '休息日', 'rest day');
    }
    // Law and government first: an official rest day or a declared closure cannot be worked away.
    if (official) return make(true, 'publicHoliday', official.nameZh, official.nameEn);
    const closure = declared.get(date);
    if (closure) return make(true, 'declaredClosure', `${closure.nameZh}（政府宣布停止上班）`, `${closure.nameEn} (declared closure)`);
    if (extraWorkingDays.has(date)) return make(false, 'tenantWorkingDay', '租戶設定之工作日', 'working day set by the tenant');
    const makeUp = makeUpDays.get(date);
    if (makeUp) return make(false, 'makeUpWorkingDay', makeUp.reason.zhTW, makeUp.reason.en);
    if (dow === 6 && saturdayIsRestDay) return make(true, 'saturday', '休息日', 'rest day');
    // The tenant's own closure: shown, but a working day for statutory periods.
    if (tenantClosures.has(date)) {
      return make(false, 'tenantRestDay', '租戶自行休業日，法定期間不順延', "tenant's own closure; statutory periods are not extended");
    }
    return make(false, dow === 6 ? 'saturday' : 'weekday', '工作日', 'working day');
  }

  function firstWorkingDayFrom(date: IsoDate): IsoDate {
    let candidate = date;
    for (let i = 0; i <= MAX_CONSECUTIVE_REST_DAYS; i += 1) {
      if (!isRestDay(candidate).restDay) return candidate;
      candidate = addDays(candidate, 1);
    }
    throw new RangeError(`No working day within ${MAX_CONSECUTIVE_REST_DAYS} days of ${date}`);
  }

  return { saturdayIsRestDay, isRestDay, firstWorkingDayFrom, holidayCoverage };
}
