/**
 * Which period an inspection pack covers. Rules:
 * - both ends are calendar dates (tenant time), from ≤ to;
 * - `to` is not after today: a pack answers for what happened, and records of tomorrow do not exist;
 * - at most five years. Evidence and logs must be kept at least five years (seed 000 §11; seed 001
 *   Art. 14 requires keeping the records of the measures taken), so an inspection reaches back
 *   that far; a longer period would promise records nobody must keep and makes the build
 *   unbounded. An inspector asking for more gets consecutive packs.
 */
import { addYears, compareIsoDate, isIsoDate, type IsoDate } from '../shared/isoDate';
import { fail, ok, type Outcome } from '../shared/outcome';
import type { InspectionPackPeriod } from './job';

export const MAX_PERIOD_YEARS = 5;

export type PeriodErrorCode = 'PERIOD_INVALID_DATE' | 'PERIOD_REVERSED' | 'PERIOD_IN_FUTURE' | 'PERIOD_TOO_LONG';

export function validatePeriod(input: { periodFrom: string; periodTo: string }, today: IsoDate): Outcome<InspectionPackPeriod, PeriodErrorCode> {
  for (const field of ['periodFrom', 'periodTo'] as const) {
    if (!isIsoDate(input[field])) {
      return fail('invalidInput', 'PERIOD_INVALID_DATE', { zhTW: '日期格式錯誤（YYYY-MM-DD）。', en: 'Not a valid date (YYYY-MM-DD).' }, { field });
    }
  }
  const { periodFrom: from, periodTo: to } = input;
  if (compareIsoDate(from, to) > 0) {
    return fail('invalid', 'PERIOD_REVERSED', { zhTW: '期間起日不得晚於迄日。', en: 'The period must not start after it ends.' }, { field: 'periodFrom' });
  }
  if (compareIsoDate(to, today) > 0) {
    return fail('invalid', 'PERIOD_IN_FUTURE', { zhTW: `期間迄日不得晚於今日（${today}）。`, en: `The period must not end after today (${today}).` }, { field: 'periodTo' });
  }
  if (compareIsoDate(to, addYears(from, MAX_PERIOD_YEARS)) >= 0) {
    return fail(
      'invalid',
      'PERIOD_TOO_LONG',
      { zhTW: `期間最長${MAX_PERIOD_YEARS}年（紀錄保存期限）；較長期間請分次製作。`, en: `The period is at most ${MAX_PERIOD_YEARS} years (the records' retention); build consecutive packs for longer.` },
      { field: 'periodTo' },
    );
  }
  return ok({ from, to });
}

/** Whether an instant falls within the period, read as calendar dates in the tenant's zone. */
export function dateWithin(date: IsoDate, period: InspectionPackPeriod): boolean {
  return compareIsoDate(date, period.from) >= 0 && compareIsoDate(date, period.to) <= 0;
}

/** The calendar years a period touches. */
export function parseYearRange(period: InspectionPackPeriod): { first: number; last: number } {
  return { first: Number(period.from.slice(0, 4)), last: Number(period.to.slice(0, 4)) };
}
