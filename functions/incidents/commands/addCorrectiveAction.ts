/** Adds a corrective or preventive action to an incident; its due date becomes a deadline the sweep chases. */
import { addCorrectiveAction as actionAdded, type CorrectiveActionInput } from '../../../domain/incident';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { applyDeadlineSchedules } from '../../reviews/chaseDeadline';
import { setCorrectiveActionDeadline } from '../../correctiveActions/correctiveActionDeadlines';
import { newId } from '../../store/ids';
import { toActionView } from '../incidentModel';
import { correctiveActionWrite, incidentWrite, nextStoredIncident, requireIncident, type StoredCorrectiveAction } from '../incidentStore';
import { unwrapIncident } from './incidentRefusals';

export async function addCorrectiveAction(context: TenantCommandContext, incidentId: string, input: CorrectiveActionInput, expectedVersion: number | undefined) {
  const loaded = await requireIncident(context.table, incidentId);
  assertVersion(loaded.stored.version, expectedVersion);
  const at = context.clock();
  const next = unwrapIncident(actionAdded(loaded.incident, input, newId('cpa', at.getTime()), at.toISOString(), context.actor.actorId));
  const action: StoredCorrectiveAction = { ...next.correctiveActions[next.correctiveActions.length - 1]!, version: 1 };
  const stored = nextStoredIncident(loaded.stored, next, at.toISOString());
  const deadline = await setCorrectiveActionDeadline(context, { kind: 'incident', incidentId: next.id }, action);
  const view = toActionView(action);
  await commitChange(context, {
    changes: [
      { action: 'incident.addCorrectiveAction', resourceType: 'incident', resourceId: next.id, before: loaded.stored, after: stored },
      { action: 'correctiveAction.create', resourceType: 'correctiveAction', resourceId: action.id, before: null, after: action },
      ...deadline.changes,
    ],
    writes: [incidentWrite(context.table.tableName, stored, loaded.stored.version), correctiveActionWrite(context.table.tableName, action, null), ...deadline.writes],
    response: { status: 201, body: view },
  });
  await applyDeadlineSchedules(context, deadline);
  return { view };
}
