/**
 * The declared entity model of the reviews pipeline in a tenant table: duties, review tasks,
 * reminders, reminder mails, digest markers, the team directory and the default-duties marker.
 *
 * Access patterns:
 *   get a duty ............................ PK=DUTY#<dutyId>  SK=DUTY
 *   a duty with its tasks ................. PK=DUTY#<dutyId>                 (dutyWithTasks)
 *   a duty's open tasks ................... PK=DUTY#<dutyId>  SK begins_with TASK#, status open (openTasksOfDuty)
 *   duties (by kind) ...................... GSI byResource     gsi1pk=DUTIES        gsi1sk=<dutyKind>#<dutyId>   (dutiesByKind)
 *   tasks (by due date) ................... GSI byResource     gsi1pk=TASKS         gsi1sk=<dueDate>#<taskId>    (tasksByDueDate, tasksDueBetween)
 *   tasks of an owner (by due date) ....... GSI byOwnerOrActor gsi2pk=OWNER#<owner> gsi2sk=<dueDate>#<taskId>    (tasksOfOwner)
 *   OPEN tasks due up to a date (sweep) ... GSI dueByDate      duePk=DUE            dueSk=<dueDate>#<taskId>     (openTasksDueUpTo, openTasksDueBefore)
 *     (sparse: only open tasks carry duePk/dueSk, so the sweep reads only what is due)
 *   reminder already sent? ................ PK=REMINDER#<reminderKey>      SK=REMINDER
 *     (written with attribute_not_exists: the record IS the idempotency)
 *   a task's reminder history ............. GSI byResource gsi1pk=REMINDERS#<taskId> gsi1sk=<queuedAt>#<reminderKey> (remindersOfTask)
 *   one digest per recipient per day ...... PK=DIGEST#<yyyy-mm-dd>#<email> SK=DIGEST
 *   a queued mail (content + delivery) .... PK=MAIL#<mailId>               SK=MAIL
 *   mails to (re)send by time ............. GSI dueByDate duePk=MAILQ dueSk=<readyAt>#<mailId>  (mailsReadyBy)
 *     (sparse: only pending/failed mails; dead letters move to duePk=MAILDEAD)
 *   the team directory .................... PK=TEAM                       SK=DIRECTORY
 *   default duties written? ............... PK=REVIEWS                    SK=DEFAULTS
 */
import { isRoleOwner, type DutyOwner } from '../../domain/reviews/duty';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { KeyQuery } from '../store/entityModel';
import { tenantTableIndexes } from '../store/tableDesign';

/** The partitions of the generic indexes that the reviews pipeline owns. */
export const reviewPartitions = {
  duties: 'DUTIES',
  tasks: 'TASKS',
  /** Open tasks only (sparse). */
  due: 'DUE',
  mailQueue: 'MAILQ',
  mailDeadLetters: 'MAILDEAD',
} as const;

const TASK_SORT_PREFIX = 'TASK#';

export const dutyKeys = {
  duty: (dutyId: string) => ({ pk: `DUTY#${dutyId}`, sk: 'DUTY' }),
  task: (dutyId: string, dueDate: string) => ({ pk: `DUTY#${dutyId}`, sk: `${TASK_SORT_PREFIX}${dueDate}` }),
  reminder: (reminderKey: string) => ({ pk: `REMINDER#${reminderKey}`, sk: 'REMINDER' }),
};

export const reminderKeys = {
  reminder: dutyKeys.reminder,
  digest: (day: IsoDate, email: string) => ({ pk: `DIGEST#${day}#${email.trim().toLowerCase()}`, sk: 'DIGEST' }),
  mail: (mailId: string) => ({ pk: `MAIL#${mailId}`, sk: 'MAIL' }),
  teamDirectory: () => ({ pk: 'TEAM', sk: 'DIRECTORY' }),
  defaultsApplied: () => ({ pk: 'REVIEWS', sk: 'DEFAULTS' }),
};

/** The recipient part of a digest marker's key (`DIGEST#<day>#<email>`). */
export function digestRecipientOf(markerPk: string, day: IsoDate): string {
  return markerPk.slice(`DIGEST#${day}#`.length);
}

export function ownerIndexKey(owner: DutyOwner): string {
  return isRoleOwner(owner) ? `OWNER#role:${owner.role}` : `OWNER#${owner.email.toLowerCase()}`;
}

/** Index keys of a duty: listed by kind. */
export function dutyIndexKeys(duty: { dutyKind: string; dutyId: string }) {
  return { gsi1pk: reviewPartitions.duties, gsi1sk: `${duty.dutyKind}#${duty.dutyId}` };
}

/** The sort key every task index shares: by due date, then id. */
export function taskSortKey(task: { dueDate: string; taskId: string }): string {
  return `${task.dueDate}#${task.taskId}`;
}

/** Index keys of a task: by due date, by owner, and (open only) in the sparse due index. */
export function taskIndexKeys(task: { dueDate: string; taskId: string; owner: DutyOwner; status: string }): Record<string, string> {
  const sort = taskSortKey(task);
  return {
    gsi1pk: reviewPartitions.tasks,
    gsi1sk: sort,
    gsi2pk: ownerIndexKey(task.owner),
    gsi2sk: sort,
    ...(task.status === 'open' ? { duePk: reviewPartitions.due, dueSk: sort } : {}),
  };
}

export function reminderHistoryKeys(record: { taskId: string; queuedAt: string; reminderKey: string }) {
  return { gsi1pk: `REMINDERS#${record.taskId}`, gsi1sk: `${record.queuedAt}#${record.reminderKey}` };
}

