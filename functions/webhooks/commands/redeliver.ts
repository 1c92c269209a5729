/**
 * Redelivers an event: its deliveries (or the one to the named endpoint) go back to pending now,
 * with a new retry window; an endpoint added after the event gets a first delivery. Receivers
 * de-duplicate on webhook-id, which stays the event id.
 */
import type { TenantCommandContext } from '../../application/commandContext';
import { refuse } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import type { TransactItem } from '../../store/auditedCommit';
import { newDelivery } from '../dispatcher';
import { toDeliveryView } from '../webhookModel';
import { deliveriesOfEvent, deliveryWrite, listEndpoints, requireEvent, type StoredWebhookDelivery } from '../webhookStore';

export async function redeliverEvent(context: TenantCommandContext, eventId: string, endpointId: string | undefined) {
  const event = await requireEvent(context.table, eventId);
  const endpoints = await listEndpoints(context.table);
  const existing = await deliveriesOfEvent(context.table, eventId);
  const targetIds = endpointId ? [endpointId] : [...new Set([...event.endpointIds, ...existing.map((d) => d.endpointId)])];
  const now = context.clock().toISOString();
  const writes: TransactItem[] = [];
  const after: StoredWebhookDelivery[] = [];
  for (const id of targetIds) {
    const endpoint = endpoints.find((e) => e.endpointId === id);
    if (!endpoint) {
      if (endpointId) refuse('notFound', 'WEBHOOK_ENDPOINT_NOT_FOUND', { zhTW: '找不到此 webhook 端點', en: 'No such webhook endpoint' }, { field: 'webhookEndpointId' });
      continue;
    }
    if (!endpoint.enabled) {
      if (endpointId) refuse('conflict', 'WEBHOOK_ENDPOINT_DISABLED', { zhTW: '此端點已停用，請先啟用', en: 'The endpoint is disabled; enable it first' }, { field: 'webhookEndpointId' });
      continue;
    }
    const current = existing.find((d) => d.endpointId === id);
    const next: StoredWebhookDelivery = current
      ? { ...current, status: 'pending', nextAttemptAt: now, windowStartedAt: null, version: current.version + 1 }
      : newDelivery(eventId, event.type, id, now);
    writes.push(deliveryWrite(context.table.tableName, next, current ? current.version : null));
    after.push(next);
  }
  if (writes.length === 0) refuse('conflict', 'WEBHOOK_NOTHING_TO_REDELIVER', { zhTW: '此事件沒有可重送之啟用端點', en: 'The event has no enabled endpoint to redeliver to' });
  const body = { items: after.map(toDeliveryView) };
  await commitChange(context, {
    changes: [{ action: 'webhookEvent.redeliver', resourceType: 'webhookEvent', resourceId: eventId, before: null, after: { endpointIds: after.map((d) => d.endpointId), requestedAt: now } }],
    writes,
    response: { status: 202, body },
  });
  return body;
}
