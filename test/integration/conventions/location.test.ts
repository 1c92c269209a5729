/**
 * 201 Created carries Location: every create that seeding a tenant makes answers with a path a
 * GET then resolves, and the published description documents Location on every 201.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredLocationOf, locationOf, locationTemplateOf, type ReadRoute } from '../../../functions/http/location';
import { registeredRoutes } from '../../unit/openapi/routeDefinitions';
import { seedTenantResources } from '../support/seedTenant';
import { createTestApi, type CallOptions, type CallResult, type TestApi } from '../support/testApi';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

const jsonSchemaOf = (response: unknown) => (response as { content?: Record<string, { schema?: unknown }> } | undefined)?.content?.['application/json']?.schema;

describe('201 Created carries Location', () => {
  it('every create made while seeding a tenant points at a path that answers GET', async () => {
    const tenant = await api.onboardTenant();
    const created: { method: string; path: string; result: CallResult }[] = [];
    const recording: TestApi = {
      ...api,
      async call<T = any>(method: string, path: string, options?: CallOptions) {
        const result = await api.call<T>(method, path, options);
        if (result.status === 201) created.push({ method, path, result });
        return result;
      },
    };
    await seedTenantResources(recording, tenant);
    expect(created.length).toBeGreaterThanOrEqual(10);
    for (const { path, result } of created) {
      const location = result.headers.get('location');
      expect(location ?? `no Location on POST ${path}`, `POST ${path}`).toMatch(/^\/v1\//);
      const read = await api.call('GET', location!, { key: location!.startsWith('/v1/platform/') ? api.operatorKey : tenant.ownerKey });
      expect(read.status, `GET ${location} (from POST ${path})`).toBe(200);
      // When the Location names the created record itself, the GET returns that record.
      const id = result.body?.id;
      if (typeof id === 'string' && location!.endsWith(`/${encodeURIComponent(id)}`)) expect(read.body.id).toBe(id);
    }
  });

  it('onboarding answers with the tenant\'s own path, also on an idempotent replay', async () => {
    const { tenantId, tenant } = await api.onboardTenant();
    expect(tenant.tenantId).toBe(tenantId);
    const body = { companyName: '位置測試股份有限公司', taxId: '04595257', sector: 'other', paidInCapital: 1_000_000, personalDataRecordCount: 10, contact: { name: '林小華', email: 'lin@example.com' } };
    const first = await api.call('POST', '/v1/platform/tenants', { key: api.operatorKey, body, headers: { 'idempotency-key': 'location-0001' } });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/v1/platform/tenants/${first.body.tenantId}`);
    const replay = await api.call('POST', '/v1/platform/tenants', { key: api.operatorKey, body, headers: { 'idempotency-key': 'location-0001' } });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('location')).toBe(first.headers.get('location'));
  });

  it('every 201 route resolves to a GET route and documents the Location header', async () => {
    const routes = registeredRoutes();
    const reads: ReadRoute[] = routes.filter((route) => route.method === 'get' && jsonSchemaOf(route.responses[200])).map((route) => ({ path: route.path, replySchema: jsonSchemaOf(route.responses[200]) }));
    const creates = routes.filter((route) => route.responses[201]);
    expect(creates.length).toBeGreaterThanOrEqual(20);
    const document = (await api.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, { $ref?: string }> }> }>>; components: { headers: Record<string, unknown> } };
    const undocumented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).filter(([, operation]) => operation.responses?.['201'] && operation.responses['201'].headers?.Location?.$ref !== '#/components/headers/Location').map(([method]) => `${method} ${path}`));
    expect(undocumented).toEqual([]);
    expect(document.components.headers.Location).toBeDefined();
    // A create with no GET above it declares `location` in its route spec (functions/http/route.ts).
    const unresolved = creates.filter((route) => !(declaredLocationOf(route.path) ?? locationTemplateOf(route.path, jsonSchemaOf(route.responses[201]), reads))).map((route) => route.path);
    expect(unresolved, 'add `location: <GET path>` to these routes\' specs').toEqual([]);
  });
});

describe('the Location rule', () => {
  const view = { marker: 'view' };
  const other = { marker: 'other' };
  const reads: ReadRoute[] = [
    { path: '/v1/things', replySchema: other },
    { path: '/v1/things/{thingId}', replySchema: view },
    { path: '/v1/things/{thingId}/notes', replySchema: other },
  ];

  it('prefers the GET that answers the same view, else a child GET, else the nearest ancestor GET', () => {
    expect(locationTemplateOf('/v1/things', view, reads)).toEqual({ path: '/v1/things/{thingId}', idParam: 'thingId' });
    expect(locationTemplateOf('/v1/things/{thingId}/copies', view, reads)).toEqual({ path: '/v1/things/{thingId}', idParam: 'thingId' });
    expect(locationTemplateOf('/v1/things', undefined, reads)).toEqual({ path: '/v1/things/{thingId}', idParam: 'thingId' });
    expect(locationTemplateOf('/v1/things/{thingId}/notes', { marker: 'note' }, reads)).toEqual({ path: '/v1/things/{thingId}/notes' });
    expect(locationTemplateOf('/v1/things/{thingId}/tags', { marker: 'tag' }, reads)).toEqual({ path: '/v1/things/{thingId}' });
    expect(locationTemplateOf('/v1/elsewhere', view, reads)).toBeUndefined();
  });
});

describe('the created id', () => {
  const template = { path: '/v1/things/{thingId}/parts/{partId}', idParam: 'partId' };
  const params = (name: string) => ({ thingId: 'th 1' })[name];

  it('comes from the view (its own name, else id), or from the one record a reply wraps', () => {
    expect(locationOf(template, { partId: 'p1', id: 'other' }, params)).toBe('/v1/things/th%201/parts/p1');
    expect(locationOf(template, { id: 'p2' }, params)).toBe('/v1/things/th%201/parts/p2');
    expect(locationOf(template, { part: { id: 'p3' }, upload: { url: 'https://upload' } }, params)).toBe('/v1/things/th%201/parts/p3');
    expect(locationOf(template, { a: { id: 'p4' }, b: { id: 'p5' } }, params)).toBeUndefined();
    expect(locationOf({ path: '/v1/things/{thingId}' }, { id: 'ignored' }, params)).toBe('/v1/things/th%201');
  });
});
