/**
 * API keys in the control plane. Keys and access patterns: keyEntities.ts.
 */
import type { Role } from '../../domain/access/roles';
import type { ApiKeyRecord } from '../store/controlPlaneRecords';
import type { TransactItem } from '../store/auditedCommit';
import { getEntity, putEntityWrite, queryAll, queryPage, type ListBinding, type PageRequest } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { issueApiKey } from '../crypto/apiKeyCredentials';
import { toApiKeyView } from './apiKeyModel';
import { apiKeyAccess, apiKeyIndexKeys, apiKeyKeys } from './keyEntities';

export function apiKeyItem(record: ApiKeyRecord): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return { ...apiKeyKeys.apiKey(record.keyId), entity: 'ApiKey', ...record, ...apiKeyIndexKeys(record) };
}

export function newApiKeyRecord(input: { tenantId: string | null; role: Role; name: string; scopes: string[]; expiresAt?: string | null; createdBy: string; now: Date }) {
  const issued = issueApiKey();
  const record: ApiKeyRecord = {
    keyId: issued.keyId,
    prefix: issued.prefix,
    name: input.name,
    tenantId: input.tenantId,
    role: input.role,
    scopes: input.scopes,
    secretHash: issued.secretHash,
    createdAt: input.now.toISOString(),
    createdBy: input.createdBy,
    expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
    revokedAt: null,
    lastUsedAt: null,
    version: 1,
  };
  return { record, secret: issued.secret };
}

export function createApiKeyWrite(tableName: string, record: ApiKeyRecord): TransactItem {
  return putEntityWrite(tableName, apiKeyItem(record), null);
}

export async function getApiKey(controlPlane: TableRef, keyId: string): Promise<ApiKeyRecord | undefined> {
  return getEntity<ApiKeyRecord>(controlPlane, apiKeyKeys.apiKey(keyId));
}

/** One page of a tenant's keys, as views (never their secrets). */
export async function listApiKeys(controlPlane: TableRef, tenantId: string | null, page: PageRequest, list: ListBinding) {
  return queryPage(controlPlane, apiKeyAccess.keysOfOwner(tenantId), page, list, (item) => toApiKeyView(item as unknown as ApiKeyRecord));
}

/** Every key of a tenant (offboarding revokes them all). */
export async function allApiKeys(controlPlane: TableRef, tenantId: string): Promise<ApiKeyRecord[]> {
  return (await queryAll(controlPlane, apiKeyAccess.keysOfOwner(tenantId))).items as unknown as ApiKeyRecord[];
}

export function revokeApiKeyWrite(tableName: string, record: ApiKeyRecord, revokedAt: string): TransactItem {
  return putEntityWrite(tableName, apiKeyItem({ ...record, revokedAt, version: record.version + 1 }), record.version);
}
