/**
 * The README's getting-started guide (openapi/client/examples/gettingStarted.ts) run step by step
 * through the typed client against the in-process app, so neither the guide nor the client can go
 * stale: each step's result is checked as an integrator would read it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOutboxTransport } from '../../../functions/mail/outboxTransport';
import { ProblemError, createComplianceClient } from '../../../openapi/client';
import {
  step1OnboardTenant,
  step2IssueKeys,
  step3LoadExamplePlan,
  step4ImportInventory,
  step5AssessRisks,
  step6VendorQuestionnaire,
  step7DataSubjectRequest,
  step8Incident,
  step9SweepAndMails,
  type GuideSetup,
} from '../../../openapi/client/examples/gettingStarted';
import { decodeHeader, parseEml } from '../reviews/outbox';
import { createTestApi, randomTaxId, type TestApi } from '../support/testApi';

// A Monday morning in Taipei, on a fixed clock so deadlines and due dates are the same every run.
const now = new Date('2026-03-02T02:00:00Z');
let api: TestApi;
let setup: GuideSetup;

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  const outboxDir = mkdtempSync(join(tmpdir(), 'pdpa-outbox-guide-'));
  api.deps.mailer = createOutboxTransport(outboxDir);
  setup = {
    baseUrl: 'http://localhost:3000',
    operatorKey: api.operatorKey,
    outboxDir,
    taxId: randomTaxId(),
    now: () => now,
    fetch: (request) => api.app.request(request),
  };
}, 60_000);

describe('getting started, step by step', () => {
  const state: { tenantId?: string; ownerKey?: string; officerKey?: string; planVersion?: number } = {};

  it('1 onboards the tenant', async () => {
    const { tenantId, tenant } = await step1OnboardTenant(setup);
    expect(tenantId).toMatch(/^tn_[0-9a-z]{26}$/);
    expect(tenant).toMatchObject({ companyName: '小叮噹股份有限公司', taxId: setup.taxId, sector: 'digitalEconomy' });
    state.tenantId = tenantId;
    // The same number twice is a typed problem naming the field.
    const again = await step1OnboardTenant(setup).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(ProblemError);
    expect((again as ProblemError).status).toBe(409);
    expect((again as ProblemError).fieldError('taxId')?.reasonEn).toContain('business number');
  });

  it('2 issues the owner key, and the owner the officer key', async () => {
    const keys = await step2IssueKeys(setup, state.tenantId!);
    expect(keys.ownerKey).toMatch(/^pdpa_/);
    expect(keys.officerKey).toMatch(/^pdpa_/);
    Object.assign(state, keys);
    const officer = createComplianceClient({ baseUrl: setup.baseUrl, fetch: setup.fetch, credential: { apiKey: keys.officerKey } });
    const { data: own } = await officer.GET('/v1/tenant');
    expect(own.tenantId).toBe(state.tenantId);
  });

  it('3 loads the example plan as a draft that lacks only the inventory and risk tables', async () => {
    const { versionNumber, draft, completeness } = await step3LoadExamplePlan(setup, state.ownerKey!);
    expect(versionNumber).toBe(1);
    expect(draft.status).toBe('draft');
    expect(completeness.approvable).toBe(false);
    expect(completeness.gaps.map((gap) => gap.code).sort()).toEqual(['INVENTORY_EMPTY', 'RISK_ASSESSMENT_EMPTY']);
    state.planVersion = versionNumber;
  });

  it('4 imports the example inventory and lists it page by page', async () => {
    const { imported, files } = await step4ImportInventory(setup, state.officerKey!);
    expect(imported).toMatchObject({ fileCount: 6 });
    expect(files.map((file) => file.id)).toEqual(['001-1', '001-2', '001-3', '002', '003', '004']);
    expect(files.find((file) => file.id === '001-1')).toMatchObject({ name: '員工基本資料', recordCount: 85 });
  });

  it('5 assesses the risks as in the example\'s table and approves the plan', async () => {
    const { assessment, approvedAssessment, completenessBeforeApproval, plan } = await step5AssessRisks(setup, { officerKey: state.officerKey!, ownerKey: state.ownerKey! }, state.planVersion!);
    const values = Object.fromEntries(assessment.results.map((result) => [result.fileId, result.value.value]));
    expect(values).toMatchObject({ '004': 8, '001-1': 4, '003': 4, '002': 3 });
    expect(approvedAssessment.approval).toEqual({ approvedBy: '技安', approvedOn: '2026-03-02' });
    expect(completenessBeforeApproval).toMatchObject({ complete: true, gaps: [] });
    expect(plan.status).toBe('approved');
  });

  it('6 registers the vendor, which answers the questionnaire with its token; the officer accepts it', async () => {
    const { vendor, link, questionCount, submitted, reviewed } = await step6VendorQuestionnaire(setup, state.officerKey!);
    expect(vendor.id).toMatch(/^vnd_/);
    expect(link.token).toMatch(/^vqt_/);
    expect(questionCount).toBeGreaterThan(10);
    expect(submitted.status).toBe('submitted');
    expect(reviewed).toMatchObject({ status: 'accepted', review: { reviewer: '技安', decision: 'accepted' } });
  });

  it('7 takes a data-subject inquiry from receipt to closed, with its decision letter', async () => {
    const { created, decided, closed, letter } = await step7DataSubjectRequest(setup, state.officerKey!);
    expect(created.items[0]!.deadline.lastDay).toBe('2026-03-17');
    expect(decided.status).toBe('decided');
    expect(closed.status).toBe('closed');
    expect(letter.body.zhTW).toContain('王小明');
  });

  it('8 reports an incident, fills its regulator form and records the notification within 72 hours', async () => {
    const { incident, form, notified } = await step8Incident(setup, state.officerKey!);
    expect(incident.clocks.regulatorNotification).not.toBe('done');
    expect(form).toMatchObject({ organisation: '小叮噹股份有限公司', authorityCode: 'moda', reporterEmail: 'dpo@example.com' });
    expect(notified.regulatorNotifications[0]).toMatchObject({ authorityCode: 'moda', withinDeadline: true });
    expect(notified.clocks).toMatchObject({ regulatorNotification: 'done', overdue: false });
  });

  it('9 runs the sweep a year ahead; the reminders are in the outbox', async () => {
    const { asOf, sweep, mails } = await step9SweepAndMails(setup, state.tenantId!);
    expect(asOf).toBe('2027-03-17');
    expect(sweep).toMatchObject({ tenants: 1, tenantsFailed: 0, mailsFailed: 0 });
    expect(sweep.remindersSent).toBeGreaterThan(0);
    expect(sweep.mailsSent).toBeGreaterThan(0);
    // The outbox also holds the questionnaire link mailed to the vendor in step 6; the sweep's are the reminders.
    const reminders = mails.map((mail) => parseEml(mail).headers).filter((headers) => decodeHeader(headers.subject ?? '').startsWith('[提醒]'));
    expect(reminders).toHaveLength(sweep.mailsSent);
    // One digest per owner per day: the duties' owner is the tenant's contact until someone is assigned.
    const [digest] = reminders;
    expect(digest!.to).toContain('<dpo@example.com>');
    expect(decodeHeader(digest!.subject ?? '')).toMatch(/^\[提醒\] 小叮噹股份有限公司｜\d+ 項個資法遵事項/);
  });
});

describe('the client\'s conventions against the app', () => {
  it('a POST retried with its Idempotency-Key creates once; a stale If-Match is a typed 412; a validation error names its field in zh-TW and en', async () => {
    const { tenantId } = await step1OnboardTenant({ ...setup, taxId: randomTaxId() });
    const { officerKey } = await step2IssueKeys(setup, tenantId);
    const officer = createComplianceClient({ baseUrl: setup.baseUrl, fetch: setup.fetch, credential: { apiKey: officerKey } });
    const body = {
      title: '筆電遺失',
      discoveredAt: '2026-03-02T09:00:00+08:00',
      reportedBy: { name: '阿福' },
      kinds: ['loss' as const],
      estimatedRecords: { general: 10, special: 0 },
      endangersOperationsOrManySubjects: false,
    };
    const header = { 'Idempotency-Key': 'guide-incident-0001' };
    const first = await officer.POST('/v1/incidents', { params: { header }, body });
    const replay = await officer.POST('/v1/incidents', { params: { header }, body });
    expect(replay.data.id).toBe(first.data.id);
    // The API marks a replay (a header the client tolerates whether or not the server sends it).
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    const incidents: string[] = [];
    for await (const incident of officer.paginate('/v1/incidents')) incidents.push(incident.id);
    expect(incidents).toEqual([first.data.id]);

    const incidentId = first.data.id;
    const stale = await officer.PATCH('/v1/incidents/{incidentId}', { params: { path: { incidentId }, header: { 'If-Match': '"99"' } }, body: { summary: '公務筆電於高鐵遺失' } }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ProblemError);
    expect((stale as ProblemError).status).toBe(412);
    expect((stale as ProblemError).type).toMatch(/\/problems\/precondition-failed$/);
    // Without an explicit header the client sends the ETag it last saw, and the update goes through.
    await officer.GET('/v1/incidents/{incidentId}', { params: { path: { incidentId } } });
    const updated = await officer.PATCH('/v1/incidents/{incidentId}', { params: { path: { incidentId } }, body: { summary: '公務筆電於高鐵遺失' } });
    expect(updated.response.status).toBe(200);

    const invalid = (await officer.POST('/v1/incidents', { body: { ...body, discoveredAt: 'yesterday' } }).catch((e: unknown) => e)) as ProblemError;
    expect(invalid.status).toBe(400);
    const field = invalid.errors.find((error) => error.field.endsWith('discoveredAt'));
    expect(field?.reasonZhTW).toBeTruthy();
    expect(field?.reasonEn).toBeTruthy();
    expect(field?.reasonZhTW).not.toBe(field?.reasonEn);
  });
});
