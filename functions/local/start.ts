/**
 * `npm start`: the whole product on one machine — DynamoDB Local (persisted under .local/),
 * the API on http://localhost:3000, the local scheduler and the mail outbox folder.
 * `--clock=<instant>` (or PDPA_LOCAL_CLOCK) starts the stack's clock at a simulated "as of"
 * instant; `POST /local/clock` moves it while running (localClock.ts).
 */
// First: zod schemas built after this import get .openapi() (see test/setup/zodOpenApi.ts).
import '@hono/zod-openapi';
import { serve } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApiApp } from '../http/app';
import { allAreas } from '../apps/areas';
import { bootstrapPlatformOperator, ensureControlPlane } from '../runtime/bootstrap';
import { consoleLogger } from '../runtime/logger';
import { assertJavaAvailable, freePort, startDynamoDbLocal } from './dynamoDbLocal';
import { localBackgroundJobs } from './localJobs';
import { clockOptionOf, createLocalClock, localClockApp } from './localClock';
import { createLocalDeps } from './localDeps';
import { loadOrCreateLocalSecrets } from './localSecrets';
import { startLocalScheduler } from './localScheduler';
import { answerUnparseableRequests } from './unparseableRequests';
import { localObjectRoutes } from '../storage/localObjectRoutes';
import { createConsoleApp } from '../console/consoleApp';
import { consoleOidcFromEnv, consoleSessionKey, isConsolePath, isPublicPagePath } from '../console/consoleSettings';
import { publicConsoleApp } from '../console/public/publicConsoleApp';

async function main() {
  try {
    assertJavaAvailable();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const localDir = resolve(process.env.PDPA_LOCAL_DIR ?? '.local');
  const outboxDir = join(localDir, 'outbox');
  mkdirSync(join(localDir, 'dynamodb'), { recursive: true });
  mkdirSync(outboxDir, { recursive: true });
  const port = Number(process.env.PORT ?? 3000);
  const baseUrl = `http://localhost:${port}`;

  const dynamo = await startDynamoDbLocal({ port: Number(process.env.DYNAMODB_LOCAL_PORT ?? (await freePort())), dbPath: join(localDir, 'dynamodb') });
  const secrets = loadOrCreateLocalSecrets(localDir);
  const logger = consoleLogger({ quiet: process.env.LOG_REQUESTS !== '1' });
  const clock = createLocalClock({ asOf: clockOptionOf(process.argv.slice(2), process.env) });
  const deps = createLocalDeps({
    endpoint: dynamo.endpoint,
    controlPlaneTable: 'pdpa-control-plane',
    tenantTablePrefix: 'pdpa-tenant-',
    masterKey: secrets.masterKey,
    cursorSecret: secrets.cursorSecret,
    logger,
    publicBaseUrl: baseUrl,
    outboxDir,
    clock: clock.now,
  });
  await ensureControlPlane(deps.dynamo, deps.controlPlane.tableName);
  const operatorKey = await bootstrapPlatformOperator(deps.controlPlane.doc, deps.controlPlane.tableName, deps.clock);

  const app = createApiApp(deps, allAreas);
  // Pre-signed evidence uploads and downloads land here locally (S3 in AWS).
  app.route('/', localObjectRoutes(deps.objectStore));
  const clockApp = localClockApp(clock, deps);
  // The console calls the API in-process (no network hop) with the signed-in person's own credential.
  const consoleApp = createConsoleApp({ apiBaseUrl: baseUrl, apiFetch: (request) => app.fetch(request), sessionKey: consoleSessionKey(secrets.cursorSecret), oidc: consoleOidcFromEnv(process.env, `${baseUrl}/console`), apiKeySignIn: true, clock: clock.now });
  const publicPages = publicConsoleApp({ apiBaseUrl: baseUrl, apiFetch: (request) => app.fetch(request), clock: clock.now });
  // The clock endpoint sits in front of the API app, so it exists only in this local start.
  const server = serve({
    fetch: (request, env) => {
      const path = new URL(request.url).pathname;
      if (path === '/local/clock') return clockApp.fetch(request, env);
      if (isConsolePath(path)) return consoleApp.fetch(request, env);
      return isPublicPagePath(path) ? publicPages.fetch(request, env) : app.fetch(request, env);
    },
    port,
  });
  answerUnparseableRequests(server);
  const jobs = localBackgroundJobs(deps, { outboxDir });
  // Reminders and the daily sweep follow the same (possibly simulated) clock.
  const scheduler = startLocalScheduler({ deadlines: deps.deadlineScheduler, dailyJobs: jobs.dailyJobs, onDeadline: jobs.onDeadline, frequentJobs: jobs.frequentJobs, logger, clock: clock.now });

  console.log(`PDPA compliance API   ${baseUrl}`);
  console.log(`API reference         ${baseUrl}/docs   (OpenAPI: ${baseUrl}/openapi.json)`);
  console.log(`Console               ${baseUrl}/console   (sign in with an API key)`);
  console.log(`DynamoDB Local        ${dynamo.endpoint}   (data in ${join(localDir, 'dynamodb')})`);
  console.log(`Mail outbox           ${outboxDir}`);
  console.log(`Clock                 ${clock.status().simulated ? `simulated, now ${clock.status().now}` : 'real'}   (POST ${baseUrl}/local/clock {"asOf": "…"} as the operator)`);
  if (operatorKey) {
    console.log('');
    console.log('Platform-operator key (shown only on this first start — keep it):');
    console.log(`  ${operatorKey}`);
  }

  const shutdown = async () => {
    scheduler.stop();
    server.close();
    await dynamo.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: Error) => {
  console.error(`Failed to start: ${error.message}`);
  process.exit(1);
});
