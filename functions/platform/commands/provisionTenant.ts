/** Retries creating a tenant's table after a failed onboarding. */
import { refuse } from '../../application/failures';
import { toTenantView } from '../tenantModel';
import type { PlatformCommandContext } from './platformCommandContext';
import { provisionAndActivate, requireTenant } from './tenantCommands';

export async function provisionTenant(context: PlatformCommandContext, tenantId: string) {
  const tenant = await requireTenant(context, tenantId);
  if (tenant.status !== 'provisioning') refuse('conflict', 'tenantProvisioned', { zhTW: '租戶資料表已建立', en: 'The tenant table is already provisioned' });
  const active = await provisionAndActivate(context, tenant, 201);
  return { view: toTenantView(active), version: active.version };
}
