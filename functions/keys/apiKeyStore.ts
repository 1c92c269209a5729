/**
 * API keys live in the control plane (they are how a request finds its tenant):
 *   get by key id .......... PK=APIKEY#<keyId> SK=KEY
 *   list a tenant's keys ... GSI byResource gsi1pk=KEYS#<tenantId|PLATFORM> gsi1sk=<keyId>
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../domain/access/roles';
import type { ApiKeyRecord } from '../store/controlPlaneRecords';
import { commitAudited, type MutationScope, type TransactItem } from '../store/auditedCommit';
import { controlPlaneIndexes, tenantKeys } from '../store/tableDesign';
import { issueApiKey } from './apiKeyCredentials';
import { toApiKeyView } from './apiKeyModel';

function ownerPartition(tenantId: string | null): string {
  return `KEYS#${tenantId ?? 'PLATFORM'}`;
}

export function apiKeyItem(record: ApiKeyRecord): Record<string, unknown> {
  return { ...tenantKeys.apiKey(record.keyId), entity: 'ApiKey', ...record, gsi1pk: ownerPartition(record.tenantId), gsi1sk: record.keyId };
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

/** Creates a key (audited in the control-plane chain); the response carries the secret once. */
export async function createApiKey(scope: MutationScope, input: Parameters<typeof newApiKeyRecord>[0]) {
  const { record, secret } = newApiKeyRecord(input);
  const view = { ...toApiKeyView(record), secret };
  await commitAudited(scope, {
    changes: [{ action: 'apiKey.create', resourceType: 'apiKey', resourceId: record.keyId, before: null, after: toApiKeyView(record) }],
    writes: [{ Put: { TableName: scope.tableName, Item: apiKeyItem(record), ConditionExpression: 'attribute_not_exists(pk)' } }],
    // A replayed create never shows the secret again.
    response: { status: 201, body: { ...view, secret: null, secretRedacted: true } },
  });
  return view;
}

export async function getApiKey(doc: DynamoDBDocumentClient, tableName: string, keyId: string): Promise<ApiKeyRecord | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: tenantKeys.apiKey(keyId), ConsistentRead: true }));
  return Item as ApiKeyRecord | undefined;
}

export async function listApiKeys(doc: DynamoDBDocumentClient, tableName: string, tenantId: string | null, limit: number, startKey?: Record<string, unknown>) {
  const index = controlPlaneIndexes.byResource;
  const result = await doc.send(new QueryCommand({
    TableName: tableName,
    IndexName: index.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': index.pk },
    ExpressionAttributeValues: { ':pk': ownerPartition(tenantId) },
    Limit: limit,
    ExclusiveStartKey: startKey,
  }));
  return { items: (result.Items ?? []) as ApiKeyRecord[], lastKey: result.LastEvaluatedKey };
}

export function revokeApiKeyWrite(tableName: string, record: ApiKeyRecord, revokedAt: string): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: apiKeyItem({ ...record, revokedAt, version: record.version + 1 }),
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': record.version },
    },
  };
}
