/**
 * How a data-subject request makes the product chase its duties (domain `openDuties`), each a
 * one-time deadline (reviews/chaseDeadline.ts) with one reminder at its exact due instant:
 * - the Art. 13 decision of each item with a period, due at the end of its last day;
 * - the Art. 20 ¶2 marketing stop, due at receipt and urgent (應即停止): chased from receipt
 *   until the stop is recorded everywhere the settings name;
 * - the Art. 11 ¶2 stop-or-justify duty of a flagged accuracy dispute, due when raised and
 *   urgent, until processing stopped, an exception is noted or the dispute is resolved.
 * Comparing the request before and after a change tells what to do: a new or moved deadline is
 * set, a met one is completed, a withdrawn request's deadlines are dropped.
 */
import { createHash } from 'node:crypto';
import { currentDeadline, openDuties, type DataSubjectRequest, type OpenDuty, type RequestItem } from '../../domain/dataSubjectRequest/dataSubjectRequest';
import { requestTypeNames, type RequestType } from '../../domain/dataSubjectRequest/requestTypes';
import { dutyIdFor, type DutyOwner, type PersonOwner } from '../../domain/reviews/duty';
import { chaseDeadline, combineDeadlineChanges, type DeadlineChanges, type DeadlineContext, type DeadlineIntent } from '../reviews/chaseDeadline';
import type { DeadlineSpec } from '../reviews/dutyStore';

export const DECISION_DUTY_KIND = 'dataSubjectRequestDecision';
export const MARKETING_STOP_DUTY_KIND = 'dataSubjectRequestMarketingStop';
export const ACCURACY_DISPUTE_DUTY_KIND = 'dataSubjectRequestAccuracyDispute';

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

export function marketingStopDutyId(requestId: string): string {
  return dutyIdFor(MARKETING_STOP_DUTY_KIND, { kind: 'dataSubjectRequest', id: decisionSubjectId(requestId, 'marketingOptOut') });
}

export function disputeSubjectId(requestId: string, disputeId: string): string {
  return `${requestId}:dispute:${disputeId}`;
}

export function disputeDutyId(requestId: string, disputeId: string): string {
  return dutyIdFor(ACCURACY_DISPUTE_DUTY_KIND, { kind: 'dataSubjectRequest', id: disputeSubjectId(requestId, disputeId) });
}

/** A dispute id may be long; five hash characters keep the schedule name within 64. */
export function disputeScheduleName(tenantId: string, requestId: string, disputeId: string): string {
  const code = BigInt(`0x${createHash('sha256').update(disputeId).digest('hex').slice(0, 12)}`).toString(36).slice(0, 5);
  return `dsr.${tenantId.replace(/^tn_/, '')}.${requestId.replace(/^dsr_/, '')}.d${code}`;
}

export function requestResourcePath(requestId: string): string {
  return `/v1/data-subject-requests/${requestId}`;
}

/** How the duties of a request are addressed in letters and tasks: the case number when it has one. */
function reference(request: Pick<DataSubjectRequest, 'id' | 'caseNumber'>): string {
  return request.caseNumber ?? request.id;
}

