/**
 * How an incident makes the product chase its deadlines, through the one deadline contract
 * (reviews/chaseDeadline.ts): the 72-hour report is a one-time duty with an open task, and each
 * reminder moment is an exact one-time schedule that fires through the reviews pipeline (kind
 * 'deadlineReminder', resourceId = the task id). Each corrective action is a date-only one-time
 * duty the daily sweep chases.
 */
import {
  notificationReminders,
  regulatorDeadline,
  type CorrectiveAction,
  type Incident,
  type ReminderKind,
} from '../../domain/incident';
import { dutyIdFor, type DutyOwner, type DutySubject } from '../../domain/reviews/duty';
import { incidentNotificationDuty } from '../../domain/reviews/oneTimeDuty';
import { taskIdFor } from '../../domain/reviews/reviewTask';
import type { TenantCommandContext } from '../application/commandContext';
import { chaseDeadline, noDeadlineChanges, type DeadlineChanges, type DeadlineContext, type DeadlineReminder } from '../reviews/chaseDeadline';
import { dutyKeys, taskItem, type DeadlineSpec, type StoredTask } from '../reviews/dutyStore';
import { getEntity, putEntityWrite } from '../store/entityModel';
import { notificationPending, type StoredIncident } from './incidentStore';

export const NOTIFICATION_DUTY_KIND = 'incidentAuthorityNotification';
export const CORRECTIVE_ACTION_DUTY_KIND = 'correctiveAction';

/** Short codes keep schedule names within EventBridge Scheduler's 64 characters. */
const momentCodes: Record<ReminderKind, string> = {
  discovered: 'd0',
  advisedDeadline: 'adv',
  '24hLeft': 'l24',
  '6hLeft': 'l6',
  deadline: 'dl',
};
const allMoments = Object.keys(momentCodes) as ReminderKind[];

/** Deterministic, so moving or cancelling a reminder addresses the same schedule; unique across tenants. */
export function reminderScheduleName(tenantId: string, incidentId: string, moment: ReminderKind): string {
  return `inc.${tenantId.replace(/^tn_/, '')}.${incidentId.replace(/^inc_/, '')}.${momentCodes[moment]}`;
}

/** The privacy officer answers for the report unless the plan names an incident contact. */
export function notificationOwner(incident: Pick<StoredIncident, 'incidentContact'>): DutyOwner {
  return incident.incidentContact ?? { role: 'privacyOfficer' };
}

export function incidentResourcePath(incidentId: string): string {
  return `/v1/incidents/${incidentId}`;
}

/** The 72-hour report as a one-time deadline: due on the local date the 72 hours end, at that exact instant. */
export function notificationDeadlineSpec(incident: Pick<StoredIncident, 'id' | 'discoveredAt' | 'incidentContact'>, timeZone: string): DeadlineSpec {
  const duty = incidentNotificationDuty(incident.id, incident.discoveredAt, timeZone, notificationOwner(incident));
  return {
    dutyKind: NOTIFICATION_DUTY_KIND,
    subject: duty.subject,
    title: duty.title,
    legalBasis: duty.legalBasis,
    dueDate: duty.anchorDate,
    owner: duty.owner,
    source: 'incident',
    urgent: true,
    dueAt: regulatorDeadline(incident.discoveredAt),
    resourcePath: incidentResourcePath(incident.id),
  };
}

export function notificationDutyId(incidentId: string): string {
  return dutyIdFor(NOTIFICATION_DUTY_KIND, { kind: 'incident', id: incidentId });
}

/**
 * The reminders an incident needs now. Moments still ahead are scheduled at their exact instant.
 * The "at discovery" alert is usually already past when the incident is recorded; it is then
 * scheduled for `now` so it still goes out at once (a one-time schedule cannot be set in the past).
 * Other past moments are dropped: a "24 h left" mail when 2 h are left would mislead, and the
 * open task keeps the deadline visible to the sweep. Nothing is scheduled once the report is
 * made, ruled out, or the incident closed. `removeReminders` names the incident's other
 * moments (e.g. the media advice after mediaReported was corrected).
 */
