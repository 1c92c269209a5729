/** Updates a tenant's profile (If-Match); an offboarded tenant is closed. */
import { z } from '@hono/zod-openapi';
import { assertVersion, refuse } from '../../application/failures';
import type { TenantRecord } from '../../store/controlPlaneRecords';
import { saveTenant } from '../tenantStore';
import { sectorDefaults, toTenantView, updateTenantSchema } from '../tenantModel';
import type { PlatformCommandContext } from './platformCommandContext';
import { requireTenant } from './tenantCommands';

export async function updateTenant(context: PlatformCommandContext, input: { tenantId: string; patch: z.infer<typeof updateTenantSchema>; expectedVersion: number | undefined }) {
  const tenant = await requireTenant(context, input.tenantId);
  assertVersion(tenant.version, input.expectedVersion);
  if (tenant.status === 'offboarded') refuse('conflict', 'tenantOffboarded', { zhTW: '租戶已終止', en: 'The tenant is offboarded' });
  const { patch } = input;
  const updated: TenantRecord = {
    ...tenant,
    ...patch,
    ...(patch.sector ? sectorDefaults(patch.sector) : {}),
    updatedAt: context.deps.clock().toISOString(),
    version: tenant.version + 1,
  };
  await saveTenant(context.scope, tenant, updated, 'tenant.update', [], { status: 200, body: toTenantView(updated) });
  return { view: toTenantView(updated), version: updated.version };
}
