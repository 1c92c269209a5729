import { submitVersion } from '../../../domain/plan';
import type { TenantCommandContext } from '../../application/commandContext';
import { changeVersion } from './planVersionChange';

/** Sends a draft to the approver. */
export function submitPlanVersion(context: TenantCommandContext, input: { versionNumber: number; expectedVersion: number | undefined }) {
  return changeVersion(context, {
    versionNumber: input.versionNumber,
    expectedVersion: input.expectedVersion,
    action: 'plan.version.submit',
    transition: (version) => submitVersion(version, { submittedBy: context.actor.actorId, now: context.clock().toISOString() }),
  });
}
