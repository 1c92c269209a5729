/**
 * Creates and deletes a tenant's own table. The same code runs locally (DynamoDB Local) and in
 * AWS; AWS-only settings (KMS encryption, PITR, deletion protection, tags) are switched on by
 * configuration because DynamoDB Local does not implement all of them.
 */
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { controlPlaneIndexes, tenantTableIndexes, TTL_ATTRIBUTE, tenantTableName } from './tableDesign';

export interface ProvisioningOptions {
  /** Tenant tables are `<prefix><tenantId>`. */
  tenantTablePrefix: string;
  /** AWS: customer-managed KMS key for table encryption. */
  kmsKeyArn?: string;
  /** AWS: point-in-time recovery and deletion protection. */
  protectData: boolean;
  tags?: Record<string, string>;
}

function indexDefinition(index: { name: string; pk: string; sk: string }) {
  return {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.pk, KeyType: 'HASH' as const },
      { AttributeName: index.sk, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  };
}

/** pk/sk table with string-keyed GSIs, on demand: the shape both the tenant and control-plane tables share. */
function keyedTableDefinition(tableName: string, indexes: readonly { name: string; pk: string; sk: string }[]) {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' as const },
      { AttributeName: 'sk', KeyType: 'RANGE' as const },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' as const },
      { AttributeName: 'sk', AttributeType: 'S' as const },
      ...indexes.flatMap((index) => [
        { AttributeName: index.pk, AttributeType: 'S' as const },
        { AttributeName: index.sk, AttributeType: 'S' as const },
      ]),
    ],
    GlobalSecondaryIndexes: indexes.map(indexDefinition),
  };
}

export function tenantTableDefinition(tableName: string, options: ProvisioningOptions): CreateTableCommandInput {
  return {
    ...keyedTableDefinition(tableName, Object.values(tenantTableIndexes)),
    ...(options.kmsKeyArn ? { SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: options.kmsKeyArn } } : {}),
    ...(options.protectData ? { DeletionProtectionEnabled: true } : {}),
    ...(options.tags ? { Tags: Object.entries(options.tags).map(([Key, Value]) => ({ Key, Value })) } : {}),
  };
}

export function controlPlaneTableDefinition(tableName: string): CreateTableCommandInput {
  return keyedTableDefinition(tableName, Object.values(controlPlaneIndexes));
}

export async function waitForTable(client: DynamoDBClient, tableName: string, wanted: 'ACTIVE' | 'DELETED', timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
      const status = described.Table?.TableStatus;
      const indexesActive = (described.Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
      if (wanted === 'ACTIVE' && status === 'ACTIVE' && indexesActive) return;
    } catch (error) {
      if (error instanceof ResourceNotFoundException && wanted === 'DELETED') return;
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`table ${tableName} did not become ${wanted}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** PITR on: production tables can be restored to any second of the last 35 days. */
export function pointInTimeRecoveryOn(tableName: string) {
  return { TableName: tableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } };
}

/** Idempotent: an existing table is accepted, so a retried onboarding finishes the job. */
export async function ensureTable(client: DynamoDBClient, definition: CreateTableCommandInput, options?: { protectData?: boolean }): Promise<void> {
  try {
    await client.send(new CreateTableCommand(definition));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitForTable(client, definition.TableName!, 'ACTIVE');
  await client.send(new UpdateTimeToLiveCommand({ TableName: definition.TableName, TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } })).catch((error: Error) => {
    // Enabling TTL twice is an error in AWS; it is already on, which is what we want.
    if (!/already enabled|TimeToLive is already/i.test(error.message)) throw error;
  });
  if (options?.protectData) {
    await client.send(new UpdateContinuousBackupsCommand(pointInTimeRecoveryOn(definition.TableName!)));
  }
}

export async function provisionTenantTable(client: DynamoDBClient, tenantId: string, options: ProvisioningOptions): Promise<string> {
  const tableName = tenantTableName(options.tenantTablePrefix, tenantId);
  await ensureTable(client, tenantTableDefinition(tableName, options), { protectData: options.protectData });
  return tableName;
}

export async function deleteTenantTable(client: DynamoDBClient, tenantId: string, options: ProvisioningOptions): Promise<void> {
  const tableName = tenantTableName(options.tenantTablePrefix, tenantId);
  try {
    if (options.protectData) {
      await client.send(new UpdateTableCommand({ TableName: tableName, DeletionProtectionEnabled: false }));
    }
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await waitForTable(client, tableName, 'DELETED');
}
