/**
 * 矯正預防措施 (seed 000 §5(5)3 and §15(1)): actions that fix the cause and keep it from
 * recurring, each with an owner and a due date, verified for effectiveness before they count.
 */
import {
  correctiveActionTransitionSchema,
  openCorrectiveAction,
  overdueCorrectiveActions,
  transitionCorrectiveAction,
  type CorrectiveActionTransition,
} from '../correctiveAction';
import { fail, ok, type Outcome } from '../shared/outcome';
import type { IncidentErrorCode } from './errors';
import type { Incident } from './incident';
import { correctiveActionInputSchema, correctiveActionStatuses, type CorrectiveAction, type CorrectiveActionInput, type CorrectiveActionStatus } from './records';
import { correctiveActionMayMove } from './timeline';

// The transition rules are those of every corrective action (domain/correctiveAction).
export { correctiveActionInputSchema, correctiveActionStatuses, type CorrectiveAction, type CorrectiveActionInput, type CorrectiveActionStatus };
export { correctiveActionTransitionSchema, overdueCorrectiveActions, transitionCorrectiveAction, type CorrectiveActionTransition };

/** Adds an action; any incident action means the plan must be updated (§15(1)4). */
export function addCorrectiveAction(incident: Incident, input: CorrectiveActionInput, id: string, now: string, by: string): Outcome<Incident, IncidentErrorCode> {
  if (incident.status === 'closed') return fail('conflict', 'INCIDENT_CLOSED', { zhTW: '事故已結案', en: 'The incident is closed' });
  const action: CorrectiveAction = { ...openCorrectiveAction(input, id, now, by), incidentId: incident.id };
  return ok({ ...incident, correctiveActions: [...incident.correctiveActions, action], planUpdateRequired: true });
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

/** The plan has been revised to take the incident's measures in. */
export function acknowledgePlanUpdate(incident: Incident, planVersion: string, at: string): Incident {
  return { ...incident, planUpdateRequired: false, planUpdate: { planVersion, at } };
}
