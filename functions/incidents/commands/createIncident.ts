/**
 * Records a new incident with its regime (the tenant's rule set and, by discovery date, the 2025
 * amendment): the report clock starts at discoveredAt, with its deadline and reminders. An
 * incident outside the amendment's reportable scope owes no report: that step is recorded as not
 * applicable, with the reason.
 */
import { notInFuture, openIncident, type Incident, type NotificationReporter } from '../../../domain/incident';
import type { PersonOwner } from '../../../domain/reviews/duty';
import type { TenantCommandContext } from '../../application/commandContext';
import { commitChange } from '../../application/versionedChange';
import { applyDeadlineSchedules, noDeadlineChanges } from '../../reviews/chaseDeadline';
import { newId } from '../../store/ids';
import { setNotificationDeadline } from '../incidentDeadlines';
import { toIncidentView } from '../incidentModel';
import { incidentWrite, nextStoredIncident } from '../incidentStore';
import { incidentRegimeOf } from './incidentRegimeOf';
import { parseIncidentFacts, unwrapIncident } from './incidentRefusals';

export async function createIncident(context: TenantCommandContext, input: { facts: unknown; incidentContact?: PersonOwner; reporter?: NotificationReporter }) {
  const facts = parseIncidentFacts(input.facts);
  const at = context.clock();
  unwrapIncident(notInFuture(facts.discoveredAt, at, 'discoveredAt'));
  const id = newId('inc', at.getTime());
  const regime = incidentRegimeOf(context.profile, facts);
  const opened = { ...openIncident({ id, tenantId: context.tenantId, facts }), regime };
  const incident: Incident = regime.report
    ? opened
    : {
        ...opened,
        timeline: {
          ...opened.timeline,
          regulatorNotified: { status: 'notApplicable', reason: regime.explanation.map((line) => line.zhTW).join('；'), decidedAt: at.toISOString(), decidedBy: 'system' },
        },
      };
  const { notices: _notices, correctiveActions: _actions, ...head } = incident;
  const stored = nextStoredIncident(
    { ...head, version: 0, createdAt: at.toISOString(), updatedAt: at.toISOString(), createdBy: context.actor.actorId, incidentContact: input.incidentContact ?? null, reporter: input.reporter ?? null },
    incident,
    at.toISOString(),
  );
  const deadline = regime.report ? await setNotificationDeadline(context, stored, incident) : noDeadlineChanges();
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
