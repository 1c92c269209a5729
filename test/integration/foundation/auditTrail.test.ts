import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

describe('audit trail', () => {
  it('every mutation writes a chained audit event; filters by resource, actor and time', async () => {
    const { ownerKey, tenantId } = await api.onboardTenant();
    const created = await api.call('POST', '/v1/api-keys', { key: ownerKey, body: { name: 'auditor', role: 'auditor' } });
    await api.call('POST', `/v1/api-keys/${created.body.keyId}/revoke`, { key: ownerKey });

    const all = await api.call('GET', '/v1/audit-events', { key: ownerKey });
    expect(all.status).toBe(200);
    expect(all.body.items.map((e: { action: string }) => e.action)).toEqual(['apiKey.create', 'apiKey.revoke']);
    const [first, second] = all.body.items;
    expect(second.previousHash).toBe(first.hash);
    expect(first.requestId).toMatch(/^req_/);
    expect(first.beforeDigest).toBeNull();
    expect(second.beforeDigest).toMatch(/^[0-9a-f]{64}$/);

    const byResource = await api.call('GET', `/v1/audit-events?resourceType=apiKey&resourceId=${created.body.keyId}`, { key: ownerKey });
    expect(byResource.body.items).toHaveLength(2);
    const ownerKeyId = ownerKey.split('_')[1];
    const byActor = await api.call('GET', `/v1/audit-events?actorId=key:${ownerKeyId}`, { key: ownerKey });
    expect(byActor.body.items).toHaveLength(2);
    const future = await api.call('GET', `/v1/audit-events?from=2999-01-01T00:00:00Z`, { key: ownerKey });
    expect(future.body.items).toHaveLength(0);
    const window = await api.call('GET', `/v1/audit-events?from=${encodeURIComponent(first.at)}&to=${encodeURIComponent(first.at)}`, { key: ownerKey });
    expect(window.body.items.map((e: { sequence: number }) => e.sequence)).toContain(1);

    // The platform chain recorded the onboarding.
    const platform = await api.call('GET', `/v1/platform/audit-events?resourceType=tenant&resourceId=${tenantId}`, { key: api.operatorKey });
    expect(platform.body.items.map((e: { action: string }) => e.action)).toEqual(['tenant.create', 'tenant.activate']);
  });

  it('verification detects an edited event', async () => {
    const { ownerKey, tenantId } = await api.onboardTenant();
    for (let i = 0; i < 3; i += 1) await api.call('POST', '/v1/api-keys', { key: ownerKey, body: { name: `k${i}`, role: 'auditor' } });
    const ok = await api.call('GET', '/v1/audit-events/verify', { key: ownerKey });
    expect(ok.body).toMatchObject({ valid: true, eventsChecked: 3 });

    const tableName = `${api.deps.provisioning.tenantTablePrefix}${tenantId}`;
    const events = await api.deps.controlPlane.doc.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)', ExpressionAttributeValues: { ':pk': 'AUDIT', ':e': 'EVENT#' } }));
    const second = events.Items![1]!;
    await api.deps.controlPlane.doc.send(new PutCommand({ TableName: tableName, Item: { ...second, action: 'apiKey.delete' } }));
    const broken = await api.call('GET', '/v1/audit-events/verify', { key: ownerKey });
    expect(broken.body).toMatchObject({ valid: false, brokenAtSequence: 2, reason: 'hashMismatch' });
  });

  it('concurrent mutations keep an unbroken trail: every event on a chain, every shard head accounted for', async () => {
    const { ownerKey } = await api.onboardTenant();
    await Promise.all(Array.from({ length: 8 }, (_, i) => api.call('POST', '/v1/api-keys', { key: ownerKey, body: { name: `parallel-${i}`, role: 'auditor' } })));
    const verified = await api.call('GET', '/v1/audit-events/verify', { key: ownerKey });
    expect(verified.body).toMatchObject({ valid: true, eventsChecked: 8 });
    // Writers that lose the main chain's head twice move to shards; the heads together hold all 8 events.
    const shards = verified.body.shards as Record<string, { sequence: number }>;
    expect(Object.values(shards).reduce((sum, link) => sum + link.sequence, 0)).toBe(8);
  });

  it('auditors read the trail but cannot change anything', async () => {
    const { issueKey } = await api.onboardTenant();
    const auditor = await issueKey('auditor');
    expect((await api.call('GET', '/v1/audit-events', { key: auditor })).status).toBe(200);
    expect((await api.call('POST', '/v1/api-keys', { key: auditor, body: { name: 'x', role: 'owner' } })).status).toBe(403);
  });
});
