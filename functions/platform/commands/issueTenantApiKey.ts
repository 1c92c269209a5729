/** The operator issues an API key for an active tenant (e.g. its first owner key); audited on the platform chain. */
import { tenantRoles, type Role } from '../../../domain/access/roles';
import { refuse } from '../../application/failures';
import { issueApiKey } from '../../keys/commands/issueApiKey';
import type { PlatformCommandContext } from './platformCommandContext';
import { requireTenant } from './tenantCommands';

export async function issueTenantApiKey(context: PlatformCommandContext, input: { tenantId: string; name: string; role: Role; scopes: string[]; expiresAt?: string }) {
  const tenant = await requireTenant(context, input.tenantId);
  if (tenant.status !== 'active') refuse('conflict', 'tenantNotActive', { zhTW: '租戶未啟用', en: 'The tenant is not active' });
  if (!(tenantRoles as readonly string[]).includes(input.role)) refuse('invalid', 'roleNotForTenant', { zhTW: '此角色不適用於租戶金鑰', en: 'This role is not a tenant role' }, { field: 'role' });
  return issueApiKey(context.scope, context.controlPlane, { ...input, tenantId: tenant.tenantId }, context.scope.actor.actorId, context.deps.clock());
}
