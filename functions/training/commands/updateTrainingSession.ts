/**
 * Corrects a recorded session (If-Match): the given fields replace the recorded ones, the
 * attendees' history lines follow, and the session is checked again against its audience's plan
 * training duty (a corrected date or topics may now meet an open task). A task it met before is
 * not re-opened. A cancelled session is kept as it was.
 */
import { checkTrainingSession, updatableSession } from '../../../domain/training';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import { combineDeadlineChanges, noDeadlineChanges } from '../../reviews/chaseDeadline';
import { trainingDutyChanges } from '../trainingDuties';
import { trainingKeys } from '../trainingEntities';
import { toSessionView, type UpdateSessionInput } from '../trainingModel';
import { attendanceWrites, sessionItem, TRAINING_SESSION_WHAT, type StoredTrainingSession } from '../trainingStore';
import { resolveAttendees } from './sessionInput';

export async function updateTrainingSession(context: TenantCommandContext, trainingSessionId: string, patch: UpdateSessionInput, expectedVersion: number | undefined) {
  const at = context.clock().toISOString();
  const attendees = patch.attendees ? await resolveAttendees(context, patch.attendees) : undefined;
  // Decided in apply (the check is stored on the session), written with the session in related.
  let deadline = noDeadlineChanges();
  const { after } = await commitVersionedChange<StoredTrainingSession>(context, {
    key: trainingKeys.session(trainingSessionId),
    what: TRAINING_SESSION_WHAT,
    expectedVersion,
    async apply(current) {
      unwrap(updatableSession(current));
      const { attendees: _input, ...given } = patch;
      const fields = unwrap(checkTrainingSession({
        title: given.title ?? current.title,
        audience: given.audience ?? current.audience,
        heldOn: given.heldOn ?? current.heldOn,
        topics: given.topics ?? current.topics,
        ...((given.otherTopic ?? current.otherTopic) !== undefined ? { otherTopic: given.otherTopic ?? current.otherTopic } : {}),
        trainer: given.trainer ?? current.trainer,
        durationMinutes: given.durationMinutes ?? current.durationMinutes,
        attendees: attendees ?? current.attendees,
        evidenceKinds: given.evidenceKinds ?? current.evidenceKinds,
        ...((given.otherEvidence ?? current.otherEvidence) !== undefined ? { otherEvidence: given.otherEvidence ?? current.otherEvidence } : {}),
        evidenceRefs: given.evidenceRefs ?? current.evidenceRefs,
      }, tenantToday(context)));
      const updated: StoredTrainingSession = { ...current, ...fields, updatedAt: at };
      const duties = await trainingDutyChanges(context, updated, current.dutyChecks, at);
      deadline = duties.deadline;
      return { ...updated, dutyChecks: duties.checks };
    },
    toItem: sessionItem,
    audit: { action: 'trainingSession.update', resourceType: 'trainingSession', resourceId: trainingSessionId, view: toSessionView },
    related(before, updated) {
      const attendance = attendanceWrites(context.table.tableName, before, updated);
      return combineDeadlineChanges([deadline, { writes: attendance, changes: [], schedules: { upserts: [], removals: [] } }]);
    },
    response: (session) => ({ status: 200, body: toSessionView(session) }),
  });
  return { view: toSessionView(after), version: after.version };
}
