/**
 * The incident's 72-hour report as webhook events: created (from the change's outbox item), then
 * 24 h and 6 h left when the one-time schedules fire (functions/reviews/deadlineHandler.ts), each
 * threshold once even when a schedule fires twice, and missed at the deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import type { DeadlineSchedule } from '../../../functions/application/ports';
import { handleDeadline } from '../../../functions/reviews/deadlineHandler';
import { runWebhookDispatch } from '../../../functions/webhooks/dispatcher';
import { createTestApi, type TestApi } from '../support/testApi';
import { signatureHeadersOf, startReceiver, type Receiver } from './receiver';

let api: TestApi;
let receiver: Receiver;
let now = new Date('2026-05-04T01:00:00Z');
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

describe('incident deadline webhooks', () => {
  it('sends created, 24 h left, 6 h left and missed, each once', async () => {
    const endpoint = await api.call('POST', '/v1/webhook-endpoints', { key: owner, body: { url: receiver.url, eventTypes: ['incident.created', 'incident.regulatorDeadline.approaching', 'incident.regulatorDeadline.missed'] } });
    expect(endpoint.status, JSON.stringify(endpoint.body)).toBe(201);
    const incident = await api.call('POST', '/v1/incidents', {
      key: owner,
      body: { title: '會員資料外洩', discoveredAt: new Date(now.getTime() - 3_600_000).toISOString(), reportedBy: { name: '資安值班' }, kinds: ['leak'], estimatedRecords: { general: 1200, special: 0 }, endangersOperationsOrManySubjects: false },
    });
    expect(incident.status, JSON.stringify(incident.body)).toBe(201);
    const incidentId = incident.body.id as string;

    const schedules = (await api.deps.deadlineScheduler.due(new Date('2030-01-01T00:00:00Z'), 500)).filter((s) => s.tenantId === tenantId && s.target.detail?.incidentId === incidentId);
    const at = (moment: string): DeadlineSchedule => {
      const found = schedules.find((s) => s.target.detail?.moment === moment);
      if (!found) throw new Error(`no ${moment} schedule (have ${schedules.map((s) => s.target.detail?.moment).join(', ')})`);
      return found;
    };
    for (const moment of ['24hLeft', '24hLeft', '6hLeft', 'deadline']) {
      const schedule = at(moment);
      now = new Date(schedule.at);
      await handleDeadline(api.deps, schedule, now);
    }
    await runWebhookDispatch(api.deps, { tenantId });

    const verifier = new Webhook(endpoint.body.secret);
    const received = receiver.received.map((r) => verifier.verify(r.body, signatureHeadersOf(r)) as { type: string; data: { threshold?: string; incidentId?: string; subject?: { id: string } } });
    expect(received.map((p) => `${p.type}${p.data.threshold ? `:${p.data.threshold}` : ''}`)).toEqual([
      'incident.created',
      'incident.regulatorDeadline.approaching:24h',
      'incident.regulatorDeadline.approaching:6h',
      'incident.regulatorDeadline.missed:missed',
    ]);
    expect(received[0]!.data.incidentId).toBe(incidentId);
    expect(received.slice(1).every((p) => p.data.subject?.id === incidentId)).toBe(true);
  });
});
