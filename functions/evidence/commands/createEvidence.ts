/**
 * Registers an evidence file: the record (pending, with the declared SHA-256 and size) and a
 * short-lived upload URL. The record counts as evidence only after verifyEvidence has checked the
 * stored bytes against the declaration.
 */
import { createEvidence as newEvidence, yearOf } from '../../../domain/evidence';
import type { TenantCommandContext } from '../../application/commandContext';
import { tenantToday } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import type { ObjectStore } from '../../storage/objectStore';
import { newId } from '../../store/ids';
import { objectKeyOf } from '../evidenceEntities';
import { toEvidenceView, type CreateEvidenceInput } from '../evidenceModel';
import { evidenceLinkWrites, evidenceWrite, type StoredEvidence } from '../evidenceStore';

/** Long enough for a large file on a slow line, short enough that a leaked URL is soon useless. */
export const UPLOAD_URL_SECONDS = 15 * 60;

export async function createEvidence(context: TenantCommandContext, objects: ObjectStore, input: CreateEvidenceInput) {
  const now = context.clock();
  const evidenceId = newId('evd', now.getTime());
  const record = unwrap(newEvidence({ evidenceId, ...input }, { by: context.actor.actorId, at: now.toISOString(), thisYear: yearOf(tenantToday(context)) }));
  const stored: StoredEvidence = { ...record, version: 1, updatedAt: now.toISOString() };
  const upload = await objects.presignUpload(objectKeyOf(context.tenantId, evidenceId), { mediaType: stored.mediaType, sizeBytes: stored.sizeBytes, expiresInSeconds: UPLOAD_URL_SECONDS });
  const view = toEvidenceView(stored);
  const body = {
    evidence: view,
    upload,
    next: `PUT the file to upload.url, then POST /v1/evidence/${evidenceId}/verification / 上傳後請呼叫驗證端點`,
  };
  await commitChange(context, {
    changes: [{ action: 'evidence.create', resourceType: 'evidence', resourceId: evidenceId, before: null, after: view }],
    writes: [evidenceWrite(context.table.tableName, stored, null), ...evidenceLinkWrites(context.table.tableName, stored)],
    response: { status: 201, body },
  }, 'create');
  return { body, version: stored.version };
}
