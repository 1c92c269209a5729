/**
 * How a data-subject request makes the product chase its Art. 13 decision deadlines: each
 * undecided item with a decision period is a one-time deadline (reviews/chaseDeadline.ts), due on
 * the deadline's last day at its exact end, with one reminder at that instant so it goes out the
 * moment the deadline is missed. Comparing the request before and after a change tells what to
 * do: a new or moved deadline is set, a decided item's deadline is met, a withdrawn request's
 * deadlines are dropped. The marketing objection has no period (Art. 20 ¶2, granted at receipt),
 * so it never gets a deadline.
 */
import { currentDeadline, terminalStatuses, type DataSubjectRequest, type RequestItem } from '../../domain/dataSubjectRequest/dataSubjectRequest';
import { deadlineRules, requestTypeNames, type RequestType } from '../../domain/dataSubjectRequest/requestTypes';
import { dutyIdFor, type DutyOwner, type PersonOwner } from '../../domain/reviews/duty';
import { chaseDeadline, combineDeadlineChanges, type DeadlineChanges, type DeadlineContext, type DeadlineIntent } from '../reviews/chaseDeadline';
import type { DeadlineSpec } from '../reviews/dutyStore';

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

/** Who answers for the decision deadlines: the assignee, else the privacy officer role. */
export function decisionDeadlineOwner(stored: { assignee: PersonOwner | null }): DutyOwner {
  return stored.assignee ?? { role: 'privacyOfficer' };
}

function chased(request: DataSubjectRequest | null, type: RequestType): RequestItem | undefined {
  if (!request || terminalStatuses.includes(request.status)) return undefined;
  const item = request.items.find((candidate) => candidate.type === type);
  if (!item || item.decision || deadlineRules[type].kind !== 'period') return undefined;
  return item;
}

/** A reminder cannot lie in the past: a request recorded after its deadline reminds a minute from now. */
const LATE_REMINDER_DELAY_MS = 60_000;

/** What to do with one item's deadline when the request goes from `before` to `after`. */
function decisionDeadlineIntent(
  tenantId: string,
  before: DataSubjectRequest | null,
  after: DataSubjectRequest,
  item: RequestItem,
  owner: DutyOwner,
  now: Date,
): DeadlineIntent | undefined {
  const previous = chased(before, item.type);
  const current = chased(after, item.type);
  const dutyId = decisionDutyId(after.id, item.type);
  const scheduleName = decisionScheduleName(tenantId, after.id, item.type);
  if (current && (!previous || currentDeadline(previous).dueAt !== currentDeadline(current).dueAt)) {
    const spec = decisionDeadlineSpec(after.id, current, owner);
    const dueAt = spec.dueAt!;
    const at = Date.parse(dueAt) > now.getTime() ? dueAt : new Date(now.getTime() + LATE_REMINDER_DELAY_MS).toISOString();
    return {
      kind: 'set',
      spec,
      reminders: [{
        name: scheduleName,
        at,
        detail: { dutyId, dutyKind: DECISION_DUTY_KIND, requestId: after.id, itemType: item.type, dueAt, resourcePath: spec.resourcePath },
      }],
    };
  }
  if (previous && !current) {
    if (item.decision) {
      return { kind: 'met', dutyId, notes: `${item.decision.outcome}${item.decision.late ? ' (late)' : ''}`, removeReminders: [scheduleName] };
    }
    // Withdrawn: nothing is left to decide, so the deadline is dropped rather than met.
    return { kind: 'dropped', dutyId, reason: 'Data-subject request withdrawn', removeReminders: [scheduleName] };
  }
  return undefined;
}

/**
 * The duty/task writes and audit changes (for the same commit as the request change) and the
 * reminders (applied after it commits, with applyDeadlineSchedules) that take the decision
 * deadlines from `before` to `after`.
 */
export async function planDecisionDeadlines(
  context: DeadlineContext,
  before: DataSubjectRequest | null,
  after: DataSubjectRequest,
  owner: DutyOwner,
): Promise<DeadlineChanges> {
  const parts: DeadlineChanges[] = [];
  for (const item of after.items) {
    const intent = decisionDeadlineIntent(context.tenantId, before, after, item, owner, context.now);
    if (intent) parts.push(await chaseDeadline(context, intent));
  }
  return combineDeadlineChanges(parts);
}
