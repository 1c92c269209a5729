/** The command context of a tenant request: its table, actor, clock and ports, from the credential. */
import { tenantToday, type TenantCommandContext } from '../application/commandContext';
import type { ListBinding } from '../store/entityModel';
import { tenantOf, type ApiContext } from './context';

export function commandContextOf(c: ApiContext): TenantCommandContext {
  const tenant = tenantOf(c);
  const deps = c.get('deps');
  const principal = c.get('principal');
  return {
    table: { doc: tenant.doc, tableName: tenant.tableName },
    tenantId: tenant.tenantId,
    profile: tenant.profile,
    actor: { actorId: principal.actorId, role: principal.role },
    requestId: c.get('requestId'),
    clock: deps.clock,
    idempotency: c.get('idempotency'),
    fieldCipher: () => tenant.fieldCipher(),
    scheduler: deps.deadlineScheduler,
    logger: deps.logger,
  };
}

/** The tenant's calendar date now (its time zone). */
export function todayOf(c: ApiContext): string {
  const tenant = tenantOf(c);
  return tenantToday({ clock: c.get('deps').clock, profile: tenant.profile });
}

/** Binds a list page's cursor to the caller's tenant and the list's filters. */
export function listBindingOf(c: ApiContext, listName: string, filters: Record<string, unknown>): ListBinding {
  return { secret: c.get('deps').cursorSecret, tenant: tenantOf(c).tenantId, listName, filters };
}
