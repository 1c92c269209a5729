import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, randomTaxId, type TestApi } from '../support/testApi';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ bodyLimitBytes: 4096 });
});

const tenantBody = () => ({
  companyName: '冪等測試股份有限公司',
  taxId: randomTaxId(),
  sector: 'other',
  paidInCapital: 1_000_000,
  personalDataRecordCount: 10,
  contact: { name: '林小華', email: 'lin@example.com' },
});

async function controlPlaneTenantCount(): Promise<number> {
  const result = await api.deps.controlPlane.doc.send(new QueryCommand({
    TableName: api.deps.controlPlane.tableName,
    IndexName: 'byResource',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': 'TENANTS' },
    Select: 'COUNT',
  }));
  return result.Count ?? 0;
}

describe('problem+json for bad input, never a 500', () => {
  it('malformed JSON', async () => {
    const response = await api.call('POST', '/v1/platform/tenants', { key: api.operatorKey, rawBody: '{"companyName": ', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ type: expect.stringContaining('malformed-json'), status: 400, title: 'JSON 格式錯誤' });
    expect(response.body.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('wrong types and unknown fields, each with its field, in English on request', async () => {
    const response = await api.call('POST', '/v1/platform/tenants', {
      key: api.operatorKey,
      body: { ...tenantBody(), paidInCapital: 'many', nickname: 'x' },
      headers: { 'accept-language': 'en-US,en;q=0.9,zh-TW;q=0.5' },
    });
    expect(response.status).toBe(400);
    expect(response.body.title).toBe('The request is not valid');
    const fields = response.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['nickname', 'paidInCapital']);
    expect(response.body.errors.find((e: { field: string }) => e.field === 'paidInCapital').reasonZhTW).toContain('型別錯誤');
  });

  it('oversized bodies get 413', async () => {
    const response = await api.call('POST', '/v1/platform/tenants', { key: api.operatorKey, body: { ...tenantBody(), companyName: 'x'.repeat(10_000) } });
    expect(response.status).toBe(413);
    expect(response.body.type).toContain('payload-too-large');
  });

  it('a non-JSON content type gets 415', async () => {
    const response = await api.call('POST', '/v1/platform/tenants', { key: api.operatorKey, rawBody: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(415);
  });

  it('unknown routes are problem+json 404s', async () => {
    const response = await api.call('GET', '/v1/nothing-here', { key: api.operatorKey });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('bad, forged and foreign cursors are 400s', async () => {
    const garbage = await api.call('GET', '/v1/platform/tenants?cursor=abc', { key: api.operatorKey });
    expect(garbage.status).toBe(400);
    expect(garbage.body.type).toContain('invalid-cursor');
    await api.onboardTenant();
    await api.onboardTenant();
    const page = await api.call('GET', '/v1/platform/tenants?limit=1', { key: api.operatorKey });
    const cursor: string = page.body.nextCursor;
    // Cursors are encrypted (AES-256-GCM): an edited byte fails authentication.
    const edited = Buffer.from(cursor, 'base64url');
    edited[edited.length - 1] ^= 0x01;
    const forged = edited.toString('base64url');
    expect((await api.call('GET', `/v1/platform/tenants?limit=1&cursor=${forged}`, { key: api.operatorKey })).status).toBe(400);
    // Same cursor against another list (a different filter) is refused.
    expect((await api.call('GET', `/v1/platform/tenants?limit=1&status=suspended&cursor=${cursor}`, { key: api.operatorKey })).status).toBe(400);
    expect((await api.call('GET', `/v1/platform/tenants?limit=1&cursor=${cursor}`, { key: api.operatorKey })).status).toBe(200);
    expect((await api.call('GET', '/v1/platform/tenants?limit=101', { key: api.operatorKey })).status).toBe(400);
  });
});

describe('Idempotency-Key', () => {
  it('same key and body → the original response and no second record; different body → 422', async () => {
    const body = tenantBody();
    const before = await controlPlaneTenantCount();
    const first = await api.call('POST', '/v1/platform/tenants', { key: api.operatorKey, body, headers: { 'idempotency-key': 'onboard-0001' } });
    expect(first.status).toBe(201);
    const again = await api.call('POST', '/v1/platform/tenants', { key: api.operatorKey, body, headers: { 'idempotency-key': 'onboard-0001' } });
    expect(again.status).toBe(201);
    expect(again.body.tenantId).toBe(first.body.tenantId);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await controlPlaneTenantCount()).toBe(before + 1);
    const changed = await api.call('POST', '/v1/platform/tenants', { key: api.operatorKey, body: { ...body, companyName: '別的公司' }, headers: { 'idempotency-key': 'onboard-0001' } });
    expect(changed.status).toBe(422);
    expect(changed.body.type).toContain('idempotency-key-reused');
  });

  it('a replayed key creation never shows the secret again', async () => {
    const { ownerKey } = await api.onboardTenant();
    const body = { name: 'website', role: 'integration', scopes: ['dsr:write'] };
    const first = await api.call('POST', '/v1/api-keys', { key: ownerKey, body, headers: { 'idempotency-key': 'key-create-1' } });
    const replay = await api.call('POST', '/v1/api-keys', { key: ownerKey, body, headers: { 'idempotency-key': 'key-create-1' } });
    expect(first.body.secret).toMatch(/^pdpa_/);
    expect(replay.body.keyId).toBe(first.body.keyId);
    expect(replay.body.secret).toBeNull();
    const keys = await api.call('GET', '/v1/api-keys', { key: ownerKey });
    expect(keys.body.items.filter((k: { name: string }) => k.name === 'website')).toHaveLength(1);
  });

  it('rejects a malformed key', async () => {
    const response = await api.call('POST', '/v1/platform/tenants', { key: api.operatorKey, body: tenantBody(), headers: { 'idempotency-key': 'short' } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('header.Idempotency-Key');
  });
});
