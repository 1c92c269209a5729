/** Skips this occurrence of a review (a reason is required); the next one is opened on the grid. */
import { skipTask } from '../../../domain/reviews/reviewTask';
import type { TenantCommandContext } from '../../application/commandContext';
import { transitionReviewTask } from './reviewTaskTransition';

export async function skipReviewTask(context: TenantCommandContext, input: { taskId: string; reason: string; expectedVersion: number | undefined }) {
  const by = context.actor.actorId;
  return transitionReviewTask(context, {
    taskId: input.taskId,
    action: 'skip',
    expectedVersion: input.expectedVersion,
    decide: (duty, task, at) => skipTask(duty, task, { by, at, reason: input.reason }),
  });
}
