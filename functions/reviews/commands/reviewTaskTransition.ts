/**
 * What completing and skipping a review task share: load the task and its duty (writing the
 * pending default duties first when the task is one of theirs), check If-Match, let the domain
 * decide, then close the task, record the duty's completion and open the next occurrence — one
 * audited transaction.
 */
import type { ReviewTaskErrorCode, TaskTransition } from '../../../domain/reviews/reviewTask';
import type { Duty } from '../../../domain/reviews/duty';
import type { Outcome } from '../../../domain/shared/outcome';
import { mutationScopeOf, tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { assertVersion, StaleVersionError, unwrap } from '../../application/failures';
import { commitAudited, WriteConflictError, type AuditedChange, type TransactItem } from '../../store/auditedCommit';
import { EntityNotFoundError, getEntity, putEntityWrite, requireEntity } from '../../store/entityModel';
import { dutyItem, dutyKeys, parseTaskId, storedDutyFrom, storedTaskFrom, taskItem, type StoredDuty, type StoredTask } from '../dutyStore';
import { asDomainDuty, toTaskView } from '../reviewModel';
import { pendingDefaultDuties } from '../reviewStore';
import { writeDefaultDuties } from './writeDefaultDuties';

export const taskNotFound = { zhTW: '此檢視工作', en: 'review task' };
export const dutyNotFound = { zhTW: '此法遵義務', en: 'duty' };

/** A stored item, or — when it belongs to the pending default duties — the item once they are written. */
export async function requireReviewItem(
  context: TenantCommandContext,
  key: { pk: string; sk: string },
  isPendingDefault: (pending: { duties: StoredDuty[]; tasks: StoredTask[] }) => boolean,
  what: { zhTW: string; en: string },
): Promise<Record<string, unknown>> {
  const found = await getEntity<Record<string, unknown>>(context.table, key);
  if (found) return found;
  const pending = await pendingDefaultDuties(context.table, context.profile);
  if (pending && isPendingDefault(pending)) {
    await writeDefaultDuties(context);
    return requireEntity<Record<string, unknown>>(context.table, key, what);
  }
  throw new EntityNotFoundError(what);
}

export interface TransitionRequest {
  taskId: string;
  action: 'complete' | 'skip';
  expectedVersion: number | undefined;
  decide(duty: Duty, task: StoredTask, at: string): Outcome<TaskTransition, ReviewTaskErrorCode>;
}

export async function transitionReviewTask(context: TenantCommandContext, request: TransitionRequest) {
  const ids = parseTaskId(request.taskId);
  if (!ids) throw new EntityNotFoundError(taskNotFound);
  const { tableName } = context.table;
  const task = storedTaskFrom(await requireReviewItem(context, dutyKeys.task(ids.dutyId, ids.dueDate), (pending) => pending.tasks.some((t) => t.taskId === request.taskId), taskNotFound));
  const duty = storedDutyFrom(await requireEntity<Record<string, unknown>>(context.table, dutyKeys.duty(ids.dutyId), dutyNotFound));
  assertVersion(task.version, request.expectedVersion);
  const result = unwrap(request.decide(asDomainDuty(duty), task, context.clock().toISOString()));
  const today = tenantToday(context);
  const closed: StoredTask = { ...task, status: result.task.status, completion: result.task.completion, skip: result.task.skip, version: task.version + 1 };
  const changedDuty: StoredDuty = { ...duty, lastCompletedOn: result.duty.lastCompletedOn, version: duty.version + 1 };
  let next: StoredTask | null = result.next ? { ...result.next, version: 1, dueAt: null, resourcePath: task.resourcePath } : null;
  // The sweep may already have opened the next occurrence (30 days ahead): keep that one.
  if (next) {
    const existing = await getEntity<Record<string, unknown>>(context.table, dutyKeys.task(next.dutyId, next.dueDate));
    if (existing) next = storedTaskFrom(existing);
  }
  const build = (includeNext: boolean) => {
    const writes: TransactItem[] = [putEntityWrite(tableName, taskItem(closed), task.version)];
    const changes: AuditedChange[] = [{ action: `reviewTask.${request.action}`, resourceType: 'reviewTask', resourceId: task.taskId, before: toTaskView(task, today), after: toTaskView(closed, today) }];
    if (request.action === 'complete') {
      writes.push(putEntityWrite(tableName, dutyItem(changedDuty), duty.version));
      changes.push({ action: 'duty.complete', resourceType: 'duty', resourceId: duty.dutyId, before: { lastCompletedOn: duty.lastCompletedOn }, after: { lastCompletedOn: changedDuty.lastCompletedOn } });
    }
    if (includeNext && next && next.version === 1 && result.next) {
      writes.push(putEntityWrite(tableName, taskItem(next), null));
      changes.push({ action: 'reviewTask.open', resourceType: 'reviewTask', resourceId: next.taskId, before: null, after: toTaskView(next, today) });
    }
    return { writes, changes };
  };
  const body = { task: toTaskView(closed, today), next: next ? toTaskView(next, today) : null };
  const scope = mutationScopeOf(context);
  try {
    await commitAudited(scope, { ...build(true), response: { status: 200, body } });
  } catch (error) {
    if (!(error instanceof WriteConflictError)) throw error;
    // Only the next occurrence's create may have lost a race (the sweep opened it): the
    // transition still stands, without a second open. Anything else is a stale version.
    const nextIndex = request.action === 'complete' ? 2 : 1;
    if (error.writeIndex !== nextIndex) throw new StaleVersionError();
    try {
      await commitAudited(scope, { ...build(false), response: { status: 200, body } });
    } catch (retry) {
      if (retry instanceof WriteConflictError) throw new StaleVersionError();
      throw retry;
    }
  }
  return { body, version: closed.version };
}
