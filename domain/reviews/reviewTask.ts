/**
 * Review tasks: one occurrence of a duty. Due dates are always counted from the duty's
 * anchor (occurrence n = advanceByFrequency(anchorDate, frequency, n)), never from when the
 * previous occurrence was completed, so a late review does not push the whole cycle later,
 * and month-end anchors do not shrink (Jan 31 → Feb 28 → Mar 31).
 */
import { z } from 'zod';
import { advanceByFrequency, type Frequency } from '../shared/frequency';
import { addMonths, daysBetween, parseIsoDate, zonedDateOf, type IsoDate } from '../shared/isoDate';
import { fail, ok, type Failure, type Outcome } from '../shared/outcome';
import { dutyOwnerSchema, instantSchema, isoDateSchema, type Duty, type DutyOwner } from './duty';

export const reviewTaskStatuses = ['open', 'done', 'skipped'] as const;
export type ReviewTaskStatus = (typeof reviewTaskStatuses)[number];

export const taskCompletionSchema = z
  .object({
    by: z.string().min(1).max(200).describe('Who completed the review'),
    at: instantSchema.describe('When it was completed'),
    notes: z.string().max(5000).describe('What was reviewed or found'),
    evidenceRefs: z.array(z.string().min(1).max(500)).max(50).describe('References to evidence kept (plan §11: 5 years)'),
  })
  .strict();
export type TaskCompletion = z.infer<typeof taskCompletionSchema>;

export const taskSkipSchema = z
  .object({
    by: z.string().min(1).max(200),
    at: instantSchema,
    reason: z.string().trim().min(1).max(2000).describe('Why this occurrence is not performed'),
  })
  .strict();
export type TaskSkip = z.infer<typeof taskSkipSchema>;

export const reviewTaskSchema = z
  .object({
    taskId: z.string().min(1).describe('Deterministic: dutyId + due date'),
    dutyId: z.string().min(1),
    dueDate: isoDateSchema,
    owner: dutyOwnerSchema,
    status: z.enum(reviewTaskStatuses).describe('Overdue is derived: open and past its due date'),
    completion: taskCompletionSchema.nullable(),
    skip: taskSkipSchema.nullable(),
  })
  .strict();
export type ReviewTask = z.infer<typeof reviewTaskSchema>;

/** Body of "complete a review task": who and when come from the request context. */
export const completeTaskInputSchema = z
  .object({
    notes: z.string().max(5000).default('').describe('What was reviewed or found'),
    evidenceRefs: z.array(z.string().min(1).max(500)).max(50).default([]).describe('Evidence references'),
  })
  .strict();
export type CompleteTaskInput = z.input<typeof completeTaskInputSchema>;

/** Body of "skip a review task": a reason is required so the record explains the gap. */
export const skipTaskInputSchema = z
  .object({ reason: z.string().trim().min(1).max(2000).describe('Why this occurrence is skipped') })
  .strict();

export function taskIdFor(dutyId: string, dueDate: IsoDate): string {
  return `${dutyId}#${dueDate}`;
}

/** Overdue is not stored: an open task is overdue once its due date has passed. */
export function isOverdue(task: Pick<ReviewTask, 'status' | 'dueDate'>, asOf: IsoDate): boolean {
  return task.status === 'open' && task.dueDate < asOf;
}

function stepMonths(frequency: Frequency): number | null {
  if (frequency.unit === 'month') return frequency.every;
  if (frequency.unit === 'year') return frequency.every * 12;
  return null;
}

function stepDays(frequency: Frequency): number {
  return frequency.unit === 'week' ? frequency.every * 7 : frequency.every;
}

/** Smallest n ≥ 0 whose occurrence falls on or after `date`. */
export function firstOccurrenceIndexOnOrAfter(anchor: IsoDate, frequency: Frequency, date: IsoDate): number {
  if (date <= anchor) return 0;
  const months = stepMonths(frequency);
  let n: number;
  if (months !== null) {
    const a = parseIsoDate(anchor);
    const d = parseIsoDate(date);
    n = Math.floor(((d.year - a.year) * 12 + (d.month - a.month)) / months);
  } else {
    n = Math.floor(daysBetween(anchor, date) / stepDays(frequency));
  }
  // The estimate is within one step; settle it exactly against the real dates.
  n = Math.max(0, n);
  while (advanceByFrequency(anchor, frequency, n) < date) n += 1;
  while (n > 0 && advanceByFrequency(anchor, frequency, n - 1) >= date) n -= 1;
  return n;
}

export interface Occurrence {
  dutyId: string;
  taskId: string;
  /** 0 for the anchor, n for the n-th period after it; always 0 for a one-time duty. */
  sequence: number;
  dueDate: IsoDate;
}

function occurrence(duty: Pick<Duty, 'dutyId'>, sequence: number, dueDate: IsoDate): Occurrence {
  return { dutyId: duty.dutyId, taskId: taskIdFor(duty.dutyId, dueDate), sequence, dueDate };
}

/** Occurrences due from `from` to `to`, both inclusive. */
export function occurrencesBetween(duty: Pick<Duty, 'dutyId' | 'anchorDate' | 'frequency'>, from: IsoDate, to: IsoDate): Occurrence[] {
  if (to < from) return [];
  if (duty.frequency === null) {
    return duty.anchorDate >= from && duty.anchorDate <= to ? [occurrence(duty, 0, duty.anchorDate)] : [];
  }
  const result: Occurrence[] = [];
  for (let n = firstOccurrenceIndexOnOrAfter(duty.anchorDate, duty.frequency, from); ; n += 1) {
    const due = advanceByFrequency(duty.anchorDate, duty.frequency, n);
    if (due > to) break;
    result.push(occurrence(duty, n, due));
  }
  return result;
}

