/**
 * The archive of a suspended tenant: everything in its table, its data key wrapped, and the
 * digest offboarding requires back. Reads only; a tenant still in use cannot be exported.
 */
import { refuse } from '../../application/failures';
import { exportTenantTable } from '../tenantStore';
import type { PlatformCommandContext } from './platformCommandContext';
import { requireTenant } from './tenantCommands';

export async function exportTenant(context: PlatformCommandContext, tenantId: string) {
  const { deps } = context;
  const tenant = await requireTenant(context, tenantId);
  if (tenant.status !== 'suspended') refuse('conflict', 'tenantNotSuspended', { zhTW: '請先停用租戶再匯出', en: 'Suspend the tenant before exporting' });
  const table = { doc: await deps.tenantDocumentClient(tenant.tenantId), tableName: tenant.tableName };
  return exportTenantTable(table, tenant.tenantId, deps.clock().toISOString(), tenant.wrappedDataKey);
}
