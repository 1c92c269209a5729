/**
 * Checks the uploaded file: the server reads the stored bytes, computes their SHA-256 and compares
 * hash and size with what was declared. A match makes the record complete (and, where the store
 * has a lock, locks the file until its retention ends); a mismatch makes it rejected.
 */
import { createHash } from 'node:crypto';
import { deletableFrom, verifyEvidence as verify, type EvidenceRecord } from '../../../domain/evidence';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion, unwrap } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import type { ObjectStore } from '../../storage/objectStore';
import { evidenceKeys, objectKeyOf } from '../evidenceEntities';
import { toEvidenceView } from '../evidenceModel';
import { EVIDENCE_WHAT, evidenceItem, requireEvidence, type StoredEvidence } from '../evidenceStore';

/** The object-lock date: the day deletion becomes allowed (UTC midnight, a few hours after Taiwan's). */
export function lockUntilOf(record: Pick<EvidenceRecord, 'relatesToYear' | 'retentionYears'>): string {
  return `${deletableFrom(record)}T00:00:00.000Z`;
}

export async function verifyEvidence(context: TenantCommandContext, objects: ObjectStore, evidenceId: string, expectedVersion: number | undefined) {
  const current = await requireEvidence(context.table, evidenceId);
  assertVersion(current.version, expectedVersion);
  const objectKey = objectKeyOf(context.tenantId, evidenceId);
  // Read the file only while it can still change the outcome; otherwise the domain answers the conflict.
  const bytes = current.status === 'pending' ? await objects.get(objectKey) : undefined;
  const stored = bytes ? { sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.byteLength } : undefined;
  const at = context.clock().toISOString();
  const { after } = await commitVersionedChange<StoredEvidence>(context, {
    key: evidenceKeys.record(evidenceId),
    what: EVIDENCE_WHAT,
    expectedVersion: current.version,
    apply: (record) => ({ ...record, ...unwrap(verify(record, stored, { by: context.actor.actorId, at })), updatedAt: at }),
    toItem: evidenceItem,
    audit: { action: 'evidence.verify', resourceType: 'evidence', resourceId: evidenceId, view: (record) => ({ status: record.status, sha256: record.sha256, verification: record.verification ?? null }) },
    response: (record) => ({ status: 200, body: toEvidenceView(record) }),
  });
  if (after.status === 'complete' && objects.retain) {
    await objects.retain(objectKey, { retainUntil: lockUntilOf(after), legalHold: Boolean(after.legalHold) });
  }
  return { view: toEvidenceView(after), version: after.version };
}
