/**
 * The daily review sweep (EventBridge Scheduler, 09:00 Asia/Taipei; locally the scheduler loop;
 * on demand "as of" a date through POST /v1/platform/review-sweeps).
 *
 * For each active tenant (a Query on the tenant directory, never a Scan) it reads only what is
 * due: the sparse dueByDate index up to asOf + 30 days, the duties those tasks belong to
 * (BatchGet) and the reminder records it would write (BatchGet) — so its cost follows the due
 * items, not the size of the tenant's data. planSweep decides; this opens the next occurrences
 * (conditional, idempotent), records each reminder (the record is the idempotency) and sends.
 */
import { isRoleOwner, type Duty } from '../../domain/reviews/duty';
import { type ReviewTask } from '../../domain/reviews/reviewTask';
import { planSweep, SWEEP_HORIZON_DAYS, type PlannedReminder, type SweepPlan } from '../../domain/reviews/sweep';
import { addDays, zonedDateOf, type IsoDate } from '../../domain/shared/isoDate';
import type { TenantCommandContext } from '../application/commandContext';
import { AlreadyExistsError, StaleVersionError } from '../application/failures';
import { commitChange } from '../application/versionedChange';
import type { AppDeps } from '../http/appDeps';
import { activeTenants, getTenant } from '../platform/tenantStore';
import type { TenantRecord } from '../store/controlPlaneRecords';
import { putEntityWrite, queryItems, withoutKeys } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { writeDefaultDuties } from './commands/writeDefaultDuties';
import { emitTaskDeadlineEvents } from '../webhooks/deadlineEvents';
import { dutyKeys, taskItem, type StoredDuty, type StoredTask } from './dutyStore';
import { emptyCounts, queueAndSend, retryDueMails, type DeliveryCounts, type DeliveryDeps } from './reminderDelivery';
import { batchGetItems, getTeamDirectory } from './reminderStore';
import { digestRecipientOf, reminderKeys, reviewAccess } from './reviewEntities';
import { effectiveDirectory, jobContextOf, type JobDeps } from './reviewsTenant';

export type SweepDeps = DeliveryDeps & JobDeps & Pick<AppDeps, 'controlPlane'>;

export const SWEEP_ACTOR = 'system:reviewSweep';

export interface TenantSweepResult {
  tenantId: string;
  asOf: IsoDate;
  defaultDutiesCreated: number;
  tasksSeen: number;
  tasksOpened: number;
  tasksClosedForRetiredDuties: number;
  remindersSent: number;
  /** Digest reminders held back because the recipient already had today's digest. */
  remindersDeferred: number;
  mails: DeliveryCounts;
  /** Team roles nobody is listed under; the tenant contact received their reminders. */
  fallbackRoles: string[];
}

export interface SweepSummary {
  asOf: string;
  tenants: number;
  tasksSeen: number;
  tasksOpened: number;
  remindersSent: number;
  mailsSent: number;
  mailsFailed: number;
  tenantsFailed: number;
  results: TenantSweepResult[];
}

/** Open tasks due up to `horizon` (the sparse index holds only open tasks). */
export async function openTasksDueBy(table: TableRef, horizon: IsoDate): Promise<StoredTask[]> {
  return (await queryItems(table, reviewAccess.openTasksDueUpTo(horizon))) as unknown as StoredTask[];
}

function asDuty(item: Record<string, unknown>): Duty {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _g, gsi1sk: _gs, version: _v, ...duty } = item;
  return duty as unknown as Duty;
}

function asTask(item: Record<string, unknown>): ReviewTask {
  const { taskId, dutyId, dueDate, owner, status, completion, skip } = item as unknown as ReviewTask;
  return { taskId, dutyId, dueDate, owner, status, completion: completion ?? null, skip: skip ?? null };
}

function plannedKeys(plan: SweepPlan): string[] {
  return [...plan.immediate, ...plan.digest].map((reminder) => reminder.reminderKey);
}

