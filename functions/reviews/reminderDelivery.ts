/**
 * From planned reminders to e-mails that cannot be lost or doubled:
 *  1. queue — one audited transaction writes the mail (content + delivery state), a record per
 *     reminder key (attribute_not_exists: a reminder already recorded cancels the transaction, so
 *     a second run sends nothing) and, for a daily digest, the recipient's digest-of-the-day marker;
 *  2. send — through the configured MailTransport;
 *  3. record — sent (with the provider's message id) or failed with the next retry time
 *     (domain/reminders/delivery.ts backoff). A failed mail stays queued on the MAILQ partition;
 *     a one-time schedule (kind 'mailRetry') and every daily sweep re-send it when due.
 * A crash between 2 and 3 leaves the mail pending, so it is sent again: at least once, never zero.
 */
import { groupIntoDigests, buildReminderMessage, escalationsOf, type ReminderDigest, type ReminderMessageConfig, type ReminderTaskFacts } from '../../domain/reminders/digest';
import { isReadyToSend, queueDelivery, recordSendFailure, recordSendSuccess, type ReminderDelivery } from '../../domain/reminders/delivery';
import { toRfc5322 } from '../../domain/reminders/rfc5322';
import type { PlannedReminder } from '../../domain/reviews/sweep';
import type { AppDeps } from '../http/appDeps';
import { PermanentMailError, type MailTransport } from '../mail/mailTransport';
import type { TenantCommandContext } from '../application/commandContext';
import { AlreadyExistsError, StaleVersionError } from '../application/failures';
import { commitChange } from '../application/versionedChange';
import type { AuditedChange, TransactItem } from '../store/auditedCommit';
import { putEntityWrite } from '../store/entityModel';
import { newUlid } from '../store/ids';
import { digestMarkerItem, getMail, mailItem, mailsReadyToSend, reminderRecordItem, reminderRecordOf, type StoredMail } from './reminderStore';

export type DeliveryDeps = Pick<AppDeps, 'clock' | 'mailer' | 'deadlineScheduler' | 'logger' | 'config'>;

export interface DeliveryCounts {
  /** Mails queued by this call. */
  queued: number;
  /** Reminder keys recorded (one mail carries one or more). */
  reminders: number;
  sent: number;
  failed: number;
  deadLettered: number;
  /** Mails skipped because another run had already recorded their reminders. */
  duplicates: number;
}

export const emptyCounts = (): DeliveryCounts => ({ queued: 0, reminders: 0, sent: 0, failed: 0, deadLettered: 0, duplicates: 0 });

/** A transaction holds 100 items; each mail also needs its audit event, and the chain head one more. */
const MAX_WRITES_PER_COMMIT = 90;
/** A digest larger than this is split, so one mail and its records always fit one transaction. */
const MAX_REMINDERS_PER_MAIL = 80;

export function messageConfig(deps: Pick<AppDeps, 'config'>): ReminderMessageConfig {
  return { consoleBaseUrl: deps.config.consoleBaseUrl };
}

function splitDigest(digest: ReminderDigest): ReminderDigest[] {
  if (digest.reminders.length <= MAX_REMINDERS_PER_MAIL) return [digest];
  const parts: ReminderDigest[] = [];
  for (let i = 0; i < digest.reminders.length; i += MAX_REMINDERS_PER_MAIL) parts.push({ ...digest, reminders: digest.reminders.slice(i, i + MAX_REMINDERS_PER_MAIL) });
  return parts;
}

interface PreparedMail {
  mail: StoredMail;
  writes: TransactItem[];
  change: AuditedChange;
}

/** What the mail text needs beyond the planned reminders: the tasks' exact deadlines and resources, and who was escalated to. */
export interface ReminderRunFacts {
  tasks?: ReadonlyMap<string, ReminderTaskFacts>;
  escalatedTo: ReadonlySet<string>;
}

