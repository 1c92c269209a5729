/**
 * 個資事故 against DynamoDB Local: the 72-hour clock to the millisecond, the reminder schedules
 * (read back through the local deadline scheduler), the regulator form, notices, the timeline
 * up to closure and corrective actions.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeadlineSchedule } from '../../../functions/http/appDeps';
import { createTestApi, type TestApi } from '../support/testApi';

const HOUR = 3_600_000;
// The duty/task keys of reviews/dutyStore.ts, spelled out: importing that module here would build
// the domain's zod schemas before @hono/zod-openapi extends zod, and the app could not start.
const dutyKeys = {
  duty: (dutyId: string) => ({ pk: `DUTY#${dutyId}`, sk: 'DUTY' }),
  task: (dutyId: string, dueDate: string) => ({ pk: `DUTY#${dutyId}`, sk: `TASK#${dueDate}` }),
};
// Discovered Monday 2026-03-02 09:00 Taipei time = 01:00 UTC.
const DISCOVERED = '2026-03-02T09:00:00+08:00';
const DISCOVERED_MS = Date.parse(DISCOVERED);
const DEADLINE = '2026-03-05T01:00:00.000Z';

let now = new Date(DISCOVERED_MS);
let api: TestApi;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
let owner: string;

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  tenant = await api.onboardTenant({ companyName: '事故測試資訊股份有限公司', sector: 'digitalEconomy' });
  owner = tenant.ownerKey;
});

const facts = (overrides: Record<string, unknown> = {}) => ({
  title: '會員資料庫遭未授權存取',
  discoveredAt: DISCOVERED,
  occurredAt: '2026-03-01T23:10:00+08:00',
  reportedBy: { name: '林資安', unit: '資訊部', contact: 'sec@example.com' },
  kinds: ['intrusion', 'leak'],
  dataCategories: ['C001 辨識個人者', 'C011 個人描述'],
  estimatedRecords: { general: 12_000, special: 0 },
  dataSubjectKinds: ['customers'],
  summary: '攻擊者利用弱密碼登入後台並匯出會員資料',
  cause: '後台管理帳號使用弱密碼且未啟用多因子驗證',
  damage: '約一萬二千筆會員姓名、電話及電子郵件外洩',
  possibleConsequences: '會員可能收到詐騙電話或釣魚郵件',
  containmentMeasures: [{ at: '2026-03-02T09:30:00+08:00', description: '停用遭盜用帳號並封鎖來源 IP' }],
  plannedMeasures: ['全面啟用多因子驗證', '重設所有管理帳號密碼'],
  plannedSubjectNotification: { at: '2026-03-03T10:00:00+08:00', channels: ['email', 'websiteNotice'] },
  endangersOperationsOrManySubjects: true,
  ...overrides,
});

const fiveContents = {
  whatHappened: '本公司會員資料庫於3月1日遭未授權存取',
  emergencyMeasures: '已停用遭盜用帳號並封鎖來源',
  causeInvestigation: '管理帳號弱密碼遭破解',
  remediation: '全面啟用多因子驗證',
  authoritiesNotified: '已通報數位發展部並向165報案',
  assistance: '提供專線協助會員確認帳號安全',
  contact: { name: '個資窗口 王小明', phone: '02-1234-5678', email: 'dpo@example.com' },
};

async function report(body: Record<string, unknown> = facts()) {
  const created = await api.call('POST', '/v1/incidents', { key: owner, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created;
}

/** This incident's schedules due at `at`, by moment. */
async function dueMoments(incidentId: string, at: string): Promise<Record<string, DeadlineSchedule>> {
  const due = await api.deps.deadlineScheduler.due(new Date(at), 1000);
  const mine = due.filter((s) => s.tenantId === tenant.tenantId && s.target.detail?.incidentId === incidentId);
  return Object.fromEntries(mine.map((s) => [String(s.target.detail?.moment), s]));
}

