/**
 * Walks every operation in the OpenAPI document and proves each rejects a missing, revoked,
 * wrong-plane, wrong-tenant and under-privileged credential.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { integrationScopes, tenantRoles, type Role } from '../../../domain/access/roles';
import { openApiDocument } from '../../../functions/http/app';
import { seedTenantResources, type SeededIds } from '../support/seedTenant';
import { createTestApi, type TestApi } from '../support/testApi';

interface Operation {
  method: string;
  path: string;
  access: { plane: 'platform' | 'tenant' | 'public'; roles: Role[]; integrationScope?: string };
}

let api: TestApi;
let operations: Operation[];
let tenantA: Awaited<ReturnType<TestApi['onboardTenant']>>;
let tenantB: Awaited<ReturnType<TestApi['onboardTenant']>>;
let seededA: SeededIds;
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
    Object.entries(item as Record<string, { 'x-access'?: Operation['access'] }>)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, access: operation['x-access']! })),
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
  seededA = await seedTenantResources(api, tenantA);
}, 120_000);

describe('every route declares and enforces its access', () => {
  it('the document lists routes and every one declares x-access', () => {
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations) expect(operation.access, `${operation.method} ${operation.path}`).toBeDefined();
  });

  it('rejects a missing and a revoked credential (401)', async () => {
    for (const operation of operations.filter((o) => o.access.plane !== 'public')) {
      const path = fillPath(operation.path, seededA);
      const anonymous = await api.call(operation.method, path, { body: operation.method === 'GET' ? undefined : {} });
      expect(anonymous.status, `anonymous ${operation.method} ${operation.path}`).toBe(401);
      const revoked = await api.call(operation.method, path, { key: revokedOwnerA, body: operation.method === 'GET' ? undefined : {} });
      expect(revoked.status, `revoked ${operation.method} ${operation.path}`).toBe(401);
    }
  });

  it('rejects credentials of the other plane (403)', async () => {
    for (const operation of operations.filter((o) => o.access.plane !== 'public')) {
      const key = operation.access.plane === 'platform' ? tenantA.ownerKey : api.operatorKey;
      const response = await api.call(operation.method, fillPath(operation.path, seededA), { key, body: operation.method === 'GET' ? undefined : {} });
      expect(response.status, `${operation.method} ${operation.path}`).toBe(403);
    }
  });

  it('rejects under-privileged roles and integration keys lacking the scope (403)', async () => {
    let checked = 0;
    for (const operation of operations.filter((o) => o.access.plane === 'tenant')) {
      const path = fillPath(operation.path, seededA);
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

  it('tenant B cannot read, list, change or infer tenant A\'s data', async () => {
    const secretsOfA = Object.entries(seededA).map(([, id]) => id);
    for (const operation of operations.filter((o) => o.access.plane === 'tenant')) {
      const role = operation.access.roles.find((r) => r !== 'integration') ?? 'owner';
      const key = operation.access.roles.includes(role) ? keysB[role]! : keysB.integrationAll!;
      const hasParams = operation.path.includes('{');
      const response = await api.call(operation.method, fillPath(operation.path, seededA), { key, body: operation.method === 'GET' ? undefined : {} });
      // `instance` echoes the path B itself sent; anything else naming A's ids would be a leak.
      const { instance: _echo, ...rest } = (response.body ?? {}) as Record<string, unknown>;
      const text = JSON.stringify(rest);
      for (const id of secretsOfA) expect(text, `${operation.method} ${operation.path} leaks ${id}`).not.toContain(id);
      if (hasParams) expect(response.status, `${operation.method} ${operation.path}`).toBeGreaterThanOrEqual(400);
    }
    // A's resources are untouched by B's attempts.
    const keys = await api.call('GET', '/v1/api-keys', { key: tenantA.ownerKey });
    expect(keys.body.items.find((k: { keyId: string }) => k.keyId === seededA.keyId).revokedAt).toBeNull();
  });
});
