/** GET of a single resource honours If-None-Match (RFC 9110): 304 with the ETag and no body. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ifNoneMatchMatches } from '../../../functions/http/etag';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
let ownerKey: string;
let vendorPath: string;
beforeAll(async () => {
  api = await createTestApi();
  ({ ownerKey } = await api.onboardTenant());
  const vendor = await api.call('POST', '/v1/vendors', {
    key: ownerKey,
    body: {
      name: '條件請求雲端股份有限公司',
      registration: { kind: 'taiwanBusinessId', number: '22099131' },
      country: 'TW',
      services: ['雲端主機代管'],
      contact: { name: '陳經理', email: 'vendor@example.com' },
      processingRegions: [{ country: 'TW' }],
      onboardedOn: '2026-01-01',
    },
  });
  expect(vendor.status).toBe(201);
  vendorPath = `/v1/vendors/${vendor.body.id}`;
});

describe('If-None-Match on a single resource', () => {
  it('answers 304 with the ETag and no body when the tag is current, 200 otherwise', async () => {
    const first = await api.call('GET', vendorPath, { key: ownerKey });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"\d+"$/);

    const notModified = await api.call('GET', vendorPath, { key: ownerKey, headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    expect(notModified.body).toBeNull();
    expect(notModified.headers.get('content-type')).toBeNull();
    expect(notModified.headers.get('ratelimit-remaining')).not.toBeNull();

    // Weak comparison: W/"n" matches "n"; a list of tags matches if any is current.
    expect((await api.call('GET', vendorPath, { key: ownerKey, headers: { 'if-none-match': `W/${etag}` } })).status).toBe(304);
    expect((await api.call('GET', vendorPath, { key: ownerKey, headers: { 'if-none-match': `"999", ${etag}` } })).status).toBe(304);
    expect((await api.call('GET', vendorPath, { key: ownerKey, headers: { 'if-none-match': '*' } })).status).toBe(304);

    const stale = await api.call('GET', vendorPath, { key: ownerKey, headers: { 'if-none-match': '"999"' } });
    expect(stale.status).toBe(200);
    expect(stale.body.id).toBe(first.body.id);
  });

  it('lists are unaffected, and a missing resource is still a 404', async () => {
    const list = await api.call('GET', '/v1/vendors', { key: ownerKey, headers: { 'if-none-match': '*' } });
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body.items)).toBe(true);
    const missing = await api.call('GET', '/v1/vendors/vnd_00000000000000000000000000', { key: ownerKey, headers: { 'if-none-match': '*' } });
    expect(missing.status).toBe(404);
  });

  it('is documented: If-None-Match on single-resource GETs, 304 with ETag', async () => {
    const document = (await api.call('GET', '/openapi.json')).body;
    const operation = document.paths['/v1/vendors/{vendorId}'].get;
    expect(operation.parameters.some((parameter: { name: string; in: string }) => parameter.name === 'If-None-Match' && parameter.in === 'header')).toBe(true);
    expect(operation.responses['304'].headers.ETag.$ref).toBe('#/components/headers/ETag');
    expect(document.paths['/v1/vendors'].get.responses['304']).toBeUndefined();
  });
});

describe('the comparison (RFC 9110 §8.8.3.2, weak)', () => {
  it('matches equal opaque tags regardless of W/, and * always', () => {
    expect(ifNoneMatchMatches('"3"', '"3"')).toBe(true);
    expect(ifNoneMatchMatches('W/"3"', '"3"')).toBe(true);
    expect(ifNoneMatchMatches('"3"', 'W/"3"')).toBe(true);
    expect(ifNoneMatchMatches(' "1" , "3" ', '"3"')).toBe(true);
    expect(ifNoneMatchMatches('*', '"7"')).toBe(true);
    expect(ifNoneMatchMatches('"4"', '"3"')).toBe(false);
    expect(ifNoneMatchMatches('3', '"3"')).toBe(false);
  });
});
