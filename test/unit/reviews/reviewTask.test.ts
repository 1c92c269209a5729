import { describe, expect, it } from 'vitest';
import { advanceByFrequency, type Frequency } from '../../../domain/shared/frequency';
import { addDays } from '../../../domain/shared/isoDate';
import type { Outcome } from '../../../domain/shared/outcome';
import {
  completeTask,
  complianceCalendar,
  completeTaskInputSchema,
  firstOccurrenceIndexOnOrAfter,
  isOverdue,
  occurrenceAfter,
  occurrencesBetween,
  openTask,
  reviewTaskSchema,
  skipTask,
  skipTaskInputSchema,
  taskIdFor,
} from '../../../domain/reviews/reviewTask';
import { makeDuty, taskFor } from './support';

const TZ = 'Asia/Taipei';
const by = 'jian@example.com';

function succeeded<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`refused: ${outcome.error.code}`);
  return outcome.value;
}

function errorCode(fn: () => Outcome<unknown>): string | undefined {
  const outcome = fn();
  return outcome.ok ? undefined : outcome.error.code;
}

describe('task identity and overdue', () => {
  it('derives the task id from duty and due date', () => {
    const duty = makeDuty();
    expect(openTask(duty, '2026-12-31').taskId).toBe(taskIdFor(duty.dutyId, '2026-12-31'));
    expect(taskIdFor(duty.dutyId, '2026-12-31')).not.toBe(taskIdFor(duty.dutyId, '2027-12-31'));
  });

  it('is overdue only when open and the due date has passed', () => {
    const task = taskFor(makeDuty(), '2026-06-30');
    expect(isOverdue(task, '2026-06-29')).toBe(false);
    expect(isOverdue(task, '2026-06-30')).toBe(false);
    expect(isOverdue(task, '2026-07-01')).toBe(true);
    expect(isOverdue({ ...task, status: 'done' }, '2026-07-01')).toBe(false);
    expect(isOverdue({ ...task, status: 'skipped' }, '2026-07-01')).toBe(false);
  });
});

