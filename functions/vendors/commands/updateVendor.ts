import type { TenantCommandContext } from '../../application/commandContext';
import { commitVersionedChange } from '../../application/versionedChange';
import { vendorKeys, type VendorRecord } from '../vendorEntities';
import { toVendorView, type UpdateVendorInput } from '../vendorModel';
import { recordOf, vendorItem, vendorWhat } from '../vendorStore';
import { assertFileLinks, assertVendorHierarchy, vendorExistsCheck } from './vendorRules';

/** Changes a vendor's master data; `parentVendorId: null` unlinks a sub-processor. */
export async function updateVendor(context: TenantCommandContext, vendorId: string, expectedVersion: number | undefined, input: UpdateVendorInput) {
  const { after } = await commitVersionedChange<VendorRecord>(context, {
    key: vendorKeys.vendor(vendorId),
    what: vendorWhat,
    expectedVersion,
    async apply(stored) {
      const current = recordOf<VendorRecord>(stored);
      const { parentVendorId, ...fields } = input;
      const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      const next: VendorRecord = { ...current, ...defined, updatedAt: context.clock().toISOString() };
      if (parentVendorId === null) delete next.parentVendorId;
      else if (parentVendorId !== undefined) next.parentVendorId = parentVendorId;
      if (next.parentVendorId !== current.parentVendorId) await assertVendorHierarchy(context.table, next);
      await assertFileLinks(context.table, next.personalDataFileIds, 'personalDataFileIds', current.personalDataFileIds);
      return next;
    },
    toItem: vendorItem,
    audit: { action: 'vendor.update', resourceType: 'vendor', resourceId: vendorId, view: (vendor) => toVendorView(recordOf<VendorRecord>(vendor)) },
    related: (before, after) => ({
      changes: [],
      writes: after.parentVendorId && after.parentVendorId !== before.parentVendorId ? [vendorExistsCheck(context.table.tableName, after.parentVendorId)] : [],
    }),
  });
  return { view: toVendorView(after), version: after.version };
}
