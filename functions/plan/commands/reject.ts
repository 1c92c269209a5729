import { rejectVersion } from '../../../domain/plan';
import type { TenantCommandContext } from '../../application/commandContext';
import { changeVersion } from './planVersionChange';

/** The approver sends a submitted version back to draft with a reason. */
export function rejectPlanVersion(context: TenantCommandContext, input: { versionNumber: number; reason: string; rejectedBy?: string; expectedVersion: number | undefined }) {
  return changeVersion(context, {
    versionNumber: input.versionNumber,
    expectedVersion: input.expectedVersion,
    action: 'plan.version.reject',
    transition: (version) => rejectVersion(version, { rejectedBy: input.rejectedBy ?? context.actor.actorId, reason: input.reason, now: context.clock().toISOString() }),
  });
}
