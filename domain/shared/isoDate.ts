/**
 * Calendar dates as ISO strings (YYYY-MM-DD) and instants as ISO timestamps.
 * Legal periods are counted in calendar days of the tenant's timezone, so the domain works on
 * plain dates and converts to instants only at the edges (zonedEndOfDay / zonedDateOf).
 */

export type IsoDate = string; // 'YYYY-MM-DD'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): value is IsoDate {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

export function parseIsoDate(value: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(value)) throw new RangeError(`Not an ISO calendar date: ${value}`);
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d };
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toUtcMidnight(value: IsoDate): Date {
  const { year, month, day } = parseIsoDate(value);
  return new Date(Date.UTC(year, month - 1, day));
}

function fromUtcMidnight(date: Date): IsoDate {
  return formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(value: IsoDate, days: number): IsoDate {
  const date = toUtcMidnight(value);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtcMidnight(date);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds calendar months; when the target month has no such day the month's last day is used
 * (Civil Code Art. 121 ¶2 proviso: 於最後之月，無相當日者，以其月之末日).
 */
export function addMonths(value: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(value);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return formatIsoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function addYears(value: IsoDate, years: number): IsoDate {
  return addMonths(value, years * 12);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMidnight(to).getTime() - toUtcMidnight(from).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(value: IsoDate): number {
  return toUtcMidnight(value).getUTCDay();
}

export function compareIsoDate(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

// Building an Intl formatter is far costlier than using one; keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of `timeZone` from UTC, in minutes, at `instant`. */
export function timeZoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The calendar date of `instant` in `timeZone`. */
export function zonedDateOf(instant: Date | string, timeZone: string): IsoDate {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const shifted = new Date(at.getTime() + timeZoneOffsetMinutes(at, timeZone) * 60_000);
  return fromUtcMidnight(new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate())));
}

/** The instant a local wall-clock time on `date` occurs in `timeZone` (ISO timestamp, UTC). */
export function zonedInstant(date: IsoDate, time: string, timeZone: string): string {
  const { year, month, day } = parseIsoDate(date);
  const [hh = 0, mm = 0, ss = 0, ms = 0] = time.split(/[:.]/).map(Number);
  const guess = Date.UTC(year, month - 1, day, hh, mm, ss, ms);
  // Two passes settle the offset even across a DST change.
  let offset = timeZoneOffsetMinutes(new Date(guess), timeZone);
  offset = timeZoneOffsetMinutes(new Date(guess - offset * 60_000), timeZone);
  return new Date(guess - offset * 60_000).toISOString();
}

/** A period ends at the end of its last day (Civil Code Art. 121 ¶1): 23:59:59.999 local time. */
export function zonedEndOfDay(date: IsoDate, timeZone: string): string {
  return zonedInstant(date, '23:59:59.999', timeZone);
}
