import type { Role } from '../../../domain/access/roles';
import { commitChange } from '../../application/versionedChange';
import type { MutationScope } from '../../store/auditedCommit';
import type { TableRef } from '../../store/tableRef';
import { toApiKeyView } from '../apiKeyModel';
import { createApiKeyWrite, newApiKeyRecord } from '../apiKeyStore';

export interface ApiKeyIssue {
  tenantId: string;
  name: string;
  role: Role;
  scopes: string[];
  expiresAt?: string;
}

/**
 * Writes a new key row to the control plane with its audit event on the given chain (the
 * tenant's when its owner creates it, the platform's when the operator issues it).
 * The secret is returned once; a replayed create never shows it again.
 */
export async function issueApiKey(scope: MutationScope, controlPlane: TableRef, input: ApiKeyIssue, createdBy: string, now: Date) {
  const { record, secret } = newApiKeyRecord({
    tenantId: input.tenantId,
    role: input.role,
    name: input.name,
    scopes: input.scopes,
    expiresAt: input.expiresAt ?? null,
    createdBy,
    now,
  });
  const view = toApiKeyView(record);
  await commitChange(scope, {
    changes: [{ action: 'apiKey.create', resourceType: 'apiKey', resourceId: record.keyId, before: null, after: view }],
    writes: [createApiKeyWrite(controlPlane.tableName, record)],
    response: { status: 201, body: { ...view, secret: null, secretRedacted: true } },
  }, 'create');
  return { ...view, secret };
}
