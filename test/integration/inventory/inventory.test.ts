/**
 * The inventory and risk APIs against DynamoDB Local: the example plan's inventory rows and
 * risk table reproduced through the API, CSV/XLSX round trips, all-or-nothing imports, the
 * record-count history, Art. 11 ¶3 reviews, risk moves, assessment comparison and isolation.
 */
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportInventoryCsv, inventoryHeaders } from '../../../domain/inventory/inventoryTable';
import { importInventoryXlsx } from '../../../domain/inventory/xlsx';
import { zonedDateOf } from '../../../domain/shared/isoDate';
import { loadTenantScope } from '../../../functions/http/authenticate';
import { countInventoryAndAssessments, loadPlanTableRows } from '../../../functions/risk/planTableRows';
import inventoryFixture from '../../fixtures/inventory/exampleInventory.json';
import risksFixture from '../../fixtures/inventory/exampleRisks.json';
import { exampleCodeLists, exampleFiles, exampleRiskTable } from '../../fixtures/inventory/loadExamples';
import { createTestApi, type TestApi } from '../support/testApi';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let api: TestApi;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
/** The fixture's vendor ids (V-HEALTH-01, V-CLOUD-01) → the ids the vendor register gave them in `tenant`. */
let tenantVendors: Record<string, string>;
let officerKey: string;
let auditorKey: string;

async function addExampleCodeLists(key: string) {
  for (const entry of inventoryFixture.tenantCodeLists.dataCategories) {
    const added = await api.call('POST', '/v1/inventory/code-lists/dataCategories', { key, body: entry });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
}

/** Raw (binary-safe) request, for XLSX bodies and downloads. */
async function raw(method: string, path: string, key: string, body?: Uint8Array | string, contentType?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (contentType) headers['content-type'] = contentType;
  const response = await api.app.request(path, { method, headers, body });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** Registers the vendors the fixture's files name: 委外廠商 must be on the tenant's vendor register. */
async function registerExampleVendors(key: string): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [fixtureId, name] of [['V-HEALTH-01', '健檢醫院股份有限公司'], ['V-CLOUD-01', '雲端主機股份有限公司']] as const) {
    const vendor = await api.call('POST', '/v1/vendors', {
      key,
      body: { name, registration: { kind: 'taiwanBusinessId', number: '22099131' }, country: 'TW', services: ['受託處理'], contact: { name: '窗口', email: 'vendor@example.com' }, processingRegions: [{ country: 'TW' }], onboardedOn: '2025-01-01' },
    });
    expect(vendor.status, JSON.stringify(vendor.body)).toBe(201);
    ids[fixtureId] = vendor.body.id;
  }
  return ids;
}

/** The fixture's files with their vendor ids as registered in one tenant. */
function fixtureFilesFor(vendors: Record<string, string>) {
  return inventoryFixture.files.map((file) => ({ ...file, vendorIds: file.vendorIds.map((id) => vendors[id] ?? id) }));
}
function exampleFilesFor(vendors: Record<string, string>) {
  return exampleFiles().map((file) => ({ ...file, vendorIds: file.vendorIds.map((id) => vendors[id] ?? id) }));
}

/** A table exported from one tenant, its vendor ids changed to another tenant's (ids are per tenant). */
function retarget(csv: string, from: Record<string, string>, to: Record<string, string>): string {
  return Object.keys(from).reduce((text, fixtureId) => text.replaceAll(from[fixtureId]!, to[fixtureId]!), csv);
}

async function newTenantWithCodeLists() {
  const other = await api.onboardTenant();
  await addExampleCodeLists(other.ownerKey);
  return Object.assign(other, { vendors: await registerExampleVendors(other.ownerKey) });
}

async function tableOf(tenantId: string) {
  return loadTenantScope(api.deps, tenantId);
}

const today = () => zonedDateOf(new Date(), 'Asia/Taipei');

