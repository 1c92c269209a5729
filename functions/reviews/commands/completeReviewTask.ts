/** Completes a review task; the next occurrence counts from the DUE date, not the completion date. */
import { completeTask } from '../../../domain/reviews/reviewTask';
import type { TenantCommandContext } from '../../application/commandContext';
import { transitionReviewTask } from './reviewTaskTransition';

export async function completeReviewTask(
  context: TenantCommandContext,
  input: { taskId: string; notes?: string; evidenceRefs?: string[]; expectedVersion: number | undefined },
) {
  const by = context.actor.actorId;
  const timeZone = context.profile.timeZone;
  return transitionReviewTask(context, {
    taskId: input.taskId,
    action: 'complete',
    expectedVersion: input.expectedVersion,
    decide: (duty, task, at) => completeTask(duty, task, { by, at, notes: input.notes, evidenceRefs: input.evidenceRefs }, timeZone),
  });
}
