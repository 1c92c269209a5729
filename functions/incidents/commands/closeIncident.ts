/**
 * Closes an incident once every mandatory response step is complete (the domain's closing rules);
 * nothing is owed any more, so no reminder may fire for it.
 */
import { closeIncident as closedIncident, notInFuture } from '../../../domain/incident';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { applyDeadlineSchedules } from '../../reviews/chaseDeadline';
import { settleNotificationDeadline } from '../incidentDeadlines';
import { toIncidentView } from '../incidentModel';
import { incidentWrite, nextStoredIncident, requireIncident } from '../incidentStore';
import { unwrapIncident } from './incidentRefusals';

export async function closeIncident(context: TenantCommandContext, incidentId: string, input: { at?: string }, expectedVersion: number | undefined) {
  const loaded = await requireIncident(context.table, incidentId);
  assertVersion(loaded.stored.version, expectedVersion);
  const at = context.clock();
  const closedAt = input.at ?? at.toISOString();
  unwrapIncident(notInFuture(closedAt, at, 'at'));
  const next = unwrapIncident(closedIncident(loaded.incident, { at: closedAt, by: context.actor.actorId }), 'at');
  const stored = nextStoredIncident(loaded.stored, next, at.toISOString());
  // The report was made or ruled out before closing (a close blocker otherwise); this only
  // drops a task left open by other means, and removes every reminder.
  const deadline = await settleNotificationDeadline(context, incidentId, { kind: 'dropped', reason: 'Incident closed' });
  const view = toIncidentView(stored, loaded.actions, loaded.notices, next, at);
  await commitChange(context, {
    changes: [{ action: 'incident.close', resourceType: 'incident', resourceId: next.id, before: loaded.stored, after: stored }, ...deadline.changes],
    writes: [incidentWrite(context.table.tableName, stored, loaded.stored.version), ...deadline.writes],
    response: { status: 200, body: view },
  });
  await applyDeadlineSchedules(context, deadline);
  return { view, version: stored.version };
}
