/**
 * 矯正預防措施 (seed 000 §5(5)3 and §15(1)): actions that fix the cause of a shortfall and keep it
 * from recurring, each with an owner and a due date, verified for effectiveness by someone other
 * than the owner before it counts. One rule set for every cause: an incident, or a finding of a
 * compliance assessment (§15(1): 安全維護計畫未落實執行時應採取矯正預防措施).
 */
import { z } from 'zod';
import { compareIsoDate, daysBetween, type IsoDate } from '../shared/isoDate';
import { fail, ok, type Outcome } from '../shared/outcome';
import { instantSchema } from '../shared/schemas';

export const correctiveActionStatuses = ['open', 'inProgress', 'done', 'verified'] as const;
export type CorrectiveActionStatus = (typeof correctiveActionStatuses)[number];

export const correctiveActionInputSchema = z
  .object({
    kind: z.enum(['corrective', 'preventive']).describe('Fixes this cause, or prevents similar ones'),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).default(''),
    owner: z.string().trim().min(1).max(200).describe('Who is responsible'),
    dueDate: z.iso.date().describe('Due date'),
  })
  .strict();
export type CorrectiveActionInput = z.infer<typeof correctiveActionInputSchema>;

export const correctiveActionTransitionSchema = z
  .object({
    to: z.enum(correctiveActionStatuses),
    at: instantSchema,
    by: z.string().trim().min(1).max(200),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type CorrectiveActionTransition = z.infer<typeof correctiveActionTransitionSchema>;

/** What an action answers for: an incident, or one finding (item) of a compliance assessment. */
export type CorrectiveActionCause =
  | { kind: 'incident'; incidentId: string }
  | { kind: 'assessmentFinding'; assessmentId: string; itemNumber: string };

export interface CorrectiveActionHistoryEntry {
  status: CorrectiveActionStatus;
  at: string;
  by: string;
  note?: string;
}

/** The record every cause shares; each cause adds how it names itself (e.g. incidentId). */
export interface CorrectiveActionCore extends CorrectiveActionInput {
  id: string;
  status: CorrectiveActionStatus;
  history: CorrectiveActionHistoryEntry[];
}

export type CorrectiveActionRuleCode = 'ACTION_TRANSITION_REFUSED' | 'VERIFIER_IS_OWNER';

/** done → inProgress reopens an action whose verification failed; verified is final. */
const allowed: Record<CorrectiveActionStatus, CorrectiveActionStatus[]> = {
  open: ['inProgress', 'done'],
  inProgress: ['done'],
  done: ['verified', 'inProgress'],
  verified: [],
};

/** A new action: open, with its first history entry. */
export function openCorrectiveAction(input: CorrectiveActionInput, id: string, now: string, by: string): CorrectiveActionCore {
  return { ...input, id, status: 'open', history: [{ status: 'open', at: now, by }] };
}

export function transitionCorrectiveAction<A extends CorrectiveActionCore>(action: A, transition: CorrectiveActionTransition): Outcome<A, CorrectiveActionRuleCode> {
  if (!allowed[action.status].includes(transition.to)) {
    return fail('conflict', 'ACTION_TRANSITION_REFUSED', { zhTW: `措施狀態無法由「${action.status}」變更為「${transition.to}」`, en: `The action cannot move from ${action.status} to ${transition.to}` });
  }
  // Effectiveness is checked by someone other than the owner (§15(1)3).
  if (transition.to === 'verified' && transition.by === action.owner) {
    return fail('invalid', 'VERIFIER_IS_OWNER', { zhTW: '有效性確認須由負責人以外之人員為之', en: 'Someone other than the owner must verify the action' });
  }
  const entry = { status: transition.to, at: transition.at, by: transition.by, ...(transition.note ? { note: transition.note } : {}) };
  return ok({ ...action, status: transition.to, history: [...action.history, entry] });
}

/** Actions not done by their due date; the due day itself is on time. */
export function overdueCorrectiveActions<A extends CorrectiveActionCore>(actions: readonly A[], asOf: IsoDate): Array<{ action: A; daysOverdue: number }> {
  return actions
    .filter((a) => (a.status === 'open' || a.status === 'inProgress') && compareIsoDate(a.dueDate, asOf) < 0)
    .map((action) => ({ action, daysOverdue: daysBetween(action.dueDate, asOf) }));
}
