/**
 * The daily sweep decision: which reminders to send today and which occurrences to open.
 * Pure: the caller loads duties and tasks, passes the keys of reminders already queued,
 * and stores/sends what comes back.
 *
 * Cadence per open task: 30, 7 and 1 day before the due date, on the due date, then every
 * 7 days while overdue (7, 14, 21 … days after). From the 14-days-overdue step on, the
 * convener (召集人) and the representative (代表人) also receive it (plan §1(1) roles).
 *
 * Idempotent: every reminder has a key (taskId + step + recipient); keys already sent are
 * skipped, so running the sweep twice for one day sends nothing twice. A late sweep sends only
 * the most recent step that has fallen due for a task, never the older ones it missed.
 */
import { z } from 'zod';
import { addDays, daysBetween, type IsoDate } from '../shared/isoDate';
import type { Locale, LocalizedText } from '../shared/localizedText';
import { ESCALATION_ROLES, isRoleOwner, localeSchema, type Duty, type DutyOwner } from './duty';
import { occurrencesBetween, openTask, type ReviewTask } from './reviewTask';

/** How far ahead tasks are loaded and opened: the first reminder goes out 30 days before. */
export const SWEEP_HORIZON_DAYS = 30;
/** Days overdue from which reminders are escalated to the convener and representative. */
export const ESCALATION_AFTER_DAYS_OVERDUE = 14;

export const reminderRecipientSchema = z
  .object({
    name: z.string().min(1).max(200).describe('Display name'),
    email: z.email().describe('E-mail address'),
    locale: localeSchema,
  })
  .strict();
export type ReminderRecipient = z.infer<typeof reminderRecipientSchema>;

/** Team members by role (convener, representative, privacyOfficer, …). */
export const roleDirectorySchema = z.record(z.string().min(1), z.array(reminderRecipientSchema)).describe('Recipients per team role');
export type RoleDirectory = Readonly<Record<string, readonly ReminderRecipient[]>>;

/** A cadence step: days relative to the due date (negative before, positive overdue). */
export interface CadenceStep {
  id: string;
  offsetDays: number;
}

function stepAt(offsetDays: number): CadenceStep {
  if (offsetDays < 0) return { id: `before${-offsetDays}`, offsetDays };
  if (offsetDays === 0) return { id: 'dueDay', offsetDays };
  return { id: `overdue${offsetDays}`, offsetDays };
}

const BEFORE_DUE_OFFSETS = [-30, -7, -1, 0] as const;

/**
 * The most recent cadence step that has fallen due `daysPastDue` days after the due date
 * (negative = days before it), or null before the first step (more than 30 days ahead).
 */
export function latestCadenceStep(daysPastDue: number): CadenceStep | null {
  if (daysPastDue >= 7) return stepAt(Math.floor(daysPastDue / 7) * 7);
  let latest: CadenceStep | null = null;
  for (const offset of BEFORE_DUE_OFFSETS) if (offset <= daysPastDue) latest = stepAt(offset);
  return latest;
}

/** Whether a step is one of the exact cadence days (30/7/1 before, due day, weekly after). */
export function isCadenceDay(daysPastDue: number): boolean {
  return latestCadenceStep(daysPastDue)?.offsetDays === daysPastDue;
}

export function reminderKey(taskId: string, stepId: string, email: string): string {
  return `${taskId}|${stepId}|${email.trim().toLowerCase()}`;
}

export interface PlannedReminder {
  reminderKey: string;
  taskId: string;
  dutyId: string;
  dutyKind: string;
  title: LocalizedText;
  legalBasis: LocalizedText;
  dueDate: IsoDate;
  /** Positive = days left, 0 = due today, negative = days overdue, as of the sweep date. */
  daysUntilDue: number;
  step: CadenceStep;
  recipient: ReminderRecipient;
  /** 'escalation' when the recipient is the convener/representative rather than the owner. */
  audience: 'owner' | 'escalation';
  /** True from 14 days overdue: the wording says it has been escalated. */
  escalated: boolean;
  /** Urgent duties (incident 72-hour marks) are sent at once, not in the daily digest. */
  urgent: boolean;
  sendOn: IsoDate;
}

export interface UnresolvedRecipient {
  taskId: string;
  audience: 'owner' | 'escalation';
  roles: string[];
}

export interface SweepInput {
  asOf: IsoDate;
  /** Active and retired duties the tasks belong to (retired ones get no reminders). */
  duties: readonly Duty[];
  /** Tasks with dueDate ≤ asOf + 30 days, any status. */
  tasksDueUpTo: readonly ReviewTask[];
  /** Keys of reminders already sent or queued. */
  remindersAlreadySent: ReadonlySet<string>;
  /** Recipients for role owners and for escalation (convener, representative). */
  directory: RoleDirectory;
}

