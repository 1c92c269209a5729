/**
 * Hostile input and contention never produce a 500: bodies nested thousands deep are refused at
 * the edge, concurrent writers to one tenant all land with a verifying audit chain, unknown
 * methods get problem+json, and guessing credentials is throttled without locking out the holder.
 */
import { connect } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../functions/local/dynamoDbLocal';
import { answerUnparseableRequests } from '../../../functions/local/unparseableRequests';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
beforeAll(async () => {
  api = await createTestApi();
  tenant = await api.onboardTenant();
});

const vendorBody = (name: string) => ({
  name,
  registration: { kind: 'taiwanBusinessId', number: '22099131' },
  country: 'TW',
  services: ['會員資料庫代管'],
  contact: { name: '陳經理', email: 'pm@cloud.example.com' },
  processingRegions: [{ country: 'TW' }],
  onboardedOn: '2025-01-15',
});

describe('deeply nested bodies', () => {
  const deep = '{"a":'.repeat(4000) + '1' + '}'.repeat(4000);
  it.each([
    '/v1/plan/versions',
    '/v1/vendors',
    '/v1/incidents',
    '/v1/data-subject-requests',
  ])('POST %s with an Idempotency-Key answers 400 problem+json, not a stack overflow', async (path) => {
    const response = await api.call('POST', path, {
      key: tenant.ownerKey,
      rawBody: deep,
      headers: { 'content-type': 'application/json', 'idempotency-key': `deep-${path.replace(/\W/g, '')}` },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ type: expect.stringContaining('body-too-complex'), code: 'depth' });
  });
});

describe('contention on one tenant', () => {
  it('16 concurrent writers: every mutation lands, none is a 5xx, and the audit chain verifies', async () => {
    const writers = 16;
    const perWriter = 4;
    const statuses = await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        const seen: number[] = [];
        for (let n = 0; n < perWriter; n += 1) {
          seen.push((await api.call('POST', '/v1/vendors', { key: tenant.ownerKey, body: vendorBody(`併發廠商 ${writer}-${n}`) })).status);
        }
        return seen;
      }),
    );
    expect(statuses.flat().filter((status) => status !== 201)).toEqual([]);
    const listed = await api.call('GET', '/v1/vendors?limit=100', { key: tenant.ownerKey });
    expect(listed.body.items.filter((vendor: { name: string }) => vendor.name.startsWith('併發廠商'))).toHaveLength(writers * perWriter);
    const verified = await api.call('GET', '/v1/audit-events/verify', { key: tenant.ownerKey });
    expect(verified.status).toBe(200);
    expect(verified.body.valid).toBe(true);
  });
});

describe('methods', () => {
  it('a known path with another method is 405 problem+json with Allow', async () => {
    const response = await api.call('PUT', '/v1/platform/tenants', { key: api.operatorKey, body: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('an unknown path is still 404', async () => {
    expect((await api.call('GET', '/v1/no-such-thing', { key: api.operatorKey })).status).toBe(404);
  });

  describe('the local server', () => {
    let port: number;
    let close: () => void;
    beforeAll(async () => {
      port = await freePort();
      const server = serve({ fetch: api.app.fetch, port });
      answerUnparseableRequests(server);
      close = () => server.close();
    });
    afterAll(() => close());

    it('answers a method Node cannot parse (CONNECTX) with 501 problem+json, Allow and a request id', async () => {
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('CONNECTX /v1/platform/tenants HTTP/1.1\r\nHost: localhost\r\n\r\n'));
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 501 /);
      expect(raw).toContain('Content-Type: application/problem+json');
      expect(raw).toMatch(/X-Request-Id: req_[0-9a-z]{26}/);
      expect(raw).toContain('Allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 501, type: expect.stringContaining('method-not-implemented') });
    });
  });
});

describe('guessing credentials', () => {
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
  const request = (token: string, address: string) => api.app.request('/v1/tenant', { headers: { authorization: `Bearer ${token}` } }, from(address));

  it('wrong secrets for a real key id get 429 + Retry-After once over budget, and the holder still gets in', async () => {
    const keyId = /^pdpa_([0-9a-z]{12})_/.exec(tenant.ownerKey)![1];
    const wrong = `pdpa_${keyId}_${'A'.repeat(43)}`;
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    // Spread over addresses so only the key-id budget can trip.
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const response = await request(wrong, `198.51.100.${attempt}`);
      statuses.push(response.status);
      if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await request(tenant.ownerKey, '203.0.113.7')).status).toBe(200);
  });

  it('an address that keeps guessing unknown key ids is blocked before its credentials are checked', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const unknownKey = `pdpa_${String(attempt).padStart(12, '0')}_${'B'.repeat(43)}`;
      statuses.push((await request(unknownKey, '192.0.2.66')).status);
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(30);
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);
    // Even the right key is refused from that address while it is blocked ...
    expect((await request(tenant.ownerKey, '192.0.2.66')).status).toBe(429);
    // ... and accepted from anywhere else.
    expect((await request(tenant.ownerKey, '192.0.2.67')).status).toBe(200);
  });
});

describe('guessing questionnaire link tokens', () => {
  const open = (token: string, address: string) =>
    api.app.request(`/v1/public/vendor-questionnaires/${token}`, {}, { incoming: { socket: { remoteAddress: address } } });

  it('an address that keeps trying random tokens gets 429 + Retry-After, other addresses are unaffected', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const response = await open(`guess${String(attempt).padStart(40, '0')}`, '192.0.2.90');
      statuses.push(response.status);
      if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404));
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await open(`guess${'9'.repeat(40)}`, '192.0.2.91')).status).toBe(404);
  });
});

describe('ranges', () => {
  it.each(['/v1/audit-events', '/v1/platform/audit-events'])('%s with from after to is a 400 naming the field, not a 500', async (path) => {
    const key = path.includes('platform') ? api.operatorKey : tenant.ownerKey;
    const response = await api.call('GET', `${path}?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`, { key });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('query.from');
    const equal = await api.call('GET', `${path}?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`, { key });
    expect(equal.status).toBe(200);
  });
});
