/** Everything the HTTP apps need from the outside world; local and AWS wire it differently. */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DataKeyProvider } from '../crypto/dataKeys';
import type { MailTransport } from '../mail/mailTransport';
import type { ProvisioningOptions } from '../store/tenantTableProvisioning';
import type { DeadlineScheduler, StructuredLogger } from '../application/ports';
import type { RateLimitSettings } from './rateLimit';
import type { ObjectStore } from '../storage/objectStore';

export type { DeadlineSchedule, DeadlineScheduler, StructuredLogger } from '../application/ports';

export interface OidcSettings {
  /** Where the identity provider publishes its signing keys. */
  jwksUrl: string;
  issuer: string;
  audience: string;
  tenantClaim: string;
  roleClaim: string;
  scopeClaim: string;
}

/** Failed-authentication budgets (defaults and policy in http/authThrottle.ts). */
export interface AuthThrottleLimits {
  /** Failed attempts per client address per window before the address is blocked. */
  failuresPerAddress: number;
  /** Failed attempts per API key id per window before wrong secrets get 429. */
  failuresPerKeyId: number;
  windowSeconds: number;
}

/**
 * Starts building an inspection pack whose job is already written (functions/inspectionPacks/):
 * in-process locally, an asynchronous Lambda invoke in AWS. Only the deployments that serve the
 * inspection-pack routes wire it.
 */
export interface InspectionPackBuilds {
  start(request: { tenantId: string; inspectionPackId: string }): Promise<void>;
}

export interface AppDeps {
  dynamo: DynamoDBClient;
  controlPlane: { doc: DynamoDBDocumentClient; tableName: string };
  /** A client allowed to reach only this tenant's table (STS session policy in AWS). */
  tenantDocumentClient(tenantId: string): Promise<DynamoDBDocumentClient>;
  clock: () => Date;
  cursorSecret: Buffer;
  oidc?: OidcSettings;
  dataKeys: DataKeyProvider;
  provisioning: ProvisioningOptions;
  deadlineScheduler: DeadlineScheduler;
  /** Reminder e-mail: the local outbox folder, SES v2 in AWS (functions/mail/). */
  mailer: MailTransport;
  /** Evidence files: a folder under .local/ locally, the evidence S3 bucket in AWS (functions/storage/). */
  objectStore: ObjectStore;
  /** Inspection-pack builds (see InspectionPackBuilds); absent where the routes are not served. */
  inspectionPackBuilds?: InspectionPackBuilds;
  logger: StructuredLogger;
  config: {
    consoleBaseUrl: string;
    publicBaseUrl: string;
    bodyLimitBytes: number;
    /** Failed-authentication budgets (defaults in http/authThrottle.ts). */
    authThrottle?: AuthThrottleLimits;
    /**
     * Webhook delivery (functions/webhooks): local mode allows http://localhost URLs and private
     * addresses (never a metadata address); absent in AWS, where only public https endpoints are called.
     */
    webhooks?: { localMode: boolean; timeoutMs?: number };
    /** Requests per credential (defaults and env overrides in http/rateLimit.ts). */
    rateLimit?: RateLimitSettings;
    /** Browser origins of the console allowed by CORS (default: PDPA_CONSOLE_ORIGINS, none if unset). */
    consoleOrigins?: readonly string[];
  };
}
