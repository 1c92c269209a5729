/**
 * The audit cycle as a duty: when an assessment of a catalog is signed off, the next one falls
 * due one cycle later (nextAssessmentDue: the regulation's cycle from the plan obligations, or
 * the approved plan's audit schedule when it is shorter), and the review sweep chases it like
 * every other duty. One duty per catalog; each sign-off completes its open task and sets the next.
 */
import { nextAssessmentDue, type AssessmentDue } from '../../domain/assessment';
import { planDuties } from '../../domain/plan';
import { dutyIdFor, type DutySubject } from '../../domain/reviews/duty';
import { taskIdFor } from '../../domain/reviews/reviewTask';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { TenantCommandContext } from '../application/commandContext';
import { effectiveRegulation, obligationsFor } from '../plan/planEvaluation';
import { loadApprovedVersion, toDomainVersion } from '../plan/planStore';
import { noDeadlineChanges, type DeadlineChanges } from '../reviews/chaseDeadline';
import { deadlineDoneWrites, deadlineWrites, loadDeadline, type DeadlineSpec } from '../reviews/dutyStore';

export const NEXT_ASSESSMENT_DUTY_KIND = 'nextAssessment';

const subjectOf = (catalogId: string): DutySubject => ({ kind: 'assessment', id: catalogId });

export function nextAssessmentDutyId(catalogId: string): string {
  return dutyIdFor(NEXT_ASSESSMENT_DUTY_KIND, subjectOf(catalogId));
}

/** When the next assessment of a catalog is due after a sign-off on `signedOffOn`; null when neither regulation nor plan sets a cycle. */
export async function nextAssessmentAfter(context: TenantCommandContext, signedOffOn: IsoDate): Promise<AssessmentDue | null> {
  const [regulation, approved] = await Promise.all([effectiveRegulation(context), loadApprovedVersion(context.table)]);
  const { obligations } = await obligationsFor(context, regulation, signedOffOn);
  const planAudit = approved ? planDuties(toDomainVersion(approved).content).find((duty) => duty.dutyKind === 'internalAudit') : undefined;
  return nextAssessmentDue({
    obligations: { auditFrequency: obligations?.auditFrequency ?? null, periodicCycleStartsOn: obligations?.periodicCycleStartsOn ?? null },
    ...(planAudit ? { planAuditFrequency: planAudit.frequency } : {}),
    lastSignedOffOn: signedOffOn,
    asOf: signedOffOn,
  });
}

export function nextAssessmentSpec(catalogId: string, catalogTitle: string, due: AssessmentDue): DeadlineSpec {
  const basis = due.basis === 'regulation'
    ? { zhTW: '安全維護管理辦法所定之定期稽核（計畫義務）；稽核發現之缺失應採取矯正預防措施', en: 'The periodic audit the sector regulation requires (plan obligations); findings need corrective actions' }
    : { zhTW: '個人資料檔案安全維護計畫第12點：資料安全稽核機制（定期稽核或自我檢查）', en: 'Security maintenance plan §12: periodic data security audit or self-check' };
  return {
    dutyKind: NEXT_ASSESSMENT_DUTY_KIND,
    subject: subjectOf(catalogId),
    title: { zhTW: `定期評估：${catalogTitle}`, en: `Periodic assessment: ${catalogTitle}` },
    legalBasis: basis,
    dueDate: due.dueOn,
    owner: { role: 'privacyOfficer' },
    source: 'assessment',
    urgent: false,
    dueAt: null,
    resourcePath: '/v1/assessments',
  };
}

/**
 * The sign-off meets the catalog's open assessment task (if any) and sets the next one. Written
 * by hand from dutyStore's parts: chaseDeadline's 'met' and 'set' would each rewrite the duty
 * item, and one transaction cannot write an item twice.
 */
export async function assessmentSignedOffDeadline(
  context: TenantCommandContext,
  assessment: { assessmentId: string; catalogId: string },
  catalogTitle: string,
  signedOff: { by: string; at: string; on: IsoDate },
): Promise<{ changes: DeadlineChanges; due: AssessmentDue | null }> {
  const result = noDeadlineChanges();
  const due = await nextAssessmentAfter(context, signedOff.on);
  const dutyId = nextAssessmentDutyId(assessment.catalogId);
  const existing = await loadDeadline(context.table, dutyId);
  const openTask = existing?.openTask ?? null;
  // Signed off again on the same cycle (a reopened revision): the open task already names that date.
  if (due && openTask?.dueDate === due.dueOn) return { changes: result, due };
  if (existing && openTask) {
    const notes = `Assessment ${assessment.assessmentId} signed off`;
    // deadlineDoneWrites writes the duty (lastCompletedOn) and the task; the duty write is replaced below when a next date is set.
    const [taskDone, dutyDone] = deadlineDoneWrites(context.table.tableName, existing.duty, openTask, { by: signedOff.by, at: signedOff.at, notes });
    result.writes.push(taskDone!);
    result.changes.push({ action: 'duty.complete', resourceType: 'duty', resourceId: dutyId, before: { status: 'open' }, after: { status: 'done', notes } });
    if (!due) result.writes.push(dutyDone!);
  }
  if (due) {
    const spec = nextAssessmentSpec(assessment.catalogId, catalogTitle, due);
    // The open task (if any) is done above, so the next one is created beside it.
    result.writes.push(...deadlineWrites(context.table.tableName, spec, existing ? { duty: existing.duty, openTask: null } : null, signedOff.at));
    result.changes.push({ action: existing ? 'duty.move' : 'duty.create', resourceType: 'duty', resourceId: dutyId, before: openTask ? { dueDate: openTask.dueDate } : null, after: { dueDate: due.dueOn } });
  }
  return { changes: result, due };
}

export function nextAssessmentTaskId(catalogId: string, dueOn: IsoDate): string {
  return taskIdFor(nextAssessmentDutyId(catalogId), dueOn);
}
