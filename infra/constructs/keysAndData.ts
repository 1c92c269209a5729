/**
 * Keys and the control plane. Tenant tables are NOT defined here: the onboarding code creates
 * them (the same code path as locally) with the same settings — KMS, PITR, deletion protection,
 * tags — and every function's IAM is limited to table names under the tenant prefix.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { controlPlaneIndexes } from '../../functions/store/tableDesign';

export interface KeysAndDataProps {
  stage: string;
  retainData: boolean;
}

export class KeysAndData extends Construct {
  readonly tableKey: kms.Key;
  readonly dataKeysKey: kms.Key;
  readonly controlPlane: dynamodb.TableV2;
  readonly cursorSecret: secretsmanager.Secret;
  /** Per-credential request budgets shared by every Lambda instance (functions/http/rateLimit.ts). */
  readonly rateLimits: dynamodb.TableV2;
  readonly tenantTablePrefix: string;

  constructor(scope: Construct, id: string, props: KeysAndDataProps) {
    super(scope, id);
    const removalPolicy = props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.tenantTablePrefix = `pdpa-${props.stage}-tenant-`;

    this.tableKey = new kms.Key(this, 'TableKey', {
      description: 'Encrypts the control-plane and every tenant table',
      enableKeyRotation: true,
      removalPolicy,
    });
    this.dataKeysKey = new kms.Key(this, 'DataKeysKey', {
      description: "Wraps each tenant's data key for field-level encryption of data subjects' identifiers",
      enableKeyRotation: true,
      removalPolicy,
    });

    this.controlPlane = new dynamodb.TableV2(this, 'ControlPlane', {
      tableName: `pdpa-${props.stage}-control-plane`,
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(this.tableKey),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: 'expiresAtEpoch',
      removalPolicy,
      // Index names and keys come from the store's own declaration, not a second copy.
      globalSecondaryIndexes: Object.values(controlPlaneIndexes).map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.pk, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sk, type: dynamodb.AttributeType.STRING },
      })),
    });

    // rate-limiter-flexible's RateLimiterDynamo layout: partition key `key`, TTL on `expire`.
    // Counters only: nothing to restore, so it is destroyed with the stack.
    this.rateLimits = new dynamodb.TableV2(this, 'RateLimits', {
      tableName: `pdpa-${props.stage}-rate-limits`,
      partitionKey: { name: 'key', type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(this.tableKey),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: 'expire',
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.cursorSecret = new secretsmanager.Secret(this, 'CursorSigningSecret', {
      description: 'HMAC key that signs pagination cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy,
    });
  }
}

export const LOG_RETENTION_DAYS = { dev: 30, prod: 400 } as const;
export const SCHEDULE_RETRY = { maximumRetryAttempts: 5, maximumEventAge: Duration.hours(6) } as const;
