/**
 * The declared entity model of webhooks in a tenant table.
 *
 * Entities:
 *   WebhookEndpoint ..... PK=WEBHOOK_ENDPOINTS        SK=ENDPOINT#<webhookEndpointId>   (≤ 10 per tenant)
 *   WebhookOutbox ....... PK=WEBHOOK_OUTBOX           SK=<at>#<eventId>   (written by store/auditedCommit.ts, deleted when drained)
 *   WebhookEvent ........ PK=WEBHOOK_EVENTS           SK=EVENT#<webhookEventId>  (ULID: key order = time order; TTL 90 days)
 *   WebhookDelivery ..... PK=WEBHOOK_EVENT#<eventId>  SK=DELIVERY#<webhookEndpointId>  (attempts inside; TTL 90 days)
 *   WebhookDeadlineMark . PK=WEBHOOK_DEADLINE#<taskId> SK=<threshold>  (once per task and threshold)
 *
 * Access patterns:
 *   a tenant's endpoints (the drain's fan-out) .. PK=WEBHOOK_ENDPOINTS (one consistent Query)
 *   the outbox, oldest first .................... PK=WEBHOOK_OUTBOX
 *   events, newest first ........................ PK=WEBHOOK_EVENTS descending
 *   deliveries of an event ...................... PK=WEBHOOK_EVENT#<eventId>
 *   deliveries of an endpoint, newest first ..... byResource  gsi1pk=WEBHOOK_DELIVERIES#<endpointId> gsi1sk=<createdAt>#<eventId>
 *   deliveries due (pending, sparse) ............ dueByDate   duePk=WEBHOOK_DUE dueSk=<nextAttemptAt>#<eventId>#<endpointId>
 */
import { WEBHOOK_OUTBOX_PK } from '../../domain/webhooks/outbox';
import type { EntityKey, KeyQuery } from '../store/entityModel';
import { tenantTableIndexes } from '../store/tableDesign';

const ENDPOINTS = 'WEBHOOK_ENDPOINTS';
const EVENTS = 'WEBHOOK_EVENTS';
const DUE = 'WEBHOOK_DUE';

export const webhookKeys = {
  endpoint: (endpointId: string): EntityKey => ({ pk: ENDPOINTS, sk: `ENDPOINT#${endpointId}` }),
  event: (eventId: string): EntityKey => ({ pk: EVENTS, sk: `EVENT#${eventId}` }),
  delivery: (eventId: string, endpointId: string): EntityKey => ({ pk: `WEBHOOK_EVENT#${eventId}`, sk: `DELIVERY#${endpointId}` }),
  deadlineMark: (taskId: string, threshold: string): EntityKey => ({ pk: `WEBHOOK_DEADLINE#${taskId}`, sk: threshold }),
};

export function deliveryIndexKeys(delivery: { eventId: string; endpointId: string; createdAt: string; status: string; nextAttemptAt: string | null }): Record<string, string> {
  return {
    gsi1pk: `WEBHOOK_DELIVERIES#${delivery.endpointId}`,
    gsi1sk: `${delivery.createdAt}#${delivery.eventId}`,
    // Only pending deliveries sit in the due index.
    ...(delivery.status === 'pending' && delivery.nextAttemptAt ? { duePk: DUE, dueSk: `${delivery.nextAttemptAt}#${delivery.eventId}#${delivery.endpointId}` } : {}),
  };
}

export const webhookAccess = {
  endpoints: (): KeyQuery => ({ pk: ENDPOINTS, sk: { beginsWith: 'ENDPOINT#' }, consistentRead: true }),
  outbox: (): KeyQuery => ({ pk: WEBHOOK_OUTBOX_PK, consistentRead: true }),
  eventsNewestFirst: (): KeyQuery => ({ pk: EVENTS, sk: { beginsWith: 'EVENT#' }, descending: true }),
  deliveriesOfEvent: (eventId: string): KeyQuery => ({ pk: `WEBHOOK_EVENT#${eventId}`, sk: { beginsWith: 'DELIVERY#' }, consistentRead: true }),
  deliveriesOfEndpoint: (endpointId: string): KeyQuery => ({ index: tenantTableIndexes.byResource, pk: `WEBHOOK_DELIVERIES#${endpointId}`, descending: true }),
  /** '~' sorts after every id, so everything due up to `now` is included. */
  dueBy: (now: string): KeyQuery => ({ index: tenantTableIndexes.dueByDate, pk: DUE, sk: { atMost: `${now}#~` } }),
};
