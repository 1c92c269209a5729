import { describe, expect, it } from 'vitest';
import { complianceSummary } from '../../../domain/reviews/complianceSummary';
import type { ReviewTask } from '../../../domain/reviews/reviewTask';
import { makeDuty, taskFor } from './support';

const TZ = 'Asia/Taipei';
const duty = makeDuty({ frequency: { every: 1, unit: 'month' } });

function done(dueDate: string, at: string): ReviewTask {
  return taskFor(duty, dueDate, { status: 'done', completion: { by: 'x', at, notes: '', evidenceRefs: [] } });
}
function skipped(dueDate: string): ReviewTask {
  return taskFor(duty, dueDate, { status: 'skipped', skip: { by: 'x', at: '2026-01-01T00:00:00Z', reason: 'n/a' } });
}

describe('complianceSummary', () => {
  const asOf = '2026-06-15';

  it('counts open tasks due from today to the month end as due this month, and past ones as overdue', () => {
    const tasks = [
      taskFor(duty, '2026-06-14'),
      taskFor(duty, '2026-06-15'),
      taskFor(duty, '2026-06-30'),
      taskFor(duty, '2026-07-01'),
      done('2026-06-20', '2026-06-10T01:00:00Z'),
      taskFor(duty, '2026-01-31'),
    ];
    const summary = complianceSummary(tasks, asOf, TZ);
    expect(summary.dueThisMonth.taskIds).toEqual([tasks[1]!.taskId, tasks[2]!.taskId]);
    expect(summary.dueThisMonth.count).toBe(2);
    expect(summary.overdue.taskIds).toEqual([tasks[0]!.taskId, tasks[5]!.taskId]);
  });

  it('finds the month end of February in leap and common years', () => {
    expect(complianceSummary([taskFor(duty, '2024-02-29')], '2024-02-10', TZ).dueThisMonth.count).toBe(1);
    expect(complianceSummary([taskFor(duty, '2025-03-01')], '2025-02-10', TZ).dueThisMonth.count).toBe(0);
  });

  it('judges on time by the local completion date: on or before the due date', () => {
    const onTime = done('2026-03-31', '2026-03-31T15:59:59Z'); // 23:59:59 in Taipei
    const late = done('2026-04-30', '2026-04-30T16:00:00Z'); // 00:00 May 1 in Taipei
    const early = done('2026-05-31', '2026-05-01T01:00:00Z');
    const summary = complianceSummary([onTime, late, early], asOf, TZ);
    expect(summary.onTimeLast12Months).toEqual({ onTime: 2, total: 3, percentage: 66.7 });
    // In UTC the late one was on the due date.
    expect(complianceSummary([onTime, late, early], asOf, 'UTC').onTimeLast12Months).toEqual({ onTime: 3, total: 3, percentage: 100 });
  });

  it('uses a 12-month window by due date, counts overdue open tasks as misses, ignores skipped and due-today tasks', () => {
    const tasks = [
      done('2025-06-15', '2025-06-01T00:00:00Z'), // exactly 12 months back: outside
      done('2025-06-16', '2025-06-16T00:00:00Z'), // inside, on time
      taskFor(duty, '2026-01-31'), // open and overdue: a miss
      skipped('2026-02-28'), // recorded decision: not counted
      taskFor(duty, '2026-06-15'), // due today: not late yet
      done('2026-06-20', '2026-06-01T00:00:00Z'), // due in the future: not in the window
    ];
    expect(complianceSummary(tasks, asOf, TZ).onTimeLast12Months).toEqual({ onTime: 1, total: 2, percentage: 50 });
  });

  it('returns null percentage when nothing fell due, and reads an instant asOf in the timezone', () => {
    expect(complianceSummary([], asOf, TZ).onTimeLast12Months).toEqual({ onTime: 0, total: 0, percentage: null });
    const summary = complianceSummary([taskFor(duty, '2026-06-30')], '2026-06-30T16:30:00Z', TZ);
    expect(summary.asOf).toBe('2026-07-01');
    expect(summary.overdue.count).toBe(1);
    expect(summary.dueThisMonth.count).toBe(0);
  });

  it('rounds the percentage to one decimal', () => {
    const tasks = [done('2026-01-31', '2026-01-30T00:00:00Z'), taskFor(duty, '2026-02-28'), taskFor(duty, '2026-03-31'), taskFor(duty, '2026-04-30'), taskFor(duty, '2026-05-31'), taskFor(duty, '2026-06-14')];
    expect(complianceSummary(tasks, asOf, TZ).onTimeLast12Months).toEqual({ onTime: 1, total: 6, percentage: 16.7 });
  });
});
