/**
 * Which days are rest days for Civil Code Art. 122 (星期日、紀念日或其他休息日).
 * Sunday and memorial days come from the law; whether Saturday is a rest day, the official
 * holiday calendar and a tenant's own closures (typhoon days) are configuration.
 */
import { z } from 'zod';
import { addDays, dayOfWeek, isIsoDate, parseIsoDate, type IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { taiwanHolidayYears, type HolidayYear, type OfficialRestDay, type MakeUpWorkingDay } from './taiwanHolidays';

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Expected a calendar date YYYY-MM-DD' })
  .describe('Calendar date, YYYY-MM-DD');

export const calendarSettingsSchema = z
  .object({
    saturdayIsRestDay: z.boolean().default(true).describe('Treat Saturdays as rest days (default true)'),
    tenantOverrides: z
      .object({
        extraRestDays: z.array(isoDateSchema).max(366).default([]).describe('Extra closures, e.g. typhoon days'),
        extraWorkingDays: z
          .array(isoDateSchema)
          .max(366)
          .default([])
          .describe('Days the tenant works although the calendar says rest (never a Sunday)'),
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

function calendarSettingsProblem(settings: { tenantOverrides?: { extraRestDays?: IsoDate[]; extraWorkingDays?: IsoDate[] } }): string | undefined {
  const rest = new Set(settings.tenantOverrides?.extraRestDays ?? []);
  const working = settings.tenantOverrides?.extraWorkingDays ?? [];
  const both = working.filter((date) => rest.has(date));
  if (both.length > 0) return `A date cannot be both an extra rest day and an extra working day: ${both.join(', ')}`;
  // Art. 122 names Sunday itself, so no tenant setting can turn it into a working day.
  const sundays = working.filter((date) => isIsoDate(date) && dayOfWeek(date) === 0);
  if (sundays.length > 0) return `A Sunday is always a rest day (Civil Code Art. 122): ${sundays.join(', ')}`;
  return undefined;
}

// Bounds the search in firstWorkingDayFrom so a misconfigured calendar cannot loop forever.
const MAX_CONSECUTIVE_REST_DAYS = 366;

export function createWorkingDayCalendar(
  settings: CalendarSettings = {},
  holidayYears: readonly HolidayYear[] = taiwanHolidayYears,
): WorkingDayCalendar {
  const problem = calendarSettingsProblem(settings);
  if (problem) throw new RangeError(problem);
  for (const date of [...(settings.tenantOverrides?.extraRestDays ?? []), ...(settings.tenantOverrides?.extraWorkingDays ?? [])]) {
    if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date: ${date}`);
  }
  const saturdayIsRestDay = settings.saturdayIsRestDay ?? true;
  const extraRestDays = new Set(settings.tenantOverrides?.extraRestDays ?? []);
  const extraWorkingDays = new Set(settings.tenantOverrides?.extraWorkingDays ?? []);
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
    if (extraRestDays.has(date)) return make(true, 'tenantRestDay', '租戶設定之休息日', 'rest day set by the tenant');
    if (extraWorkingDays.has(date)) return make(false, 'tenantWorkingDay', '租戶設定之工作日', 'working day set by the tenant');
    if (official) return make(true, 'publicHoliday', official.nameZh, official.nameEn);
    const makeUp = makeUpDays.get(date);
    if (makeUp) return make(false, 'makeUpWorkingDay', makeUp.reason.zhTW, makeUp.reason.en);
    if (dow === 6 && saturdayIsRestDay) return make(true, 'saturday', '休息日', 'rest day');
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
