/**
 * The whole vendor-oversight cycle against DynamoDB Local: vendor with a sub-processor →
 * contract with a missing clause → questionnaire link answered with the token alone → officer
 * review → annual check → termination → return/deletion confirmed; plus the duties each step
 * leaves for the reviews pipeline and the reports.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import exampleInventory from '../../fixtures/inventory/exampleInventory.json';
import { seedTenantResources } from '../support/seedTenant';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
let now = new Date('2026-03-02T02:00:00Z');
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
let officer: string;
let tableName: string;

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  tenant = await api.onboardTenant();
  officer = await tenant.issueKey('officer');
  tableName = `${api.deps.provisioning.tenantTablePrefix}${tenant.tenantId}`;
  // The vendor's files are checked against the inventory: the member file it hosts is on record.
  expect((await api.call('POST', '/v1/personal-data-files', { key: tenant.ownerKey, body: { ...exampleInventory.files[0]!, id: '111', name: '會員資料' } })).status).toBe(201);
});

const vendorBody = (overrides: Record<string, unknown> = {}) => ({
  name: '雲端代管股份有限公司',
  registration: { kind: 'taiwanBusinessId', number: '22099131' },
  country: 'TW',
  services: ['會員資料庫代管', '客服系統'],
  contact: { name: '陳經理', email: 'pm@cloud.example.com' },
  personalDataFileIds: ['111'],
  dataHoldings: [{ fileId: '111', dataCategories: ['C001 辨識個人者'], sensitivity: 'general', subjectAttribute: 'consumer', recordCount: 12000 }],
  processingRegions: [{ country: 'TW' }, { country: 'JP', description: 'AWS ap-northeast-1 (Tokyo)' }],
  onboardedOn: '2025-01-15',
  ...overrides,
});

const allClausesPresent = [
  'scopeCategoriesPurposePeriod',
  'measures.staffAndResources',
  'measures.dataScope',
  'measures.riskAssessment',
  'measures.incidentResponse',
  'measures.internalProcedures',
  'measures.dataSecurityAndPersonnel',
  'measures.awarenessTraining',
  'measures.equipmentSecurity',
  'measures.securityAudit',
  'measures.logsAndEvidence',
  'measures.continuousImprovement',
  'measures.otherAgreedMatters',
  'subProcessors',
  'breachNotificationAndRemedies',
  'reservedInstructions',
  'returnAndDeletion',
].map((clauseId, index) => ({ clauseId, status: 'present', location: `第${index + 1}條` }));

async function getItem(pk: string, sk: string) {
  const { Item } = await api.deps.controlPlane.doc.send(new GetCommand({ TableName: tableName, Key: { pk, sk } }));
  return Item;
}

async function dutyAndTasks(dutyId: string) {
  const { Items } = await api.deps.controlPlane.doc.send(
    new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `DUTY#${dutyId}` } }),
  );
  return { duty: Items?.find((item) => item.sk === 'DUTY'), tasks: (Items ?? []).filter((item) => item.entity === 'ReviewTask') };
}

function answersFor(questions: { id: string; evidenceRequested: boolean }[]) {
  return questions.map((question) => ({ questionId: question.id, answer: 'yes', evidenceRefs: question.evidenceRequested ? [`evidence/${question.id}.pdf`] : [] }));
}

describe('vendor oversight, end to end', () => {
  const state: Record<string, string> = {};

  it('registers a vendor: criticality from its holdings, cross-border flagged, yearly oversight duty opened', async () => {
    const created = await api.call('POST', '/v1/vendors', { key: officer, body: vendorBody() });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body.criticality).toMatchObject({ value: 7, band: 'high', a: 1, b: 3, c: 3 });
    expect(created.body.crossBorder).toEqual({ flagged: true, countries: ['JP'] });
    expect(created.body).not.toHaveProperty('tenantId');
    state.vendorId = created.body.id;

    const { duty, tasks } = await dutyAndTasks(`duty:vendorOversight|vendor|${state.vendorId}`);
    expect(duty).toMatchObject({ dutyKind: 'vendorOversight', source: 'vendor', frequency: { every: 1, unit: 'year' }, anchorDate: '2026-01-15', owner: { role: 'privacyOfficer' } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ dueDate: '2026-01-15', status: 'open' });
  });

  it('records a sub-processor (複委託) linked to its parent and lists it', async () => {
    const sub = await api.call('POST', '/v1/vendors', {
      key: officer,
      body: vendorBody({ name: '備份儲存有限公司', registration: { kind: 'foreign', country: 'SG', number: '201912345K' }, country: 'SG', processingRegions: [{ country: 'SG' }], parentVendorId: state.vendorId }),
    });
    expect(sub.status).toBe(201);
    expect(sub.body.parentVendorId).toBe(state.vendorId);
    state.subId = sub.body.id;

    const listed = await api.call('GET', `/v1/vendors/${state.vendorId}/sub-processors`, { key: officer });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((v: { id: string }) => v.id)).toEqual([state.subId]);

    const all = await api.call('GET', '/v1/vendors?limit=1', { key: officer });
    expect(all.body.items).toHaveLength(1);
    const next = await api.call('GET', `/v1/vendors?limit=1&cursor=${encodeURIComponent(all.body.nextCursor)}`, { key: officer });
    expect(next.body.items).toHaveLength(1);
  });

  it('rejects unknown, foreign-tenant, self and looping parents with a field error', async () => {
    const unknown = await api.call('POST', '/v1/vendors', { key: officer, body: vendorBody({ parentVendorId: 'vnd_00000000000000000000000000' }) });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'PARENT_UNKNOWN', errors: [{ field: 'parentVendorId' }] });

    const other = await api.onboardTenant();
    const foreign = await api.call('POST', '/v1/vendors', { key: other.ownerKey, body: vendorBody({ parentVendorId: state.vendorId }) });
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('PARENT_UNKNOWN');

    const self = await api.call('PATCH', `/v1/vendors/${state.vendorId}`, { key: officer, body: { parentVendorId: state.vendorId }, headers: { 'if-match': '"1"' } });
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('PARENT_SELF');

    const loop = await api.call('PATCH', `/v1/vendors/${state.vendorId}`, { key: officer, body: { parentVendorId: state.subId }, headers: { 'if-match': '"1"' } });
    expect(loop.status).toBe(422);
    expect(loop.body.code).toBe('PARENT_CYCLE');
  });

  it('updates a vendor only with the current ETag; bad input is a 400 with fields', async () => {
    const noEtag = await api.call('PATCH', `/v1/vendors/${state.vendorId}`, { key: officer, body: { services: ['會員資料庫代管'] } });
    expect(noEtag.status).toBe(428);
    const stale = await api.call('PATCH', `/v1/vendors/${state.vendorId}`, { key: officer, body: { services: ['會員資料庫代管'] }, headers: { 'if-match': '"7"' } });
    expect(stale.status).toBe(412);
    const bad = await api.call('PATCH', `/v1/vendors/${state.vendorId}`, { key: officer, body: { processingRegions: [{ country: 'japan' }], nickname: 'x' }, headers: { 'if-match': '"1"' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['nickname', 'processingRegions[0].country']);
    const badId = await api.call('POST', '/v1/vendors', { key: officer, body: vendorBody({ registration: { kind: 'taiwanBusinessId', number: '12345678' } }) });
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].field).toBe('registration.number');

    const ok = await api.call('PATCH', `/v1/vendors/${state.vendorId}`, { key: officer, body: { services: ['會員資料庫代管'] }, headers: { 'if-match': '"1"' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.body.dataHoldings).toHaveLength(1);
    expect(ok.body.personalDataFileIds).toEqual(['111']);
  });

  it('records a contract: a missing clause becomes a finding with its article; its end becomes a duty', async () => {
    const clauses = allClausesPresent.map((clause) =>
      clause.clauseId === 'returnAndDeletion' ? { clauseId: 'returnAndDeletion', status: 'missing' } : clause.clauseId === 'subProcessors' ? { clauseId: 'subProcessors', status: 'notApplicable', reason: '無複委託' } : clause,
    );
    const created = await api.call('POST', `/v1/vendors/${state.vendorId}/contracts`, {
      key: officer,
      body: {
        title: '會員資料庫代管契約',
        reference: 'C-2026-001',
        period: { start: '2025-01-15', end: '2026-12-31', autoRenewal: false },
        scope: { description: '會員資料庫代管及備份', purposes: ['〇九〇 消費者、客戶管理與服務'], dataCategories: ['C001'], personalDataFileIds: ['111'] },
        clauses,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'active', effectiveEnd: '2026-12-31', missingClauseCount: 2 });
    state.contractId = created.body.id;

    const findings = await api.call('GET', `/v1/vendors/${state.vendorId}/contracts/${state.contractId}/findings`, { key: officer });
    expect(findings.status).toBe(200);
    expect(findings.body.hasSubProcessors).toBe(true);
    const missing = findings.body.findings.find((f: { clauseId: string }) => f.clauseId === 'returnAndDeletion');
    expect(missing).toMatchObject({ code: 'CLAUSE_MISSING', severity: 'required', citations: [{ article: 8, paragraph: 2, item: 6 }] });
    expect(missing.message.zhTW).toContain('個人資料保護法施行細則第8條第2項第6款');
    // The vendor does have a sub-processor, so "not applicable" contradicts the record.
    expect(findings.body.findings.find((f: { clauseId: string }) => f.clauseId === 'subProcessors').code).toBe('NOT_APPLICABLE_CONTRADICTED');

    const { duty, tasks } = await dutyAndTasks(`duty:vendorContractEnd|contract|${state.contractId}`);
    expect(duty).toMatchObject({ frequency: null, anchorDate: '2026-12-31', subject: { kind: 'contract', id: state.contractId } });
    expect(tasks[0]).toMatchObject({ status: 'open', dueDate: '2026-12-31' });
  });

  it('fixes the clause checklist with If-Match', async () => {
    const path = `/v1/vendors/${state.vendorId}/contracts/${state.contractId}`;
    expect((await api.call('PATCH', path, { key: officer, body: { clauses: allClausesPresent } })).status).toBe(428);
    const unknownClause = await api.call('PATCH', path, { key: officer, body: { clauses: [{ clauseId: 'nope', status: 'present', location: 'x' }] }, headers: { 'if-match': '"1"' } });
    expect(unknownClause.status).toBe(400);
    const fixed = await api.call('PATCH', path, { key: officer, body: { clauses: allClausesPresent }, headers: { 'if-match': '"1"' } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.missingClauseCount).toBe(0);
    const listed = await api.call('GET', `/v1/vendors/${state.vendorId}/contracts`, { key: officer });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].version).toBe(2);
  });

  it('the vendor answers with the token alone; the officer reviews', async () => {
    const link = await api.call('POST', `/v1/vendors/${state.vendorId}/questionnaire-links`, { key: officer, body: { validForDays: 10 } });
    expect(link.status).toBe(201);
    expect(link.body.token).toMatch(/^vqt_[A-Za-z0-9_-]{43}$/);
    expect(link.body.expiresAt).toBe('2026-03-12T02:00:00.000Z');
    state.responseId = link.body.responseId;
    const path = link.body.path as string;

    const opened = await api.call('GET', path);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ requestedBy: '範例資訊股份有限公司', status: 'draft', answers: [] });
    expect(opened.body.questionnaire.questions.length).toBeGreaterThan(10);
    expect(JSON.stringify(opened.body)).not.toContain(tenant.tenantId);

    const answers = answersFor(opened.body.questionnaire.questions);
    const draft = await api.call('PUT', `${path}/answers`, { body: { answers: answers.slice(0, 3) }, headers: { 'if-match': opened.headers.get('etag')! } });
    expect(draft.status).toBe(200);
    expect(draft.body.answers).toHaveLength(3);

    const early = await api.call('POST', `${path}/submit`);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('RESPONSE_INCOMPLETE');
    expect(early.body.errors.some((e: { field: string }) => e.field === 'answers.q.measures.riskAssessment')).toBe(true);

    const full = await api.call('PUT', `${path}/answers`, { body: { answers }, headers: { 'if-match': draft.headers.get('etag')! } });
    expect(full.status).toBe(200);
    const submitted = await api.call('POST', `${path}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');

    const response = await api.call('GET', `/v1/vendors/${state.vendorId}/questionnaire-responses/${state.responseId}`, { key: officer });
    expect(response.body).toMatchObject({ status: 'submitted', link: { status: 'submitted' } });

    const noComment = await api.call('POST', `/v1/vendors/${state.vendorId}/questionnaire-responses/${state.responseId}/review`, { key: officer, body: { reviewer: '林個資', decision: 'followUpRequired' } });
    expect(noComment.status).toBe(422);
    expect(noComment.body.errors[0].field).toBe('comment');
    const reviewed = await api.call('POST', `/v1/vendors/${state.vendorId}/questionnaire-responses/${state.responseId}/review`, { key: officer, body: { reviewer: '林個資', decision: 'accepted' } });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'accepted', review: { reviewer: '林個資', decision: 'accepted' } });
    const again = await api.call('POST', `/v1/vendors/${state.vendorId}/questionnaire-responses/${state.responseId}/review`, { key: officer, body: { reviewer: '林個資', decision: 'accepted' } });
    expect(again.status).toBe(409);

    // The vendor's actions sit in the tenant's own audit chain under its pseudonymous actor.
    const actorId = `vendorToken:${link.body.tokenIdPrefix}`;
    const audit = await api.call('GET', `/v1/audit-events?actorId=${encodeURIComponent(actorId)}`, { key: tenant.ownerKey });
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['vendorQuestionnaire.saveAnswers', 'vendorQuestionnaire.saveAnswers', 'vendorQuestionnaire.submit']);
    const verify = await api.call('GET', '/v1/audit-events/verify', { key: tenant.ownerKey });
    expect(verify.status).toBe(200);
    expect(JSON.stringify(verify.body)).toMatch(/"(valid|ok|intact)":true/);
  });

  it('records the annual check: the oversight task is done and the next one is due a year after the check', async () => {
    const check = await api.call('POST', `/v1/vendors/${state.vendorId}/oversight-checks`, {
      key: officer,
      body: {
        method: { kind: 'selfAssessmentQuestionnaire', responseId: state.responseId },
        date: '2026-03-01',
        reviewer: '林個資',
        result: 'findings',
        findings: [{ description: '備份未加密', remediationOwner: '陳經理', dueDate: '2026-04-30' }],
        evidenceRefs: ['audit/2026/vendor-cloud.pdf'],
      },
    });
    expect(check.status).toBe(201);
    expect(check.body.findings[0].id).toMatch(/^vof_/);

    const { duty, tasks } = await dutyAndTasks(`duty:vendorOversight|vendor|${state.vendorId}`);
    expect(duty).toMatchObject({ anchorDate: '2027-03-01', lastCompletedOn: '2026-03-01' });
    const byDate = Object.fromEntries(tasks.map((task) => [task.dueDate, task]));
    expect(byDate['2026-01-15']).toMatchObject({ status: 'done', completion: { by: '林個資', evidenceRefs: ['audit/2026/vendor-cloud.pdf'] } });
    expect(byDate['2026-01-15']).not.toHaveProperty('duePk');
    expect(byDate['2027-03-01']).toMatchObject({ status: 'open', duePk: 'DUE' });

    const findingsWithoutList = await api.call('POST', `/v1/vendors/${state.vendorId}/oversight-checks`, {
      key: officer,
      body: { method: { kind: 'onSiteAudit', auditedBy: 'us' }, date: '2026-03-01', reviewer: '林個資', result: 'unsatisfactory', evidenceRefs: ['x'] },
    });
    expect(findingsWithoutList.status).toBe(400);
    expect(findingsWithoutList.body.errors[0]).toMatchObject({ field: 'findings', reasonZhTW: '結果為「有缺失」或「不合格」時須列出缺失' });

    const draftResponse = await api.call('POST', `/v1/vendors/${state.vendorId}/questionnaire-links`, { key: officer, body: {} });
    const onDraft = await api.call('POST', `/v1/vendors/${state.vendorId}/oversight-checks`, {
      key: officer,
      body: { method: { kind: 'selfAssessmentQuestionnaire', responseId: draftResponse.body.responseId }, date: '2026-03-02', reviewer: '林個資', result: 'satisfactory', evidenceRefs: ['x'] },
    });
    expect(onDraft.status).toBe(422);
    expect(onDraft.body.errors[0].field).toBe('method.responseId');
  });

  it('a certificate check schedules its expiry; a renewal moves the deadline', async () => {
    const certificateCheck = (validUntil: string, date: string) => ({
      method: { kind: 'thirdPartyReport', certificate: { standard: 'iso27001', certificateNumber: `TW-${validUntil}`, issuer: 'BSI', scope: '會員資料庫代管服務', validUntil } },
      date,
      reviewer: '林個資',
      result: 'satisfactory',
      evidenceRefs: ['certs/iso27001.pdf'],
    });
    const sub = state.subId!;
    expect((await api.call('POST', `/v1/vendors/${sub}/oversight-checks`, { key: officer, body: certificateCheck('2026-04-15', '2026-03-02') })).status).toBe(201);
    const dutyId = `duty:vendorCertificateExpiry|certificate|${sub}:iso27001`;
    let { duty, tasks } = await dutyAndTasks(dutyId);
    expect(duty).toMatchObject({ anchorDate: '2026-04-15', frequency: null });
    expect(tasks.filter((task) => task.status === 'open').map((task) => task.dueDate)).toEqual(['2026-04-15']);

    const expiring = await api.call('GET', '/v1/vendor-reports/expiring-certificates?days=60', { key: officer });
    expect(expiring.status).toBe(200);
    expect(expiring.body.items).toEqual([expect.objectContaining({ vendorId: sub, state: 'expiring', daysLeft: 44 })]);

    expect((await api.call('POST', `/v1/vendors/${sub}/oversight-checks`, { key: officer, body: certificateCheck('2029-04-15', '2026-03-02') })).status).toBe(201);
    ({ duty, tasks } = await dutyAndTasks(dutyId));
    expect(duty!.anchorDate).toBe('2029-04-15');
    expect(tasks.filter((task) => task.status === 'open').map((task) => task.dueDate)).toEqual(['2029-04-15']);

    const listed = await api.call('GET', `/v1/vendors/${sub}/oversight-checks`, { key: officer });
    expect(listed.body.items).toHaveLength(2);
  });

  it('terminates the contract: a return/deletion obligation with a due date, then its confirmation', async () => {
    const base = `/v1/vendors/${state.vendorId}/contracts/${state.contractId}`;
    const early = await api.call('POST', `${base}/return-deletion-confirmation`, {
      key: officer,
      body: { method: 'deleted', confirmedOn: '2026-03-20', confirmedBy: '林個資', evidenceRefs: ['x'] },
    });
    expect(early.status).toBe(409);

    const beforeStart = await api.call('POST', `${base}/terminate`, { key: officer, body: { terminatedOn: '2024-12-31', reason: '提前終止' } });
    expect(beforeStart.status).toBe(422);
    expect(beforeStart.body.errors[0].field).toBe('terminatedOn');

    const terminated = await api.call('POST', `${base}/terminate`, { key: officer, body: { terminatedOn: '2026-03-02', reason: '改由自建機房處理' } });
    expect(terminated.status).toBe(200);
    expect(terminated.body).toMatchObject({ state: 'terminated', returnDeletion: { status: 'open', dueOn: '2026-04-01', state: 'open' } });
    const { duty, tasks } = await dutyAndTasks(`duty:vendorReturnDeletion|contract|${state.contractId}`);
    expect(duty).toMatchObject({ anchorDate: '2026-04-01', subject: { kind: 'contract', id: state.contractId } });
    expect(tasks[0]).toMatchObject({ status: 'open' });
    // The contract-end reminder is answered by the termination.
    expect((await dutyAndTasks(`duty:vendorContractEnd|contract|${state.contractId}`)).tasks[0]).toMatchObject({ status: 'done' });

    const twice = await api.call('POST', `${base}/terminate`, { key: officer, body: { terminatedOn: '2026-03-03', reason: 'x' } });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CONTRACT_ALREADY_TERMINATED');

    const noEvidence = await api.call('POST', `${base}/return-deletion-confirmation`, { key: officer, body: { method: 'deleted', confirmedOn: '2026-03-20', confirmedBy: '林個資', evidenceRefs: [] } });
    expect(noEvidence.status).toBe(422);
    expect(noEvidence.body.errors[0].field).toBe('evidenceRefs');

    const confirmed = await api.call('POST', `${base}/return-deletion-confirmation`, {
      key: officer,
      body: { method: 'returnedAndDeleted', confirmedOn: '2026-03-20', confirmedBy: '林個資', location: '本公司機房', evidenceRefs: ['disposal/2026-03-20-certificate.pdf'] },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.returnDeletion).toMatchObject({ status: 'closed', state: 'closed', retainUntil: '2031-03-20' });
    expect((await dutyAndTasks(`duty:vendorReturnDeletion|contract|${state.contractId}`)).tasks[0]).toMatchObject({ status: 'done' });
    const item = await getItem(`VENDOR#${state.vendorId}`, `CONTRACT#${state.contractId}`);
    expect(item).not.toHaveProperty('expiresAtEpoch');
  });

  it('reports read the tenant\'s vendors through Queries', async () => {
    const criticality = await api.call('GET', '/v1/vendor-reports/criticality', { key: officer });
    expect(criticality.status).toBe(200);
    expect(criticality.body.bands.find((b: { band: string }) => b.band === 'high').vendors.map((v: { vendorId: string }) => v.vendorId).sort()).toEqual([state.vendorId, state.subId].sort());

    const crossBorder = await api.call('GET', '/v1/vendor-reports/cross-border', { key: officer });
    expect(crossBorder.body.items.map((row: { country: string }) => row.country).sort()).toEqual(['JP', 'SG']);

    const overdue = await api.call('GET', '/v1/vendor-reports/overdue-checks', { key: officer });
    // The parent was checked on 2026-03-01; the sub-processor's checks (2026-03-02) are on time too.
    expect(overdue.body.items).toEqual([]);
    now = new Date('2027-03-10T02:00:00Z');
    const later = await api.call('GET', '/v1/vendor-reports/overdue-checks', { key: officer });
    expect(later.body.items.map((row: { vendorId: string; daysOverdue: number }) => [row.vendorId, row.daysOverdue])).toEqual([
      [state.vendorId, 9],
      [state.subId, 8],
    ]);
    now = new Date('2026-03-02T02:00:00Z');

    const missing = await api.call('GET', '/v1/vendor-reports/missing-clauses', { key: officer });
    // The only contract was terminated: the return/deletion obligation covers it instead.
    expect(missing.body.items).toEqual([]);
  });

  it('an integration key with vendor:read may read but not write; an auditor reads', async () => {
    const reader = await tenant.issueKey('integration', ['vendor:read']);
    expect((await api.call('GET', `/v1/vendors/${state.vendorId}`, { key: reader })).status).toBe(200);
    expect((await api.call('GET', '/v1/vendor-reports/criticality', { key: reader })).status).toBe(200);
    expect((await api.call('POST', '/v1/vendors', { key: reader, body: vendorBody() })).status).toBe(403);
    const auditor = await tenant.issueKey('auditor');
    expect((await api.call('GET', `/v1/vendors/${state.vendorId}/contracts`, { key: auditor })).status).toBe(200);
    expect((await api.call('POST', `/v1/vendors/${state.vendorId}/questionnaire-links`, { key: auditor, body: {} })).status).toBe(403);
  });

  it('the route-walk seed creates a vendor, a contract and a questionnaire response', async () => {
    const seeded = await seedTenantResources(api, await api.onboardTenant());
    expect(seeded.vendorId).toMatch(/^vnd_/);
    expect(seeded.contractId).toMatch(/^vct_/);
    expect(seeded.responseId).toMatch(/^vqr_/);
  });
});
