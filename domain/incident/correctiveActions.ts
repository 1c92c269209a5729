/**
 * 矯正預防措施 (seed 000 §5(5)3 and §15(1)): actions that fix the cause and keep it from
 * recurring, each with an owner and a due date, verified for effectiveness before they count.
 */
import { z } from 'zod';
import { compareIsoDate, daysBetween, type IsoDate } from '../shared/isoDate';
import { incidentFail, incidentOk, type IncidentOutcome } from './errors';
import { instantSchema, type Incident } from './incident';

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

export interface CorrectiveAction extends CorrectiveActionInput {
  id: string;
  incidentId: string;
  status: CorrectiveActionStatus;
  history: Array<{ status: CorrectiveActionStatus; at: string; by: string; note?: string }>;
}

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
export function addCorrectiveAction(incident: Incident, input: CorrectiveActionInput, id: string, now: string, by: string): IncidentOutcome<Incident> {
  if (incident.status === 'closed') return incidentFail('INCIDENT_CLOSED', 'conflict', '事故已結案', 'The incident is closed');
  const action: CorrectiveAction = { ...input, id, incidentId: incident.id, status: 'open', history: [{ status: 'open', at: now, by }] };
  return incidentOk({ ...incident, correctiveActions: [...incident.correctiveActions, action], planUpdateRequired: true });
}

export function transitionCorrectiveAction(action: CorrectiveAction, transition: CorrectiveActionTransition): IncidentOutcome<CorrectiveAction> {
  if (!allowed[action.status].includes(transition.to)) {
    return incidentFail(
      'ACTION_TRANSITION_REFUSED',
      'conflict',
      `措施狀態無法由「${action.status}」變更為「${transition.to}」`,
      `The action cannot move from ${action.status} to ${transition.to}`,
    );
  }
  // Effectiveness is checked by someone other than the owner (§15(1)3).
  if (transition.to === 'verified' && transition.by === action.owner) {
    return incidentFail('VERIFIER_IS_OWNER', 'invalid', '有效性確認須由負責人以外之人員為之', 'Someone other than the owner must verify the action');
  }
  const entry = { status: transition.to, at: transition.at, by: transition.by, ...(transition.note ? { note: transition.note } : {}) };
  return incidentOk({ ...action, status: transition.to, history: [...action.history, entry] });
}

export function transitionIncidentAction(incident: Incident, actionId: string, transition: CorrectiveActionTransition): IncidentOutcome<Incident> {
  const action = incident.correctiveActions.find((a) => a.id === actionId);
  if (!action) return incidentFail('ACTION_UNKNOWN', 'invalid', '無此矯正預防措施', 'No such corrective action');
  const result = transitionCorrectiveAction(action, transition);
  if (!result.ok) return result;
  return incidentOk({ ...incident, correctiveActions: incident.correctiveActions.map((a) => (a.id === actionId ? result.value : a)) });
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
