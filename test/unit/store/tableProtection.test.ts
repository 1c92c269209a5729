/**
 * Production tables are protected: a provisioned tenant table gets deletion protection in its
 * definition and PITR turned on right after creation; a point-in-time restore goes to a NEW table
 * that is protected again. DynamoDB Local has no continuous backups or PITR restore, so these AWS
 * calls are checked with aws-sdk-client-mock (the data path itself is tested against DynamoDB
 * Local in test/integration/platform/tableRestore.test.ts).
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  RestoreTableToPointInTimeCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { restoreToPointInTime } from '../../../functions/platform/tableRestore';
import { provisionTenantTable, tenantTableDefinition } from '../../../functions/store/tenantTableProvisioning';

const dynamo = mockClient(DynamoDBClient);
const TENANT = `tn_${'a'.repeat(26)}`;

beforeEach(() => {
  dynamo.reset();
  dynamo.on(CreateTableCommand).resolves({});
  dynamo.on(DescribeTableCommand).resolves({ Table: { TableStatus: 'ACTIVE' } });
  dynamo.on(UpdateTimeToLiveCommand).resolves({});
  dynamo.on(UpdateContinuousBackupsCommand).resolves({});
  dynamo.on(UpdateTableCommand).resolves({});
  dynamo.on(RestoreTableToPointInTimeCommand).resolves({});
});

describe('tenant table protection', () => {
  it('a protected definition has deletion protection; an unprotected one (local) does not', () => {
    expect(tenantTableDefinition('t', { tenantTablePrefix: '', protectData: true }).DeletionProtectionEnabled).toBe(true);
    expect(tenantTableDefinition('t', { tenantTablePrefix: '', protectData: false }).DeletionProtectionEnabled).toBeUndefined();
  });

  it('provisioning with protectData turns PITR on for the new table', async () => {
    const tableName = await provisionTenantTable(new DynamoDBClient({}), TENANT, { tenantTablePrefix: 'pdpa-prod-tenant-', protectData: true });
    const calls = dynamo.commandCalls(UpdateContinuousBackupsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0].input).toEqual({ TableName: tableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
  });

  it('provisioning without protectData (local) leaves backups alone', async () => {
    await provisionTenantTable(new DynamoDBClient({}), TENANT, { tenantTablePrefix: 'local-', protectData: false });
    expect(dynamo.commandCalls(UpdateContinuousBackupsCommand)).toHaveLength(0);
  });
});

describe('point-in-time restore', () => {
  it('restores into a new table and protects it again (PITR and deletion protection are not inherited)', async () => {
    const at = new Date('2026-12-01T03:00:00Z');
    await restoreToPointInTime(new DynamoDBClient({}), 'pdpa-prod-tenant-x', 'pdpa-prod-tenant-x-restored', at);
    expect(dynamo.commandCalls(RestoreTableToPointInTimeCommand)[0].args[0].input).toEqual({ SourceTableName: 'pdpa-prod-tenant-x', TargetTableName: 'pdpa-prod-tenant-x-restored', RestoreDateTime: at });
    expect(dynamo.commandCalls(UpdateContinuousBackupsCommand)[0].args[0].input.TableName).toBe('pdpa-prod-tenant-x-restored');
    expect(dynamo.commandCalls(UpdateTableCommand)[0].args[0].input).toEqual({ TableName: 'pdpa-prod-tenant-x-restored', DeletionProtectionEnabled: true });
  });
});
