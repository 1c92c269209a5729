/**
 * The platform's official calendar: the built-in holiday years (taiwanHolidays.ts) with the
 * operator's validated corrections on top, and government-declared closures (停止上班, e.g.
 * typhoon days) for the areas they cover. It is the same for every tenant, so it is operator
 * data, never a tenant setting (README.md).
 *
 * Why one installed snapshot: period rules are pure functions that take the calendar as an
 * argument; code that does not pass one (e.g. the DSR deadlines) gets the snapshot the
 * functions layer installed from the control plane for the current request
 * (functions/store/legalCalendarRecords.ts). Without an install it is the built-in data.
 */
import { z } from 'zod';
import { dayOfWeek, isIsoDate, parseIsoDate, type IsoDate } from '../shared/isoDate';
import { fail, ok, type Outcome } from '../shared/outcome';
import { taiwanHolidayYears, type HolidayYear } from './taiwanHolidays';

/**
 * Areas a declared closure can cover: ISO 3166-2:TW codes of the 22 municipalities, counties
 * and cities (closures are declared by each local government), and `TW` for a nationwide one.
 */
export const taiwanAreaCodes = [
  'TW',
  'TW-TPE', 'TW-NWT', 'TW-TAO', 'TW-TXG', 'TW-TNN', 'TW-KHH',
  'TW-KEE', 'TW-HSZ', 'TW-HSQ', 'TW-MIA', 'TW-CHA', 'TW-NAN', 'TW-YUN', 'TW-CYI', 'TW-CYQ',
  'TW-PIF', 'TW-ILA', 'TW-HUA', 'TW-TTT', 'TW-PEN', 'TW-KIN', 'TW-LIE',
] as const;
export type TaiwanAreaCode = (typeof taiwanAreaCodes)[number];
export type TenantAreaCode = Exclude<TaiwanAreaCode, 'TW'>;

export interface DeclaredClosure {
  date: IsoDate;
  /** Where work was suspended; `TW` covers every area. */
  areas: TaiwanAreaCode[];
  nameZh: string;
  nameEn: string;
  /** Where the declaration was published (e.g. the local government's announcement). */
  source: string;
}

export interface OfficialCalendarData {
  years: readonly HolidayYear[];
  closures: readonly DeclaredClosure[];
}

const isoDate = z.string().refine(isIsoDate, { message: 'Expected a calendar date YYYY-MM-DD' });
const name = z.string().trim().min(1).max(100);

/** An operator-loaded calendar year (the DGPA 政府行政機關辦公日曆表), validated before it is stored. */
export const holidayYearInputSchema = z
  .object({
    status: z.enum(['published', 'provisional']).describe('published: checked against the DGPA calendar; provisional: derived, to be checked'),
    source: z.string().trim().min(1).max(500).describe('Where the calendar comes from, e.g. the DGPA letter number or URL'),
    restDays: z
      .array(z.object({ date: isoDate, nameZh: name, nameEn: name, note: z.string().trim().max(200).optional() }).strict())
      .min(1)
      .max(80)
      .describe('Official rest days (放假日), including observed days (補假)'),
    makeUpWorkingDays: z
      .array(z.object({ date: isoDate, reason: z.object({ zhTW: name, en: name }).strict() }).strict())
      .max(20)
      .default([])
      .describe('Make-up working days (補行上班日)'),
  })
  .strict()
  .describe('One calendar year of official rest days');
export type HolidayYearInput = z.input<typeof holidayYearInputSchema>;

export const declaredClosureInputSchema = z
  .object({
    areas: z.array(z.enum(taiwanAreaCodes)).min(1).max(taiwanAreaCodes.length).describe('ISO 3166-2:TW areas covered; TW = nationwide'),
    nameZh: name.describe('e.g. 颱風停止上班'),
    nameEn: name.describe('e.g. Typhoon day, work suspended'),
    source: z.string().trim().min(1).max(500).describe('The declaration (government announcement)'),
  })
  .strict()
  .describe('A government-declared closure (停止上班) on one date');
export type DeclaredClosureInput = z.input<typeof declaredClosureInputSchema>;

export type CalendarDataErrorCode = 'DATE_OUTSIDE_YEAR' | 'DUPLICATE_DATE' | 'MAKE_UP_DAY_ON_SUNDAY' | 'YEAR_OUT_OF_RANGE';

