/**
 * Issue #20 ¶5 through the API against DynamoDB Local: the public request form. A form is off
 * until the tenant switches it on; a submission receives nothing until the person confirms by
 * the e-mailed one-time link; the confirmation creates exactly one request, received at the
 * confirmation time, with the identity check started (not verified), a case number and the
 * statutory decision date; links are single-use and secret-hash-only; submissions are limited
 * per address and per e-mail; the answer never tells whether a person has other requests.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/testApi';
import type { MemoryTransport } from '../../../functions/mail/memoryTransport';
import { hashLinkSecret } from '../../../functions/dataSubjectRequests/publicIntakeStore';
import { dsrTestApi, partition, taipei, tenantTable } from './support';

let api: TestApi;
let setNow: (instant: string) => void;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
let owner: string;
const SLUG = 'example-shop';

/** The decoded text parts of the mails sent to an address (base64 bodies of the multipart message). */
function mailsTo(email: string): string[] {
  const sent = (api.deps.mailer as MemoryTransport).sent.filter((mail) => mail.to === email);
  return sent.map((mail) =>
    mail.raw
      .split(/\r\n--[^\r\n]+/)
      .map((part) => part.split('\r\n\r\n').slice(1).join('').replace(/\r\n/g, ''))
      .filter((body) => /^[A-Za-z0-9+/=]+$/.test(body))
      .map((body) => Buffer.from(body, 'base64').toString('utf8'))
      .join('\n'),
  );
}

const confirmationSecretIn = (text: string) => /\/p\/request-confirmations\/(dsc_[A-Za-z0-9_-]{43})/.exec(text)?.[1];

async function enableForm(slug = SLUG, key = owner) {
  const current = await api.call('GET', '/v1/data-subject-request-settings', { key });
  const saved = await api.call('PUT', '/v1/data-subject-request-settings', { key, headers: { 'If-Match': current.headers.get('etag')! }, body: { ...current.body, updatedAt: undefined, updatedBy: undefined, version: undefined, publicRequestForm: { enabled: true, slug } } });
  return saved;
}

/** Calls the app from a given client address (the socket address, as on the local server). */
async function callFrom(address: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await api.app.request(path, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined }, { incoming: { socket: { remoteAddress: address } } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

async function submitAndConfirm(email: string, right = 'copy', address = '198.51.100.7') {
  const submitted = await callFrom(address, 'POST', `/v1/public/request-forms/${SLUG}/submissions`, { right, name: '陳美玲', email, details: '請提供本人會員資料之複製本' });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
  const secret = confirmationSecretIn(mailsTo(email).at(-1)!);
  expect(secret).toBeDefined();
  return { submitted, secret: secret! };
}

beforeAll(async () => {
  ({ api, setNow } = await dsrTestApi(taipei('2026-03-02', '10:00')));
  tenant = await api.onboardTenant({ companyName: '範例購物股份有限公司' });
  owner = tenant.ownerKey;
});

describe('the form is off until the tenant switches it on', () => {
  it('answers 404 for an unknown or disabled slug, then 202 once enabled', async () => {
    const before = await callFrom('198.51.100.1', 'POST', `/v1/public/request-forms/${SLUG}/submissions`, { right: 'inquiry', name: '林小華', email: 'hua@example.net' });
    expect(before.status).toBe(404);
    const saved = await enableForm();
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.publicRequestForm).toEqual({ enabled: true, slug: SLUG });
    const after = await callFrom('198.51.100.1', 'POST', `/v1/public/request-forms/${SLUG}/submissions`, { right: 'inquiry', name: '林小華', email: 'hua@example.net' });
    expect(after.status, JSON.stringify(after.body)).toBe(202);
    expect(after.body.status).toBe('confirmationSent');
  });

  it('refuses a slug another tenant holds (409) and keeps its own', async () => {
    const other = await api.onboardTenant();
    const current = await api.call('GET', '/v1/data-subject-request-settings', { key: other.ownerKey });
    const taken = await api.call('PUT', '/v1/data-subject-request-settings', { key: other.ownerKey, headers: { 'If-Match': current.headers.get('etag')! }, body: { publicRequestForm: { enabled: true, slug: SLUG } } });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('REQUEST_FORM_SLUG_TAKEN');
  });

  it('validates the submission with per-field reasons (400)', async () => {
    const bad = await callFrom('198.51.100.2', 'POST', `/v1/public/request-forms/${SLUG}/submissions`, { right: 'everything', name: '', email: 'not-an-address' });
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['right', 'name', 'email']));
  });
});

