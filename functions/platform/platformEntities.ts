/**
 * The declared entity model of tenants in the control-plane table (table design:
 * ../store/tableDesign.ts).
 *
 * Access patterns:
 *   get a tenant ............................ PK=TENANT#<tenantId>  SK=PROFILE
 *   tenants in creation order (by id) ....... GSI byResource gsi1pk=TENANTS gsi1sk=<tenantId>, optionally by status (tenantsInCreationOrder)
 *   one tenant per 統一編號 .................. PK=TAXID#<taxId>       SK=CLAIM (a claim written with the tenant)
 */
import type { TenantStatus } from '../../domain/tenant/tenantLifecycle';
import type { TenantRecord } from '../store/controlPlaneRecords';
import type { KeyQuery } from '../store/entityModel';
import { controlPlaneIndexes, tenantKeys } from '../store/tableDesign';

const TENANT_DIRECTORY = 'TENANTS';

export const platformKeys = {
  tenant: tenantKeys.tenant,
  taxIdClaim: (taxId: string) => ({ pk: `TAXID#${taxId}`, sk: 'CLAIM' }),
};

/** Index keys of a tenant: listed in the directory, its status alongside for the status filter. */
export function tenantDirectoryKeys(record: Pick<TenantRecord, 'tenantId' | 'status'>) {
  return { gsi1pk: TENANT_DIRECTORY, gsi1sk: record.tenantId, tenantStatus: record.status };
}

export const platformAccess = {
  /** Every tenant (ids are ULIDs: creation order), or those in one status. */
  tenantsInCreationOrder: (status?: TenantStatus): KeyQuery => ({
    index: controlPlaneIndexes.byResource,
    pk: TENANT_DIRECTORY,
    ...(status ? { filter: { expression: '#tenantStatus = :status', names: { '#tenantStatus': 'tenantStatus' }, values: { ':status': status } } } : {}),
  }),
};
