/** A replayed idempotent POST says so: `Idempotent-Replayed: true`, documented on POST replies. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

describe('Idempotent-Replayed', () => {
  it('is absent on the first response and true on the replay, which returns the same record', async () => {
    const { ownerKey } = await api.onboardTenant();
    const body = { channel: 'webForm', requester: { name: '重送測試人', email: 'replay@example.com' }, items: [{ type: 'inquiry' }] };
    const headers = { 'idempotency-key': 'dsr-replay-0001' };
    const first = await api.call('POST', '/v1/data-subject-requests', { key: ownerKey, body, headers });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await api.call('POST', '/v1/data-subject-requests', { key: ownerKey, body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    const list = await api.call('GET', '/v1/data-subject-requests', { key: ownerKey });
    expect(list.body.items.filter((item: { id: string }) => item.id === first.body.id)).toHaveLength(1);
  });

  it('is documented on every POST success response', async () => {
    const document = (await api.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>; components: { headers: Record<string, unknown> } };
    const posts = Object.entries(document.paths).flatMap(([path, item]) => (item.post ? [[path, item.post] as const] : []));
    expect(posts.length).toBeGreaterThan(30);
    const missing = posts.filter(([, operation]) => Object.entries(operation.responses).some(([status, response]) => status.startsWith('2') && !response.headers?.['Idempotent-Replayed'])).map(([path]) => path);
    expect(missing).toEqual([]);
    expect(document.components.headers['Idempotent-Replayed']).toBeDefined();
  });
});