function prepare(deps: DeliveryDeps, context: TenantCommandContext, digest: ReminderDigest, now: Date, facts: ReminderRunFacts): PreparedMail {
  const message = buildReminderMessage(digest, messageConfig(deps), {
    companyName: context.profile.companyName,
    timeZone: context.profile.timeZone,
    escalatedTo: facts.escalatedTo,
    ...(facts.tasks ? { tasks: facts.tasks } : {}),
  });
  const mailId = `mail_${newUlid(now.getTime())}`;
  const queuedAt = now.toISOString();
  const messageId = `${mailId}.${context.tenantId}@${deps.mailer.messageIdDomain}`;
  const mail: StoredMail = {
    mailId,
    tenantId: context.tenantId,
    messageId,
    to: digest.recipient,
    subject: message.subject,
    text: message.text,
    html: message.html,
    date: queuedAt,
    reminderKeys: message.reminderKeys,
    taskIds: [...new Set(digest.reminders.map((r) => r.taskId))],
    urgent: digest.urgent,
    delivery: queueDelivery(queuedAt),
    version: 1,
  };
  const { tableName } = context.table;
  const writes: TransactItem[] = [putEntityWrite(tableName, mailItem(mail), null)];
  for (const reminder of digest.reminders) writes.push(putEntityWrite(tableName, reminderRecordItem(reminderRecordOf(reminder, { mailId, messageId, queuedAt })), null));
  // The digest marker makes "one digest per recipient per day" a conditional write, not a hope.
  if (!digest.urgent) writes.push(putEntityWrite(tableName, digestMarkerItem(digest.day, digest.recipient.email, mailId), null));
  return {
    mail,
    writes,
    change: { action: 'reminder.queue', resourceType: 'reminderMail', resourceId: mailId, before: null, after: { mailId, reminderKeys: mail.reminderKeys, taskIds: mail.taskIds, urgent: mail.urgent, day: digest.day } },
  };
}

/** Packs mails into as few audited transactions as fit; a conflicting batch is retried mail by mail. */
async function commitQueued(context: TenantCommandContext, prepared: PreparedMail[], counts: DeliveryCounts): Promise<StoredMail[]> {
  const committed: StoredMail[] = [];
  const batches: PreparedMail[][] = [];
  let current: PreparedMail[] = [];
  let size = 0;
  for (const entry of prepared) {
    const cost = entry.writes.length + 1;
    if (current.length > 0 && size + cost > MAX_WRITES_PER_COMMIT) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(entry);
    size += cost;
  }
  if (current.length > 0) batches.push(current);

  const commit = (batch: PreparedMail[]) =>
    commitChange(context, { changes: batch.map((entry) => entry.change), writes: batch.flatMap((entry) => entry.writes) }, 'create');

  for (const batch of batches) {
    try {
      await commit(batch);
      committed.push(...batch.map((entry) => entry.mail));
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      for (const entry of batch) {
        try {
          await commit([entry]);
          committed.push(entry.mail);
        } catch (single) {
          if (!(single instanceof AlreadyExistsError)) throw single;
          // Another run recorded these reminders (or today's digest) first: it sends them.
          counts.duplicates += 1;
        }
      }
    }
  }
  return committed;
}

export function rawMessage(transport: MailTransport, mail: StoredMail, timeZone: string): string {
  return toRfc5322({ to: { name: mail.to.name, email: mail.to.email }, subject: mail.subject, text: mail.text, html: mail.html }, { from: transport.from, messageId: mail.messageId, date: mail.date, timeZone });
}

/** Schedule names: [0-9A-Za-z-_.], at most 64 characters. */
export function mailRetryScheduleName(tenantId: string, mailId: string): string {
  return `mr.${tenantId.replace(/^tn_/, '')}.${mailId.replace(/^mail_/, '')}`;
}

