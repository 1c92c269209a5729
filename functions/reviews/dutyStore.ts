/**
 * Storage of duties and review tasks in a tenant table — the contract every area uses to make
 * the product chase a deadline (through chaseDeadline.ts). Keys, index keys and access patterns
 * are declared in reviewEntities.ts.
 *
 * One-time deadlines (a DSR decision date, an incident's 72-hour mark, a certificate expiry, a
 * contract end) are duties with frequency null and a single task; `deadlineWrites` creates or
 * moves one, `deadlineDoneWrites` closes it.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { oneTimeDuty, type OneTimeDeadline } from '../../domain/reviews/oneTimeDuty';
import type { Duty } from '../../domain/reviews/duty';
import { openTask, type ReviewTask } from '../../domain/reviews/reviewTask';
import { isIsoDate } from '../../domain/shared/isoDate';
import type { TransactItem } from '../store/auditedCommit';
import { putEntityWrite, queryItems, withoutKeys } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { dutyIndexKeys, dutyKeys, ownerIndexKey, reviewAccess, taskIndexKeys } from './reviewEntities';

export { dutyKeys, ownerIndexKey };

/** Task ids are `<dutyId>#<dueDate>` (domain taskIdFor); the due date also names the task item. */
export function parseTaskId(taskId: string): { dutyId: string; dueDate: string } | null {
  const at = taskId.lastIndexOf('#');
  if (at <= 0) return null;
  const dutyId = taskId.slice(0, at);
  const dueDate = taskId.slice(at + 1);
  return isIsoDate(dueDate) && dutyId.startsWith('duty:') ? { dutyId, dueDate } : null;
}

export interface StoredDuty extends Duty {
  version: number;
}

export interface StoredTask extends ReviewTask {
  version: number;
  /** Exact instant for precise deadlines (DSR decision, incident 72 h); null for date-only duties. */
  dueAt: string | null;
  /** Where the console shows the resource this task is about. */
  resourcePath: string | null;
}

export function dutyItem(duty: StoredDuty): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return {
    ...dutyKeys.duty(duty.dutyId),
    entity: 'Duty',
    ...withoutStorageKeys(duty),
    ...dutyIndexKeys(duty),
  };
}

/** Items read back carry their index keys; items are always rebuilt without them. */
function withoutStorageKeys<T extends object>(value: T): T {
  return withoutKeys(value as unknown as Record<string, unknown>) as unknown as T;
}

export function taskItem(task: StoredTask): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return {
    ...dutyKeys.task(task.dutyId, task.dueDate),
    entity: 'ReviewTask',
    // A task read back still carries duePk/dueSk; a closed one must leave the sparse index.
    ...withoutStorageKeys(task),
    ...taskIndexKeys(task),
  };
}

/** A duty item as read from the table, without its storage keys. */
export function storedDutyFrom(item: Record<string, unknown>): StoredDuty {
  return withoutStorageKeys(item) as unknown as StoredDuty;
}

/** A task item as read from the table, without its storage keys. */
export function storedTaskFrom(item: Record<string, unknown>): StoredTask {
  const task = withoutStorageKeys(item) as unknown as StoredTask;
  return { ...task, dueAt: task.dueAt ?? null, resourcePath: task.resourcePath ?? null };
}

export interface DeadlineSpec extends OneTimeDeadline {
  dueAt: string | null;
  resourcePath: string | null;
}

/**
 * Creates a one-time deadline, or moves it (e.g. after an extension): the duty is replaced and
 * the open task for the old date closed as superseded, so reminders follow the new date only.
 * `existing` is what the caller read (null when none).
 */
export function deadlineWrites(tableName: string, spec: DeadlineSpec, existing: { duty: StoredDuty; openTask: StoredTask | null } | null, now: string): TransactItem[] {
  const duty: StoredDuty = { ...oneTimeDuty(spec), version: (existing?.duty.version ?? 0) + 1 };
  const task: StoredTask = { ...openTask(duty, spec.dueDate), version: 1, dueAt: spec.dueAt, resourcePath: spec.resourcePath };
  const writes: TransactItem[] = [putEntityWrite(tableName, dutyItem(duty), existing ? existing.duty.version : null)];
  const previous = existing?.openTask;
  if (previous && previous.dueDate === spec.dueDate) {
    // Same day, maybe a new instant: replace the open task in place.
    writes.push(putEntityWrite(tableName, taskItem({ ...task, version: previous.version + 1 }), previous.version));
    return writes;
  }
  if (previous) {
    const superseded: StoredTask = { ...previous, status: 'skipped', skip: { by: 'system', at: now, reason: `Deadline moved to ${spec.dueDate}` }, version: previous.version + 1 };
    writes.push(putEntityWrite(tableName, taskItem(superseded), previous.version));
  }
  writes.push(putEntityWrite(tableName, taskItem(task), null));
  return writes;
}

/** Marks a one-time deadline met (e.g. the DSR was decided, the regulator was notified). */
export function deadlineDoneWrites(tableName: string, duty: StoredDuty, task: StoredTask, completion: { by: string; at: string; notes: string }): TransactItem[] {
  const done: StoredTask = { ...task, status: 'done', completion: { ...completion, evidenceRefs: [] }, version: task.version + 1 };
  const completedOn = completion.at.slice(0, 10);
  return [
    putEntityWrite(tableName, taskItem(done), task.version),
    putEntityWrite(tableName, dutyItem({ ...duty, lastCompletedOn: completedOn, version: duty.version + 1 }), duty.version),
  ];
}

/**
 * Reads a one-time deadline's duty and its open task (if any), for deadlineWrites. Takes the
 * tenant's table; the `(doc, tableName, dutyId)` form is kept for callers not yet moved to TableRef.
 */
export async function loadDeadline(table: TableRef, dutyId: string): Promise<{ duty: StoredDuty; openTask: StoredTask | null } | null>;
export async function loadDeadline(doc: DynamoDBDocumentClient, tableName: string, dutyId: string): Promise<{ duty: StoredDuty; openTask: StoredTask | null } | null>;
export async function loadDeadline(
  first: TableRef | DynamoDBDocumentClient,
  second: string,
  third?: string,
): Promise<{ duty: StoredDuty; openTask: StoredTask | null } | null> {
  const table: TableRef = third === undefined ? (first as TableRef) : { doc: first as DynamoDBDocumentClient, tableName: second };
  const dutyId = third ?? second;
  const items = await queryItems(table, reviewAccess.dutyWithTasks(dutyId));
  const duty = items.find((item) => item.sk === dutyKeys.duty(dutyId).sk) as StoredDuty | undefined;
  if (!duty) return null;
  const open = items.find((item) => item.entity === 'ReviewTask' && item.status === 'open') as StoredTask | undefined;
  return { duty, openTask: open ?? null };
}
