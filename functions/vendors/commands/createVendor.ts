import type { TenantCommandContext } from '../../application/commandContext';
import { commitChange } from '../../application/versionedChange';
import { putEntityWrite } from '../../store/entityModel';
import { newId } from '../../store/ids';
import { openOversightDuty } from '../vendorDeadlines';
import type { VendorRecord } from '../vendorEntities';
import { toVendorView, type CreateVendorInput } from '../vendorModel';
import { vendorItem } from '../vendorStore';
import { assertFileLinks, assertVendorHierarchy, vendorExistsCheck } from './vendorRules';

/** Registers a vendor (or a sub-processor) with its yearly oversight duty, in one commit. */
export async function createVendor(context: TenantCommandContext, input: CreateVendorInput) {
  const now = context.clock().toISOString();
  const id = newId('vnd');
  await assertVendorHierarchy(context.table, { id, ...(input.parentVendorId ? { parentVendorId: input.parentVendorId } : {}) });
  await assertFileLinks(context.table, input.personalDataFileIds, 'personalDataFileIds');
  const record: VendorRecord = { ...input, id, tenantId: context.tenantId, createdAt: now, updatedAt: now, version: 1 };
  const oversight = openOversightDuty(context.table.tableName, record);
  const view = toVendorView(record);
  await commitChange(context, {
    changes: [{ action: 'vendor.create', resourceType: 'vendor', resourceId: id, before: null, after: view }, ...oversight.changes],
    writes: [
      putEntityWrite(context.table.tableName, vendorItem(record), null),
      ...oversight.writes,
      // The parent must still exist when the link is written (checked above, enforced here).
      ...(record.parentVendorId ? [vendorExistsCheck(context.table.tableName, record.parentVendorId)] : []),
    ],
    response: { status: 201, body: view },
  }, 'create');
  return { view, version: record.version };
}
