/**
 * Walks every operation in the OpenAPI document and proves each rejects a missing, revoked,
 * wrong-plane, wrong-tenant and under-privileged credential. The cross-tenant walk sends each
 * operation's real request (its documented example body, If-Match, required query) so that
 * only the tenant lookup can refuse it: a 400 for a `{}` body would prove nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { integrationScopes, tenantRoles, type Role } from '../../../domain/access/roles';
import { openApiDocument } from '../../../functions/http/openApiDocument';
import { seedTenantResources, type SeededIds } from '../support/seedTenant';
import { createTestApi, type TestApi } from '../support/testApi';

interface Operation {
  method: string;
  path: string;
  access: { plane: 'platform' | 'tenant' | 'public'; roles: Role[]; integrationScope?: string };
  requiredHeaders: string[];
  requiredQuery: string[];
  /** The documented request example (`requestBody.content['application/json'].example`). */
  bodyExample?: unknown;
}

interface DocumentedOperation {
  'x-access'?: Operation['access'];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { example?: unknown }> };
}

let api: TestApi;
let operations: Operation[];
let tenantA: Awaited<ReturnType<TestApi['onboardTenant']>>;
let tenantB: Awaited<ReturnType<TestApi['onboardTenant']>>;
let seededB: SeededIds;
let pathIdsB: SeededIds;
const keysA: Record<string, string> = {};
const keysB: Record<string, string> = {};
let revokedOwnerA: string;

function fillPath(path: string, ids: SeededIds): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? `${name}-0000000000`);
}

beforeAll(async () => {
  api = await createTestApi();
  const document = openApiDocument(api.app, 'http://localhost');
  operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, DocumentedOperation>)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        access: operation['x-access']!,
        requiredHeaders: (operation.parameters ?? []).filter((p) => p.in === 'header' && p.required).map((p) => p.name.toLowerCase()),
        requiredQuery: (operation.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => p.name),
        bodyExample: operation.requestBody?.content?.['application/json']?.example,
      })),
  );
  tenantA = await api.onboardTenant();
  tenantB = await api.onboardTenant();
  for (const role of tenantRoles) {
    if (role === 'integration') continue;
    keysA[role] = role === 'owner' ? tenantA.ownerKey : await tenantA.issueKey(role);
    keysB[role] = role === 'owner' ? tenantB.ownerKey : await tenantB.issueKey(role);
  }
  keysA.integrationAll = await tenantA.issueKey('integration', [...integrationScopes]);
  keysB.integrationAll = await tenantB.issueKey('integration', [...integrationScopes]);
  for (const scope of integrationScopes) {
    keysA[`integrationWithout:${scope}`] = await tenantA.issueKey('integration', integrationScopes.filter((s) => s !== scope));
  }
  const revoked = await api.call('POST', '/v1/api-keys', { key: tenantA.ownerKey, body: { name: 'to revoke', role: 'owner' } });
  await api.call('POST', `/v1/api-keys/${revoked.body.keyId}/revoke`, { key: tenantA.ownerKey });
  revokedOwnerA = revoked.body.secret;
  // Only B holds records: A's credential walks B's ids, and A has no record of its own that an id
  // chosen by the client (a personal-data file number, a risk id) could also name.
  seededB = await seedTenantResources(api, tenantB);
  // The seed's plan version is B's first; A has none. Only paths use it: "1" is in any response text.
  pathIdsB = { ...seededB, versionNumber: '1' };
}, 120_000);

