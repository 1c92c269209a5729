/**
 * The security maintenance plan through the HTTP API against DynamoDB Local: the example
 * company's plan from the seed fixture, completeness, approval (with and without accepted gaps),
 * rendering, version transitions, obligations around the 5,000-record threshold and the duties
 * an approved plan hands to the review pipeline.
 */
// The app first: @hono/zod-openapi must extend zod before any domain schema is built.
import { createTestApi, type TestApi } from '../support/testApi';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { planSectionHeadings, type PlanContent } from '../../../domain/plan';
import { loadAllDuties } from '../../../functions/reviews/dutySync';
import exampleInventory from '../../fixtures/inventory/exampleInventory.json';
import examplePlan from '../../fixtures/plan/examplePlan.json';

const example = examplePlan as unknown as PlanContent;
let api: TestApi;
let now = new Date('2025-01-02T02:00:00Z'); // 114年1月2日 10:00 in Taipei

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
});

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const representative = { approverName: '小叮噹', approverTitle: '總經理', capacity: 'representative' };
/** Tenants in most tests have no inventory yet; the approver accepts the empty tables. */
const tablesAccepted = {
  ...representative,
  acceptedGaps: [
    { code: 'INVENTORY_EMPTY', reason: '盤點表另行建置中' },
    { code: 'RISK_ASSESSMENT_EMPTY', reason: '風險評估另行辦理' },
  ],
};
const exampleFile = exampleInventory.files[0]!;

/** Reads one entry of a zip (enough for word/document.xml of a .docx). */
function zipEntry(zip: Buffer, name: string): string {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  const entries = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i += 1) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const local = zip.readUInt32LE(offset + 42);
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressedSize);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  throw new Error(`${name} not in zip`);
}

