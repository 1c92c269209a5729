/** Wires the HTTP apps for a local run or a test: DynamoDB Local, local keys, local scheduler. */
import type { AppDeps, OidcSettings, StructuredLogger } from '../http/appDeps';
import { createLocalDataKeyProvider, withDataKeyCache } from '../crypto/dataKeys';
import { createDocumentClient, createDynamoClient } from '../store/dynamoClient';
import { createMemoryTransport } from '../mail/memoryTransport';
import type { MailTransport } from '../mail/mailTransport';
import { createOutboxTransport } from '../mail/outboxTransport';
import { join, resolve } from 'node:path';
import { createLocalDeadlineScheduler, type LocalDeadlineScheduler } from './localDeadlineScheduler';
import { createInProcessBuilds, type InProcessInspectionPackBuilds } from '../inspectionPacks/inProcessBuilds';
import { createLocalObjectStore, localObjectSigningKey, type LocalObjectStore } from '../storage/localObjectStore';

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
  /** Evidence files; default `<PDPA_LOCAL_DIR or .local>/objects` (tests pass a temporary folder). */
  objectsDir?: string;
}

export function createLocalDeps(options: LocalDepsOptions): AppDeps & { deadlineScheduler: LocalDeadlineScheduler; objectStore: LocalObjectStore; inspectionPackBuilds: InProcessInspectionPackBuilds } {
  const dynamo = createDynamoClient({ endpoint: options.endpoint, region: 'ap-northeast-1' });
  const doc = createDocumentClient(dynamo);
  const clock = options.clock ?? (() => new Date());
  const deps: ReturnType<typeof createLocalDeps> = {
    dynamo,
    controlPlane: { doc, tableName: options.controlPlaneTable },
    // Locally one client serves every table; in AWS each tenant gets scoped credentials.
    tenantDocumentClient: async () => doc,
    clock,
    cursorSecret: options.cursorSecret,
    oidc: options.oidc,
    dataKeys: withDataKeyCache(createLocalDataKeyProvider(options.masterKey)),
    provisioning: { tenantTablePrefix: options.tenantTablePrefix, protectData: false },
    deadlineScheduler: createLocalDeadlineScheduler(doc, options.controlPlaneTable),
    mailer: options.mailer ?? (options.outboxDir ? createOutboxTransport(options.outboxDir) : createMemoryTransport()),
    objectStore: createLocalObjectStore({
      rootDir: options.objectsDir ?? join(resolve(process.env.PDPA_LOCAL_DIR ?? '.local'), 'objects'),
      publicBaseUrl: options.publicBaseUrl,
      signingKey: localObjectSigningKey(options.cursorSecret),
      clock,
    }),
    // Inspection packs build in this process after the response (the builder reads these deps).
    inspectionPackBuilds: createInProcessBuilds(() => deps),
    logger: options.logger,
    config: {
      consoleBaseUrl: options.consoleBaseUrl ?? `${options.publicBaseUrl}/console`,
      publicBaseUrl: options.publicBaseUrl,
      bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
      // Local receivers listen on localhost; AWS wiring never sets this.
      webhooks: { localMode: true },
    },
  };
  return deps;
}