/** The first occurrence due strictly after `date`, or null when there is none (one-time duty). */
export function occurrenceAfter(duty: Pick<Duty, 'dutyId' | 'anchorDate' | 'frequency'>, date: IsoDate): Occurrence | null {
  if (duty.frequency === null) return duty.anchorDate > date ? occurrence(duty, 0, duty.anchorDate) : null;
  let n = firstOccurrenceIndexOnOrAfter(duty.anchorDate, duty.frequency, date);
  if (advanceByFrequency(duty.anchorDate, duty.frequency, n) === date) n += 1;
  return occurrence(duty, n, advanceByFrequency(duty.anchorDate, duty.frequency, n));
}

export interface CalendarEntry extends Occurrence {
  month: string; // 'YYYY-MM'
  duty: Duty;
}

/**
 * The compliance calendar: every occurrence of the active duties from `asOf` for `months`
 * months (end exclusive: 12 months from 2026-01-15 runs to 2027-01-14), sorted by date.
 */
export function complianceCalendar(duties: readonly Duty[], asOf: IsoDate, months = 12): CalendarEntry[] {
  const endExclusive = addMonths(asOf, months);
  const entries: CalendarEntry[] = [];
  for (const duty of duties) {
    if (duty.retiredOn !== null) continue;
    for (const occ of occurrencesBetween(duty, asOf, endExclusive)) {
      if (occ.dueDate >= endExclusive) continue;
      entries.push({ ...occ, month: occ.dueDate.slice(0, 7), duty });
    }
  }
  return entries.sort((a, b) => (a.dueDate === b.dueDate ? a.dutyId.localeCompare(b.dutyId) : a.dueDate < b.dueDate ? -1 : 1));
}

export function openTask(duty: Pick<Duty, 'dutyId' | 'owner'>, dueDate: IsoDate, owner: DutyOwner = duty.owner): ReviewTask {
  return { taskId: taskIdFor(duty.dutyId, dueDate), dutyId: duty.dutyId, dueDate, owner, status: 'open', completion: null, skip: null };
}

export type ReviewTaskErrorCode = 'taskNotOpen' | 'dutyMismatch' | 'skipReasonRequired';

export interface TaskTransition {
  task: ReviewTask;
  /** The following occurrence to open, or null for a one-time or retired duty. */
  next: ReviewTask | null;
  duty: Duty;
}

function refusedTransition(duty: Duty, task: ReviewTask): Failure<ReviewTaskErrorCode> | null {
  if (task.dutyId !== duty.dutyId) {
    return fail('forbiddenByRule', 'dutyMismatch', { zhTW: '工作與義務不一致', en: `Task ${task.taskId} does not belong to ${duty.dutyId}` });
  }
  if (task.status !== 'open') {
    return fail('conflict', 'taskNotOpen', { zhTW: '此工作已完成或已略過', en: `Task ${task.taskId} is already ${task.status}` });
  }
  return null;
}

/**
 * The next occurrence counts from the task's DUE date on the anchor's grid, not from the
 * completion date: a yearly review due 2026-03-31 but done 2026-05-10 is next due 2027-03-31.
 */
function nextAfter(duty: Duty, task: ReviewTask): ReviewTask | null {
  if (duty.retiredOn !== null) return null;
  const next = occurrenceAfter(duty, task.dueDate);
  return next ? openTask(duty, next.dueDate) : null;
}

export function completeTask(
  duty: Duty,
  task: ReviewTask,
  completion: { by: string; at: string; notes?: string; evidenceRefs?: readonly string[] },
  timeZone: string,
): Outcome<TaskTransition, ReviewTaskErrorCode> {
  const refused = refusedTransition(duty, task);
  if (refused) return refused;
  const done: ReviewTask = {
    ...task,
    status: 'done',
    completion: { by: completion.by, at: completion.at, notes: completion.notes ?? '', evidenceRefs: [...(completion.evidenceRefs ?? [])] },
  };
  const completedOn = zonedDateOf(completion.at, timeZone);
  const lastCompletedOn = duty.lastCompletedOn && duty.lastCompletedOn > completedOn ? duty.lastCompletedOn : completedOn;
  return ok({ task: done, next: nextAfter(duty, task), duty: { ...duty, lastCompletedOn } });
}

export function skipTask(duty: Duty, task: ReviewTask, skip: { by: string; at: string; reason: string }): Outcome<TaskTransition, ReviewTaskErrorCode> {
  const refused = refusedTransition(duty, task);
  if (refused) return refused;
  const reason = skip.reason.trim();
  if (reason === '') return fail('invalid', 'skipReasonRequired', { zhTW: '略過須說明理由', en: 'Skipping requires a reason' }, { field: 'reason' });
  const skipped: ReviewTask = { ...task, status: 'skipped', skip: { by: skip.by, at: skip.at, reason } };
  return ok({ task: skipped, next: nextAfter(duty, task), duty });
}

/** The local calendar date a task was completed on, in the tenant's timezone. */
export function completedOn(task: ReviewTask, timeZone: string): IsoDate | null {
  return task.completion ? zonedDateOf(task.completion.at, timeZone) : null;
}
