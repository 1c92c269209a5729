/**
 * From outbox to receiver, the same code locally (an in-process drainer run by the local
 * scheduler, callable from tests) and in AWS (a one-minute schedule drains and hands due
 * deliveries to SQS; the delivery Lambda runs `deliverOne`):
 *  1. drain — each outbox item becomes its event records and one delivery record per endpoint
 *     that receives the type, and the outbox item is deleted, in audited commits;
 *  2. deliver — each pending delivery whose time has come is signed (Standard Webhooks) and
 *     POSTed; the attempt is recorded; success ends it, failure schedules the next attempt with
 *     backoff and full jitter, and a spent retry window (about 3 days) fails the delivery,
 *     disables the endpoint and e-mails the tenant's contact.
 * At least once: a crash between sending and recording sends again, with the same webhook-id.
 */
import { receives } from '../../domain/webhooks/endpoint';
import { nextAttemptAt } from '../../domain/webhooks/retrySchedule';
import { toRfc5322 } from '../../domain/reminders/rfc5322';
import type { TenantCommandContext } from '../application/commandContext';
import { AlreadyExistsError, StaleVersionError } from '../application/failures';
import { commitChange } from '../application/versionedChange';
import { activeTenants, getTenant } from '../platform/tenantStore';
import type { AuditedChange, TransactItem } from '../store/auditedCommit';
import type { TenantRecord } from '../store/controlPlaneRecords';
import { newUlid } from '../store/ids';
import { postSigned } from './delivery';
import { activeSecrets, signedHeaders } from './webhookSecrets';
import {
  deliveryWrite,
  dueDeliveryKeys,
  endpointWrite,
  eventWrite,
  getDelivery,
  getEvent,
  listEndpoints,
  MAX_ATTEMPTS_KEPT,
  outboxItems,
  type StoredWebhookDelivery,
  type StoredWebhookEndpoint,
  type StoredWebhookEvent,
} from './webhookStore';
import { localModeOf, webhookJobContext, type WebhookDeps } from './webhookJobs';

/** Writes per audited commit: room for the audit events, chain head, anchors and outbox. */
const MAX_WRITES_PER_COMMIT = 60;

export interface DispatchCounts {
  eventsPublished: number;
  deliveriesCreated: number;
  attempts: number;
  delivered: number;
  failedAttempts: number;
  abandoned: number;
  endpointsDisabled: number;
}

export const emptyDispatchCounts = (): DispatchCounts => ({ eventsPublished: 0, deliveriesCreated: 0, attempts: 0, delivered: 0, failedAttempts: 0, abandoned: 0, endpointsDisabled: 0 });

/** The body every receiver gets (Standard Webhooks' recommended shape). */
export function deliveryBody(event: Pick<StoredWebhookEvent, 'type' | 'occurredAt' | 'schemaVersion' | 'data'>): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt, schemaVersion: event.schemaVersion, data: event.data });
}

export function newDelivery(eventId: string, eventType: string, endpointId: string, now: string): StoredWebhookDelivery {
  return { eventId, endpointId, eventType, status: 'pending', attempts: [], attemptCount: 0, windowStartedAt: null, nextAttemptAt: now, deliveredAt: null, createdAt: now, version: 1 };
}

/** Commits writes in batches; a batch that met existing records (a replayed drain) goes write by write. */
async function commitIdempotently(context: TenantCommandContext, writes: TransactItem[], change: (count: number) => AuditedChange): Promise<void> {
  for (let i = 0; i < writes.length; i += MAX_WRITES_PER_COMMIT) {
    const batch = writes.slice(i, i + MAX_WRITES_PER_COMMIT);
    try {
      await commitChange(context, { changes: [change(batch.length)], writes: batch }, 'create');
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      for (const write of batch) {
        try {
          await commitChange(context, { changes: [change(1)], writes: [write] }, 'create');
        } catch (single) {
          if (!(single instanceof AlreadyExistsError)) throw single;
        }
      }
    }
  }
}

