/**
 * Schema-driven fuzzing of every operation in the OpenAPI document: valid bodies generated from
 * each operation's own JSON schema (json-schema-faker, seeded), then mutated by fast-check
 * (fields dropped, retyped, oversized, unknown fields, garbage path ids and query values, odd
 * If-Match headers). Whatever is sent, the API answers below 500, and every error is
 * problem+json. Seeded and bounded, so a failure reproduces.
 */
import fc from 'fast-check';
import { generateSync } from 'json-schema-faker';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../functions/http/openApiDocument';
import { seedTenantResources, type SeededIds } from '../support/seedTenant';
import { createTestApi, type TestApi } from '../support/testApi';

const SEED = 20261206;
const VALID_PER_OPERATION = 4;
const MUTATED_PER_OPERATION = 12;

type JsonSchema = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  plane: 'platform' | 'tenant' | 'public';
  bodySchema?: JsonSchema;
  queryParameters: { name: string; schema: JsonSchema }[];
}

let api: TestApi;
let operations: Operation[];
let components: Record<string, unknown>;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
let seeded: SeededIds;

beforeAll(async () => {
  api = await createTestApi();
  // Fuzzed path tokens are failed guesses: lift the guessing budget so the fuzz reaches every route
  // (throttling itself is tested in reliability.test.ts). Set before the first request creates it.
  (api.deps.config as { authThrottle?: unknown }).authThrottle = { failuresPerAddress: 1_000_000, failuresPerKeyId: 1_000_000, windowSeconds: 60 };
  // Likewise the per-credential request budget (tested in conventions/rateLimit.test.ts): one key sends every fuzzed request.
  (api.deps.config as { rateLimit?: unknown }).rateLimit = { requestsPerWindow: { person: 1_000_000, integration: 1_000_000, platformOperator: 1_000_000 }, windowSeconds: 60, store: { kind: 'memory' } };
  const document = openApiDocument(api.app, 'http://localhost') as unknown as { paths: Record<string, Record<string, any>>; components: Record<string, unknown> };
  components = document.components;
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        plane: operation['x-access'].plane,
        bodySchema: operation.requestBody?.content?.['application/json']?.schema,
        queryParameters: (operation.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => ({ name: p.name, schema: p.schema })),
      })),
  );
  tenant = await api.onboardTenant();
  seeded = await seedTenantResources(api, tenant);
  // Operator actions on a tenant (suspend, offboard …) hit another tenant, so the fuzzed one stays usable.
  seeded.tenantId = (await api.onboardTenant()).tenantId;
}, 180_000);

function validSample(schema: JsonSchema, seed: number): unknown {
  try {
    return generateSync({ ...schema, components } as never, { seed, optionalsProbability: 0.5, maxDepth: 6, maxItems: 3, maxLength: 40 });
  } catch {
    return {};
  }
}

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', 'null', '9999-99-99', '2026-02-30', '<script>', "'; DROP TABLE x;--", '../../etc/passwd', '\u0000', 'x'.repeat(5000)),
  fc.constantFrom(-1, 0, 1.5, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 5 }),
);