describe('next due date counts from the anchor, never from completion', () => {
  it('keeps a yearly cycle when the review is done late or early', () => {
    const duty = makeDuty({ anchorDate: '2026-03-31' });
    const task = taskFor(duty, '2026-03-31');
    const late = succeeded(completeTask(duty, task, { by, at: '2026-05-10T02:00:00Z' }, TZ));
    expect(late.next?.dueDate).toBe('2027-03-31');
    const early = succeeded(completeTask(duty, task, { by, at: '2026-02-01T02:00:00Z' }, TZ));
    expect(early.next?.dueDate).toBe('2027-03-31');
    expect(late.next).toEqual(openTask(duty, '2027-03-31'));
  });

  it('walks month ends without drifting: Jan 31 monthly → Feb 28 → Mar 31 → Apr 30', () => {
    const duty = makeDuty({ anchorDate: '2025-01-31', frequency: { every: 1, unit: 'month' } });
    let task = taskFor(duty, '2025-01-31');
    const dues: string[] = [task.dueDate];
    for (let i = 0; i < 4; i += 1) {
      // Done 20 days late each time: the cycle must not move.
      const { next } = succeeded(completeTask(duty, task, { by, at: `${addDays(task.dueDate, 20)}T03:00:00Z` }, TZ));
      task = next!;
      dues.push(task.dueDate);
    }
    expect(dues).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31']);
  });

  it('uses Feb 29 in a leap year and returns to the 31st after it', () => {
    const duty = makeDuty({ anchorDate: '2024-01-31', frequency: { every: 1, unit: 'month' } });
    expect(occurrencesBetween(duty, '2024-01-01', '2024-04-30').map((o) => o.dueDate)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
  });

  it('after a very late completion the next one is the following slot on the grid, even if already past', () => {
    const duty = makeDuty({ anchorDate: '2026-01-15', frequency: { every: 3, unit: 'month' } });
    const { next } = succeeded(completeTask(duty, taskFor(duty, '2026-01-15'), { by, at: '2026-05-01T02:00:00Z' }, TZ));
    expect(next?.dueDate).toBe('2026-04-15');
  });

  it('skipping also advances on the grid and needs a reason', () => {
    const duty = makeDuty({ anchorDate: '2025-08-31', frequency: { every: 6, unit: 'month' } });
    const task = taskFor(duty, '2026-02-28');
    const { task: skipped, next } = succeeded(skipTask(duty, task, { by, at: '2026-03-02T00:00:00Z', reason: '  系統已下線  ' }));
    expect(skipped.status).toBe('skipped');
    expect(skipped.skip).toEqual({ by, at: '2026-03-02T00:00:00Z', reason: '系統已下線' });
    expect(next?.dueDate).toBe('2026-08-31');
    expect(errorCode(() => skipTask(duty, task, { by, at: '2026-03-02T00:00:00Z', reason: '   ' }))).toBe('skipReasonRequired');
  });
});

describe('completeTask and skipTask', () => {
  const duty = makeDuty({ anchorDate: '2026-03-31' });

  it('records the completion and the local completion date on the duty', () => {
    const result = succeeded(completeTask(duty, taskFor(duty, '2026-03-31'), { by, at: '2026-03-31T16:30:00Z', notes: '已盤點', evidenceRefs: ['s3://evidence/inv.xlsx'] }, TZ));
    expect(result.task).toMatchObject({ status: 'done', completion: { by, at: '2026-03-31T16:30:00Z', notes: '已盤點', evidenceRefs: ['s3://evidence/inv.xlsx'] } });
    expect(reviewTaskSchema.parse(result.task)).toEqual(result.task);
    // 16:30Z is 00:30 on Apr 1 in Taipei.
    expect(result.duty.lastCompletedOn).toBe('2026-04-01');
    expect(succeeded(completeTask({ ...duty, lastCompletedOn: '2026-05-01' }, taskFor(duty, '2026-03-31'), { by, at: '2026-03-31T01:00:00Z' }, TZ)).duty.lastCompletedOn).toBe('2026-05-01');
  });

  it('refuses tasks that are not open or belong to another duty', () => {
    const done = succeeded(completeTask(duty, taskFor(duty, '2026-03-31'), { by, at: '2026-03-31T01:00:00Z' }, TZ)).task;
    expect(errorCode(() => completeTask(duty, done, { by, at: '2026-04-01T01:00:00Z' }, TZ))).toBe('taskNotOpen');
    expect(errorCode(() => skipTask(duty, done, { by, at: '2026-04-01T01:00:00Z', reason: 'x' }))).toBe('taskNotOpen');
    const other = makeDuty({ dutyKind: 'riskAssessment' });
    expect(errorCode(() => completeTask(other, taskFor(duty, '2026-03-31'), { by, at: '2026-04-01T01:00:00Z' }, TZ))).toBe('dutyMismatch');
  });

  it('opens nothing after a one-time deadline or a retired duty', () => {
    const oneTime = makeDuty({ frequency: null, anchorDate: '2026-04-10', source: 'dataSubjectRequest' });
    expect(succeeded(completeTask(oneTime, taskFor(oneTime, '2026-04-10'), { by, at: '2026-04-09T01:00:00Z' }, TZ)).next).toBeNull();
    const retired = { ...duty, retiredOn: '2026-03-01' };
    expect(succeeded(completeTask(retired, taskFor(retired, '2026-03-31'), { by, at: '2026-03-31T01:00:00Z' }, TZ)).next).toBeNull();
  });

  it('validates request bodies', () => {
    expect(completeTaskInputSchema.parse({})).toEqual({ notes: '', evidenceRefs: [] });
    expect(completeTaskInputSchema.safeParse({ notes: 'x', by: 'me' }).success).toBe(false);
    expect(skipTaskInputSchema.safeParse({ reason: '   ' }).success).toBe(false);
    expect(skipTaskInputSchema.parse({ reason: ' 廠商已終止合作 ' })).toEqual({ reason: '廠商已終止合作' });
  });
});

describe('occurrences', () => {
  it('lists occurrences with both bounds inclusive', () => {
    const duty = makeDuty({ anchorDate: '2026-01-15', frequency: { every: 3, unit: 'month' } });
    expect(occurrencesBetween(duty, '2026-01-15', '2026-07-15').map((o) => [o.sequence, o.dueDate])).toEqual([
      [0, '2026-01-15'],
      [1, '2026-04-15'],
      [2, '2026-07-15'],
    ]);
    expect(occurrencesBetween(duty, '2026-01-16', '2026-07-14').map((o) => o.dueDate)).toEqual(['2026-04-15']);
    expect(occurrencesBetween(duty, '2025-01-01', '2026-01-14')).toEqual([]);
    expect(occurrencesBetween(duty, '2026-05-01', '2026-04-01')).toEqual([]);
  });

  it('gives a one-time duty exactly its anchor', () => {
    const duty = makeDuty({ frequency: null, anchorDate: '2026-03-14' });
    expect(occurrencesBetween(duty, '2026-01-01', '2026-12-31').map((o) => o.dueDate)).toEqual(['2026-03-14']);
    expect(occurrencesBetween(duty, '2026-03-15', '2026-12-31')).toEqual([]);
    expect(occurrenceAfter(duty, '2026-03-13')?.dueDate).toBe('2026-03-14');
    expect(occurrenceAfter(duty, '2026-03-14')).toBeNull();
  });

  it('finds the first index on or after any date, matching a brute-force walk', () => {
    const cases: [string, Frequency][] = [
      ['2025-01-31', { every: 1, unit: 'month' }],
      ['2024-02-29', { every: 1, unit: 'year' }],
      ['2025-08-31', { every: 6, unit: 'month' }],
      ['2025-11-30', { every: 3, unit: 'month' }],
      ['2026-01-05', { every: 2, unit: 'week' }],
      ['2026-01-05', { every: 10, unit: 'day' }],
    ];
    const mismatches: string[] = [];
    let checked = 0;
    for (const [anchor, frequency] of cases) {
      let expected = 0;
      for (let offset = -10; offset < 1200; offset += 1) {
        const date = addDays(anchor, offset);
        while (advanceByFrequency(anchor, frequency, expected) < date) expected += 1;
        const actual = firstOccurrenceIndexOnOrAfter(anchor, frequency, date);
        checked += 1;
        if (actual !== expected) mismatches.push(`${anchor} ${JSON.stringify(frequency)} ${date}: ${actual} ≠ ${expected}`);
      }
    }
    expect(checked).toBe(cases.length * 1210);
    expect(mismatches).toEqual([]);
  });

  it('builds a 12-month compliance calendar, end exclusive, sorted, without retired duties', () => {
    const yearly = makeDuty({ dutyKind: 'dataInventory', anchorDate: '2026-03-31' });
    const halfYearly = makeDuty({ dutyKind: 'purposeExpiryReview', anchorDate: '2025-12-31', frequency: { every: 6, unit: 'month' } });
    const quarterly = makeDuty({ dutyKind: 'officeFirewallUpdate', anchorDate: '2026-01-15', frequency: { every: 3, unit: 'month' } });
    const oneTime = makeDuty({ dutyKind: 'contractEnd', subject: { kind: 'contract', id: 'c1' }, frequency: null, anchorDate: '2026-09-30' });
    const retired = makeDuty({ dutyKind: 'oldDuty', frequency: { every: 1, unit: 'month' }, anchorDate: '2026-01-01', retiredOn: '2025-12-01' });
    const calendar = complianceCalendar([yearly, halfYearly, quarterly, oneTime, retired], '2026-01-15');
    expect(calendar.map((e) => [e.dueDate, e.duty.dutyKind])).toEqual([
      ['2026-01-15', 'officeFirewallUpdate'],
      ['2026-03-31', 'dataInventory'],
      ['2026-04-15', 'officeFirewallUpdate'],
      ['2026-06-30', 'purposeExpiryReview'],
      ['2026-07-15', 'officeFirewallUpdate'],
      ['2026-09-30', 'contractEnd'],
      ['2026-10-15', 'officeFirewallUpdate'],
      ['2026-12-31', 'purposeExpiryReview'],
    ]);
    expect(calendar[0]!.month).toBe('2026-01');
    expect(complianceCalendar([quarterly], '2026-01-16').map((e) => e.dueDate)).toEqual(['2026-04-15', '2026-07-15', '2026-10-15', '2027-01-15']);
    expect(complianceCalendar([makeDuty({ anchorDate: '2026-01-01', frequency: { every: 1, unit: 'month' } })], '2026-01-01')).toHaveLength(12);
  });
});