describe('every route declares and enforces its access', () => {
  it('the document lists routes and every one declares x-access', () => {
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations) expect(operation.access, `${operation.method} ${operation.path}`).toBeDefined();
  });

  it('rejects a missing and a revoked credential (401)', async () => {
    for (const operation of operations.filter((o) => o.access.plane !== 'public')) {
      const path = fillPath(operation.path, seededB);
      const anonymous = await api.call(operation.method, path, { body: operation.method === 'GET' ? undefined : {} });
      expect(anonymous.status, `anonymous ${operation.method} ${operation.path}`).toBe(401);
      const revoked = await api.call(operation.method, path, { key: revokedOwnerA, body: operation.method === 'GET' ? undefined : {} });
      expect(revoked.status, `revoked ${operation.method} ${operation.path}`).toBe(401);
    }
  });

  it('rejects credentials of the other plane (403)', async () => {
    for (const operation of operations.filter((o) => o.access.plane !== 'public')) {
      const key = operation.access.plane === 'platform' ? tenantA.ownerKey : api.operatorKey;
      const response = await api.call(operation.method, fillPath(operation.path, seededB), { key, body: operation.method === 'GET' ? undefined : {} });
      expect(response.status, `${operation.method} ${operation.path}`).toBe(403);
    }
  });

  it('rejects under-privileged roles and integration keys lacking the scope (403)', async () => {
    let checked = 0;
    for (const operation of operations.filter((o) => o.access.plane === 'tenant')) {
      const path = fillPath(operation.path, seededB);
      for (const role of tenantRoles) {
        let key: string;
        if (role === 'integration') {
          key = operation.access.roles.includes('integration') && operation.access.integrationScope
            ? keysA[`integrationWithout:${operation.access.integrationScope}`]!
            : keysA.integrationAll!;
        } else {
          if (operation.access.roles.includes(role)) continue;
          key = keysA[role]!;
        }
        const response = await api.call(operation.method, path, { key, body: operation.method === 'GET' ? undefined : {} });
        expect(response.status, `${role} ${operation.method} ${operation.path}`).toBe(403);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('tenant A cannot read, list, change or infer tenant B\'s data: every id of B answers 404, like a missing one', async () => {
    const before = await recordsOfB();
    const eventsBefore = new Set((await auditEventsOfB()).map((e) => `${e.shard ?? 0}:${e.sequence}`));
    const secretsOfB = Object.values(seededB);
    const refused: string[] = [];
    const notRefused: string[] = [];
    for (const operation of operations.filter((o) => o.access.plane === 'tenant')) {
      const name = `${operation.method} ${operation.path}`;
      const role = operation.access.roles.find((r) => r !== 'integration') ?? 'owner';
      const key = operation.access.roles.includes(role) ? keysA[role]! : keysA.integrationAll!;
      const hasParams = operation.path.includes('{');
      let request: ReturnType<typeof realRequest>;
      try {
        request = hasParams ? realRequest(operation, pathIdsB) : { path: operation.path, headers: {}, body: operation.method === 'GET' ? undefined : {} };
      } catch (error) {
        if (!(error instanceof UnseededParameter)) throw error;
        unseeded.add(error.message);
        continue;
      }
      const response = await api.call(operation.method, request.path, { key, headers: request.headers, body: request.body });
      // `instance` echoes the path A itself sent; anything else naming B's ids would be a leak.
      const { instance: _echo, ...rest } = (response.body ?? {}) as Record<string, unknown>;
      const text = JSON.stringify(rest);
      for (const id of secretsOfB) expect(text, `${name} leaks ${id}`).not.toContain(id);
      if (!hasParams) continue;
      if (notTenantRecords[name]) {
        expect(response.status, `${name} (exempt: ${notTenantRecords[name]})`).toBe(200);
        continue;
      }
      // The same not-found problem a missing id gets: nothing tells A that B's record exists.
      // (Not the router's "no such endpoint": that would mean the walk built a path no route has.)
      const problem = (response.body ?? {}) as { type?: unknown; detail?: unknown };
      if (response.status === 404 && String(problem.type).endsWith('/problems/not-found') && problem.detail !== '沒有這個端點') refused.push(name);
      else notRefused.push(`${name} → ${response.status} ${JSON.stringify(response.body)}`);
    }
    expect(notRefused, 'cross-tenant requests not answered 404 not-found').toEqual([]);
    expect([...unseeded], 'path parameters without a seeded record').toEqual([]);
    // Every operation with a path id was walked except the listed ones, and each listed one exists.
    const withIds = operations.filter((o) => o.access.plane === 'tenant' && o.path.includes('{')).map((o) => `${o.method} ${o.path}`);
    expect(refused.length).toBe(withIds.length - Object.keys(notTenantRecords).length);
    for (const exempt of Object.keys(notTenantRecords)) expect(withIds, exempt).toContain(exempt);
    // B's records are untouched by A's attempts: same versions, key not revoked, and no audit
    // event in B by any of A's credentials (B's own audited reads and system jobs add events).
    expect(await recordsOfB()).toEqual(before);
    const keysOfA = await api.call('GET', '/v1/api-keys?limit=100', { key: tenantA.ownerKey });
    const actorsOfA = new Set((keysOfA.body.items as { keyId: string }[]).map((k) => `key:${k.keyId}`));
    expect(actorsOfA.size).toBeGreaterThan(5);
    const newEvents = (await auditEventsOfB()).filter((e) => !eventsBefore.has(`${e.shard ?? 0}:${e.sequence}`));
    expect(newEvents.filter((e) => actorsOfA.has(e.actorId) || (e.actorRole !== 'owner' && !e.actorId.startsWith('system:')))).toEqual([]);
  });
});

/**
 * Operations with a path parameter that names no record of a tenant, so they answer the same for
 * every tenant and a cross-tenant 404 is not expected. Keep this list short and reasoned.
 */
const notTenantRecords: Record<string, string> = {
  'GET /v1/assessment-catalogs/{catalogId}': 'catalogs are shared reference data (the same regulations for every tenant), not a tenant\'s record',
};

/** Path parameters that are not record ids: a valid value, so that validation passes and only the lookup decides. */
const valueParams: Record<string, string> = { communicationKind: 'acknowledgement', step: 'contained', itemNumber: '1.1', catalogId: 'regulation:K0010162' };

/** Body fields that name a record, and which of the target's seeded ids they take. */
function bodyIdsOf(ids: SeededIds): Record<string, unknown> {
  return {
    id: ids.fileId, fileId: ids.fileId, fileIds: [ids.fileId], personalDataFileIds: [ids.fileId], inventoryFileIds: [ids.fileId],
    parentVendorId: ids.vendorId, vendorIds: [ids.vendorId], followUpOf: ids.responseId,
  };
}

function withTargetIds(value: unknown, ids: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((entry) => withTargetIds(entry, ids));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k in ids && (typeof v === 'string' || Array.isArray(v)) ? ids[k] : withTargetIds(v, ids)]));
}

