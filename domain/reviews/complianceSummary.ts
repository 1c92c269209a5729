/**
 * The dashboard figures for periodic reviews: what is due this month, what is overdue, and
 * how many reviews of the last 12 months were done on time (the evidence an audit under
 * plan §12 / Regulation Art. 13 looks for).
 */
import { addDays, addMonths, isIsoDate, zonedDateOf, type IsoDate } from '../shared/isoDate';
import { completedOn, isOverdue, type ReviewTask } from './reviewTask';

export interface ComplianceSummary {
  asOf: IsoDate;
  /** Open tasks due from asOf to the end of asOf's calendar month (not yet overdue). */
  dueThisMonth: { count: number; taskIds: string[] };
  /** Open tasks whose due date has passed. */
  overdue: { count: number; taskIds: string[] };
  /**
   * Tasks due in the 12 months up to asOf (after asOf − 12 months, up to and including asOf):
   * total counts done ones and open ones already overdue; skipped ones are excluded (a
   * recorded decision, not a miss) and open ones still due today are not late yet.
   * Done on time = completed (local date) on or before the due date.
   */
  onTimeLast12Months: { onTime: number; total: number; percentage: number | null };
}

function endOfMonth(date: IsoDate): IsoDate {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);
}

/** `asOf` is a calendar date, or an instant read as a date in `timeZone`. */
export function complianceSummary(tasks: readonly ReviewTask[], asOf: IsoDate | string, timeZone: string): ComplianceSummary {
  const today = isIsoDate(asOf) ? asOf : zonedDateOf(asOf, timeZone);
  const monthEnd = endOfMonth(today);
  const windowStartExclusive = addMonths(today, -12);
  const dueThisMonth: string[] = [];
  const overdue: string[] = [];
  let onTime = 0;
  let total = 0;

  for (const task of tasks) {
    if (task.status === 'open' && task.dueDate >= today && task.dueDate <= monthEnd) dueThisMonth.push(task.taskId);
    if (isOverdue(task, today)) overdue.push(task.taskId);
    if (task.dueDate <= windowStartExclusive || task.dueDate > today) continue;
    if (task.status === 'done') {
      total += 1;
      const on = completedOn(task, timeZone);
      if (on !== null && on <= task.dueDate) onTime += 1;
    } else if (isOverdue(task, today)) {
      total += 1;
    }
  }
  return {
    asOf: today,
    dueThisMonth: { count: dueThisMonth.length, taskIds: dueThisMonth },
    overdue: { count: overdue.length, taskIds: overdue },
    onTimeLast12Months: { onTime, total, percentage: total === 0 ? null : Math.round((onTime / total) * 1000) / 10 },
  };
}
