/**
 * Moves a finding's corrective action (inProgress, done, verified by someone other than the
 * owner: the effectiveness review). Done meets its deadline; a failed verification reopens it.
 */
import { transitionCorrectiveAction, type CorrectiveActionTransition } from '../../../domain/correctiveAction';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion, refuse, unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { correctiveActionTransitionDeadline } from '../../correctiveActions/correctiveActionDeadlines';
import { toFindingActionView } from '../assessmentModel';
import { findingActionWrite, requireAssessment, requireFindingAction, type FindingCorrectiveAction } from '../assessmentStore';

/** The request field each refusal is about. */
const fieldOfCode: Record<string, string> = { ACTION_TRANSITION_REFUSED: 'to', VERIFIER_IS_OWNER: 'by' };

/** `expectedVersion` is the action's own version (its ETag). */
export async function transitionFindingAction(context: TenantCommandContext, assessmentId: string, actionId: string, transition: CorrectiveActionTransition, expectedVersion: number | undefined) {
  const current = requireFindingAction(await requireAssessment(context.table, assessmentId), actionId);
  assertVersion(current.version, expectedVersion);
  if (Date.parse(transition.at) > context.clock().getTime()) {
    refuse('invalid', 'IN_THE_FUTURE', { zhTW: '時間不得晚於現在', en: 'The time cannot be in the future' }, { field: 'at' });
  }
  const outcome = transitionCorrectiveAction(current, transition);
  const moved: FindingCorrectiveAction = { ...unwrap(outcome.ok ? outcome : { ok: false, error: { ...outcome.error, field: fieldOfCode[outcome.error.code] } }), version: current.version + 1 };
  const deadline = await correctiveActionTransitionDeadline(context, { kind: 'assessmentFinding', assessmentId, itemNumber: current.itemNumber }, current, moved, transition);
  const view = toFindingActionView(moved);
  await commitChange(context, {
    changes: [{ action: `correctiveAction.${moved.status}`, resourceType: 'correctiveAction', resourceId: actionId, before: current, after: moved }, ...deadline.changes],
    writes: [findingActionWrite(context.table.tableName, moved, current.version), ...deadline.writes],
    response: { status: 200, body: view },
  });
  return { view, version: moved.version };
}
