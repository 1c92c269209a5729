/**
 * Records a report to the competent authority. The first one meets the 72-hour deadline (its
 * task is done at the instant the form was sent) and ends the reminders.
 */
import { notInFuture, recordRegulatorNotification } from '../../../domain/incident';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { applyDeadlineSchedules, noDeadlineChanges } from '../../reviews/chaseDeadline';
import { settleNotificationDeadline } from '../incidentDeadlines';
import { tenantAuthority } from '../incidentDocuments';
import { toIncidentView } from '../incidentModel';
import { incidentWrite, nextStoredIncident, requireIncident } from '../incidentStore';
import { unwrapIncident } from './incidentRefusals';

export interface RegulatorReportInput {
  notifiedAt: string;
  method: 'email' | 'onlineForm' | 'fax' | 'phone' | 'letter';
  stage?: 'initial' | 'supplementary' | 'final';
  reference?: string;
  delayReason?: string;
}

export async function recordRegulatorReport(context: TenantCommandContext, incidentId: string, input: RegulatorReportInput, expectedVersion: number | undefined) {
  const loaded = await requireIncident(context.table, incidentId);
  assertVersion(loaded.stored.version, expectedVersion);
  const at = context.clock();
  unwrapIncident(notInFuture(input.notifiedAt, at, 'notifiedAt'));
  const authority = tenantAuthority(context.profile);
  const first = loaded.incident.regulatorNotifications.length === 0;
  const next = unwrapIncident(
    recordRegulatorNotification(loaded.incident, {
      notifiedAt: input.notifiedAt,
      authorityCode: authority.code,
      channel: input.method,
      stage: input.stage ?? 'initial',
      delayReason: input.delayReason,
      reference: input.reference,
    }),
    'notifiedAt',
  );
  const stored = nextStoredIncident(loaded.stored, next, at.toISOString());
  const settles = first && loaded.incident.timeline.regulatorNotified === undefined;
  const deadline = settles
    ? await settleNotificationDeadline(context, next.id, { kind: 'met', at: input.notifiedAt, notes: `${authority.name.zhTW} ${authority.name.en}${input.reference ? ` (${input.reference})` : ''}` })
    : noDeadlineChanges();
  const view = toIncidentView(stored, loaded.actions, loaded.notices, next, at);
  await commitChange(context, {
    changes: [{ action: 'incident.notifyRegulator', resourceType: 'incident', resourceId: next.id, before: loaded.stored, after: stored }, ...deadline.changes],
    writes: [incidentWrite(context.table.tableName, stored, loaded.stored.version), ...deadline.writes],
    response: { status: 201, body: view },
  });
  await applyDeadlineSchedules(context, deadline);
  return { view, version: stored.version };
}
