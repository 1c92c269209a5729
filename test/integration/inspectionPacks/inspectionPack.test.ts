/**
 * The inspection pack end to end (issue #17): a tenant with an approved plan (superseded once in
 * the period), an inventory, an approved risk assessment, a vendor with a contract and a check,
 * training, an assessment with a finding and its corrective action, an incident, data-subject
 * requests and an uploaded, hash-checked evidence file asks for the pack of 2025; the build runs
 * in-process after the 202; the download link gives a ZIP whose manifest matches the records and
 * whose every file matches its SHA-256. Another tenant cannot see the job.
 */
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanContent } from '../../../domain/plan';
import exampleInventory from '../../fixtures/inventory/exampleInventory.json';
import examplePlan from '../../fixtures/plan/examplePlan.json';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
let now = new Date('2025-03-01T02:00:00Z');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const representative = { approverName: '小叮噹', approverTitle: '總經理', capacity: 'representative' };

let owner: string;
let records: { incidentId: string; complianceAssessmentId: string; approvedRiskId: string; laterRiskId: string; evidenceId: string; evidenceBytes: Uint8Array; vendorId: string; trainingSessionId: string };

async function approvePlan(versionDate: string) {
  const created = await api.call('POST', '/v1/plan/versions', { key: owner, body: { versionDate, content: examplePlan as unknown as PlanContent } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const n = created.body.versionNumber as number;
  expect((await api.call('POST', `/v1/plan/versions/${n}/submit`, { key: owner })).status).toBe(200);
  const approved = await api.call('POST', `/v1/plan/versions/${n}/approve`, { key: owner, body: representative });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
}

/** A GET of a URL the API handed out (local pre-signed links point at the same in-process app). */
async function fetchLink(url: string): Promise<{ status: number; bytes: Uint8Array }> {
  const { pathname, search } = new URL(url);
  const response = await api.app.request(`${pathname}${search}`);
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
}

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  const tenant = await api.onboardTenant({ companyName: '檢查包測試股份有限公司' });
  owner = tenant.ownerKey;
  const officer = await tenant.issueKey('officer');

  // Inventory and an approved risk assessment, then plan version 1 (approved 2025-03-01).
  expect((await api.call('POST', '/v1/personal-data-files', { key: owner, body: exampleInventory.files[0] })).status).toBe(201);
  const risk = await api.call('POST', '/v1/risk/assessments', { key: owner, body: { assessedOn: '2025-03-01', assessor: '技安' } });
  expect(risk.status, JSON.stringify(risk.body)).toBe(201);
  const riskApproved = await api.call('POST', `/v1/risk/assessments/${risk.body.id}/approve`, { key: officer, body: { approvedBy: '林個資', approvedOn: '2025-03-01' } });
  expect(riskApproved.status, JSON.stringify(riskApproved.body)).toBe(200);
  await approvePlan('2025-03-01');

  // Vendor, contract (its clause findings) and an oversight check in the period.
  now = new Date('2025-04-01T02:00:00Z');
  const vendor = await api.call('POST', '/v1/vendors', {
    key: owner,
    body: { name: '檢查雲端股份有限公司', registration: { kind: 'taiwanBusinessId', number: '22099131' }, country: 'TW', services: ['雲端主機代管'], contact: { name: '陳經理', email: 'vendor@example.com' }, processingRegions: [{ country: 'TW' }], onboardedOn: '2025-04-01' },
  });
  expect(vendor.status, JSON.stringify(vendor.body)).toBe(201);
  const contract = await api.call('POST', `/v1/vendors/${vendor.body.id}/contracts`, {
    key: owner,
    body: { title: '主機代管契約', period: { start: '2025-04-01', end: '2026-03-31', autoRenewal: false }, scope: { description: '主機代管', purposes: ['〇九〇 消費者、客戶管理與服務'], dataCategories: ['C001'] }, clauses: [] },
  });
  expect(contract.status, JSON.stringify(contract.body)).toBe(201);
  const check = await api.call('POST', `/v1/vendors/${vendor.body.id}/oversight-checks`, {
    key: owner,
    body: { method: { kind: 'onSiteAudit', auditedBy: 'us' }, date: '2025-04-01', reviewer: '林個資', result: 'satisfactory', findings: [], evidenceRefs: ['audit/2025/vendor-cloud.pdf'] },
  });
  expect(check.status, JSON.stringify(check.body)).toBe(201);

  // Training held in the period.
  const training = await api.call('POST', '/v1/training/sessions', {
    key: owner,
    body: { title: '114年度個資保護教育訓練', audience: 'allStaff', heldOn: '2025-03-28', topics: ['law'], trainer: '林講師', durationMinutes: 60, attendees: [{ name: '陳小華' }], evidenceKinds: ['attendanceSheet'] },
  });
  expect(training.status, JSON.stringify(training.body)).toBe(201);

  // A self-check with a finding and its corrective action.
  const catalog = await api.call('GET', `/v1/assessment-catalogs/${encodeURIComponent('regulation:K0010162')}`, { key: owner });
  const itemNumber: string = catalog.body.goals[0].managementItems[0].requirements[0].checkItems[0].number;
  const assessment = await api.call('POST', '/v1/assessments', { key: owner, body: { catalogId: 'regulation:K0010162', kind: 'selfCheck', title: '114年度自我檢查' } });
  expect(assessment.status, JSON.stringify(assessment.body)).toBe(201);
  const answered = await api.call('PUT', `/v1/assessments/${assessment.body.id}/items/${itemNumber}`, { key: owner, body: { result: 'nonCompliant', notes: '尚未辦理' }, headers: { 'if-match': assessment.headers.get('etag')! } });
  expect(answered.status, JSON.stringify(answered.body)).toBe(200);
  const action = await api.call('POST', `/v1/assessments/${assessment.body.id}/findings/${itemNumber}/corrective-actions`, { key: owner, body: { kind: 'corrective', title: '補辦程序', owner: '資訊部', dueDate: '2025-06-30' } });
  expect(action.status, JSON.stringify(action.body)).toBe(201);

  // An incident.
  const incident = await api.call('POST', '/v1/incidents', {
    key: owner,
    body: { title: '客戶名單誤寄', discoveredAt: '2025-03-31T08:00:00.000Z', reportedBy: { name: '客服主管' }, kinds: ['leak'], estimatedRecords: { general: 30, special: 0 }, endangersOperationsOrManySubjects: false },
  });
  expect(incident.status, JSON.stringify(incident.body)).toBe(201);

  // Two data-subject requests in the period.
  for (const items of [[{ type: 'inquiry' }], [{ type: 'copy' }, { type: 'correction' }]]) {
    const dsr = await api.call('POST', '/v1/data-subject-requests', { key: owner, body: { channel: 'webForm', requester: { name: '王大明', email: 'requester@example.com' }, items } });
    expect(dsr.status, JSON.stringify(dsr.body)).toBe(201);
  }

  // Evidence: registered, uploaded through its signed URL, hash-checked.
  const evidenceBytes = new TextEncoder().encode('客戶名單誤寄事件調查報告\n');
  const evidence = await api.call('POST', '/v1/evidence', {
    key: owner,
    body: { title: '事故調查報告', supports: [{ kind: 'incident', id: incident.body.id }], fileName: 'report.txt', mediaType: 'text/plain', sizeBytes: evidenceBytes.byteLength, sha256: sha256(evidenceBytes), relatesToYear: 2025 },
  });
  expect(evidence.status, JSON.stringify(evidence.body)).toBe(201);
  const upload = new URL(evidence.body.upload.url);
  const put = await api.app.request(`${upload.pathname}${upload.search}`, { method: 'PUT', headers: evidence.body.upload.headers, body: evidenceBytes });
  expect(put.status).toBeLessThan(300);
  const verified = await api.call('POST', `/v1/evidence/${evidence.body.evidence.id}/verification`, { key: owner });
  expect(verified.body.status, JSON.stringify(verified.body)).toBe('complete');

  // Plan version 2 supersedes version 1 in September; a risk assessment made later is not approved.
  now = new Date('2025-09-01T02:00:00Z');
  await approvePlan('2025-09-01');
  const laterRisk = await api.call('POST', '/v1/risk/assessments', { key: owner, body: { assessedOn: '2025-09-01', assessor: '技安' } });
  expect(laterRisk.status).toBe(201);

  records = {
    incidentId: incident.body.id,
    complianceAssessmentId: assessment.body.id,
    approvedRiskId: risk.body.id,
    laterRiskId: laterRisk.body.id,
    evidenceId: evidence.body.evidence.id,
    evidenceBytes,
    vendorId: vendor.body.id,
    trainingSessionId: training.body.id,
  };
  now = new Date('2026-01-10T02:00:00Z');
}, 120_000);

