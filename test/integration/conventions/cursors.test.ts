/**
 * Cursors are opaque (AES-256-GCM): no table key, tenant id or JSON shows when decoded, and a
 * tampered cursor, another tenant's cursor or one from another list is a 400 naming `cursor`.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../../functions/store/cursor';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
let tenantA: { tenantId: string; ownerKey: string };
let tenantB: { tenantId: string; ownerKey: string };

const vendorBody = (name: string) => ({
  name,
  registration: { kind: 'taiwanBusinessId', number: '22099131' },
  country: 'TW',
  services: ['雲端主機代管'],
  contact: { name: '陳經理', email: 'vendor@example.com' },
  processingRegions: [{ country: 'TW' }],
  onboardedOn: '2026-01-01',
});

beforeAll(async () => {
  api = await createTestApi();
  tenantA = await api.onboardTenant();
  tenantB = await api.onboardTenant();
  for (const tenant of [tenantA, tenantB]) {
    for (const name of ['游標甲股份有限公司', '游標乙股份有限公司', '游標丙股份有限公司']) {
      expect((await api.call('POST', '/v1/vendors', { key: tenant.ownerKey, body: vendorBody(name) })).status).toBe(201);
    }
  }
});

const firstPage = async (key: string, query = '') => (await api.call('GET', `/v1/vendors?limit=1${query}`, { key })).body.nextCursor as string;

function expectCursorProblem(response: { status: number; body: any }) {
  expect(response.status).toBe(400);
  expect(response.body.type).toContain('invalid-cursor');
  expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['query.cursor']);
}

describe('opaque cursors', () => {
  it('shows no tenant id, no key attribute and no JSON when decoded as base64url', async () => {
    const cursor = await firstPage(tenantA.ownerKey);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const text of [cursor, ...cursor.split('.')].map((part) => Buffer.from(part, 'base64url').toString('latin1'))) {
      expect(text).not.toContain(tenantA.tenantId);
      expect(text).not.toMatch(/"?(pk|sk|gsi\d?pk|gsi\d?sk|tenant|list|key)"?\s*:/);
      expect(text).not.toContain('VENDOR');
      expect(() => JSON.parse(text)).toThrow();
    }
    // Two cursors for the same position differ (random IV): nothing to compare across pages.
    expect(await firstPage(tenantA.ownerKey)).not.toBe(cursor);
  });

  it('continues the same list for the same tenant', async () => {
    const cursor = await firstPage(tenantA.ownerKey);
    const next = await api.call('GET', `/v1/vendors?limit=1&cursor=${cursor}`, { key: tenantA.ownerKey });
    expect(next.status).toBe(200);
    expect(next.body.items).toHaveLength(1);
  });

  it('refuses a tampered cursor, another tenant\'s cursor and a cursor from another list', async () => {
    const cursor = await firstPage(tenantA.ownerKey);
    const bytes = Buffer.from(cursor, 'base64url');
    bytes[bytes.length - 1] ^= 0x01;
    expectCursorProblem(await api.call('GET', `/v1/vendors?limit=1&cursor=${bytes.toString('base64url')}`, { key: tenantA.ownerKey }));
    expectCursorProblem(await api.call('GET', `/v1/vendors?limit=1&cursor=${cursor}`, { key: tenantB.ownerKey }));
    expectCursorProblem(await api.call('GET', `/v1/incidents?limit=1&cursor=${cursor}`, { key: tenantA.ownerKey }));
    expectCursorProblem(await api.call('GET', '/v1/vendors?limit=1&cursor=not-a-cursor', { key: tenantA.ownerKey }));
  });
});

describe('cursor keys rotate', () => {
  const binding = { tenant: 'tn_a', list: 'vendors?{}' };
  const lastKey = { pk: 'VENDOR#vnd_1', sk: 'VENDOR' };

  it('the current secret encrypts; a retired one still decrypts while it is listed; an unlisted one is refused', () => {
    const retired = randomBytes(32);
    const current = randomBytes(32);
    const old = encodeCursor(retired, binding, lastKey)!;
    expect(decodeCursor([current, retired], binding, old)).toEqual(lastKey);
    expect(() => decodeCursor(current, binding, old)).toThrow(InvalidCursorError);
    const fresh = encodeCursor([current, retired], binding, lastKey)!;
    expect(decodeCursor(current, binding, fresh)).toEqual(lastKey);
    // The key id travels in the clear, the secret's derivation does not reveal it.
    expect(Buffer.from(fresh, 'base64url').subarray(1, 9).equals(Buffer.from(old, 'base64url').subarray(1, 9))).toBe(false);
    expect(() => decodeCursor(current, { ...binding, tenant: 'tn_b' }, fresh)).toThrow(InvalidCursorError);
  });
});
