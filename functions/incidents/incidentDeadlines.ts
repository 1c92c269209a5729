/**
 * How an incident makes the product chase its deadlines: the 72-hour report is a one-time duty
 * with an open task (dutyStore), and each reminder moment is an exact one-time schedule that
 * fires through the reviews pipeline (kind 'deadlineReminder', resourceId = the task id). Each
 * corrective action is a date-only one-time duty the daily sweep chases.
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
import type { AppDeps, DeadlineSchedule } from '../http/appDeps';
import { taskItem, type DeadlineSpec, type StoredTask } from '../reviews/dutyStore';
import type { TransactItem } from '../store/auditedCommit';
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
 * The schedules an incident needs now. Moments still ahead are scheduled at their exact instant.
 * The "at discovery" alert is usually already past when the incident is recorded; it is then
 * scheduled for `now` so it still goes out at once (a one-time schedule cannot be set in the past).
 * Other past moments are dropped: a "24 h left" mail when 2 h are left would mislead, and the
 * open task keeps the deadline visible to the sweep. Nothing is scheduled once the report is
 * made, ruled out, or the incident closed.
 */
export function plannedReminderSchedules(tenantId: string, incident: Incident, taskId: string, now: Date): DeadlineSchedule[] {
  if (!notificationPending(incident)) return [];
  const deadline = regulatorDeadline(incident.discoveredAt);
  const schedules: DeadlineSchedule[] = [];
  for (const reminder of notificationReminders(incident)) {
    const future = Date.parse(reminder.at) >= now.getTime();
    if (!future && reminder.kind !== 'discovered') continue;
    schedules.push({
      name: reminderScheduleName(tenantId, incident.id, reminder.kind),
      tenantId,
      at: future ? reminder.at : now.toISOString(),
      target: { kind: 'deadlineReminder', resourceId: taskId, detail: { moment: reminder.kind, incidentId: incident.id, deadline } },
    });
  }
  return schedules;
}

/**
 * Upserts the planned schedules and removes the incident's others (a reminder that no longer
 * applies, e.g. the media advice after mediaReported was corrected). Runs after the commit: a
 * schedule never points at a task that was not written. A scheduler failure is logged rather
 * than failing the committed request; the open task stays in the daily sweep either way.
 */
export async function syncReminderSchedules(deps: AppDeps, tenantId: string, incident: Incident, taskId: string | null, now: Date, requestId: string): Promise<DeadlineSchedule[]> {
  const planned = taskId === null ? [] : plannedReminderSchedules(tenantId, incident, taskId, now);
  const keep = new Set(planned.map((schedule) => schedule.name));
  try {
    for (const schedule of planned) await deps.deadlineScheduler.upsert(schedule);
    for (const moment of allMoments) {
      const name = reminderScheduleName(tenantId, incident.id, moment);
      if (!keep.has(name)) await deps.deadlineScheduler.remove(name);
    }
  } catch (error) {
    deps.logger.error('incident reminder schedules not synced', { requestId, tenantId, incidentId: incident.id, error: (error as Error).message });
  }
  return planned;
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

/** Reopens a completed one-time task in place (an action whose verification failed goes back to work). */
export function reopenTaskWrite(tableName: string, task: StoredTask): TransactItem {
  const reopened: StoredTask = { ...task, status: 'open', completion: null, skip: null, version: task.version + 1 };
  return {
    Put: {
      TableName: tableName,
      Item: taskItem(reopened),
      ConditionExpression: '#v = :v',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':v': task.version },
    },
  };
}
