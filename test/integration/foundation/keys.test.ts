import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
let now = new Date('2026-03-01T00:00:00Z');
beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
});

describe('API keys', () => {
  it('shows a key once, stores only its hash and lists it by prefix', async () => {
    const { ownerKey } = await api.onboardTenant();
    const created = await api.call('POST', '/v1/api-keys', { key: ownerKey, body: { name: 'CRM 整合', role: 'integration', scopes: ['dsr:write'] } });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^pdpa_[0-9a-z]{12}_/);
    expect(created.body.secret.startsWith(created.body.prefix)).toBe(true);
    const stored = await api.deps.controlPlane.doc.send(new GetCommand({ TableName: api.deps.controlPlane.tableName, Key: { pk: `APIKEY#${created.body.keyId}`, sk: 'KEY' } }));
    expect(JSON.stringify(stored.Item)).not.toContain(created.body.secret);
    expect(stored.Item?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    const listed = await api.call('GET', '/v1/api-keys', { key: ownerKey });
    expect(listed.body.items.map((k: { keyId: string }) => k.keyId)).toContain(created.body.keyId);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
  });

  it('rejects scopes on a person role and an integration key without scopes', async () => {
    const { ownerKey } = await api.onboardTenant();
    const officerWithScope = await api.call('POST', '/v1/api-keys', { key: ownerKey, body: { name: 'x', role: 'officer', scopes: ['dsr:read'] } });
    expect(officerWithScope.status).toBe(400);
    expect(officerWithScope.body.errors[0].field).toBe('scopes');
    const bareIntegration = await api.call('POST', '/v1/api-keys', { key: ownerKey, body: { name: 'x', role: 'integration' } });
    expect(bareIntegration.status).toBe(400);
  });

  it('revoked and expired keys stop authenticating; last use is recorded', async () => {
    const { ownerKey } = await api.onboardTenant();
    const auditor = await api.call('POST', '/v1/api-keys', { key: ownerKey, body: { name: 'auditor', role: 'auditor', expiresAt: '2026-03-02T00:00:00Z' } });
    expect((await api.call('GET', '/v1/tenant', { key: auditor.body.secret })).status).toBe(200);
    const listed = await api.call('GET', '/v1/api-keys', { key: ownerKey });
    expect(listed.body.items.find((k: { keyId: string }) => k.keyId === auditor.body.keyId).lastUsedAt).toBe(now.toISOString());

    now = new Date('2026-03-02T00:00:00Z');
    const expired = await api.call('GET', '/v1/tenant', { key: auditor.body.secret });
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toBe('API 金鑰已過期');
    now = new Date('2026-03-01T00:00:00Z');

    const revoke = await api.call('POST', `/v1/api-keys/${auditor.body.keyId}/revoke`, { key: ownerKey });
    expect(revoke.status).toBe(200);
    expect(revoke.body.revokedAt).toBe(now.toISOString());
    const revoked = await api.call('GET', '/v1/tenant', { key: auditor.body.secret });
    expect(revoked.status).toBe(401);
  });

  it('a tampered key with a real key id does not authenticate', async () => {
    const { ownerKey } = await api.onboardTenant();
    const tampered = ownerKey.slice(0, -4) + (ownerKey.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await api.call('GET', '/v1/tenant', { key: tampered })).status).toBe(401);
  });

  it('only owners manage keys; an owner cannot revoke another tenant\'s key', async () => {
    const a = await api.onboardTenant();
    const b = await api.onboardTenant();
    const officer = await a.issueKey('officer');
    expect((await api.call('POST', '/v1/api-keys', { key: officer, body: { name: 'x', role: 'owner' } })).status).toBe(403);
    const bKeys = await api.call('GET', '/v1/api-keys', { key: b.ownerKey });
    const bKeyId = bKeys.body.items[0].keyId;
    expect((await api.call('POST', `/v1/api-keys/${bKeyId}/revoke`, { key: a.ownerKey })).status).toBe(404);
    expect((await api.call('GET', '/v1/tenant', { key: b.ownerKey })).status).toBe(200);
  });
});
