/**
 * Language and dates of the console: zh-TW first, English on request (`?lang=en`, kept in a
 * cookie); dates in the ROC calendar (民國) with the ISO value on hover, as Taiwanese forms read.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { formatRocDateTime, formatRocDateWithEra, formatWallClockTime } from '../../domain/plan/rocDate';
import { cookieIsSecure } from './session';

export type ConsoleLocale = 'zh-TW' | 'en';
export const LOCALE_COOKIE = 'pdpa_console_lang';

export interface Bilingual {
  zhTW: string;
  en: string;
}

/** `?lang=` wins and is remembered; then the cookie; then zh-TW. */
export function localeOf(c: Context): ConsoleLocale {
  const asked = c.req.query('lang');
  if (asked === 'en' || asked === 'zh-TW') {
    setCookie(c, LOCALE_COOKIE, asked, { path: '/', sameSite: 'Lax', secure: cookieIsSecure(c.req.url), maxAge: 365 * 86_400 });
    return asked;
  }
  return getCookie(c, LOCALE_COOKIE) === 'en' ? 'en' : 'zh-TW';
}

export const pick = (locale: ConsoleLocale, text: Bilingual): string => (locale === 'en' ? text.en : text.zhTW);
export const t = (locale: ConsoleLocale, zhTW: string, en: string): string => (locale === 'en' ? en : zhTW);

/** A date (YYYY-MM-DD) as 民國115年5月10日, ISO on hover; English shows the ISO date. */
export function DateText(props: { date: string | null | undefined; locale: ConsoleLocale }) {
  const { date, locale } = props;
  if (!date) return <span>—</span>;
  const day = date.slice(0, 10);
  let label = day;
  if (locale === 'zh-TW') {
    try {
      label = formatRocDateWithEra(day);
    } catch {
      label = day;
    }
  }
  return (
    <time datetime={day} title={day}>
      {label}
    </time>
  );
}

/** An instant as 民國115年5月10日 14時30分 (tenant time zone), ISO on hover. */
export function InstantText(props: { at: string | null | undefined; locale: ConsoleLocale; timeZone: string }) {
  const { at, locale, timeZone } = props;
  if (!at) return <span>—</span>;
  let label = at;
  try {
    label = locale === 'zh-TW' ? formatRocDateTime(at, timeZone) : formatWallClockTime(at, timeZone);
  } catch {
    label = at;
  }
  return (
    <time datetime={at} title={at}>
      {label}
    </time>
  );
}

/** Time left to an instant, to the minute: "剩 41 小時 5 分" / "overdue by 3 h 2 min". */
export function countdownText(dueAt: string, now: Date, locale: ConsoleLocale): string {
  const minutes = Math.floor((new Date(dueAt).getTime() - now.getTime()) / 60_000);
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / 1440);
  const hours = Math.floor((abs % 1440) / 60);
  const mins = abs % 60;
  const zh = `${days ? `${days} 日 ` : ''}${hours} 小時 ${mins} 分`;
  const en = `${days ? `${days} d ` : ''}${hours} h ${mins} min`;
  return minutes >= 0 ? t(locale, `剩 ${zh}`, `${en} left`) : t(locale, `已逾期 ${zh}`, `overdue by ${en}`);
}

/** Days left to a local date (statutory deadlines count in days). */
export function daysLeftText(lastDay: string, today: string, locale: ConsoleLocale): string {
  const days = Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days === 0) return t(locale, '今日到期', 'due today');
  return days > 0 ? t(locale, `剩 ${days} 日`, `${days} days left`) : t(locale, `已逾期 ${-days} 日`, `overdue by ${-days} days`);
}
