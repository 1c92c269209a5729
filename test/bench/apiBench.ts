/**
 * The API in-process on DynamoDB Local: one tenant onboarded through the platform API, then
 *  1. request overhead per route vs its raw DynamoDB calls (./routeBench.ts), and
 *  2. write throughput on that one tenant at 1, 4, 16 and 32 concurrent writers (mixed
 *     mutations), with errors, capacity units per mutation and the audit chain verified after.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createApiApp } from '../../functions/http/app';
import { allAreas } from '../../functions/apps/areas';
import { createLocalDeps } from '../../functions/local/localDeps';
import { bootstrapPlatformOperator, ensureControlPlane } from '../../functions/runtime/bootstrap';
import { silentLogger } from '../../functions/runtime/logger';
import { verifyStoredChain } from '../../functions/audit/auditStore';
import { isValidTaxId } from '../../domain/shared/taxId';
import { attachDynamoCounter } from './dynamoCounter';
import { attachCallRecorder, benchRoute, type RouteFigures } from './routeBench';

export function benchTaxId(): string {
  for (;;) {
    const candidate = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
    if (isValidTaxId(candidate)) return candidate;
  }
}

type Json = Record<string, any>;

export async function createBenchApi(endpoint: string) {
  const suffix = randomBytes(3).toString('hex');
  const tenantTablePrefix = `bench${suffix}-`;
  const deps = createLocalDeps({
    endpoint,
    controlPlaneTable: `bench-cp-${suffix}`,
    tenantTablePrefix,
    masterKey: randomBytes(32),
    cursorSecret: randomBytes(32),
    logger: silentLogger,
    publicBaseUrl: 'http://localhost:3000',
  });
  // The limiter still runs on every request (its cost is part of the overhead measured), with a budget
  // one benchmark key cannot exhaust.
  deps.config.rateLimit = { requestsPerWindow: { person: 10_000_000, integration: 10_000_000, platformOperator: 10_000_000 }, windowSeconds: 60, store: { kind: 'memory' } };
  await ensureControlPlane(deps.dynamo, deps.controlPlane.tableName);
  const operatorKey = (await bootstrapPlatformOperator(deps.controlPlane.doc, deps.controlPlane.tableName, deps.clock))!;
  const app = createApiApp(deps, allAreas);
  const send = async (method: string, path: string, key: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await app.request(path, { method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined });
    return { status: response.status, etag: response.headers.get('etag'), body: (await response.json().catch(() => null)) as Json };
  };
  const call = async (method: string, path: string, key: string, body?: unknown, headers?: Record<string, string>) => {
    const answer = await send(method, path, key, body, headers);
    if (answer.status >= 400) throw new Error(`${method} ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  };
  const tenant = (await call('POST', '/v1/platform/tenants', operatorKey, { companyName: 'Bench 股份有限公司', taxId: benchTaxId(), sector: 'digitalEconomy', paidInCapital: 1e7, personalDataRecordCount: 6000, contact: { name: '測試', email: 'bench@example.com' } })).body;
  const ownerKey = (await call('POST', `/v1/platform/tenants/${tenant.tenantId}/api-keys`, operatorKey, { name: 'bench', role: 'owner' })).body.secret as string;
  return { deps, app, send, call, operatorKey, ownerKey, tenantId: tenant.tenantId as string, tableName: `${tenantTablePrefix}${tenant.tenantId}`, tenantTablePrefix };
}

export type BenchApi = Awaited<ReturnType<typeof createBenchApi>>;

const vendorBody = (i: number) => ({
  name: `基準雲端${i}股份有限公司`, registration: { kind: 'taiwanBusinessId', number: '22099131' }, country: 'TW', services: ['雲端主機代管'],
  contact: { name: '陳經理', email: 'vendor@example.com' }, processingRegions: [{ country: 'TW' }], onboardedOn: '2026-01-01',
});
const dsrBody = { channel: 'webForm', requester: { name: '基準請求人', email: 'bench-requester@example.com' }, items: [{ type: 'inquiry' }] };
const incidentBody = (api: BenchApi) => ({
  title: '基準事故', discoveredAt: new Date(api.deps.clock().getTime() - 3_600_000).toISOString(), reportedBy: { name: '資安值班' },
  kinds: ['leak'], estimatedRecords: { general: 10, special: 0 }, endangersOperationsOrManySubjects: false,
});

export async function createVendor(api: BenchApi, i: number): Promise<{ id: string; etag: string }> {
  const created = await api.call('POST', '/v1/vendors', api.ownerKey, vendorBody(i));
  return { id: created.body.id as string, etag: created.etag! };
}

export async function runRouteBench(api: BenchApi, iterations: number): Promise<RouteFigures[]> {
  const recorder = attachCallRecorder(api.deps.dynamo);
  const client = api.deps.dynamo;
  const key = api.ownerKey;
  const dsr = (await api.call('POST', '/v1/data-subject-requests', key, dsrBody)).body.id as string;
  const vendor = await createVendor(api, 0);
  let etag = vendor.etag;
  const routes: [string, (i: number) => Promise<void>][] = [
    ['GET /v1/tenant', async () => { await api.call('GET', '/v1/tenant', key); }],
    ['POST /v1/api-keys', async () => { await api.call('POST', '/v1/api-keys', key, { name: 'bench key', role: 'auditor' }); }],
    ['POST /v1/data-subject-requests', async () => { await api.call('POST', '/v1/data-subject-requests', key, dsrBody); }],
    ['GET /v1/data-subject-requests/{id}', async () => { await api.call('GET', `/v1/data-subject-requests/${dsr}`, key); }],
    ['GET /v1/review-tasks', async () => { await api.call('GET', '/v1/review-tasks?limit=50', key); }],
    ['PATCH /v1/vendors/{id}', async (i) => { etag = (await api.call('PATCH', `/v1/vendors/${vendor.id}`, key, { services: [`雲端主機代管 ${i}`] }, { 'if-match': etag })).etag!; }],
    ['POST /v1/incidents', async () => { await api.call('POST', '/v1/incidents', key, incidentBody(api)); }],
  ];
  const figures: RouteFigures[] = [];
  for (const [route, request] of routes) figures.push(await benchRoute(route, client, recorder, iterations, request));
  return figures;
}

export interface WriterFigures {
  writers: number;
  mutations: number;
  mutationsPerSecond: number;
  errors: number;
  errorsByStatus: Record<string, number>;
  capacityUnitsPerMutation: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU cores busy during the level: this process (API + bench clients) and DynamoDB Local — the machine's ceiling. */
  coresBusy: { apiProcess: number; dynamoDbLocal: number | null; machine: number };
}

