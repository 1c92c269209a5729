/**
 * Recorded training meets the plan's training duties (issue #17). The approved plan (or, before
 * one, the default duties) already schedules the three trainings of seed 000 §10 as recurring
 * duties; a session held for an audience completes the open task of that audience's duty when
 * its date falls in the task's period, so tenants get one set of training reminders and the
 * session is the evidence of the task.
 *
 * A task's period runs from the day after the previous occurrence's due date (for the first
 * task: one period before the duty's anchor, i.e. where the duty's cycle started) to its own
 * due date, on the duty's anchor grid (domain/reviews/reviewTask.ts): with a yearly duty due
 * 2027-03-10 a session held 2026-03-11 … 2027-03-10 meets it, one held 2026-03-10 belongs to the
 * previous period.
 */
import { firstOccurrenceIndexOnOrAfter, type ReviewTaskStatus } from '../reviews/reviewTask';
import { advanceByFrequency, type Frequency } from '../shared/frequency';
import type { IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { statutoryAllStaffTopics, trainingTopicTexts, type TrainingAudience, type TrainingSession, type TrainingTopic } from './trainingSession';

/**
 * The duty kinds each audience's sessions meet: the approved plan's (domain/plan/duties.ts) and
 * the default duties' (domain/reviews/defaultDuties.ts), which name the same §10 trainings
 * differently. A plan approval retires the defaults, so one of each pair is active at a time.
 */
export const trainingDutyKinds: Record<TrainingAudience, readonly string[]> = {
  allStaff: ['training', 'staffTraining'],
  privacyTeam: ['leadershipTraining', 'teamTraining'],
  itStaff: ['itStaffTraining'],
};

/** The audience whose sessions meet a duty of this kind, or null for any other duty. */
export function audienceOfTrainingDuty(dutyKind: string): TrainingAudience | null {
  for (const [audience, kinds] of Object.entries(trainingDutyKinds)) {
    if (kinds.includes(dutyKind)) return audience as TrainingAudience;
  }
  return null;
}

/** What the rule needs of a training duty and its stored tasks. */
export interface TrainingDutyState {
  dutyId: string;
  dutyKind: string;
  anchorDate: IsoDate;
  frequency: Frequency | null;
  tasks: readonly { taskId: string; dueDate: IsoDate; status: ReviewTaskStatus }[];
}

/** The days a task covers: strictly after `after` (null: no lower bound), up to `through` inclusive. */
export interface TaskPeriod {
  after: IsoDate | null;
  through: IsoDate;
}

export function taskPeriodOf(duty: Pick<TrainingDutyState, 'anchorDate' | 'frequency'>, dueDate: IsoDate): TaskPeriod {
  // A one-time duty has no previous occurrence: everything up to its date counts.
  if (duty.frequency === null) return { after: null, through: dueDate };
  const n = firstOccurrenceIndexOnOrAfter(duty.anchorDate, duty.frequency, dueDate);
  const previous = advanceByFrequency(duty.anchorDate, duty.frequency, n - 1);
  // A task off the anchor's grid (the frequency changed since it was opened) covers one period back.
  return { after: previous < dueDate ? previous : advanceByFrequency(dueDate, duty.frequency, -1), through: dueDate };
}

export const isInPeriod = (date: IsoDate, period: TaskPeriod): boolean => (period.after === null || date > period.after) && date <= period.through;

/**
 * The stored task whose period holds `date`, with that period, or null. Periods of tasks on the
 * grid do not overlap; should an off-grid task overlap one, the open task is the one meant.
 */
export function taskForDate(duty: TrainingDutyState, date: IsoDate): { task: TrainingDutyState['tasks'][number]; period: TaskPeriod } | null {
  const holding = duty.tasks.map((task) => ({ task, period: taskPeriodOf(duty, task.dueDate) })).filter(({ period }) => isInPeriod(date, period));
  return holding.find(({ task }) => task.status === 'open') ?? holding[0] ?? null;
}

/** The statutory all-staff topics that no held all-staff session among `sessions` covered. */
export function missingStatutoryTopicsOf(sessions: readonly TrainingSession[]): TrainingTopic[] {
  const covered = new Set(sessions.filter((s) => s.status === 'held' && s.audience === 'allStaff').flatMap((s) => s.topics));
  return statutoryAllStaffTopics.filter((topic) => !covered.has(topic));
}

interface TaskRef {
  taskId: string;
  dueDate: IsoDate;
  period: TaskPeriod;
}

/**
 * How a session stands against one training duty:
 *   met ..................... it meets the task of its period; `complete` when that task is open
 *                             and is to be completed now (false: this session met it before)
 *   statutoryTopicsMissing .. an all-staff session whose period's all-staff sessions, this one
 *                             included, do not cover the statutory topics: the task stays open
 *   taskClosed .............. the period's task was already done or skipped (by hand or by
 *                             another session)
 *   noTask .................. no task of the duty covers the date (before the duty's first period)
 *   otherAudience ........... the duty is not this audience's training
 */
export type TrainingTaskCheck =
  | ({ kind: 'met'; complete: boolean } & TaskRef)
  | ({ kind: 'statutoryTopicsMissing'; missingTopics: TrainingTopic[] } & TaskRef)
  | ({ kind: 'taskClosed'; status: 'done' | 'skipped' } & TaskRef)
  | { kind: 'noTask' }
  | { kind: 'otherAudience' };

export interface TrainingTaskCheckInput {
  duty: TrainingDutyState;
  /** The session as it will be once the change is committed. */
  session: TrainingSession;
  /** Stored sessions around the period (any superset: the rule keeps those held in it); the session's stored version is replaced by `session`. */
  sessions: readonly TrainingSession[];
  /** Tasks this session met at an earlier record or correction. */
  metBefore: readonly string[];
}

/** Which open task of a training duty a session on its date meets, and why not when it meets none. */
export function checkSessionAgainstDuty(input: TrainingTaskCheckInput): TrainingTaskCheck {
  const { duty, session } = input;
  if (session.status !== 'held' || audienceOfTrainingDuty(duty.dutyKind) !== session.audience) return { kind: 'otherAudience' };
  const found = taskForDate(duty, session.heldOn);
  if (!found) return { kind: 'noTask' };
  const ref: TaskRef = { taskId: found.task.taskId, dueDate: found.task.dueDate, period: found.period };
  if (found.task.status !== 'open') {
    if (found.task.status === 'done' && input.metBefore.includes(found.task.taskId)) return { kind: 'met', complete: false, ...ref };
    return { kind: 'taskClosed', status: found.task.status, ...ref };
  }
  if (session.audience === 'allStaff') {
    const inPeriod = [...input.sessions.filter((s) => s.trainingSessionId !== session.trainingSessionId), session].filter((s) => isInPeriod(s.heldOn, found.period));
    const missingTopics = missingStatutoryTopicsOf(inPeriod);
    if (missingTopics.length > 0) return { kind: 'statutoryTopicsMissing', missingTopics, ...ref };
  }
  return { kind: 'met', complete: true, ...ref };
}

const periodText = (period: TaskPeriod): { zhTW: string; en: string } =>
  period.after === null ? { zhTW: `${period.through}以前`, en: `on or before ${period.through}` } : { zhTW: `${period.after}（不含）至${period.through}`, en: `after ${period.after} up to ${period.through}` };

/** The check in words, zh-TW first, for the session's view. */
export function trainingTaskCheckText(check: TrainingTaskCheck): LocalizedText {
  switch (check.kind) {
    case 'met': {
      const period = periodText(check.period);
      return { zhTW: `本場次已完成${check.dueDate}到期之訓練工作（期間：${period.zhTW}）。`, en: `This session met the training task due ${check.dueDate} (period ${period.en}).` };
    }
    case 'statutoryTopicsMissing': {
      const topics = check.missingTopics.map((topic) => trainingTopicTexts[topic]);
      return {
        zhTW: `全體員工訓練尚未涵蓋法定主題：${topics.map((t) => t.zhTW).join('、')}；${check.dueDate}到期之訓練工作仍未完成。`,
        en: `The all-staff training of the period has not covered the statutory topics: ${topics.map((t) => t.en).join('; ')}. The task due ${check.dueDate} stays open.`,
      };
    }
    case 'taskClosed':
      return check.status === 'done'
        ? { zhTW: `${check.dueDate}到期之訓練工作已完成，本場次未再計入。`, en: `The training task due ${check.dueDate} was already done; this session was not counted again.` }
        : { zhTW: `${check.dueDate}到期之訓練工作已略過。`, en: `The training task due ${check.dueDate} was skipped.` };
    case 'noTask':
      return { zhTW: '本場次日期不在此義務任何工作之期間內，未完成任何工作。', en: "The session's date falls in no task period of this duty; no task was met." };
    case 'otherAudience':
      return { zhTW: '此義務非本場次訓練對象之訓練。', en: "This duty is not the training of the session's audience." };
  }
}
