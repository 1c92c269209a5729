/**
 * Periods set by law, computed per Civil Code Arts. 120–122 (B0000001, applied to statutory
 * periods by Art. 119):
 * - in hours: runs from the moment (Art. 120 ¶1);
 * - in days: the first day is not counted (Art. 120 ¶2), the period ends at the end of its last
 *   day (Art. 121 ¶1), and a last day on a Sunday, memorial day or other rest day is replaced by
 *   the next day, repeated until a working day (Art. 122).
 * Days are the tenant's local calendar days, so the receipt instant is first converted to a
 * local date; a request received at 00:30 Taipei time is received "that" day even though it is
 * still the previous day in UTC.
 */
import { z } from 'zod';
import { addDays, isIsoDate, zonedDateOf, zonedEndOfDay, type IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { createWorkingDayCalendar, weekdayName, type DayStatus, type WorkingDayCalendar } from './workingDayCalendar';

export const periodModes = ['civilCode', 'calendarDays'] as const;
/** civilCode: Art. 122 moves a last day on a rest day; calendarDays: the plain reading, no move. */
export type PeriodMode = (typeof periodModes)[number];

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const isoInstantSchema = z.iso.datetime({ offset: true }).describe('ISO 8601 instant, e.g. 2025-01-24T09:30:00+08:00');
export const timeZoneSchema = z
  .string()
  .min(1)
  .refine(isValidTimeZone, { message: 'Unknown IANA time zone' })
  .describe('IANA time zone of the tenant, e.g. Asia/Taipei');

export const dayPeriodInputSchema = z
  .object({
    receivedAt: isoInstantSchema.describe('When the request or event was received'),
    days: z.number().int().min(1).max(3660).describe('Length of the period in days'),
    timeZone: timeZoneSchema,
    mode: z.enum(periodModes).describe('civilCode (Art. 122 moves rest days) or calendarDays'),
  })
  .strict()
  .describe('A statutory period in days');

export interface DayPeriodInput {
  receivedAt: string;
  days: number;
  timeZone: string;
  mode: PeriodMode;
  /** Needed for civilCode; defaults to the Taiwan calendar with Saturdays as rest days. */
  calendar?: WorkingDayCalendar;
}

export interface DayPeriodEnd {
  /** Local date of receipt; not counted (Art. 120 ¶2). */
  startDate: IsoDate;
  days: number;
  mode: PeriodMode;
  /** The day `days` after startDate, before any Art. 122 move. */
  nominalLastDay: IsoDate;
  lastDay: IsoDate;
  /** Rest days passed over by Art. 122 (empty when the nominal last day is a working day). */
  skippedRestDays: DayStatus[];
  /** End of lastDay, 23:59:59.999 local time, as a UTC ISO instant. */
  endsAt: string;
  timeZone: string;
  explanation: LocalizedText[];
}

export interface DaysAfterDateInput {
  /** The day the period counts from; it is itself not counted. */
  startDate: IsoDate;
  days: number;
  timeZone: string;
  mode: PeriodMode;
  calendar?: WorkingDayCalendar;
  /** First explanation step, saying why startDate is not counted. */
  startStep: LocalizedText;
}

function describeDay(date: IsoDate, status?: DayStatus): LocalizedText {
  const reason = status?.reason ?? weekdayName(date);
  return { zhTW: `${date}（${reason.zhTW}）`, en: `${date} (${reason.en})` };
}

function assertDays(days: number): void {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`A period needs a positive whole number of days, got ${days}`);
}

