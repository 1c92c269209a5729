/**
 * Control-plane persistence for tenants and onboarding/offboarding. Keys and access patterns:
 * platformEntities.ts.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { canonicalJson, sha256Hex } from '../../domain/audit/auditChain';
import type { TenantStatus } from '../../domain/tenant/tenantLifecycle';
import type { MutationScope, TransactItem } from '../store/auditedCommit';
import type { TenantRecord } from '../store/controlPlaneRecords';
import { getEntity, queryAll, queryPage, putEntityWrite, type ListBinding, type PageRequest } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { commitChange } from '../application/versionedChange';
import { platformAccess, platformKeys, tenantDirectoryKeys } from './platformEntities';
import { toTenantView } from './tenantModel';

export { tenantDirectoryKeys };

export async function getTenant(controlPlane: TableRef, tenantId: string): Promise<TenantRecord | undefined> {
  return getEntity<TenantRecord>(controlPlane, platformKeys.tenant(tenantId));
}

/** One page of tenants in creation order, as views. */
export async function listTenants(controlPlane: TableRef, filter: { status?: TenantStatus }, page: PageRequest, list: ListBinding) {
  return queryPage(controlPlane, platformAccess.tenantsInCreationOrder(filter.status), page, list, (item) => toTenantView(item as unknown as TenantRecord));
}

/** Every active tenant, for the daily sweep (a Query on the directory index, never a Scan). */
export async function* activeTenants(controlPlane: TableRef): AsyncGenerator<TenantRecord> {
  yield* (await queryAll(controlPlane, platformAccess.tenantsInCreationOrder('active'))).items as unknown as TenantRecord[];
}

export function putTenantWrite(tableName: string, record: TenantRecord, expectedVersion: number | null): TransactItem {
  return putEntityWrite(tableName, { ...platformKeys.tenant(record.tenantId), entity: 'Tenant', ...record, ...tenantDirectoryKeys(record) }, expectedVersion);
}

/** One tenant per 統一編號: a claim item written with the tenant in the same transaction. */
export function claimTaxIdWrite(tableName: string, taxId: string, tenantId: string): TransactItem {
  return { Put: { TableName: tableName, Item: { ...platformKeys.taxIdClaim(taxId), entity: 'TaxIdClaim', tenantId }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/**
 * Commits a tenant change on the platform chain; a stale or lost write is StaleVersionError
 * (create: AlreadyExistsError).
 */
export async function saveTenant(scope: MutationScope, before: TenantRecord | null, after: TenantRecord, action: string, extraWrites: TransactItem[] = [], response?: { status: number; body: unknown }) {
  return commitChange(scope, {
    changes: [{ action, resourceType: 'tenant', resourceId: after.tenantId, before: before && redactKey(before), after: redactKey(after) }],
    writes: [putTenantWrite(scope.tableName, after, before ? before.version : null), ...extraWrites],
    response,
  }, before ? 'update' : 'create');
}

function redactKey(record: TenantRecord) {
  const { wrappedDataKey: _omit, ...rest } = record;
  return rest;
}

export interface TenantArchive {
  format: 'pdpa-tenant-archive/v1';
  tenantId: string;
  exportedAt: string;
  itemCount: number;
  /** SHA-256 of the canonical JSON of `items`; offboarding requires it back. */
  itemsSha256: string;
  /**
   * Data subjects' identifiers stay encrypted in `items` (AES-256-GCM, IV.ciphertext.tag in
   * base64url, AAD `<tenantId>|<field>`) under the tenant's data key, given here wrapped (by KMS
   * with encryption context {tenantId}, or by the local master key), so whoever holds the
   * archive and the key access can still read them after the table is gone.
   */
  encryption: { scheme: 'AES-256-GCM'; aad: '<tenantId>|<field>'; wrappedDataKey: string };
  items: Record<string, unknown>[];
}

/**
 * Reads the whole tenant table for the offboarding archive. This is the one Scan in the
 * product: an export must enumerate every partition, and it only runs for a suspended tenant
 * on an operator's request, never on a tenant's request path.
 */
export async function exportTenantTable(table: TableRef, tenantId: string, exportedAt: string, wrappedDataKey: string): Promise<TenantArchive> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  items.sort((a, b) => (`${a.pk}|${a.sk}` < `${b.pk}|${b.sk}` ? -1 : 1));
  return {
    format: 'pdpa-tenant-archive/v1',
    tenantId,
    exportedAt,
    itemCount: items.length,
    itemsSha256: sha256Hex(canonicalJson(items)),
    encryption: { scheme: 'AES-256-GCM', aad: '<tenantId>|<field>', wrappedDataKey },
    items,
  };
}
