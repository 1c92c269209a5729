/** Loading a tenant for a platform command, and bringing a provisioning tenant online. */
import type { TenantRecord } from '../../store/controlPlaneRecords';
import { EntityNotFoundError } from '../../store/entityModel';
import { provisionTenantTable } from '../../store/tenantTableProvisioning';
import { getTenant, saveTenant } from '../tenantStore';
import { toTenantView } from '../tenantModel';
import type { PlatformCommandContext } from './platformCommandContext';

export const tenantNotFound = { zhTW: '此租戶', en: 'tenant' };

export async function requireTenant(context: PlatformCommandContext, tenantId: string): Promise<TenantRecord> {
  const tenant = await getTenant(context.controlPlane, tenantId);
  if (!tenant) throw new EntityNotFoundError(tenantNotFound);
  return tenant;
}

/** Creates the tenant's own table, then marks the tenant active. */
export async function provisionAndActivate(context: PlatformCommandContext, record: TenantRecord, responseStatus: number): Promise<TenantRecord> {
  const { deps } = context;
  await provisionTenantTable(deps.dynamo, record.tenantId, {
    ...deps.provisioning,
    tags: { ...(deps.provisioning.tags ?? {}), tenantId: record.tenantId, dataClassification: 'personal-data' },
  });
  const active: TenantRecord = { ...record, status: 'active', updatedAt: deps.clock().toISOString(), version: record.version + 1 };
  await saveTenant(context.scope, record, active, 'tenant.activate', [], { status: responseStatus, body: toTenantView(active) });
  return active;
}