/** Counts `days` days after `startDate`; the building block for both receipt and extensions. */
export function periodEndAfterDate(input: DaysAfterDateInput): DayPeriodEnd {
  const { startDate, days, timeZone, mode } = input;
  assertDays(days);
  if (!isIsoDate(startDate)) throw new RangeError(`Not an ISO calendar date: ${startDate}`);
  const calendar = input.calendar ?? createWorkingDayCalendar();
  const explanation: LocalizedText[] = [input.startStep];
  const nominalLastDay = addDays(startDate, days);
  const nominalStatus = calendar.isRestDay(nominalLastDay);
  const nominal = describeDay(nominalLastDay, nominalStatus);
  explanation.push({
    zhTW: `自 ${addDays(startDate, 1)} 起算 ${days} 日，第${days}日為 ${nominal.zhTW}（民法第121條第1項）`,
    en: `Counting ${days} days from ${addDays(startDate, 1)}, day ${days} is ${nominal.en} (Civil Code Art. 121 ¶1)`,
  });

  let lastDay = nominalLastDay;
  const skippedRestDays: DayStatus[] = [];
  if (mode === 'calendarDays') {
    explanation.push({
      zhTW: '依租戶設定按日曆天計算，末日為休息日亦不順延',
      en: 'Tenant setting: plain calendar days; a last day on a rest day is not moved',
    });
  } else {
    lastDay = calendar.firstWorkingDayFrom(nominalLastDay);
    for (let day = nominalLastDay; day < lastDay; day = addDays(day, 1)) skippedRestDays.push(calendar.isRestDay(day));
    if (skippedRestDays.length > 0) {
      const listed = skippedRestDays.map((status) => describeDay(status.date, status));
      const target = describeDay(lastDay);
      explanation.push({
        zhTW: `${listed.map((d) => d.zhTW).join('、')}為休息日 → 順延至 ${target.zhTW}（民法第122條）`,
        en: `${listed.map((d) => d.en).join(', ')} ${listed.length > 1 ? 'are rest days' : 'is a rest day'} → moved to ${target.en} (Civil Code Art. 122)`,
      });
    }
    // Without holiday data only weekends are known, so the result may be too early; say so.
    const uncovered = new Set(
      [nominalStatus, ...skippedRestDays, calendar.isRestDay(lastDay)]
        .filter((status) => status.holidayCoverage !== 'published')
        .map((status) => `${status.date.slice(0, 4)}:${status.holidayCoverage}`),
    );
    for (const entry of [...uncovered].sort()) {
      const [year, coverage] = entry.split(':');
      explanation.push(
        coverage === 'missing'
          ? {
              zhTW: `注意：${year}年尚無國定假日資料，僅依週末判斷休息日`,
              en: `Note: no public-holiday data for ${year}; only weekends were treated as rest days`,
            }
          : {
              zhTW: `注意：${year}年國定假日資料為暫定，尚待與人事行政總處辦公日曆表核對`,
              en: `Note: the ${year} public-holiday data is provisional, pending the DGPA calendar`,
            },
      );
    }
  }

  const endsAt = zonedEndOfDay(lastDay, timeZone);
  explanation.push({
    zhTW: `期間於 ${lastDay} 終止時（${timeZone} 23:59:59）屆滿（民法第121條第1項）`,
    en: `The period ends at the end of ${lastDay} (23:59:59 ${timeZone}) (Civil Code Art. 121 ¶1)`,
  });
  return { startDate, days, mode, nominalLastDay, lastDay, skippedRestDays, endsAt, timeZone, explanation };
}

/** End of a period in days counted from the receipt of something (a request, a notice). */
export function civilCodePeriodEnd(input: DayPeriodInput): DayPeriodEnd {
  if (Number.isNaN(Date.parse(input.receivedAt))) throw new RangeError(`Not an ISO instant: ${input.receivedAt}`);
  const startDate = zonedDateOf(input.receivedAt, input.timeZone);
  const start = describeDay(startDate);
  return periodEndAfterDate({
    startDate,
    days: input.days,
    timeZone: input.timeZone,
    mode: input.mode,
    calendar: input.calendar,
    startStep: {
      zhTW: `收件日 ${start.zhTW} 不算入（民法第120條第2項）`,
      en: `The day of receipt, ${start.en}, is not counted (Civil Code Art. 120 ¶2)`,
    },
  });
}

export interface HoursPeriodEnd {
  startAt: string;
  hours: number;
  endsAt: string;
  explanation: LocalizedText[];
}

/**
 * A period in hours runs from the moment (Art. 120 ¶1) and, unlike a period in days, is not
 * moved off rest days: the incident 72-hour clock keeps running over weekends and holidays.
 */
export function hoursPeriodEnd(startAt: string, hours: number): HoursPeriodEnd {
  const start = Date.parse(startAt);
  if (Number.isNaN(start)) throw new RangeError(`Not an ISO instant: ${startAt}`);
  if (!Number.isFinite(hours) || hours <= 0) throw new RangeError(`A period needs a positive number of hours, got ${hours}`);
  const startIso = new Date(start).toISOString();
  const endsAt = new Date(start + hours * 3_600_000).toISOString();
  return {
    startAt: startIso,
    hours,
    endsAt,
    explanation: [
      {
        zhTW: `以時定期間，自 ${startIso} 即時起算（民法第120條第1項）`,
        en: `A period in hours runs from the moment, ${startIso} (Civil Code Art. 120 ¶1)`,
      },
      {
        zhTW: `${hours}小時於 ${endsAt} 屆滿；休息日不順延`,
        en: `${hours} hours end at ${endsAt}; rest days do not extend it`,
      },
    ],
  };
}
