/**
 * How a data-subject request makes the product chase its Art. 13 decision deadlines: each
 * undecided item with a decision period is a one-time duty with one open task (dutyStore),
 * due on the deadline's last day at its exact end, plus a one-time schedule at that instant so
 * a reminder goes out the moment the deadline is missed (the reviews pipeline handles kind
 * 'deadlineReminder'). Comparing the request before and after a change tells what to do:
 * a new or moved deadline is (re)written and (re)scheduled, a decided item's task is done, a
 * withdrawn request's tasks are skipped. The marketing objection has no period (Art. 20 ¶2,
 * granted at receipt), so it never gets a duty.
 */
import { currentDeadline, terminalStatuses, type DataSubjectRequest, type RequestItem } from '../../domain/dataSubjectRequest/dataSubjectRequest';
import { deadlineRules, requestTypeNames, type RequestType } from '../../domain/dataSubjectRequest/requestTypes';
import { dutyIdFor, type DutyOwner } from '../../domain/reviews/duty';
import { oneTimeDuty } from '../../domain/reviews/oneTimeDuty';
import { openTask } from '../../domain/reviews/reviewTask';
import type { DeadlineSchedule } from '../http/appDeps';
import { deadlineDoneWrites, deadlineWrites, loadDeadline, taskItem, type DeadlineSpec, type StoredTask } from '../reviews/dutyStore';
import type { AuditedChange, TransactItem } from '../store/auditedCommit';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const DECISION_DUTY_KIND = 'dataSubjectRequestDecision';

/** Short codes keep schedule names within EventBridge Scheduler's 64 characters. */
const typeCodes: Record<RequestType, string> = {
  inquiry: 'inq',
  review: 'rev',
  copy: 'cpy',
  correction: 'cor',
  stopProcessing: 'stp',
  deletion: 'del',
  marketingOptOut: 'mkt',
};

/** Deterministic, so an extension or a decision addresses the same schedule; unique across tenants. */
export function decisionScheduleName(tenantId: string, requestId: string, type: RequestType): string {
  return `dsr.${tenantId.replace(/^tn_/, '')}.${requestId.replace(/^dsr_/, '')}.${typeCodes[type]}`;
}

export function decisionSubjectId(requestId: string, type: RequestType): string {
  return `${requestId}:${type}`;
}

export function decisionDutyId(requestId: string, type: RequestType): string {
  return dutyIdFor(DECISION_DUTY_KIND, { kind: 'dataSubjectRequest', id: decisionSubjectId(requestId, type) });
}

export function requestResourcePath(requestId: string): string {
  return `/v1/data-subject-requests/${requestId}`;
}

export function decisionDeadlineSpec(requestId: string, item: RequestItem, owner: DutyOwner): DeadlineSpec {
  const deadline = currentDeadline(item);
  const name = requestTypeNames[item.type];
  return {
    dutyKind: DECISION_DUTY_KIND,
    subject: { kind: 'dataSubjectRequest', id: decisionSubjectId(requestId, item.type) },
    title: {
      zhTW: `當事人「${name.zhTW}」請求之准駁決定（案號 ${requestId}）`,
      en: `Decide the data subject's request for ${name.en} (ref. ${requestId})`,
    },
    legalBasis: deadline.legalBasis,
    dueDate: deadline.lastDay,
    owner,
    source: 'dataSubjectRequest',
    dueAt: deadline.dueAt,
    resourcePath: requestResourcePath(requestId),
  };
}

function chased(request: DataSubjectRequest | null, type: RequestType): RequestItem | undefined {
  if (!request || terminalStatuses.includes(request.status)) return undefined;
  const item = request.items.find((candidate) => candidate.type === type);
  if (!item || item.decision || deadlineRules[type].kind !== 'period') return undefined;
  return item;
}

export interface DeadlinePlan {
  writes: TransactItem[];
  changes: AuditedChange[];
  upserts: DeadlineSchedule[];
  removals: string[];
}

/**
 * The duty/task writes (for the same commitAudited as the request change) and the schedule
 * changes (applied after it commits) that take the deadlines from `before` to `after`.
 */
export async function planDecisionDeadlines(
  store: { doc: DynamoDBDocumentClient; tableName: string; tenantId: string },
  before: DataSubjectRequest | null,
  after: DataSubjectRequest,
  owner: DutyOwner,
  context: { actor: string; now: Date },
): Promise<DeadlinePlan> {
  const plan: DeadlinePlan = { writes: [], changes: [], upserts: [], removals: [] };
  const now = context.now.toISOString();
  for (const item of after.items) {
    const previous = chased(before, item.type);
    const current = chased(after, item.type);
    const dutyId = decisionDutyId(after.id, item.type);
    const scheduleName = decisionScheduleName(store.tenantId, after.id, item.type);
    if (current && (!previous || currentDeadline(previous).dueAt !== currentDeadline(current).dueAt)) {
      const spec = decisionDeadlineSpec(after.id, current, owner);
      const existing = await loadDeadline(store.doc, store.tableName, dutyId);
      plan.writes.push(...deadlineWrites(store.tableName, spec, existing, now));
      const taskId = openTask(oneTimeDuty(spec), spec.dueDate).taskId;
      plan.changes.push({
        action: existing ? 'duty.move' : 'duty.create',
        resourceType: 'duty',
        resourceId: dutyId,
        before: existing ? { dueDate: existing.openTask?.dueDate ?? null, dueAt: existing.openTask?.dueAt ?? null } : null,
        after: { dueDate: spec.dueDate, dueAt: spec.dueAt },
      });
      // A schedule cannot lie in the past: a request recorded after its deadline reminds at once.
      const at = Date.parse(spec.dueAt!) > context.now.getTime() ? spec.dueAt! : new Date(context.now.getTime() + 60_000).toISOString();
      plan.upserts.push({
        name: scheduleName,
        tenantId: store.tenantId,
        at,
        target: {
          kind: 'deadlineReminder',
          resourceId: taskId,
          detail: { dutyId, dutyKind: DECISION_DUTY_KIND, requestId: after.id, itemType: item.type, dueAt: spec.dueAt, resourcePath: spec.resourcePath },
        },
      });
    } else if (previous && !current) {
      const existing = await loadDeadline(store.doc, store.tableName, dutyId);
      plan.removals.push(scheduleName);
      if (!existing?.openTask) continue;
      if (item.decision) {
        plan.writes.push(...deadlineDoneWrites(store.tableName, existing.duty, existing.openTask, {
          by: context.actor,
          at: now,
          notes: `${item.decision.outcome}${item.decision.late ? ' (late)' : ''}`,
        }));
        plan.changes.push({ action: 'duty.complete', resourceType: 'duty', resourceId: dutyId, before: { status: 'open' }, after: { status: 'done', outcome: item.decision.outcome } });
      } else {
        // Withdrawn: nothing is left to decide, so the task is skipped rather than done.
        const task = existing.openTask;
        const skipped: StoredTask = { ...task, status: 'skipped', skip: { by: context.actor, at: now, reason: 'Data-subject request withdrawn' }, version: task.version + 1 };
        plan.writes.push({
          Put: { TableName: store.tableName, Item: taskItem(skipped), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': task.version } },
        });
        plan.changes.push({ action: 'duty.skip', resourceType: 'duty', resourceId: dutyId, before: { status: 'open' }, after: { status: 'skipped' } });
      }
    }
  }
  return plan;
}
