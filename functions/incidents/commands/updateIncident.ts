/** Corrects an open incident's facts; its regime, the report deadline and its reminders follow. */
import { incidentInputSchema, incidentMayChange, reviseIncidentFacts, type Incident, type NotificationReporter } from '../../../domain/incident';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { applyDeadlineSchedules, noDeadlineChanges } from '../../reviews/chaseDeadline';
import { rescheduleNotificationReminders, setNotificationDeadline } from '../incidentDeadlines';
import { toIncidentView } from '../incidentModel';
import { incidentWrite, nextStoredIncident, notificationPending, requireIncident } from '../incidentStore';
import { incidentRegimeOf } from './incidentRegimeOf';
import { parseIncidentFacts, unwrapIncident } from './incidentRefusals';

/** `patch`: the facts to change; an absent (undefined) field is unchanged. */
/** `reporter`: fields of the form's reporter (通報人) to change; the others stay. */
export async function updateIncident(context: TenantCommandContext, incidentId: string, patch: Record<string, unknown>, expectedVersion: number | undefined, reporter?: NotificationReporter) {
  const loaded = await requireIncident(context.table, incidentId);
  assertVersion(loaded.stored.version, expectedVersion);
  const current = unwrapIncident(incidentMayChange(loaded.incident));
  const changed = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const facts = Object.fromEntries(Object.keys(incidentInputSchema.shape).map((key) => [key, current[key as keyof Incident]]));
  const revised = parseIncidentFacts({ ...facts, ...changed });
  const at = context.clock();
  const revision = unwrapIncident(reviseIncidentFacts(current, revised, at));
  // The regime follows the corrected facts (discovery date, scope) and the current configuration.
  const regime = incidentRegimeOf(context.profile, revision.incident);
  const next: Incident = { ...revision.incident, regime };
  const reportChanged = JSON.stringify(regime.report) !== JSON.stringify(current.regime?.report ?? null);
  const revisedStored = nextStoredIncident(loaded.stored, next, at.toISOString());
  const stored = reporter ? { ...revisedStored, reporter: { ...loaded.stored.reporter, ...reporter } } : revisedStored;
  // A moved clock moves the 72-hour task (the old one is closed as superseded); a changed media
  // advice only moves the reminders.
  const deadline = (revision.clockMoved || reportChanged) && regime.report && notificationPending(next)
    ? await setNotificationDeadline(context, stored, next)
    : revision.remindersChanged
      ? rescheduleNotificationReminders(context, stored, next)
      : noDeadlineChanges();
  const view = toIncidentView(stored, loaded.actions, loaded.notices, next, at);
  await commitChange(context, {
    changes: [{ action: 'incident.update', resourceType: 'incident', resourceId: next.id, before: loaded.stored, after: stored }, ...deadline.changes],
    writes: [incidentWrite(context.table.tableName, stored, loaded.stored.version), ...deadline.writes],
    response: { status: 200, body: view },
  });
  await applyDeadlineSchedules(context, deadline);
  return { view, version: stored.version };
}
