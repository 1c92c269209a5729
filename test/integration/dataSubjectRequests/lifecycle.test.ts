/**
 * Data-subject requests through their life cycles against DynamoDB Local: statutory deadlines
 * (with the Civil Code computation over Lunar New Year), extensions, refusals with legal
 * grounds, accuracy disputes, fees, downstream notices, and the duties that chase each deadline.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { zonedEndOfDay } from '../../../domain/shared/isoDate';
import type { TestApi } from '../support/testApi';
import { decisionDeadline, decisionSchedule, dsrTestApi, newRequestBody, taipei } from './support';

let api: TestApi;
let setNow: (instant: string) => void;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
let owner: string;

beforeAll(async () => {
  ({ api, setNow } = await dsrTestApi('2026-02-02T02:00:00Z'));
  tenant = await api.onboardTenant();
  owner = tenant.ownerKey;
});

async function create(types: Parameters<typeof newRequestBody>[0], overrides: Record<string, unknown> = {}) {
  const response = await api.call('POST', '/v1/data-subject-requests', { key: owner, body: newRequestBody(types, overrides) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function event(id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return api.call('POST', `/v1/data-subject-requests/${id}/events`, { key: owner, body: { actor: '個資專員 陳大文', ...body }, headers });
}

async function ok(id: string, body: Record<string, unknown>) {
  const response = await event(id, body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

async function verifyIdentity(id: string) {
  await ok(id, { type: 'startIdentityVerification' });
  return ok(id, { type: 'recordIdentityVerification', outcome: 'verified', method: 'oneTimeCodeToRegisteredContact', evidence: 'OTP log #4411' });
}

describe('deadlines', () => {
  it('counts 15 days over Lunar New Year and the weekend (Civil Code Art. 122) and explains each step', async () => {
    setNow('2026-02-02T02:00:00Z');
    const request = await create(['inquiry', 'marketingOptOut'], { receivedAt: '2026-02-01T10:00:00+08:00' });
    const inquiry = request.items.find((i: { type: string }) => i.type === 'inquiry');
    // Day 15 is 2026-02-16 (除夕); 16–20 are Lunar New Year days, 21–22 the weekend.
    expect(inquiry.deadline.lastDay).toBe('2026-02-23');
    expect(inquiry.deadline.dueAt).toBe(zonedEndOfDay('2026-02-23', 'Asia/Taipei'));
    const steps = inquiry.deadline.explanation.map((step: { zhTW: string }) => step.zhTW).join('\n');
    expect(steps).toContain('收件日 2026-02-01');
    expect(steps).toContain('春節');
    expect(steps).toContain('民法第122條');
    expect(inquiry.deadline.explanation[0].en).toContain('PDPA Art. 13');

    // The marketing objection is immediate: granted at receipt, nothing to chase.
    const optOut = request.items.find((i: { type: string }) => i.type === 'marketingOptOut');
    expect(optOut.deadline.kind).toBe('immediate');
    expect(optOut.decision.outcome).toBe('granted');
    expect((await decisionDeadline(api, tenant.tenantId, request.id, 'marketingOptOut')).duty).toBeUndefined();

    // The inquiry's deadline is a one-time duty with an open task due at the exact instant, and a schedule then.
    const chased = await decisionDeadline(api, tenant.tenantId, request.id, 'inquiry');
    expect(chased.duty).toMatchObject({ dutyKind: 'dataSubjectRequestDecision', frequency: null, anchorDate: '2026-02-23', owner: { role: 'privacyOfficer' }, source: 'dataSubjectRequest' });
    expect(chased.duty!.subject).toEqual({ kind: 'dataSubjectRequest', id: `${request.id}:inquiry` });
    expect(chased.open).toHaveLength(1);
    expect(chased.open[0]).toMatchObject({ dueDate: '2026-02-23', dueAt: inquiry.deadline.dueAt, resourcePath: `/v1/data-subject-requests/${request.id}` });
    const schedule = await decisionSchedule(api, tenant.tenantId, request.id, 'inquiry');
    expect(schedule).toMatchObject({ tenantId: tenant.tenantId, at: inquiry.deadline.dueAt, target: { kind: 'deadlineReminder', resourceId: chased.open[0]!.taskId } });
  });

  it('follows the tenant settings: calendar days, an assignee as owner; settings need If-Match', async () => {
    const other = await api.onboardTenant();
    const current = await api.call('GET', '/v1/data-subject-request-settings', { key: other.ownerKey });
    expect(current.status).toBe(200);
    expect(current.headers.get('etag')).toBe('"0"');
    expect(current.body.periodSettings).toMatchObject({ timeZone: 'Asia/Taipei', mode: 'civilCode' });
    const body = { periodSettings: { mode: 'calendarDays' }, feeSchedule: [] };
    expect((await api.call('PUT', '/v1/data-subject-request-settings', { key: other.ownerKey, body })).status).toBe(428);
    const saved = await api.call('PUT', '/v1/data-subject-request-settings', { key: other.ownerKey, body, headers: { 'If-Match': '"0"' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.headers.get('etag')).toBe('"1"');
    expect((await api.call('PUT', '/v1/data-subject-request-settings', { key: other.ownerKey, body, headers: { 'If-Match': '"0"' } })).status).toBe(412);
    const sundayWorking = await api.call('PUT', '/v1/data-subject-request-settings', {
      key: other.ownerKey,
      body: { periodSettings: { calendar: { tenantOverrides: { extraWorkingDays: ['2026-02-22'] } } } },
      headers: { 'If-Match': '"1"' },
    });
    expect(sundayWorking.status).toBe(400);
    expect(sundayWorking.body.errors[0].field).toContain('periodSettings.calendar');

    const created = await api.call('POST', '/v1/data-subject-requests', {
      key: other.ownerKey,
      body: newRequestBody(['inquiry'], { receivedAt: '2026-02-01T10:00:00+08:00', assignee: { name: '陳大文', email: 'dpo@example.com' } }),
    });
    expect(created.status).toBe(201);
    // Plain calendar days: day 15 stays on 除夕.
    expect(created.body.items[0].deadline.lastDay).toBe('2026-02-16');
    const chased = await decisionDeadline(api, other.tenantId, created.body.id, 'inquiry');
    expect(chased.duty!.owner).toEqual({ name: '陳大文', email: 'dpo@example.com' });
  });
});

describe('life cycles', () => {
  it('inquiry: identity, extension (moves the duty), fee quote and payment, decision, fulfilment, notices, close', async () => {
    setNow(taipei('2026-03-02', '10:00'));
    const fees = await api.call('GET', '/v1/data-subject-request-settings', { key: owner });
    const entry = { id: 'inquiry-basic', requestType: 'inquiry', description: { zhTW: '查詢作業費', en: 'Inquiry handling fee' }, unitAmountTwd: 50 };
    const saved = await api.call('PUT', '/v1/data-subject-request-settings', { key: owner, body: { feeSchedule: [entry] }, headers: { 'If-Match': fees.headers.get('etag')! } });
    expect(saved.status).toBe(200);

    const request = await create(['inquiry']);
    expect(request.status).toBe('received');
    expect(request.items[0].deadline.lastDay).toBe('2026-03-17');
    await verifyIdentity(request.id);

    setNow(taipei('2026-03-10', '09:00'));
    const extended = await ok(request.id, {
      type: 'extendDeadline', itemTypes: ['inquiry'], extensionDays: 15, reason: '資料分散於多個系統，需調閱', notifiedAt: taipei('2026-03-10', '08:30'), notificationChannel: 'email',
    });
    const item = extended.items[0];
    expect(item.extension.deadline.lastDay).toBe('2026-04-01');
    expect(item.currentDeadline.lastDay).toBe('2026-04-01');
    expect(item.extension.deadline.explanation[0].zhTW).toContain('自原期限末日 2026-03-17 屆滿後起算，該日不算入');
    const moved = await decisionDeadline(api, tenant.tenantId, request.id, 'inquiry');
    expect(moved.open.map((t) => t.dueDate)).toEqual(['2026-04-01']);
    expect(moved.tasks.find((t) => t.dueDate === '2026-03-17')!.status).toBe('skipped');
    expect((await decisionSchedule(api, tenant.tenantId, request.id, 'inquiry'))!.at).toBe(item.currentDeadline.dueAt);

    // Law-driven change (issue #14, 4b): the law caps the total, not the count; 15 + 5 exceeds it.
    const again = await event(request.id, { type: 'extendDeadline', itemTypes: ['inquiry'], extensionDays: 5, reason: 'x', notifiedAt: taipei('2026-03-10', '08:45'), notificationChannel: 'email' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('EXTENSION_TOO_LONG');

    const offSchedule = await event(request.id, { type: 'quoteFee', itemType: 'inquiry', feeScheduleEntry: { ...entry, unitAmountTwd: 500 }, quantity: 1 });
    expect(offSchedule.status).toBe(422);
    expect(offSchedule.body.code).toBe('FEE_ENTRY_NOT_IN_SCHEDULE');
    const quoted = await ok(request.id, { type: 'quoteFee', itemType: 'inquiry', feeScheduleEntry: entry, quantity: 2 });
    expect(quoted.items[0].fee.quote.amountTwd).toBe(100);

    // Optional If-Match on events: a stale one is refused.
    const stale = await event(request.id, { type: 'decide', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    const decided = await event(request.id, { type: 'decide', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, { 'If-Match': `"${quoted.version}"` });
    expect(decided.status).toBe(200);
    expect(decided.headers.get('etag')).toBe(`"${quoted.version + 1}"`);
    expect(decided.body.status).toBe('decided');
    expect(decided.body.items[0].decision.late).toBe(false);
    const done = await decisionDeadline(api, tenant.tenantId, request.id, 'inquiry');
    expect(done.open).toHaveLength(0);
    expect(done.tasks.find((t) => t.dueDate === '2026-04-01')!.status).toBe('done');
    expect(await decisionSchedule(api, tenant.tenantId, request.id, 'inquiry')).toBeUndefined();

    const unpaid = await event(request.id, { type: 'fulfil', itemTypes: ['inquiry'] });
    expect(unpaid.status).toBe(409);
    expect(unpaid.body.code).toBe('FEE_UNPAID');
    expect(unpaid.body.detail).toContain('費用尚未繳納');
    await ok(request.id, { type: 'recordFeePayment', itemType: 'inquiry', amountTwd: 100, paidAt: taipei('2026-03-10', '08:50'), paymentReference: 'RCPT-0001' });
    const fulfilled = await ok(request.id, { type: 'fulfil', itemTypes: ['inquiry'] });
    expect(fulfilled.status).toBe('fulfilled');

    const notClosable = await event(request.id, { type: 'close' });
    expect(notClosable.status).toBe(409);
    expect(notClosable.body.code).toBe('DECISION_NOT_NOTIFIED');
    await ok(request.id, { type: 'recordCommunication', kind: 'decision', sentAt: taipei('2026-03-10', '09:00'), channel: 'email' });
    expect((await ok(request.id, { type: 'close' })).status).toBe('closed');

    const notice = await api.call('GET', `/v1/data-subject-requests/${request.id}/communications/extensionNotice`, { key: owner });
    expect(notice.status).toBe(200);
    expect(notice.body.body.zhTW).toContain('延長15日至 115年4月1日'); // ROC dates in letters (issue #14, 12)
    expect(notice.body.body.en).toContain('extended by 15 days');
    const decision = await api.call('GET', `/v1/data-subject-requests/${request.id}/communications/decision`, { key: owner });
    expect(decision.body.body.zhTW).toContain('新臺幣 100 元，已收訖');
  });

  it('an extension notice after the original deadline is refused', async () => {
    setNow(taipei('2026-03-02', '10:00'));
    const request = await create(['correction']);
    expect(request.items[0].deadline.lastDay).toBe('2026-04-01');
    await verifyIdentity(request.id);
    setNow(taipei('2026-04-02', '09:00'));
    const late = await event(request.id, { type: 'extendDeadline', itemTypes: ['correction'], extensionDays: 30, reason: '需向委外廠商查證', notifiedAt: taipei('2026-04-02', '08:00'), notificationChannel: 'email' });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('EXTENSION_NOTICE_LATE');
    expect(late.body.errors[0].field).toBe('items.correction');
    // The duty did not move and stays overdue, so the sweep keeps chasing it.
    const chased = await decisionDeadline(api, tenant.tenantId, request.id, 'correction');
    expect(chased.open.map((t) => t.dueDate)).toEqual(['2026-04-01']);
    const got = await api.call('GET', `/v1/data-subject-requests/${request.id}`, { key: owner });
    expect(got.body.overdue).toBe(true);
  });

  it('stop of processing: accuracy dispute noted, refusal needs a ground and reasons, decision notice cites the law', async () => {
    setNow(taipei('2026-03-02', '10:00'));
    const request = await create(['stopProcessing']);
    await verifyIdentity(request.id);
    const noGround = await event(request.id, { type: 'decide', decisions: [{ itemType: 'stopProcessing', outcome: 'refused', reasonToRequester: '業務所需' }] });
    expect(noGround.status).toBe(422);
    expect(noGround.body.code).toBe('REFUSAL_GROUND_REQUIRED');
    const needsDispute = await event(request.id, {
      type: 'decide', decisions: [{ itemType: 'stopProcessing', outcome: 'refused', refusalGrounds: ['art11_2_necessaryForDutiesDisputeNoted'], reasonToRequester: '契約履行所必須' }],
    });
    expect(needsDispute.body.code).toBe('REFUSAL_GROUND_NEEDS_NOTED_DISPUTE');
    const wrongGround = await event(request.id, {
      type: 'decide', decisions: [{ itemType: 'stopProcessing', outcome: 'refused', refusalGrounds: ['art10_1_nationalInterest'], reasonToRequester: 'x' }],
    });
    expect(wrongGround.body.code).toBe('REFUSAL_GROUND_NOT_APPLICABLE');

    const disputed = await ok(request.id, {
      type: 'flagAccuracyDispute', disputeId: 'D-1', dataDescription: '會員資料之出生日期', inventoryFileId: 'pdf_member', raisedBy: 'dataSubject',
      exception: { kind: 'necessaryForDutiesOrBusiness', justification: '保險契約履行須使用' },
    });
    expect(disputed.accuracyDisputes[0]).toMatchObject({ disputeId: 'D-1', disputeNoted: true });
    const refused = await ok(request.id, {
      type: 'decide', decisions: [{ itemType: 'stopProcessing', outcome: 'refused', refusalGrounds: ['art11_2_necessaryForDutiesDisputeNoted'], reasonToRequester: '契約履行期間仍須處理' }],
    });
    expect(refused.status).toBe('decided');
    expect(refused.items[0].decision.refusalGrounds).toEqual(['art11_2_necessaryForDutiesDisputeNoted']);
    expect((await decisionDeadline(api, tenant.tenantId, request.id, 'stopProcessing')).open).toHaveLength(0);
    const notice = await api.call('GET', `/v1/data-subject-requests/${request.id}/communications/decision`, { key: owner, headers: { 'accept-language': 'en' } });
    expect(notice.body.body.zhTW).toContain('個人資料保護法第11條第2項但書');
    expect(notice.body.body.en).toContain('PDPA Art. 11 ¶2 proviso');
    // Nothing granted, nothing to fulfil: the request can close once the decision is notified.
    await ok(request.id, { type: 'recordCommunication', kind: 'decision', sentAt: taipei('2026-03-02', '10:00'), channel: 'postalMail' });
    expect((await ok(request.id, { type: 'close' })).status).toBe('closed');
    const terminal = await event(request.id, { type: 'withdraw' });
    expect(terminal.status).toBe(409);
    expect(terminal.body.code).toBe('REQUEST_TERMINAL');
  });

  it('deletion: downstream recipients (Art. 11 ¶5) and the inventory files changed', async () => {
    setNow(taipei('2026-03-02', '10:00'));
    const request = await create(['deletion', 'copy']);
    await verifyIdentity(request.id);
    const feeOnDeletion = await event(request.id, { type: 'quoteFee', itemType: 'deletion', feeScheduleEntry: { id: 'inquiry-basic', requestType: 'inquiry', description: { zhTW: '查詢作業費', en: 'Inquiry handling fee' }, unitAmountTwd: 50 }, quantity: 1 });
    expect(feeOnDeletion.status).toBe(422);
    const decided = await ok(request.id, {
      type: 'decide',
      decisions: [
        { itemType: 'deletion', outcome: 'granted' },
        { itemType: 'copy', outcome: 'refused', refusalGrounds: ['art10_3_majorInterestOfCollectorOrThirdParty'], reasonToRequester: '涉及第三人之個人資料' },
      ],
    });
    expect(decided.status).toBe('decided');
    expect((await decisionDeadline(api, tenant.tenantId, request.id, 'deletion')).open).toHaveLength(0);
    expect((await decisionDeadline(api, tenant.tenantId, request.id, 'copy')).open).toHaveLength(0);

    const noFiles = await event(request.id, { type: 'fulfil', itemTypes: ['deletion'] });
    expect(noFiles.status).toBe(422);
    expect(noFiles.body.code).toBe('INVENTORY_FILES_REQUIRED');
    const fulfilled = await ok(request.id, { type: 'fulfil', itemTypes: ['deletion'], inventoryFileIds: ['pdf_crm', 'pdf_newsletter', 'pdf_crm'] });
    expect(fulfilled.items.find((i: { type: string }) => i.type === 'deletion').fulfilment.inventoryFileIds).toEqual(['pdf_crm', 'pdf_newsletter']);
    await ok(request.id, { type: 'recordCommunication', kind: 'decision', sentAt: taipei('2026-03-02', '10:00'), channel: 'email' });
    const missingDownstream = await event(request.id, { type: 'close' });
    expect(missingDownstream.body.code).toBe('DOWNSTREAM_NOTIFICATION_MISSING');
    const noRecipients = await event(request.id, { type: 'recordDownstreamNotification', itemType: 'deletion', causedByCompany: true });
    expect(noRecipients.body.code).toBe('DOWNSTREAM_RECIPIENTS_REQUIRED');
    await ok(request.id, {
      type: 'recordDownstreamNotification', itemType: 'deletion', causedByCompany: true,
      recipients: [{ recipient: '合作物流公司', notifiedAt: taipei('2026-03-02', '10:00'), channel: 'email' }],
    });
    expect((await ok(request.id, { type: 'close' })).status).toBe('closed');
  });

  it('withdrawal skips the open tasks and removes the schedules; bad events are 400 with fields', async () => {
    setNow(taipei('2026-03-02', '10:00'));
    const request = await create(['review']);
    expect(await decisionSchedule(api, tenant.tenantId, request.id, 'review')).toBeDefined();
    const invalid = await event(request.id, { type: 'decide', decisions: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].field).toBe('decisions');
    const unknownType = await event(request.id, { type: 'approve' });
    expect(unknownType.status).toBe(400);
    const withdrawn = await ok(request.id, { type: 'withdraw', reason: '當事人撤回' });
    expect(withdrawn.status).toBe('withdrawn');
    const chased = await decisionDeadline(api, tenant.tenantId, request.id, 'review');
    expect(chased.open).toHaveLength(0);
    expect(chased.tasks[0]!.status).toBe('skipped');
    expect(await decisionSchedule(api, tenant.tenantId, request.id, 'review')).toBeUndefined();
    const missing = await api.call('GET', '/v1/data-subject-requests/dsr_00000000000000000000000000', { key: owner });
    expect(missing.status).toBe(404);
  });
});