function expectHeadingsInOrder(text: string) {
  let from = 0;
  for (const heading of planSectionHeadings) {
    const at = text.indexOf(heading.headingZh, from);
    expect(at, `${heading.headingZh} after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + heading.headingZh.length;
  }
}

async function rawDocument(path: string, key: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await api.app.request(path, { headers: { authorization: `Bearer ${key}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function createAndApprove(key: string, content: PlanContent, approval: Record<string, unknown> = tablesAccepted, versionDate = '2025-01-02') {
  const created = await api.call('POST', '/v1/plan/versions', { key, body: { versionDate, content } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const n = created.body.versionNumber as number;
  expect((await api.call('POST', `/v1/plan/versions/${n}/submit`, { key })).status).toBe(200);
  const approved = await api.call('POST', `/v1/plan/versions/${n}/approve`, { key, body: approval });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return approved.body;
}

describe('the example company\'s plan', () => {
  it('is built from the seed fixture, checked complete, approved and rendered with every section in order', async () => {
    const tenant = await api.onboardTenant({ companyName: '小叮噹股份有限公司' });
    const key = tenant.ownerKey;
    // The §3 and §4 tables come from the inventory area: one file and its risk assessment.
    const file = await api.call('POST', '/v1/personal-data-files', { key, body: exampleFile });
    expect(file.status, JSON.stringify(file.body)).toBe(201);
    const assessment = await api.call('POST', '/v1/risk/assessments', { key, body: { assessedOn: '2025-01-02', assessor: '技安' } });
    expect(assessment.status, JSON.stringify(assessment.body)).toBe(201);

    const created = await api.call('POST', '/v1/plan/versions', { key, body: { versionDate: '2025-01-02', content: example } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ versionNumber: 1, label: '114年1月2日 1版', versionDate: '2025-01-02', versionDateRoc: '114年1月2日', status: 'draft', revision: 1 });
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe('/v1/plan/versions/1');
    expect(created.body.content).toEqual(example);

    const completeness = await api.call('GET', '/v1/plan/versions/1/completeness', { key });
    expect(completeness.status).toBe(200);
    expect(completeness.body).toMatchObject({ complete: true, approvable: true, gapCount: 0, gaps: [] });
    expect(completeness.body.regulation).toMatchObject({ pcode: 'K0010162', source: 'tenantProfile', modelled: true, completenessBasis: 'K0010162' });
    // Capital NT$20M ≥ NT$10M: K0010162 Art. 18 fixes a 12-month cycle, which the check applies.
    expect(completeness.body.context).toMatchObject({ inventoryItemCount: 1, riskAssessmentCount: 1, requiredAuditFrequency: { every: 1, unit: 'year' }, maximumNotificationHours: 72, minimumRecordKeepingYears: 5 });

    expect((await api.call('POST', '/v1/plan/versions/1/submit', { key })).body.status).toBe('submitted');
    const approved = await api.call('POST', '/v1/plan/versions/1/approve', { key, body: representative });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.approval).toMatchObject({ approverName: '小叮噹', approverTitle: '總經理', capacity: 'representative', acceptedGaps: [], approvedAt: now.toISOString() });

    const markdown = await api.call('GET', '/v1/plan/versions/1/document?format=markdown', { key });
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(markdown.body).toContain('# 小叮噹股份有限公司個人資料安全維護計畫');
    expect(markdown.body).toContain('114年1月2日 1版');
    expectHeadingsInOrder(markdown.body);
    expect(markdown.body).toContain(`| ${exampleFile.id} | ${exampleFile.name} |`);

    const html = await api.call('GET', '/v1/plan/versions/1/document?format=html', { key });
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.body).toMatch(/^<!DOCTYPE html>/);
    expectHeadingsInOrder(html.body);

    const docx = await rawDocument('/v1/plan/versions/1/document?format=docx', key);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers.get('content-disposition')).toBe(
      `attachment; filename="security-maintenance-plan-v1-2025-01-02.docx"; filename*=UTF-8''${encodeURIComponent('個人資料安全維護計畫_114年1月2日_1版.docx')}`,
    );
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expectHeadingsInOrder(zipEntry(docx.bytes, 'word/document.xml'));

    // Deterministic: the same version renders to the same bytes, whenever it is asked for.
    now = new Date('2025-03-01T00:00:00Z');
    const again = await rawDocument('/v1/plan/versions/1/document?format=docx', key);
    expect(again.bytes.equals(docx.bytes)).toBe(true);
    expect((await api.call('GET', '/v1/plan/versions/1/document?format=markdown', { key })).body).toBe(markdown.body);
    now = new Date('2025-01-02T02:00:00Z');

    // Auditors read the plan; they cannot approve it.
    const auditor = await tenant.issueKey('auditor');
    expect((await api.call('GET', '/v1/plan/versions/1/document', { key: auditor })).status).toBe(200);
    expect((await api.call('GET', '/v1/plan/versions/1/document?format=pdf', { key: auditor })).status).toBe(400);
  });

  it('hands the approved plan\'s duties to the review pipeline', async () => {
    const tenant = await api.onboardTenant();
    const key = tenant.ownerKey;
    const defaults = await api.call('GET', '/v1/plan/duties', { key });
    expect(defaults.body).toMatchObject({ source: 'default', planVersion: null });
    expect(defaults.body.items.length).toBeGreaterThan(0); // `every` on an empty list would pass vacuously
    expect(defaults.body.items.every((d: { owner?: unknown }) => d.owner === undefined)).toBe(true);

    await createAndApprove(key, example);
    const duties = await api.call('GET', '/v1/plan/duties', { key });
    expect(duties.body.source).toBe('plan');
    expect(duties.body.planVersion).toEqual({ versionNumber: 1, label: '114年1月2日 1版' });
    const office = duties.body.items.find((d: { dutyId: string }) => d.dutyId === 'firewallRuleReview:officeEnvironment');
    expect(office).toMatchObject({ frequency: { every: 3, unit: 'month' }, frequencyLabelZh: '3個月', ownerRole: 'securityLead', owner: { name: '阿福', title: '技術副總' } });
    expect(office.title.zhTW).toBe('防火牆定期更新（辦公環境）');
    const inventory = duties.body.items.find((d: { dutyId: string }) => d.dutyId === 'inventoryReview');
    expect(inventory).toMatchObject({ frequency: { every: 1, unit: 'year' }, ownerRole: 'dedicatedOfficer', ownerRoleLabel: { zhTW: '個資管理專職人員' } });

    const tenantScope = await tenantTable(tenant.tenantId);
    const stored = (await loadAllDuties(tenantScope)).filter((d) => d.retiredOn === null);
    expect(stored).toHaveLength(duties.body.items.length);
    const storedInventory = stored.find((d) => d.dutyKind === 'inventoryReview')!;
    // First due one period after the approval date (in Taipei), owned by the privacy officer role.
    expect(storedInventory).toMatchObject({ source: 'plan', frequency: { every: 1, unit: 'year' }, owner: { role: 'privacyOfficer' }, anchorDate: '2026-01-02' });
    expect(stored.find((d) => d.dutyKind === 'firewallRuleReview:hostedServices')?.frequency).toEqual({ every: 6, unit: 'month' });

    // The reviews area's list shows the plan's duties too (the reviews area is always mounted).
    const listed = await api.call('GET', '/v1/duties?source=plan', { key });
    expect(listed.status).toBe(200);
    const listedInventory = listed.body.items.find((d: { dutyKind: string }) => d.dutyKind === 'inventoryReview');
    expect(listedInventory).toMatchObject({ source: 'plan', frequency: { every: 1, unit: 'year' }, anchorDate: '2026-01-02' });

    // A revised plan changes a frequency and drops a duty: the duties follow, the dropped one retires.
    const revised = clone(example);
    (revised.sections.inventory as { schedule: unknown }).schedule = { frequency: { every: 6, unit: 'month' }, labelZh: '每半年' };
    delete (revised.sections.training as { itStaff?: unknown }).itStaff;
    now = new Date('2025-06-30T20:00:00Z'); // already 2025-07-01 in Taipei
    await createAndApprove(key, revised, tablesAccepted, '2025-07-01');
    now = new Date('2025-01-02T02:00:00Z');
    const after = await loadAllDuties(tenantScope);
    expect(after.find((d) => d.dutyKind === 'inventoryReview')).toMatchObject({ frequency: { every: 6, unit: 'month' }, retiredOn: null, anchorDate: '2026-01-02' });
    expect(after.find((d) => d.dutyKind === 'itStaffTraining')?.retiredOn).toBe('2025-07-01');

    const resync = await api.call('POST', '/v1/plan/duties/sync', { key });
    expect(resync.status).toBe(200);
    expect(resync.body).toMatchObject({ planVersion: { versionNumber: 2 }, created: 0, updated: 0, retired: 0 });
  });
});

async function tenantTable(tenantId: string) {
  return { doc: await api.deps.tenantDocumentClient(tenantId), tableName: `${api.deps.provisioning.tenantTablePrefix}${tenantId}` };
}

describe('approval and gaps', () => {
  it('refuses approval while a gap is unaccepted (422, one error per gap) and records accepted gaps', async () => {
    const tenant = await api.onboardTenant();
    const key = tenant.ownerKey;
    const content = clone(example);
    delete (content.sections.policy as { dataSubjectContact?: unknown }).dataSubjectContact;
    await api.call('POST', '/v1/plan/versions', { key, body: { content } });

    const completeness = await api.call('GET', '/v1/plan/versions/1/completeness', { key });
    expect(completeness.body).toMatchObject({ complete: false, approvable: false, gapCount: 3 });
    expect(completeness.body.gaps.map((g: { code: string }) => g.code)).toEqual(['DATA_SUBJECT_CONTACT_MISSING', 'INVENTORY_EMPTY', 'RISK_ASSESSMENT_EMPTY']);
    expect(completeness.body.gaps[0]).toEqual({
      code: 'DATA_SUBJECT_CONTACT_MISSING',
      article: { regulation: 'K0010162', article: '4' },
      section: 'policy',
      sectionTitle: { zhTW: '個人資料保護管理政策', en: 'Personal data protection policy' },
      fieldPath: 'sections.policy.dataSubjectContact',
      message: { zhTW: '未設置供當事人行使權利、申訴與諮詢之聯絡窗口。', en: 'No contact point for data subjects to exercise rights, complain or enquire.' },
      acceptedAtApproval: false,
    });

    await api.call('POST', '/v1/plan/versions/1/submit', { key });
    const refused = await api.call('POST', '/v1/plan/versions/1/approve', { key, body: tablesAccepted });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('GAPS_NOT_ACCEPTED');
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors[0]).toMatchObject({ field: 'sections.policy.dataSubjectContact' });
    expect(refused.body.errors[0].reasonZhTW).toContain('K0010162 第4條');

    const blankReason = await api.call('POST', '/v1/plan/versions/1/approve', { key, body: { ...tablesAccepted, acceptedGaps: [...tablesAccepted.acceptedGaps, { code: 'DATA_SUBJECT_CONTACT_MISSING', reason: '  ' }] } });
    expect(blankReason.status).toBe(422);

    const noAuthorisation = await api.call('POST', '/v1/plan/versions/1/approve', { key, body: { approverName: '技安', approverTitle: '專案管理師', capacity: 'authorisedPerson' } });
    expect(noAuthorisation.status).toBe(422);
    expect(noAuthorisation.body.errors[0].field).toBe('authorisationReference');

    const officer = await tenant.issueKey('officer');
    expect((await api.call('POST', '/v1/plan/versions/1/approve', { key: officer, body: representative })).status).toBe(403);

    const accepted = await api.call('POST', '/v1/plan/versions/1/approve', {
      key,
      body: { ...tablesAccepted, acceptedGaps: [...tablesAccepted.acceptedGaps, { code: 'DATA_SUBJECT_CONTACT_MISSING', section: 'policy', reason: '當事人窗口併入客服專線，於下一版補列。' }] },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.approval.acceptedGaps).toContainEqual({ code: 'DATA_SUBJECT_CONTACT_MISSING', section: 'policy', reason: '當事人窗口併入客服專線，於下一版補列。' });
    const after = await api.call('GET', '/v1/plan/versions/1/completeness', { key });
    expect(after.body).toMatchObject({ complete: false, approvable: true });
    expect(after.body.gaps.length).toBeGreaterThanOrEqual(3); // the three accepted gaps
    expect(after.body.gaps.every((g: { acceptedAtApproval: boolean }) => g.acceptedAtApproval)).toBe(true);
    const markdown = await api.call('GET', '/v1/plan/versions/1/document', { key });
    expect(markdown.body).toContain('當事人窗口併入客服專線');
  });

  it('refuses content DynamoDB could not store as one item (413, field content)', async () => {
    const { ownerKey } = await api.onboardTenant();
    const content = clone(example);
    content.appendices = [{ title: '附件', body: Array.from({ length: 40 }, () => 'x'.repeat(10_000)) }];
    const tooLarge = await api.call('POST', '/v1/plan/versions', { key: ownerKey, body: { content } });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('PLAN_CONTENT_TOO_LARGE');
    expect(tooLarge.body.errors[0].field).toBe('content');
    expect((await api.call('GET', '/v1/plan/versions', { key: ownerKey })).body.items).toEqual([]);
  });

  it('validates content against the plan schema with per-field errors', async () => {
    const { ownerKey } = await api.onboardTenant();
    const bad = await api.call('POST', '/v1/plan/versions', { key: ownerKey, body: { content: { sections: { audit: { schedule: { frequency: { every: 0, unit: 'year' } } } }, surprise: 1 } } });
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('content.sections.audit.schedule.frequency.every');
    expect((await api.call('POST', '/v1/plan/versions', { key: ownerKey, body: { versionDate: '1911-12-31', content: example } })).status).toBe(422);
    expect((await api.call('POST', '/v1/plan/versions', { key: ownerKey, body: { versionDate: '2025-02-30', content: example } })).status).toBe(400);
  });
});

describe('version transitions', () => {
  it('keeps approved versions immutable, supersedes on approval and enforces ETags', async () => {
    const tenant = await api.onboardTenant();
    const key = tenant.ownerKey;
    const officer = await tenant.issueKey('officer');
    await createAndApprove(key, example);

    const v1 = await api.call('GET', '/v1/plan/versions/1', { key });
    const immutable = await api.call('PUT', '/v1/plan/versions/1/content', { key, body: { content: example }, headers: { 'if-match': v1.headers.get('etag')! } });
    expect(immutable.status).toBe(409);
    expect(immutable.body.code).toBe('VERSION_IMMUTABLE');

    const v2 = await api.call('POST', '/v1/plan/versions', { key: officer, body: { content: example } });
    expect(v2.body).toMatchObject({ versionNumber: 2, label: '114年1月2日 2版' });
    const second = await api.call('POST', '/v1/plan/versions', { key: officer, body: { content: example } });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('DRAFT_ALREADY_OPEN');

    const revised = clone(example);
    revised.preamble = '第二版前言';
    expect((await api.call('PUT', '/v1/plan/versions/2/content', { key: officer, body: { content: revised } })).status).toBe(428);
    const updated = await api.call('PUT', '/v1/plan/versions/2/content', { key: officer, body: { content: revised, versionDate: '2025-01-05' }, headers: { 'if-match': '"1"' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ revision: 2, label: '114年1月5日 2版', content: { preamble: '第二版前言' } });
    const stale = await api.call('PUT', '/v1/plan/versions/2/content', { key: officer, body: { content: example }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);

    const notSubmitted = await api.call('POST', '/v1/plan/versions/2/approve', { key, body: tablesAccepted });
    expect(notSubmitted.status).toBe(409);
    expect(notSubmitted.body.code).toBe('VERSION_NOT_SUBMITTED');
    expect((await api.call('POST', '/v1/plan/versions/2/submit', { key: officer, headers: { 'if-match': '"1"' } })).status).toBe(412);
    expect((await api.call('POST', '/v1/plan/versions/2/submit', { key: officer, headers: { 'if-match': '"2"' } })).status).toBe(200);
    const editSubmitted = await api.call('PUT', '/v1/plan/versions/2/content', { key: officer, body: { content: example }, headers: { 'if-match': '"3"' } });
    expect(editSubmitted.status).toBe(409);
    expect(editSubmitted.body.code).toBe('VERSION_NOT_DRAFT');

    expect((await api.call('POST', '/v1/plan/versions/2/reject', { key: officer, body: { reason: 'x' } })).status).toBe(403);
    expect((await api.call('POST', '/v1/plan/versions/2/reject', { key, body: { reason: '' } })).status).toBe(400);
    const rejected = await api.call('POST', '/v1/plan/versions/2/reject', { key, body: { reason: '請補充第7節', rejectedBy: '小叮噹' } });
    expect(rejected.body).toMatchObject({ status: 'draft', rejection: { reason: '請補充第7節', rejectedBy: '小叮噹' } });
    expect((await api.call('POST', '/v1/plan/versions/2/reject', { key, body: { reason: 'again' } })).status).toBe(409);

    await api.call('POST', '/v1/plan/versions/2/submit', { key: officer });
    const approved = await api.call('POST', '/v1/plan/versions/2/approve', {
      key,
      body: { ...tablesAccepted, approverName: '技安', approverTitle: '專案管理師', capacity: 'authorisedPerson', authorisationReference: '114年1月2日授權書' },
    });
    expect(approved.status).toBe(200);
    const superseded = await api.call('GET', '/v1/plan/versions/1', { key });
    expect(superseded.body).toMatchObject({ status: 'superseded', supersededByVersion: 2, supersededAt: now.toISOString() });
    expect((await api.call('POST', '/v1/plan/versions/1/approve', { key, body: tablesAccepted })).body.code).toBe('VERSION_IMMUTABLE');
    expect((await api.call('POST', '/v1/plan/versions/2/approve', { key, body: tablesAccepted })).status).toBe(409);
    const supersededDoc = await api.call('GET', '/v1/plan/versions/1/document', { key });
    expect(supersededDoc.body).toContain('本版本已由第2版取代');

    // Newest first, without content, paged by a signed cursor.
    const page1 = await api.call('GET', '/v1/plan/versions?limit=1', { key: officer });
    expect(page1.body.items.map((v: { versionNumber: number }) => v.versionNumber)).toEqual([2]);
    expect(page1.body.items[0].content).toBeUndefined();
    expect(page1.body.items[0].approval.authorisationReference).toBe('114年1月2日授權書');
    const page2 = await api.call('GET', `/v1/plan/versions?limit=1&cursor=${encodeURIComponent(page1.body.nextCursor)}`, { key: officer });
    expect(page2.body.items.map((v: { status: string }) => v.status)).toEqual(['superseded']);
    // Tampered inside the signed part (an extra trailing character can decode to the same bytes).
    const cursor = page1.body.nextCursor as string;
    const tampered = `${cursor.slice(0, 8)}${cursor[8] === 'A' ? 'B' : 'A'}${cursor.slice(9)}`;
    expect((await api.call('GET', `/v1/plan/versions?cursor=${encodeURIComponent(tampered)}`, { key })).status).toBe(400);

    // Approval, the tables it freezes and superseding are audited in the same transaction.
    const audit = await api.call('GET', '/v1/audit-events?resourceType=planVersion&order=desc&limit=10', { key });
    const actions = audit.body.items.map((e: { action: string; resourceId: string }) => `${e.action}:${e.resourceId}`);
    expect(actions.slice(0, 3).sort()).toEqual(['plan.version.approve:2', 'plan.version.freezeTables:2', 'plan.version.supersede:1']);
    const [first, secondEvent] = audit.body.items;
    expect(first.requestId).toBe(secondEvent.requestId);

    // Another tenant sees none of it.
    const other = await api.onboardTenant();
    expect((await api.call('GET', '/v1/plan/versions/1', { key: other.ownerKey })).status).toBe(404);
    expect((await api.call('GET', '/v1/plan/versions', { key: other.ownerKey })).body.items).toEqual([]);
  });
});

describe('obligations and record counts', () => {
  it('follows the 5,000-record threshold through the dated history (J0030130)', async () => {
    now = new Date('2027-01-01T00:00:00Z');
    const tenant = await api.onboardTenant({ sector: 'manufacturingAndTechnicalServices', paidInCapital: 5_000_000 });
    const key = tenant.ownerKey;
    const officer = await tenant.issueKey('officer');
    const obligations = async (asOf: string) => {
      const response = await api.call('GET', `/v1/plan/obligations?asOf=${asOf}`, { key });
      expect(response.status).toBe(200);
      return response.body;
    };

    expect((await api.call('POST', '/v1/record-counts', { key: officer, body: { date: '2024-01-10', count: 4999 } })).status).toBe(201);
    const below = await obligations('2024-03-01');
    expect(below).toMatchObject({ computed: true, regulation: { pcode: 'J0030130', modelled: true } });
    expect(below.obligations).toMatchObject({ planRequired: false, thresholdCrossedOn: null, adoptionDeadline: null });

    const crossed = await api.call('POST', '/v1/record-counts', { key: officer, body: { date: '2024-03-15', count: 5000, note: '會員系統匯出' } });
    expect(crossed.status).toBe(201);
    expect(crossed.body).toMatchObject({ date: '2024-03-15', count: 5000, source: 'manual', note: '會員系統匯出', revision: 1 });
    expect((await obligations('2024-03-14')).obligations.planRequired).toBe(false);
    const met = await obligations('2024-03-15');
    expect(met.obligations).toMatchObject({ planRequired: true, thresholdCrossedOn: '2024-03-15', adoptionDeadline: '2024-09-15', adoptionDeadlinePassed: false });
    expect(met.inputs).toMatchObject({ paidInCapital: 5_000_000, recordCountEntries: 2, latestRecordCount: { date: '2024-03-15', count: 5000 } });
    expect((await obligations('2024-09-15')).obligations.adoptionDeadlinePassed).toBe(false);
    expect((await obligations('2024-09-16')).obligations.adoptionDeadlinePassed).toBe(true);

    // Back below 5,000: the plan may stop only after two full years below.
    await api.call('POST', '/v1/record-counts', { key: officer, body: { date: '2024-10-01', count: 4000 } });
    expect((await obligations('2025-01-01')).obligations).toMatchObject({ planRequired: true, suspensionEligibleOn: '2026-10-01', suspensionAllowedSince: null });
    expect((await obligations('2026-10-01')).obligations).toMatchObject({ planRequired: false, suspensionAllowedSince: '2026-10-01' });

    // A later entry for the same day replaces it (200) and is audited as a replacement.
    const replaced = await api.call('POST', '/v1/record-counts', { key: officer, body: { date: '2024-03-15', count: 4800 } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.revision).toBe(2);
    expect((await obligations('2024-06-01')).obligations.planRequired).toBe(false);

    const listed = await api.call('GET', '/v1/record-counts?limit=2', { key });
    expect(listed.body.items.map((e: { date: string }) => e.date)).toEqual(['2024-10-01', '2024-03-15']);
    const rest = await api.call('GET', `/v1/record-counts?limit=2&cursor=${encodeURIComponent(listed.body.nextCursor)}`, { key });
    expect(rest.body.items.map((e: { date: string }) => e.date)).toEqual(['2024-01-10']);
    const ranged = await api.call('GET', '/v1/record-counts?from=2024-02-01&to=2024-09-30', { key });
    expect(ranged.body.items.map((e: { date: string }) => e.date)).toEqual(['2024-03-15']);
    // A cursor belongs to its list: another range cannot continue it.
    expect((await api.call('GET', `/v1/record-counts?limit=2&from=2024-01-01&cursor=${encodeURIComponent(listed.body.nextCursor)}`, { key })).status).toBe(400);

    expect((await api.call('POST', '/v1/record-counts', { key, body: { date: '2027-01-02', count: 1 } })).status).toBe(422);
    const negative = await api.call('POST', '/v1/record-counts', { key, body: { date: '2024-01-01', count: -1 } });
    expect(negative.status).toBe(400);
    expect(negative.body.errors[0].field).toBe('count');
    expect((await api.call('POST', '/v1/record-counts', { key: await tenant.issueKey('auditor'), body: { date: '2024-01-01', count: 1 } })).status).toBe(403);
    now = new Date('2025-01-02T02:00:00Z');
  });

  it('starts K0010162\'s 12-month cycle at 5,000 records even below NT$10M capital', async () => {
    now = new Date('2026-01-01T00:00:00Z');
    const tenant = await api.onboardTenant({ paidInCapital: 5_000_000 });
    const key = tenant.ownerKey;
    await api.call('POST', '/v1/record-counts', { key, body: { date: '2024-01-01', count: 4999 } });
    expect((await api.call('GET', '/v1/plan/obligations?asOf=2024-06-01', { key })).body.obligations).toMatchObject({ planRequired: true, auditFrequency: null });
    await api.call('POST', '/v1/record-counts', { key, body: { date: '2024-06-01', count: 5001 } });
    const cycle = await api.call('GET', '/v1/plan/obligations?asOf=2025-01-01', { key });
    expect(cycle.body.obligations).toMatchObject({ planRequired: true, thresholdCrossedOn: '2024-06-01', auditFrequency: { every: 1, unit: 'year' }, periodicCycleStartsOn: '2024-12-02' });
    // K0010162 Art. 18 ¶2 「於符合之日起六個月後」: the six months end on 2024-12-01; the cycle starts the day after.
    expect(cycle.body.obligations.citations.map((c: { article: string }) => c.article)).toContain('18');
    expect((await api.call('GET', '/v1/plan/obligations?asOf=2025-13-01', { key })).status).toBe(400);
    now = new Date('2025-01-02T02:00:00Z');
  });

  it('selects another in-force regulation; unmodelled ones say so instead of computing', async () => {
    const tenant = await api.onboardTenant();
    const key = tenant.ownerKey;
    const current = await api.call('GET', '/v1/plan/regulation', { key });
    expect(current.body).toMatchObject({ pcode: 'K0010162', source: 'tenantProfile', modelled: true, revision: 0 });
    expect(current.headers.get('etag')).toBe('"0"');

    expect((await api.call('PUT', '/v1/plan/regulation', { key, body: { pcode: 'L0040143' } })).status).toBe(428);
    const unknown = await api.call('PUT', '/v1/plan/regulation', { key, body: { pcode: 'Z9999999' }, headers: { 'if-match': '"0"' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('pcode');
    expect((await api.call('PUT', '/v1/plan/regulation', { key, body: { pcode: 'k001' }, headers: { 'if-match': '"0"' } })).status).toBe(400);
    const officer = await tenant.issueKey('officer');
    expect((await api.call('PUT', '/v1/plan/regulation', { key: officer, body: { pcode: 'L0040143' }, headers: { 'if-match': '"0"' } })).status).toBe(403);

    const food = await api.call('PUT', '/v1/plan/regulation', { key, body: { pcode: 'L0040143' }, headers: { 'if-match': '"0"' } });
    expect(food.status).toBe(200);
    expect(food.body).toMatchObject({ pcode: 'L0040143', name: '食品業個人資料檔案安全維護計畫實施辦法', source: 'plan', modelled: false, completenessBasis: 'Q0010012', revision: 1 });
    expect((await api.call('PUT', '/v1/plan/regulation', { key, body: { pcode: 'J0080062' }, headers: { 'if-match': '"0"' } })).status).toBe(412);

    const obligations = await api.call('GET', '/v1/plan/obligations', { key });
    expect(obligations.body).toMatchObject({ asOf: '2025-01-02', computed: false, obligations: null, regulation: { pcode: 'L0040143' } });
    expect(obligations.body.notice.zhTW).toContain('尚未建立義務規則');
    expect(obligations.body.notice.en).toContain('L0040143');

    await api.call('POST', '/v1/plan/versions', { key, body: { content: example } });
    const completeness = await api.call('GET', '/v1/plan/versions/1/completeness', { key });
    expect(completeness.body.regulation.completenessBasis).toBe('Q0010012');
    expect(completeness.body.gaps.length).toBeGreaterThan(0);
    expect(completeness.body.gaps.every((g: { article: { regulation: string } }) => g.article.regulation === 'Q0010012')).toBe(true);
    expect(completeness.body.notes.map((n: { en: string }) => n.en).join(' ')).toContain('baseline Q0010012');

    const list = await api.call('GET', '/v1/plan/sector-regulations', { key });
    expect(list.body.items).toHaveLength(58);
    expect(list.body.items.filter((r: { modelled: boolean }) => r.modelled).map((r: { pcode: string }) => r.pcode).sort()).toEqual(['J0030130', 'J0080062', 'K0010162', 'Q0010012']);
  });
});
