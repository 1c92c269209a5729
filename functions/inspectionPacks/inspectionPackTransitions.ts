/**
 * One audited, versioned step of a pack's job (start, a step done, ready, failed): the write is
 * conditioned on the version read, so two builders cannot both move the same job.
 */
import type { InspectionPackJob, InspectionPackJobErrorCode } from '../../domain/inspectionPack';
import type { Outcome } from '../../domain/shared/outcome';
import type { TenantCommandContext } from '../application/commandContext';
import { unwrap } from '../application/failures';
import { commitVersionedChange } from '../application/versionedChange';
import { withoutKeys } from '../store/entityModel';
import { inspectionPackKeys } from './inspectionPackEntities';
import { INSPECTION_PACK_WHAT, inspectionPackItem, type StoredInspectionPack } from './inspectionPackStore';
import { toInspectionPackView } from './inspectionPackModel';

export async function transitionInspectionPack(
  context: TenantCommandContext,
  inspectionPackId: string,
  action: string,
  decide: (job: InspectionPackJob) => Outcome<InspectionPackJob, InspectionPackJobErrorCode>,
): Promise<StoredInspectionPack> {
  const { after } = await commitVersionedChange<StoredInspectionPack>(context, {
    key: inspectionPackKeys.pack(inspectionPackId),
    what: INSPECTION_PACK_WHAT,
    expectedVersion: undefined,
    apply: (current) => {
      const record = withoutKeys(current as unknown as Record<string, unknown>) as unknown as StoredInspectionPack;
      return { ...unwrap(decide(record)), version: record.version };
    },
    toItem: inspectionPackItem,
    audit: { action: `inspectionPack.${action}`, resourceType: 'inspectionPack', resourceId: inspectionPackId, view: (job) => toInspectionPackView(job) },
  });
  return after;
}
