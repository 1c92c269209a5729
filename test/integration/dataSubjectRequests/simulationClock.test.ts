/**
 * The local-only clock endpoint (functions/local/localClock.ts): the platform operator moves
 * the stack's "now" for a simulation, and receipts later than it are still refused. The API
 * app itself has no such route (it is served only by the local start, in front of the app).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/testApi';
import { createLocalClock, localClockApp, type LocalClock } from '../../../functions/local/localClock';
import { newRequestBody } from './support';

let api: TestApi;
let clock: LocalClock;

beforeAll(async () => {
  clock = createLocalClock();
  api = await createTestApi({ clock: clock.now });
});

describe('local simulation clock', () => {
  it('lets the operator set an "as of" date; receipts later than it are refused, earlier ones accepted', async () => {
    const clockApp = localClockApp(clock, api.deps);
    const tenant = await api.onboardTenant();
    const send = (method: string, key: string, body?: unknown) =>
      clockApp.request('/local/clock', { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });

    expect((await send('POST', tenant.ownerKey, { asOf: '2027-06-01T09:00:00+08:00' })).status).toBe(403);
    expect((await clockApp.request('/local/clock', { method: 'POST' })).status).toBe(401);
    expect((await send('POST', api.operatorKey, { asOf: '2027-06-01' })).status).toBe(400);
    const set = await send('POST', api.operatorKey, { asOf: '2027-06-01T09:00:00+08:00' });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ simulated: true });
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2027-06-01T01:00:00Z'));

    const later = await api.call('POST', '/v1/data-subject-requests', { key: tenant.ownerKey, body: newRequestBody(['inquiry'], { receivedAt: '2027-06-02T09:00:00+08:00' }) });
    expect(later.status).toBe(422);
    expect(later.body.code).toBe('TIME_IN_FUTURE');
    const earlier = await api.call('POST', '/v1/data-subject-requests', { key: tenant.ownerKey, body: newRequestBody(['inquiry'], { receivedAt: '2027-05-31T09:00:00+08:00' }) });
    expect(earlier.status).toBe(201);
    expect(earlier.body.caseNumber).toBe('DSR-1160531-0001');

    // Not part of the API app.
    expect((await api.app.request('/local/clock', { method: 'POST', headers: { authorization: `Bearer ${api.operatorKey}` } })).status).toBe(404);
    const reset = await send('DELETE', api.operatorKey);
    expect(await reset.json()).toMatchObject({ simulated: false });
  });
});