export function plannedReminders(tenantId: string, incident: Incident, now: Date): { reminders: DeadlineReminder[]; removeReminders: string[] } {
  const reminders: DeadlineReminder[] = [];
  if (notificationPending(incident)) {
    const deadline = regulatorDeadline(incident.discoveredAt);
    for (const reminder of notificationReminders(incident)) {
      const future = Date.parse(reminder.at) >= now.getTime();
      if (!future && reminder.kind !== 'discovered') continue;
      reminders.push({
        name: reminderScheduleName(tenantId, incident.id, reminder.kind),
        at: future ? reminder.at : now.toISOString(),
        detail: { moment: reminder.kind, incidentId: incident.id, deadline },
      });
    }
  }
  const keep = new Set(reminders.map((reminder) => reminder.name));
  return { reminders, removeReminders: allReminderNames(tenantId, incident.id).filter((name) => !keep.has(name)) };
}

function allReminderNames(tenantId: string, incidentId: string): string[] {
  return allMoments.map((moment) => reminderScheduleName(tenantId, incidentId, moment));
}

/** What chaseDeadline needs of a command: the table, the tenant, who acts and when. */
export function deadlineContextOf(context: TenantCommandContext, as: { actorId?: string; at?: string } = {}): DeadlineContext {
  return { table: context.table, tenantId: context.tenantId, actorId: as.actorId ?? context.actor.actorId, now: as.at === undefined ? context.clock() : new Date(as.at) };
}

/** Sets (or moves) the 72-hour deadline and its reminders. */
export async function setNotificationDeadline(context: TenantCommandContext, stored: StoredIncident, incident: Incident): Promise<DeadlineChanges> {
  return chaseDeadline(deadlineContextOf(context), {
    kind: 'set',
    spec: notificationDeadlineSpec(stored, context.profile.timeZone),
    ...plannedReminders(context.tenantId, incident, context.clock()),
  });
}

/**
 * Only the reminder moments changed (the media advice), not the deadline: the duty and its open
 * task stay as they are, the schedules follow. chaseDeadline's 'set' would rewrite the duty, so
 * the schedules are built here in the shape it gives them.
 */
export function rescheduleNotificationReminders(context: TenantCommandContext, stored: StoredIncident, incident: Incident): DeadlineChanges {
  const taskId = notificationTaskId(stored, context.profile.timeZone);
  const { reminders, removeReminders } = plannedReminders(context.tenantId, incident, context.clock());
  const changes = noDeadlineChanges();
  changes.schedules.upserts.push(...reminders.map((reminder) => ({ name: reminder.name, tenantId: context.tenantId, at: reminder.at, target: { kind: 'deadlineReminder', resourceId: taskId, detail: reminder.detail } })));
  changes.schedules.removals.push(...removeReminders);
  return changes;
}

/**
 * The 72-hour deadline is settled: met by the report (at the instant it was sent), or dropped
 * (ruled not applicable, or the incident closed). No reminder may fire after that.
 */
export async function settleNotificationDeadline(
  context: TenantCommandContext,
  incidentId: string,
  how: { kind: 'met'; at: string; notes: string } | { kind: 'dropped'; reason: string },
): Promise<DeadlineChanges> {
  const dutyId = notificationDutyId(incidentId);
  const removeReminders = allReminderNames(context.tenantId, incidentId);
  return how.kind === 'met'
    ? chaseDeadline(deadlineContextOf(context, { at: how.at }), { kind: 'met', dutyId, notes: how.notes, removeReminders })
    : chaseDeadline(deadlineContextOf(context), { kind: 'dropped', dutyId, reason: how.reason, removeReminders });
}

