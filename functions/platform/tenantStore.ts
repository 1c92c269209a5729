/**
 * Control-plane persistence for tenants and onboarding/offboarding. Access patterns are in
 * ../store/tableDesign.ts.
 */
import { GetCommand, QueryCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { canonicalJson, sha256Hex } from '../../domain/audit/auditChain';
import type { TenantStatus } from '../../domain/tenant/tenantLifecycle';
import { commitAudited, type MutationScope, type TransactItem } from '../store/auditedCommit';
import { controlPlaneIndexes, tenantKeys } from '../store/tableDesign';
import type { TenantRecord } from '../store/controlPlaneRecords';

export function tenantDirectoryKeys(record: Pick<TenantRecord, 'tenantId' | 'status'>) {
  return { gsi1pk: 'TENANTS', gsi1sk: record.tenantId, tenantStatus: record.status };
}

export async function getTenant(doc: DynamoDBDocumentClient, tableName: string, tenantId: string): Promise<TenantRecord | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: tenantKeys.tenant(tenantId), ConsistentRead: true }));
  return Item as TenantRecord | undefined;
}

export async function listTenants(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: { limit: number; startKey?: Record<string, unknown>; status?: TenantStatus },
) {
  const index = controlPlaneIndexes.byResource;
  const result = await doc.send(new QueryCommand({
    TableName: tableName,
    IndexName: index.name,
    KeyConditionExpression: '#pk = :pk',
    ...(options.status ? { FilterExpression: 'tenantStatus = :status' } : {}),
    ExpressionAttributeNames: { '#pk': index.pk },
    ExpressionAttributeValues: { ':pk': 'TENANTS', ...(options.status ? { ':status': options.status } : {}) },
    Limit: options.limit,
    ExclusiveStartKey: options.startKey,
  }));
  return { items: (result.Items ?? []) as TenantRecord[], lastKey: result.LastEvaluatedKey };
}

/** Every active tenant, for the daily sweep (a Query on the directory index, never a Scan). */
export async function* activeTenants(doc: DynamoDBDocumentClient, tableName: string): AsyncGenerator<TenantRecord> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await listTenants(doc, tableName, { limit: 100, startKey, status: 'active' });
    yield* page.items;
    startKey = page.lastKey;
  } while (startKey);
}

export function putTenantWrite(tableName: string, record: TenantRecord, expectedVersion: number | null): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...tenantKeys.tenant(record.tenantId), entity: 'Tenant', ...record, ...tenantDirectoryKeys(record) },
      ...(expectedVersion === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
    },
  };
}

/** One tenant per 統一編號: a claim item written with the tenant in the same transaction. */
export function claimTaxIdWrite(tableName: string, taxId: string, tenantId: string): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { pk: `TAXID#${taxId}`, sk: 'CLAIM', entity: 'TaxIdClaim', tenantId },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function saveTenant(scope: MutationScope, before: TenantRecord | null, after: TenantRecord, action: string, extraWrites: TransactItem[] = [], response?: { status: number; body: unknown }) {
  return commitAudited(scope, {
    changes: [{ action, resourceType: 'tenant', resourceId: after.tenantId, before: before && redactKey(before), after: redactKey(after) }],
    writes: [putTenantWrite(scope.tableName, after, before ? before.version : null), ...extraWrites],
    response,
  });
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
export async function exportTenantTable(doc: DynamoDBDocumentClient, tableName: string, tenantId: string, exportedAt: string, wrappedDataKey: string): Promise<TenantArchive> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
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
