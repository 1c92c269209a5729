/**
 * Marks a response step done (containment, root cause) or not applicable with a reason. Ruling
 * the report to the authority out drops its 72-hour deadline and reminders.
 */
import { markStepDone, markStepNotApplicable, notInFuture, type Incident, type ManualStep, type TimelineStep } from '../../../domain/incident';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { applyDeadlineSchedules, noDeadlineChanges } from '../../reviews/chaseDeadline';
import { settleNotificationDeadline } from '../incidentDeadlines';
import { toIncidentView } from '../incidentModel';
import { incidentWrite, nextStoredIncident, requireIncident } from '../incidentStore';
import { unwrapIncident } from './incidentRefusals';

export type StepInput =
  | { status: 'done'; at: string; by?: string; note?: string }
  | { status: 'notApplicable'; reason: string; decidedBy?: string };

export async function recordStep(context: TenantCommandContext, incidentId: string, step: Exclude<TimelineStep, 'closed'>, input: StepInput, expectedVersion: number | undefined) {
  const loaded = await requireIncident(context.table, incidentId);
  assertVersion(loaded.stored.version, expectedVersion);
  const at = context.clock();
  const actor = context.actor.actorId;
  let next: Incident;
  let deadline = noDeadlineChanges();
  if (input.status === 'done') {
    unwrapIncident(notInFuture(input.at, at, 'at'));
    // Only containment and the root cause are marked by hand; the domain refuses the others
    // (they are completed by recording the report or the notices).
    next = unwrapIncident(markStepDone(loaded.incident, step as ManualStep, { at: input.at, by: input.by ?? actor, note: input.note }), 'at');
  } else {
    next = unwrapIncident(markStepNotApplicable(loaded.incident, step, { reason: input.reason, decidedBy: input.decidedBy ?? actor, decidedAt: at.toISOString() }), 'decidedAt');
    if (step === 'regulatorNotified') deadline = await settleNotificationDeadline(context, incidentId, { kind: 'dropped', reason: input.reason });
  }
  const stored = nextStoredIncident(loaded.stored, next, at.toISOString());
  const view = toIncidentView(stored, loaded.actions, loaded.notices, next, at);
  await commitChange(context, {
    changes: [{ action: `incident.step.${input.status}`, resourceType: 'incident', resourceId: incidentId, before: loaded.stored, after: stored }, ...deadline.changes],
    writes: [incidentWrite(context.table.tableName, stored, loaded.stored.version), ...deadline.writes],
    response: { status: 200, body: view },
  });
  await applyDeadlineSchedules(context, deadline);
  return { view, version: stored.version };
}
