/**
 * Issue #14 through the API against DynamoDB Local: the marketing stop (PDPA Art. 20 ¶2) and the
 * accuracy-dispute duty (Art. 11 ¶2) chased as urgent deadlines, decision and notice times
 * taken from the request (Art. 13), written and repeated extensions, case numbers unique per
 * tenant, letters with the requester's own name, and receipts refused past a simulated clock.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/testApi';
import { disputeDutyId, marketingStopDutyId } from '../../../functions/dataSubjectRequests/dataSubjectRequestDeadlines';
import { decisionDeadline, decisionSchedule, dsrTestApi, newRequestBody, partition, taipei } from './support';

let api: TestApi;
let setNow: (instant: string) => void;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
let owner: string;

beforeAll(async () => {
  // A clock in the future, as a simulation sets it: receipts are judged against it.
  ({ api, setNow } = await dsrTestApi(taipei('2027-03-01', '10:00')));
  tenant = await api.onboardTenant();
  owner = tenant.ownerKey;
  const current = await api.call('GET', '/v1/data-subject-request-settings', { key: owner });
  const saved = await api.call('PUT', '/v1/data-subject-request-settings', {
    key: owner,
    headers: { 'If-Match': current.headers.get('etag')! },
    body: {
      marketingStopTargets: [
        { id: 'newsletter', name: '電子報系統', kind: 'system', inventoryFileId: 'pdf_newsletter' },
        { id: 'sms-vendor', name: '簡訊行銷供應商', kind: 'recipient' },
      ],
      writtenNoticeChannels: ['postalMail', 'email', 'electronicDocument'],
    },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect(saved.body.marketingStopTargets).toHaveLength(2);
});

async function create(types: Parameters<typeof newRequestBody>[0], overrides: Record<string, unknown> = {}) {
  const response = await api.call('POST', '/v1/data-subject-requests', { key: owner, body: newRequestBody(types, overrides) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function event(id: string, body: Record<string, unknown>) {
  return api.call('POST', `/v1/data-subject-requests/${id}/events`, { key: owner, body: { actor: '個資專員 陳大文', ...body } });
}

async function ok(id: string, body: Record<string, unknown>) {
  const response = await event(id, body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

async function duty(dutyId: string) {
  const items = await partition(api, tenant.tenantId, `DUTY#${dutyId}`);
  const tasks = items.filter((item) => item.entity === 'ReviewTask');
  return { duty: items.find((item) => item.sk === 'DUTY'), tasks, open: tasks.filter((task) => task.status === 'open') };
}

describe('marketing objection (PDPA Art. 20 ¶2)', () => {
  it('is chased from receipt as an urgent duty per named system, shown overdue until carried out, then met', async () => {
    setNow(taipei('2027-03-01', '10:00'));
    const request = await create(['marketingOptOut'], { receivedAt: taipei('2027-03-01', '09:30') });
    expect(request.status).toBe('decided');
    expect(request.items[0].marketingStop.targets.map((t: { id: string }) => t.id)).toEqual(['newsletter', 'sms-vendor']);
    expect(request.nextDueAt).toBe(new Date(taipei('2027-03-01', '09:30')).toISOString());
    expect(request.overdue).toBe(true);

    const chased = await duty(marketingStopDutyId(request.id));
    expect(chased.duty).toMatchObject({ dutyKind: 'dataSubjectRequestMarketingStop', urgent: true, anchorDate: '2027-03-01' });
    expect(chased.open).toHaveLength(1);
    expect(chased.open[0]).toMatchObject({ dueAt: request.nextDueAt });
    // The reminder goes out at once (a minute from now), not on the next day's digest.
    const schedule = await decisionSchedule(api, tenant.tenantId, request.id, 'marketingOptOut');
    expect(schedule).toMatchObject({ at: new Date(Date.parse(taipei('2027-03-01', '10:00')) + 60_000).toISOString() });

    const overdueList = await api.call('GET', '/v1/data-subject-requests?overdue=true', { key: owner });
    expect(overdueList.body.items.map((i: { id: string }) => i.id)).toContain(request.id);

    const incomplete = await event(request.id, { type: 'fulfil', itemTypes: ['marketingOptOut'], inventoryFileIds: ['pdf_newsletter'] });
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.code).toBe('MARKETING_STOP_INCOMPLETE');
    await ok(request.id, { type: 'recordMarketingStop', targetIds: ['newsletter'], stoppedAt: taipei('2027-03-01', '09:40') });
    expect((await duty(marketingStopDutyId(request.id))).open).toHaveLength(1);
    const done = await ok(request.id, { type: 'recordMarketingStop', targetIds: ['sms-vendor'], stoppedAt: taipei('2027-03-01', '09:55') });
    expect(done.status).toBe('fulfilled');
    expect(done.overdue).toBe(false);
    expect(done.items[0].fulfilment).toMatchObject({ inventoryFileIds: ['pdf_newsletter'] });
    const met = await duty(marketingStopDutyId(request.id));
    expect(met.open).toHaveLength(0);
    expect(met.tasks[0]).toMatchObject({ status: 'done' });
    expect(await decisionSchedule(api, tenant.tenantId, request.id, 'marketingOptOut')).toBeUndefined();
  });
});

describe('accuracy dispute (PDPA Art. 11 ¶2)', () => {
  it('a flagged dispute sets the stop-or-justify duty; each proviso ground needs its own exception', async () => {
    setNow(taipei('2027-03-01', '10:00'));
    const request = await create(['stopProcessing'], { receivedAt: taipei('2027-03-01', '09:00') });
    await ok(request.id, { type: 'startIdentityVerification' });
    await ok(request.id, { type: 'recordIdentityVerification', outcome: 'verified', method: 'accountLogin', evidence: 'login #1' });
    const flagged = await ok(request.id, { type: 'flagAccuracyDispute', disputeId: 'D-1', dataDescription: '出生日期', raisedBy: 'dataSubject' });
    expect(flagged.nextDueAt).toBe(flagged.accuracyDisputes[0].raisedAt);
    const chased = await duty(disputeDutyId(request.id, 'D-1'));
    expect(chased.duty).toMatchObject({ dutyKind: 'dataSubjectRequestAccuracyDispute', urgent: true });
    expect(chased.open).toHaveLength(1);

    await ok(request.id, { type: 'noteDisputeException', disputeId: 'D-1', exception: { kind: 'necessaryForDutiesOrBusiness', justification: '保險契約履行' } });
    const met = await duty(disputeDutyId(request.id, 'D-1'));
    expect(met.open).toHaveLength(0);
    expect(met.tasks[0]).toMatchObject({ status: 'done' });

    const wrongGround = await event(request.id, {
      type: 'decide', decisions: [{ itemType: 'stopProcessing', outcome: 'refused', refusalGrounds: ['art11_2_writtenConsentDisputeNoted'], reasonToRequester: '已同意' }],
    });
    expect(wrongGround.status).toBe(422);
    expect(wrongGround.body.code).toBe('REFUSAL_GROUND_NEEDS_NOTED_DISPUTE');
  });
});

describe('decision times and extensions (PDPA Art. 13)', () => {
  it('takes decidedAt from the request, flags a late notice, refuses an unwritten extension and allows a second within the total', async () => {
    setNow(taipei('2027-03-01', '10:00'));
    const request = await create(['copy'], { receivedAt: taipei('2027-03-01', '09:00') });
    expect(request.items[0].deadline.lastDay).toBe('2027-03-16');
    await ok(request.id, { type: 'startIdentityVerification' });
    await ok(request.id, { type: 'recordIdentityVerification', outcome: 'verified', method: 'accountLogin', evidence: 'login #2' });

    const extend = (extensionDays: number, notificationChannel: string) => ({ type: 'extendDeadline', itemTypes: ['copy'], extensionDays, reason: '需調閱歸檔紙本', notifiedAt: taipei('2027-03-01', '09:30'), notificationChannel });
    const spoken = await event(request.id, extend(5, 'inPerson'));
    expect(spoken.status).toBe(422);
    expect(spoken.body.code).toBe('EXTENSION_NOTICE_NOT_WRITTEN');
    // SMS is not written under this tenant's settings.
    expect((await event(request.id, extend(5, 'sms'))).body.code).toBe('EXTENSION_NOTICE_NOT_WRITTEN');
    await ok(request.id, extend(5, 'postalMail'));
    const twice = await ok(request.id, extend(10, 'email'));
    expect(twice.items[0].extensions).toHaveLength(2);
    expect(twice.items[0].currentDeadline.lastDay).toBe(twice.items[0].extensions[1].deadline.lastDay);
    const moved = await decisionDeadline(api, tenant.tenantId, request.id, 'copy');
    expect(moved.open.map((t) => t.dueDate)).toEqual([twice.items[0].currentDeadline.lastDay]);
    expect((await event(request.id, extend(1, 'email'))).body.code).toBe('EXTENSION_TOO_LONG');

    const dueAt = twice.items[0].currentDeadline.dueAt as string;
    const decidedAt = new Date(Date.parse(dueAt) - 3_600_000).toISOString();
    // Entered two days after the deadline, but decided within it: not late.
    setNow(new Date(Date.parse(dueAt) + 2 * 86_400_000).toISOString());
    const decided = await ok(request.id, { type: 'decide', decidedAt, decisions: [{ itemType: 'copy', outcome: 'refused', refusalGrounds: ['art10_3_majorInterestOfCollectorOrThirdParty'], reasonToRequester: '涉及第三人' }] });
    expect(decided.items[0].decision).toMatchObject({ decidedAt, late: false });
    expect(decided.items[0].decision.recordedAt).not.toBe(decidedAt);
    const sentAt = new Date(Date.parse(dueAt) + 86_400_000).toISOString();
    const notified = await ok(request.id, { type: 'recordCommunication', kind: 'decision', sentAt, channel: 'postalMail' });
    expect(notified.items[0].decision).toMatchObject({ notifiedAt: sentAt, notifiedLate: true });
    expect(notified.communications.at(-1)).toMatchObject({ kind: 'decision', late: true });
  });
});

describe('case numbers and letters', () => {
  it('numbers requests of one receipt day uniquely, even when created at once, and writes letters with the own name and ROC dates', async () => {
    setNow(taipei('2027-03-02', '10:00'));
    const other = await api.onboardTenant();
    const created = await Promise.all(Array.from({ length: 8 }, () => api.call('POST', '/v1/data-subject-requests', { key: other.ownerKey, body: newRequestBody(['inquiry'], { receivedAt: taipei('2027-03-02', '09:00') }) })));
    for (const response of created) expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(created.map((r) => r.body.caseNumber).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `DSR-1160302-000${i + 1}`));
    const nextDay = await api.call('POST', '/v1/data-subject-requests', { key: other.ownerKey, body: newRequestBody(['inquiry'], { receivedAt: taipei('2027-03-01', '09:00') }) });
    expect(nextDay.body.caseNumber).toBe('DSR-1160301-0001');

    const id = created[0]!.body.id as string;
    const letter = await api.call('GET', `/v1/data-subject-requests/${id}/communications/acknowledgement`, { key: other.ownerKey });
    expect(letter.status).toBe(200);
    expect(letter.body.recipientRevealed).toBe(true);
    expect(letter.body.body.zhTW).toContain('王小明 您好');
    expect(letter.body.body.zhTW).toContain('116年3月2日');
    expect(letter.body.subject.zhTW).toContain(`案號 ${created[0]!.body.caseNumber}`);
    // The view stays masked.
    const view = await api.call('GET', `/v1/data-subject-requests/${id}`, { key: other.ownerKey });
    expect(view.body.requester.name).toBe('王*明');
    const auditor = await other.issueKey('auditor');
    const preview = await api.call('GET', `/v1/data-subject-requests/${id}/communications/acknowledgement`, { key: auditor });
    expect(preview.body.body.zhTW).toContain('王*明 您好');
  });

  it('refuses a receipt later than the (simulated) clock', async () => {
    setNow(taipei('2027-03-02', '10:00'));
    const future = await api.call('POST', '/v1/data-subject-requests', { key: owner, body: newRequestBody(['inquiry'], { receivedAt: taipei('2027-03-02', '10:05') }) });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('TIME_IN_FUTURE');
    expect((await create(['inquiry'], { receivedAt: taipei('2027-03-02', '09:55') })).caseNumber).toMatch(/^DSR-1160302-\d{4}$/);
  });
});