describe('an inspection pack of 2025', () => {
  let packId: string;

  it('is accepted (202, Location) and built asynchronously to ready', async () => {
    const requested = await api.call('POST', '/v1/inspection-packs', { key: owner, body: { periodFrom: '2025-01-01', periodTo: '2025-12-31' } });
    expect(requested.status, JSON.stringify(requested.body)).toBe(202);
    expect(requested.body).toMatchObject({ status: 'queued', period: { from: '2025-01-01', to: '2025-12-31' }, progress: { stepsDone: 0, totalSteps: 11 } });
    packId = requested.body.inspectionPackId;
    expect(requested.headers.get('location')).toBe(`/v1/inspection-packs/${packId}`);

    await api.deps.inspectionPackBuilds.settled();
    const got = await api.call('GET', `/v1/inspection-packs/${packId}`, { key: owner });
    expect(got.status).toBe(200);
    expect(got.body, JSON.stringify(got.body)).toMatchObject({ status: 'ready', progress: { stepsDone: 11, totalSteps: 11, currentStep: null } });
    expect(got.body.download.expiresAt).toBe(new Date(now.getTime() + 15 * 60_000).toISOString());
    const listed = await api.call('GET', '/v1/inspection-packs', { key: owner });
    expect(listed.body.items.map((p: { inspectionPackId: string }) => p.inspectionPackId)).toEqual([packId]);
  }, 120_000);

  it('downloads through the link; the manifest matches the records and every file its SHA-256', async () => {
    const got = await api.call('GET', `/v1/inspection-packs/${packId}`, { key: owner });
    const download = await fetchLink(got.body.download.url);
    expect(download.status).toBe(200);
    expect(download.bytes.byteLength).toBe(got.body.archive.sizeBytes);
    expect(sha256(download.bytes)).toBe(got.body.archive.sha256);

    const entries = unzipSync(download.bytes);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    expect(Object.keys(entries).sort()).toEqual([...manifest.files.map((f: { path: string }) => f.path), 'manifest.json', '清單.csv'].sort());
    expect(got.body.archive.fileCount).toBe(Object.keys(entries).length);
    for (const file of manifest.files) {
      const bytes = entries[file.path]!;
      expect(sha256(bytes), file.path).toBe(file.sha256);
      expect(bytes.byteLength, file.path).toBe(file.sizeBytes);
    }

    // The pack's own metadata.
    expect(manifest).toMatchObject({ companyName: '檢查包測試股份有限公司', period: { from: '2025-01-01', to: '2025-12-31' }, builtAt: now.toISOString(), auditChain: { valid: true } });
    expect(manifest.auditChain.eventsChecked).toBeGreaterThan(10);
    expect(manifest.planVersionsInForce).toEqual([
      { versionNumber: 1, from: '2025-03-01', to: '2025-09-01', inForceAtPeriodEnd: false },
      { versionNumber: 2, from: '2025-09-01', to: '2025-12-31', inForceAtPeriodEnd: true },
    ]);

    const sources = manifest.files.map((f: { source?: string }) => f.source);
    const bySource = (source: string) => manifest.files.filter((f: { source?: string }) => f.source === source);
    // Both plan versions in force, as the plan area's Word documents.
    for (const n of [1, 2]) {
      const [plan] = bySource(`planVersion:${n}`);
      expect(plan.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(strFromU8(entries[plan.path]!.subarray(0, 2))).toBe('PK');
    }
    // The latest approved risk assessment, not the later unapproved one.
    expect(sources).toContain(`riskAssessment:${records.approvedRiskId}`);
    expect(sources).not.toContain(`riskAssessment:${records.laterRiskId}`);
    const [riskFile] = bySource(`riskAssessment:${records.approvedRiskId}`);
    expect(JSON.parse(strFromU8(entries[riskFile.path]!))).toMatchObject({ id: records.approvedRiskId });
    // The inventory workbook.
    const inventory = manifest.files.find((f: { section: string }) => f.section === 'inventory');
    expect(inventory).toMatchObject({ mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', source: 'inventory:1' });
    // The assessment with its finding and corrective action.
    const [assessmentFile] = bySource(`complianceAssessment:${records.complianceAssessmentId}`);
    const assessment = JSON.parse(strFromU8(entries[assessmentFile.path]!));
    expect(assessment.findings.items).toHaveLength(1);
    expect(assessment.findings.items[0].correctiveActions[0]).toMatchObject({ title: '補辦程序' });
    // The incident: its record, the regulator form (Word) and its notices.
    const incidentFiles = bySource(`incident:${records.incidentId}`);
    expect(incidentFiles.map((f: { path: string }) => f.path.split('/').pop()).sort()).toEqual(['事故紀錄.json', '通知紀錄.json', '個人資料侵害事故通報與紀錄表.docx'].sort());
    // Vendors, contract clause findings and the check.
    const contracts = JSON.parse(strFromU8(entries['04_委外監督/委外契約及缺漏條款.json']!));
    expect(contracts.contracts).toHaveLength(1);
    expect(contracts.contracts[0].clauseFindings.length).toBeGreaterThan(0);
    const checks = JSON.parse(strFromU8(entries['04_委外監督/委外監督紀錄.json']!));
    expect(checks.checks.map((c: { vendorId: string }) => c.vendorId)).toEqual([records.vendorId]);
    // Training held in the period.
    const training = JSON.parse(strFromU8(entries['05_教育訓練/教育訓練場次.json']!));
    expect(training.sessions.map((s: { id: string }) => s.id)).toEqual([records.trainingSessionId]);
    // Request figures: counts only, no requester.
    const figuresText = strFromU8(entries['08_當事人請求統計/當事人請求統計.json']!);
    const figures = JSON.parse(figuresText);
    expect(figures).toMatchObject({ requestsReceived: 2, byRight: { inquiry: { items: 1 }, copy: { items: 1 }, correction: { items: 1 } } });
    expect(figuresText).not.toContain('王大明');
    expect(figuresText).not.toContain('requester@example.com');
    // The evidence file: the uploaded bytes themselves.
    const [evidenceFile] = bySource(`evidence:${records.evidenceId}`);
    expect(Buffer.from(entries[evidenceFile.path]!).equals(Buffer.from(records.evidenceBytes))).toBe(true);
    expect(evidenceFile.sha256).toBe(sha256(records.evidenceBytes));
    expect(manifest.listedOnly).toEqual([]);
    // The audit-chain verification file agrees with the manifest.
    const audit = JSON.parse(strFromU8(entries['10_稽核軌跡/稽核軌跡驗證結果.json']!));
    expect(audit).toMatchObject({ valid: true, eventsChecked: manifest.auditChain.eventsChecked });
    // 清單.csv lists the same files with the same hashes.
    const csv = strFromU8(entries['清單.csv']!);
    for (const file of manifest.files) expect(csv).toContain(file.sha256);
  });

  it('is invisible to another tenant (404) and absent from its list', async () => {
    const other = await api.onboardTenant({ companyName: '他家股份有限公司' });
    expect((await api.call('GET', `/v1/inspection-packs/${packId}`, { key: other.ownerKey })).status).toBe(404);
    expect((await api.call('GET', '/v1/inspection-packs', { key: other.ownerKey })).body.items).toEqual([]);
  });

  it('offers the ZIP for 30 days, then reads as expired with no link (size and hash stay on the record)', async () => {
    const got = await api.call('GET', `/v1/inspection-packs/${packId}`, { key: owner });
    expect(got.body.archiveExpiresAt).toBe(new Date(Date.parse(got.body.finishedAt) + 30 * 86_400_000).toISOString());
    const saved = now;
    try {
      now = new Date(Date.parse(got.body.archiveExpiresAt) - 1);
      expect((await api.call('GET', `/v1/inspection-packs/${packId}`, { key: owner })).body).toMatchObject({ status: 'ready', download: expect.any(Object) });
      now = new Date(Date.parse(got.body.archiveExpiresAt));
      const expired = await api.call('GET', `/v1/inspection-packs/${packId}`, { key: owner });
      expect(expired.body).toMatchObject({ status: 'expired', archiveExpiresAt: got.body.archiveExpiresAt, archive: { sha256: got.body.archive.sha256, sizeBytes: got.body.archive.sizeBytes } });
      expect(expired.body.download).toBeUndefined();
      expect((await api.call('GET', '/v1/inspection-packs', { key: owner })).body.items[0]).toMatchObject({ inspectionPackId: packId, status: 'expired' });
    } finally {
      now = saved;
    }
  });

  it('an integration key cannot ask for a pack; an auditor may read but not request one', async () => {
    const tenantKeys = await api.onboardTenant();
    const auditor = await tenantKeys.issueKey('auditor');
    expect((await api.call('POST', '/v1/inspection-packs', { key: auditor, body: { periodFrom: '2025-01-01', periodTo: '2025-12-31' } })).status).toBe(403);
    expect((await api.call('GET', '/v1/inspection-packs', { key: auditor })).status).toBe(200);
  });
});

describe('period rules and failures', () => {
  it('names the field: a future end, a reversed period, more than five years, a malformed date', async () => {
    const future = await api.call('POST', '/v1/inspection-packs', { key: owner, body: { periodFrom: '2025-01-01', periodTo: '2026-01-11' } });
    expect(future.status).toBe(422);
    expect(future.headers.get('content-type')).toContain('application/problem+json');
    expect(future.body).toMatchObject({ code: 'PERIOD_IN_FUTURE' });
    expect(JSON.stringify(future.body)).toContain('periodTo');
    const reversed = await api.call('POST', '/v1/inspection-packs', { key: owner, body: { periodFrom: '2025-12-31', periodTo: '2025-01-01' } });
    expect(reversed.body).toMatchObject({ status: 422, code: 'PERIOD_REVERSED' });
    const tooLong = await api.call('POST', '/v1/inspection-packs', { key: owner, body: { periodFrom: '2020-01-01', periodTo: '2025-12-31' } });
    expect(tooLong.body).toMatchObject({ status: 422, code: 'PERIOD_TOO_LONG' });
    const notADate = await api.call('POST', '/v1/inspection-packs', { key: owner, body: { periodFrom: '2025-02-30', periodTo: '2025-12-31' } });
    expect(notADate.status).toBe(400);
    expect(JSON.stringify(notADate.body)).toContain('periodFrom');
    const malformed = await api.call('POST', '/v1/inspection-packs', { key: owner, body: { periodFrom: '2025/01/01', periodTo: '2025-12-31' } });
    expect(malformed.status).toBe(400);
  });

  it('a build that cannot store its archive ends failed with a reason, not building', async () => {
    const store = api.deps.objectStore;
    const put = store.put;
    store.put = () => Promise.reject(new Error('disk full'));
    try {
      const requested = await api.call('POST', '/v1/inspection-packs', { key: owner, body: { periodFrom: '2025-06-01', periodTo: '2025-06-30' } });
      expect(requested.status).toBe(202);
      await api.deps.inspectionPackBuilds.settled();
      const got = await api.call('GET', `/v1/inspection-packs/${requested.body.inspectionPackId}`, { key: owner });
      expect(got.body).toMatchObject({ status: 'failed', failure: { code: 'BUILD_FAILED' } });
      expect(got.body.failure.reason.zhTW).toMatch(/製作/);
      expect(got.body).not.toHaveProperty('download');
    } finally {
      store.put = put;
    }
  }, 120_000);

  it('a job whose builder never finished reads as failed after the builder\'s time limit', async () => {
    const builds = api.deps.inspectionPackBuilds;
    const start = builds.start;
    // The invoke is accepted but the builder dies before it writes anything (a lost event).
    builds.start = () => Promise.resolve();
    const started = now;
    try {
      const requested = await api.call('POST', '/v1/inspection-packs', { key: owner, body: { periodFrom: '2025-07-01', periodTo: '2025-07-31' } });
      const id = requested.body.inspectionPackId;
      now = new Date(started.getTime() + 10 * 60_000);
      expect((await api.call('GET', `/v1/inspection-packs/${id}`, { key: owner })).body.status).toBe('queued');
      now = new Date(started.getTime() + 20 * 60_000);
      const stale = await api.call('GET', `/v1/inspection-packs/${id}`, { key: owner });
      expect(stale.body).toMatchObject({ status: 'failed', failure: { code: 'BUILD_TIMED_OUT' } });
    } finally {
      builds.start = start;
      now = started;
    }
  });
});
