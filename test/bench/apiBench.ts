/**
 * An authenticated GET and POST through the whole app (auth, validation, audit, idempotency) vs
 * the raw DynamoDB calls the same requests make, measured in one run on DynamoDB Local.
 */
import { randomBytes } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createApiApp } from '../../functions/http/app';
import { allAreas } from '../../functions/apps/areas';
import { createLocalDeps } from '../../functions/local/localDeps';
import { bootstrapPlatformOperator, ensureControlPlane } from '../../functions/runtime/bootstrap';
import { silentLogger } from '../../functions/runtime/logger';
import { isValidTaxId } from '../../domain/tenant/taxId';
import { attachDynamoCounter } from './dynamoCounter';

function taxId(): string {
  for (;;) {
    const candidate = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
    if (isValidTaxId(candidate)) return candidate;
  }
}

async function timeIt(iterations: number, run: (i: number) => Promise<void>): Promise<{ meanMs: number; p50Ms: number; p95Ms: number }> {
  for (let i = 0; i < 10; i += 1) await run(-1 - i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  return { meanMs: mean, p50Ms: samples[Math.floor(samples.length * 0.5)]!, p95Ms: samples[Math.floor(samples.length * 0.95)]! };
}

export async function runApiBench(endpoint: string, iterations = Number(process.env.BENCH_ITERATIONS ?? 300)) {
  const suffix = randomBytes(3).toString('hex');
  const deps = createLocalDeps({
    endpoint,
    controlPlaneTable: `bench-cp-${suffix}`,
    tenantTablePrefix: `bench${suffix}-`,
    masterKey: randomBytes(32),
    cursorSecret: randomBytes(32),
    logger: silentLogger,
    publicBaseUrl: 'http://localhost:3000',
  });
  await ensureControlPlane(deps.dynamo, deps.controlPlane.tableName);
  const operatorKey = (await bootstrapPlatformOperator(deps.controlPlane.doc, deps.controlPlane.tableName, deps.clock))!;
  const app = createApiApp(deps, allAreas);
  const call = async (method: string, path: string, key: string, body?: unknown) => {
    const response = await app.request(path, { method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    if (response.status >= 400) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, any>>;
  };
  const tenant = await call('POST', '/v1/platform/tenants', operatorKey, { companyName: 'Bench 股份有限公司', taxId: taxId(), sector: 'digitalEconomy', paidInCapital: 1e7, personalDataRecordCount: 6000, contact: { name: '測試', email: 'bench@example.com' } });
  const owner = await call('POST', `/v1/platform/tenants/${tenant.tenantId}/api-keys`, operatorKey, { name: 'bench', role: 'owner' });
  const ownerKey = owner.secret as string;
  const keyId = owner.keyId as string;
  const counter = attachDynamoCounter(deps.dynamo);
  const doc = deps.controlPlane.doc;
  const cp = deps.controlPlane.tableName;
  const tenantTable = `bench${suffix}-${tenant.tenantId}`;

  // GET /v1/tenant: key lookup + tenant lookup (last-used stamps at most once a minute).
  counter.reset();
  const apiGet = await timeIt(iterations, async () => {
    await call('GET', '/v1/tenant', ownerKey);
  });
  const getCalls = { ...counter.tally, perRequest: counter.tally.calls / (iterations + 10), capacityPerRequest: counter.tally.capacityUnits / (iterations + 10) };
  const rawGet = await timeIt(iterations, async () => {
    await doc.send(new GetCommand({ TableName: cp, Key: { pk: `APIKEY#${keyId}`, sk: 'KEY' } }));
    await doc.send(new GetCommand({ TableName: cp, Key: { pk: `TENANT#${tenant.tenantId}`, sk: 'PROFILE' } }));
  });

  // POST /v1/api-keys: auth (2 reads) + audit head read + one transaction (key, audit event, head).
  counter.reset();
  const apiPost = await timeIt(iterations, async () => {
    await call('POST', '/v1/api-keys', ownerKey, { name: 'bench key', role: 'auditor' });
  });
  const postCalls = { ...counter.tally, perRequest: counter.tally.calls / (iterations + 10), capacityPerRequest: counter.tally.capacityUnits / (iterations + 10) };
  let sequence = 1_000_000;
  const rawPost = await timeIt(iterations, async (i) => {
    await doc.send(new GetCommand({ TableName: cp, Key: { pk: `APIKEY#${keyId}`, sk: 'KEY' } }));
    await doc.send(new GetCommand({ TableName: cp, Key: { pk: `TENANT#${tenant.tenantId}`, sk: 'PROFILE' } }));
    await doc.send(new GetCommand({ TableName: tenantTable, Key: { pk: 'RAWBENCH', sk: 'HEAD' }, ConsistentRead: true }));
    sequence += 1;
    await doc.send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: cp, Item: { pk: `RAWKEY#${suffix}#${i}#${sequence}`, sk: 'KEY', name: 'bench key', role: 'auditor', secretHash: 'x'.repeat(64) }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: tenantTable, Item: { pk: 'RAWAUDIT', sk: `EVENT#${sequence}`, hash: 'x'.repeat(64), previousHash: 'y'.repeat(64) }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: tenantTable, Item: { pk: 'RAWBENCH', sk: 'HEAD', sequence } } },
      ],
    }));
  });

  return {
    iterations,
    get: { api: apiGet, raw: rawGet, ratio: apiGet.meanMs / rawGet.meanMs, dynamoCallsPerRequest: getCalls.perRequest, capacityUnitsPerRequest: getCalls.capacityPerRequest, byCommand: getCalls.byCommand },
    post: { api: apiPost, raw: rawPost, ratio: apiPost.meanMs / rawPost.meanMs, dynamoCallsPerRequest: postCalls.perRequest, capacityUnitsPerRequest: postCalls.capacityPerRequest, byCommand: postCalls.byCommand },
  };
}
