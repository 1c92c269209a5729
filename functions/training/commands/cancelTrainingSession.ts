/**
 * Cancels a session (called off, or recorded in error), with a reason, audited. The session stays
 * in the register marked cancelled; its attendees' history lines are removed, since nobody was
 * trained by it. A plan duty task it already met is not re-opened (trainingDuties.ts): it was
 * completed with the evidence of the time; the compliance view shows the year as it now stands.
 */
import { cancelTrainingSession as cancel } from '../../../domain/training';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import { trainingKeys } from '../trainingEntities';
import { toSessionView } from '../trainingModel';
import { attendanceWrites, sessionItem, TRAINING_SESSION_WHAT, type StoredTrainingSession } from '../trainingStore';

export async function cancelTrainingSession(context: TenantCommandContext, trainingSessionId: string, reason: string, expectedVersion: number | undefined) {
  const at = context.clock().toISOString();
  const { after } = await commitVersionedChange<StoredTrainingSession>(context, {
    key: trainingKeys.session(trainingSessionId),
    what: TRAINING_SESSION_WHAT,
    expectedVersion,
    apply: (current) => ({ ...current, ...unwrap(cancel(current, { reason, by: context.actor.actorId, at })), updatedAt: at }),
    toItem: sessionItem,
    audit: { action: 'trainingSession.cancel', resourceType: 'trainingSession', resourceId: trainingSessionId, view: (s) => ({ status: s.status, cancellation: s.cancellation ?? null }) },
    related: (before, cancelled) => ({ changes: [], writes: attendanceWrites(context.table.tableName, before, cancelled) }),
    response: (session) => ({ status: 200, body: toSessionView(session) }),
  });
  return { view: toSessionView(after), version: after.version };
}
