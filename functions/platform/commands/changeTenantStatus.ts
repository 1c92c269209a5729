/** Suspends or reactivates a tenant (optional If-Match), as the tenant lifecycle allows. */
import { nextTenantStatus, type TenantLifecycleAction } from '../../../domain/tenant/tenantLifecycle';
import { assertVersion, refuse } from '../../application/failures';
import { saveTenant } from '../tenantStore';
import { toTenantView } from '../tenantModel';
import type { PlatformCommandContext } from './platformCommandContext';
import { requireTenant } from './tenantCommands';

export async function changeTenantStatus(context: PlatformCommandContext, input: { tenantId: string; action: Extract<TenantLifecycleAction, 'suspend' | 'reactivate'>; expectedVersion: number | undefined }) {
  const { action } = input;
  const tenant = await requireTenant(context, input.tenantId);
  assertVersion(tenant.version, input.expectedVersion);
  const next = nextTenantStatus(tenant.status, action);
  if (!next) {
    refuse('conflict', 'invalidTransition', { zhTW: `租戶狀態為 ${tenant.status}，不可執行 ${action}`, en: `A ${tenant.status} tenant cannot ${action}` });
  }
  const updated = { ...tenant, status: next, updatedAt: context.deps.clock().toISOString(), version: tenant.version + 1 };
  await saveTenant(context.scope, tenant, updated, `tenant.${action}`, [], { status: 200, body: toTenantView(updated) });
  return { view: toTenantView(updated), version: updated.version };
}