/** One tenant's sweep for `asOf` (the tenant-local date of that instant). */
export async function sweepTenant(deps: SweepDeps, profile: TenantRecord, asOfInstant: Date): Promise<TenantSweepResult> {
  const context = await jobContextOf(deps, profile, SWEEP_ACTOR);
  const table = context.table;
  const asOf = zonedDateOf(asOfInstant, profile.timeZone);
  const result: TenantSweepResult = {
    tenantId: profile.tenantId, asOf, defaultDutiesCreated: 0, tasksSeen: 0, tasksOpened: 0, tasksClosedForRetiredDuties: 0, remindersSent: 0, remindersDeferred: 0, mails: emptyCounts(), fallbackRoles: [],
  };
  result.defaultDutiesCreated = await writeDefaultDuties(context);
  // Failed mails whose backoff has passed go first, so a flaky day is caught up by the next run.
  await retryDueMails(deps, context, asOfInstant, result.mails);

  const open = await openTasksDueBy(table, addDays(asOf, SWEEP_HORIZON_DAYS));
  result.tasksSeen = open.length;
  if (open.length === 0) return result;

  const dutyItems = await batchGetItems(table, [...new Set(open.map((task) => task.dutyId))].map(dutyKeys.duty));
  const stored = new Map(dutyItems.map((item) => [item.dutyId as string, item as unknown as StoredDuty]));
  // Deadline webhook events (approaching, missed, overdue), once per task and threshold.
  await emitTaskDeadlineEvents(context, open, stored, asOfInstant);
  const duties = dutyItems.map(asDuty);

  // Tasks left open under a retired duty would be read every day for nothing: close them.
  const orphaned = open.filter((task) => stored.get(task.dutyId)?.retiredOn);
  if (orphaned.length > 0) result.tasksClosedForRetiredDuties = await closeRetiredTasks(context, orphaned, asOfInstant);

  const members = (await getTeamDirectory(table)).members;
  const roles = open.map((task) => task.owner).concat(duties.map((duty) => duty.owner)).filter(isRoleOwner).map((owner) => owner.role);
  const { directory, fallbackRoles } = effectiveDirectory(members, roles, profile);
  result.fallbackRoles = fallbackRoles;

  // planSweep is pure: plan with nothing known, then look up exactly the keys it wants to write
  // (tasks to open, reminder records, digest markers) and plan again with what exists.
  const tasks: ReviewTask[] = open.filter((task) => !stored.get(task.dutyId)?.retiredOn).map((task) => asTask(task as unknown as Record<string, unknown>));
  const alreadySent = new Set<string>();
  const checkedKeys = new Set<string>();
  const checkedTasks = new Set<string>();
  let plan = planSweep({ asOf, duties, tasksDueUpTo: tasks, remindersAlreadySent: alreadySent, directory });
  for (let round = 0; round < 4; round += 1) {
    const taskKeys = plan.tasksToOpen.filter((task) => !checkedTasks.has(task.taskId));
    const newKeys = plannedKeys(plan).filter((key) => !checkedKeys.has(key));
    if (taskKeys.length === 0 && newKeys.length === 0) break;
    taskKeys.forEach((task) => checkedTasks.add(task.taskId));
    newKeys.forEach((key) => checkedKeys.add(key));
    const found = await batchGetItems(table, [
      ...taskKeys.map((task) => dutyKeys.task(task.dutyId, task.dueDate)),
      ...newKeys.map(reminderKeys.reminder),
    ]);
    for (const item of found) {
      if (item.entity === 'ReviewTask') tasks.push(asTask(item));
      else if (item.entity === 'ReminderRecord') alreadySent.add(item.reminderKey as string);
    }
    plan = planSweep({ asOf, duties, tasksDueUpTo: tasks, remindersAlreadySent: alreadySent, directory });
  }

  result.tasksOpened = await openOccurrences(context, plan.tasksToOpen, stored, asOfInstant);

  // One digest per recipient per day: if today's was already sent (an earlier run today), the
  // remaining digest reminders wait for tomorrow, when planSweep offers the same step again.
  const recipients = [...new Set(plan.digest.map((r) => r.recipient.email.trim().toLowerCase()))];
  const markers = recipients.length === 0 ? [] : await batchGetItems(table, recipients.map((email) => reminderKeys.digest(asOf, email)));
  const hadDigest = new Set(markers.map((item) => digestRecipientOf(item.pk as string, asOf)));
  const digest: PlannedReminder[] = [];
  for (const reminder of plan.digest) {
    if (hadDigest.has(reminder.recipient.email.trim().toLowerCase())) result.remindersDeferred += 1;
    else digest.push(reminder);
  }

  const before = result.mails.reminders;
  const taskFacts = new Map(open.map((task) => [task.taskId, { dueAt: task.dueAt ?? null, resourcePath: task.resourcePath ?? null }]));
  await queueAndSend(deps, context, [...plan.immediate, ...digest], result.mails, taskFacts);
  result.remindersSent = result.mails.reminders - before;
  return result;
}

