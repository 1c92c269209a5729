/**
 * A recorded (or corrected) session meets the plan's training duty for its audience — `training`,
 * `leadershipTraining`, `itStaffTraining` of the approved plan, or the default duties' namesakes
 * (domain trainingDutyKinds) — when its date falls in the open task's period (domain
 * checkSessionAgainstDuty). The task is completed the way a person completes it by hand
 * (reviews/commands/reviewTaskTransition.ts: the task done, the duty's last completion, the
 * next occurrence opened on the anchor's grid), in the session's own audited commit, with the
 * session named in the completion notes and its evidence references kept.
 */
import {
  checkSessionAgainstDuty,
  taskForDate,
  trainingDutyKinds,
  trainingTaskCheckText,
  yearOf,
  type TrainingDutyState,
  type TrainingSession,
  type TrainingTaskCheck,
} from '../../domain/training';
import { completeTask } from '../../domain/reviews/reviewTask';
import { dutyIdFor, ORGANIZATION_SUBJECT } from '../../domain/reviews/duty';
import { tenantToday, type TenantCommandContext } from '../application/commandContext';
import { unwrap } from '../application/failures';
import { noDeadlineChanges, type DeadlineChanges } from '../reviews/chaseDeadline';
import { writeDefaultDuties } from '../reviews/commands/writeDefaultDuties';
import { dutyItem, dutyKeys, storedDutyFrom, storedTaskFrom, taskItem, type StoredDuty, type StoredTask } from '../reviews/dutyStore';
import { reviewAccess } from '../reviews/reviewEntities';
import { asDomainDuty, toTaskView } from '../reviews/reviewModel';
import { putEntityWrite, queryItems } from '../store/entityModel';
import { sessionsOfYear, type SessionDutyChecks, type StoredTrainingSession } from './trainingStore';

/**
 * The active training duties of an audience with all their tasks: plan and default duties cover
 * the organisation, so their ids are known (domain dutyIdFor) and each is one consistent Query —
 * default duties written a moment ago included.
 */
async function trainingDutiesOf(context: TenantCommandContext, audience: TrainingSession['audience']): Promise<{ duty: StoredDuty; tasks: StoredTask[] }[]> {
  const found: { duty: StoredDuty; tasks: StoredTask[] }[] = [];
  for (const kind of trainingDutyKinds[audience]) {
    const dutyId = dutyIdFor(kind, ORGANIZATION_SUBJECT);
    const items = await queryItems(context.table, reviewAccess.dutyWithTasks(dutyId));
    const dutyRecord = items.find((item) => item.sk === dutyKeys.duty(dutyId).sk);
    if (!dutyRecord || dutyRecord.retiredOn) continue;
    found.push({ duty: storedDutyFrom(dutyRecord), tasks: items.filter((item) => item.entity === 'ReviewTask').map(storedTaskFrom) });
  }
  return found;
}

/** Held sessions of every calendar year the period touches, up to today (sessions are never later). */
async function sessionsAround(context: TenantCommandContext, period: { after: string | null; through: string }): Promise<TrainingSession[]> {
  const today = tenantToday(context);
  const last = yearOf(period.through < today ? period.through : today);
  const sessions: TrainingSession[] = [];
  for (let year = yearOf(period.after ?? period.through); year <= last; year += 1) sessions.push(...(await sessionsOfYear(context.table, year)));
  return sessions;
}

const metTaskIds = (previous: SessionDutyChecks | undefined): string[] => (previous?.duties ?? []).filter((d) => d.outcome === 'met' && d.taskId !== null).map((d) => d.taskId!);

function completionNotes(session: StoredTrainingSession): string {
  return `教育訓練場次 ${session.trainingSessionId}「${session.title}」（${session.heldOn}，${session.attendees.length} 人參加）/ Met by training session ${session.trainingSessionId} "${session.title}" held ${session.heldOn} (${session.attendees.length} attendees)`;
}

/**
 * Checks a session (as it will be once committed) against its audience's training duties and
 * returns the writes that complete the tasks it meets, for the session's own commit, with what
 * the session view says about each duty. The default duties are written first when the tenant
 * still has them only computed (as completing one of their tasks by hand does).
 */
export async function trainingDutyChanges(
  context: TenantCommandContext,
  session: StoredTrainingSession,
  previous: SessionDutyChecks | undefined,
  at: string,
): Promise<{ deadline: DeadlineChanges; checks: SessionDutyChecks }> {
  const today = tenantToday(context);
  const deadline = noDeadlineChanges();
  const checks: SessionDutyChecks = { checkedOn: today, duties: [] };
  if (session.status !== 'held') return { deadline, checks };
  await writeDefaultDuties(context);
  const { tableName } = context.table;
  for (const { duty, tasks } of await trainingDutiesOf(context, session.audience)) {
    const state: TrainingDutyState = { dutyId: duty.dutyId, dutyKind: duty.dutyKind, anchorDate: duty.anchorDate, frequency: duty.frequency, tasks };
    const found = taskForDate(state, session.heldOn);
    const sessions = found && found.task.status === 'open' && session.audience === 'allStaff' ? await sessionsAround(context, found.period) : [];
    const check: TrainingTaskCheck = checkSessionAgainstDuty({ duty: state, session, sessions, metBefore: metTaskIds(previous) });
    if (check.kind === 'otherAudience') continue;
    checks.duties.push({
      dutyId: duty.dutyId,
      dutyKind: duty.dutyKind,
      title: duty.title,
      outcome: check.kind,
      taskId: check.kind === 'noTask' ? null : check.taskId,
      dueDate: check.kind === 'noTask' ? null : check.dueDate,
      periodAfter: check.kind === 'noTask' ? null : check.period.after,
      missingStatutoryTopics: check.kind === 'statutoryTopicsMissing' ? check.missingTopics : [],
      message: trainingTaskCheckText(check),
    });
    if (check.kind !== 'met' || !check.complete) continue;
    const task = tasks.find((t) => t.taskId === check.taskId)!;
    const result = unwrap(completeTask(asDomainDuty(duty), task, { by: context.actor.actorId, at, notes: completionNotes(session), evidenceRefs: session.evidenceRefs }, context.profile.timeZone));
    const closed: StoredTask = { ...task, status: result.task.status, completion: result.task.completion, version: task.version + 1 };
    const changedDuty: StoredDuty = { ...duty, lastCompletedOn: result.duty.lastCompletedOn, version: duty.version + 1 };
    deadline.writes.push(putEntityWrite(tableName, taskItem(closed), task.version), putEntityWrite(tableName, dutyItem(changedDuty), duty.version));
    deadline.changes.push(
      { action: 'reviewTask.complete', resourceType: 'reviewTask', resourceId: task.taskId, before: toTaskView(task, today), after: toTaskView(closed, today) },
      { action: 'duty.complete', resourceType: 'duty', resourceId: duty.dutyId, before: { lastCompletedOn: duty.lastCompletedOn }, after: { lastCompletedOn: changedDuty.lastCompletedOn, trainingSessionId: session.trainingSessionId } },
    );
    // The sweep may already have opened the next occurrence (30 days ahead): keep that one.
    if (result.next && !tasks.some((t) => t.taskId === result.next!.taskId)) {
      const next: StoredTask = { ...result.next, version: 1, dueAt: null, resourcePath: task.resourcePath };
      deadline.writes.push(putEntityWrite(tableName, taskItem(next), null));
      deadline.changes.push({ action: 'reviewTask.open', resourceType: 'reviewTask', resourceId: next.taskId, before: null, after: toTaskView(next, today) });
    }
  }
  return { deadline, checks };
}
