/**
 * The yearly training duty (seed 000 §10: each of the three trainings 每年至少一次): one duty
 * whose open task falls due on 31 December of the year it is for. Recording (or correcting) a
 * session that completes the year's required training (domain yearCoverage) meets that task and
 * sets the next year's; the review sweep chases the open task like every other duty and reminds
 * the privacy officer (team directory role; the tenant contact when nobody holds it).
 */
import { trainingDutyDue, yearCoverage, yearOf, type TrainingSession } from '../../domain/training';
import { dutyIdFor, ORGANIZATION_SUBJECT } from '../../domain/reviews/duty';
import { taskIdFor } from '../../domain/reviews/reviewTask';
import type { IsoDate } from '../../domain/shared/isoDate';
import { tenantToday, type TenantCommandContext } from '../application/commandContext';
import { noDeadlineChanges, type DeadlineChanges } from '../reviews/chaseDeadline';
import { deadlineDoneWrites, deadlineWrites, loadDeadline, type DeadlineSpec } from '../reviews/dutyStore';
import { reviewAccess } from '../reviews/reviewEntities';
import { queryItems } from '../store/entityModel';
import { sessionsOfYear } from './trainingStore';

export const YEARLY_TRAINING_DUTY_KIND = 'yearlyTraining';

export const yearlyTrainingDutyId = (): string => dutyIdFor(YEARLY_TRAINING_DUTY_KIND, ORGANIZATION_SUBJECT);
export const yearlyTrainingTaskId = (dueOn: IsoDate): string => taskIdFor(yearlyTrainingDutyId(), dueOn);

export function yearlyTrainingSpec(dueOn: IsoDate): DeadlineSpec {
  return {
    dutyKind: YEARLY_TRAINING_DUTY_KIND,
    subject: ORGANIZATION_SUBJECT,
    title: { zhTW: '年度個資保護認知宣導及教育訓練（全體員工、個資小組、資訊人員）', en: 'Yearly data protection training (all staff, privacy team, IT staff)' },
    legalBasis: {
      zhTW: '個人資料檔案安全維護計畫第10點（每年至少一次）；製造業及技術服務業個資安全維護管理辦法第11條；數位經濟相關產業個資安全維護管理辦法第13條；大陸委員會指定非公務機關個資安全維護辦法第12條',
      en: 'Security maintenance plan §10 (at least once a year); J0030130 Art. 11; K0010162 Art. 13; Q0010012 Art. 12',
    },
    dueDate: dueOn,
    owner: { role: 'privacyOfficer' },
    source: 'training',
    urgent: false,
    dueAt: null,
    resourcePath: '/v1/training/compliance',
  };
}

/** A year's sessions as they will be once `changed` is committed. */
function withChange(stored: readonly TrainingSession[], changed: TrainingSession): TrainingSession[] {
  return [...stored.filter((s) => s.trainingSessionId !== changed.trainingSessionId), changed];
}

/**
 * The duty writes that go with a session change, for the same audited commit: met + next year
 * when the change completes the open task's year, the first task when there is no duty yet,
 * nothing otherwise. Written from dutyStore's parts (as the assessments' next-assessment duty
 * is): chaseDeadline's 'met' and 'set' would each rewrite the duty item, and one transaction
 * cannot write an item twice.
 */
export async function yearlyTrainingDeadline(context: TenantCommandContext, changed: TrainingSession, at: string): Promise<DeadlineChanges> {
  const result = noDeadlineChanges();
  const today = tenantToday(context);
  const dutyId = yearlyTrainingDutyId();
  const existing = await loadDeadline(context.table, dutyId);
  const openTask = existing?.openTask ?? null;
  const firstYear = openTask ? yearOf(openTask.dueDate) : yearOf(today);
  const years = new Map<number, TrainingSession[]>();
  for (let year = firstYear; year <= yearOf(today); year += 1) {
    const stored = await sessionsOfYear(context.table, year);
    years.set(year, yearOf(changed.heldOn) === year ? withChange(stored, changed) : stored.filter((s) => s.trainingSessionId !== changed.trainingSessionId));
  }
  const due = trainingDutyDue({ today, openDueOn: openTask?.dueDate ?? null, isCovered: (year) => yearCoverage(years.get(year) ?? [], year).covered });
  if (openTask?.dueDate === due) return result;
  if (existing && !openTask) {
    // Skipped or completed by hand for that year: a task already stands for it, leave it be.
    const taskDates = (await queryItems(context.table, reviewAccess.dutyWithTasks(dutyId))).filter((item) => item.entity === 'ReviewTask').map((item) => item.dueDate);
    if (taskDates.includes(due)) return result;
  }
  if (existing && openTask) {
    const notes = `Training of ${yearOf(openTask.dueDate)} completed: all staff, privacy team and IT staff sessions held (session ${changed.trainingSessionId})`;
    // The duty write of deadlineDoneWrites is dropped: deadlineWrites below rewrites the duty.
    const [taskDone] = deadlineDoneWrites(context.table.tableName, existing.duty, openTask, { by: context.actor.actorId, at, notes });
    result.writes.push(taskDone!);
    result.changes.push({ action: 'duty.complete', resourceType: 'duty', resourceId: dutyId, before: { status: 'open', dueDate: openTask.dueDate }, after: { status: 'done', notes } });
  }
  result.writes.push(...deadlineWrites(context.table.tableName, yearlyTrainingSpec(due), existing ? { duty: existing.duty, openTask: null } : null, at));
  result.changes.push({ action: existing ? 'duty.move' : 'duty.create', resourceType: 'duty', resourceId: dutyId, before: openTask ? { dueDate: openTask.dueDate } : null, after: { dueDate: due } });
  return result;
}
