/**
 * How an incident makes the product chase its deadlines, through the one deadline contract
 * (reviews/chaseDeadline.ts): the report to the authority (hours from the incident's regime) is a one-time duty with an open task, and each
 * reminder moment is an exact one-time schedule that fires through the reviews pipeline (kind
 * 'deadlineReminder', resourceId = the task id). Corrective actions are chased by
 * correctiveActions/correctiveActionDeadlines.ts (shared with assessment findings).
 */
import {
  notificationReminders,
  regulatorDeadline,
  reportHoursOf,
  type Incident,
  type ReminderKind,
} from '../../domain/incident';
import { zonedDateOf } from '../../domain/shared/isoDate';
import { dutyIdFor, type DutyOwner } from '../../domain/reviews/duty';
import { incidentNotificationDuty } from '../../domain/reviews/oneTimeDuty';
import { taskIdFor } from '../../domain/reviews/reviewTask';
import type { TenantCommandContext } from '../application/commandContext';
import { chaseDeadline, noDeadlineChanges, type DeadlineChanges, type DeadlineContext, type DeadlineReminder } from '../reviews/chaseDeadline';
import type { DeadlineSpec } from '../reviews/dutyStore';
import { notificationPending, type StoredIncident } from './incidentStore';

export const NOTIFICATION_DUTY_KIND = 'incidentAuthorityNotification';

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

/**
 * The report to the authority as a one-time deadline: due on the local date the report period
 * ends, at that exact instant. Hours, authority and legal basis come from the incident's regime
 * (the tenant's rule set, or the 2025 amendment), not from a constant.
 */
export function notificationDeadlineSpec(incident: Pick<StoredIncident, 'id' | 'discoveredAt' | 'incidentContact' | 'regime'>, timeZone: string): DeadlineSpec {
  const dueAt = regulatorDeadline(incident);
  const hours = reportHoursOf(incident);
  const report = incident.regime?.report;
  const authority = report?.authority ?? { zhTW: '主管機關', en: 'the authority' };
  const provisional = report?.provisional ? { zhTW: '（暫定）', en: ' (provisional)' } : { zhTW: '', en: '' };
  return {
    dutyKind: NOTIFICATION_DUTY_KIND,
    subject: { kind: 'incident', id: incident.id },
    title: { zhTW: `個資事故${hours}小時內通報${authority.zhTW}${provisional.zhTW}`, en: `Report the incident to ${authority.en} within ${hours} hours${provisional.en}` },
    legalBasis: report
      ? { zhTW: `${report.legalBasis.zhTW}；格式：${report.form.zhTW}；未於時限內通報者應附遲延理由`, en: `${report.legalBasis.en}; form: ${report.form.en}; a late report must give its reasons` }
      : incidentNotificationDuty(incident.id, incident.discoveredAt, timeZone, notificationOwner(incident)).legalBasis,
    dueDate: zonedDateOf(dueAt, timeZone),
    owner: notificationOwner(incident),
    source: 'incident',
    urgent: true,
    dueAt,
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
    const deadline = regulatorDeadline(incident);
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

export function notificationTaskId(incident: Pick<StoredIncident, 'id' | 'discoveredAt' | 'incidentContact' | 'regime'>, timeZone: string): string {
  return taskIdFor(notificationDutyId(incident.id), notificationDeadlineSpec(incident, timeZone).dueDate);
}