/** Turns outbox items into events and deliveries (fan-out to the endpoints that receive each type). */
export async function drainOutbox(context: TenantCommandContext, counts: DispatchCounts = emptyDispatchCounts(), limit = 25): Promise<DispatchCounts> {
  const items = await outboxItems(context.table, limit);
  if (items.length === 0) return counts;
  const endpoints = await listEndpoints(context.table);
  const { tableName } = context.table;
  for (const item of items) {
    const now = context.clock().toISOString();
    const writes: TransactItem[] = [];
    for (const event of item.events) {
      const targets = event.type === 'webhook.test'
        ? endpoints.filter((endpoint) => endpoint.endpointId === event.data.webhookEndpointId)
        : endpoints.filter((endpoint) => receives(endpoint, event.type));
      writes.push(eventWrite(tableName, { ...event, publishedAt: now, endpointIds: targets.map((t) => t.endpointId) }));
      for (const target of targets) writes.push(deliveryWrite(tableName, newDelivery(event.eventId, event.type, target.endpointId, now), null));
      counts.eventsPublished += 1;
      counts.deliveriesCreated += targets.length;
    }
    // The delete goes last, so a crash leaves the outbox item to be drained again (idempotently).
    writes.push({ Delete: { TableName: tableName, Key: item.key, ConditionExpression: 'attribute_exists(pk)' } });
    await commitIdempotently(context, writes, (count) => ({
      action: 'webhookOutbox.publish',
      resourceType: 'webhookOutbox',
      resourceId: item.key.sk,
      before: null,
      after: { eventIds: item.events.map((e) => e.eventId), writes: count },
    }));
  }
  return counts;
}

/** The officer hears that an endpoint was disabled (the tenant's registered contact). */
async function mailEndpointDisabled(deps: WebhookDeps, context: TenantCommandContext, endpoint: StoredWebhookEndpoint, lastError: string): Promise<void> {
  const mailId = `mail_${newUlid(deps.clock().getTime())}`;
  const messageId = `${mailId}.${context.tenantId}@${deps.mailer.messageIdDomain}`;
  const contact = context.profile.contact;
  const text = [
    `${context.profile.companyName} 您好：`,
    '',
    `Webhook 端點 ${endpoint.url}（${endpoint.endpointId}）持續傳送失敗約 3 日，已自動停用。修復接收端後，請以 PATCH 重新啟用並對未送達之事件要求重送。`,
    `最後錯誤：${lastError}`,
    '',
    `The webhook endpoint ${endpoint.url} (${endpoint.endpointId}) kept failing for about 3 days and was disabled. After fixing the receiver, re-enable it (PATCH enabled: true) and request redelivery of the events it missed.`,
    `Last error: ${lastError}`,
  ].join('\n');
  const raw = toRfc5322(
    { to: { name: contact.name, email: contact.email }, subject: 'Webhook 端點已停用 / Webhook endpoint disabled', text, html: `<pre>${text.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!)}</pre>` },
    { from: deps.mailer.from, messageId, date: deps.clock().toISOString(), timeZone: context.profile.timeZone },
  );
  await deps.mailer.send({ mailId, tenantId: context.tenantId, messageId, to: contact.email, raw }).catch((error: Error) =>
    deps.logger.error('webhook disabled mail failed', { tenantId: context.tenantId, endpointId: endpoint.endpointId, error: error.message }));
}

/**
 * One attempt of one delivery (re-read consistently: the due index may lag). Returns the record
 * after the attempt, or undefined when there was nothing to do.
 */
