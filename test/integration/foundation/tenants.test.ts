import { DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, randomTaxId, type TestApi } from '../support/testApi';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

describe('tenant onboarding (control plane)', () => {
  it('creates the tenant with its own table, named from the tenant id', async () => {
    const { tenantId, tenant } = await api.onboardTenant({ sector: 'manufacturingAndTechnicalServices' });
    expect(tenant.status).toBe('active');
    expect(tenant.authority.nameZhTW).toBe('經濟部');
    expect(tenant.regulationPcode).toBe('J0030130');
    const table = await api.deps.dynamo.send(new DescribeTableCommand({ TableName: `${api.deps.provisioning.tenantTablePrefix}${tenantId}` }));
    expect(table.Table?.TableStatus).toBe('ACTIVE');
    expect(table.Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['byOwnerOrActor', 'byResource', 'dueByDate']);
  });

  it('validates the 統一編號 checksum, including the 7th-digit-7 rule', async () => {
    const bad = await api.call('POST', '/v1/platform/tenants', {
      key: api.operatorKey,
      body: { companyName: 'X', taxId: '22099132', sector: 'other', paidInCapital: 1, personalDataRecordCount: 1, contact: { name: 'a', email: 'a@example.com' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'taxId', reasonZhTW: '統一編號檢查碼不正確' })]);
    // 10458575: 7th digit 7, valid only under the 7-rule.
    const sevenRule = await api.call('POST', '/v1/platform/tenants', {
      key: api.operatorKey,
      body: { companyName: 'Seven', taxId: '10458575', sector: 'other', paidInCapital: 1, personalDataRecordCount: 1, contact: { name: 'a', email: 'a@example.com' } },
    });
    expect(sevenRule.status).toBe(201);
  });

  it('refuses a second tenant for the same 統一編號', async () => {
    const taxId = randomTaxId();
    await api.onboardTenant({ taxId });
    const second = await api.call('POST', '/v1/platform/tenants', {
      key: api.operatorKey,
      body: { companyName: 'Dup', taxId, sector: 'other', paidInCapital: 1, personalDataRecordCount: 1, contact: { name: 'a', email: 'a@example.com' } },
    });
    expect(second.status).toBe(409);
    expect(second.body.errors[0].field).toBe('taxId');
  });

  it('lists tenants with cursor pagination in a stable order', async () => {
    for (let i = 0; i < 3; i += 1) await api.onboardTenant();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api.call('GET', `/v1/platform/tenants?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { key: api.operatorKey });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((t: { tenantId: string }) => t.tenantId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('updates with If-Match and rejects a stale or missing ETag without writing', async () => {
    const { tenantId } = await api.onboardTenant();
    const current = await api.call('GET', `/v1/platform/tenants/${tenantId}`, { key: api.operatorKey });
    const etag = current.headers.get('etag')!;
    const missing = await api.call('PATCH', `/v1/platform/tenants/${tenantId}`, { key: api.operatorKey, body: { companyName: 'No ETag' } });
    expect(missing.status).toBe(428);
    const updated = await api.call('PATCH', `/v1/platform/tenants/${tenantId}`, { key: api.operatorKey, body: { companyName: '新名稱股份有限公司' }, headers: { 'if-match': etag } });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).not.toBe(etag);
    const stale = await api.call('PATCH', `/v1/platform/tenants/${tenantId}`, { key: api.operatorKey, body: { companyName: 'Stale' }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    const after = await api.call('GET', `/v1/platform/tenants/${tenantId}`, { key: api.operatorKey });
    expect(after.body.companyName).toBe('新名稱股份有限公司');
  });

  it('suspends (keys stop working) and reactivates', async () => {
    const { tenantId, ownerKey } = await api.onboardTenant();
    expect((await api.call('GET', '/v1/tenant', { key: ownerKey })).status).toBe(200);
    expect((await api.call('POST', `/v1/platform/tenants/${tenantId}/suspend`, { key: api.operatorKey })).status).toBe(200);
    const blocked = await api.call('GET', '/v1/tenant', { key: ownerKey });
    expect(blocked.status).toBe(403);
    expect(blocked.body.type).toContain('tenant-suspended');
    expect((await api.call('POST', `/v1/platform/tenants/${tenantId}/suspend`, { key: api.operatorKey })).status).toBe(409);
    expect((await api.call('POST', `/v1/platform/tenants/${tenantId}/reactivate`, { key: api.operatorKey })).status).toBe(200);
    expect((await api.call('GET', '/v1/tenant', { key: ownerKey })).status).toBe(200);
  });

  it('offboards: exports one archive, requires its digest, deletes the table and records it', async () => {
    const { tenantId, ownerKey } = await api.onboardTenant();
    await api.call('POST', '/v1/api-keys', { key: ownerKey, body: { name: 'extra', role: 'auditor' } });
    expect((await api.call('GET', `/v1/platform/tenants/${tenantId}/export`, { key: api.operatorKey })).status).toBe(409);
    await api.call('POST', `/v1/platform/tenants/${tenantId}/suspend`, { key: api.operatorKey });
    const archive = await api.call('GET', `/v1/platform/tenants/${tenantId}/export`, { key: api.operatorKey });
    expect(archive.status).toBe(200);
    expect(archive.body.format).toBe('pdpa-tenant-archive/v1');
    expect(archive.body.items.some((item: { entity: string }) => item.entity === 'AuditEvent')).toBe(true);
    // Encrypted identifiers stay readable for the archive holder: the wrapped key and scheme travel with it.
    expect(archive.body.encryption).toMatchObject({ scheme: 'AES-256-GCM', wrappedDataKey: expect.stringMatching(/^local\./) });
    await expect(api.deps.dataKeys.unwrapTenantDataKey(tenantId, archive.body.encryption.wrappedDataKey)).resolves.toHaveLength(32);
    const wrong = await api.call('POST', `/v1/platform/tenants/${tenantId}/offboard`, { key: api.operatorKey, body: { archiveSha256: '0'.repeat(64) } });
    expect(wrong.status).toBe(422);
    const done = await api.call('POST', `/v1/platform/tenants/${tenantId}/offboard`, { key: api.operatorKey, body: { archiveSha256: archive.body.itemsSha256 } });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('offboarded');
    expect(done.body.offboarding).toMatchObject({ archiveSha256: archive.body.itemsSha256, itemCount: archive.body.itemCount });
    await expect(api.deps.dynamo.send(new DescribeTableCommand({ TableName: `${api.deps.provisioning.tenantTablePrefix}${tenantId}` }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect((await api.call('GET', '/v1/tenant', { key: ownerKey })).status).toBe(401);
  });
});