describe('confirmation by the one-time link', () => {
  it('creates exactly one request, received at the confirmation, identity check started but not verified', async () => {
    setNow(taipei('2026-03-02', '10:00'));
    const { secret } = await submitAndConfirm('meiling.chen@example.net');
    const listBefore = await api.call('GET', '/v1/data-subject-requests', { key: owner });
    expect(listBefore.body.items).toHaveLength(0);

    setNow(taipei('2026-03-02', '15:30'));
    const confirmed = await callFrom('198.51.100.7', 'POST', `/v1/public/request-confirmations/${secret}`);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.caseNumber).toMatch(/^DSR-1150302-\d{4}$/);
    expect(confirmed.body.identityCheck).toBe('started');
    expect(confirmed.body.stage).toBe('identityCheck');
    expect(confirmed.body.receivedAt).toBe(new Date(taipei('2026-03-02', '15:30')).toISOString());

    const list = await api.call('GET', '/v1/data-subject-requests', { key: owner });
    expect(list.body.items).toHaveLength(1);
    const request = (await api.call('GET', `/v1/data-subject-requests/${list.body.items[0].id}`, { key: owner })).body;
    expect(request.caseNumber).toBe(confirmed.body.caseNumber);
    expect(request.channel).toBe('webForm');
    expect(request.status).toBe('identityVerification');
    expect(request.identityVerification).toBeUndefined();
    expect(request.receivedAt).toBe(confirmed.body.receivedAt);
    // The decision date is the domain's (Art. 13 ¶1: 15 days for a copy), as the officer sees it.
    expect(confirmed.body.items[0].decisionDueDate).toBe(request.items[0].currentDeadline.lastDay);
    expect(confirmed.body.items[0].decisionDueDate).toBe('2026-03-17');
    expect(request.requester.email).not.toBe('meiling.chen@example.net');

    const replay = await callFrom('198.51.100.7', 'POST', `/v1/public/request-confirmations/${secret}`);
    expect(replay.status).toBe(410);
    expect(replay.body.code).toBe('REQUEST_CONFIRMATION_USED');
    expect((await api.call('GET', '/v1/data-subject-requests', { key: owner })).body.items).toHaveLength(1);

    // The receipt mail carries the case number and the status link, which shows this case only.
    const receipt = mailsTo('meiling.chen@example.net').at(-1)!;
    expect(receipt).toContain(confirmed.body.caseNumber);
    const statusSecret = /\/p\/request-status\/(dss_[A-Za-z0-9_-]{43})/.exec(receipt)?.[1];
    expect(statusSecret).toBe(confirmed.body.statusToken);
    const status = await callFrom('198.51.100.7', 'GET', `/v1/public/request-status/${statusSecret}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ companyName: '範例購物股份有限公司', caseNumber: confirmed.body.caseNumber, stage: 'identityCheck' });
    expect(JSON.stringify(status.body)).not.toContain('陳美玲');
    expect(status.body.items[0]).toMatchObject({ right: 'copy', decisionDueDate: '2026-03-17', decided: false });
  });

  it('creates one request when the same link is opened twice at once', async () => {
    setNow(taipei('2026-03-02', '16:00'));
    const { secret } = await submitAndConfirm('double.click@example.net', 'inquiry', '198.51.100.12');
    const before = (await api.call('GET', '/v1/data-subject-requests', { key: owner })).body.items.length;
    const answers = await Promise.all([1, 2].map(() => callFrom('198.51.100.12', 'POST', `/v1/public/request-confirmations/${secret}`)));
    expect(answers.map((answer) => answer.status).filter((status) => status === 200)).toHaveLength(1);
    expect(answers.every((answer) => answer.status < 500)).toBe(true);
    expect((await api.call('GET', '/v1/data-subject-requests', { key: owner })).body.items).toHaveLength(before + 1);
  });

  it('refuses an expired confirmation link (410) and creates nothing', async () => {
    setNow(taipei('2026-03-03', '09:00'));
    const { secret } = await submitAndConfirm('late@example.net', 'deletion', '198.51.100.8');
    const count = (await api.call('GET', '/v1/data-subject-requests', { key: owner })).body.items.length;
    setNow(taipei('2026-03-04', '09:01'));
    const late = await callFrom('198.51.100.8', 'POST', `/v1/public/request-confirmations/${secret}`);
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('REQUEST_CONFIRMATION_EXPIRED');
    expect((await api.call('GET', '/v1/data-subject-requests', { key: owner })).body.items).toHaveLength(count);
  });

  it('answers 404 to a forged or mistyped secret, and a status secret does not confirm', async () => {
    const forged = await callFrom('198.51.100.9', 'POST', `/v1/public/request-confirmations/dsc_${'A'.repeat(43)}`);
    expect(forged.status).toBe(404);
    setNow(taipei('2026-03-04', '10:00'));
    const { secret } = await submitAndConfirm('swap@example.net', 'review', '198.51.100.9');
    const confirmed = await callFrom('198.51.100.9', 'POST', `/v1/public/request-confirmations/${secret}`);
    expect(confirmed.status).toBe(200);
    // Each secret opens only what it was issued for.
    expect((await callFrom('198.51.100.9', 'POST', `/v1/public/request-confirmations/${confirmed.body.statusToken}`)).status).toBe(404);
    expect((await callFrom('198.51.100.9', 'GET', `/v1/public/request-status/${secret}`)).status).toBe(404);
    const malformed = await callFrom('198.51.100.9', 'GET', '/v1/public/request-status/not-a-token');
    expect(malformed.status).toBe(404);
  });
});

describe('privacy of the form', () => {
  it('answers the same whether or not the person already has requests (no enumeration)', async () => {
    setNow(taipei('2026-03-05', '10:00'));
    const known = await callFrom('203.0.113.10', 'POST', `/v1/public/request-forms/${SLUG}/submissions`, { right: 'inquiry', name: '陳美玲', email: 'meiling.chen@example.net' });
    const unknown = await callFrom('203.0.113.11', 'POST', `/v1/public/request-forms/${SLUG}/submissions`, { right: 'inquiry', name: '路人甲', email: 'nobody.here@example.net' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
  });

  it('stores contact data and details sealed, and only the SHA-256 of the secrets', async () => {
    setNow(taipei('2026-03-06', '10:00'));
    const { secret } = await submitAndConfirm('sealed.person@example.net', 'correction', '203.0.113.20');
    const confirmed = await callFrom('203.0.113.20', 'POST', `/v1/public/request-confirmations/${secret}`, undefined, { 'Idempotency-Key': 'confirm-once-0001' });
    expect(confirmed.status).toBe(200);
    // No replay record keeps the status-link secret in clear.
    const { Item: replay } = await api.deps.controlPlane.doc.send(new GetCommand({ TableName: api.deps.controlPlane.tableName, Key: { pk: 'IDEMPOTENCY#api#confirm-once-0001', sk: 'RECORD' } }));
    expect(JSON.stringify(replay ?? {})).not.toContain(confirmed.body.statusToken);
    // (Replay records of public calls do live there: a submission's is kept.)
    await callFrom('203.0.113.21', 'POST', `/v1/public/request-forms/${SLUG}/submissions`, { right: 'inquiry', name: '路人乙', email: 'replay.check@example.net' }, { 'Idempotency-Key': 'submit-once-0001' });
    const { Item: kept } = await api.deps.controlPlane.doc.send(new GetCommand({ TableName: api.deps.controlPlane.tableName, Key: { pk: 'IDEMPOTENCY#api#submit-once-0001', sk: 'RECORD' } }));
    expect(kept).toBeDefined();
    const requestId = (await api.call('GET', '/v1/data-subject-requests', { key: owner })).body.items.find((item: { caseNumber: string }) => item.caseNumber === confirmed.body.caseNumber).id;
    const stored = JSON.stringify(await partition(api, tenant.tenantId, `DSR#${requestId}`));
    expect(stored).not.toContain('sealed.person@example.net');
    expect(stored).not.toContain('陳美玲');
    expect(stored).not.toContain('請提供本人會員資料之複製本');
    // The submission kept for the confirmation: sealed too, and the secrets only as hashes.
    const { Item: link } = await api.deps.controlPlane.doc.send(new GetCommand({ TableName: api.deps.controlPlane.tableName, Key: { pk: `DSRTOKEN#${hashLinkSecret(secret)}`, sk: 'DSRTOKEN' } }));
    expect(link?.tenantId).toBe(tenant.tenantId);
    const submission = JSON.stringify(await partition(api, tenant.tenantId, `DSR_INTAKE#${link!.submissionId}`));
    expect(submission).not.toContain('sealed.person@example.net');
    expect(submission).not.toContain(secret);
    expect(submission).not.toContain(confirmed.body.statusToken);
    expect(submission).toContain(hashLinkSecret(secret));
    // The officer sees the requester masked, and in clear only on an audited reveal.
    const revealed = await api.call('GET', `/v1/data-subject-requests/${requestId}?reveal=true`, { key: owner });
    expect(revealed.body.requester.email).toBe('sealed.person@example.net');
    expect(revealed.body.items[0].details).toBe('請提供本人會員資料之複製本');
    expect(tenantTable(api, tenant.tenantId)).toContain(tenant.tenantId);
  });
});

describe('rate limits', () => {
  it('limits submissions per e-mail address (429 with Retry-After)', async () => {
    setNow(taipei('2026-03-07', '10:00'));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await callFrom(`192.0.2.${i + 1}`, 'POST', `/v1/public/request-forms/${SLUG}/submissions`, { right: 'review', name: '王大同', email: 'flooded@example.net' })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    const refused = await callFrom('192.0.2.99', 'POST', `/v1/public/request-forms/${SLUG}/submissions`, { right: 'review', name: '王大同', email: 'Flooded@Example.net' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(mailsTo('flooded@example.net')).toHaveLength(3);
  });

  it('limits submissions per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      statuses.push((await callFrom('192.0.2.200', 'POST', `/v1/public/request-forms/${SLUG}/submissions`, { right: 'review', name: '王大同', email: `person${i}@example.net` })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('counts guessed confirmation secrets against the address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i += 1) {
      statuses.push((await callFrom('192.0.2.250', 'POST', `/v1/public/request-confirmations/dsc_${String(i).padStart(43, 'x')}`)).status);
    }
    expect(statuses[0]).toBe(404);
    expect(statuses.at(-1)).toBe(429);
  });
});
