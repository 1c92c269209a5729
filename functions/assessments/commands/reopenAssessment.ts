/**
 * Reopens a signed-off assessment as a new revision (with a reason, audited). The signed-off one
 * is never changed: the revision is a new assessment that carries its answers over.
 */
import { catalogById, reopen } from '../../../domain/assessment';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion, unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { newId } from '../../store/ids';
import { toAssessmentView } from '../assessmentModel';
import { assessmentWrite, requireAssessment, type StoredAssessment } from '../assessmentStore';

export async function reopenAssessment(context: TenantCommandContext, assessmentId: string, reason: string, expectedVersion: number | undefined) {
  const now = context.clock();
  const { assessment: current } = await requireAssessment(context.table, assessmentId);
  assertVersion(current.version, expectedVersion);
  const newAssessmentId = newId('cas', now.getTime());
  const reopened = unwrap(reopen(current, { newAssessmentId, reason }));
  const revision: StoredAssessment = {
    ...reopened,
    title: current.title,
    version: 1,
    createdAt: now.toISOString(),
    createdBy: context.actor.actorId,
    updatedAt: now.toISOString(),
  };
  const view = toAssessmentView(revision, unwrap(catalogById(revision.catalogId)));
  await commitChange(context, {
    changes: [
      { action: 'complianceAssessment.reopen', resourceType: 'complianceAssessment', resourceId: assessmentId, before: null, after: { reason: revision.reopenReason, newRevisionId: newAssessmentId } },
      { action: 'complianceAssessment.create', resourceType: 'complianceAssessment', resourceId: newAssessmentId, before: null, after: view },
    ],
    writes: [assessmentWrite(context.table.tableName, revision, null)],
    response: { status: 201, body: view },
  }, 'create');
  return { view, version: revision.version };
}
