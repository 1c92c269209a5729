/**
 * Moves a corrective action (inProgress, done, verified by someone other than the owner). Done
 * meets its deadline; a failed verification (done → inProgress) reopens it for the sweep.
 */
import { correctiveActionMayMove, notInFuture, transitionIncidentAction, type CorrectiveActionTransition } from '../../../domain/incident';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { correctiveActionTransitionDeadline } from '../../correctiveActions/correctiveActionDeadlines';
import { toActionView } from '../incidentModel';
import { correctiveActionWrite, incidentWrite, nextStoredIncident, requireCorrectiveAction, requireIncident, type StoredCorrectiveAction } from '../incidentStore';
import { unwrapIncident } from './incidentRefusals';

/** `expectedVersion` is the action's own version (its ETag), not the incident's. */
export async function transitionCorrectiveAction(context: TenantCommandContext, incidentId: string, actionId: string, transition: CorrectiveActionTransition, expectedVersion: number | undefined) {
  const loaded = await requireIncident(context.table, incidentId);
  const current = requireCorrectiveAction(loaded, actionId);
  assertVersion(current.version, expectedVersion);
  unwrapIncident(correctiveActionMayMove(loaded.incident, transition.to));
  const at = context.clock();
  unwrapIncident(notInFuture(transition.at, at, 'at'));
  const next = unwrapIncident(transitionIncidentAction(loaded.incident, actionId, transition));
  const moved: StoredCorrectiveAction = { ...next.correctiveActions.find((action) => action.id === actionId)!, version: current.version + 1 };
  const stored = nextStoredIncident(loaded.stored, next, at.toISOString());
  const deadline = await correctiveActionTransitionDeadline(context, { kind: 'incident', incidentId }, current, moved, transition);
  const view = toActionView(moved);
  await commitChange(context, {
    changes: [{ action: `correctiveAction.${moved.status}`, resourceType: 'correctiveAction', resourceId: actionId, before: current, after: moved }, ...deadline.changes],
    writes: [incidentWrite(context.table.tableName, stored, loaded.stored.version), correctiveActionWrite(context.table.tableName, moved, current.version), ...deadline.writes],
    response: { status: 200, body: view },
  });
  return { view };
}