export interface SweepPlan {
  asOf: IsoDate;
  horizon: IsoDate;
  /** New occurrences; store each only if absent (taskIds are deterministic). */
  tasksToOpen: ReviewTask[];
  /** Urgent reminders, one message each, now. */
  immediate: PlannedReminder[];
  /** Everything else, grouped into one digest per recipient per day. */
  digest: PlannedReminder[];
  /** Owners or escalation roles with nobody in the directory: the team set-up is incomplete. */
  unresolved: UnresolvedRecipient[];
}

function recipientsOf(owner: DutyOwner, directory: RoleDirectory): { recipients: ReminderRecipient[]; roles: string[] } {
  if (!isRoleOwner(owner)) {
    const locale: Locale = owner.locale ?? 'zh-TW';
    return { recipients: [{ name: owner.name, email: owner.email, locale }], roles: [] };
  }
  return { recipients: [...(directory[owner.role] ?? [])], roles: [owner.role] };
}

/**
 * Occurrences that should exist by the horizon but are not among the loaded tasks: those
 * after the duty's latest loaded task (or from its anchor when none is loaded).
 */
function occurrencesToOpen(duty: Duty, tasks: readonly ReviewTask[], horizon: IsoDate): ReviewTask[] {
  let latest: IsoDate | null = null;
  for (const task of tasks) if (latest === null || task.dueDate > latest) latest = task.dueDate;
  const from = latest === null ? duty.anchorDate : addDays(latest, 1);
  return occurrencesBetween(duty, from, horizon).map((occurrence) => openTask(duty, occurrence.dueDate));
}

export function planSweep(input: SweepInput): SweepPlan {
  const { asOf, directory, remindersAlreadySent } = input;
  const horizon = addDays(asOf, SWEEP_HORIZON_DAYS);
  const tasksByDuty = new Map<string, ReviewTask[]>();
  for (const task of input.tasksDueUpTo) {
    if (task.dueDate > horizon) continue;
    const list = tasksByDuty.get(task.dutyId) ?? [];
    list.push(task);
    tasksByDuty.set(task.dutyId, list);
  }

  const plan: SweepPlan = { asOf, horizon, tasksToOpen: [], immediate: [], digest: [], unresolved: [] };
  const escalationRecipients = ESCALATION_ROLES.flatMap((role) => directory[role] ?? []);

  for (const duty of [...input.duties].sort((a, b) => a.dutyId.localeCompare(b.dutyId))) {
    if (duty.retiredOn !== null) continue;
    const loaded = tasksByDuty.get(duty.dutyId) ?? [];
    const opened = occurrencesToOpen(duty, loaded, horizon);
    plan.tasksToOpen.push(...opened);

    for (const task of [...loaded, ...opened].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))) {
      if (task.status !== 'open') continue;
      const daysPastDue = daysBetween(task.dueDate, asOf);
      const step = latestCadenceStep(daysPastDue);
      if (!step) continue;
      const escalated = step.offsetDays >= ESCALATION_AFTER_DAYS_OVERDUE;

      const owners = recipientsOf(task.owner, directory);
      if (owners.recipients.length === 0) plan.unresolved.push({ taskId: task.taskId, audience: 'owner', roles: owners.roles });
      const targets: { recipient: ReminderRecipient; audience: 'owner' | 'escalation' }[] = owners.recipients.map((recipient) => ({ recipient, audience: 'owner' }));
      if (escalated) {
        if (escalationRecipients.length === 0) plan.unresolved.push({ taskId: task.taskId, audience: 'escalation', roles: [...ESCALATION_ROLES] });
        for (const recipient of escalationRecipients) targets.push({ recipient, audience: 'escalation' });
      }

      // One reminder per address: an owner who is also the convener gets it once, as owner.
      const seenEmails = new Set<string>();
      for (const { recipient, audience } of targets) {
        const email = recipient.email.trim().toLowerCase();
        if (seenEmails.has(email)) continue;
        seenEmails.add(email);
        const key = reminderKey(task.taskId, step.id, email);
        if (remindersAlreadySent.has(key)) continue;
        const reminder: PlannedReminder = {
          reminderKey: key,
          taskId: task.taskId,
          dutyId: duty.dutyId,
          dutyKind: duty.dutyKind,
          title: duty.title,
          legalBasis: duty.legalBasis,
          dueDate: task.dueDate,
          daysUntilDue: -daysPastDue,
          step,
          recipient,
          audience,
          escalated,
          urgent: duty.urgent,
          sendOn: asOf,
        };
        (duty.urgent ? plan.immediate : plan.digest).push(reminder);
      }
    }
  }
  return plan;
}
