/**
 * Records a training session that was held, with one history line per attendee, in one audited
 * transaction; when it meets the open task of its audience's plan training duty, that task is
 * completed and the next one opened in the same transaction (trainingDuties.ts).
 */
import { checkTrainingSession } from '../../../domain/training';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { newId } from '../../store/ids';
import { trainingDutyChanges } from '../trainingDuties';
import { toSessionView, type RecordSessionInput } from '../trainingModel';
import { attendanceWrites, sessionWrite, type StoredTrainingSession } from '../trainingStore';
import { resolveAttendees } from './sessionInput';

export async function recordTrainingSession(context: TenantCommandContext, input: RecordSessionInput) {
  const now = context.clock();
  const at = now.toISOString();
  const attendees = await resolveAttendees(context, input.attendees);
  const fields = unwrap(checkTrainingSession({ ...input, attendees, evidenceRefs: input.evidenceRefs ?? [] }, tenantToday(context)));
  const held: StoredTrainingSession = {
    ...fields,
    trainingSessionId: newId('trs', now.getTime()),
    status: 'held',
    version: 1,
    recordedAt: at,
    recordedBy: context.actor.actorId,
    updatedAt: at,
  };
  const { deadline, checks } = await trainingDutyChanges(context, held, undefined, at);
  const session: StoredTrainingSession = { ...held, dutyChecks: checks };
  const view = toSessionView(session);
  await commitChange(context, {
    changes: [{ action: 'trainingSession.record', resourceType: 'trainingSession', resourceId: session.trainingSessionId, before: null, after: view }, ...deadline.changes],
    writes: [sessionWrite(context.table.tableName, session, null), ...attendanceWrites(context.table.tableName, null, session), ...deadline.writes],
    response: { status: 201, body: view },
  }, 'create');
  return { view, version: session.version };
}