/** One mutation of a valid body: a field removed, retyped, an unknown field, or the whole body replaced. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('extra' as const), name: fc.string({ minLength: 1, maxLength: 12 }), value: hostileValue }),
  fc.record({ kind: fc.constant('replace' as const), value: hostileValue }),
  fc.record({ kind: fc.constant('raw' as const), text: fc.constantFrom('{', '[]', '{"a":}', 'null', '"x"', '\u00ff\u00fe', '{"__proto__":{"admin":true}}') }),
);

function mutate(body: unknown, change: any): { body?: unknown; rawBody?: string } {
  if (change.kind === 'raw') return { rawBody: change.text };
  if (change.kind === 'replace') return { body: change.value };
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { body: change.value ?? {} };
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (change.kind === 'extra') copy[change.name] = change.value;
  else if (keys.length) {
    const key = keys[change.pick % keys.length];
    if (change.kind === 'drop') delete copy[key];
    else copy[key] = change.value;
  }
  return { body: copy };
}

const pathSegment = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
  fc.constantFrom('0', '-1', '..', '%', 'null', 'x'.repeat(300), 'tn_00000000000000000000000000'),
);

function fillPath(path: string, ids: SeededIds, garbage?: string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(garbage ?? ids[name] ?? `${name}-0000000000`));
}

function keyFor(plane: Operation['plane']): string | undefined {
  return plane === 'platform' ? api.operatorKey : plane === 'tenant' ? tenant.ownerKey : undefined;
}

interface Outcome {
  request: string;
  status: number;
  problem: boolean;
}

async function send(operation: Operation, path: string, payload: { body?: unknown; rawBody?: string }, query: string, ifMatch?: string): Promise<Outcome> {
  const headers: Record<string, string> = {};
  if (ifMatch !== undefined) headers['if-match'] = ifMatch;
  if (payload.rawBody !== undefined) headers['content-type'] = 'application/json';
  const response = await api.call(operation.method, `${path}${query}`, {
    key: keyFor(operation.plane),
    body: operation.method === 'GET' ? undefined : payload.body,
    rawBody: operation.method === 'GET' ? undefined : payload.rawBody,
    headers,
  });
  const contentType = response.headers.get('content-type') ?? '';
  const problem = contentType.includes('application/problem+json') && typeof response.body === 'object' && response.body !== null && typeof response.body.status === 'number';
  return { request: `${operation.method} ${path}${query} ${JSON.stringify(payload).slice(0, 200)}`, status: response.status, problem };
}

describe('schema-driven fuzzing of every operation', () => {
  it('answers ≥ 2,000 generated requests without a 5xx, and every error is problem+json', async () => {
    const outcomes: Outcome[] = [];
    let operationIndex = 0;
    for (const operation of operations) {
      operationIndex += 1;
      const seedOf = (n: number) => SEED + operationIndex * 1000 + n;
      const needsIfMatch = ['PUT', 'PATCH', 'DELETE'].includes(operation.method);
      // Valid bodies and queries from the operation's own schemas, on the seeded resources.
      for (let n = 0; n < VALID_PER_OPERATION; n += 1) {
        const body = operation.bodySchema ? validSample(operation.bodySchema, seedOf(n)) : undefined;
        const query = operation.queryParameters
          .map((parameter) => [parameter.name, validSample(parameter.schema, seedOf(n) + 7)] as const)
          .filter(([, value]) => value !== undefined && value !== null && typeof value !== 'object')
          .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
          .join('&');
        outcomes.push(await send(operation, fillPath(operation.path, seeded), { body }, query ? `?${query}` : '', needsIfMatch ? `"${n}"` : undefined));
      }
      // Mutations: hostile bodies, garbage path ids, hostile query values and If-Match headers.
      const cases = fc.sample(
        fc.record({
          change: mutation,
          garbagePath: fc.option(pathSegment, { freq: 3 }),
          queryValue: fc.option(fc.string({ maxLength: 40 }), { freq: 2 }),
          ifMatch: fc.option(fc.constantFrom('*', '"0"', '"abc"', 'W/"1"', '', '"999999999999"'), { freq: 2 }),
        }),
        { seed: seedOf(99), numRuns: MUTATED_PER_OPERATION },
      );
      const base = operation.bodySchema ? validSample(operation.bodySchema, seedOf(50)) : {};
      for (const testCase of cases) {
        const path = operation.path.includes('{') && testCase.garbagePath !== null ? fillPath(operation.path, seeded, testCase.garbagePath) : fillPath(operation.path, seeded);
        const queryName = operation.queryParameters[0]?.name ?? 'unknownFilter';
        const query = testCase.queryValue !== null ? `?${encodeURIComponent(queryName)}=${encodeURIComponent(testCase.queryValue)}` : '';
        outcomes.push(await send(operation, path, mutate(base, testCase.change), query, testCase.ifMatch ?? (needsIfMatch ? '"1"' : undefined)));
      }
    }
    const histogram: Record<number, number> = {};
    for (const outcome of outcomes) histogram[outcome.status] = (histogram[outcome.status] ?? 0) + 1;
    console.log(`fuzz: ${outcomes.length} requests over ${operations.length} operations`, JSON.stringify(histogram));
    expect(operations.length).toBeGreaterThan(100);
    expect(outcomes.length).toBeGreaterThanOrEqual(2000);
    const serverErrors = outcomes.filter((outcome) => outcome.status >= 500);
    expect(serverErrors.map((outcome) => `${outcome.status} ${outcome.request}`)).toEqual([]);
    const bareErrors = outcomes.filter((outcome) => outcome.status >= 400 && !outcome.problem);
    expect(bareErrors.map((outcome) => `${outcome.status} ${outcome.request}`)).toEqual([]);
    // The generator reaches past validation too: some requests succeed.
    expect(outcomes.filter((outcome) => outcome.status < 300).length).toBeGreaterThan(200);
  }, 600_000);
});
