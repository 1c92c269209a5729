/**
 * The declared entity model of inspection packs (檢查資料包) in a tenant table.
 *
 * Entities:
 *   InspectionPack ........ PK=INSPECTION_PACK#<id>  SK=PACK   (the job: period, status, progress, archive)
 *
 * Access patterns:
 *   a pack ................ PK=INSPECTION_PACK#<id>  SK=PACK (consistent read: progress moves while it builds)
 *   packs, newest first ... byResource  gsi1pk=INSPECTION_PACKS  gsi1sk=<requestedAt>#<id>
 *
 * The archive itself is not in the table: it is an object in the object store under the
 * tenant's prefix (`<tenantId>/inspection-packs/<id>.zip`), its size and SHA-256 on the job.
 */
import type { EntityKey, KeyQuery } from '../store/entityModel';
import { tenantTableIndexes } from '../store/tableDesign';

const REGISTER = 'INSPECTION_PACKS';

export const inspectionPackKeys = {
  pack: (inspectionPackId: string): EntityKey => ({ pk: `INSPECTION_PACK#${inspectionPackId}`, sk: 'PACK' }),
};

export function inspectionPackIndexKeys(job: { inspectionPackId: string; requestedAt: string }): Record<string, string> {
  return { gsi1pk: REGISTER, gsi1sk: `${job.requestedAt}#${job.inspectionPackId}` };
}

export const inspectionPackAccess = {
  newestFirst: (): KeyQuery => ({ index: tenantTableIndexes.byResource, pk: REGISTER, descending: true }),
};

/**
 * The object tag every pack archive carries: the bucket's lifecycle rule deletes tagged objects
 * a day after INSPECTION_PACK_ARCHIVE_DAYS (keys are tenant-first, so a prefix rule cannot select packs).
 */
export const INSPECTION_PACK_OBJECT_TAG = { key: 'pdpa-object', value: 'inspection-pack' } as const;

/** Where a pack's archive lives in the object store: always under the tenant's own prefix. */
export function inspectionPackObjectKey(tenantId: string, inspectionPackId: string): string {
  return `${tenantId}/inspection-packs/${inspectionPackId}.zip`;
}
