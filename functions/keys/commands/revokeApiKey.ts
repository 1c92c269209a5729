/** A tenant's owner revokes one of its API keys; revoking a revoked key changes nothing. */
import { mutationScopeOf, type TenantCommandContext } from '../../application/commandContext';
import { commitChange } from '../../application/versionedChange';
import { EntityNotFoundError } from '../../store/entityModel';
import type { TableRef } from '../../store/tableRef';
import { toApiKeyView } from '../apiKeyModel';
import { getApiKey, revokeApiKeyWrite } from '../apiKeyStore';

export async function revokeApiKey(context: TenantCommandContext, controlPlane: TableRef, keyId: string) {
  const key = await getApiKey(controlPlane, keyId);
  // Another tenant's key is indistinguishable from a missing one.
  if (!key || key.tenantId !== context.tenantId) throw new EntityNotFoundError({ zhTW: '此 API 金鑰', en: 'API key' });
  if (key.revokedAt) return toApiKeyView(key);
  const now = context.clock().toISOString();
  const revoked = { ...key, revokedAt: now, version: key.version + 1 };
  await commitChange({ ...mutationScopeOf(context), doc: controlPlane.doc }, {
    changes: [{ action: 'apiKey.revoke', resourceType: 'apiKey', resourceId: key.keyId, before: toApiKeyView(key), after: toApiKeyView(revoked) }],
    writes: [revokeApiKeyWrite(controlPlane.tableName, key, now)],
    response: { status: 200, body: toApiKeyView(revoked) },
  });
  return toApiKeyView(revoked);
}