export function notificationTaskId(incident: Pick<StoredIncident, 'id' | 'discoveredAt' | 'incidentContact'>, timeZone: string): string {
  return taskIdFor(notificationDutyId(incident.id), notificationDeadlineSpec(incident, timeZone).dueDate);
}

/** One duty per action: the subject is the incident, narrowed to the action. */
function correctiveActionSubject(action: Pick<CorrectiveAction, 'id' | 'incidentId'>): DutySubject {
  return { kind: 'incident', id: `${action.incidentId}/${action.id}` };
}

/** A corrective action as a date-only one-time duty, so the daily sweep chases its due date. */
export function correctiveActionDeadlineSpec(action: Pick<CorrectiveAction, 'id' | 'incidentId' | 'title' | 'owner' | 'dueDate'>): DeadlineSpec {
  return {
    dutyKind: CORRECTIVE_ACTION_DUTY_KIND,
    subject: correctiveActionSubject(action),
    title: { zhTW: `矯正預防措施：${action.title}`, en: `Corrective or preventive action: ${action.title}` },
    legalBasis: {
      zhTW: '個人資料檔案安全維護計畫：事故發生後應檢討原因並採取矯正預防措施，於期限內完成並確認其有效性',
      en: 'Security maintenance plan: after an incident, review the cause and complete corrective and preventive actions by their due dates, then verify their effectiveness',
    },
    dueDate: action.dueDate,
    // The action's owner is a free-text name; reminders go by e-mail only when it is an address.
    owner: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(action.owner) ? { name: action.owner, email: action.owner } : { role: 'privacyOfficer' },
    source: 'incident',
    urgent: false,
    dueAt: null,
    resourcePath: `${incidentResourcePath(action.incidentId)}/corrective-actions`,
  };
}

export function correctiveActionDutyId(action: Pick<CorrectiveAction, 'id' | 'incidentId'>): string {
  return dutyIdFor(CORRECTIVE_ACTION_DUTY_KIND, correctiveActionSubject(action));
}

/**
 * Verification failed and the action is back to work: its completed task is reopened in place so
 * the sweep chases the same due date again. chaseDeadline has no "reopen" intent ('set' would
 * create a new task where the completed one still stands), so this stays here.
 */
export async function reopenCorrectiveActionDeadline(context: TenantCommandContext, action: Pick<CorrectiveAction, 'id' | 'incidentId' | 'dueDate'>): Promise<DeadlineChanges> {
  const changes = noDeadlineChanges();
  const dutyId = correctiveActionDutyId(action);
  const task = await getEntity<StoredTask>(context.table, dutyKeys.task(dutyId, action.dueDate));
  if (!task || task.status !== 'done') return changes;
  const reopened: StoredTask = { ...task, status: 'open', completion: null, skip: null, version: task.version + 1 };
  changes.writes.push(putEntityWrite(context.table.tableName, taskItem(reopened), task.version));
  changes.changes.push({ action: 'duty.reopen', resourceType: 'duty', resourceId: dutyId, before: { status: 'done' }, after: { status: 'open' } });
  return changes;
}

/** Sets a corrective action's due date as a deadline. */
export async function setCorrectiveActionDeadline(context: TenantCommandContext, action: Parameters<typeof correctiveActionDeadlineSpec>[0]): Promise<DeadlineChanges> {
  return chaseDeadline(deadlineContextOf(context), { kind: 'set', spec: correctiveActionDeadlineSpec(action) });
}

/** The action is done: its task is met, by whoever the transition names, at its instant. */
export async function meetCorrectiveActionDeadline(context: TenantCommandContext, action: Pick<CorrectiveAction, 'id' | 'incidentId'>, done: { by: string; at: string; note?: string }): Promise<DeadlineChanges> {
  return chaseDeadline(deadlineContextOf(context, { actorId: done.by, at: done.at }), { kind: 'met', dutyId: correctiveActionDutyId(action), notes: done.note ?? '' });
}
