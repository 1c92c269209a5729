/**
 * First-start bootstrap: the control-plane table and one platform-operator key. The key is
 * created at most once (a marker row with a condition), so its secret is printed only on the
 * very first start.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { apiKeyItem, newApiKeyRecord } from '../keys/apiKeyStore';
import { commitAudited, WriteConflictError } from '../store/auditedCommit';
import { newId } from '../store/ids';
import { controlPlaneTableDefinition, ensureTable } from '../store/tenantTableProvisioning';

export async function ensureControlPlane(client: DynamoDBClient, tableName: string): Promise<void> {
  await ensureTable(client, controlPlaneTableDefinition(tableName));
}

/** Returns the new key's secret, or null when an operator key was bootstrapped before. */
export async function bootstrapPlatformOperator(doc: DynamoDBDocumentClient, tableName: string, now: () => Date): Promise<string | null> {
  const marker = { pk: 'BOOTSTRAP', sk: 'PLATFORM_OPERATOR' };
  const existing = await doc.send(new GetCommand({ TableName: tableName, Key: marker, ConsistentRead: true }));
  if (existing.Item) return null;
  const { record, secret } = newApiKeyRecord({ tenantId: null, role: 'platformOperator', name: 'bootstrap operator', scopes: [], createdBy: 'system:bootstrap', now: now() });
  try {
    await commitAudited(
      { doc, tableName, actor: { actorId: 'system:bootstrap', role: 'system' }, requestId: newId('req'), now },
      {
        changes: [{ action: 'apiKey.create', resourceType: 'apiKey', resourceId: record.keyId, before: null, after: { role: record.role, prefix: record.prefix } }],
        writes: [
          { Put: { TableName: tableName, Item: { ...marker, keyId: record.keyId, at: now().toISOString() }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: tableName, Item: apiKeyItem(record), ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      },
    );
  } catch (error) {
    if (error instanceof WriteConflictError) return null;
    throw error;
  }
  return secret;
}
