/**
 * Storage of what the reminder pipeline sends, next to the duties and tasks: reminder records
 * (the record IS the idempotency of a reminder), queued mails with their delivery state, digest
 * markers and the team directory. Keys and access patterns: reviewEntities.ts.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { ReminderDelivery } from '../../domain/reminders/delivery';
import type { PlannedReminder, ReminderRecipient, RoleDirectory } from '../../domain/reviews/sweep';
import type { IsoDate } from '../../domain/shared/isoDate';
import { getEntity, queryItems, type EntityKey } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { mailQueueKeys, reminderHistoryKeys, reminderKeys, reviewAccess, reviewPartitions } from './reviewEntities';

export { reminderKeys };
export const MAIL_QUEUE_PARTITION = reviewPartitions.mailQueue;
export const MAIL_DEAD_PARTITION = reviewPartitions.mailDeadLetters;

export interface ReminderRecord {
  reminderKey: string;
  taskId: string;
  dutyId: string;
  stepId: string;
  audience: 'owner' | 'escalation';
  urgent: boolean;
  recipient: ReminderRecipient;
  /** The tenant-local date the reminder is for. */
  sentOn: IsoDate;
  queuedAt: string;
  mailId: string;
  /** The Message-ID header of the e-mail that carries it. */
  messageId: string;
  version: number;
}

export interface StoredMail {
  mailId: string;
  tenantId: string;
  messageId: string;
  to: ReminderRecipient;
  subject: string;
  text: string;
  html: string;
  /** The Date header; kept so a retry sends the same bytes. */
  date: string;
  reminderKeys: string[];
  taskIds: string[];
  urgent: boolean;
  delivery: ReminderDelivery;
  version: number;
}

export interface TeamDirectoryRecord {
  members: RoleDirectory;
  updatedAt: string | null;
  version: number;
}

export function reminderRecordItem(record: ReminderRecord): Record<string, unknown> & EntityKey & { version: number } {
  return {
    ...reminderKeys.reminder(record.reminderKey),
    entity: 'ReminderRecord',
    ...record,
    ...reminderHistoryKeys(record),
  };
}

export function reminderRecordOf(reminder: PlannedReminder, mail: { mailId: string; messageId: string; queuedAt: string }): ReminderRecord {
  return {
    reminderKey: reminder.reminderKey,
    taskId: reminder.taskId,
    dutyId: reminder.dutyId,
    stepId: reminder.step.id,
    audience: reminder.audience,
    urgent: reminder.urgent,
    recipient: reminder.recipient,
    sentOn: reminder.sendOn,
    queuedAt: mail.queuedAt,
    mailId: mail.mailId,
    messageId: mail.messageId,
    version: 1,
  };
}

function readyAt(delivery: ReminderDelivery): string | null {
  if (delivery.status === 'pending') return delivery.queuedAt;
  if (delivery.status === 'failed') return delivery.nextAttemptAt;
  return null;
}

export function mailItem(mail: StoredMail): Record<string, unknown> & EntityKey & { version: number } {
  const ready = readyAt(mail.delivery);
  const state = ready !== null ? { readyAt: ready } : mail.delivery.status === 'deadLetter' ? { deadSince: mail.delivery.lastAttemptAt } : null;
  return { ...reminderKeys.mail(mail.mailId), entity: 'ReminderMail', ...mail, ...mailQueueKeys(mail.mailId, state) };
}

/** The digest-of-the-day marker: "one digest per recipient per day" as a conditional write. */
export function digestMarkerItem(day: IsoDate, email: string, mailId: string): Record<string, unknown> & EntityKey & { version: number } {
  return { ...reminderKeys.digest(day, email), entity: 'DigestMarker', mailId, version: 1 };
}

/** BatchGetItem in chunks of 100, re-asking for unprocessed keys; returns the items found. */
export async function batchGetItems(table: TableRef, keys: readonly EntityKey[]): Promise<Record<string, unknown>[]> {
  const { doc, tableName } = table;
  const unique: Record<string, unknown>[] = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, { pk: key.pk, sk: key.sk }])).values()];
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = { [tableName]: { Keys: unique.slice(i, i + 100) } };
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt += 1) {
      const result = await doc.send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(result.Responses?.[tableName] ?? []));
      request = result.UnprocessedKeys as typeof request;
      if (request && Object.keys(request).length > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));
    }
  }
  return found;
}

/** Mails whose (re)send time has come, oldest first. */
export async function mailsReadyToSend(table: TableRef, now: Date): Promise<StoredMail[]> {
  return (await queryItems(table, reviewAccess.mailsReadyBy(now))) as unknown as StoredMail[];
}

export async function getMail(table: TableRef, mailId: string): Promise<StoredMail | undefined> {
  return getEntity<StoredMail>(table, reminderKeys.mail(mailId));
}

export async function getTeamDirectory(table: TableRef): Promise<TeamDirectoryRecord> {
  const item = await getEntity<TeamDirectoryRecord>(table, reminderKeys.teamDirectory());
  if (!item) return { members: {}, updatedAt: null, version: 0 };
  return { members: item.members, updatedAt: item.updatedAt, version: item.version };
}

export function teamDirectoryItem(record: TeamDirectoryRecord): Record<string, unknown> & EntityKey & { version: number } {
  return { ...reminderKeys.teamDirectory(), entity: 'TeamDirectory', ...record };
}
