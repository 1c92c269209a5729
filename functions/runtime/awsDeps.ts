/** Wires the HTTP apps inside Lambda from environment variables set by the CDK stack. */
import { KMSClient } from '@aws-sdk/client-kms';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient } from '@aws-sdk/client-sts';
import type { AppDeps, StructuredLogger } from '../http/appDeps';
import { createKmsDataKeyProvider, withDataKeyCache } from '../crypto/dataKeys';
import { createDocumentClient, createDynamoClient } from '../store/dynamoClient';
import { DEFAULT_FROM, type MailTransport } from '../mail/mailTransport';
import { createEventBridgeDeadlineScheduler } from './eventBridgeDeadlineScheduler';
import { createTenantScopedClients } from './tenantScopedCredentials';
import { unconfiguredObjectStore, type ObjectStore } from '../storage/objectStore';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

export interface AwsDepsOptions {
  /**
   * How this Lambda sends reminder mail. Only the sweep and the deadline handler send mail
   * (functions/mail/sesMailer.ts); the API Lambdas leave it out, so the SES client is not in
   * their bundles, and a send from them is a programming error.
   */
  mailer?: (region: string) => MailTransport;
  /**
   * The evidence bucket's store (functions/storage/s3ObjectStore.ts), for the Lambdas that keep
   * evidence or build inspection packs; the others leave it out, so the S3 client (~160 KB) is
   * not in their bundles.
   */
  objectStore?: (region: string) => ObjectStore;
}

/** The mailer of a Lambda that sends no mail. */
function noMailer(): MailTransport {
  return {
    kind: 'ses',
    from: DEFAULT_FROM,
    messageIdDomain: 'invalid',
    send: () => Promise.reject(new Error('this Lambda sends no mail (createAwsDeps without a mailer)')),
  };
}

export async function createAwsDeps(logger: StructuredLogger, options: AwsDepsOptions = {}): Promise<AppDeps> {
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
    mailer: options.mailer ? options.mailer(region) : noMailer(),
    objectStore: options.objectStore ? options.objectStore(region) : unconfiguredObjectStore(),
    logger,
    config: {
      consoleBaseUrl: process.env.CONSOLE_BASE_URL ?? required('PUBLIC_BASE_URL'),
      publicBaseUrl: required('PUBLIC_BASE_URL'),
      bodyLimitBytes: Number(process.env.BODY_LIMIT_BYTES ?? 1024 * 1024),
    },
  };
}
