/**
 * How often a recurring compliance duty falls due. The plan writes them in zh-TW prose
 * (每年, 每半年, 每3個月, 每12個月, 每季, 每月); the product stores them normalised.
 */
import { z } from 'zod';
import { addDays, addMonths, type IsoDate } from './isoDate';

export const frequencyUnits = ['day', 'week', 'month', 'year'] as const;
export type FrequencyUnit = (typeof frequencyUnits)[number];

export const frequencySchema = z
  .object({
    every: z.number().int().min(1).max(120),
    unit: z.enum(frequencyUnits),
  })
  .strict();
export type Frequency = z.infer<typeof frequencySchema>;

export const YEARLY: Frequency = { every: 1, unit: 'year' };
export const HALF_YEARLY: Frequency = { every: 6, unit: 'month' };
export const QUARTERLY: Frequency = { every: 3, unit: 'month' };
export const MONTHLY: Frequency = { every: 1, unit: 'month' };

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十二: 12 };

function parseCount(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  return CHINESE_DIGITS[text];
}

/** Reads a zh-TW frequency phrase such as 每年, 每半年, 每3個月, 每十二個月, 每季, 每週. */
export function parseFrequencyLabel(label: string): Frequency | undefined {
  const text = label.replace(/\s+/g, '').replace(/^至少/, '').replace(/一次$/, '');
  if (/^每(一)?年$/.test(text)) return YEARLY;
  if (/^每半年$/.test(text)) return HALF_YEARLY;
  if (/^每(一)?季$/.test(text)) return QUARTERLY;
  if (/^每(一)?(個)?月$/.test(text)) return MONTHLY;
  if (/^每(一)?(週|周|星期)$/.test(text)) return { every: 1, unit: 'week' };
  if (/^每(一)?日$|^每天$/.test(text)) return { every: 1, unit: 'day' };
  const months = /^每(.+?)(個)?月$/.exec(text);
  if (months?.[1]) {
    const count = parseCount(months[1]);
    if (count) return count % 12 === 0 ? { every: count / 12, unit: 'year' } : { every: count, unit: 'month' };
  }
  const years = /^每(.+?)年$/.exec(text);
  if (years?.[1]) {
    const count = parseCount(years[1]);
    if (count) return { every: count, unit: 'year' };
  }
  return undefined;
}

/** zh-TW label in the plan's own wording. */
export function frequencyLabelZh(frequency: Frequency): string {
  const { every, unit } = frequency;
  if (unit === 'year') return every === 1 ? '每年' : `每${every}年`;
  if (unit === 'month') {
    if (every === 6) return '每半年';
    if (every === 12) return '每年';
    return every === 1 ? '每月' : `每${every}個月`;
  }
  if (unit === 'week') return every === 1 ? '每週' : `每${every}週`;
  return every === 1 ? '每日' : `每${every}日`;
}

export function frequencyLabelEn(frequency: Frequency): string {
  const { every, unit } = frequency;
  if (unit === 'month' && every === 6) return 'every six months';
  if (every === 1) return { day: 'daily', week: 'weekly', month: 'monthly', year: 'yearly' }[unit];
  return `every ${every} ${unit}s`;
}

/** Approximate length in months, for comparing frequencies ("at least every 12 months"). */
export function frequencyInMonths(frequency: Frequency): number {
  switch (frequency.unit) {
    case 'year':
      return frequency.every * 12;
    case 'month':
      return frequency.every;
    case 'week':
      return (frequency.every * 7) / 30.4375;
    case 'day':
      return frequency.every / 30.4375;
  }
}

/**
 * The next occurrence after `anchor`, `times` periods on. Recurring duties count from the
 * original anchor (due date), never from the completion date, so lateness does not drift the
 * cycle; counting `times` periods from one anchor also keeps month-end dates from shrinking
 * (Jan 31 → Feb 28 → Mar 31, not Mar 28).
 */
export function advanceByFrequency(anchor: IsoDate, frequency: Frequency, times = 1): IsoDate {
  switch (frequency.unit) {
    case 'day':
      return addDays(anchor, frequency.every * times);
    case 'week':
      return addDays(anchor, frequency.every * 7 * times);
    case 'month':
      return addMonths(anchor, frequency.every * times);
    case 'year':
      return addMonths(anchor, frequency.every * 12 * times);
  }
}
