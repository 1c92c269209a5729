/**
 * `npm run bench` (markdown) or `npm run bench -- --json` (one JSON object on stdout; progress on
 * stderr): one run on an in-memory DynamoDB Local, every number measured in that run —
 *  1. per Lambda entry: bundle bytes, module init and first request, next to the floor bundle;
 *  2. per route: API vs its raw DynamoDB calls, p50 and p99 ratios;
 *  3. write throughput on one tenant at 1, 4, 16 and 32 concurrent writers, errors, capacity
 *     units per mutation, and the audit chain verified afterwards;
 *  4. the review sweep across many tenants (cost follows due items, not total items);
 *  6. the console dashboard's server time vs the API calls it makes (BENCH_CONSOLE_ITERATIONS).
 * Sizes: BENCH_ITERATIONS (route samples, default 200), BENCH_MUTATIONS (per writer level,
 * default 400), BENCH_INIT_RUNS, BENCH_FIRST_REQUEST_RUNS, BENCH_SWEEP_* (see sweepBench.ts).
 */
// First: zod schemas built after this import get .openapi() (see test/setup/zodOpenApi.ts).
import '@hono/zod-openapi';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { freePort, startDynamoDbLocal } from '../../functions/local/dynamoDbLocal';
import { createBenchApi, createVendor, runRouteBench, runWriteThroughput } from './apiBench';
import { runBundleBench, type FirstRequest } from './lambdaBundles';
import { runSweepBench } from './sweepBench';
import { runWebhookBench } from './webhookBench';
import { runConsoleBench } from './consoleBench';

const root = join(import.meta.dirname, '../..');
const json = process.argv.includes('--json');
const log = (line: string) => (json ? process.stderr.write(`${line}\n`) : console.log(line));
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const f = (value: number | null | undefined, digits = 2) => (value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));

const SWEEP_TENANTS_ON_PAPER = 10_000;

