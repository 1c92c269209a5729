/**
 * Adds a corrective or preventive action to a finding (a non-compliant or partially compliant
 * item). The action follows the same rules and the same deadline chasing as an incident's
 * (domain/correctiveAction, correctiveActions/); a signed-off assessment still takes actions,
 * since fixing what it found comes after it.
 */
import { catalogById, findingsOf } from '../../../domain/assessment';
import { openCorrectiveAction, type CorrectiveActionInput } from '../../../domain/correctiveAction';
import type { TenantCommandContext } from '../../application/commandContext';
import { refuse, unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { setCorrectiveActionDeadline } from '../../correctiveActions/correctiveActionDeadlines';
import { applyDeadlineSchedules } from '../../reviews/chaseDeadline';
import { newId } from '../../store/ids';
import { toFindingActionView } from '../assessmentModel';
import { findingActionWrite, requireAssessment, type FindingCorrectiveAction } from '../assessmentStore';

export async function addFindingAction(context: TenantCommandContext, assessmentId: string, itemNumber: string, input: CorrectiveActionInput) {
  const { assessment } = await requireAssessment(context.table, assessmentId);
  const catalog = unwrap(catalogById(assessment.catalogId));
  if (!findingsOf(assessment, catalog).some((finding) => finding.itemNumber === itemNumber)) {
    refuse('notFound', 'FINDING_NOT_FOUND', { zhTW: `項目 ${itemNumber} 非本評估之缺失（不符合或部分符合）。`, en: `Item ${itemNumber} is not a finding (non-compliant or partially compliant) of this assessment.` }, { field: 'path.itemNumber' });
  }
  const at = context.clock();
  const action: FindingCorrectiveAction = { ...openCorrectiveAction(input, newId('cpa', at.getTime()), at.toISOString(), context.actor.actorId), assessmentId, itemNumber, version: 1 };
  const deadline = await setCorrectiveActionDeadline(context, { kind: 'assessmentFinding', assessmentId, itemNumber }, action);
  const view = toFindingActionView(action);
  await commitChange(context, {
    changes: [{ action: 'correctiveAction.create', resourceType: 'correctiveAction', resourceId: action.id, before: null, after: action }, ...deadline.changes],
    writes: [findingActionWrite(context.table.tableName, action, null), ...deadline.writes],
    response: { status: 201, body: view },
  }, 'create');
  await applyDeadlineSchedules(context, deadline);
  return { view, version: action.version };
}
