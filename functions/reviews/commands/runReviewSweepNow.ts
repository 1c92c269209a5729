/**
 * The platform operator's "as of" sweep: the same run the daily schedule does, for every active
 * tenant or one. The run is recorded on the platform's own audit chain; each tenant's changes
 * are on theirs.
 */
import { zonedInstant } from '../../../domain/shared/isoDate';
import { commitChange } from '../../application/versionedChange';
import type { MutationScope } from '../../store/auditedCommit';
import { EntityNotFoundError } from '../../store/entityModel';
import { newId } from '../../store/ids';
import { getTenant } from '../../platform/tenantStore';
import { runReviewSweep, type SweepDeps } from '../sweep';

export async function runReviewSweepNow(platform: { deps: SweepDeps; scope: MutationScope }, input: { asOf: string; tenantId?: string }) {
  const { deps, scope } = platform;
  // A date runs as the daily schedule would that day: 09:00 Taipei.
  const asOf = new Date(input.asOf.length === 10 ? zonedInstant(input.asOf, '09:00', 'Asia/Taipei') : input.asOf);
  if (input.tenantId) {
    const tenant = await getTenant(deps.controlPlane, input.tenantId);
    if (tenant?.status !== 'active') throw new EntityNotFoundError({ zhTW: '啟用中的此租戶', en: 'active tenant' });
  }
  const summary = await runReviewSweep(deps, { asOf, tenantId: input.tenantId });
  const sweepId = newId('sweep');
  const body = {
    sweepId,
    asOf: summary.asOf,
    tenants: summary.tenants,
    tasksSeen: summary.tasksSeen,
    remindersSent: summary.remindersSent,
    tasksOpened: summary.tasksOpened,
    mailsSent: summary.mailsSent,
    mailsFailed: summary.mailsFailed,
    tenantsFailed: summary.tenantsFailed,
  };
  await commitChange(scope, {
    changes: [{ action: 'reviewSweep.run', resourceType: 'reviewSweep', resourceId: sweepId, before: null, after: { ...body, tenantId: input.tenantId ?? null } }],
    writes: [],
    response: { status: 200, body },
  });
  return body;
}