async function main() {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  try {
    const started = new Date();
    log('# PDPA compliance API benchmarks (DynamoDB Local, in-memory, one run)\n');
    const api = await createBenchApi(dynamo.endpoint);

    // 1. Bundles, init and first request (the bench tenant answers the first requests).
    const vendor = await createVendor(api, 9999);
    const link = (await api.call('POST', `/v1/vendors/${vendor.id}/questionnaire-links`, api.ownerKey, {})).body;
    const owner = (path: string): FirstRequest => ({ kind: 'http', method: 'GET', path, key: api.ownerKey });
    const sesBounce = JSON.stringify({ eventType: 'Bounce', mail: { messageId: 'bench-message', timestamp: new Date().toISOString(), destination: ['bounce@example.com'], tags: { tenantId: [api.tenantId], mailId: ['bench-mail'] } }, bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'bounce@example.com' }], timestamp: new Date().toISOString() } });
    const firstRequests: Record<string, FirstRequest> = {
      tenantAdminApi: owner('/v1/tenant'),
      platformApi: { kind: 'http', method: 'GET', path: '/v1/platform/tenants', key: api.operatorKey },
      dataSubjectRequestsApi: owner('/v1/data-subject-requests'),
      // No form is published for the bench tenant: the first answer is the public 404 (token guard, control-plane lookup).
      dataSubjectRequestPublicApi: { kind: 'http', method: 'GET', path: '/v1/public/request-forms/bench-no-such-form' },
      incidentsApi: owner('/v1/incidents'),
      assessmentsApi: owner('/v1/assessments'),
      inventoryApi: owner('/v1/personal-data-files'),
      inventoryWorkbookApi: owner('/v1/inventory/export?format=csv'),
      planApi: owner('/v1/plan/versions'),
      reviewsApi: owner('/v1/review-tasks'),
      webhooksApi: owner('/v1/webhook-endpoints'),
      webhookDelivery: { kind: 'event', event: { Records: [] } },
      vendorsApi: owner('/v1/vendors'),
      vendorQuestionnairePublicApi: { kind: 'http', method: 'GET', path: `/v1/public/vendor-questionnaires/${link.token as string}` },
      reviewSweep: { kind: 'event', event: { kind: 'dailySweep', tenantId: api.tenantId } },
      deadlineReminder: { kind: 'event', event: { kind: 'deadline', schedule: { name: 'bench', tenantId: api.tenantId, at: new Date().toISOString(), target: { kind: 'mailRetry', resourceId: 'bench-missing-mail' } } } },
      mailEvents: { kind: 'event', event: { Records: [{ EventSource: 'aws:sns', Sns: { MessageId: 'bench', Message: sesBounce } }] } },
    };
    log('measuring bundles …');
    const bundles = await runBundleBench(root, { dynamoEndpoint: dynamo.endpoint, region: process.env.AWS_REGION ?? 'ap-northeast-1', controlPlaneTable: api.deps.controlPlane.tableName, tenantTablePrefix: api.tenantTablePrefix, firstRequests }, json ? log : () => {});
    log('\n## Lambda bundles (infra/lambdaBundling.ts: minified ESM, AWS SDK v3 bundled, zod without locales) vs the floor (hono + lib-dynamodb + one GetItem)');
    log('| entry | bundle | × floor | gzip | init | × floor | first request | × floor | first answer |');
    log('|---|---|---|---|---|---|---|---|---|');
    for (const b of bundles) {
      log(`| ${b.entry} | ${kib(b.bundleBytes)} | ${f(b.bundleBytes / b.floorBundleBytes)} | ${kib(b.gzipBytes)} | ${f(b.initMs, 1)} ms | ${f(b.initMs / b.floorInitMs)} | ${f(b.firstRequestMs, 1)} ms | ${f(b.firstRequestMs === null ? null : b.firstRequestMs / b.floorFirstRequestMs)} | ${b.firstRequestResult} |`);
    }
    log(`floor: ${kib(bundles[0]!.floorBundleBytes)}; its init and first request are measured interleaved with each entry (floorInitMs, floorFirstRequestMs per entry)\n`);
    log('What each bundle carries beyond the floor (esbuild metafile, largest first):');
    for (const b of bundles) log(`- ${b.entry}: ${b.largestAboveFloor.map((row) => `${row.input} ${kib(row.bytes)}`).join(', ')}`);
    log('');

    // 2. Request overhead per route.
    const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
    log('measuring routes …');
    const routes = await runRouteBench(api, iterations);
    log(`## Requests vs their raw DynamoDB calls (${iterations} each after 10 warm-ups, in-process app.request; raw = the same calls replayed)`);
    log('| route | API p50 | raw p50 | p50 ratio | API p99 | raw p99 | p99 ratio | DynamoDB calls/request |');
    log('|---|---|---|---|---|---|---|---|');
    for (const r of routes) log(`| ${r.route} | ${f(r.api.p50Ms)} ms | ${f(r.raw.p50Ms)} ms | ${f(r.p50Ratio)}× | ${f(r.api.p99Ms)} ms | ${f(r.raw.p99Ms)} ms | ${f(r.p99Ratio)}× | ${f(r.dynamoCallsPerRequest)} |`);

    // 3. Write throughput on one tenant.
    const mutations = Number(process.env.BENCH_MUTATIONS ?? 400);
    log('\nmeasuring write throughput …');
    const writes = await runWriteThroughput(api, [1, 4, 16, 32], mutations, dynamo.process.pid);
    log(`\n## Write throughput, one tenant, ${mutations} mixed mutations per level (DSR create, incident create, vendor patch, API key create)`);
    log('| writers | mutations/s | errors | p50 | p99 | capacity units/mutation | cores busy: API process / DynamoDB Local (of the machine) |');
    log('|---|---|---|---|---|---|---|');
    for (const w of writes.levels) log(`| ${w.writers} | ${f(w.mutationsPerSecond, 1)} | ${w.errors} ${w.errors ? JSON.stringify(w.errorsByStatus) : ''} | ${f(w.p50Ms, 1)} ms | ${f(w.p99Ms, 1)} ms | ${f(w.capacityUnitsPerMutation)} | ${f(w.coresBusy.apiProcess)} / ${f(w.coresBusy.dynamoDbLocal)} (${w.coresBusy.machine}) |`);
    const chain = writes.chainVerification as { valid: boolean; eventsChecked?: number; shards?: Record<string, unknown>; anchorsChecked?: number };
    log(`audit chain afterwards: valid ${chain.valid}, ${chain.eventsChecked ?? 0} events on ${Object.keys(chain.shards ?? {}).length} chains, ${chain.anchorsChecked ?? 0} anchors (every shard head in the JSON output)\n`);

    // 4. The review sweep.
    log('measuring the review sweep …');
    const sweep = await runSweepBench(dynamo.endpoint, log);
    const firstRun = sweep.runs[0]!;
    const onPaper = {
      tenants: SWEEP_TENANTS_ON_PAPER,
      dutiesPerTenant: sweep.dutiesPerTenant,
      // Linear in tenants (one tenant after another, per-tenant cost independent of total data; see growthRatios).
      sequentialMinutes: (firstRun.msPerTenant * SWEEP_TENANTS_ON_PAPER) / 60_000,
      rcu: firstRun.rcuPerTenant * SWEEP_TENANTS_ON_PAPER,
      wcu: firstRun.wcuPerTenant * SWEEP_TENANTS_ON_PAPER,
    };
    log(`at ${SWEEP_TENANTS_ON_PAPER} tenants × ${sweep.dutiesPerTenant} duties (from the measured per-tenant cost): ${f(onPaper.sequentialMinutes, 1)} min sequential, ${f(onPaper.rcu, 0)} RCU, ${f(onPaper.wcu, 0)} WCU\n`);

    // 5. Webhooks: events delivered per second locally, and the outbox's extra write cost.
    log('measuring webhooks …');
    const webhooks = await runWebhookBench(api, log);

    // 6. The console: the dashboard's server time vs the API calls it makes.
    log('\nmeasuring the console dashboard …');
    const consoleDashboard = await runConsoleBench(api, Number(process.env.BENCH_CONSOLE_ITERATIONS ?? 50));
    log(`## Console dashboard vs its API calls (${consoleDashboard.iterations} renders, in-process)`);
    log('| dashboard p50 | dashboard p99 | API calls/page | API span p50 | API sum p50 | dashboard / API span (p50) |');
    log('|---|---|---|---|---|---|');
    log(`| ${f(consoleDashboard.dashboardP50Ms)} ms | ${f(consoleDashboard.dashboardP99Ms)} ms | ${consoleDashboard.apiCallsPerPage} | ${f(consoleDashboard.apiSpanP50Ms)} ms | ${f(consoleDashboard.apiSumP50Ms)} ms | ${f(consoleDashboard.ratioP50)}× |`);

    if (json) {
      process.stdout.write(`${JSON.stringify({
        startedAt: started.toISOString(),
        machine: { cpus: availableParallelism(), node: process.version, dynamo: 'DynamoDB Local, in-memory' },
        entries: Object.fromEntries(bundles.map((b) => [b.entry, b])),
        routes: Object.fromEntries(routes.map((r) => [r.route, r])),
        writers: Object.fromEntries(writes.levels.map((w) => [String(w.writers), w])),
        auditChainAfterWrites: writes.chainVerification,
        sweep: { ...sweep, at10000Tenants: onPaper },
        webhooks,
        consoleDashboard,
      }, null, 2)}\n`);
    }
  } finally {
    await dynamo.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
