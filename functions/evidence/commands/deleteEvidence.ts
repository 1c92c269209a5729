/**
 * Deletes an evidence record and its file: refused while on legal hold and, for complete evidence,
 * before its retention ends (the refusal names the date). The deletion is audited in the same
 * transaction (who, when, what was deleted, its SHA-256); the file goes after the commit, so a
 * failed commit never loses a file the record still points to.
 */
import { checkDeletion } from '../../../domain/evidence';
import type { TenantCommandContext } from '../../application/commandContext';
import { tenantToday } from '../../application/commandContext';
import { assertVersion, unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import type { ObjectStore } from '../../storage/objectStore';
import { objectKeyOf } from '../evidenceEntities';
import { toEvidenceView } from '../evidenceModel';
import { evidenceDeleteWrites, requireEvidence } from '../evidenceStore';

export async function deleteEvidence(context: TenantCommandContext, objects: ObjectStore, evidenceId: string, expectedVersion: number | undefined) {
  const current = await requireEvidence(context.table, evidenceId);
  assertVersion(current.version, expectedVersion);
  const { retentionEnded } = unwrap(checkDeletion(current, tenantToday(context)));
  const receipt = {
    id: current.evidenceId,
    title: current.title,
    sha256: current.sha256,
    status: current.status,
    deletedAt: context.clock().toISOString(),
    deletedBy: context.actor.actorId,
    retentionEnded,
  };
  await commitChange(context, {
    changes: [{ action: 'evidence.delete', resourceType: 'evidence', resourceId: evidenceId, before: toEvidenceView(current), after: { deleted: receipt } }],
    writes: evidenceDeleteWrites(context.table.tableName, current),
    response: { status: 200, body: receipt },
  });
  try {
    await objects.delete(objectKeyOf(context.tenantId, evidenceId));
  } catch (error) {
    // The record is gone and the deletion audited; a left-over file is found by its key and removed by hand.
    context.logger.warn('evidence file not deleted', { evidenceId, error: error instanceof Error ? error.message : String(error) });
  }
  return receipt;
}