beforeAll(async () => {
  api = await createTestApi();
  tenant = await api.onboardTenant();
  officerKey = await tenant.issueKey('officer');
  auditorKey = await tenant.issueKey('auditor');
  await addExampleCodeLists(tenant.ownerKey);
  tenantVendors = await registerExampleVendors(tenant.ownerKey);
  for (const file of fixtureFilesFor(tenantVendors)) {
    const created = await api.call('POST', '/v1/personal-data-files', { key: tenant.ownerKey, body: file });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
  for (const entry of risksFixture.tenantLibrary) {
    const added = await api.call('POST', '/v1/risk/library', { key: tenant.ownerKey, body: entry });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
  for (const risk of risksFixture.risks) {
    const created = await api.call('POST', '/v1/risks', { key: tenant.ownerKey, body: risk });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
}, 60_000);

describe('the example inventory and risk table through the API', () => {
  it('reproduces the example values A+B+C (4, 3, 4, 8)', async () => {
    for (const row of exampleRiskTable) {
      const file = await api.call('GET', `/v1/personal-data-files/${row.fileId}`, { key: auditorKey });
      expect(file.status).toBe(200);
      expect(file.headers.get('etag')).toBe('"1"');
      expect(file.body.riskValue).toMatchObject({ a: row.a, b: row.b, c: row.c, value: row.value });
    }
    // Per file, 001-2 (financial) and 001-3 (health examination, special) score higher than the group.
    expect((await api.call('GET', '/v1/personal-data-files/001-3', { key: auditorKey })).body.riskValue).toMatchObject({ a: 3, value: 6 });
  });

  it('lists with filters and signed cursors', async () => {
    const employees = await api.call('GET', '/v1/personal-data-files?subjectAttribute=employee', { key: auditorKey });
    expect(employees.body.items.map((f: { id: string }) => f.id)).toEqual(['001-1', '001-2', '001-3']);
    const special = await api.call('GET', '/v1/personal-data-files?special=true', { key: auditorKey });
    expect(special.body.items.map((f: { id: string }) => f.id)).toEqual(['001-3']);
    const crossBorder = await api.call('GET', '/v1/personal-data-files?crossBorder=true', { key: auditorKey });
    expect(crossBorder.body.items).toEqual([]);
    const first = await api.call('GET', '/v1/personal-data-files?limit=4', { key: auditorKey });
    expect(first.body.items).toHaveLength(4);
    const second = await api.call('GET', `/v1/personal-data-files?limit=4&cursor=${first.body.nextCursor}`, { key: auditorKey });
    expect(second.body.items.map((f: { id: string }) => f.id)).toEqual(['003', '004']);
    expect((await api.call('GET', `/v1/personal-data-files?limit=4&special=true&cursor=${first.body.nextCursor}`, { key: auditorKey })).status).toBe(400);
  });

  it('the assessment snapshot orders files by value, highest first, and the plan rows follow it', async () => {
    const assessment = await api.call('POST', '/v1/risk/assessments', {
      key: tenant.ownerKey,
      body: { assessedOn: '2025-01-10', assessor: '技安', scopeFileIds: exampleRiskTable.map((r) => r.fileId) },
    });
    expect(assessment.status, JSON.stringify(assessment.body)).toBe(201);
    const values = assessment.body.results.map((r: { fileId: string; value: { value: number } }) => [r.fileId, r.value.value]);
    expect(values).toEqual([['004', 8], ['001-1', 4], ['003', 4], ['002', 3]]);
    expect(assessment.body.results[0].risks.map((r: { id: string }) => r.id)).toEqual(['R-004-1', 'R-004-2', 'R-004-3']);
    expect(assessment.body.nextDueOn).toBe('2026-01-10');

    const scope = await tableOf(tenant.tenantId);
    const rows = await loadPlanTableRows(scope);
    expect(rows.inventory.map((r) => r.fileId)).toEqual(['001-1', '001-2', '001-3', '002', '003', '004']);
    expect(rows.inventory[0]).toMatchObject({ name: '員工基本資料', purpose: '〇〇二 人事管理', recordCount: 85, retentionPeriod: '離職後5年' });
    expect(rows.risks.filter((r) => r.value === 8)).toHaveLength(3);
    expect(rows.risks[0]).toMatchObject({ fileName: '004 客戶之消費者資料', categoryScore: 2, attributeScore: 3, recordCountScore: 3, value: 8 });
    expect(rows.risks.find((r) => r.fileName.startsWith('002'))).toMatchObject({ value: 3, scenario: '保管(地端資料庫)' });
    expect(await countInventoryAndAssessments(scope)).toEqual({ inventoryItemCount: 6, riskAssessmentCount: rows.risks.length });
  });
});

describe('import and export', () => {
  it('exports CSV in the example column order, byte for byte what the domain writes', async () => {
    const exported = await raw('GET', '/v1/inventory/export?format=csv', auditorKey);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(exported.bytes);
    expect(text).toBe(exportInventoryCsv(exampleFilesFor(tenantVendors), exampleCodeLists()));
    expect(text.startsWith('\uFEFF業務流程/個資檔案名稱,特定目的,個人資料類別及內容')).toBe(true);
  });

  it('CSV round trip: import into another tenant, export again, identical', async () => {
    const other = await newTenantWithCodeLists();
    const exported = retarget(new TextDecoder().decode((await raw('GET', '/v1/inventory/export?format=csv', tenant.ownerKey)).bytes), tenantVendors, other.vendors);
    const imported = await raw('POST', '/v1/inventory/imports?mode=createOnly', other.ownerKey, exported, 'text/csv; charset=utf-8');
    const summary = JSON.parse(new TextDecoder().decode(imported.bytes));
    expect(imported.status, JSON.stringify(summary)).toBe(201);
    expect(summary).toMatchObject({ fileCount: 6, batches: 1, created: ['001-1', '001-2', '001-3', '002', '003', '004'], notes: [] });
    const again = await raw('GET', '/v1/inventory/export?format=csv', other.ownerKey);
    expect(new TextDecoder().decode(again.bytes)).toBe(exported);
    // Re-sending the same file replays the import; nothing new is written.
    const replay = await raw('POST', '/v1/inventory/imports?mode=createOnly', other.ownerKey, exported, 'text/csv');
    expect(replay.status).toBe(200);
    expect(JSON.parse(new TextDecoder().decode(replay.bytes)).importId).toBe(summary.importId);
  });

  it('XLSX round trip gives back the same files', async () => {
    const exported = await raw('GET', '/v1/inventory/export?format=xlsx', tenant.ownerKey);
    expect(exported.headers.get('content-type')).toBe(XLSX);
    // The workbook read back is the tenant's files, field for field.
    const read = await importInventoryXlsx(exported.bytes, exampleCodeLists());
    expect(read).toEqual({ ok: true, value: { files: exampleFilesFor(tenantVendors), notes: [] } });
    // Imported into the same tenant with upsert it changes nothing: every file is unchanged.
    // With an Idempotency-Key too: the binary body must survive the key's request hashing.
    const response = await api.app.request('/v1/inventory/imports?mode=upsert', {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.ownerKey}`, 'content-type': XLSX, 'idempotency-key': 'xlsx-import-1' },
      body: exported.bytes,
    });
    const summary = await response.json();
    expect(response.status, JSON.stringify(summary)).toBe(201);
    expect(summary).toMatchObject({ created: [], updated: [], unchanged: ['001-1', '001-2', '001-3', '002', '003', '004'], notes: [] });
    const files = (await api.call('GET', '/v1/personal-data-files', { key: tenant.ownerKey })).body.items;
    expect(files.map((f: { version: number }) => f.version)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('rejects a file with bad rows whole: every bad line with its column and reason, nothing written', async () => {
    const other = await newTenantWithCodeLists();
    const exported = retarget(new TextDecoder().decode((await raw('GET', '/v1/inventory/export?format=csv', tenant.ownerKey)).bytes), tenantVendors, other.vendors);
    const lines = exported.split('\r\n');
    // Records 001-2 and 003: a purpose nobody can read, a record count that is not a number.
    // Lines are the CSV's physical lines where each record starts (cells span lines): 4 and 10.
    lines[2] = lines[2]!.replace('〇〇二 人事管理', '人事以外的東西');
    lines[5] = lines[5]!.replace(',1200,', ',很多,');
    const bad = await api.call('POST', '/v1/inventory/imports', { key: other.ownerKey, rawBody: lines.join('\r\n'), headers: { 'content-type': 'text/csv', 'accept-language': 'en' } });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.rowErrors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [4, '特定目的'],
      [10, '資料筆數'],
    ]);
    expect(bad.body.rowErrors[0].reasonZhTW).toContain('無法辨識特定目的');
    expect(bad.body.rowErrors[1].reason).toContain('record count');
    expect(bad.body.errors[0].field).toBe('line[4].特定目的');
    const listed = await api.call('GET', '/v1/personal-data-files', { key: other.ownerKey });
    expect(listed.body.items).toEqual([]);
    const count = await api.call('GET', '/v1/inventory/record-count', { key: other.ownerKey });
    expect(count.body.totalRecordCount).toBe(0);
  });

  it('createOnly refuses existing ids; upsert replaces them; other media types are 415', async () => {
    const exported = new TextDecoder().decode((await raw('GET', '/v1/inventory/export?format=csv', tenant.ownerKey)).bytes);
    const changed = exported.replace('聯繫員工、保險', '聯繫員工、保險、福利');
    const createOnly = await api.call('POST', '/v1/inventory/imports?mode=createOnly', { key: tenant.ownerKey, rawBody: changed, headers: { 'content-type': 'text/csv' } });
    expect(createOnly.status).toBe(422);
    expect(createOnly.body.rowErrors).toHaveLength(6);
    const other = await newTenantWithCodeLists();
    const first = await api.call('POST', '/v1/inventory/imports', { key: other.ownerKey, rawBody: retarget(exported, tenantVendors, other.vendors), headers: { 'content-type': 'text/csv' } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const upsert = await api.call('POST', '/v1/inventory/imports?mode=upsert', { key: other.ownerKey, rawBody: retarget(changed, tenantVendors, other.vendors), headers: { 'content-type': 'text/csv' } });
    expect(upsert.status).toBe(201);
    expect(upsert.body).toMatchObject({ updated: ['001-1'], created: [] });
    expect(upsert.body.unchanged).toHaveLength(5);
    const file = await api.call('GET', '/v1/personal-data-files/001-1', { key: other.ownerKey });
    expect(file.body).toMatchObject({ intendedUse: '聯繫員工、保險、福利', version: 2 });
    const wrongType = await api.call('POST', '/v1/inventory/imports', { key: other.ownerKey, rawBody: 'a,b', headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status).toBe(415);
    const big5ish = await raw('POST', '/v1/inventory/imports', other.ownerKey, new Uint8Array([0xa4, 0xa4, 0xa4, 0xe5]), 'text/csv');
    expect(big5ish.status).toBe(422);
  });

  it('imports more than 25 files in several audited transactions', async () => {
    const other = await newTenantWithCodeLists();
    const base = inventoryFixture.files[3]!;
    const files = Array.from({ length: 30 }, (_, i) => ({ ...base, id: `1${String(i).padStart(2, '0')}`, name: `供應商聯絡資料${i}` }));
    const csv = exportInventoryCsv(
      files.map((f) => ({ ...f, specialCategories: [], vendorIds: [], status: 'active' as const }) as never),
      exampleCodeLists(),
    );
    const imported = await api.call('POST', '/v1/inventory/imports', { key: other.ownerKey, rawBody: csv, headers: { 'content-type': 'text/csv' } });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body).toMatchObject({ fileCount: 30, batches: 2 });
    const count = await api.call('GET', '/v1/inventory/record-count', { key: other.ownerKey });
    expect(count.body.totalRecordCount).toBe(30 * 60);
    const audit = await api.call('GET', `/v1/audit-events?resourceType=inventoryImport&resourceId=${imported.body.importId}&limit=10`, { key: other.ownerKey });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['inventoryImport.batch', 'inventoryImport.batch']);
  });
  it('resumes an interrupted multi-batch import when the same file is sent again', async () => {
    const other = await newTenantWithCodeLists();
    const base = inventoryFixture.files[3]!;
    const files = Array.from({ length: 30 }, (_, i) => ({ ...base, id: `2${String(i).padStart(2, '0')}`, name: `客戶聯絡資料${i}` }));
    const csvOf = (list: typeof files) => exportInventoryCsv(list.map((f) => ({ ...f, specialCategories: [], vendorIds: [], status: 'active' as const }) as never), exampleCodeLists());
    const full = csvOf(files);
    // Batch 1 of the full import "committed" before a crash: its 25 files exist and the progress says 1 of 2.
    expect((await api.call('POST', '/v1/inventory/imports', { key: other.ownerKey, rawBody: csvOf(files.slice(0, 25)), headers: { 'content-type': 'text/csv' } })).status).toBe(201);
    const importId = `imp_${createHash('sha256').update('createOnly\0text/csv\0').update(full).digest('hex').slice(0, 32)}`;
    const scope = await tableOf(other.tenantId);
    await scope.doc.send(new PutCommand({
      TableName: scope.tableName,
      Item: { pk: `INVENTORY_IMPORT#${importId}`, sk: 'IMPORT', importId, mode: 'createOnly', fileCount: 30, batchCount: 2, committedBatches: 1, status: 'inProgress', created: files.slice(0, 25).map((f) => f.id), updated: [], unchanged: [] },
    }));
    const resumed = await api.call('POST', '/v1/inventory/imports', { key: other.ownerKey, rawBody: full, headers: { 'content-type': 'text/csv' } });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(201);
    expect(resumed.body).toMatchObject({ importId, resumedFromBatch: 1, batches: 2, fileCount: 30 });
    expect(resumed.body.created).toHaveLength(30);
    expect((await api.call('GET', '/v1/inventory/record-count', { key: other.ownerKey })).body.totalRecordCount).toBe(30 * 60);
  });
});

describe('forgiving import and checked links (issue #18)', () => {
  it('imports a hand-written table: required columns only, any order, ROC dates, the system column ignored with a note', async () => {
    const other = await newTenantWithCodeLists();
    const headers = ['個資屬性', '業務流程/個資檔案名稱', '特定目的', '個人資料類別及內容', '預計處理或利用方式', '法律依據', '處理或利用地區', '處理或利用期間', '資料筆數', '處理及利用軌跡紀錄存放位置', '國際傳輸(系統判定)', '特定目的消失日'];
    const rows = [
      ['所屬人員', '001-1 員工基本資料', '〇〇二、〇六九', 'C001 辨識個人者：姓名、地址、電話', '聯繫員工', '個資法第19條第1項第2款', '台灣地區', '離職後5年', '85', '人資系統LOG', '是', '民國115年11月30日'],
      ['消費者', '002 會員資料', '契約、類似契約或其他法律關係事務', 'C001：姓名', '會員服務', '個資法第19條第1項第2款', '處理及儲存 TW', '契約終止後3年', '1,200', '會員系統LOG', '否', '115/02/28'],
    ];
    const csv = [headers, ...rows].map((r) => r.map((cell) => (/[,"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n');
    const imported = await api.call('POST', '/v1/inventory/imports', { key: other.ownerKey, rawBody: csv, headers: { 'content-type': 'text/csv' } });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.notes.map((n: { line: number; column: string }) => [n.line, n.column])).toEqual([
      [1, '筆數盤點日'],
      [2, '國際傳輸(系統判定)'],
    ]);
    expect(imported.body.notes[1].reasonZhTW).toContain('已略過');
    expect(imported.body.notes[1].reasonEn).toContain('ignored');
    const file = await api.call('GET', '/v1/personal-data-files/001-1', { key: other.ownerKey });
    expect(file.body).toMatchObject({ specificPurposes: ['〇〇二', '〇六九'], recordCountAsOf: today(), purposeEndsOn: '2026-11-30', regions: [{ country: 'TW' }] });
    expect((await api.call('GET', '/v1/personal-data-files/002', { key: other.ownerKey })).body).toMatchObject({ specificPurposes: ['〇六九'], recordCount: 1200, purposeEndsOn: '2026-02-28' });
  });

  it('a table naming a vendor that is not on the register is rejected at that row and column', async () => {
    const other = await newTenantWithCodeLists();
    // The first tenant's vendor ids are unknown to this one.
    const exported = new TextDecoder().decode((await raw('GET', '/v1/inventory/export?format=csv', tenant.ownerKey)).bytes);
    const bad = await api.call('POST', '/v1/inventory/imports', { key: other.ownerKey, rawBody: exported, headers: { 'content-type': 'text/csv', 'accept-language': 'en' } });
    expect(bad.status).toBe(422);
    const vendorErrors = bad.body.rowErrors.filter((e: { column: string }) => e.column === '委外廠商');
    expect(vendorErrors).toHaveLength(2);
    expect(vendorErrors.map((e: { reasonEn: string }) => e.reasonEn)).toEqual([
      `vendor ${tenantVendors['V-HEALTH-01']} is not on the vendor register; register it first`,
      `vendor ${tenantVendors['V-CLOUD-01']} is not on the vendor register; register it first`,
    ]);
    expect(new Set(bad.body.rowErrors.map((e: { line: number; column: string; reasonEn: string }) => `${e.line}|${e.column}|${e.reasonEn}`)).size).toBe(bad.body.rowErrors.length);
    expect(inventoryHeaders).toContain('委外廠商');
  });

  it('a file’s vendor ids must be vendors of this tenant (create and patch); 422 names the field', async () => {
    const other = await newTenantWithCodeLists();
    const body = { ...inventoryFixture.files[0]!, id: '005', vendorIds: [tenantVendors['V-CLOUD-01']] };
    const foreign = await api.call('POST', '/v1/personal-data-files', { key: other.ownerKey, body });
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('unknownVendor');
    expect(foreign.body.errors.map((e: { field: string }) => e.field)).toEqual(['vendorIds.0']);
    expect(foreign.body.errors[0].reasonZhTW).toContain('受託者清冊');
    const created = await api.call('POST', '/v1/personal-data-files', { key: other.ownerKey, body: { ...body, vendorIds: [other.vendors['V-CLOUD-01']] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const patched = await api.call('PATCH', '/v1/personal-data-files/005', { key: other.ownerKey, body: { vendorIds: [other.vendors['V-CLOUD-01'], 'vnd_nobody'] }, headers: { 'if-match': created.headers.get('etag')! } });
    expect(patched.status).toBe(422);
    expect(patched.body.errors.map((e: { field: string }) => e.field)).toEqual(['vendorIds.1']);
  });

  it('a vendor’s and a contract’s file ids must be live inventory files; contract purposes are normalised codes', async () => {
    const other = await newTenantWithCodeLists();
    await api.call('POST', '/v1/personal-data-files', { key: other.ownerKey, body: inventoryFixture.files[0] });
    const vendorBody = { name: '客服外包股份有限公司', registration: { kind: 'taiwanBusinessId', number: '22099131' }, country: 'TW', services: ['客服'], contact: { name: '王經理', email: 'cs@example.com' }, processingRegions: [{ country: 'TW' }], onboardedOn: '2025-01-01' };
    const unknownFile = await api.call('POST', '/v1/vendors', { key: other.ownerKey, body: { ...vendorBody, personalDataFileIds: ['001-1', '999'] } });
    expect(unknownFile.status).toBe(422);
    expect(unknownFile.body.errors.map((e: { field: string }) => e.field)).toEqual(['personalDataFileIds.1']);
    const vendor = await api.call('POST', '/v1/vendors', { key: other.ownerKey, body: { ...vendorBody, personalDataFileIds: ['001-1'] } });
    expect(vendor.status, JSON.stringify(vendor.body)).toBe(201);
    const patched = await api.call('PATCH', `/v1/vendors/${vendor.body.id}`, { key: other.ownerKey, body: { personalDataFileIds: ['001-1', '001-2'] }, headers: { 'if-match': vendor.headers.get('etag')! } });
    expect(patched.status).toBe(422);
    expect(patched.body.errors.map((e: { field: string }) => e.field)).toEqual(['personalDataFileIds.1']);

    const contractBody = { title: '客服委外契約', period: { start: '2025-01-01', autoRenewal: false }, scope: { description: '客服', purposes: ['090 消費者、客戶管理與服務', '〇六九'], dataCategories: ['C001'], personalDataFileIds: ['001-1'] }, clauses: [] };
    const contract = await api.call('POST', `/v1/vendors/${vendor.body.id}/contracts`, { key: other.ownerKey, body: contractBody });
    expect(contract.status, JSON.stringify(contract.body)).toBe(201);
    expect(contract.body.scope.purposes).toEqual(['〇九〇', '〇六九']);
    const unknownPurpose = await api.call('POST', `/v1/vendors/${vendor.body.id}/contracts`, { key: other.ownerKey, body: { ...contractBody, scope: { ...contractBody.scope, purposes: ['〇〇一'] } } });
    expect(unknownPurpose.status).toBe(422);
    expect(unknownPurpose.body.errors.map((e: { field: string }) => e.field)).toEqual(['scope.purposes.0']);
    const unknownScopeFile = await api.call('POST', `/v1/vendors/${vendor.body.id}/contracts`, { key: other.ownerKey, body: { ...contractBody, scope: { ...contractBody.scope, personalDataFileIds: ['404'] } } });
    expect(unknownScopeFile.status).toBe(422);
    expect(unknownScopeFile.body.errors.map((e: { field: string }) => e.field)).toEqual(['scope.personalDataFileIds.0']);
    const badClause = await api.call('POST', `/v1/vendors/${vendor.body.id}/contracts`, { key: other.ownerKey, body: { ...contractBody, clauses: [{ clauseId: 'subProcessing', status: 'missing' }] } });
    expect(badClause.status).toBe(400);
  });
});

describe('record count', () => {
  it('derives the total and writes today’s history item whenever the total moves', async () => {
    const count = await api.call('GET', '/v1/inventory/record-count', { key: auditorKey });
    expect(count.body.totalRecordCount).toBe(85 * 3 + 60 + 1200 + 12000);
    const scope = await tableOf(tenant.tenantId);
    const history = await scope.doc.send(new GetCommand({ TableName: scope.tableName, Key: { pk: 'RECORD_COUNT', sk: today() } }));
    expect(history.Item).toMatchObject({ date: today(), count: 85 * 3 + 60 + 1200 + 12000, source: 'inventory' });

    const current = await api.call('GET', '/v1/personal-data-files/003', { key: tenant.ownerKey });
    const patched = await api.call('PATCH', '/v1/personal-data-files/003', { key: tenant.ownerKey, body: { recordCount: 1500 }, headers: { 'if-match': current.headers.get('etag')! } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.riskValue.value).toBe(4);
    const after = await scope.doc.send(new GetCommand({ TableName: scope.tableName, Key: { pk: 'RECORD_COUNT', sk: today() } }));
    expect(after.Item!.count).toBe(85 * 3 + 60 + 1500 + 12000);
  });
});

describe('updates and concurrency', () => {
  it('PATCH/PUT need a current If-Match (428, 412) and validate the merged file', async () => {
    const file = await api.call('GET', '/v1/personal-data-files/002', { key: tenant.ownerKey });
    const etag = file.headers.get('etag')!;
    expect((await api.call('PATCH', '/v1/personal-data-files/002', { key: tenant.ownerKey, body: { logLocation: '新位置' } })).status).toBe(428);
    const ok = await api.call('PATCH', '/v1/personal-data-files/002', { key: tenant.ownerKey, body: { logLocation: '新位置' }, headers: { 'if-match': etag } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe(`"${Number(JSON.parse(etag)) + 1}"`);
    const stale = await api.call('PATCH', '/v1/personal-data-files/002', { key: tenant.ownerKey, body: { logLocation: '又一個位置' }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    // Art. 6 categories need an Art. 6 basis: a rule of the merged file, reported with its field.
    const broken = await api.call('PATCH', '/v1/personal-data-files/002', {
      key: tenant.ownerKey,
      body: { specialCategories: ['criminalRecords'] },
      headers: { 'if-match': ok.headers.get('etag')! },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].field).toBe('legalBasis.art6');
    const unknownCode = await api.call('PUT', '/v1/personal-data-files/002', {
      key: tenant.ownerKey,
      body: { ...inventoryFixture.files[3], dataCategories: [{ code: 'C999', content: '不明' }] },
      headers: { 'if-match': ok.headers.get('etag')! },
    });
    expect(unknownCode.status).toBe(422);
    expect(unknownCode.body.errors[0].reasonZhTW).toContain('C999');
    const mismatched = await api.call('PUT', '/v1/personal-data-files/002', { key: tenant.ownerKey, body: { ...inventoryFixture.files[3], id: '009' }, headers: { 'if-match': ok.headers.get('etag')! } });
    expect(mismatched.status).toBe(400);
    const duplicate = await api.call('POST', '/v1/personal-data-files', { key: tenant.ownerKey, body: inventoryFixture.files[0] });
    expect(duplicate.status).toBe(409);
    expect((await api.call('POST', '/v1/personal-data-files', { key: auditorKey, body: inventoryFixture.files[0] })).status).toBe(403);
  });

  it('retires instead of deleting: gone from lists and totals, still readable, audited', async () => {
    const other = await newTenantWithCodeLists();
    for (const file of inventoryFixture.files.slice(3, 5)) await api.call('POST', '/v1/personal-data-files', { key: other.ownerKey, body: file });
    const retired = await api.call('POST', '/v1/personal-data-files/002/retire', { key: other.ownerKey, body: { reason: '供應商管理流程已併入003' } });
    expect(retired.status).toBe(200);
    expect(retired.body.retired).toMatchObject({ reason: '供應商管理流程已併入003' });
    expect((await api.call('GET', '/v1/personal-data-files', { key: other.ownerKey })).body.items.map((f: { id: string }) => f.id)).toEqual(['003']);
    expect((await api.call('GET', '/v1/personal-data-files?includeRetired=true', { key: other.ownerKey })).body.items).toHaveLength(2);
    expect((await api.call('GET', '/v1/inventory/record-count', { key: other.ownerKey })).body.totalRecordCount).toBe(1200);
    expect((await api.call('PATCH', '/v1/personal-data-files/002', { key: other.ownerKey, body: { name: 'x' }, headers: { 'if-match': '"2"' } })).status).toBe(409);
    const audit = await api.call('GET', '/v1/audit-events?resourceType=personalDataFile&resourceId=002', { key: other.ownerKey });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['personalDataFile.create', 'personalDataFile.retire']);
  });
});

describe('purpose-expiry review (Art. 11 ¶3)', () => {
  it('lists files due and applies delete, stop and keep decisions', async () => {
    const other = await newTenantWithCodeLists();
    for (const file of fixtureFilesFor(other.vendors).slice(3, 6)) expect((await api.call('POST', '/v1/personal-data-files', { key: other.ownerKey, body: file })).status).toBe(201);
    const set = async (id: string, body: Record<string, unknown>) => {
      const current = await api.call('GET', `/v1/personal-data-files/${id}`, { key: other.ownerKey });
      const patched = await api.call('PATCH', `/v1/personal-data-files/${id}`, { key: other.ownerKey, body, headers: { 'if-match': current.headers.get('etag')! } });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    };
    await set('002', { purposeEndsOn: '2025-03-01' });
    await set('003', { retentionExpiresOn: '2025-02-28' });
    await set('004', { retentionExpiresOn: '2030-12-31' });
    const due = await api.call('GET', '/v1/inventory/purpose-reviews/due?asOf=2025-03-01', { key: other.ownerKey });
    expect(due.body.items.map((d: { fileId: string; triggers: { kind: string }[] }) => [d.fileId, d.triggers[0]!.kind])).toEqual([
      ['002', 'purposeEnded'],
      ['003', 'retentionExpired'],
    ]);

    const noReason = await api.call('POST', '/v1/personal-data-files/002/purpose-review', { key: other.ownerKey, body: { decision: 'keep' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['reason', 'reasonCategory']);
    const notDue = await api.call('POST', '/v1/personal-data-files/004/purpose-review', {
      key: other.ownerKey,
      body: { decision: 'keep', reasonCategory: 'law', reason: '稅法', decidedOn: '2025-03-02' },
    });
    expect(notDue.status).toBe(422);

    const kept = await api.call('POST', '/v1/personal-data-files/003/purpose-review', {
      key: other.ownerKey,
      body: { decision: 'keep', reasonCategory: 'law', reason: '商業會計法規定保存', decidedOn: '2025-03-02', decidedBy: '法務' },
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body).toMatchObject({ status: 'active', purposeReview: { decision: 'keep', reasonCategory: 'law', decidedBy: '法務' } });

    const deleted = await api.call('POST', '/v1/personal-data-files/002/purpose-review', { key: other.ownerKey, body: { decision: 'delete', decidedOn: '2025-03-02', reason: '已依程序銷毀' } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ status: 'deleted', purposeReview: { decision: 'delete', note: '已依程序銷毀' } });
    const stopped = await api.call('POST', '/v1/personal-data-files/004/purpose-review', { key: other.ownerKey, body: { decision: 'stop', decidedOn: '2025-03-03' } });
    expect(stopped.body.status).toBe('processingStopped');
    expect((await api.call('POST', '/v1/personal-data-files/002/purpose-review', { key: other.ownerKey, body: { decision: 'stop' } })).status).toBe(422);

    const dueAfter = await api.call('GET', '/v1/inventory/purpose-reviews/due?asOf=2025-03-05', { key: other.ownerKey });
    expect(dueAfter.body.items).toEqual([]);
    // The deleted file no longer holds records; today's history follows.
    const count = await api.call('GET', '/v1/inventory/record-count', { key: other.ownerKey });
    expect(count.body).toMatchObject({ totalRecordCount: 1200 + 12000, deleted: ['002'] });
    const scope = await tableOf(other.tenantId);
    const history = await scope.doc.send(new GetCommand({ TableName: scope.tableName, Key: { pk: 'RECORD_COUNT', sk: today() } }));
    expect(history.Item).toMatchObject({ count: 1200 + 12000, source: 'inventory' });
  });
});

describe('risk register and assessments', () => {
  it('moves risks by the rules: accepting needs a reason; overdue list by target date', async () => {
    const noReason = await api.call('POST', '/v1/risks/R-002/transitions', { key: tenant.ownerKey, body: { to: 'acceptedWithReason', on: '2025-02-01', by: '資訊長' } });
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('riskTransitionRejected');
    const accepted = await api.call('POST', '/v1/risks/R-002/transitions', {
      key: tenant.ownerKey,
      body: { to: 'acceptedWithReason', on: '2025-02-01', by: '資訊長', reason: '地端資料庫將於年底汰換' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'acceptedWithReason', acceptanceReason: '地端資料庫將於年底汰換', version: 2 });
    expect((await api.call('POST', '/v1/risks/R-002/transitions', { key: tenant.ownerKey, body: { to: 'closed', on: '2025-02-02', by: 'x' } })).status).toBe(422);

    const overdue = await api.call('GET', '/v1/risks?overdue=true', { key: auditorKey });
    expect(overdue.body.items.map((r: { id: string }) => r.id)).toEqual(['R-001']);
    const byFile = await api.call('GET', '/v1/risks?fileId=004', { key: auditorKey });
    expect(byFile.body.items.map((r: { id: string }) => r.id)).toEqual(['R-004-1', 'R-004-2', 'R-004-3']);
    const byStatus = await api.call('GET', '/v1/risks?status=treating', { key: auditorKey });
    expect(byStatus.body.items.map((r: { id: string }) => r.id)).toEqual(['R-001']);

    const unknownEntry = await api.call('POST', '/v1/risks', { key: tenant.ownerKey, body: { ...risksFixture.risks[1], id: 'R-009', libraryEntryIds: ['no.such.entry'] } });
    expect(unknownEntry.status).toBe(422);
    const stale = await api.call('PATCH', '/v1/risks/R-003', { key: tenant.ownerKey, body: { owner: '行銷部主管' }, headers: { 'if-match': '"9"' } });
    expect(stale.status).toBe(412);
  });

  it('compares an assessment with the previous approved one: new, changed and closed risks', async () => {
    const first = await api.call('POST', '/v1/risk/assessments', { key: tenant.ownerKey, body: { assessedOn: '2025-02-10', assessor: '技安' } });
    expect(first.status).toBe(201);
    expect((await api.call('POST', `/v1/risk/assessments/${first.body.id}/approve`, { key: tenant.ownerKey, body: { approvedBy: '負責人', approvedOn: '2025-02-11' } })).status).toBe(403);
    const approved = await api.call('POST', `/v1/risk/assessments/${first.body.id}/approve`, { key: officerKey, body: { approvedBy: '個資長', approvedOn: '2025-02-11' } });
    expect(approved.status).toBe(200);
    expect(approved.body.approval).toEqual({ approvedBy: '個資長', approvedOn: '2025-02-11' });
    expect((await api.call('POST', `/v1/risk/assessments/${first.body.id}/approve`, { key: officerKey, body: { approvedBy: '個資長', approvedOn: '2025-02-11' } })).status).toBe(409);

    const closed = await api.call('POST', '/v1/risks/R-001/transitions', { key: tenant.ownerKey, body: { to: 'closed', on: '2025-03-01', by: '人資部主管' } });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const r3 = await api.call('GET', '/v1/risks/R-003', { key: tenant.ownerKey });
    const owner = await api.call('PATCH', '/v1/risks/R-003', { key: tenant.ownerKey, body: { owner: '行銷部主管' }, headers: { 'if-match': r3.headers.get('etag')! } });
    expect(owner.status).toBe(200);
    const added = await api.call('POST', '/v1/risks', {
      key: tenant.ownerKey,
      body: { id: 'R-005', fileIds: ['003'], context: 'disposal', operation: 'deleteDestroy', scenario: '廢棄(紙本名片)', libraryEntryIds: ['disposal.deleteDestroy.incompleteDeletion'], owner: '業務部主管' },
    });
    expect(added.status).toBe(201);

    const second = await api.call('POST', '/v1/risk/assessments', { key: tenant.ownerKey, body: { assessedOn: '2026-02-10', assessor: '技安' } });
    const comparison = await api.call('GET', `/v1/risk/assessments/${second.body.id}/comparison`, { key: auditorKey });
    expect(comparison.status).toBe(200);
    expect(comparison.body.previousAssessmentId).toBe(first.body.id);
    expect(comparison.body.newRisks.map((r: { id: string }) => r.id)).toEqual(['R-005']);
    expect(comparison.body.closedRisks.map((r: { id: string }) => r.id)).toEqual(['R-001']);
    const changed = Object.fromEntries(comparison.body.changedRisks.map((c: { risk: { id: string }; changes: { field: string }[] }) => [c.risk.id, c.changes.map((x) => x.field)]));
    expect(changed['R-003']).toEqual(['owner']);
    expect(comparison.body.valueChanges).toEqual([]);
    const list = await api.call('GET', '/v1/risk/assessments?limit=2', { key: auditorKey });
    expect(list.body.items[0].id).toBe(second.body.id);
  });

  it('the library merges built-in and tenant entries; a repeated id is a 409', async () => {
    const library = await api.call('GET', '/v1/risk/library', { key: auditorKey });
    expect(library.body.items.filter((e: { origin: string }) => e.origin === 'tenant')).toHaveLength(4);
    expect(library.body.items.find((e: { id: string }) => e.id === 'custody.fileRoom.unauthorisedEntry')).toBeDefined();
    const again = await api.call('POST', '/v1/risk/library', { key: tenant.ownerKey, body: risksFixture.tenantLibrary[0] });
    expect(again.status).toBe(409);
  });
});

describe('tenant isolation and code lists', () => {
  it('another tenant sees none of these files or risks', async () => {
    const other = await api.onboardTenant();
    expect((await api.call('GET', '/v1/personal-data-files/001-1', { key: other.ownerKey })).status).toBe(404);
    expect((await api.call('GET', '/v1/risks/R-001', { key: other.ownerKey })).status).toBe(404);
    expect((await api.call('GET', '/v1/personal-data-files', { key: other.ownerKey })).body.items).toEqual([]);
    expect((await api.call('GET', '/v1/risks', { key: other.ownerKey })).body.items).toEqual([]);
    const codes = await api.call('GET', '/v1/inventory/code-lists', { key: other.ownerKey });
    expect(codes.body.dataCategories.find((e: { code: string }) => e.code === 'C111')).toBeUndefined();
    // Without C111 in its code list the example's 001-3 is refused, naming the code.
    const refused = await api.call('POST', '/v1/personal-data-files', { key: other.ownerKey, body: inventoryFixture.files[2] });
    expect(refused.status).toBe(422);
  });

  it('code lists: tenant codes merge over the built-in list; duplicates are 409', async () => {
    const added = await api.call('POST', '/v1/inventory/code-lists/purposes', { key: tenant.ownerKey, body: { code: '052', name: '法人或團體對股東、會員、董事、監察人、理事、監事或其他成員名冊之內部管理' } });
    expect(added.status).toBe(201);
    expect(added.body.specificPurposes.find((e: { code: string }) => e.code === '〇五二')).toMatchObject({ origin: 'tenant' });
    expect((await api.call('POST', '/v1/inventory/code-lists/purposes', { key: tenant.ownerKey, body: { code: '〇五二', name: '重複' } })).status).toBe(409);
    const integration = await tenant.issueKey('integration', ['inventory:read']);
    expect((await api.call('GET', '/v1/inventory/code-lists', { key: integration })).status).toBe(200);
    expect((await api.call('POST', '/v1/personal-data-files', { key: integration, body: inventoryFixture.files[0] })).status).toBe(403);
  });
});
