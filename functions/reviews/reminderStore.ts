/**
 * Storage of what the reminder pipeline sends, next to the duties and tasks (dutyStore.ts).
 *
 * Access patterns:
 *   reminder already sent? ................ PK=REMINDER#<reminderKey>      SK=REMINDER
 *     (written with attribute_not_exists: the record IS the idempotency — a second sweep of the
 *      same day, or a one-time schedule firing twice, finds it and sends nothing)
 *   a task's reminder history ............. GSI byResource gsi1pk=REMINDERS#<taskId> gsi1sk=<queuedAt>#<reminderKey>
 *   one digest per recipient per day ...... PK=DIGEST#<yyyy-mm-dd>#<email> SK=DIGEST
 *   a queued mail (content + delivery) .... PK=MAIL#<mailId>               SK=MAIL
 *   mails to (re)send by time ............. GSI dueByDate duePk=MAILQ dueSk=<readyAt>#<mailId>
 *     (sparse: only pending/failed mails; dead letters move to duePk=MAILDEAD)
 *   the team directory .................... PK=TEAM                       SK=DIRECTORY
 *   default duties applied? ............... PK=REVIEWS                    SK=DEFAULTS
 */
import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReminderDelivery } from '../../domain/reminders/delivery';
import type { PlannedReminder, ReminderRecipient, RoleDirectory } from '../../domain/reviews/sweep';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { TransactItem } from '../store/auditedCommit';
import { tenantTableIndexes } from '../store/tableDesign';
import { dutyKeys } from './dutyStore';

export const reminderKeys = {
  reminder: dutyKeys.reminder,
  digest: (day: IsoDate, email: string) => ({ pk: `DIGEST#${day}#${email.trim().toLowerCase()}`, sk: 'DIGEST' }),
  mail: (mailId: string) => ({ pk: `MAIL#${mailId}`, sk: 'MAIL' }),
  teamDirectory: () => ({ pk: 'TEAM', sk: 'DIRECTORY' }),
  defaultsApplied: () => ({ pk: 'REVIEWS', sk: 'DEFAULTS' }),
};

export const MAIL_QUEUE_PARTITION = 'MAILQ';
export const MAIL_DEAD_PARTITION = 'MAILDEAD';

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

export function reminderRecordItem(record: ReminderRecord): Record<string, unknown> {
  return {
    ...reminderKeys.reminder(record.reminderKey),
    entity: 'ReminderRecord',
    ...record,
    gsi1pk: `REMINDERS#${record.taskId}`,
    gsi1sk: `${record.queuedAt}#${record.reminderKey}`,
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

export function mailItem(mail: StoredMail): Record<string, unknown> & { pk: string; sk: string; version: number } {
  const item: Record<string, unknown> & { pk: string; sk: string; version: number } = { ...reminderKeys.mail(mail.mailId), entity: 'ReminderMail', ...mail };
  const ready = readyAt(mail.delivery);
  if (ready !== null) {
    item.duePk = MAIL_QUEUE_PARTITION;
    item.dueSk = `${ready}#${mail.mailId}`;
  } else if (mail.delivery.status === 'deadLetter') {
    item.duePk = MAIL_DEAD_PARTITION;
    item.dueSk = `${mail.delivery.lastAttemptAt}#${mail.mailId}`;
  }
  return item;
}

export function createOnlyPut(tableName: string, item: Record<string, unknown>): TransactItem {
  return { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
}

export function versionedPut(tableName: string, item: Record<string, unknown>, expectedVersion: number): TransactItem {
  return { Put: { TableName: tableName, Item: item, ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } } };
}

/** BatchGetItem in chunks of 100, re-asking for unprocessed keys; returns the items found. */
export async function batchGetItems(doc: DynamoDBDocumentClient, tableName: string, keys: readonly { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
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

/** Every page of a Query, for the background jobs (the API pages with queryPage instead). */
export async function queryAll(doc: DynamoDBDocumentClient, input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Mails whose (re)send time has come, oldest first. */
export async function mailsReadyToSend(doc: DynamoDBDocumentClient, tableName: string, now: Date): Promise<StoredMail[]> {
  const index = tenantTableIndexes.dueByDate;
  const items = await queryAll(doc, {
    TableName: tableName,
    IndexName: index.name,
    KeyConditionExpression: '#pk = :pk AND #sk <= :now',
    ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
    ExpressionAttributeValues: { ':pk': MAIL_QUEUE_PARTITION, ':now': `${now.toISOString()}#~` },
  });
  return items as unknown as StoredMail[];
}

export async function getMail(doc: DynamoDBDocumentClient, tableName: string, mailId: string): Promise<StoredMail | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: reminderKeys.mail(mailId), ConsistentRead: true }));
  return Item as StoredMail | undefined;
}

export async function getTeamDirectory(doc: DynamoDBDocumentClient, tableName: string): Promise<TeamDirectoryRecord> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: reminderKeys.teamDirectory(), ConsistentRead: true }));
  if (!Item) return { members: {}, updatedAt: null, version: 0 };
  return { members: Item.members as RoleDirectory, updatedAt: Item.updatedAt as string, version: Item.version as number };
}

export function teamDirectoryItem(record: TeamDirectoryRecord): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return { ...reminderKeys.teamDirectory(), entity: 'TeamDirectory', ...record };
}