export async function deliverOne(deps: WebhookDeps, context: TenantCommandContext, key: { eventId: string; endpointId: string }, counts: DispatchCounts = emptyDispatchCounts()): Promise<StoredWebhookDelivery | undefined> {
  const delivery = await getDelivery(context.table, key.eventId, key.endpointId);
  const now = deps.clock();
  if (!delivery || delivery.status !== 'pending' || (delivery.nextAttemptAt && new Date(delivery.nextAttemptAt) > now)) return undefined;
  const { tableName } = context.table;
  const endpoints = await listEndpoints(context.table);
  const endpoint = endpoints.find((e) => e.endpointId === key.endpointId);
  const event = await getEvent(context.table, key.eventId);
  if (!endpoint || !endpoint.enabled || !event) {
    // Deleted or disabled since: the delivery leaves the due index, and a redelivery can revive it.
    const cancelled: StoredWebhookDelivery = { ...delivery, status: 'cancelled', nextAttemptAt: null, version: delivery.version + 1 };
    await commitOrIgnoreStale(context, [deliveryWrite(tableName, cancelled, delivery.version)], [{ action: 'webhookDelivery.cancel', resourceType: 'webhookDelivery', resourceId: `${key.eventId}:${key.endpointId}`, before: { status: delivery.status }, after: { status: 'cancelled' } }]);
    return cancelled;
  }
  const body = deliveryBody(event);
  // Receivers check the timestamp against their own clock (5-minute tolerance), so it is the
  // wall clock even when the local stack runs on a simulated "as of" clock.
  const headers = signedHeaders(activeSecrets(await context.fieldCipher(), endpoint, now), event.eventId, new Date(), body);
  const attempt = await postSigned(endpoint.url, body, headers, { localMode: localModeOf(deps), timeoutMs: deps.config.webhooks?.timeoutMs }, now.toISOString());
  counts.attempts += 1;
  const windowStartedAt = delivery.windowStartedAt ?? attempt.at;
  const attempts = [...delivery.attempts, attempt].slice(-MAX_ATTEMPTS_KEPT);
  const base = { ...delivery, attempts, attemptCount: delivery.attemptCount + 1, windowStartedAt, version: delivery.version + 1 };
  let after: StoredWebhookDelivery;
  const writes: TransactItem[] = [];
  const changes: AuditedChange[] = [];
  let disabled: StoredWebhookEndpoint | undefined;
  if (attempt.outcome === 'delivered') {
    after = { ...base, status: 'delivered', nextAttemptAt: null, deliveredAt: attempt.at };
    counts.delivered += 1;
  } else {
    counts.failedAttempts += 1;
    const next = nextAttemptAt(windowStartedAt, attempt.at, base.attemptCount, Math.random());
    after = next ? { ...base, nextAttemptAt: next } : { ...base, status: 'failed', nextAttemptAt: null };
    if (!next) {
      counts.abandoned += 1;
      disabled = { ...endpoint, enabled: false, disabledReason: 'deliveryFailing', disabledAt: attempt.at, updatedAt: attempt.at, version: endpoint.version + 1 };
      writes.push(endpointWrite(tableName, disabled, endpoint.version));
      changes.push({ action: 'webhookEndpoint.disable', resourceType: 'webhookEndpoint', resourceId: endpoint.endpointId, before: { enabled: true }, after: { enabled: false, reason: 'deliveryFailing' } });
    }
  }
  writes.unshift(deliveryWrite(tableName, after, delivery.version));
  changes.unshift({ action: `webhookDelivery.${after.status === 'pending' ? 'retry' : after.status}`, resourceType: 'webhookDelivery', resourceId: `${key.eventId}:${key.endpointId}`, before: { status: delivery.status, attemptCount: delivery.attemptCount }, after: { status: after.status, attemptCount: after.attemptCount, httpStatus: attempt.status, outcome: attempt.outcome } });
  const committed = await commitOrIgnoreStale(context, writes, changes);
  if (committed && disabled) {
    counts.endpointsDisabled += 1;
    await mailEndpointDisabled(deps, context, disabled, `${attempt.outcome} ${attempt.status ?? ''} ${attempt.excerpt}`.trim().slice(0, 300));
  }
  return after;
}

async function commitOrIgnoreStale(context: TenantCommandContext, writes: TransactItem[], changes: AuditedChange[]): Promise<boolean> {
  try {
    await commitChange(context, { changes, writes });
    return true;
  } catch (error) {
    // Another worker recorded this delivery (or changed the endpoint) first; its record stands.
    if (error instanceof StaleVersionError) return false;
    throw error;
  }
}

/** Every pending delivery of the tenant whose time has come. */
export async function deliverDue(deps: WebhookDeps, context: TenantCommandContext, counts: DispatchCounts = emptyDispatchCounts(), limit = 100): Promise<DispatchCounts> {
  const due = await dueDeliveryKeys(context.table, deps.clock(), limit);
  for (const key of due) await deliverOne(deps, context, key, counts);
  return counts;
}

/** In AWS the due deliveries go to SQS (one message each) instead of being sent in this process. */
export type DeliveryHandOff = (tenantId: string, keys: { eventId: string; endpointId: string }[]) => Promise<void>;

/** One tenant: drain its outbox, then deliver (or hand off) what is due. */
export async function dispatchTenant(deps: WebhookDeps, profile: TenantRecord, counts: DispatchCounts = emptyDispatchCounts(), handOff?: DeliveryHandOff): Promise<DispatchCounts> {
  const context = await webhookJobContext(deps, profile);
  await drainOutbox(context, counts);
  if (!handOff) return deliverDue(deps, context, counts);
  const due = await dueDeliveryKeys(context.table, deps.clock(), 500);
  if (due.length > 0) await handOff(profile.tenantId, due);
  return counts;
}

/** Every active tenant (or one), each isolated: one tenant's failure does not stop the others. */
export async function runWebhookDispatch(deps: WebhookDeps, options: { tenantId?: string; handOff?: DeliveryHandOff } = {}): Promise<DispatchCounts> {
  const counts = emptyDispatchCounts();
  const tenants: AsyncIterable<TenantRecord> | TenantRecord[] = options.tenantId
    ? [await getTenant(deps.controlPlane, options.tenantId)].filter((t): t is TenantRecord => t?.status === 'active')
    : activeTenants(deps.controlPlane);
  for await (const profile of tenants) {
    try {
      await dispatchTenant(deps, profile, counts, options.handOff);
    } catch (error) {
      deps.logger.error('webhook dispatch failed for a tenant', { tenantId: profile.tenantId, error: (error as Error).message });
    }
  }
  return counts;
}
