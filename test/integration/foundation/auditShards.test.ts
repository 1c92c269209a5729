/**
 * The audit trail under contention (store/auditedCommit.ts): commits spread over chain shards
 * tied together by anchors; the verify endpoint checks every shard and the anchor chain, and
 * detects an edited event in a shard and a removed anchor.
 */
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { noteChainContention } from '../../../functions/store/auditedCommit';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

async function spreadTenant(writes: number) {
  const tenant = await api.onboardTenant();
  const tableName = `${api.deps.provisioning.tenantTablePrefix}${tenant.tenantId}`;
  noteChainContention(tableName);
  for (let i = 0; i < writes; i += 1) {
    const created = await api.call('POST', '/v1/api-keys', { key: tenant.ownerKey, body: { name: `shard-${i}`, role: 'auditor' } });
    expect(created.status).toBe(201);
  }
  const query = (prefix: string) => api.deps.controlPlane.doc.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': 'AUDIT', ':p': prefix } }));
  return { ...tenant, tableName, query };
}

describe('audit chain shards', () => {
  it('contended commits spread over shards, each new shard anchored, and the trail verifies', async () => {
    const { ownerKey, query } = await spreadTenant(40);
    const events = (await query('EVENT#')).Items!;
    const shards = new Set(events.map((e) => e.shard ?? 0));
    expect(shards.size).toBeGreaterThan(2);
    const anchors = (await query('ANCHOR#')).Items!;
    expect(anchors.length).toBeGreaterThanOrEqual(shards.size - (shards.has(0) ? 1 : 0));
    const verified = await api.call('GET', '/v1/audit-events/verify', { key: ownerKey });
    expect(verified.body).toMatchObject({ valid: true, eventsChecked: events.length });
    expect(Object.keys(verified.body.shards).length).toBe(shards.size);
  });

  it('an edited event on a spill-over shard is detected in that shard', async () => {
    const { ownerKey, tableName, query } = await spreadTenant(30);
    const target = (await query('EVENT#')).Items!.find((e) => typeof e.shard === 'number' && e.shard > 0)!;
    await api.deps.controlPlane.doc.send(new PutCommand({ TableName: tableName, Item: { ...target, action: 'apiKey.revoke' } }));
    const broken = await api.call('GET', '/v1/audit-events/verify', { key: ownerKey });
    expect(broken.body).toMatchObject({ valid: false, brokenAtShard: target.shard, brokenAtSequence: target.sequence, reason: 'hashMismatch' });
  });

  it('a removed anchor is detected', async () => {
    const { ownerKey, tableName, query } = await spreadTenant(30);
    const anchors = (await query('ANCHOR#')).Items!;
    expect(anchors.length).toBeGreaterThanOrEqual(3);
    await api.deps.controlPlane.doc.send(new DeleteCommand({ TableName: tableName, Key: { pk: anchors[1]!.pk, sk: anchors[1]!.sk } }));
    const broken = await api.call('GET', '/v1/audit-events/verify', { key: ownerKey });
    expect(broken.body).toMatchObject({ valid: false, reason: 'anchorLinkMismatch', brokenAtSequence: 3 });
  });

  it('32 concurrent writers on one tenant: no errors and the trail verifies', async () => {
    const tenant = await api.onboardTenant();
    const statuses = await Promise.all(Array.from({ length: 32 }, async (_, writer) => {
      const seen: number[] = [];
      for (let n = 0; n < 3; n += 1) seen.push((await api.call('POST', '/v1/api-keys', { key: tenant.ownerKey, body: { name: `w${writer}-${n}`, role: 'auditor' } })).status);
      return seen;
    }));
    expect(statuses.flat().filter((status) => status !== 201)).toEqual([]);
    const verified = await api.call('GET', '/v1/audit-events/verify', { key: tenant.ownerKey });
    expect(verified.body).toMatchObject({ valid: true });
  });
});
