/** Wires the HTTP apps inside Lambda from environment variables set by the CDK stack. */
import { KMSClient } from '@aws-sdk/client-kms';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { STSClient } from '@aws-sdk/client-sts';
import type { AppDeps, StructuredLogger } from '../http/appDeps';
import { createKmsDataKeyProvider, withDataKeyCache } from '../crypto/dataKeys';
import { createDocumentClient, createDynamoClient } from '../store/dynamoClient';
import { DEFAULT_FROM } from '../mail/mailTransport';
import { createSesTransport } from '../mail/sesTransport';
import { createEventBridgeDeadlineScheduler } from './eventBridgeDeadlineScheduler';
import { createTenantScopedClients } from './tenantScopedCredentials';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

export async function createAwsDeps(logger: StructuredLogger): Promise<AppDeps> {
  const region = required('AWS_REGION');
  const dynamo = createDynamoClient({ region });
  const doc = createDocumentClient(dynamo);
  const secret = await new SecretsManagerClient({ region }).send(new GetSecretValueCommand({ SecretId: required('CURSOR_SECRET_ARN') }));
  const tenantTablePrefix = required('TENANT_TABLE_PREFIX');
  return {
    dynamo,
    controlPlane: { doc, tableName: required('CONTROL_PLANE_TABLE') },
    tenantDocumentClient: createTenantScopedClients(new STSClient({ region }), {
      roleArn: required('TENANT_ACCESS_ROLE_ARN'),
      region,
      accountId: required('AWS_ACCOUNT_ID'),
      tenantTablePrefix,
    }),
    clock: () => new Date(),
    cursorSecret: Buffer.from(secret.SecretString ?? '', 'utf8'),
    oidc: process.env.OIDC_JWKS_URL
      ? {
          jwksUrl: process.env.OIDC_JWKS_URL,
          issuer: required('OIDC_ISSUER'),
          audience: required('OIDC_AUDIENCE'),
          tenantClaim: process.env.OIDC_TENANT_CLAIM ?? 'tenant_id',
          roleClaim: process.env.OIDC_ROLE_CLAIM ?? 'pdpa_role',
          scopeClaim: process.env.OIDC_SCOPE_CLAIM ?? 'scope',
        }
      : undefined,
    dataKeys: withDataKeyCache(createKmsDataKeyProvider(new KMSClient({ region }), required('DATA_KEY_KMS_KEY_ARN'))),
    provisioning: { tenantTablePrefix, protectData: true, kmsKeyArn: required('TABLE_KMS_KEY_ARN'), tags: { stage: process.env.STAGE ?? 'dev' } },
    deadlineScheduler: createEventBridgeDeadlineScheduler(new SchedulerClient({ region }), {
      groupName: required('DEADLINE_SCHEDULE_GROUP'),
      targetArn: required('DEADLINE_TARGET_ARN'),
      roleArn: required('SCHEDULER_ROLE_ARN'),
      deadLetterQueueArn: process.env.SCHEDULER_DLQ_ARN,
    }),
    mailer: createSesTransport(new SESv2Client({ region }), {
      from: { name: process.env.SES_FROM_NAME ?? DEFAULT_FROM.name, email: required('SES_FROM_ADDRESS') },
      configurationSetName: process.env.SES_CONFIGURATION_SET,
    }),
    logger,
    config: {
      consoleBaseUrl: process.env.CONSOLE_BASE_URL ?? required('PUBLIC_BASE_URL'),
      publicBaseUrl: required('PUBLIC_BASE_URL'),
      bodyLimitBytes: Number(process.env.BODY_LIMIT_BYTES ?? 1024 * 1024),
    },
  };
}
