/** Wires the HTTP apps for a local run or a test: DynamoDB Local, local keys, local scheduler. */
import type { AppDeps, OidcSettings, StructuredLogger } from '../http/appDeps';
import { createLocalDataKeyProvider, withDataKeyCache } from '../crypto/dataKeys';
import { createDocumentClient, createDynamoClient } from '../store/dynamoClient';
import { createMemoryTransport } from '../mail/memoryTransport';
import type { MailTransport } from '../mail/mailTransport';
import { createOutboxTransport } from '../mail/outboxTransport';
import { createLocalDeadlineScheduler, type LocalDeadlineScheduler } from './localDeadlineScheduler';

export interface LocalDepsOptions {
  endpoint: string;
  controlPlaneTable: string;
  tenantTablePrefix: string;
  masterKey: Buffer;
  cursorSecret: Buffer;
  logger: StructuredLogger;
  publicBaseUrl: string;
  consoleBaseUrl?: string;
  oidc?: OidcSettings;
  clock?: () => Date;
  bodyLimitBytes?: number;
  /** Reminder e-mails are written here as .eml files; without it they are kept in memory. */
  outboxDir?: string;
  /** Overrides the transport (tests pass a failing or mocked one). */
  mailer?: MailTransport;
}

export function createLocalDeps(options: LocalDepsOptions): AppDeps & { deadlineScheduler: LocalDeadlineScheduler } {
  const dynamo = createDynamoClient({ endpoint: options.endpoint, region: 'ap-northeast-1' });
  const doc = createDocumentClient(dynamo);
  return {
    dynamo,
    controlPlane: { doc, tableName: options.controlPlaneTable },
    // Locally one client serves every table; in AWS each tenant gets scoped credentials.
    tenantDocumentClient: async () => doc,
    clock: options.clock ?? (() => new Date()),
    cursorSecret: options.cursorSecret,
    oidc: options.oidc,
    dataKeys: withDataKeyCache(createLocalDataKeyProvider(options.masterKey)),
    provisioning: { tenantTablePrefix: options.tenantTablePrefix, protectData: false },
    deadlineScheduler: createLocalDeadlineScheduler(doc, options.controlPlaneTable),
    mailer: options.mailer ?? (options.outboxDir ? createOutboxTransport(options.outboxDir) : createMemoryTransport()),
    logger: options.logger,
    config: {
      consoleBaseUrl: options.consoleBaseUrl ?? `${options.publicBaseUrl}/console`,
      publicBaseUrl: options.publicBaseUrl,
      bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    },
  };
}
