/** The typed client's HTTP conventions against a fake fetch: credential, Idempotency-Key, If-Match. */
import { describe, expect, it } from 'vitest';
import { createComplianceClient } from '../../../openapi/client';
import { fakeApi, json } from './fakeApi';

const incident = (version: number) => ({ id: 'inc_01jq3x8m5z6n7p8q9r0s1t2v3w', version });
const incidentPath = '/v1/incidents/{incidentId}' as const;
const incidentParams = { path: { incidentId: 'inc_01jq3x8m5z6n7p8q9r0s1t2v3w' } };

describe('credential and language', () => {
  it('sends an API key or a bearer token as Authorization: Bearer, and the chosen Accept-Language', async () => {
    const api = fakeApi(() => json({ items: [], nextCursor: null }));
    await createComplianceClient({ baseUrl: 'http://api.test', credential: { apiKey: 'pdpa_k1_secret' }, fetch: api.fetch }).GET('/v1/incidents');
    await createComplianceClient({ baseUrl: 'http://api.test/', credential: { bearerToken: 'eyJ.jwt' }, locale: 'en', fetch: api.fetch }).GET('/v1/incidents');
    await createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch }).GET('/v1/incidents');
    expect(api.seen.map((r) => r.headers.get('authorization'))).toEqual(['Bearer pdpa_k1_secret', 'Bearer eyJ.jwt', null]);
    expect(api.seen.map((r) => r.headers.get('accept-language'))).toEqual([null, 'en', null]);
    expect(api.seen[1]!.path).toBe('/v1/incidents');
  });
});

describe('Idempotency-Key', () => {
  it('puts a fresh UUID on every POST and none on other methods', async () => {
    const api = fakeApi(() => json(incident(1), 201));
    const client = createComplianceClient({ baseUrl: 'http://api.test', credential: { apiKey: 'k' }, fetch: api.fetch });
    await client.POST('/v1/incidents', { body: { title: 'a' } as never });
    await client.POST('/v1/incidents', { body: { title: 'b' } as never });
    await client.GET(incidentPath, { params: incidentParams });
    const [first, second, read] = api.seen.map((r) => r.headers.get('idempotency-key'));
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    expect(read).toBeNull();
  });

  it('keeps a key the caller gives (to retry a POST across process restarts)', async () => {
    const api = fakeApi(() => json(incident(1), 201));
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch });
    await client.POST('/v1/incidents', { body: { title: 'a' } as never, params: { header: { 'Idempotency-Key': 'order-2026-0001' } } });
    expect(api.seen[0]!.headers.get('idempotency-key')).toBe('order-2026-0001');
  });
});

describe('If-Match from the last ETag', () => {
  it('sends the ETag of the last read of the resource on an update, then the ETag of the update', async () => {
    const api = fakeApi(
      () => json(incident(3), 200, { etag: '"3"' }),
      () => json(incident(4), 200, { etag: '"4"' }),
      () => json(incident(5), 200, { etag: '"5"' }),
    );
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch });
    await client.GET(incidentPath, { params: incidentParams });
    await client.PATCH(incidentPath, { params: incidentParams, body: { title: 'x' } as never });
    await client.PATCH(incidentPath, { params: incidentParams, body: { title: 'y' } as never });
    expect(api.seen.map((r) => r.headers.get('if-match'))).toEqual([null, '"3"', '"4"']);
    expect(client.lastEtag('/v1/incidents/inc_01jq3x8m5z6n7p8q9r0s1t2v3w')).toBe('"5"');
  });

  it('lets an explicit If-Match win, and sends none for a resource it has not seen', async () => {
    const api = fakeApi(() => json(incident(3), 200, { etag: '"3"' }));
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch });
    await client.PATCH(incidentPath, { params: incidentParams, body: {} as never });
    await client.GET(incidentPath, { params: incidentParams });
    await client.PATCH(incidentPath, { params: { ...incidentParams, header: { 'If-Match': '"1"' } }, body: {} as never });
    expect(api.seen.map((r) => r.headers.get('if-match'))).toEqual([null, null, '"1"']);
  });

  it('remembers a created resource by its Location, else by the id in the body', async () => {
    const api = fakeApi(
      () => json(incident(1), 201, { etag: '"1"', location: '/v1/incidents/inc_01jq3x8m5z6n7p8q9r0s1t2v3w' }),
      () => json(incident(2), 200, { etag: '"2"' }),
      () => json({ id: 'vnd_01', version: 1 }, 201, { etag: '"1"' }),
      () => json({ id: 'vnd_01', version: 2 }, 200, { etag: '"2"' }),
    );
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch });
    await client.POST('/v1/incidents', { body: {} as never });
    await client.PATCH(incidentPath, { params: incidentParams, body: {} as never });
    await client.POST('/v1/vendors', { body: {} as never });
    await client.PATCH('/v1/vendors/{vendorId}', { params: { path: { vendorId: 'vnd_01' } }, body: {} as never });
    expect(api.seen.map((r) => r.headers.get('if-match'))).toEqual([null, '"1"', null, '"1"']);
  });

  it('guards a part of a resource with the resource\'s ETag and moves it on with each answer', async () => {
    const assessment = '/v1/assessments/{complianceAssessmentId}' as const;
    const item = '/v1/assessments/{complianceAssessmentId}/items/{itemNumber}' as const;
    const path = { complianceAssessmentId: 'cas_1' };
    const api = fakeApi(
      () => json({ id: 'cas_1' }, 200, { etag: '"7"' }),
      () => json({ id: 'cas_1' }, 200, { etag: '"8"' }),
      () => json({ id: 'cas_1' }, 200, { etag: '"9"' }),
      () => json({ id: 'cas_1' }, 200, { etag: '"10"' }),
      () => json({ id: 'cas_1' }, 200, { etag: '"11"' }),
    );
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch });
    await client.GET(assessment, { params: { path } });
    await client.PUT(item, { params: { path: { ...path, itemNumber: '1.3.1.1' } }, body: { result: 'compliant' } as never });
    await client.PUT(item, { params: { path: { ...path, itemNumber: '1.3.1.2' } }, body: { result: 'compliant' } as never });
    // An action on the resource answers with its new version.
    await client.POST('/v1/assessments/{complianceAssessmentId}/sign-off', { params: { path }, body: {} as never });
    await client.PUT(item, { params: { path: { ...path, itemNumber: '1.3.1.1' } }, body: { result: 'compliant' } as never });
    expect(api.seen.map((r) => r.headers.get('if-match'))).toEqual([null, '"7"', '"8"', null, '"10"']);
  });

  it('keeps the ETag of a 304 and forgets a deleted resource', async () => {
    const closure = '/v1/platform/legal-calendar/closures/{date}' as const;
    const params = { path: { date: '2026-07-24' } };
    const api = fakeApi(
      () => new Response(null, { status: 304, headers: { etag: '"2"' } }),
      () => new Response(null, { status: 204 }),
      () => json({}, 200),
    );
    const client = createComplianceClient({ baseUrl: 'http://api.test', fetch: api.fetch });
    const notModified = await client.GET(incidentPath, { params: { ...incidentParams, header: { 'If-None-Match': '"2"' } } as never });
    expect(notModified.response.status).toBe(304);
    expect(client.lastEtag('/v1/incidents/inc_01jq3x8m5z6n7p8q9r0s1t2v3w')).toBe('"2"');
    await client.DELETE(closure, { params: { ...params, header: { 'If-Match': '"1"' } } });
    expect(client.lastEtag('/v1/platform/legal-calendar/closures/2026-07-24')).toBeUndefined();
  });
});