/** The sweep's own records are dated as of the run ("as of" a day runs as that day would). */
function asOfContext(context: TenantCommandContext, now: Date): TenantCommandContext {
  return { ...context, clock: () => now };
}

async function openOccurrences(context: TenantCommandContext, toOpen: readonly ReviewTask[], duties: Map<string, StoredDuty>, now: Date): Promise<number> {
  if (toOpen.length === 0) return 0;
  const entries = toOpen.map((task) => {
    const duty = duties.get(task.dutyId);
    const stored: StoredTask = { ...task, version: 1, dueAt: null, resourcePath: null };
    return {
      write: putEntityWrite(context.table.tableName, taskItem(stored), null),
      change: { action: 'reviewTask.open', resourceType: 'reviewTask', resourceId: task.taskId, before: null, after: { ...task, dutyKind: duty?.dutyKind } },
    };
  });
  let opened = 0;
  const dated = asOfContext(context, now);
  for (let i = 0; i < entries.length; i += 40) {
    const batch = entries.slice(i, i + 40);
    try {
      await commitChange(dated, { changes: batch.map((e) => e.change), writes: batch.map((e) => e.write) }, 'create');
      opened += batch.length;
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      // A concurrent run or a completion opened one of them: open the rest one by one.
      for (const entry of batch) {
        try {
          await commitChange(dated, { changes: [entry.change], writes: [entry.write] }, 'create');
          opened += 1;
        } catch (single) {
          if (!(single instanceof AlreadyExistsError)) throw single;
        }
      }
    }
  }
  return opened;
}

async function closeRetiredTasks(context: TenantCommandContext, tasks: readonly StoredTask[], now: Date): Promise<number> {
  let closed = 0;
  for (let i = 0; i < tasks.length; i += 40) {
    const batch = tasks.slice(i, i + 40);
    const changes = batch.map((task) => {
      const after: StoredTask = { ...cleanTask(task), status: 'skipped', skip: { by: SWEEP_ACTOR, at: now.toISOString(), reason: 'Duty retired' }, version: task.version + 1 };
      return { task, after };
    });
    try {
      await commitChange(asOfContext(context, now), {
        changes: changes.map(({ task, after }) => ({ action: 'reviewTask.skip', resourceType: 'reviewTask', resourceId: task.taskId, before: { status: task.status }, after: { status: after.status, reason: 'Duty retired' } })),
        writes: changes.map(({ task, after }) => putEntityWrite(context.table.tableName, taskItem(after), task.version)),
      });
      closed += batch.length;
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error;
    }
  }
  return closed;
}

/** A task read from the table carries its index keys; taskItem derives them again. */
function cleanTask(item: StoredTask): StoredTask {
  return withoutKeys(item as unknown as Record<string, unknown>) as unknown as StoredTask;
}

/** Every active tenant (or one), each isolated: one tenant's failure does not stop the others. */
export async function runReviewSweep(deps: SweepDeps, options: { asOf: Date; tenantId?: string }): Promise<SweepSummary> {
  const summary: SweepSummary = { asOf: options.asOf.toISOString(), tenants: 0, tasksSeen: 0, tasksOpened: 0, remindersSent: 0, mailsSent: 0, mailsFailed: 0, tenantsFailed: 0, results: [] };
  const tenants: AsyncIterable<TenantRecord> | TenantRecord[] = options.tenantId
    ? [await getTenant(deps.controlPlane, options.tenantId)].filter((t): t is TenantRecord => t?.status === 'active')
    : activeTenants(deps.controlPlane);
  for await (const profile of tenants) {
    summary.tenants += 1;
    try {
      const result = await sweepTenant(deps, profile, options.asOf);
      summary.results.push(result);
      summary.tasksSeen += result.tasksSeen;
      summary.tasksOpened += result.tasksOpened;
      summary.remindersSent += result.remindersSent;
      summary.mailsSent += result.mails.sent;
      summary.mailsFailed += result.mails.failed + result.mails.deadLettered;
    } catch (error) {
      summary.tenantsFailed += 1;
      deps.logger.error('review sweep failed for a tenant', { tenantId: profile.tenantId, error: (error as Error).message, stack: (error as Error).stack });
    }
  }
  deps.logger.info('review sweep done', { asOf: summary.asOf, tenants: summary.tenants, tasksSeen: summary.tasksSeen, remindersSent: summary.remindersSent, mailsSent: summary.mailsSent, mailsFailed: summary.mailsFailed, tenantsFailed: summary.tenantsFailed });
  return summary;
}