async function storedTask(taskId: string) {
  const [dutyId, dueDate] = [taskId.slice(0, taskId.lastIndexOf('#')), taskId.slice(taskId.lastIndexOf('#') + 1)];
  const { Item } = await api.deps.controlPlane.doc.send(new GetCommand({ TableName: `${api.deps.provisioning.tenantTablePrefix}${tenant.tenantId}`, Key: dutyKeys.task(dutyId, dueDate) }));
  return Item;
}

async function storedDuty(dutyId: string) {
  const { Item } = await api.deps.controlPlane.doc.send(new GetCommand({ TableName: `${api.deps.provisioning.tenantTablePrefix}${tenant.tenantId}`, Key: dutyKeys.duty(dutyId) }));
  return Item;
}

describe('the 72-hour clock', () => {
  it('ends exactly 72 hours after discovery, with the reminder schedules at their instants and an urgent deadline task', async () => {
    now = new Date(DISCOVERED_MS);
    const created = await report();
    const id: string = created.body.id;
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body.clocks).toMatchObject({ regulatorDeadline: DEADLINE, advisedDeadline: null, regulatorNotification: 'pending', hoursLeft: 72, overdue: false });
    expect(created.body.clocks.reminders.map((r: { kind: string }) => r.kind)).toEqual(['discovered', '24hLeft', '6hLeft', 'deadline']);
    expect(created.body.planUpdateRequired).toBe(true);

    // Each schedule becomes due at its instant, not a millisecond before.
    const justBefore = (ms: number) => new Date(ms - 1).toISOString();
    const deadlineMs = Date.parse(DEADLINE);
    expect(Object.keys(await dueMoments(id, justBefore(DISCOVERED_MS)))).toEqual([]);
    expect(Object.keys(await dueMoments(id, new Date(DISCOVERED_MS).toISOString()))).toEqual(['discovered']);
    expect(Object.keys(await dueMoments(id, justBefore(deadlineMs - 24 * HOUR))).sort()).toEqual(['discovered']);
    expect(Object.keys(await dueMoments(id, new Date(deadlineMs - 24 * HOUR).toISOString())).sort()).toEqual(['24hLeft', 'discovered']);
    expect(Object.keys(await dueMoments(id, new Date(deadlineMs - 6 * HOUR).toISOString())).sort()).toEqual(['24hLeft', '6hLeft', 'discovered']);
    expect(Object.keys(await dueMoments(id, justBefore(deadlineMs))).sort()).toEqual(['24hLeft', '6hLeft', 'discovered']);
    const all = await dueMoments(id, DEADLINE);
    expect(Object.keys(all).sort()).toEqual(['24hLeft', '6hLeft', 'deadline', 'discovered']);
    expect(all.deadline!.at).toBe(DEADLINE);

    // Every schedule points at the one open task of the urgent one-time duty, due at the exact deadline.
    const taskId = all.deadline!.target.resourceId;
    expect(all.deadline!.target.kind).toBe('deadlineReminder');
    for (const schedule of Object.values(all)) expect(schedule.target.resourceId).toBe(taskId);
    expect(taskId).toBe(`duty:incidentAuthorityNotification|incident|${id}#2026-03-05`);
    const task = await storedTask(taskId);
    expect(task).toMatchObject({ status: 'open', dueDate: '2026-03-05', dueAt: DEADLINE, owner: { role: 'privacyOfficer' }, resourcePath: `/v1/incidents/${id}` });
    const duty = await storedDuty(`duty:incidentAuthorityNotification|incident|${id}`);
    expect(duty).toMatchObject({ urgent: true, frequency: null, source: 'incident', subject: { kind: 'incident', id } });

    // Time left counts down against the same instant.
    now = new Date(deadlineMs - 90 * 60_000);
    const later = await api.call('GET', `/v1/incidents/${id}`, { key: owner });
    expect(later.body.clocks.hoursLeft).toBe(1.5);
    now = new Date(deadlineMs + HOUR);
    const overdue = await api.call('GET', `/v1/incidents/${id}`, { key: owner });
    expect(overdue.body.clocks).toMatchObject({ hoursLeft: -1, overdue: true });
    now = new Date(DISCOVERED_MS);
  });

  it('adds the advised 24-hour deadline when media-reported, and the incident contact owns the task', async () => {
    now = new Date(DISCOVERED_MS + HOUR);
    const created = await report(facts({ mediaReported: true, incidentContact: { name: '技安', email: 'incident@example.com' } }));
    const id: string = created.body.id;
    const advised = new Date(DISCOVERED_MS + 24 * HOUR).toISOString();
    expect(created.body.clocks).toMatchObject({ regulatorDeadline: DEADLINE, advisedDeadline: advised });
    const due = await dueMoments(id, DEADLINE);
    expect(due.advisedDeadline!.at).toBe(advised);
    // The discovery moment had passed when the incident was recorded: that alert goes out at once.
    expect(due.discovered!.at).toBe(now.toISOString());
    expect(await storedTask(due.deadline!.target.resourceId)).toMatchObject({ owner: { name: '技安', email: 'incident@example.com' } });
  });

  it('PATCH recomputes the clocks and moves the schedules; a stale ETag is 412, none is 428', async () => {
    now = new Date(DISCOVERED_MS + HOUR);
    const created = await report();
    const id: string = created.body.id;
    expect(Object.keys(await dueMoments(id, DEADLINE))).not.toContain('advisedDeadline');

    const mediaAt = new Date(DISCOVERED_MS + 2 * HOUR).toISOString();
    const patched = await api.call('PATCH', `/v1/incidents/${id}`, { key: owner, body: { mediaReported: true, mediaReportedAt: mediaAt }, headers: { 'if-match': '"1"' } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.headers.get('etag')).toBe('"2"');
    expect(patched.body.clocks.advisedDeadline).toBe(new Date(DISCOVERED_MS + 26 * HOUR).toISOString());
    expect((await dueMoments(id, DEADLINE)).advisedDeadline!.at).toBe(new Date(DISCOVERED_MS + 26 * HOUR).toISOString());

    const stale = await api.call('PATCH', `/v1/incidents/${id}`, { key: owner, body: { title: '改名' }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect((await api.call('PATCH', `/v1/incidents/${id}`, { key: owner, body: { title: '改名' } })).status).toBe(428);

    // Discovery was in fact 12 hours earlier: the deadline and the 72-hour task move with it.
    const earlier = new Date(DISCOVERED_MS - 12 * HOUR).toISOString();
    const moved = await api.call('PATCH', `/v1/incidents/${id}`, { key: owner, body: { discoveredAt: earlier, occurredAt: new Date(DISCOVERED_MS - 20 * HOUR).toISOString(), mediaReported: false }, headers: { 'if-match': '"2"' } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const newDeadline = new Date(DISCOVERED_MS + 60 * HOUR).toISOString();
    expect(moved.body.clocks).toMatchObject({ regulatorDeadline: newDeadline, advisedDeadline: null });
    const due = await dueMoments(id, new Date(DISCOVERED_MS + 100 * HOUR).toISOString());
    expect(Object.keys(due).sort()).toEqual(['24hLeft', '6hLeft', 'deadline', 'discovered']);
    expect(due.deadline!.at).toBe(newDeadline);
    expect(due['24hLeft']!.at).toBe(new Date(DISCOVERED_MS + 36 * HOUR).toISOString());
    // Deadline 2026-03-04 21:00 Taipei: a new task; the old one (2026-03-05) was superseded.
    expect(due.deadline!.target.resourceId).toBe(`duty:incidentAuthorityNotification|incident|${id}#2026-03-04`);
    expect(await storedTask(due.deadline!.target.resourceId)).toMatchObject({ status: 'open', dueAt: newDeadline });
    expect(await storedTask(`duty:incidentAuthorityNotification|incident|${id}#2026-03-05`)).toMatchObject({ status: 'skipped' });

    const badOrder = await api.call('PATCH', `/v1/incidents/${id}`, { key: owner, body: { occurredAt: new Date(DISCOVERED_MS).toISOString() }, headers: { 'if-match': '"3"' } });
    expect(badOrder.status).toBe(400);
    expect(badOrder.body.errors[0].field).toBe('occurredAt');
  });

  it('rejects bad input with field reasons, never a 500', async () => {
    const missing = await api.call('POST', '/v1/incidents', { key: owner, body: { title: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['discoveredAt', 'kinds', 'estimatedRecords']));
    const otherKind = await api.call('POST', '/v1/incidents', { key: owner, body: facts({ kinds: ['other'] }) });
    expect(otherKind.status).toBe(400);
    expect(otherKind.body.errors[0]).toMatchObject({ field: 'otherKindDescription' });
    now = new Date(DISCOVERED_MS);
    const future = await api.call('POST', '/v1/incidents', { key: owner, body: facts({ discoveredAt: '2026-03-09T09:00:00+08:00' }) });
    expect(future.status).toBe(422);
    expect(future.body.errors[0].field).toBe('discoveredAt');
    expect((await api.call('GET', '/v1/incidents/inc_0000000000000000000000000z', { key: owner })).status).toBe(404);
    expect((await api.call('GET', '/v1/incidents/not-an-id', { key: owner })).status).toBe(400);
  });

  it('an integration key with incident:write may report an incident, an auditor may read but not write', async () => {
    now = new Date(DISCOVERED_MS);
    const integration = await tenant.issueKey('integration', ['incident:write']);
    const created = await api.call('POST', '/v1/incidents', { key: integration, body: facts() });
    expect(created.status).toBe(201);
    const auditor = await tenant.issueKey('auditor');
    expect((await api.call('GET', `/v1/incidents/${created.body.id}`, { key: auditor })).status).toBe(200);
    expect((await api.call('POST', '/v1/incidents', { key: auditor, body: facts() })).status).toBe(403);
  });
});

describe('the report to the authority', () => {
  it('renders the form (json, html, docx) addressed to the tenant\'s authority with every required field', async () => {
    now = new Date(DISCOVERED_MS + 2 * HOUR);
    const { body: incident } = await report();
    const json = await api.call('GET', `/v1/incidents/${incident.id}/regulator-notification`, { key: owner });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      organisation: '事故測試資訊股份有限公司',
      reporterName: '王小明',
      reporterEmail: 'dpo@example.com',
      authorityCode: 'moda',
      authorityName: { zhTW: '數位發展部', en: 'Ministry of Digital Affairs' },
      discoveredAt: '2026-03-02T01:00:00.000Z',
      occurredAt: '2026-03-01T15:10:00.000Z',
      estimatedRecordsTotal: 12_000,
      deadline: DEADLINE,
      withinDeadline: true,
      delayReason: null,
    });
    expect(json.body.formName).toContain('附表二');
    // What the tenant profile does not hold is listed, nothing else.
    expect(json.body.missingFields.sort()).toEqual(['reporterAddress', 'reporterPhone', 'reporterTitle']);

    const html = await api.call('GET', `/v1/incidents/${incident.id}/regulator-notification?format=html`, { key: owner });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    // The sector's own table (K0010162 附表二), ROC times, records counted in 筆.
    for (const text of ['業者個人資料外洩通報表', '事故測試資訊股份有限公司', '數位發展部', '民國115年3月2日 9時00分', '是否於發現個資外洩後72小時內通報', '12,000筆']) {
      expect(html.body).toContain(text);
    }
    const docx = await api.call('GET', `/v1/incidents/${incident.id}/regulator-notification?format=docx`, { key: owner });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers.get('content-disposition')).toContain('.docx');
    expect(String(docx.body).startsWith('PK')).toBe(true);
    expect((await api.call('GET', `/v1/incidents/${incident.id}/regulator-notification?format=pdf`, { key: owner })).status).toBe(400);
  });

  it('refuses a late report without a delay reason (422 delayReason), accepts it with one and settles the deadline', async () => {
    now = new Date(DISCOVERED_MS);
    const { body: incident } = await report();
    now = new Date(Date.parse(DEADLINE) + 5 * HOUR);
    const lateAt = new Date(Date.parse(DEADLINE) + 4 * HOUR).toISOString();
    const refused = await api.call('POST', `/v1/incidents/${incident.id}/regulator-notification`, { key: owner, body: { notifiedAt: lateAt, method: 'email' } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('LATE_WITHOUT_DELAY_REASON');
    expect(refused.body.errors[0]).toMatchObject({ field: 'delayReason' });
    expect(refused.body.errors[0].reasonZhTW).toContain('遲延理由');
    expect(refused.body.errors[0].reasonEn).toContain('delay reason');

    const list = await api.call('GET', '/v1/incidents?notification=overdue', { key: owner });
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(incident.id);

    const accepted = await api.call('POST', `/v1/incidents/${incident.id}/regulator-notification`, {
      key: owner,
      body: { notifiedAt: lateAt, method: 'onlineForm', reference: 'MODA-2026-001', delayReason: '初期無法確認外洩範圍' },
      headers: { 'if-match': '"1"' },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body.regulatorNotifications[0]).toMatchObject({ authorityCode: 'moda', channel: 'onlineForm', stage: 'initial', withinDeadline: false, reference: 'MODA-2026-001' });
    expect(accepted.body.clocks).toMatchObject({ regulatorNotification: 'done', hoursLeft: null, overdue: false });
    expect(accepted.body.timeline.regulatorNotified).toMatchObject({ status: 'done', at: lateAt });
    // The 72-hour task is done and no reminder remains.
    expect(await storedTask(`duty:incidentAuthorityNotification|incident|${incident.id}#2026-03-05`)).toMatchObject({ status: 'done' });
    expect(await dueMoments(incident.id, '2030-01-01T00:00:00Z')).toEqual({});
    const afterList = await api.call('GET', '/v1/incidents?notification=pending', { key: owner });
    expect(afterList.body.items.map((i: { id: string }) => i.id)).not.toContain(incident.id);
    const form = await api.call('GET', `/v1/incidents/${incident.id}/regulator-notification`, { key: owner });
    expect(form.body).toMatchObject({ withinDeadline: false, delayReason: '初期無法確認外洩範圍', notifiedAt: lateAt });
  });

  it('the discovery time cannot move once the authority was notified', async () => {
    now = new Date(DISCOVERED_MS + HOUR);
    const { body: incident } = await report();
    const notified = await api.call('POST', `/v1/incidents/${incident.id}/regulator-notification`, { key: owner, body: { notifiedAt: now.toISOString(), method: 'email' } });
    expect(notified.status).toBe(201);
    expect(notified.body.regulatorNotifications[0].withinDeadline).toBe(true);
    const moved = await api.call('PATCH', `/v1/incidents/${incident.id}`, { key: owner, body: { discoveredAt: '2026-03-02T08:00:00+08:00' }, headers: { 'if-match': notified.headers.get('etag')! } });
    expect(moved.status).toBe(422);
    expect(moved.body.errors[0].field).toBe('discoveredAt');
  });
});

describe('notices, timeline and closure', () => {
  it('refuses a notice missing any of the five contents (an anti-fraud reminder alone does not comply)', async () => {
    now = new Date(DISCOVERED_MS + 3 * HOUR);
    const { body: incident } = await report();
    const fraudOnly = await api.call('POST', `/v1/incidents/${incident.id}/notices`, {
      key: owner,
      body: { audience: 'dataSubjects', channel: 'sms', sentAt: now.toISOString(), audienceSize: 12_000, content: { contact: {}, antiFraudReminder: '請小心詐騙電話' } },
    });
    expect(fraudOnly.status).toBe(422);
    expect(fraudOnly.body.code).toBe('NOTICE_CONTENT_INCOMPLETE');
    expect(fraudOnly.body.detail).toContain('反詐騙');
    expect(fraudOnly.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['content.whatHappened', 'content.assistance', 'content.contact.phone']));

    const noContact = await api.call('POST', `/v1/incidents/${incident.id}/notices`, {
      key: owner,
      body: { audience: 'dataSubjects', channel: 'email', sentAt: now.toISOString(), audienceSize: 12_000, content: { ...fiveContents, contact: { name: '王小明', phone: '' } } },
    });
    expect(noContact.status).toBe(422);
    expect(noContact.body.errors.map((e: { field: string }) => e.field)).toEqual(['content.contact.phone']);

    const sent = await api.call('POST', `/v1/incidents/${incident.id}/notices`, {
      key: owner,
      body: { audience: 'dataSubjects', channel: 'email', sentAt: now.toISOString(), audienceSize: 12_000, content: fiveContents },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const after = await api.call('GET', `/v1/incidents/${incident.id}`, { key: owner });
    expect(after.body.timeline.subjectsNotified).toMatchObject({ status: 'done', at: now.toISOString() });
    expect(after.body.notices).toHaveLength(1);
    const notices = await api.call('GET', `/v1/incidents/${incident.id}/notices`, { key: owner });
    expect(notices.body.items[0].content.assistance).toBe(fiveContents.assistance);
  });

  it('previews the notice text from the record, listing what is still missing', async () => {
    now = new Date(DISCOVERED_MS + 3 * HOUR);
    const { body: incident } = await report();
    const zh = await api.call('GET', `/v1/incidents/${incident.id}/notices/preview?audience=dataSubjects&locale=zh-TW`, { key: owner });
    expect(zh.status).toBe(200);
    expect(zh.body.subject).toBe('事故測試資訊股份有限公司個人資料事故通知');
    expect(zh.body.body).toContain('攻擊者利用弱密碼登入後台');
    expect(zh.body.body).toContain('停用遭盜用帳號');
    expect(zh.body.missing.map((m: { field: string }) => m.field).sort()).toEqual(['assistance', 'authoritiesNotified', 'contact.phone']);
    const en = await api.call('GET', `/v1/incidents/${incident.id}/notices/preview?audience=customers&locale=en`, { key: owner });
    expect(en.body.body).toContain('Dear customer');
  });

  it('refuses to close while mandatory steps are open, listing the blockers', async () => {
    now = new Date(DISCOVERED_MS + HOUR);
    const { body: incident } = await report();
    const refused = await api.call('POST', `/v1/incidents/${incident.id}/close`, { key: owner, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CANNOT_CLOSE');
    const fields = refused.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(['timeline.contained', 'timeline.regulatorNotified', 'timeline.subjectsNotified', 'timeline.rootCauseFound']);
    // The report is mandatory when the incident endangers operations or many data subjects.
    const ruledOut = await api.call('POST', `/v1/incidents/${incident.id}/steps/regulatorNotified`, { key: owner, body: { status: 'notApplicable', reason: '不需通報' } });
    expect(ruledOut.status).toBe(422);
    expect(ruledOut.body.code).toBe('STEP_NOT_APPLICABLE_REFUSED');
    // The notifications are completed by recording them, not by hand.
    const byHand = await api.call('POST', `/v1/incidents/${incident.id}/steps/subjectsNotified`, { key: owner, body: { status: 'done', at: now.toISOString() } });
    expect(byHand.status).toBe(422);
    expect(byHand.body.code).toBe('STEP_NOT_MANUAL');
  });

  it('the happy path: contained, reported, notified, cause found, actions done → closed; then nothing changes', async () => {
    now = new Date(DISCOVERED_MS + HOUR);
    const { body: incident } = await report();
    const id: string = incident.id;
    const step = (name: string, body: Record<string, unknown>) => api.call('POST', `/v1/incidents/${id}/steps/${name}`, { key: owner, body });

    expect((await step('contained', { status: 'done', at: '2026-03-02T10:00:00+08:00', note: '已封鎖' })).status).toBe(200);
    expect((await step('contained', { status: 'done', at: '2026-03-02T10:00:00+08:00' })).status).toBe(409);
    const early = await step('rootCauseFound', { status: 'done', at: '2026-03-01T10:00:00+08:00' });
    expect(early.status).toBe(422);
    expect(early.body.errors[0].field).toBe('at');
    expect((await api.call('POST', `/v1/incidents/${id}/regulator-notification`, { key: owner, body: { notifiedAt: now.toISOString(), method: 'email' } })).status).toBe(201);

    now = new Date(DISCOVERED_MS + 30 * HOUR);
    expect((await api.call('POST', `/v1/incidents/${id}/notices`, { key: owner, body: { audience: 'dataSubjects', channel: 'email', sentAt: now.toISOString(), audienceSize: 12_000, content: fiveContents } })).status).toBe(201);
    expect((await step('rootCauseFound', { status: 'done', at: now.toISOString() })).status).toBe(200);

    const action = await api.call('POST', `/v1/incidents/${id}/corrective-actions`, {
      key: owner,
      body: { kind: 'corrective', title: '全面啟用多因子驗證', owner: 'it-lead@example.com', dueDate: '2026-03-31' },
    });
    expect(action.status, JSON.stringify(action.body)).toBe(201);
    const actionId: string = action.body.id;
    const actionDuty = `duty:correctiveAction|incident|${id}/${actionId}`;
    expect(await storedDuty(actionDuty)).toMatchObject({ dutyKind: 'correctiveAction', frequency: null, anchorDate: '2026-03-31' });
    expect(await storedTask(`${actionDuty}#2026-03-31`)).toMatchObject({ status: 'open', owner: { email: 'it-lead@example.com' } });

    const blocked = await api.call('POST', `/v1/incidents/${id}/close`, { key: owner, body: {} });
    expect(blocked.status).toBe(409);
    expect(blocked.body.errors.map((e: { field: string }) => e.field)).toEqual(['correctiveActions']);

    const move = (to: string, by: string, etag?: string) =>
      api.call('POST', `/v1/incidents/${id}/corrective-actions/${actionId}/transitions`, { key: owner, body: { to, at: now.toISOString(), by }, headers: etag ? { 'if-match': etag } : {} });
    expect((await move('verified', '稽核')).status).toBe(409);
    expect((await move('done', 'it-lead@example.com', '"9"')).status).toBe(412);
    const done = await move('done', 'it-lead@example.com', '"1"');
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(await storedTask(`${actionDuty}#2026-03-31`)).toMatchObject({ status: 'done' });
    // Verification failed: back to work, and the sweep chases it again.
    expect((await move('inProgress', '稽核')).status).toBe(200);
    expect(await storedTask(`${actionDuty}#2026-03-31`)).toMatchObject({ status: 'open' });
    expect((await move('done', 'it-lead@example.com')).status).toBe(200);
    const selfVerified = await move('verified', 'it-lead@example.com');
    expect(selfVerified.status).toBe(422);
    expect(selfVerified.body.errors[0].field).toBe('by');

    const actions = await api.call('GET', `/v1/incidents/${id}/corrective-actions?limit=1`, { key: owner });
    expect(actions.body.items).toHaveLength(1);
    expect(actions.body.items[0]).toMatchObject({ id: actionId, status: 'done' });

    const closed = await api.call('POST', `/v1/incidents/${id}/close`, { key: owner, body: {} });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closeBlockers: [], planUpdateRequired: true });
    expect(closed.body.timeline.closed).toMatchObject({ status: 'done', at: now.toISOString() });
    const patch = await api.call('PATCH', `/v1/incidents/${id}`, { key: owner, body: { title: 'x' }, headers: { 'if-match': closed.headers.get('etag')! } });
    expect(patch.status).toBe(409);
    expect((await api.call('POST', `/v1/incidents/${id}/close`, { key: owner, body: {} })).status).toBe(409);
    // Effectiveness may be verified after closure, by someone other than the owner.
    expect((await move('verified', '稽核')).status).toBe(200);

    const closedList = await api.call('GET', '/v1/incidents?status=closed', { key: owner });
    expect(closedList.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const audit = await api.call('GET', `/v1/audit-events?resourceType=incident&resourceId=${id}`, { key: owner });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['incident.report', 'incident.notifyRegulator', 'incident.close']));
  });

  it('a non-mandatory report ruled not applicable skips the deadline task and removes the reminders', async () => {
    now = new Date(DISCOVERED_MS + HOUR);
    const { body: incident } = await report(facts({ endangersOperationsOrManySubjects: false }));
    const ruledOut = await api.call('POST', `/v1/incidents/${incident.id}/steps/regulatorNotified`, { key: owner, body: { status: 'notApplicable', reason: '僅一筆內部資料誤寄且已收回' } });
    expect(ruledOut.status, JSON.stringify(ruledOut.body)).toBe(200);
    expect(ruledOut.body.clocks.regulatorNotification).toBe('notApplicable');
    expect(await storedTask(`duty:incidentAuthorityNotification|incident|${incident.id}#2026-03-05`)).toMatchObject({ status: 'skipped' });
    expect(await dueMoments(incident.id, '2030-01-01T00:00:00Z')).toEqual({});
  });
});

describe('lists', () => {
  it('pages with signed cursors bound to the filters', async () => {
    now = new Date(DISCOVERED_MS);
    await report();
    await report();
    const first = await api.call('GET', '/v1/incidents?limit=1&status=open', { key: owner });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({ status: 'open', regulatorDeadline: expect.any(String) });
    const cursor: string = first.body.nextCursor;
    expect(cursor).toBeTruthy();
    expect((await api.call('GET', `/v1/incidents?limit=1&status=open&cursor=${cursor}`, { key: owner })).status).toBe(200);
    expect((await api.call('GET', `/v1/incidents?limit=1&cursor=${cursor}`, { key: owner })).status).toBe(400);
    expect((await api.call('GET', '/v1/incidents?status=closed&notification=pending', { key: owner })).status).toBe(400);
  });
});

describe('drills', () => {
  it('records drills and reports the next one due a year after the last', async () => {
    now = new Date('2026-06-15T02:00:00Z');
    const other = await api.onboardTenant();
    const none = await api.call('GET', '/v1/incident-drills', { key: other.ownerKey });
    expect(none.body.status).toMatchObject({ lastDrillDate: null, nextDue: '2027-06-15', overdue: false });
    const held = await api.call('POST', '/v1/incident-drills', {
      key: other.ownerKey,
      body: { date: '2026-06-10', scenario: 'CRM 資料庫異常存取告警', participants: ['資訊部', '法務'], findings: ['通報窗口電話未更新'] },
    });
    expect(held.status, JSON.stringify(held.body)).toBe(201);
    const future = await api.call('POST', '/v1/incident-drills', { key: other.ownerKey, body: { date: '2026-07-01', scenario: '未來', participants: ['x'] } });
    expect(future.status).toBe(422);
    expect(future.body.errors[0].field).toBe('date');
    const listed = await api.call('GET', '/v1/incident-drills', { key: other.ownerKey });
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([held.body.id]);
    expect(listed.body.status).toMatchObject({ lastDrillDate: '2026-06-10', nextDue: '2027-06-10', overdue: false });
    now = new Date('2027-06-20T02:00:00Z');
    const late = await api.call('GET', '/v1/incident-drills', { key: other.ownerKey });
    expect(late.body.status).toMatchObject({ overdue: true, daysOverdue: 10 });
    now = new Date(DISCOVERED_MS);
  });
});