/** Where a mail sits in the due index: queued/failed mails by ready time, dead letters apart. */
export function mailQueueKeys(mailId: string, state: { readyAt: string } | { deadSince: string } | null): Record<string, string> {
  if (state === null) return {};
  return 'readyAt' in state
    ? { duePk: reviewPartitions.mailQueue, dueSk: `${state.readyAt}#${mailId}` }
    : { duePk: reviewPartitions.mailDeadLetters, dueSk: `${state.deadSince}#${mailId}` };
}

/** An upper bound on `<date>#<id>` sort keys that includes every id of that date. */
const throughDate = (date: string) => `${date}#~`;

/** Narrows a task list (applied as a filter on whichever index answers it). */
export interface TaskListFilter {
  status?: string;
  /** Duties of this kind only (task ids start with the duty id `duty:<kind>|…`). */
  kind?: string;
  /** Leave out open tasks due before this date (the "not overdue" list). */
  notOverdueOn?: IsoDate;
}

function taskFilter(filter: TaskListFilter): KeyQuery['filter'] {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  if (filter.status) {
    names['#status'] = 'status';
    values[':status'] = filter.status;
    parts.push('#status = :status');
  }
  if (filter.kind) {
    names['#dutyId'] = 'dutyId';
    values[':dutyPrefix'] = `duty:${filter.kind}|`;
    parts.push('begins_with(#dutyId, :dutyPrefix)');
  }
  if (filter.notOverdueOn) {
    names['#status'] = 'status';
    names['#dueDate'] = 'dueDate';
    values[':open'] = 'open';
    values[':today'] = filter.notOverdueOn;
    parts.push('(#status <> :open OR #dueDate >= :today)');
  }
  return parts.length ? { expression: parts.join(' AND '), names, values } : undefined;
}

/** The same narrowing as `taskFilter`, for items not read from the table (pending defaults). */
export function taskFilterAccepts(filter: TaskListFilter, task: { status: string; dutyId: string; dueDate: string }): boolean {
  if (filter.status && task.status !== filter.status) return false;
  if (filter.kind && !task.dutyId.startsWith(`duty:${filter.kind}|`)) return false;
  if (filter.notOverdueOn && task.status === 'open' && task.dueDate < filter.notOverdueOn) return false;
  return true;
}

const dueBefore = (before: IsoDate | null) => (before === null ? undefined : { lessThan: before });

/** The named access patterns of the reviews pipeline. */
export const reviewAccess = {
  /** A duty item and all its tasks (one-time deadlines: the duty and its open task). */
  dutyWithTasks: (dutyId: string): KeyQuery => ({ pk: dutyKeys.duty(dutyId).pk, consistentRead: true }),

  /** A duty's open tasks (they move with the duty's owner). */
  openTasksOfDuty: (dutyId: string): KeyQuery => ({
    pk: dutyKeys.duty(dutyId).pk,
    sk: { beginsWith: TASK_SORT_PREFIX },
    consistentRead: true,
    filter: { expression: '#status = :open', names: { '#status': 'status' }, values: { ':open': 'open' } },
  }),

  /** Every duty, or those of one kind; optionally of one source. */
  dutiesByKind: (options: { kind?: string; source?: string } = {}): KeyQuery => ({
    index: tenantTableIndexes.byResource,
    pk: reviewPartitions.duties,
    ...(options.kind ? { sk: { beginsWith: `${options.kind}#` } } : {}),
    ...(options.source ? { filter: { expression: '#source = :source', names: { '#source': 'source' }, values: { ':source': options.source } } } : {}),
  }),

  /** Tasks by due date (due before `before`, exclusive, when given). */
  tasksByDueDate: (before: IsoDate | null, filter: TaskListFilter = {}): KeyQuery => ({
    index: tenantTableIndexes.byResource,
    pk: reviewPartitions.tasks,
    sk: dueBefore(before),
    filter: taskFilter(filter),
  }),

  /** Tasks due in (from, to] by date: every id of `to` included, none of `from`. */
  tasksDueBetween: (from: IsoDate, to: IsoDate): KeyQuery => ({
    index: tenantTableIndexes.byResource,
    pk: reviewPartitions.tasks,
    sk: { between: [throughDate(from), throughDate(to)] },
  }),

  /** What this person (or role) has to do, by due date. */
  tasksOfOwner: (owner: DutyOwner, before: IsoDate | null, filter: TaskListFilter = {}): KeyQuery => ({
    index: tenantTableIndexes.byOwnerOrActor,
    pk: ownerIndexKey(owner),
    sk: dueBefore(before),
    filter: taskFilter(filter),
  }),

  /** Open tasks due before `before` (exclusive); the sparse index holds nothing else. */
  openTasksDueBefore: (before: IsoDate | null, filter: Omit<TaskListFilter, 'status'> = {}): KeyQuery => ({
    index: tenantTableIndexes.dueByDate,
    pk: reviewPartitions.due,
    sk: dueBefore(before),
    filter: taskFilter(filter),
  }),

  /** Open tasks due up to `date`, inclusive (the sweep's horizon, long-overdue tasks). */
  openTasksDueUpTo: (date: IsoDate): KeyQuery => ({
    index: tenantTableIndexes.dueByDate,
    pk: reviewPartitions.due,
    sk: { atMost: throughDate(date) },
  }),

  /** The reminders recorded for a task, oldest first. */
  remindersOfTask: (taskId: string): KeyQuery => ({
    index: tenantTableIndexes.byResource,
    pk: reminderHistoryKeys({ taskId, queuedAt: '', reminderKey: '' }).gsi1pk,
  }),

  /** Queued or failed mails whose (re)send time has come, oldest first. */
  mailsReadyBy: (now: Date): KeyQuery => ({
    index: tenantTableIndexes.dueByDate,
    pk: reviewPartitions.mailQueue,
    sk: { atMost: `${now.toISOString()}#~` },
  }),
};