/** Sends the given mails and records each outcome (batched, audited). */
export async function sendMails(deps: DeliveryDeps, context: TenantCommandContext, mails: StoredMail[], counts: DeliveryCounts, readyBy: Date = deps.clock()): Promise<void> {
  const tenant = { tenantId: context.tenantId, timeZone: context.profile.timeZone };
  const updates: { before: StoredMail; after: StoredMail }[] = [];
  for (const mail of mails) {
    const attemptAt = deps.clock().toISOString();
    // An "as of" run may be ahead of the clock: readiness follows the run's date.
    if (!isReadyToSend(mail.delivery, readyBy > new Date(attemptAt) ? readyBy.toISOString() : attemptAt)) continue;
    let delivery: ReminderDelivery;
    try {
      const result = await deps.mailer.send({ mailId: mail.mailId, tenantId: tenant.tenantId, messageId: mail.messageId, to: mail.to.email, raw: rawMessage(deps.mailer, mail, tenant.timeZone) });
      delivery = recordSendSuccess(mail.delivery, attemptAt, result.providerMessageId);
      counts.sent += 1;
    } catch (error) {
      const message = `${(error as Error).name}: ${(error as Error).message}`.slice(0, 1000);
      delivery = recordSendFailure(mail.delivery, attemptAt, message, { permanent: error instanceof PermanentMailError });
      if (delivery.status === 'deadLetter') counts.deadLettered += 1;
      else counts.failed += 1;
      deps.logger.warn('reminder mail failed', { tenantId: tenant.tenantId, mailId: mail.mailId, status: delivery.status, attempts: delivery.attempts, error: message });
    }
    updates.push({ before: mail, after: { ...mail, delivery, version: mail.version + 1 } });
  }
  for (let i = 0; i < updates.length; i += 40) {
    const batch = updates.slice(i, i + 40);
    try {
      await commitChange(context, {
        changes: batch.map(({ before, after }) => ({ action: `reminderMail.${after.delivery.status}`, resourceType: 'reminderMail', resourceId: after.mailId, before: before.delivery, after: after.delivery })),
        writes: batch.map(({ before, after }) => putEntityWrite(context.table.tableName, mailItem(after), before.version)),
      });
    } catch (error) {
      // A concurrent retry recorded the outcome of the same mail; its record stands.
      if (!(error instanceof StaleVersionError)) throw error;
    }
  }
  for (const { after } of updates) {
    if (after.delivery.status !== 'failed') continue;
    // The exact retry moment; the daily sweep's retry pass is the safety net if this fails.
    await deps.deadlineScheduler
      .upsert({ name: mailRetryScheduleName(tenant.tenantId, after.mailId), tenantId: tenant.tenantId, at: after.delivery.nextAttemptAt, target: { kind: 'mailRetry', resourceId: after.mailId } })
      .catch((error: Error) => deps.logger.error('mail retry not scheduled', { tenantId: tenant.tenantId, mailId: after.mailId, error: error.message }));
  }
}

/**
 * Queues the reminders as mails (urgent alone, the rest one digest per recipient) and sends them.
 * `tasks`: the stored tasks' exact deadlines and resource paths, for the time and the console link.
 */
export async function queueAndSend(
  deps: DeliveryDeps,
  context: TenantCommandContext,
  reminders: readonly PlannedReminder[],
  counts: DeliveryCounts = emptyCounts(),
  tasks?: ReadonlyMap<string, ReminderTaskFacts>,
): Promise<DeliveryCounts> {
  if (reminders.length === 0) return counts;
  // Read off the whole run: the convener's reminder may sit in another recipient's digest.
  const facts: ReminderRunFacts = { escalatedTo: escalationsOf(reminders), ...(tasks ? { tasks } : {}) };
  const now = deps.clock();
  const digests = groupIntoDigests(reminders).flatMap(splitDigest);
  const ordered = [...digests.filter((d) => d.urgent), ...digests.filter((d) => !d.urgent)];
  const prepared = ordered.map((digest, index) => prepare(deps, context, digest, new Date(now.getTime() + index), facts));
  const committed = await commitQueued(context, prepared, counts);
  counts.queued += committed.length;
  counts.reminders += committed.reduce((sum, mail) => sum + mail.reminderKeys.length, 0);
  await sendMails(deps, context, committed, counts);
  return counts;
}

/** The retry pass: every queued or failed mail of the tenant whose time has come. */
export async function retryDueMails(deps: DeliveryDeps, context: TenantCommandContext, now: Date, counts: DeliveryCounts = emptyCounts()): Promise<DeliveryCounts> {
  const due = await mailsReadyToSend(context.table, now);
  if (due.length > 0) await sendMails(deps, context, due, counts, now);
  return counts;
}

/** One mail, when its retry schedule fires. */
export async function retryMail(deps: DeliveryDeps, context: TenantCommandContext, mailId: string): Promise<DeliveryCounts> {
  const counts = emptyCounts();
  const mail = await getMail(context.table, mailId);
  if (mail) await sendMails(deps, context, [mail], counts);
  return counts;
}