/** Required query parameters and the target's values for them. */
const queryValuesOf = (ids: SeededIds): Record<string, string | undefined> => ({ with: ids.complianceAssessmentId });

/** A path parameter nobody seeded: the walk reports all of them at the end, then fails. */
class UnseededParameter extends Error {}
const unseeded = new Set<string>();

/** The request a real client would send to `operation` for the target's records. */
function realRequest(operation: Operation, ids: SeededIds): { path: string; headers: Record<string, string>; body: unknown } {
  let path = operation.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = ids[name] ?? valueParams[name];
    if (value === undefined) throw new UnseededParameter(`${operation.method} ${operation.path}: no seeded id or value for {${name}} (add it to seedTenant.ts or valueParams)`);
    return value;
  });
  if (operation.requiredQuery.length > 0) {
    const values = queryValuesOf(ids);
    const query = operation.requiredQuery.map((name) => {
      const value = values[name];
      if (value === undefined) throw new Error(`${operation.method} ${operation.path}: no value for the required query parameter ${name}`);
      return `${name}=${encodeURIComponent(value)}`;
    });
    path += `?${query.join('&')}`;
  }
  const headers: Record<string, string> = operation.requiredHeaders.includes('if-match') ? { 'if-match': '"1"' } : {};
  const body = operation.method === 'GET' ? undefined : withTargetIds(operation.bodyExample ?? {}, bodyIdsOf(ids));
  return { path, headers, body };
}

interface AuditEventView {
  sequence: number;
  shard?: number;
  actorId: string;
  actorRole: string;
  action: string;
}

/** Every audit event of B, page by page; the chain must verify. */
async function auditEventsOfB(): Promise<AuditEventView[]> {
  const key = tenantB.ownerKey;
  const chain = await api.call('GET', '/v1/audit-events/verify', { key });
  expect(chain.body.valid).toBe(true);
  const events: AuditEventView[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.call('GET', `/v1/audit-events?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { key });
    expect(page.status).toBe(200);
    events.push(...(page.body.items as AuditEventView[]));
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  expect(events.length).toBeGreaterThan(10);
  return events;
}

/** What A must not change in B: every seeded record's version (ETag) and the seeded key. */
async function recordsOfB() {
  const key = tenantB.ownerKey;
  const etags: Record<string, string | null> = {};
  for (const operation of operations.filter((o) => o.method === 'GET' && o.access.plane === 'tenant' && o.path.includes('{') && o.requiredQuery.length === 0 && !notTenantRecords[`GET ${o.path}`])) {
    let path: string;
    try {
      path = realRequest(operation, pathIdsB).path;
    } catch (error) {
      if (!(error instanceof UnseededParameter)) throw error;
      unseeded.add(error.message);
      continue;
    }
    const response = await api.call('GET', path, { key });
    expect(response.status, `B reads its own ${operation.path}`).toBe(200);
    etags[operation.path] = response.headers.get('etag');
  }
  const keys = await api.call('GET', '/v1/api-keys', { key });
  const seededKey = keys.body.items.find((k: { keyId: string }) => k.keyId === seededB.keyId);
  return { etags, seededKeyRevokedAt: seededKey.revokedAt };
}
