/**
 * Storage of duties and review tasks in a tenant table — the contract every area uses to make
 * the product chase a deadline.
 *
 * Access patterns:
 *   get a duty ............................ PK=DUTY#<dutyId>  SK=DUTY
 *   a duty's tasks (by due date) .......... PK=DUTY#<dutyId>  SK begins_with TASK#
 *   list duties (by kind) ................. GSI byResource     gsi1pk=DUTIES        gsi1sk=<dutyKind>#<dutyId>
 *   list tasks (by due date) .............. GSI byResource     gsi1pk=TASKS         gsi1sk=<dueDate>#<taskId>
 *   tasks of an owner (by due date) ....... GSI byOwnerOrActor gsi2pk=OWNER#<owner> gsi2sk=<dueDate>#<taskId>
 *   OPEN tasks due up to a date (sweep) ... GSI dueByDate      duePk=DUE            dueSk=<dueDate>#<taskId>
 *     (sparse: only open tasks carry duePk/dueSk, so the sweep reads only what is due)
 *   reminder already sent? ................ PK=REMINDER#<reminderKey> SK=REMINDER
 *   (reminder history, mail queue, digest markers, team directory: see reminderStore.ts)
 *
 * One-time deadlines (a DSR decision date, an incident's 72-hour mark, a certificate expiry, a
 * contract end) are duties with frequency null and a single task; `deadlineWrites` creates or
 * moves one, `deadlineDoneWrites` closes it.
 */
import { oneTimeDuty, type OneTimeDeadline } from '../../domain/reviews/oneTimeDuty';
import { isRoleOwner, type Duty, type DutyOwner } from '../../domain/reviews/duty';
import { openTask, type ReviewTask } from '../../domain/reviews/reviewTask';
import { isIsoDate } from '../../domain/shared/isoDate';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TransactItem } from '../store/auditedCommit';

export const dutyKeys = {
  duty: (dutyId: string) => ({ pk: `DUTY#${dutyId}`, sk: 'DUTY' }),
  task: (dutyId: string, dueDate: string) => ({ pk: `DUTY#${dutyId}`, sk: `TASK#${dueDate}` }),
  reminder: (reminderKey: string) => ({ pk: `REMINDER#${reminderKey}`, sk: 'REMINDER' }),
};

/** Task ids are `<dutyId>#<dueDate>` (domain taskIdFor); the due date also names the task item. */
export function parseTaskId(taskId: string): { dutyId: string; dueDate: string } | null {
  const at = taskId.lastIndexOf('#');
  if (at <= 0) return null;
  const dutyId = taskId.slice(0, at);
  const dueDate = taskId.slice(at + 1);
  return isIsoDate(dueDate) && dutyId.startsWith('duty:') ? { dutyId, dueDate } : null;
}

export function ownerIndexKey(owner: DutyOwner): string {
  return isRoleOwner(owner) ? `OWNER#role:${owner.role}` : `OWNER#${owner.email.toLowerCase()}`;
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
    gsi1pk: 'DUTIES',
    gsi1sk: `${duty.dutyKind}#${duty.dutyId}`,
  };
}

/** Index keys an item read back from the table carries; items are always rebuilt without them. */
const STORAGE_KEYS = ['pk', 'sk', 'entity', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'duePk', 'dueSk'] as const;

function withoutStorageKeys<T extends object>(value: T): T {
  const copy = { ...value } as Record<string, unknown>;
  for (const key of STORAGE_KEYS) delete copy[key];
  return copy as T;
}

export function taskItem(task: StoredTask): Record<string, unknown> & { pk: string; sk: string; version: number } {
  const item: Record<string, unknown> & { pk: string; sk: string; version: number } = {
    ...dutyKeys.task(task.dutyId, task.dueDate),
    entity: 'ReviewTask',
    // A task read back still carries duePk/dueSk; a closed one must leave the sparse index.
    ...withoutStorageKeys(task),
    gsi1pk: 'TASKS',
    gsi1sk: `${task.dueDate}#${task.taskId}`,
    gsi2pk: ownerIndexKey(task.owner),
    gsi2sk: `${task.dueDate}#${task.taskId}`,
  };
  if (task.status === 'open') {
    item.duePk = 'DUE';
    item.dueSk = `${task.dueDate}#${task.taskId}`;
  }
  return item;
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
  const writes: TransactItem[] = [
    {
      Put: {
        TableName: tableName,
        Item: dutyItem(duty),
        ...(existing
          ? { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': existing.duty.version } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
  ];
  const previous = existing?.openTask;
  if (previous && previous.dueDate === spec.dueDate) {
    // Same day, maybe a new instant: replace the open task in place.
    writes.push({ Put: { TableName: tableName, Item: taskItem({ ...task, version: previous.version + 1 }), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': previous.version } } });
    return writes;
  }
  if (previous) {
    const superseded: StoredTask = { ...previous, status: 'skipped', skip: { by: 'system', at: now, reason: `Deadline moved to ${spec.dueDate}` }, version: previous.version + 1 };
    writes.push({ Put: { TableName: tableName, Item: taskItem(superseded), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': previous.version } } });
  }
  writes.push({ Put: { TableName: tableName, Item: taskItem(task), ConditionExpression: 'attribute_not_exists(pk)' } });
  return writes;
}

/** Marks a one-time deadline met (e.g. the DSR was decided, the regulator was notified). */
export function deadlineDoneWrites(tableName: string, duty: StoredDuty, task: StoredTask, completion: { by: string; at: string; notes: string }): TransactItem[] {
  const done: StoredTask = { ...task, status: 'done', completion: { ...completion, evidenceRefs: [] }, version: task.version + 1 };
  const completedOn = completion.at.slice(0, 10);
  return [
    { Put: { TableName: tableName, Item: taskItem(done), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': task.version } } },
    { Put: { TableName: tableName, Item: dutyItem({ ...duty, lastCompletedOn: completedOn, version: duty.version + 1 }), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': duty.version } } },
  ];
}

/** Reads a one-time deadline's duty and its open task (if any), for deadlineWrites. */
export async function loadDeadline(
  doc: DynamoDBDocumentClient,
  tableName: string,
  dutyId: string,
): Promise<{ duty: StoredDuty; openTask: StoredTask | null } | null> {
  const result = await doc.send(new QueryCommand({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': dutyKeys.duty(dutyId).pk },
    ConsistentRead: true,
  }));
  const items = result.Items ?? [];
  const duty = items.find((item) => item.sk === 'DUTY') as StoredDuty | undefined;
  if (!duty) return null;
  const open = items.find((item) => item.entity === 'ReviewTask' && item.status === 'open') as StoredTask | undefined;
  return { duty, openTask: open ?? null };
}
