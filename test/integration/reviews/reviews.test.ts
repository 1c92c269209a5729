/**
 * Periodic reviews over HTTP: default duties, filters and pagination, complete/skip (no drift),
 * owner assignment with If-Match, the team directory, calendar and summary, the platform "as of"
 * sweep, SES delivery with retry (aws-sdk-client-mock), and urgent reminders fired by one-time
 * schedules through the local scheduler.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedInstant } from '../../../domain/shared/isoDate';
import { createOutboxTransport } from '../../../functions/mail/outboxTransport';
import { createSesTransport } from '../../../functions/mail/sesTransport';
import { deadlineWrites, loadDeadline } from '../../../functions/reviews/dutyStore';
import { runReviewSweep } from '../../../functions/reviews/sweep';
import { localBackgroundJobs } from '../../../functions/local/localJobs';
import { startLocalScheduler } from '../../../functions/local/localScheduler';
import { commitAudited } from '../../../functions/store/auditedCommit';
import { tenantTableName } from '../../../functions/store/tableDesign';
import { createTestApi, type TestApi } from '../support/testApi';
import { readOutbox } from './outbox';

let now = new Date('2026-01-01T01:00:00Z');
let api: TestApi;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
const at = (date: string, time = '09:00') => new Date(zonedInstant(date, time, 'Asia/Taipei'));
const enc = encodeURIComponent;

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  tenant = await api.onboardTenant();
});

describe('duties and review tasks', () => {
  it('gives a new tenant the example plan\'s default duties on first read', async () => {
    const duties = await api.call('GET', '/v1/duties?limit=100', { key: tenant.ownerKey });
    expect(duties.status).toBe(200);
    const defaults = duties.body.items.filter((d: { source: string }) => d.source === 'default');
    expect(defaults).toHaveLength(16);
    const inventory = defaults.find((d: { dutyKind: string }) => d.dutyKind === 'dataInventory');
    expect(inventory).toMatchObject({ dutyId: 'duty:dataInventory|organization|self', frequency: { every: 1, unit: 'year' }, owner: { role: 'privacyOfficer' }, anchorDate: '2027-01-01' });
    expect(inventory.legalBasis.zhTW).toContain('個資法第27條');
    // A second read creates nothing more.
    const again = await api.call('GET', '/v1/duties?limit=100&source=default', { key: tenant.ownerKey });
    expect(again.body.items).toHaveLength(16);
    const tasks = await api.call('GET', '/v1/review-tasks?limit=100&status=open', { key: tenant.ownerKey });
    expect(tasks.body.items).toHaveLength(16);
  });

  it('filters by kind, source, owner, due date and status, and pages with signed cursors', async () => {
    const kind = await api.call('GET', '/v1/duties?kind=planReview', { key: tenant.ownerKey });
    expect(kind.body.items.map((d: { dutyKind: string }) => d.dutyKind)).toEqual(['planReview']);
    const bySource = await api.call('GET', '/v1/duties?source=vendor', { key: tenant.ownerKey });
    expect(bySource.body.items).toEqual([]);

    const quarterly = await api.call('GET', '/v1/review-tasks?dueBefore=2026-05-01', { key: tenant.ownerKey });
    expect(quarterly.body.items.map((t: { dutyKind: string; dueDate: string }) => `${t.dutyKind}@${t.dueDate}`)).toEqual(['officeFirewallUpdate@2026-04-01']);
    const securityLead = await api.call('GET', '/v1/review-tasks?owner=role:securityLead&limit=100', { key: tenant.ownerKey });
    expect(securityLead.body.items).toHaveLength(7);
    const byKind = await api.call('GET', '/v1/review-tasks?kind=staffTraining', { key: tenant.ownerKey });
    expect(byKind.body.items).toHaveLength(1);
    expect(byKind.body.items[0]).toMatchObject({ status: 'open', overdue: false, dueDate: '2027-01-01' });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { body: { items: { taskId: string }[]; nextCursor: string | null } } = await api.call('GET', `/v1/review-tasks?limit=5${cursor ? `&cursor=${enc(cursor)}` : ''}`, { key: tenant.ownerKey });
      seen.push(...page.body.items.map((t) => t.taskId));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(new Set(seen).size).toBe(16);

    const first = await api.call('GET', '/v1/review-tasks?limit=5', { key: tenant.ownerKey });
    // A cursor only continues the list it came from.
    const otherList = await api.call('GET', `/v1/review-tasks?limit=5&status=done&cursor=${enc(first.body.nextCursor)}`, { key: tenant.ownerKey });
    expect(otherList.status).toBe(400);
    expect(otherList.body.errors[0].field).toBe('query.cursor');
    const bad = await api.call('GET', '/v1/review-tasks?overdue=maybe&dueBefore=2026-13-01', { key: tenant.ownerKey, headers: { 'accept-language': 'en' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.dueBefore', 'query.overdue']);
    expect(bad.body.errors[0].reasonZhTW).toBeTruthy();
  });

  it('completes late without drift, skips only with a reason, and refuses a second transition', async () => {
    const taskId = 'duty:officeFirewallUpdate|organization|self#2026-04-01';
    now = at('2026-05-20', '15:00');
    const overdue = await api.call('GET', '/v1/review-tasks?overdue=true', { key: tenant.ownerKey });
    expect(overdue.body.items.map((t: { taskId: string }) => t.taskId)).toEqual([taskId]);
    const stale = await api.call('POST', `/v1/review-tasks/${enc(taskId)}/complete`, { key: tenant.ownerKey, headers: { 'if-match': '"9"' }, body: {} });
    expect(stale.status).toBe(412);
    const done = await api.call('POST', `/v1/review-tasks/${enc(taskId)}/complete`, { key: tenant.ownerKey, headers: { 'if-match': '"1"' }, body: { notes: '防火牆規則已檢視', evidenceRefs: ['doc://fw-2026q1'] } });
    expect(done.status).toBe(200);
    expect(done.headers.get('etag')).toBe('"2"');
    expect(done.body.task).toMatchObject({ status: 'done', overdue: false, completion: { notes: '防火牆規則已檢視', evidenceRefs: ['doc://fw-2026q1'] } });
    // Late by seven weeks, yet the next one is due on the quarterly grid: 2026-07-01.
    expect(done.body.next).toMatchObject({ dueDate: '2026-07-01', status: 'open' });
    const again = await api.call('POST', `/v1/review-tasks/${enc(taskId)}/complete`, { key: tenant.ownerKey, body: {} });
    expect(again.status).toBe(409);

    const nextId = done.body.next.taskId as string;
    const noReason = await api.call('POST', `/v1/review-tasks/${enc(nextId)}/skip`, { key: tenant.ownerKey, body: { reason: '   ' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const skipped = await api.call('POST', `/v1/review-tasks/${enc(nextId)}/skip`, { key: tenant.ownerKey, body: { reason: '防火牆汰換中，改於下季檢視' } });
    expect(skipped.status).toBe(200);
    expect(skipped.body.task.skip.reason).toBe('防火牆汰換中，改於下季檢視');
    expect(skipped.body.next.dueDate).toBe('2026-10-01');

    const auditor = await tenant.issueKey('auditor');
    expect((await api.call('POST', `/v1/review-tasks/${enc(skipped.body.next.taskId)}/complete`, { key: auditor, body: {} })).status).toBe(403);
    const missing = await api.call('POST', `/v1/review-tasks/${enc('duty:nothing|organization|self#2026-01-01')}/complete`, { key: tenant.ownerKey, body: {} });
    expect(missing.status).toBe(404);
    const malformed = await api.call('POST', '/v1/review-tasks/not-a-task/complete', { key: tenant.ownerKey, body: {} });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('path.taskId');

    const summary = await api.call('GET', '/v1/compliance-summary', { key: tenant.ownerKey });
    expect(summary.body).toMatchObject({ asOf: '2026-05-20', overdue: { count: 0 }, onTimeLast12Months: { onTime: 0, total: 1, percentage: 0 } });
  });

  it('assigns an owner with If-Match and moves the open tasks with it', async () => {
    const dutyId = 'duty:staffTraining|organization|self';
    const owner = { name: '教育訓練窗口', email: 'training@example.com', locale: 'en' };
    expect((await api.call('PUT', `/v1/duties/${enc(dutyId)}/owner`, { key: tenant.ownerKey, body: owner })).status).toBe(428);
    expect((await api.call('PUT', `/v1/duties/${enc(dutyId)}/owner`, { key: tenant.ownerKey, headers: { 'if-match': '"7"' }, body: owner })).status).toBe(412);
    const invalid = await api.call('PUT', `/v1/duties/${enc(dutyId)}/owner`, { key: tenant.ownerKey, headers: { 'if-match': '"1"' }, body: { email: 'x' } });
    expect(invalid.status).toBe(400);
    const assigned = await api.call('PUT', `/v1/duties/${enc(dutyId)}/owner`, { key: tenant.ownerKey, headers: { 'if-match': '"1"' }, body: owner });
    expect(assigned.status).toBe(200);
    expect(assigned.headers.get('etag')).toBe('"2"');
    expect(assigned.body.owner).toEqual(owner);
    const tasks = await api.call('GET', '/v1/review-tasks?owner=training@example.com', { key: tenant.ownerKey });
    expect(tasks.body.items.map((t: { dutyKind: string }) => t.dutyKind)).toEqual(['staffTraining']);
    const byRole = await api.call('PUT', `/v1/duties/${enc(dutyId)}/owner`, { key: tenant.ownerKey, headers: { 'if-match': '"2"' }, body: { role: 'convener' } });
    expect(byRole.body.owner).toEqual({ role: 'convener' });
  });

  it('keeps the team directory with versions, and lists a 12-month calendar', async () => {
    const empty = await api.call('GET', '/v1/team-directory', { key: tenant.ownerKey });
    expect(empty.body).toMatchObject({ members: {}, version: 0 });
    expect(empty.body.roleLabels.convener.zhTW).toContain('召集人');
    const body = { members: { convener: [{ name: '陳召集', email: 'convener@example.com' }] } };
    expect((await api.call('PUT', '/v1/team-directory', { key: tenant.ownerKey, body })).status).toBe(428);
    const saved = await api.call('PUT', '/v1/team-directory', { key: tenant.ownerKey, headers: { 'if-match': '"0"' }, body });
    expect(saved.status).toBe(200);
    expect(saved.body.members.convener[0].locale).toBe('zh-TW');
    expect((await api.call('PUT', '/v1/team-directory', { key: tenant.ownerKey, headers: { 'if-match': '"0"' }, body })).status).toBe(412);
    const badRole = await api.call('PUT', '/v1/team-directory', { key: tenant.ownerKey, headers: { 'if-match': '"1"' }, body: { members: { '召集人': [] } } });
    expect(badRole.status).toBe(400);

    const calendar = await api.call('GET', '/v1/compliance-calendar', { key: tenant.ownerKey });
    expect(calendar.status).toBe(200);
    expect(calendar.body).toMatchObject({ asOf: '2026-05-20', until: '2027-05-20' });
    const quarterly = calendar.body.entries.filter((e: { dutyKind: string }) => e.dutyKind === 'officeFirewallUpdate').map((e: { dueDate: string }) => e.dueDate);
    expect(quarterly).toEqual(['2026-07-01', '2026-10-01', '2027-01-01', '2027-04-01']);
    const integration = await tenant.issueKey('integration', ['reviews:read']);
    expect((await api.call('GET', '/v1/compliance-calendar', { key: integration })).status).toBe(200);
  });
});

describe('the platform "as of" sweep and reminder history', () => {
  it('runs for one tenant as of a date, records reminders and sends nothing twice', async () => {
    const memory = api.deps.mailer;
    const outboxDir = mkdtempSync(join(tmpdir(), 'pdpa-outbox-sweep-'));
    api.deps.mailer = createOutboxTransport(outboxDir);
    try {
      now = at('2026-06-01');
      const bad = await api.call('POST', '/v1/platform/review-sweeps', { key: api.operatorKey, body: { asOf: '2026-02-30' } });
      expect(bad.status).toBe(400);
      const unknown = await api.call('POST', '/v1/platform/review-sweeps', { key: api.operatorKey, body: { asOf: '2026-06-01', tenantId: 'tn_00000000000000000000000000' } });
      expect(unknown.status).toBe(404);
      const run = await api.call('POST', '/v1/platform/review-sweeps', { key: api.operatorKey, body: { asOf: '2026-06-01', tenantId: tenant.tenantId } });
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({ tenants: 1, tenantsFailed: 0 });
      expect(run.body.remindersSent).toBeGreaterThan(0);
      const mails = readOutbox(outboxDir);
      expect(mails.length).toBe(run.body.mailsSent);
      const twice = await api.call('POST', '/v1/platform/review-sweeps', { key: api.operatorKey, body: { asOf: '2026-06-01', tenantId: tenant.tenantId } });
      expect(twice.body.remindersSent).toBe(0);
      expect(readOutbox(outboxDir)).toHaveLength(mails.length);

      // The purpose review due 2026-07-01 got its 30-day reminder; its history shows it delivered.
      const taskId = 'duty:purposeExpiryReview|organization|self#2026-07-01';
      const history = await api.call('GET', `/v1/review-tasks/${enc(taskId)}/reminders`, { key: tenant.ownerKey });
      expect(history.status).toBe(200);
      expect(history.body.items).toHaveLength(1);
      // Nobody holds privacyOfficer yet: the tenant contact receives it.
      expect(history.body.items[0]).toMatchObject({ stepId: 'before30', audience: 'owner', sentOn: '2026-06-01', recipient: { email: 'dpo@example.com' }, delivery: { status: 'sent', attempts: 1 } });
      // The hosted firewall update (security lead, also unassigned) shares the contact's digest.
      expect(history.body.items[0].subject).toBe('[提醒] 範例資訊股份有限公司｜2 項個資法遵事項：2 項即將到期');
      expect(mails.some((mail) => mail.raw.includes(`Message-ID: <${history.body.items[0].messageId}>`))).toBe(true);
    } finally {
      api.deps.mailer = memory;
    }
  });
});

describe('SES delivery', () => {
  const ses = mockClient(SESv2Client);
  afterAll(() => ses.restore());

  it('sends the raw message; a failure is kept and retried by its schedule until it succeeds', async () => {
    let clock = at('2026-01-01');
    const sesApi = await createTestApi({ clock: () => clock });
    sesApi.deps.mailer = createSesTransport(new SESv2Client({ region: 'ap-northeast-1' }), { from: { name: '個資法遵提醒', email: 'no-reply@pdpa.example.com' }, configurationSetName: 'pdpa-test-reminders' });
    const sesTenant = await sesApi.onboardTenant();
    await runReviewSweep(sesApi.deps, { asOf: clock, tenantId: sesTenant.tenantId });

    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
    ses.reset();
    ses.on(SendEmailCommand).rejectsOnce(throttled).resolves({ MessageId: 'ses-0001' });
    clock = at('2026-03-02');
    const first = await runReviewSweep(sesApi.deps, { asOf: clock, tenantId: sesTenant.tenantId });
    expect(first.results[0]!.mails).toMatchObject({ queued: 1, sent: 0, failed: 1 });
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ FromEmailAddress: 'no-reply@pdpa.example.com', Destination: { ToAddresses: ['dpo@example.com'] }, ConfigurationSetName: 'pdpa-test-reminders' });
    expect(input.EmailTags).toEqual([{ Name: 'tenantId', Value: sesTenant.tenantId }, expect.objectContaining({ Name: 'mailId' })]);
    const raw = Buffer.from(input.Content!.Raw!.Data!).toString('utf8');
    expect(raw).toMatch(/^From: .*<no-reply@pdpa\.example\.com>\r\nTo: .*<dpo@example\.com>\r\nSubject: =\?UTF-8\?B\?/);
    expect(raw).toContain('Content-Type: multipart/alternative');

    const taskId = 'duty:officeFirewallUpdate|organization|self#2026-04-01';
    const failed = await sesApi.call('GET', `/v1/review-tasks/${enc(taskId)}/reminders`, { key: sesTenant.ownerKey });
    expect(failed.body.items[0].delivery).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('TooManyRequests') });
    expect(failed.body.items[0].delivery.nextAttemptAt).toBe(new Date(clock.getTime() + 300_000).toISOString());

    // The same day again: the reminder is recorded, so no new mail; the failed one is not due yet.
    const again = await runReviewSweep(sesApi.deps, { asOf: clock, tenantId: sesTenant.tenantId });
    expect(again.results[0]!.mails).toMatchObject({ queued: 0, sent: 0 });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);

    // Six minutes later the retry schedule fires through the local scheduler.
    clock = new Date(clock.getTime() + 360_000);
    const jobs = localBackgroundJobs(sesApi.deps, { outboxDir: mkdtempSync(join(tmpdir(), 'pdpa-unused-')) });
    const due = await sesApi.deps.deadlineScheduler.due(clock);
    expect(due.map((s) => s.target.kind)).toEqual(['mailRetry']);
    const scheduler = startLocalScheduler({ deadlines: sesApi.deps.deadlineScheduler, dailyJobs: [], onDeadline: jobs.onDeadline, logger: sesApi.deps.logger, clock: () => clock, pollMs: 60_000 });
    await waitFor(async () => (await sesApi.deps.deadlineScheduler.due(clock)).length === 0);
    scheduler.stop();
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
    const sent = await sesApi.call('GET', `/v1/review-tasks/${enc(taskId)}/reminders`, { key: sesTenant.ownerKey });
    expect(sent.body.items[0].delivery).toMatchObject({ status: 'sent', attempts: 2, providerMessageId: 'ses-0001' });
    // Both attempts carried the same bytes (same Message-ID and Date).
    expect(Buffer.from(ses.commandCalls(SendEmailCommand)[1]!.args[0].input.Content!.Raw!.Data!).toString('utf8')).toBe(raw);

    // A rejected address is not retried: the mail is dead-lettered at once.
    ses.reset();
    const { MessageRejected } = await import('@aws-sdk/client-sesv2');
    ses.on(SendEmailCommand).rejects(new MessageRejected({ message: 'Address blacklisted', $metadata: {} }));
    clock = at('2026-03-25');
    const rejected = await runReviewSweep(sesApi.deps, { asOf: clock, tenantId: sesTenant.tenantId });
    expect(rejected.results[0]!.mails).toMatchObject({ queued: 1, sent: 0, failed: 0, deadLettered: 1 });
    const dead = await sesApi.call('GET', `/v1/review-tasks/${enc(taskId)}/reminders`, { key: sesTenant.ownerKey });
    expect(dead.body.items[1]).toMatchObject({ stepId: 'before7', delivery: { status: 'deadLetter', lastError: expect.stringContaining('MessageRejected') } });
    expect(await sesApi.deps.deadlineScheduler.due(new Date(clock.getTime() + 86_400_000))).toEqual([]);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('deadline reminders', () => {
  it('a one-time schedule fired by the local scheduler sends one urgent mail, even when it fires twice', async () => {
    let clock = at('2026-08-03', '14:00');
    const deadlineApi = await createTestApi({ clock: () => clock });
    const outboxDir = mkdtempSync(join(tmpdir(), 'pdpa-outbox-deadline-'));
    const deadlineTenant = await deadlineApi.onboardTenant();
    const jobs = localBackgroundJobs(deadlineApi.deps, { outboxDir });
    expect(deadlineApi.deps.mailer.kind).toBe('outbox');

    // What an incident does: a one-time urgent duty and its task (dutyStore contract), then a schedule.
    const doc = deadlineApi.deps.controlPlane.doc;
    const tableName = tenantTableName(deadlineApi.deps.provisioning.tenantTablePrefix, deadlineTenant.tenantId);
    const scope = { doc, tableName, actor: { actorId: 'test', role: 'owner' }, requestId: 'req_test', now: () => clock };
    const spec = {
      dutyKind: 'incidentAuthorityNotification',
      subject: { kind: 'incident' as const, id: 'inc_test' },
      title: { zhTW: '個資事故72小時內通報主管機關', en: 'Notify the authority within 72 hours' },
      legalBasis: { zhTW: '安全維護辦法第6條第2項', en: 'Security maintenance regulation Art. 6(2)' },
      dueDate: '2026-08-06',
      owner: { name: '值班人員', email: 'oncall@example.com' },
      source: 'incident' as const,
      urgent: true,
      dueAt: '2026-08-06T06:00:00.000Z',
      resourcePath: '/v1/incidents/inc_test',
    };
    await commitAudited(scope, { changes: [{ action: 'test.deadline', resourceType: 'duty', resourceId: 'x', before: null, after: spec }], writes: deadlineWrites(tableName, spec, null, clock.toISOString()) });
    const loaded = await loadDeadline(doc, tableName, 'duty:incidentAuthorityNotification|incident|inc_test');
    const taskId = loaded!.openTask!.taskId;
    const schedule = { name: 'inc.test.l24', tenantId: deadlineTenant.tenantId, at: clock.toISOString(), target: { kind: 'deadlineReminder', resourceId: taskId, detail: { moment: '24hLeft' } } };

    const fire = async () => {
      await deadlineApi.deps.deadlineScheduler.upsert(schedule);
      const scheduler = startLocalScheduler({ deadlines: deadlineApi.deps.deadlineScheduler, dailyJobs: [], onDeadline: jobs.onDeadline, logger: deadlineApi.deps.logger, clock: () => clock, pollMs: 60_000 });
      await waitFor(async () => (await deadlineApi.deps.deadlineScheduler.due(clock)).length === 0);
      scheduler.stop();
    };
    await fire();
    const mails = readOutbox(outboxDir);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'oncall@example.com', subject: '[緊急] 範例資訊股份有限公司｜個資事故72小時內通報主管機關 將於 2026-08-06 14:00 (UTC+8) 到期' });
    await fire(); // delivered twice (at-least-once): still one mail
    expect(readdirSync(outboxDir).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    const history = await deadlineApi.call('GET', `/v1/review-tasks/${enc(taskId)}/reminders`, { key: deadlineTenant.ownerKey });
    expect(history.body.items).toMatchObject([{ urgent: true, stepId: `deadline.24hLeft.${schedule.at}`, delivery: { status: 'sent' } }]);

    // Reported before the next moment: the schedule fires into a closed task and sends nothing.
    clock = at('2026-08-04', '10:00');
    const done = await deadlineApi.call('POST', `/v1/review-tasks/${enc(taskId)}/complete`, { key: deadlineTenant.ownerKey, body: { notes: '已通報' } });
    expect(done.body.next).toBeNull();
    schedule.at = clock.toISOString();
    schedule.target.detail.moment = '6hLeft';
    await fire();
    expect(readdirSync(outboxDir).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  });
});
