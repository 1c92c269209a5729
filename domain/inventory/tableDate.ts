/**
 * Dates as people type them into an inventory table in Taiwan. Only forms with one reading are
 * accepted; each becomes an ISO date (YYYY-MM-DD):
 *  - Gregorian with a four-digit year: 2026-11-30, 2026/11/30, 2026.11.30, 2026年11月30日, 20261130;
 *  - ROC (民國) with a three-digit year: 115/11/30, 115-11-30, 115.11.30, 115年11月30日, 1151130;
 *  - ROC with the era written out, any year: 民國115年11月30日, 民國99年1月5日, 中華民國99/1/5.
 * Refused because they have two readings: a one- or two-digit year without 民國 (99/1/5 is
 * ROC 99 or 1999), six digits (991130), and day-month orders (30/11/2026, 11/30/2026).
 * Full-width digits and separators (１１５／１１／３０) are read as their ASCII forms.
 * Excel date cells never reach this parser as text: the workbook reader gives them as ISO dates.
 */
import { formatIsoDate, daysInMonth, type IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';

/** ROC year = Gregorian year − 1911 (the same offset as domain/plan/rocDate.ts). */
const ROC_EPOCH_OFFSET = 1911;

export type TableDateResult = { ok: true; date: IsoDate } | { ok: false; reason: LocalizedText };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0F\uFF0E\uFF0D\u3000]/g;
function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const ERA = String.raw`(?:中華)?民國\s*`;
const separated = (yearDigits: string) => String.raw`(\d{${yearDigits}})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})`;
const chinese = (yearDigits: string) => String.raw`(\d{${yearDigits}})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?`;

const FORMS: { pattern: RegExp; era: 'roc' | 'byDigits'; parts: (m: RegExpExecArray) => [string, string, string] }[] = [
  { pattern: new RegExp(`^${ERA}${separated('1,3')}$`), era: 'roc', parts: (m) => [m[1]!, m[3]!, m[4]!] },
  { pattern: new RegExp(`^${ERA}${chinese('1,3')}$`), era: 'roc', parts: (m) => [m[1]!, m[2]!, m[3]!] },
  { pattern: new RegExp(`^${separated('1,4')}$`), era: 'byDigits', parts: (m) => [m[1]!, m[3]!, m[4]!] },
  { pattern: new RegExp(`^${chinese('1,4')}$`), era: 'byDigits', parts: (m) => [m[1]!, m[2]!, m[3]!] },
  { pattern: /^(\d{3})(\d{2})(\d{2})$/, era: 'byDigits', parts: (m) => [m[1]!, m[2]!, m[3]!] },
  { pattern: /^(\d{4})(\d{2})(\d{2})$/, era: 'byDigits', parts: (m) => [m[1]!, m[2]!, m[3]!] },
];

const unreadable = (text: string): TableDateResult => ({
  ok: false,
  reason: {
    zhTW: `無法辨識日期「${text}」，請填 2026-11-30、115/11/30 或 民國115年11月30日`,
    en: `cannot read the date "${text}"; write 2026-11-30, 115/11/30 (ROC) or 民國115年11月30日`,
  },
});

/** A table cell as an ISO date, or why it is not one. */
export function parseTableDate(cell: string): TableDateResult {
  const text = toHalfWidth(cell).trim();
  for (const form of FORMS) {
    const match = form.pattern.exec(text);
    if (!match) continue;
    const [yearText, monthText, dayText] = form.parts(match);
    let year: number;
    if (form.era === 'roc') year = Number(yearText) + ROC_EPOCH_OFFSET;
    else if (yearText.length === 4) year = Number(yearText);
    else if (yearText.length === 3) year = Number(yearText) + ROC_EPOCH_OFFSET;
    // One or two digits without 民國: ROC 99 or Gregorian 1999/2099 — ask for the era.
    else
      return {
        ok: false,
        reason: { zhTW: `日期「${cell.trim()}」的年份有兩種讀法，民國年請寫「民國${yearText}年」或三位數年份`, en: `the year of "${cell.trim()}" is ambiguous; write 民國${yearText}年 or a four-digit year` },
      };
    const rocYearOne = form.era === 'roc' || yearText.length === 3;
    if (rocYearOne && year <= ROC_EPOCH_OFFSET) return { ok: false, reason: { zhTW: `民國年份須自1年起：「${cell.trim()}」`, en: `an ROC year starts at 1: "${cell.trim()}"` } };
    const month = Number(monthText);
    const day = Number(dayText);
    if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
      return { ok: false, reason: { zhTW: `日期「${cell.trim()}」不存在`, en: `"${cell.trim()}" is not a calendar date` } };
    return { ok: true, date: formatIsoDate(year, month, day) };
  }
  return unreadable(cell.trim());
}
