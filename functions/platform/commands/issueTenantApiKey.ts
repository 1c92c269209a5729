/** The operator issues an API key for an active tenant (e.g. its first owner key); audited on the platform chain. */
import { tenantRoles, type Role } from '../../../domain/access/roles';
import { refuse } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { toApiKeyView } from '../../keys/apiKeyModel';
import { createApiKeyWrite, newApiKeyRecord } from '../../keys/apiKeyStore';
import type { PlatformCommandContext } from './platformCommandContext';
import { requireTenant } from './tenantCommands';

export async function issueTenantApiKey(context: PlatformCommandContext, input: { tenantId: string; name: string; role: Role; scopes: string[]; expiresAt?: string }) {
  const tenant = await requireTenant(context, input.tenantId);
  if (tenant.status !== 'active') refuse('conflict', 'tenantNotActive', { zhTW: '租戶未啟用', en: 'The tenant is not active' });
  if (!(tenantRoles as readonly string[]).includes(input.role)) refuse('invalid', 'roleNotForTenant', { zhTW: '此角色不適用於租戶金鑰', en: 'This role is not a tenant role' }, { field: 'role' });
  const { record, secret } = newApiKeyRecord({
    tenantId: tenant.tenantId,
    role: input.role,
    name: input.name,
    scopes: input.scopes,
    expiresAt: input.expiresAt ?? null,
    createdBy: context.scope.actor.actorId,
    now: context.deps.clock(),
  });
  const view = toApiKeyView(record);
  await commitChange(context.scope, {
    changes: [{ action: 'apiKey.create', resourceType: 'apiKey', resourceId: record.keyId, before: null, after: view }],
    writes: [createApiKeyWrite(context.controlPlane.tableName, record)],
    // A replayed create never shows the secret again.
    response: { status: 201, body: { ...view, secret: null, secretRedacted: true } },
  }, 'create');
  return { ...view, secret };
}