export function decisionDeadlineSpec(requestId: string, item: RequestItem, owner: DutyOwner, caseReference = requestId): DeadlineSpec {
  const deadline = currentDeadline(item);
  const name = requestTypeNames[item.type];
  return {
    dutyKind: DECISION_DUTY_KIND,
    subject: { kind: 'dataSubjectRequest', id: decisionSubjectId(requestId, item.type) },
    title: {
      zhTW: `當事人「${name.zhTW}」請求之准駁決定（案號 ${caseReference}）`,
      en: `Decide the data subject's request for ${name.en} (ref. ${caseReference})`,
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

/** One open duty as the reviews pipeline sees it: its id, schedule, and deadline spec. */
interface ChasedDuty {
  key: string;
  dutyId: string;
  scheduleName: string;
  spec: DeadlineSpec;
}

function chasedDuty(tenantId: string, request: DataSubjectRequest, duty: OpenDuty, owner: DutyOwner): ChasedDuty {
  const resourcePath = requestResourcePath(request.id);
  const ref = reference(request);
  if (duty.kind === 'decision') {
    const item = request.items.find((candidate) => candidate.type === duty.itemType)!;
    return { key: `decision:${duty.itemType}`, dutyId: decisionDutyId(request.id, duty.itemType), scheduleName: decisionScheduleName(tenantId, request.id, duty.itemType), spec: decisionDeadlineSpec(request.id, item, owner, ref) };
  }
  if (duty.kind === 'marketingStop') {
    const targets = request.items.find((candidate) => candidate.type === duty.itemType)?.marketingStop?.targets ?? [];
    const where = targets.length ? { zhTW: `（${targets.map((t) => t.name).join('、')}）`, en: ` (${targets.map((t) => t.name).join(', ')})` } : { zhTW: '', en: '' };
    return {
      key: 'marketingStop',
      dutyId: marketingStopDutyId(request.id),
      scheduleName: decisionScheduleName(tenantId, request.id, 'marketingOptOut'),
      spec: {
        dutyKind: MARKETING_STOP_DUTY_KIND,
        subject: { kind: 'dataSubjectRequest', id: decisionSubjectId(request.id, 'marketingOptOut') },
        title: { zhTW: `當事人拒絕行銷：應即停止利用其個人資料行銷${where.zhTW}（案號 ${ref}）`, en: `Marketing objection: stop marketing use of the data at once${where.en} (ref. ${ref})` },
        legalBasis: duty.legalBasis,
        dueDate: duty.lastDay,
        owner,
        source: 'dataSubjectRequest',
        urgent: true,
        dueAt: duty.dueAt,
        resourcePath,
      },
    };
  }
  return {
    key: `dispute:${duty.disputeId}`,
    dutyId: disputeDutyId(request.id, duty.disputeId),
    scheduleName: disputeScheduleName(tenantId, request.id, duty.disputeId),
    spec: {
      dutyKind: ACCURACY_DISPUTE_DUTY_KIND,
      subject: { kind: 'dataSubjectRequest', id: disputeSubjectId(request.id, duty.disputeId) },
      title: {
        zhTW: `個人資料正確性有爭議：停止處理或利用，或註明爭議及例外事由（案號 ${ref}，爭議 ${duty.disputeId}）`,
        en: `Disputed accuracy: stop processing and use, or note the dispute and the exception relied on (ref. ${ref}, dispute ${duty.disputeId})`,
      },
      legalBasis: duty.legalBasis,
      dueDate: duty.lastDay,
      owner,
      source: 'dataSubjectRequest',
      urgent: true,
      dueAt: duty.dueAt,
      resourcePath,
    },
  };
}

function chasedDuties(tenantId: string, request: DataSubjectRequest | null, owner: DutyOwner): Map<string, ChasedDuty> {
  const duties = new Map<string, ChasedDuty>();
  for (const duty of request ? openDuties(request) : []) {
    const chased = chasedDuty(tenantId, request!, duty, owner);
    duties.set(chased.key, chased);
  }
  return duties;
}

/** A reminder cannot lie in the past: a duty already due (a marketing stop, a late entry) reminds a minute from now. */
const LATE_REMINDER_DELAY_MS = 60_000;

/** How a duty that is no longer open was met (for the task's notes), or undefined when it was dropped. */
function howMet(after: DataSubjectRequest, key: string): string | undefined {
  if (after.status === 'withdrawn') return undefined;
  if (key.startsWith('decision:')) {
    const decision = after.items.find((item) => `decision:${item.type}` === key)?.decision;
    return decision ? `${decision.outcome}${decision.late ? ' (late)' : ''}` : undefined;
  }
  if (key === 'marketingStop') {
    const fulfilment = after.items.find((item) => item.type === 'marketingOptOut')?.fulfilment;
    return fulfilment ? `marketing use stopped ${fulfilment.fulfilledAt}` : undefined;
  }
  const dispute = after.accuracyDisputes.find((candidate) => `dispute:${candidate.disputeId}` === key);
  if (dispute?.processingStop) return `processing stopped ${dispute.processingStop.stoppedAt}`;
  if (dispute?.exception) return `exception noted: ${dispute.exception.kind}`;
  if (dispute?.resolution) return `resolved: ${dispute.resolution.resolution}`;
  return undefined;
}

function reminderDetail(request: DataSubjectRequest, duty: ChasedDuty): Record<string, unknown> {
  const subjectId = duty.spec.subject.id;
  const itemType = duty.key.startsWith('decision:') ? duty.key.slice('decision:'.length) : duty.key === 'marketingStop' ? 'marketingOptOut' : undefined;
  return {
    dutyId: duty.dutyId,
    dutyKind: duty.spec.dutyKind,
    requestId: request.id,
    ...(itemType ? { itemType } : { subjectId }),
    dueAt: duty.spec.dueAt,
    resourcePath: duty.spec.resourcePath,
  };
}

/**
 * The duty/task writes and audit changes (for the same commit as the request change) and the
 * reminders (applied after it commits, with applyDeadlineSchedules) that take the request's
 * duties from `before` to `after`.
 */
export async function planDecisionDeadlines(
  context: DeadlineContext,
  before: DataSubjectRequest | null,
  after: DataSubjectRequest,
  owner: DutyOwner,
): Promise<DeadlineChanges> {
  const previous = chasedDuties(context.tenantId, before, owner);
  const current = chasedDuties(context.tenantId, after, owner);
  const intents: DeadlineIntent[] = [];
  for (const [key, duty] of current) {
    const was = previous.get(key);
    if (was && was.spec.dueAt === duty.spec.dueAt) continue;
    const dueAt = duty.spec.dueAt!;
    const at = Date.parse(dueAt) > context.now.getTime() ? dueAt : new Date(context.now.getTime() + LATE_REMINDER_DELAY_MS).toISOString();
    intents.push({ kind: 'set', spec: duty.spec, reminders: [{ name: duty.scheduleName, at, detail: reminderDetail(after, duty) }] });
  }
  for (const [key, duty] of previous) {
    if (current.has(key)) continue;
    const notes = howMet(after, key);
    intents.push(notes === undefined
      // Withdrawn: nothing is left to do, so the deadline is dropped rather than met.
      ? { kind: 'dropped', dutyId: duty.dutyId, reason: 'Data-subject request withdrawn', removeReminders: [duty.scheduleName] }
      : { kind: 'met', dutyId: duty.dutyId, notes, removeReminders: [duty.scheduleName] });
  }
  const parts: DeadlineChanges[] = [];
  for (const intent of intents) parts.push(await chaseDeadline(context, intent));
  return combineDeadlineChanges(parts);
}
