/**
 * 矯正預防措施 (seed 000 §5(5)3 and §15(1)): actions that fix the cause and keep it from
 * recurring, each with an owner and a due date, verified for effectiveness before they count.
 */
import { z } from 'zod';
import { compareIsoDate, daysBetween, type IsoDate } from '../shared/isoDate';
import { fail, ok, type Outcome } from '../shared/outcome';
import type { IncidentErrorCode } from './errors';
import { instantSchema, type Incident } from './incident';
import { correctiveActionInputSchema, correctiveActionStatuses, type CorrectiveAction, type CorrectiveActionInput, type CorrectiveActionStatus } from './records';
import { correctiveActionMayMove } from './timeline';

export { correctiveActionInputSchema, correctiveActionStatuses, type CorrectiveAction, type CorrectiveActionInput, type CorrectiveActionStatus };

export const correctiveActionTransitionSchema = z
  .object({
    to: z.enum(correctiveActionStatuses),
    at: instantSchema,
    by: z.string().trim().min(1).max(200),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type CorrectiveActionTransition = z.infer<typeof correctiveActionTransitionSchema>;

/** done → inProgress reopens an action whose verification failed; verified is final. */
const allowed: Record<CorrectiveActionStatus, CorrectiveActionStatus[]> = {
  open: ['inProgress', 'done'],
  inProgress: ['done'],
  done: ['verified', 'inProgress'],
  verified: [],
};

/** Adds an action; any incident action means the plan must be updated (§15(1)4). */
export function addCorrectiveAction(incident: Incident, input: CorrectiveActionInput, id: string, now: string, by: string): Outcome<Incident, IncidentErrorCode> {
  if (incident.status === 'closed') return fail('conflict', 'INCIDENT_CLOSED', { zhTW: '事故已結案', en: 'The incident is closed' });
  const action: CorrectiveAction = { ...input, id, incidentId: incident.id, status: 'open', history: [{ status: 'open', at: now, by }] };
  return ok({ ...incident, correctiveActions: [...incident.correctiveActions, action], planUpdateRequired: true });
}

export function transitionCorrectiveAction(action: CorrectiveAction, transition: CorrectiveActionTransition): Outcome<CorrectiveAction, IncidentErrorCode> {
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

export function transitionIncidentAction(incident: Incident, actionId: string, transition: CorrectiveActionTransition): Outcome<Incident, IncidentErrorCode> {
  const open = correctiveActionMayMove(incident, transition.to);
  if (!open.ok) return open;
  const action = incident.correctiveActions.find((a) => a.id === actionId);
  if (!action) return fail('invalid', 'ACTION_UNKNOWN', { zhTW: '無此矯正預防措施', en: 'No such corrective action' });
  const result = transitionCorrectiveAction(action, transition);
  if (!result.ok) return result;
  return ok({ ...incident, correctiveActions: incident.correctiveActions.map((a) => (a.id === actionId ? result.value : a)) });
}

/** Actions not done by their due date; the due day itself is on time. */
export function overdueCorrectiveActions(actions: readonly CorrectiveAction[], asOf: IsoDate): Array<{ action: CorrectiveAction; daysOverdue: number }> {
  return actions
    .filter((a) => (a.status === 'open' || a.status === 'inProgress') && compareIsoDate(a.dueDate, asOf) < 0)
    .map((action) => ({ action, daysOverdue: daysBetween(action.dueDate, asOf) }));
}

/** The plan has been revised to take the incident's measures in. */
export function acknowledgePlanUpdate(incident: Incident, planVersion: string, at: string): Incident {
  return { ...incident, planUpdateRequired: false, planUpdate: { planVersion, at } };
}
