/**
 * Webhooks end to end (issue #19) against DynamoDB Local and a local HTTP receiver that verifies
 * every delivery with the `standardwebhooks` package: a data-subject request's lifecycle as
 * ordered events, retries with the same id, tampering, secret rotation, SSRF refusal, deadline
 * events once per threshold, and no event without its change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { runReviewSweep } from '../../../functions/reviews/sweep';
import type { MemoryTransport } from '../../../functions/mail/memoryTransport';
import { runWebhookDispatch } from '../../../functions/webhooks/dispatcher';
import { createTestApi, type TestApi } from '../support/testApi';
import { signatureHeadersOf, startReceiver, type Receiver } from './receiver';

let api: TestApi;
let receiver: Receiver;
let now = new Date('2026-03-02T02:00:00Z');
let owner: string;
let tenantId: string;

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  const tenant = await api.onboardTenant();
  owner = tenant.ownerKey;
  tenantId = tenant.tenantId;
  receiver = await startReceiver();
}, 60_000);

afterAll(async () => {
  await receiver?.close();
});

const dispatch = () => runWebhookDispatch(api.deps, { tenantId });
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

async function register(body: Record<string, unknown>) {
  const created = await api.call('POST', '/v1/webhook-endpoints', { key: owner, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; secret: string; version: number };
}

async function dsrEvent(id: string, body: Record<string, unknown>) {
  const response = await api.call('POST', `/v1/data-subject-requests/${id}/events`, { key: owner, body: { actor: '個資專員 陳大文', ...body } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const newRequest = () => ({
  channel: 'webForm',
  requester: { name: '王小明', email: 'xiaoming.wang@example.com', phone: '0912-345-678' },
  identifiers: { nationalId: 'A123456789', otherIdentifiers: [] },
  items: [{ type: 'inquiry' }],
});

describe('webhooks', () => {
  let endpoint: { id: string; secret: string; version: number };

  it('delivers a data-subject request\'s lifecycle as signed events, in order', async () => {
    endpoint = await register({ url: receiver.url, description: 'CRM', eventTypes: ['*'] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    // The secret is shown once: reads never carry it.
    const read = await api.call('GET', `/v1/webhook-endpoints/${endpoint.id}`, { key: owner });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(endpoint.secret.slice(6));

    const created = await api.call('POST', '/v1/data-subject-requests', { key: owner, body: newRequest() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    await dsrEvent(id, { type: 'startIdentityVerification' });
    await dsrEvent(id, { type: 'recordIdentityVerification', outcome: 'verified', method: 'oneTimeCodeToRegisteredContact', evidence: 'OTP log #4411' });
    await dsrEvent(id, { type: 'decide', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] });
    await dsrEvent(id, { type: 'fulfil', itemTypes: ['inquiry'] });
    await dsrEvent(id, { type: 'recordCommunication', kind: 'decision', sentAt: now.toISOString(), channel: 'email' });
    await dsrEvent(id, { type: 'close' });

    const counts = await dispatch();
    expect(counts.delivered).toBe(5);
    const verifier = new Webhook(endpoint.secret);
    const payloads = receiver.received.map((request) => verifier.verify(request.body, signatureHeadersOf(request)) as { type: string; data: Record<string, unknown> });
    expect(payloads.map((p) => p.type)).toEqual([
      'dataSubjectRequest.received',
      'dataSubjectRequest.identityVerified',
      'dataSubjectRequest.decided',
      'dataSubjectRequest.fulfilled',
      'dataSubjectRequest.closed',
    ]);
    expect(payloads.every((p) => p.data.dataSubjectRequestId === id)).toBe(true);
    expect(payloads[1]!.data.outcome).toBe('verified');
    expect(payloads.at(-1)!.data.status).toBe('closed');
    // Ids and states only: nothing that identifies the requester.
    const all = receiver.received.map((r) => r.body).join('\n');
    for (const personal of ['王小明', 'xiaoming', '0912', 'A123456789']) expect(all).not.toContain(personal);

    // The events and their deliveries are listed, newest first, each with its attempt.
    const events = await api.call('GET', '/v1/webhook-events?limit=10', { key: owner });
    expect(events.status).toBe(200);
    expect(events.body.items.map((e: { type: string }) => e.type).slice(0, 5).reverse()).toEqual(payloads.map((p) => p.type));
    const deliveries = await api.call('GET', `/v1/webhook-events/${events.body.items[0].id}/deliveries`, { key: owner });
    expect(deliveries.body.items).toEqual([expect.objectContaining({ webhookEndpointId: endpoint.id, status: 'delivered', attemptCount: 1, attempts: [expect.objectContaining({ status: 200, outcome: 'delivered', excerpt: '{"ok":true}' })] })]);
    expect(events.body.items[0].id).toBe(receiver.received.at(-1)!.headers['webhook-id']);
    // A second run sends nothing again.
    expect((await dispatch()).attempts).toBe(0);
  });

  it('lets an integration key with webhooks:manage register and maintain its own receiver, and no other key below owner', async () => {
    const tenant = await api.onboardTenant();
    const integration = await tenant.issueKey('integration', ['webhooks:manage']);
    const otherIntegration = await tenant.issueKey('integration', ['dsr:read', 'reviews:read']);
    const officer = await tenant.issueKey('officer');
    const body = { url: receiver.url, description: 'CRM 自動登錄', eventTypes: ['dataSubjectRequest.received'] };

    const created = await api.call('POST', '/v1/webhook-endpoints', { key: integration, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const listed = await api.call('GET', '/v1/webhook-endpoints', { key: integration });
    expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([created.body.id]);
    const rotated = await api.call('POST', `/v1/webhook-endpoints/${created.body.id}/secret-rotations`, { key: integration, body: { overlapHours: 1 } });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(201);

    for (const [key, code] of [[otherIntegration, 'missingScope'], [officer, 'roleNotAllowed']] as const) {
      const refused = await api.call('POST', '/v1/webhook-endpoints', { key, body });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe(code);
    }
    expect((await api.call('GET', '/v1/webhook-endpoints', { key: otherIntegration })).status).toBe(403);
    // People who read records still read the endpoints.
    expect((await api.call('GET', '/v1/webhook-endpoints', { key: officer })).body.items).toHaveLength(1);
  });

  it('rejects a tampered body', () => {
    const request = receiver.received[0]!;
    const tampered = request.body.replace('"dataSubjectRequest.received"', '"dataSubjectRequest.closed"');
    expect(tampered).not.toBe(request.body);
    expect(() => new Webhook(endpoint.secret).verify(tampered, signatureHeadersOf(request))).toThrow(WebhookVerificationError);
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(request.body, signatureHeadersOf(request))).toThrow(WebhookVerificationError);
  });

  it('retries a failing receiver with backoff: three attempts, one event id', async () => {
    receiver.received.length = 0;
    receiver.failNext(2);
    const test = await api.call('POST', `/v1/webhook-endpoints/${endpoint.id}/test-events`, { key: owner });
    expect(test.status, JSON.stringify(test.body)).toBe(202);
    expect((await dispatch()).failedAttempts).toBe(1);
    // Not yet due: nothing is sent before the backoff ends.
    expect((await dispatch()).attempts).toBe(0);
    advance(60 * 60_000);
    expect((await dispatch()).failedAttempts).toBe(1);
    advance(60 * 60_000);
    expect((await dispatch()).delivered).toBe(1);

    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    const payload = new Webhook(endpoint.secret).verify(receiver.received[2]!.body, signatureHeadersOf(receiver.received[2]!)) as { type: string };
    expect(payload.type).toBe('webhook.test');
    const eventId = [...ids][0] as string;
    const deliveries = await api.call('GET', `/v1/webhook-events/${eventId}/deliveries`, { key: owner });
    const delivery = deliveries.body.items[0];
    expect(delivery).toMatchObject({ status: 'delivered', attemptCount: 3 });
    expect(delivery.attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 200]);
    expect(delivery.attempts[0].excerpt).toBe('receiver down for maintenance');

    // Redelivery: the same id once more.
    const again = await api.call('POST', `/v1/webhook-events/${eventId}/redeliveries`, { key: owner, body: {} });
    expect(again.status, JSON.stringify(again.body)).toBe(202);
    await dispatch();
    expect(receiver.received).toHaveLength(4);
    expect(receiver.received[3]!.headers['webhook-id']).toBe(eventId);
    const byEndpoint = await api.call('GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries?limit=50`, { key: owner });
    expect(byEndpoint.status).toBe(200);
    expect(byEndpoint.body.items.some((d: { webhookEventId: string }) => d.webhookEventId === eventId)).toBe(true);
  });

  it('signs with both secrets during a rotation, then with the new one only', async () => {
    receiver.received.length = 0;
    const rotated = await api.call('POST', `/v1/webhook-endpoints/${endpoint.id}/secret-rotations`, { key: owner, body: { overlapHours: 24 } });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(201);
    const fresh = rotated.body.secret as string;
    expect(fresh).not.toBe(endpoint.secret);
    expect(rotated.body.previousSecretExpiresAt).toBe(new Date(now.getTime() + 24 * 3600_000).toISOString());

    await api.call('POST', `/v1/webhook-endpoints/${endpoint.id}/test-events`, { key: owner });
    await dispatch();
    const during = receiver.received[0]!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(new Webhook(endpoint.secret).verify(during.body, signatureHeadersOf(during))).toMatchObject({ type: 'webhook.test' });
    expect(new Webhook(fresh).verify(during.body, signatureHeadersOf(during))).toMatchObject({ type: 'webhook.test' });

    advance(25 * 3600_000);
    await api.call('POST', `/v1/webhook-endpoints/${endpoint.id}/test-events`, { key: owner });
    await dispatch();
    const after = receiver.received[1]!;
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(() => new Webhook(endpoint.secret).verify(after.body, signatureHeadersOf(after))).toThrow(WebhookVerificationError);
    expect(new Webhook(fresh).verify(after.body, signatureHeadersOf(after))).toMatchObject({ type: 'webhook.test' });
    endpoint = { ...endpoint, secret: fresh };
  });

  it('refuses a URL resolving to 127.0.0.1 when local mode is off, at registration and at delivery', async () => {
    // Registered while local mode allowed it: https to a name that resolves to loopback.
    const loopbackByName = await register({ url: `https://localhost:${receiver.port}/hooks`, eventTypes: ['planVersion.submitted'] });
    const config = api.deps.config;
    config.webhooks = { localMode: false };
    try {
      const byName = await api.call('POST', '/v1/webhook-endpoints', { key: owner, body: { url: `https://localhost:${receiver.port}/hooks`, eventTypes: ['*'] } });
      expect(byName.status).toBe(422);
      expect(byName.body.code).toBe('WEBHOOK_URL_ADDRESS_REFUSED');
      expect(JSON.stringify(byName.body)).toContain('loopback');
      const literal = await api.call('POST', '/v1/webhook-endpoints', { key: owner, body: { url: 'https://127.0.0.1/hooks', eventTypes: ['*'] } });
      expect(literal.status).toBe(422);
      const metadata = await api.call('POST', '/v1/webhook-endpoints', { key: owner, body: { url: 'https://[::ffff:169.254.169.254]/latest', eventTypes: ['*'] } });
      expect(metadata.body.code).toBe('WEBHOOK_URL_ADDRESS_REFUSED');
      const plainHttp = await api.call('POST', '/v1/webhook-endpoints', { key: owner, body: { url: receiver.url, eventTypes: ['*'] } });
      expect(plainHttp.status).toBe(400);
      expect(plainHttp.body.code).toBe('WEBHOOK_URL_NOT_HTTPS');

      // At delivery: the socket's own lookup refuses the loopback address; nothing reaches the receiver.
      receiver.received.length = 0;
      const sent = await api.call('POST', `/v1/webhook-endpoints/${loopbackByName.id}/test-events`, { key: owner });
      expect(sent.status).toBe(202);
      await dispatch();
      expect(receiver.received).toHaveLength(0);
      const page = await api.call('GET', `/v1/webhook-endpoints/${loopbackByName.id}/deliveries`, { key: owner });
      expect(page.body.items[0].attempts[0]).toMatchObject({ status: null, outcome: 'refused' });
      expect(page.body.items[0].attempts[0].excerpt).toContain('127.0.0.1');
    } finally {
      config.webhooks = { localMode: true };
    }
    const removed = await api.call('DELETE', `/v1/webhook-endpoints/${loopbackByName.id}`, { key: owner, headers: { 'if-match': `"${loopbackByName.version}"` } });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
  });

  it('writes no event for a change that did not happen', async () => {
    const before = await api.call('GET', '/v1/webhook-events?limit=100', { key: owner });
    const created = await api.call('POST', '/v1/data-subject-requests', { key: owner, body: newRequest() });
    const refused = await api.call('POST', `/v1/data-subject-requests/${created.body.id}/events`, { key: owner, body: { actor: 'x', type: 'close' } });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await dispatch();
    const after = await api.call('GET', '/v1/webhook-events?limit=100', { key: owner });
    // Exactly one new event: the request received; the refused close left none.
    expect(after.body.items.length - before.body.items.length).toBe(1);
    expect(after.body.items[0]).toMatchObject({ type: 'dataSubjectRequest.received', data: { dataSubjectRequestId: created.body.id } });
  });

  it('sends deadline warnings from the sweep, once per threshold', async () => {
    receiver.received.length = 0;
    const created = await api.call('POST', '/v1/data-subject-requests', { key: owner, body: newRequest() });
    const dueAt = new Date(created.body.nextDueAt as string);
    now = new Date(dueAt.getTime() - 2 * 24 * 3600_000);
    await runReviewSweep(api.deps, { asOf: now, tenantId });
    await runReviewSweep(api.deps, { asOf: now, tenantId });
    await dispatch();
    const deadlineEvents = receiver.received
      .map((r) => new Webhook(endpoint.secret).verify(r.body, signatureHeadersOf(r)) as { type: string; data: Record<string, unknown> })
      .filter((p) => p.type.startsWith('deadline.') && String((p.data.subject as { id: string }).id).startsWith(created.body.id));
    expect(deadlineEvents).toHaveLength(1);
    expect(deadlineEvents[0]!.data).toMatchObject({ threshold: '3d', dutyKind: 'dataSubjectRequestDecision', subject: { kind: 'dataSubjectRequest', id: `${created.body.id}:inquiry` }, dueAt: dueAt.toISOString() });

    now = new Date(dueAt.getTime() + 3600_000);
    await runReviewSweep(api.deps, { asOf: now, tenantId });
    await dispatch();
    const types = receiver.received
      .map((r) => JSON.parse(r.body) as { type: string; data: { threshold?: string; subject?: { id: string } } })
      .filter((p) => p.type.startsWith('deadline.') && p.data.subject?.id.startsWith(created.body.id))
      .map((p) => `${p.type}:${p.data.threshold}`);
    expect(types).toEqual(['deadline.approaching:3d', 'deadline.missed:missed']);
  });

  it('disables an endpoint that keeps failing for about three days and e-mails the contact', async () => {
    const failing = await register({ url: receiver.url, eventTypes: ['incident.created'] });
    receiver.failNext(1000, 503);
    const sent = await api.call('POST', `/v1/webhook-endpoints/${failing.id}/test-events`, { key: owner });
    expect(sent.status).toBe(202);
    const mailer = api.deps.mailer as MemoryTransport;
    const mailsBefore = mailer.sent.length;
    let disabled = 0;
    for (let hour = 0; hour < 24 * 4 && disabled === 0; hour += 1) {
      disabled = (await dispatch()).endpointsDisabled;
      advance(3600_000);
    }
    receiver.failNext(0);
    expect(disabled).toBe(1);
    const read = await api.call('GET', `/v1/webhook-endpoints/${failing.id}`, { key: owner });
    expect(read.body).toMatchObject({ enabled: false, disabledReason: 'deliveryFailing' });
    // The tenant's registered contact hears of it, once.
    expect(mailer.sent.slice(mailsBefore).map((mail) => mail.to)).toEqual(['dpo@example.com']);
    const redeliver = await api.call('POST', `/v1/webhook-endpoints/${failing.id}/test-events`, { key: owner });
    expect(redeliver.status).toBe(409);
  }, 120_000);
});
