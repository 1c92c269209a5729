/** Records a new incident: the 72-hour clock starts at discoveredAt, with its deadline and reminders. */
import { notInFuture, openIncident } from '../../../domain/incident';
import type { PersonOwner } from '../../../domain/reviews/duty';
import type { TenantCommandContext } from '../../application/commandContext';
import { commitChange } from '../../application/versionedChange';
import { applyDeadlineSchedules } from '../../reviews/chaseDeadline';
import { newId } from '../../store/ids';
import { setNotificationDeadline } from '../incidentDeadlines';
import { toIncidentView } from '../incidentModel';
import { incidentWrite, nextStoredIncident } from '../incidentStore';
import { parseIncidentFacts, unwrapIncident } from './incidentRefusals';

export async function createIncident(context: TenantCommandContext, input: { facts: unknown; incidentContact?: PersonOwner }) {
  const facts = parseIncidentFacts(input.facts);
  const at = context.clock();
  unwrapIncident(notInFuture(facts.discoveredAt, at, 'discoveredAt'));
  const id = newId('inc', at.getTime());
  const incident = openIncident({ id, tenantId: context.tenantId, facts });
  const { notices: _notices, correctiveActions: _actions, ...head } = incident;
  const stored = nextStoredIncident(
    { ...head, version: 0, createdAt: at.toISOString(), updatedAt: at.toISOString(), createdBy: context.actor.actorId, incidentContact: input.incidentContact ?? null },
    incident,
    at.toISOString(),
  );
  const deadline = await setNotificationDeadline(context, stored, incident);
  const view = toIncidentView(stored, [], [], incident, at);
  await commitChange(
    context,
    {
      changes: [{ action: 'incident.report', resourceType: 'incident', resourceId: id, before: null, after: stored }, ...deadline.changes],
      writes: [incidentWrite(context.table.tableName, stored, null), ...deadline.writes],
      response: { status: 201, body: view },
    },
    'create',
  );
  await applyDeadlineSchedules(context, deadline);
  return { view, version: stored.version };
}
