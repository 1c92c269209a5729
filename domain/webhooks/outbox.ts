/**
 * The transactional outbox of webhook events: `store/auditedCommit.ts` adds ONE item per commit
 * whose audited changes map to event types (eventCatalog.ts), in the same TransactWriteItems as
 * the change — no change without its event, no event without its change — and one item only,
 * however many endpoints subscribe (fan-out happens when the outbox is drained) and however many
 * changes the commit holds, so DynamoDB's 100-item transaction limit loses one slot at most.
 *
 *   WebhookOutbox ...... PK=WEBHOOK_OUTBOX  SK=<at>#<first event id>   (deleted once drained)
 */
import { webhookEventOfChange, WEBHOOK_SCHEMA_VERSION, type ChangeLike, type WebhookEventType } from './eventCatalog';

export const WEBHOOK_OUTBOX_PK = 'WEBHOOK_OUTBOX';

export interface OutboxEvent {
  eventId: string;
  type: WebhookEventType;
  schemaVersion: number;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** The outbox item of a commit's changes, or null when none maps to an event type. */
export function webhookOutboxItem(changes: readonly ChangeLike[], at: string, newEventId: () => string): (Record<string, unknown> & { pk: string; sk: string }) | null {
  const events: OutboxEvent[] = [];
  for (const change of changes) {
    const mapped = webhookEventOfChange(change);
    if (mapped) events.push({ eventId: newEventId(), type: mapped.type, schemaVersion: WEBHOOK_SCHEMA_VERSION, occurredAt: at, data: mapped.data });
  }
  if (events.length === 0) return null;
  return { pk: WEBHOOK_OUTBOX_PK, sk: `${at}#${events[0]!.eventId}`, entity: 'WebhookOutbox', events };
}
