/**
 * Backups you can restore: a tenant's table and the control plane are copied into new tables and
 * proven whole (count, content digest, audit chain) before anyone would point at them; a copy
 * that lost or changed an item does not pass. (PITR at provisioning: DynamoDB Local has no
 * continuous backups, so test/unit/store/tableProtection.test.ts covers it.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { restoreSnapshot, snapshotTable, verifyRestoredTable } from '../../../functions/platform/tableRestore';
import { controlPlaneTableDefinition, tenantTableDefinition } from '../../../functions/store/tenantTableProvisioning';
import { tenantTableName } from '../../../functions/store/tableDesign';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
let tenantTable: string;

beforeAll(async () => {
  api = await createTestApi();
  tenant = await api.onboardTenant();
  tenantTable = tenantTableName(api.deps.provisioning.tenantTablePrefix, tenant.tenantId);
  // Some audited records of different kinds.
  for (const name of ['雲端主機商', '物流商']) {
    const created = await api.call('POST', '/v1/vendors', {
      key: tenant.ownerKey,
      body: { name, registration: { kind: 'taiwanBusinessId', number: '22099131' }, country: 'TW', services: ['代管'], contact: { name: '陳經理', email: 'pm@vendor.example.com' }, processingRegions: [{ country: 'TW' }], onboardedOn: '2025-01-15' },
    });
    expect(created.status).toBe(201);
  }
}, 120_000);

describe('restoring one tenant\'s table', () => {
  it('copies every item into a new table whose count, digest and audit chain verify', async () => {
    const doc = await api.deps.tenantDocumentClient(tenant.tenantId);
    const snapshot = await snapshotTable(doc, tenantTable, new Date());
    expect(snapshot.itemCount).toBeGreaterThan(4);
    const target = `${tenantTable}-restored`;
    await restoreSnapshot(api.deps.dynamo, doc, snapshot, tenantTableDefinition(target, { tenantTablePrefix: '', protectData: false }));
    const verification = await verifyRestoredTable(doc, target, snapshot);
    expect(verification).toMatchObject({ countMatches: true, contentMatches: true, ok: true, chain: { valid: true } });
    expect(verification.itemCount).toBe(snapshot.itemCount);
  });

  it('a copy missing an audit event fails verification (count and chain)', async () => {
    const doc = await api.deps.tenantDocumentClient(tenant.tenantId);
    const snapshot = await snapshotTable(doc, tenantTable, new Date());
    // One from the middle of the chain: a gap, not a shorter but intact chain.
    const auditIndexes = snapshot.items.flatMap((item, index) => (String(item.pk).startsWith('AUDIT') && String(item.sk).includes('EVENT#') ? [index] : []));
    expect(auditIndexes.length).toBeGreaterThan(2);
    const auditIndex = auditIndexes[Math.floor(auditIndexes.length / 2)];
    const damaged = { ...snapshot, items: snapshot.items.filter((_, index) => index !== auditIndex) };
    const target = `${tenantTable}-damaged`;
    await restoreSnapshot(api.deps.dynamo, doc, damaged, tenantTableDefinition(target, { tenantTablePrefix: '', protectData: false }));
    const verification = await verifyRestoredTable(doc, target, snapshot);
    expect(verification.ok).toBe(false);
    expect(verification.countMatches).toBe(false);
    expect(verification.chain.valid).toBe(false);
  });

  it('a copy with one changed record fails on its digest even though the count matches', async () => {
    const doc = await api.deps.tenantDocumentClient(tenant.tenantId);
    const snapshot = await snapshotTable(doc, tenantTable, new Date());
    const vendorIndex = snapshot.items.findIndex((item) => item.name === '物流商');
    expect(vendorIndex).toBeGreaterThanOrEqual(0);
    const items = snapshot.items.map((item, index) => (index === vendorIndex ? { ...item, name: '物流商（改）' } : item));
    const target = `${tenantTable}-altered`;
    await restoreSnapshot(api.deps.dynamo, doc, { ...snapshot, items }, tenantTableDefinition(target, { tenantTablePrefix: '', protectData: false }));
    const verification = await verifyRestoredTable(doc, target, snapshot);
    expect(verification).toMatchObject({ countMatches: true, contentMatches: false, ok: false });
  });
});

describe('restoring the control plane', () => {
  it('copies tenants, keys and the platform audit chain into a new table that verifies', async () => {
    const { doc, tableName } = api.deps.controlPlane;
    const snapshot = await snapshotTable(doc, tableName, new Date());
    const target = `${tableName}-restored`;
    await restoreSnapshot(api.deps.dynamo, doc, snapshot, controlPlaneTableDefinition(target));
    const verification = await verifyRestoredTable(doc, target, snapshot);
    expect(verification).toMatchObject({ countMatches: true, contentMatches: true, ok: true, chain: { valid: true } });
  });
});
