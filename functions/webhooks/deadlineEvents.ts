/**
 * Deadline webhook events, from the daily sweep and the one-time schedules (reviews/): for each
 * open task, the most urgent warning reached (domain/webhooks/deadlineWarnings.ts) is recorded
 * once per (task, threshold) — a conditional put of a mark, audited, in the same transaction as
 * the outbox item the audited change produces. A second run or a schedule fired twice finds the
 * mark and emits nothing.
 */
import { deadlineNoticeAction, type DeadlinePayload } from '../../domain/webhooks/eventCatalog';
import { deadlineWarningAt, dueInstantOf } from '../../domain/webhooks/deadlineWarnings';
import type { TenantCommandContext } from '../application/commandContext';
import { AlreadyExistsError } from '../application/failures';
import { commitChange } from '../application/versionedChange';
import { putEntityWrite } from '../store/entityModel';
import { webhookKeys } from './webhookEntities';

/** What the reviews pipeline knows of an open task. */
export interface OpenDeadline {
  taskId: string;
  dutyId: string;
  dutyKind: string;
  subject: { kind: string; id: string };
  dueDate: string;
  dueAt: string | null;
}

const BATCH = 20;

/** Emits the deadline events due at `now`; returns how many were recorded. */
export async function emitDeadlineEvents(context: TenantCommandContext, deadlines: readonly OpenDeadline[], now: Date): Promise<number> {
  const timeZone = context.profile.timeZone || 'Asia/Taipei';
  const entries = deadlines.flatMap((deadline) => {
    const warning = deadlineWarningAt(deadline.dutyKind, dueInstantOf(deadline.dueDate, deadline.dueAt, timeZone), now);
    if (!warning) return [];
    const payload: DeadlinePayload = { ...deadline, threshold: warning.threshold };
    return [{
      write: putEntityWrite(context.table.tableName, { ...webhookKeys.deadlineMark(deadline.taskId, warning.threshold), entity: 'WebhookDeadlineMark', eventType: warning.type, at: now.toISOString(), version: 1 }, null),
      change: { action: deadlineNoticeAction, resourceType: 'reviewTask', resourceId: deadline.taskId, before: null, after: { eventType: warning.type, deadline: payload } },
    }];
  });
  let emitted = 0;
  const dated = { ...context, clock: () => now };
  for (let i = 0; i < entries.length; i += BATCH) {
    const batch = entries.slice(i, i + BATCH);
    try {
      await commitChange(dated, { changes: batch.map((e) => e.change), writes: batch.map((e) => e.write) }, 'create');
      emitted += batch.length;
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      // Some were emitted before (an earlier run): the rest one by one.
      for (const entry of batch) {
        try {
          await commitChange(dated, { changes: [entry.change], writes: [entry.write] }, 'create');
          emitted += 1;
        } catch (single) {
          if (!(single instanceof AlreadyExistsError)) throw single;
        }
      }
    }
  }
  return emitted;
}

interface TaskLike {
  taskId: string;
  dutyId: string;
  dueDate: string;
  status: string;
  dueAt?: string | null;
}
interface DutyLike {
  dutyKind: string;
  subject: { kind: string; id: string };
  retiredOn?: string | null;
}

/**
 * The reviews pipeline's entry (sweep, one-time schedules): open tasks of live duties. A failure
 * is logged, never allowed to stop the reminders the same run sends.
 */
export async function emitTaskDeadlineEvents(context: TenantCommandContext, tasks: readonly TaskLike[], duties: ReadonlyMap<string, DutyLike>, now: Date): Promise<number> {
  const deadlines: OpenDeadline[] = [];
  for (const task of tasks) {
    const duty = duties.get(task.dutyId);
    if (!duty || duty.retiredOn || task.status !== 'open') continue;
    deadlines.push({ taskId: task.taskId, dutyId: task.dutyId, dutyKind: duty.dutyKind, subject: { kind: duty.subject.kind, id: duty.subject.id }, dueDate: task.dueDate, dueAt: task.dueAt ?? null });
  }
  try {
    return await emitDeadlineEvents(context, deadlines, now);
  } catch (error) {
    context.logger.error('deadline webhook events failed', { tenantId: context.tenantId, error: (error as Error).message });
    return 0;
  }
}
