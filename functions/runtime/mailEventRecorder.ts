/** Records SES delivery problems into the tenant table of the message (tagged at send time). */
import { commitAudited, WriteConflictError } from '../store/auditedCommit';
import { newId } from '../store/ids';
import { TENANT_ID_PATTERN } from '../store/tableDesign';
import type { AppDeps } from '../http/appDeps';

export interface SesMailEvent {
  eventType: string;
  messageId: string;
  tenantId: string | null;
  /** Our mail queue id (SES tag `mailId`): links the event to the digest and its reminders. */
  mailId: string | null;
  recipients: string[];
  at: string;
  detail: string;
}

/** SES event publishing format (eventType, mail.tags, bounce/complaint/reject details). */
export function parseSesNotification(message: string): SesMailEvent | undefined {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- SES event JSON, read defensively below
  let parsed: Record<string, any>;
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  const eventType = parsed.eventType ?? parsed.notificationType;
  const mail = parsed.mail;
  if (typeof eventType !== 'string' || !mail?.messageId) return undefined;
  const tags = (mail.tags ?? {}) as Record<string, string[]>;
  const tenantId = tags.tenantId?.[0] ?? null;
  const bounced = parsed.bounce?.bouncedRecipients?.map((r: { emailAddress: string }) => r.emailAddress) ?? [];
  const complained = parsed.complaint?.complainedRecipients?.map((r: { emailAddress: string }) => r.emailAddress) ?? [];
  return {
    eventType,
    messageId: mail.messageId,
    tenantId: tenantId && TENANT_ID_PATTERN.test(tenantId) ? tenantId : null,
    mailId: tags.mailId?.[0] ?? null,
    recipients: [...bounced, ...complained].length ? [...bounced, ...complained] : (mail.destination ?? []),
    at: parsed.bounce?.timestamp ?? parsed.complaint?.timestamp ?? mail.timestamp ?? new Date(0).toISOString(),
    detail: JSON.stringify(parsed.bounce ?? parsed.complaint ?? parsed.reject ?? parsed.deliveryDelay ?? {}).slice(0, 4000),
  };
}

export async function recordMailEvent(deps: AppDeps, event: SesMailEvent): Promise<void> {
  if (!event.tenantId) {
    deps.logger.warn('SES event without a tenant tag', { messageId: event.messageId, eventType: event.eventType });
    return;
  }
  const doc = await deps.tenantDocumentClient(event.tenantId);
  const tableName = `${deps.provisioning.tenantTablePrefix}${event.tenantId}`;
  const item = {
    pk: `MAILEVENT#${event.messageId}`,
    sk: `${event.eventType}#${event.at}`,
    entity: 'MailDeliveryEvent',
    ...event,
    gsi1pk: 'MAILEVENTS',
    gsi1sk: `${event.at}#${event.messageId}`,
    version: 1,
  };
  await commitAudited(
    { doc, tableName, actor: { actorId: 'system:ses', role: 'system' }, requestId: newId('evt'), now: deps.clock },
    {
      changes: [{ action: 'mail.deliveryEvent', resourceType: 'mailMessage', resourceId: event.messageId, before: null, after: { eventType: event.eventType, at: event.at } }],
      // Redelivered SNS messages hit the same key: the condition makes the record idempotent.
      writes: [{ Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }],
    },
  ).catch((error: Error) => {
    if (error instanceof WriteConflictError) return;
    throw error;
  });
}
