/**
 * Puts a legal hold on an evidence record or lifts it, with the reason. While on hold the record
 * cannot be deleted, whatever its retention. Where the object store has a lock, the hold goes on
 * the file before the record says so, and comes off the file only after the record says so, so a
 * failure in between leaves the file more protected, never less.
 */
import { setLegalHold as decideLegalHold } from '../../../domain/evidence';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion, unwrap } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import type { ObjectStore } from '../../storage/objectStore';
import { evidenceKeys, objectKeyOf } from '../evidenceEntities';
import { toEvidenceView } from '../evidenceModel';
import { EVIDENCE_WHAT, evidenceItem, requireEvidence, type StoredEvidence } from '../evidenceStore';
import { lockUntilOf } from './verifyEvidence';

export async function setLegalHold(context: TenantCommandContext, objects: ObjectStore, evidenceId: string, input: { on: boolean; reason: string }, expectedVersion: number | undefined) {
  const at = context.clock().toISOString();
  const current = await requireEvidence(context.table, evidenceId);
  assertVersion(current.version, expectedVersion);
  // Decide first: a refused change touches nothing, not even the file's lock.
  unwrap(decideLegalHold(current, input, { by: context.actor.actorId, at }));
  const objectKey = objectKeyOf(context.tenantId, evidenceId);
  // Only a verified file is locked; a pending one gets the hold when it is verified.
  const lockFile = current.status === 'complete' && objects.retain !== undefined;
  if (lockFile && input.on) await objects.retain!(objectKey, { retainUntil: lockUntilOf(current), legalHold: true });
  const { after } = await commitVersionedChange<StoredEvidence>(context, {
    key: evidenceKeys.record(evidenceId),
    what: EVIDENCE_WHAT,
    expectedVersion: current.version,
    apply: (record) => ({ ...unwrap(decideLegalHold(record, input, { by: context.actor.actorId, at })), version: record.version, updatedAt: at }),
    toItem: evidenceItem,
    audit: { action: input.on ? 'evidence.legalHold.on' : 'evidence.legalHold.off', resourceType: 'evidence', resourceId: evidenceId, view: (record) => ({ legalHold: record.legalHold ?? null, reason: input.reason }) },
    response: (record) => ({ status: 200, body: toEvidenceView(record) }),
  });
  if (lockFile && !input.on) await objects.retain!(objectKey, { retainUntil: lockUntilOf(after), legalHold: false });
  return { view: toEvidenceView(after), version: after.version };
}
