/**
 * ROC (民國) calendar labels as plans are versioned in Taiwan: `114年1月2日 7版`.
 * ROC year = Gregorian year − 1911; ROC 1 began on 1912-01-01, so earlier dates have no label.
 */
import { formatIsoDate, isIsoDate, parseIsoDate, timeZoneOffsetMinutes, type IsoDate } from '../shared/isoDate';

export const ROC_EPOCH_OFFSET = 1911;
export const ROC_FIRST_DAY: IsoDate = '1912-01-01';

export function rocYearOf(gregorianYear: number): number {
  return gregorianYear - ROC_EPOCH_OFFSET;
}

/** `2025-01-02` → `114年1月2日`. Throws RangeError before ROC 1 or for a malformed date. */
export function formatRocDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  const rocYear = rocYearOf(year);
  if (rocYear < 1) throw new RangeError(`No ROC year before ${ROC_FIRST_DAY}: ${date}`);
  return `${rocYear}年${month}月${day}日`;
}

/** `2026-05-10` → `民國115年5月10日`: the era is spelt out on forms sent to an authority. */
export function formatRocDateWithEra(date: IsoDate): string {
  return `民國${formatRocDate(date)}`;
}

/** Wall-clock date and time of an instant in a zone (Taiwan forms: Asia/Taipei, no DST). */
function wallClock(instant: string | Date, timeZone: string): { date: IsoDate; hour: number; minute: number } {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  const shifted = new Date(at.getTime() + timeZoneOffsetMinutes(at, timeZone) * 60_000).toISOString();
  return { date: shifted.slice(0, 10), hour: Number(shifted.slice(11, 13)), minute: Number(shifted.slice(14, 16)) };
}

/**
 * An instant as Taiwanese forms print it: `2026-05-10T06:30:00Z` → `民國115年5月10日 14時30分`
 * (Asia/Taipei by default). Minutes keep two digits so times line up in a form column.
 */
export function formatRocDateTime(instant: string | Date, timeZone = 'Asia/Taipei'): string {
  const { date, hour, minute } = wallClock(instant, timeZone);
  return `${formatRocDateWithEra(date)} ${hour}時${String(minute).padStart(2, '0')}分`;
}

/** English counterpart for the en version of a form: `2026-05-10 14:30 (UTC+8)`. */
export function formatWallClockTime(instant: string | Date, timeZone = 'Asia/Taipei'): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const { date, hour, minute } = wallClock(at, timeZone);
  const offset = timeZoneOffsetMinutes(at, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `${date} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} (UTC${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''})`;
}

/** `2025-01-02`, 7 → `114年1月2日 7版`. */
export function formatRocVersionLabel(date: IsoDate, versionNumber: number): string {
  if (!Number.isInteger(versionNumber) || versionNumber < 1) throw new RangeError(`Version number must be a positive integer: ${versionNumber}`);
  return `${formatRocDate(date)} ${versionNumber}版`;
}

const FULL_WIDTH_DIGITS = /[０-９]/g;

function normalise(label: string): string {
  // Plans are typed in Word, where full-width digits and stray spaces are common.
  return label.replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s+/g, ' ').trim();
}

const ROC_DATE = /^(?:中華)?(?:民國)?\s*(\d{1,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const ROC_VERSION = /^(.+?日)\s*(?:第\s*)?(\d{1,4})\s*版$/;

/** `114年1月2日` (optionally prefixed 民國 / 中華民國) → `2025-01-02`; undefined when not a real date. */
export function parseRocDate(label: string): IsoDate | undefined {
  const match = ROC_DATE.exec(normalise(label));
  if (!match) return undefined;
  const rocYear = Number(match[1]);
  if (rocYear < 1) return undefined;
  const iso = formatIsoDate(rocYear + ROC_EPOCH_OFFSET, Number(match[2]), Number(match[3]));
  return isIsoDate(iso) ? iso : undefined;
}

/** `114年1月2日 7版` → { date: '2025-01-02', versionNumber: 7 }; undefined when malformed. */
export function parseRocVersionLabel(label: string): { date: IsoDate; versionNumber: number } | undefined {
  const match = ROC_VERSION.exec(normalise(label));
  if (!match) return undefined;
  const date = parseRocDate(match[1]!);
  const versionNumber = Number(match[2]);
  if (!date || versionNumber < 1) return undefined;
  return { date, versionNumber };
}
