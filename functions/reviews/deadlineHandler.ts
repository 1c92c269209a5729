/**
 * One-time schedules fire here (EventBridge Scheduler → functions/lambda/deadlineReminder.ts;
 * locally the scheduler loop):
 *  - 'deadlineReminder' (resourceId = a task id): an urgent reminder to the task's owner at an
 *    exact instant (an incident's 72-hour mark, a DSR decision date), if the task is still open;
 *  - 'mailRetry' (resourceId = a mail id): re-sends a failed reminder mail when its backoff ends.
 * Both are idempotent: the reminder key includes the schedule's moment, and its record is written
 * with attribute_not_exists, so a schedule delivered twice sends one mail.
 */
import { isRoleOwner } from '../../domain/reviews/duty';
import { reminderKey, type PlannedReminder } from '../../domain/reviews/sweep';
import { daysBetween, zonedDateOf } from '../../domain/shared/isoDate';
import type { DeadlineSchedule } from '../application/ports';
import { getTenant } from '../platform/tenantStore';
import { getEntity } from '../store/entityModel';
import { dutyKeys, parseTaskId, type StoredDuty, type StoredTask } from './dutyStore';
import { queueAndSend, retryMail, emptyCounts, type DeliveryCounts } from './reminderDelivery';
import { getTeamDirectory } from './reminderStore';
import { effectiveDirectory, jobContextOf } from './reviewsTenant';
import { emitTaskDeadlineEvents } from '../webhooks/deadlineEvents';
import type { SweepDeps } from './sweep';

export const DEADLINE_ACTOR = 'system:deadlineReminder';
export const MAIL_RETRY_ACTOR = 'system:mailRetry';

export interface DeadlineOutcome {
  handled: boolean;
  reason: 'sent' | 'alreadySent' | 'taskClosed' | 'notFound' | 'tenantInactive' | 'unknownKind' | 'retried';
  mails: DeliveryCounts;
}

export async function handleDeadline(deps: SweepDeps, schedule: DeadlineSchedule, firedAt: Date): Promise<DeadlineOutcome> {
  const outcome = (reason: DeadlineOutcome['reason'], mails: DeliveryCounts = emptyCounts()): DeadlineOutcome => ({ handled: reason === 'sent' || reason === 'retried', reason, mails });
  const kind = schedule.target.kind;
  if (kind !== 'deadlineReminder' && kind !== 'mailRetry') {
    deps.logger.warn('no handler for deadline kind', { kind, name: schedule.name });
    return outcome('unknownKind');
  }
  const profile = await getTenant(deps.controlPlane, schedule.tenantId);
  if (profile?.status !== 'active') return outcome('tenantInactive');
  if (kind === 'mailRetry') return outcome('retried', await retryMail(deps, await jobContextOf(deps, profile, MAIL_RETRY_ACTOR), schedule.target.resourceId));
  const context = await jobContextOf(deps, profile, DEADLINE_ACTOR);

  const ids = parseTaskId(schedule.target.resourceId);
  if (!ids) return outcome('notFound');
  const task = await getEntity<StoredTask>(context.table, dutyKeys.task(ids.dutyId, ids.dueDate));
  const duty = await getEntity<StoredDuty>(context.table, dutyKeys.duty(ids.dutyId));
  if (!task || !duty) return outcome('notFound');
  // Reported, decided or superseded before the moment came: nothing to remind of.
  if (task.status !== 'open' || duty.retiredOn) return outcome('taskClosed');
  // The exact moment is also a deadline webhook event (24 h / 6 h left, missed), once per threshold.
  await emitTaskDeadlineEvents(context, [task], new Map([[duty.dutyId, duty]]), firedAt);

  const today = zonedDateOf(firedAt, profile.timeZone);
  const members = (await getTeamDirectory(context.table)).members;
  const { directory } = effectiveDirectory(members, isRoleOwner(task.owner) ? [task.owner.role] : [], profile);
  const recipients = isRoleOwner(task.owner)
    ? [...(directory[task.owner.role] ?? [])]
    : [{ name: task.owner.name, email: task.owner.email, locale: task.owner.locale ?? 'zh-TW' as const }];
  const moment = typeof schedule.target.detail?.moment === 'string' ? schedule.target.detail.moment : 'at';
  // The moment and its instant name the step: the same schedule firing twice is one reminder;
  // a deadline moved to a new instant is a new one.
  const stepId = `deadline.${moment}.${schedule.at}`;
  const daysUntilDue = daysBetween(today, task.dueDate);
  const seen = new Set<string>();
  const reminders: PlannedReminder[] = [];
  for (const recipient of recipients) {
    const email = recipient.email.trim().toLowerCase();
    if (seen.has(email)) continue;
    seen.add(email);
    reminders.push({
      reminderKey: reminderKey(task.taskId, stepId, email),
      taskId: task.taskId,
      dutyId: duty.dutyId,
      dutyKind: duty.dutyKind,
      title: duty.title,
      legalBasis: duty.legalBasis,
      dueDate: task.dueDate,
      daysUntilDue,
      step: { id: stepId, offsetDays: -daysUntilDue },
      recipient,
      audience: 'owner',
      escalated: false,
      // A schedule exists because the moment is exact: it never waits for a digest.
      urgent: true,
      sendOn: today,
    });
  }
  const mails = await queueAndSend(deps, context, reminders, emptyCounts(), new Map([[task.taskId, { dueAt: task.dueAt ?? null, resourcePath: task.resourcePath ?? null }]]));
  return outcome(mails.queued > 0 ? 'sent' : 'alreadySent', mails);
}
