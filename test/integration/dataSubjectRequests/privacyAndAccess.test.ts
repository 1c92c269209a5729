/**
 * The requester's identifiers: never in clear at rest, masked in every list and read, shown in
 * clear only on an audited reveal by an owner or officer, findable by keyed hash. Plus who may
 * call what, idempotent intake, list filters over the indexes and the dashboard figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/testApi';
import { NATIONAL_ID, dsrTestApi, newRequestBody, partition, requester, taipei } from './support';

let api: TestApi;
let setNow: (instant: string) => void;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
let auditorKey: string;
let intakeKey: string;
let readerKey: string;

const clearValues = [requester.name, requester.email, '0912345678', '0912-345-678', requester.postalAddress, NATIONAL_ID, 'M-20250001234'];

beforeAll(async () => {
  ({ api, setNow } = await dsrTestApi(taipei('2026-03-02', '10:00')));
  tenant = await api.onboardTenant();
  auditorKey = await tenant.issueKey('auditor');
  intakeKey = await tenant.issueKey('integration', ['dsr:write']);
  readerKey = await tenant.issueKey('integration', ['dsr:read']);
});

describe('requester identifiers', () => {
  it('nothing stored for the request shows them in clear; reads and lists mask them', async () => {
    const body = newRequestBody(['deletion', 'inquiry']);
    body.items[0] = { type: 'deletion', details: '請刪除我在舊會員系統的帳號 xiaoming.wang' } as (typeof body.items)[number];
    const created = await api.call('POST', '/v1/data-subject-requests', { key: intakeKey, body, headers: { 'Idempotency-Key': 'webform-privacy-0001' } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.requester).toMatchObject({ name: '王*明', email: 'x***@example.com', phone: '0912***678', nationalId: 'A12****789', postalAddress: '臺北市***' });
    expect(created.body.requester.otherIdentifiers).toEqual([{ kind: 'memberNumber', value: '***234' }]);
    expect(created.body.revealed).toBe(false);

    const stored = [
      ...(await partition(api, tenant.tenantId, `DSR#${id}`)),
      ...(await partition(api, tenant.tenantId, 'AUDIT')),
      ...(await partition(api, tenant.tenantId, 'IDEMPOTENCY#api#webform-privacy-0001')),
      ...(await partition(api, tenant.tenantId, `DUTY#duty:dataSubjectRequestDecision|dataSubjectRequest|${id}:deletion`)),
      ...(await partition(api, tenant.tenantId, `DUTY#duty:dataSubjectRequestDecision|dataSubjectRequest|${id}:inquiry`)),
    ];
    expect(stored.filter((item) => item.entity === 'DataSubjectRequest')).toHaveLength(1);
    expect(stored.filter((item) => item.entity === 'DataSubjectRequestLookup').map((item) => item.field).sort()).toEqual(['email', 'nationalId', 'phone']);
    expect(stored.some((item) => item.entity === 'IdempotencyRecord')).toBe(true);
    expect(stored.filter((item) => item.entity === 'ReviewTask')).toHaveLength(2);
    const raw = JSON.stringify(stored);
    for (const value of clearValues) expect(raw, `stored items contain ${value}`).not.toContain(value);
    expect(raw).not.toContain('xiaoming.wang');
    expect(raw).not.toContain('舊會員系統');
    expect(created.body.items[0].details).toContain('已加密');

    const one = await api.call('GET', `/v1/data-subject-requests/${id}`, { key: auditorKey });
    expect(one.status).toBe(200);
    const list = await api.call('GET', '/v1/data-subject-requests', { key: readerKey });
    expect(list.status).toBe(200);
    expect(list.body.items.find((item: { id: string }) => item.id === id).requester.name).toBe('王*明');
    const notice = await api.call('GET', `/v1/data-subject-requests/${id}/communications/acknowledgement`, { key: auditorKey });
    expect(notice.body.body.zhTW).toContain('王*明 您好');
    for (const response of [one, list, notice]) {
      const text = JSON.stringify(response.body);
      for (const value of clearValues) expect(text).not.toContain(value);
    }
  });

  it('reveal shows them to owners and officers only, and each reveal is on the audit trail', async () => {
    const created = await api.call('POST', '/v1/data-subject-requests', { key: tenant.ownerKey, body: newRequestBody(['copy'], { items: [{ type: 'copy', details: '請提供 2025 年的消費紀錄影本' }] }) });
    const id = created.body.id as string;
    const officerKey = await tenant.issueKey('officer');
    const revealed = await api.call('GET', `/v1/data-subject-requests/${id}?reveal=true`, { key: officerKey });
    expect(revealed.status).toBe(200);
    expect(revealed.body.items[0].details).toBe('請提供 2025 年的消費紀錄影本');
    const unrevealed = await api.call('GET', `/v1/data-subject-requests/${id}`, { key: officerKey });
    expect(unrevealed.body.items[0].details).not.toContain('消費紀錄');
    expect(revealed.body.revealed).toBe(true);
    expect(revealed.body.requester).toMatchObject({ name: requester.name, email: requester.email, phone: requester.phone, postalAddress: requester.postalAddress, nationalId: NATIONAL_ID });
    expect(revealed.body.requester.otherIdentifiers).toEqual([{ kind: 'memberNumber', value: 'M-20250001234' }]);

    const notice = await api.call('GET', `/v1/data-subject-requests/${id}/communications/acknowledgement?reveal=true`, { key: tenant.ownerKey });
    expect(notice.body.body.zhTW).toContain('王小明 您好');
    expect(notice.body.recipientRevealed).toBe(true);

    for (const key of [auditorKey, readerKey]) {
      const refused = await api.call('GET', `/v1/data-subject-requests/${id}?reveal=true`, { key });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('revealNotAllowed');
      expect(JSON.stringify(refused.body)).not.toContain(requester.name);
      expect((await api.call('GET', `/v1/data-subject-requests/${id}/communications/acknowledgement?reveal=true`, { key })).status).toBe(403);
    }

    const audit = await api.call('GET', `/v1/audit-events?resourceType=dataSubjectRequest&resourceId=${id}`, { key: auditorKey });
    const reveals = audit.body.items.filter((e: { action: string }) => e.action === 'dataSubjectRequest.reveal');
    expect(reveals).toHaveLength(2);
    expect(reveals[0].actorRole).toBe('officer');
    expect(audit.body.items[0].action).toBe('dataSubjectRequest.create');
  });

  it('a lookup by e-mail or phone finds the person\'s open requests without clear text', async () => {
    const person = { name: 'Mary Chen', email: 'mary.chen@example.org', phone: '+886 922 000 111' };
    const first = await api.call('POST', '/v1/data-subject-requests', { key: intakeKey, body: { channel: 'email', requester: person, items: [{ type: 'inquiry' }] } });
    const second = await api.call('POST', '/v1/data-subject-requests', { key: intakeKey, body: { channel: 'email', requester: person, items: [{ type: 'correction', details: '更正通訊地址' }] } });
    await api.call('POST', `/v1/data-subject-requests/${first.body.id}/events`, { key: tenant.ownerKey, body: { type: 'withdraw', actor: 'clerk' } });

    const byEmail = await api.call('POST', '/v1/data-subject-requests/lookups', { key: readerKey, body: { email: ' Mary.Chen@EXAMPLE.org' } });
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.items.map((item: { id: string }) => item.id)).toEqual([second.body.id]);
    expect(byEmail.body.items[0].requester).toMatchObject({ name: 'M*** C***', email: 'm***@example.org' });
    expect(JSON.stringify(byEmail.body)).not.toContain('mary.chen');
    const byPhone = await api.call('POST', '/v1/data-subject-requests/lookups', { key: auditorKey, body: { phone: '0922-000-111' } });
    expect(byPhone.body.items.map((item: { id: string }) => item.id)).toEqual([second.body.id]);
    const nobody = await api.call('POST', '/v1/data-subject-requests/lookups', { key: readerKey, body: { email: 'nobody@example.org' } });
    expect(nobody.body.items).toEqual([]);
    const both = await api.call('POST', '/v1/data-subject-requests/lookups', { key: readerKey, body: { email: 'a@example.org', phone: '0922000111' } });
    expect(both.status).toBe(400);
    const notAnEmail = await api.call('POST', '/v1/data-subject-requests/lookups', { key: readerKey, body: { email: 'not-an-email' } });
    expect(notAnEmail.status).toBe(400);
    expect(notAnEmail.body.errors[0]).toMatchObject({ field: 'email' });
    // Another tenant's lookup hash differs (per-tenant key): the same e-mail finds nothing there.
    const other = await api.onboardTenant();
    const elsewhere = await api.call('POST', '/v1/data-subject-requests/lookups', { key: other.ownerKey, body: { email: 'mary.chen@example.org' } });
    expect(elsewhere.body.items).toEqual([]);
  });

  it('rejects an invalid national ID and unknown fields with per-field reasons', async () => {
    const badId = await api.call('POST', '/v1/data-subject-requests', { key: intakeKey, body: newRequestBody(['inquiry'], { identifiers: { nationalId: 'A123456788' } }) });
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0]).toMatchObject({ field: 'identifiers.nationalId', reasonZhTW: '身分證統一編號或居留證號碼格式或檢查碼不正確' });
    const periodFromCaller = await api.call('POST', '/v1/data-subject-requests', { key: intakeKey, body: newRequestBody(['inquiry'], { periodSettings: { mode: 'calendarDays' } }) });
    expect(periodFromCaller.status).toBe(400);
    expect(periodFromCaller.body.errors[0].field).toBe('periodSettings');
    const noContact = await api.call('POST', '/v1/data-subject-requests', { key: intakeKey, body: { channel: 'phone', requester: { name: '林小華' }, items: [{ type: 'inquiry' }] } });
    expect(noContact.status).toBe(400);
    const badPhone = await api.call('POST', '/v1/data-subject-requests', { key: intakeKey, body: { channel: 'phone', requester: { name: '林小華', phone: 'call me' }, items: [{ type: 'inquiry' }] } });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.errors[0].field).toBe('requester.phone');
    const future = await api.call('POST', '/v1/data-subject-requests', { key: intakeKey, body: newRequestBody(['inquiry'], { receivedAt: '2030-01-01T00:00:00Z' }) });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('TIME_IN_FUTURE');
  });
});

describe('access and intake', () => {
  it('an integration key with only dsr:read cannot create; dsr:write cannot record decisions', async () => {
    const denied = await api.call('POST', '/v1/data-subject-requests', { key: readerKey, body: newRequestBody(['inquiry']) });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('missingScope');
    const created = await api.call('POST', '/v1/data-subject-requests', { key: intakeKey, body: newRequestBody(['inquiry']) });
    const decide = await api.call('POST', `/v1/data-subject-requests/${created.body.id}/events`, { key: intakeKey, body: { type: 'withdraw', actor: 'web' } });
    expect(decide.status).toBe(403);
    const auditorCreate = await api.call('POST', '/v1/data-subject-requests', { key: auditorKey, body: newRequestBody(['inquiry']) });
    expect(auditorCreate.status).toBe(403);
  });

  it('a retried POST with the same Idempotency-Key returns the same request and creates nothing new', async () => {
    const body = newRequestBody(['review'], { requester: { name: '張美玲', email: 'meiling@example.net' } });
    const first = await api.call('POST', '/v1/data-subject-requests', { key: intakeKey, body, headers: { 'Idempotency-Key': 'webform-retry-42' } });
    const retry = await api.call('POST', '/v1/data-subject-requests', { key: intakeKey, body, headers: { 'Idempotency-Key': 'webform-retry-42' } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    const found = await api.call('POST', '/v1/data-subject-requests/lookups', { key: readerKey, body: { email: 'meiling@example.net' } });
    expect(found.body.items).toHaveLength(1);
    const changed = await api.call('POST', '/v1/data-subject-requests', { key: intakeKey, body: { ...body, channel: 'email' }, headers: { 'Idempotency-Key': 'webform-retry-42' } });
    expect(changed.status).toBe(422);
  });
});

describe('lists and figures', () => {
  it('filters by status, type, due date and overdue over the indexes, pages with cursors, and counts', async () => {
    const own = await api.onboardTenant();
    const post = async (types: string[]) => {
      const response = await api.call('POST', '/v1/data-subject-requests', { key: own.ownerKey, body: newRequestBody(types as never) });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    // A minute apart, so the register's newest-first order is certain.
    setNow(taipei('2026-03-02', '10:00'));
    const inquiry = await post(['inquiry']); // due 2026-03-17
    setNow(taipei('2026-03-02', '10:01'));
    const deletion = await post(['deletion']); // due 2026-04-01
    setNow(taipei('2026-03-02', '10:02'));
    const optOut = await post(['marketingOptOut']); // decided at receipt; the stop is due at once (Art. 20 ¶2) and not carried out
    setNow(taipei('2026-03-20', '10:00'));
    const ids = async (query: string) => {
      const response = await api.call('GET', `/v1/data-subject-requests${query}`, { key: own.ownerKey });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.items.map((item: { id: string }) => item.id);
    };
    expect(await ids('')).toEqual([optOut, deletion, inquiry]);
    // Law-driven change (issue #14, 1): a marketing objection not carried out is overdue.
    expect(await ids('?overdue=true')).toEqual([optOut, inquiry]);
    expect(await ids('?dueBefore=2026-03-31')).toEqual([optOut, inquiry]);
    expect(await ids('?dueBefore=2026-04-01')).toEqual([optOut, inquiry, deletion]);
    expect(await ids('?status=received&type=deletion')).toEqual([deletion]);
    expect(await ids('?status=received&overdue=true')).toEqual([inquiry]);
    expect(await ids('?status=decided')).toEqual([optOut]);
    expect(await ids('?type=marketingOptOut')).toEqual([optOut]);
    const listed = await api.call('GET', '/v1/data-subject-requests?overdue=true', { key: own.ownerKey });
    expect(listed.body.items[0]).toMatchObject({ overdue: true, nextDueAt: expect.any(String) });

    const page1 = await api.call('GET', '/v1/data-subject-requests?limit=2', { key: own.ownerKey });
    expect(page1.body.items).toHaveLength(2);
    const page2 = await api.call('GET', `/v1/data-subject-requests?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`, { key: own.ownerKey });
    expect(page2.body.items.map((item: { id: string }) => item.id)).toEqual([inquiry]);
    const crossed = await api.call('GET', `/v1/data-subject-requests?limit=2&status=received&cursor=${encodeURIComponent(page1.body.nextCursor)}`, { key: own.ownerKey });
    expect(crossed.status).toBe(400);
    expect((await api.call('GET', '/v1/data-subject-requests?dueBefore=soon', { key: own.ownerKey })).status).toBe(400);

    const figures = await api.call('GET', '/v1/data-subject-requests/statistics', { key: own.ownerKey });
    expect(figures.status).toBe(200);
    expect(figures.body).toMatchObject({ openCount: 3, overdue: 2, dueWithin3Days: 0, requestsConsidered: 3 });
    expect(figures.body.medianDaysToDecision).toMatchObject({ marketingOptOut: 0, inquiry: null });
    setNow(taipei('2026-03-29', '10:00'));
    const soon = await api.call('GET', '/v1/data-subject-requests/statistics', { key: own.ownerKey });
    expect(soon.body).toMatchObject({ overdue: 2, dueWithin3Days: 1 });
    setNow(taipei('2026-03-02', '10:00'));
  });
});
