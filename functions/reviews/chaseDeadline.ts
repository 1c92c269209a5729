/**
 * The one deadline contract. Every area that sets a date (a data-subject request's decision, an
 * incident's 72-hour report, a corrective action, a vendor check, a certificate, a contract end,
 * a plan duty) says what it wants of that deadline, and gets back
 *   - `writes` + `changes`: the duty/task items and their audit entries, for the SAME audited
 *     commit as the change that set the date (no deadline without its cause, and vice versa);
 *   - `schedules`: exact-instant reminders to upsert/remove AFTER the commit (schedules live
 *     outside DynamoDB; a failure there is logged, and the open task still sits in the due
 *     index where the daily sweep finds it).
 * The reviews pipeline then sees one kind of thing: a duty with one open task.
 */
import { oneTimeDuty } from '../../domain/reviews/oneTimeDuty';
import { openTask } from '../../domain/reviews/reviewTask';
import type { DeadlineSchedule, DeadlineScheduler, StructuredLogger } from '../application/ports';
import type { AuditedChange, TransactItem } from '../store/auditedCommit';
import { putEntityWrite } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { deadlineDoneWrites, deadlineWrites, loadDeadline, taskItem, type DeadlineSpec, type StoredTask } from './dutyStore';

/** An exact reminder instant of a deadline; it fires through the reviews pipeline ('deadlineReminder'). */
export interface DeadlineReminder {
  /** Deterministic and unique across tenants (≤ 64 characters): moving a deadline re-addresses it. */
  name: string;
  at: string;
  detail: Record<string, unknown>;
}

export type DeadlineIntent =
  /** Create the deadline, or move it (the old open task is closed as superseded). */
  | { kind: 'set'; spec: DeadlineSpec; reminders?: DeadlineReminder[]; removeReminders?: string[] }
  /** The duty was met: its open task is done. */
  | { kind: 'met'; dutyId: string; notes: string; removeReminders?: string[] }
  /** Nothing is left to do (withdrawn, cancelled): the open task is skipped. */
  | { kind: 'dropped'; dutyId: string; reason: string; removeReminders?: string[] };

export interface DeadlineChanges {
  writes: TransactItem[];
  changes: AuditedChange[];
  schedules: { upserts: DeadlineSchedule[]; removals: string[] };
}

export const noDeadlineChanges = (): DeadlineChanges => ({ writes: [], changes: [], schedules: { upserts: [], removals: [] } });

export function combineDeadlineChanges(parts: readonly DeadlineChanges[]): DeadlineChanges {
  const combined = noDeadlineChanges();
  for (const part of parts) {
    combined.writes.push(...part.writes);
    combined.changes.push(...part.changes);
    combined.schedules.upserts.push(...part.schedules.upserts);
    combined.schedules.removals.push(...part.schedules.removals);
  }
  return combined;
}

export interface DeadlineContext {
  table: TableRef;
  tenantId: string;
  actorId: string;
  now: Date;
}

function skippedTaskWrite(tableName: string, task: StoredTask, by: string, at: string, reason: string): TransactItem {
  const skipped: StoredTask = { ...task, status: 'skipped', skip: { by, at, reason }, version: task.version + 1 };
  return putEntityWrite(tableName, taskItem(skipped), task.version);
}

export async function chaseDeadline(context: DeadlineContext, intent: DeadlineIntent): Promise<DeadlineChanges> {
  const result = noDeadlineChanges();
  const now = context.now.toISOString();
  result.schedules.removals.push(...(intent.removeReminders ?? []));
  if (intent.kind === 'set') {
    const { spec } = intent;
    const duty = oneTimeDuty(spec);
    const existing = await loadDeadline(context.table, duty.dutyId);
    result.writes.push(...deadlineWrites(context.table.tableName, spec, existing, now));
    result.changes.push({
      action: existing ? 'duty.move' : 'duty.create',
      resourceType: 'duty',
      resourceId: duty.dutyId,
      before: existing ? { dueDate: existing.openTask?.dueDate ?? null, dueAt: existing.openTask?.dueAt ?? null } : null,
      after: { dueDate: spec.dueDate, dueAt: spec.dueAt },
    });
    const taskId = openTask(duty, spec.dueDate).taskId;
    for (const reminder of intent.reminders ?? []) {
      result.schedules.upserts.push({ name: reminder.name, tenantId: context.tenantId, at: reminder.at, target: { kind: 'deadlineReminder', resourceId: taskId, detail: reminder.detail } });
    }
    return result;
  }
  const existing = await loadDeadline(context.table, intent.dutyId);
  if (!existing?.openTask) return result;
  if (intent.kind === 'met') {
    result.writes.push(...deadlineDoneWrites(context.table.tableName, existing.duty, existing.openTask, { by: context.actorId, at: now, notes: intent.notes }));
    result.changes.push({ action: 'duty.complete', resourceType: 'duty', resourceId: intent.dutyId, before: { status: 'open' }, after: { status: 'done', notes: intent.notes } });
  } else {
    result.writes.push(skippedTaskWrite(context.table.tableName, existing.openTask, context.actorId, now, intent.reason));
    result.changes.push({ action: 'duty.skip', resourceType: 'duty', resourceId: intent.dutyId, before: { status: 'open' }, after: { status: 'skipped' } });
  }
  return result;
}

/**
 * Applies the schedule changes after the commit. Failures are logged, not thrown: the change is
 * committed and its open task is chased by the daily sweep either way.
 */
export async function applyDeadlineSchedules(
  ports: { scheduler: DeadlineScheduler; logger: StructuredLogger; requestId: string },
  changes: Pick<DeadlineChanges, 'schedules'>,
): Promise<void> {
  const upserted = new Set(changes.schedules.upserts.map((schedule) => schedule.name));
  for (const schedule of changes.schedules.upserts) {
    await ports.scheduler.upsert(schedule).catch((error: Error) => ports.logger.warn('deadline schedule upsert failed', { requestId: ports.requestId, schedule: schedule.name, message: error.message }));
  }
  for (const name of new Set(changes.schedules.removals)) {
    if (upserted.has(name)) continue;
    await ports.scheduler.remove(name).catch((error: Error) => ports.logger.warn('deadline schedule removal failed', { requestId: ports.requestId, schedule: name, message: error.message }));
  }
}
