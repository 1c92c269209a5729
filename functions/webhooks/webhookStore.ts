/**
 * Webhook endpoints, events and deliveries in a tenant table: records, item ↔ record mapping and
 * the reads (keys and access patterns: webhookEntities.ts).
 */
import type { OutboxEvent } from '../../domain/webhooks/outbox';
import type { TransactItem } from '../store/auditedCommit';
import { getEntity, putEntityWrite, queryFirst, queryItems, queryPage, requireEntity, withoutKeys, type ListBinding, type PageRequest } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { TTL_ATTRIBUTE } from '../store/tableDesign';
import { deliveryIndexKeys, webhookAccess, webhookKeys } from './webhookEntities';

export const WEBHOOK_ENDPOINT = { zhTW: '此 webhook 端點', en: 'webhook endpoint' };
export const WEBHOOK_EVENT = { zhTW: '此 webhook 事件', en: 'webhook event' };

/** Events and their delivery records are kept this long, then expire (TTL). */
const RETENTION_SECONDS = 90 * 86400;

export interface StoredWebhookEndpoint {
  endpointId: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: 'byUser' | 'deliveryFailing' | null;
  disabledAt: string | null;
  /** The signing secret, sealed with the tenant's field encryption. */
  sealedSecret: string;
  /** The previous secret during a rotation's overlap. */
  previousSecret: { sealed: string; expiresAt: string } | null;
  secretRotatedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface StoredWebhookEvent extends OutboxEvent {
  publishedAt: string;
  /** The endpoints the event was fanned out to when it was published. */
  endpointIds: string[];
}

export interface DeliveryAttempt {
  at: string;
  /** The HTTP status, or null when no response came (refused, network error, timeout). */
  status: number | null;
  latencyMs: number;
  outcome: 'delivered' | 'httpError' | 'networkError' | 'timeout' | 'refused';
  /** The first characters of the response body or the error, for the integrator's diagnosis. */
  excerpt: string;
}

export interface StoredWebhookDelivery {
  eventId: string;
  endpointId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: DeliveryAttempt[];
  attemptCount: number;
  /** Start of the retry window (the first attempt, or a redelivery request). */
  windowStartedAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  version: number;
}

export const MAX_ATTEMPTS_KEPT = 20;

function ttl(at: string): number {
  return Math.floor(new Date(at).getTime() / 1000) + RETENTION_SECONDS;
}

export function endpointItem(endpoint: StoredWebhookEndpoint) {
  return { ...webhookKeys.endpoint(endpoint.endpointId), entity: 'WebhookEndpoint', ...endpoint };
}

export function endpointWrite(tableName: string, endpoint: StoredWebhookEndpoint, expected: number | null): TransactItem {
  return putEntityWrite(tableName, endpointItem(endpoint), expected);
}

export function eventWrite(tableName: string, event: StoredWebhookEvent): TransactItem {
  return putEntityWrite(tableName, { ...webhookKeys.event(event.eventId), entity: 'WebhookEvent', ...event, version: 1, [TTL_ATTRIBUTE]: ttl(event.occurredAt) }, null);
}

export function deliveryItem(delivery: StoredWebhookDelivery) {
  return { ...webhookKeys.delivery(delivery.eventId, delivery.endpointId), entity: 'WebhookDelivery', ...delivery, ...deliveryIndexKeys(delivery), [TTL_ATTRIBUTE]: ttl(delivery.createdAt) };
}

export function deliveryWrite(tableName: string, delivery: StoredWebhookDelivery, expected: number | null): TransactItem {
  return putEntityWrite(tableName, deliveryItem(delivery), expected);
}

const clean = <T>(item: Record<string, unknown>): T => {
  const { [TTL_ATTRIBUTE]: _ttl, ...rest } = withoutKeys(item);
  return rest as T;
};

export async function listEndpoints(table: TableRef): Promise<StoredWebhookEndpoint[]> {
  return (await queryItems(table, webhookAccess.endpoints())).map((item) => clean<StoredWebhookEndpoint>(item));
}

export async function requireEndpoint(table: TableRef, endpointId: string): Promise<StoredWebhookEndpoint> {
  return clean<StoredWebhookEndpoint>(await requireEntity<Record<string, unknown>>(table, webhookKeys.endpoint(endpointId), WEBHOOK_ENDPOINT));
}

export async function requireEvent(table: TableRef, eventId: string): Promise<StoredWebhookEvent> {
  return clean<StoredWebhookEvent>(await requireEntity<Record<string, unknown>>(table, webhookKeys.event(eventId), WEBHOOK_EVENT));
}

export async function getEvent(table: TableRef, eventId: string): Promise<StoredWebhookEvent | undefined> {
  const item = await getEntity<Record<string, unknown>>(table, webhookKeys.event(eventId));
  return item ? clean<StoredWebhookEvent>(item) : undefined;
}

export async function getDelivery(table: TableRef, eventId: string, endpointId: string): Promise<StoredWebhookDelivery | undefined> {
  const item = await getEntity<Record<string, unknown>>(table, webhookKeys.delivery(eventId, endpointId));
  return item ? clean<StoredWebhookDelivery>(item) : undefined;
}

export async function deliveriesOfEvent(table: TableRef, eventId: string): Promise<StoredWebhookDelivery[]> {
  return (await queryItems(table, webhookAccess.deliveriesOfEvent(eventId))).map((item) => clean<StoredWebhookDelivery>(item));
}

export async function eventsPage<T>(table: TableRef, page: PageRequest, list: ListBinding, map: (event: StoredWebhookEvent) => T) {
  return queryPage(table, webhookAccess.eventsNewestFirst(), page, list, (item) => map(clean<StoredWebhookEvent>(item)));
}

export async function endpointDeliveriesPage<T>(table: TableRef, endpointId: string, page: PageRequest, list: ListBinding, map: (delivery: StoredWebhookDelivery) => T) {
  return queryPage(table, webhookAccess.deliveriesOfEndpoint(endpointId), page, list, (item) => map(clean<StoredWebhookDelivery>(item)));
}

export async function outboxItems(table: TableRef, limit: number): Promise<{ key: { pk: string; sk: string }; events: OutboxEvent[] }[]> {
  return (await queryFirst(table, webhookAccess.outbox(), limit)).map((item) => ({ key: { pk: item.pk as string, sk: item.sk as string }, events: item.events as OutboxEvent[] }));
}

/** Pending deliveries due by `now` (the index is eventually consistent: re-read before acting). */
export async function dueDeliveryKeys(table: TableRef, now: Date, limit: number): Promise<{ eventId: string; endpointId: string }[]> {
  return (await queryFirst(table, webhookAccess.dueBy(now.toISOString()), limit)).map((item) => ({ eventId: item.eventId as string, endpointId: item.endpointId as string }));
}