/** CPU seconds a process has used so far (Linux /proc; null elsewhere). */
function processCpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the stat line, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * `mutationsPerLevel` mixed mutations (data-subject request, incident, vendor patch, API key)
 * on the one tenant, spread over `writers` concurrent clients. Each writer patches its own
 * vendor, so If-Match never refuses; any non-2xx answer is an error.
 */
export async function runWriteThroughput(api: BenchApi, levels: readonly number[], mutationsPerLevel: number, dynamoPid?: number) {
  const counter = attachDynamoCounter(api.deps.dynamo);
  const results: WriterFigures[] = [];
  for (const writers of levels) {
    const vendors = await Promise.all(Array.from({ length: writers }, (_, w) => createVendor(api, 1000 + w)));
    counter.reset();
    let next = 0;
    let errors = 0;
    const errorsByStatus: Record<string, number> = {};
    const latencies: number[] = [];
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const dynamoCpuBefore = processCpuSeconds(dynamoPid);
    await Promise.all(vendors.map(async (vendor, w) => {
      while (next < mutationsPerLevel) {
        const i = next;
        next += 1;
        const t0 = performance.now();
        const kind = i % 4;
        const answer = kind === 0 ? await api.send('POST', '/v1/data-subject-requests', api.ownerKey, dsrBody)
          : kind === 1 ? await api.send('POST', '/v1/incidents', api.ownerKey, incidentBody(api))
          : kind === 2 ? await api.send('PATCH', `/v1/vendors/${vendor.id}`, api.ownerKey, { services: [`服務 ${w}-${i}`] }, { 'if-match': vendor.etag })
          : await api.send('POST', '/v1/api-keys', api.ownerKey, { name: `writer ${w}`, role: 'auditor' });
        latencies.push(performance.now() - t0);
        if (kind === 2 && answer.etag) vendor.etag = answer.etag;
        if (answer.status >= 300) {
          errors += 1;
          errorsByStatus[answer.status] = (errorsByStatus[answer.status] ?? 0) + 1;
        }
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const dynamoCpuAfter = processCpuSeconds(dynamoPid);
    const apiProcess = (cpu.user + cpu.system) / 1e6 / seconds;
    const dynamoDbLocal = dynamoCpuBefore === null || dynamoCpuAfter === null ? null : (dynamoCpuAfter - dynamoCpuBefore) / seconds;
    latencies.sort((a, b) => a - b);
    results.push({
      writers, mutations: mutationsPerLevel, mutationsPerSecond: mutationsPerLevel / seconds, errors, errorsByStatus,
      capacityUnitsPerMutation: counter.tally.capacityUnits / mutationsPerLevel,
      p50Ms: latencies[Math.floor(latencies.length * 0.5)]!, p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]!,
      coresBusy: { apiProcess, dynamoDbLocal, machine: availableParallelism() },
    });
  }
  const verification = await verifyStoredChain({ doc: api.deps.controlPlane.doc, tableName: api.tableName });
  return { levels: results, chainVerification: verification };
}
