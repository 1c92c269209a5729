/**
 * Per-request least privilege in AWS: the function assumes a role with a session policy that
 * names the calling tenant's table only, so a bug in one handler cannot reach another tenant's
 * table even though the function's own role may touch every table under the prefix.
 */
import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../store/dynamoClient';
import { tenantTableName } from '../store/tableDesign';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const TENANT_DATA_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
] as const;

export interface TenantAccessSettings {
  roleArn: string;
  region: string;
  accountId: string;
  tenantTablePrefix: string;
}

/** The session policy: the tenant's table and its indexes, nothing else. */
export function tenantSessionPolicy(settings: TenantAccessSettings, tenantId: string): string {
  const tableArn = `arn:aws:dynamodb:${settings.region}:${settings.accountId}:table/${tenantTableName(settings.tenantTablePrefix, tenantId)}`;
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'OwnTenantTableOnly', Effect: 'Allow', Action: [...TENANT_DATA_ACTIONS], Resource: [tableArn, `${tableArn}/index/*`] }],
  });
}

export function createTenantScopedClients(sts: STSClient, settings: TenantAccessSettings) {
  const cache = new Map<string, { client: DynamoDBDocumentClient; expiresAt: number }>();
  return async function tenantDocumentClient(tenantId: string): Promise<DynamoDBDocumentClient> {
    const cached = cache.get(tenantId);
    // Refresh five minutes before the session ends.
    if (cached && cached.expiresAt - Date.now() > 5 * 60_000) return cached.client;
    const assumed = await sts.send(new AssumeRoleCommand({
      RoleArn: settings.roleArn,
      RoleSessionName: `tenant-${tenantId}`.slice(0, 64),
      Policy: tenantSessionPolicy(settings, tenantId),
      DurationSeconds: 3600,
      Tags: [{ Key: 'tenantId', Value: tenantId }],
    }));
    const credentials = assumed.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) throw new Error('STS returned no credentials');
    const client = createDocumentClient(new DynamoDBClient({
      region: settings.region,
      credentials: { accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken },
    }));
    cache.set(tenantId, { client, expiresAt: credentials.Expiration?.getTime() ?? Date.now() + 3600_000 });
    return client;
  };
}
