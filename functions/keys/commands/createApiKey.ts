/**
 * A tenant's owner creates an API key. The key row goes to the control plane, its audit event
 * to the tenant's own chain — one transaction (through the control-plane client, which reaches
 * both tables).
 */
import type { Role } from '../../../domain/access/roles';
import { mutationScopeOf, type TenantCommandContext } from '../../application/commandContext';
import { commitChange } from '../../application/versionedChange';
import type { TableRef } from '../../store/tableRef';
import { toApiKeyView } from '../apiKeyModel';
import { createApiKeyWrite, newApiKeyRecord } from '../apiKeyStore';

export async function createApiKey(
  context: TenantCommandContext,
  controlPlane: TableRef,
  input: { name: string; role: Role; scopes: string[]; expiresAt?: string },
) {
  const { record, secret } = newApiKeyRecord({
    tenantId: context.tenantId,
    role: input.role,
    name: input.name,
    scopes: input.scopes,
    expiresAt: input.expiresAt ?? null,
    createdBy: context.actor.actorId,
    now: context.clock(),
  });
  const view = toApiKeyView(record);
  await commitChange({ ...mutationScopeOf(context), doc: controlPlane.doc }, {
    changes: [{ action: 'apiKey.create', resourceType: 'apiKey', resourceId: record.keyId, before: null, after: view }],
    writes: [createApiKeyWrite(controlPlane.tableName, record)],
    // A replayed create never shows the secret again.
    response: { status: 201, body: { ...view, secret: null, secretRedacted: true } },
  }, 'create');
  return { ...view, secret };
}