/**
 * Checks what a schema cannot: every date in the year loaded, no date twice, no make-up
 * working day on a Sunday (Civil Code Art. 122 names Sunday itself). The field names the
 * offending entry, e.g. `restDays[3].date`.
 */
export function validatedHolidayYear(year: number, input: z.output<typeof holidayYearInputSchema>): Outcome<HolidayYear, CalendarDataErrorCode> {
  if (!Number.isInteger(year) || year < 2024 || year > 2100) {
    return fail('invalidInput', 'YEAR_OUT_OF_RANGE', { zhTW: '年度須介於 2024 與 2100 之間', en: 'The year must be between 2024 and 2100' }, { field: 'year' });
  }
  const seen = new Map<IsoDate, string>();
  const entries = [
    ...input.restDays.map((day, index) => ({ date: day.date, field: `restDays[${index}].date` })),
    ...input.makeUpWorkingDays.map((day, index) => ({ date: day.date, field: `makeUpWorkingDays[${index}].date` })),
  ];
  for (const { date, field } of entries) {
    if (parseIsoDate(date).year !== year) {
      return fail('invalidInput', 'DATE_OUTSIDE_YEAR', { zhTW: `${date} 不在 ${year} 年`, en: `${date} is not in ${year}` }, { field });
    }
    const earlier = seen.get(date);
    if (earlier) return fail('invalidInput', 'DUPLICATE_DATE', { zhTW: `${date} 重複（${earlier}）`, en: `${date} is listed twice (${earlier})` }, { field });
    seen.set(date, field);
  }
  const sunday = input.makeUpWorkingDays.findIndex((day) => dayOfWeek(day.date) === 0);
  if (sunday >= 0) {
    return fail('invalidInput', 'MAKE_UP_DAY_ON_SUNDAY', { zhTW: '星期日恆為休息日（民法第122條）', en: 'A Sunday is always a rest day (Civil Code Art. 122)' }, { field: `makeUpWorkingDays[${sunday}].date` });
  }
  const sorted = [...input.restDays].sort((a, b) => (a.date < b.date ? -1 : 1));
  return ok({
    year,
    status: input.status,
    restDays: sorted.map((day) => ({ date: day.date, nameZh: day.nameZh, nameEn: day.nameEn, ...(day.note ? { note: day.note } : {}) })),
    makeUpWorkingDays: input.makeUpWorkingDays.map((day) => ({ date: day.date, reason: day.reason })),
  });
}

/** Built-in years, with each operator-loaded year replacing the built-in one of the same number. */
export function mergeHolidayYears(builtIn: readonly HolidayYear[], loaded: readonly HolidayYear[]): HolidayYear[] {
  const byYear = new Map<number, HolidayYear>(builtIn.map((year) => [year.year, year]));
  for (const year of loaded) byYear.set(year.year, year);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The closures that apply to a tenant in `area`: nationwide ones, and its own area's. */
export function closuresFor(closures: readonly DeclaredClosure[], area: TenantAreaCode | undefined): Map<IsoDate, DeclaredClosure> {
  const applicable = new Map<IsoDate, DeclaredClosure>();
  for (const closure of closures) {
    if (closure.areas.includes('TW') || (area !== undefined && closure.areas.includes(area))) applicable.set(closure.date, closure);
  }
  return applicable;
}

const builtInCalendar: OfficialCalendarData = { years: taiwanHolidayYears, closures: [] };
let installed: OfficialCalendarData = builtInCalendar;

/** The calendar in effect: the last installed snapshot, or the built-in data. */
export function currentOfficialCalendar(): OfficialCalendarData {
  return installed;
}

/**
 * Installs the operator's data over the built-in years. Idempotent; the functions layer calls it
 * with what it read from the control plane (the same for every tenant).
 */
export function installOfficialCalendar(loaded: { years: readonly HolidayYear[]; closures: readonly DeclaredClosure[] }): OfficialCalendarData {
  installed = { years: mergeHolidayYears(taiwanHolidayYears, loaded.years), closures: [...loaded.closures] };
  return installed;
}

/** Back to the built-in data (tests). */
export function resetOfficialCalendar(): void {
  installed = builtInCalendar;
}
