/**
 * Requests an inspection pack for a period: the job is written (audited) as queued, then the
 * build is started asynchronously — in-process locally, an asynchronous Lambda invoke in AWS.
 * If the build cannot even be started, the job is marked failed at once rather than left queued.
 */
import { markFailed, queueInspectionPack, validatePeriod } from '../../../domain/inspectionPack';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import type { InspectionPackBuilds } from '../../http/appDeps';
import { newId } from '../../store/ids';
import { toInspectionPackView, type RequestInspectionPackInput } from '../inspectionPackModel';
import { inspectionPackWrite, type StoredInspectionPack } from '../inspectionPackStore';
import { transitionInspectionPack } from '../inspectionPackTransitions';

const NOT_STARTED = {
  code: 'BUILD_NOT_STARTED',
  reason: { zhTW: '無法啟動製作程序，請稍後重新申請。', en: 'The build could not be started; request the pack again later.' },
};

export async function requestInspectionPack(context: TenantCommandContext, input: RequestInspectionPackInput, builds: InspectionPackBuilds | undefined) {
  const period = unwrap(validatePeriod(input, tenantToday(context)));
  const now = context.clock();
  const inspectionPackId = newId('ipk', now.getTime());
  const stored: StoredInspectionPack = { ...queueInspectionPack({ inspectionPackId, period, requestedAt: now.toISOString(), requestedBy: context.actor.actorId }), version: 1 };
  const view = toInspectionPackView(stored);
  await commitChange(context, {
    changes: [{ action: 'inspectionPack.request', resourceType: 'inspectionPack', resourceId: inspectionPackId, before: null, after: view }],
    writes: [inspectionPackWrite(context.table.tableName, stored, null)],
    response: { status: 202, body: view },
  }, 'create');
  try {
    if (!builds) throw new Error('no inspection-pack builder is configured for this deployment');
    await builds.start({ tenantId: context.tenantId, inspectionPackId });
  } catch (error) {
    context.logger.error('inspection pack build not started', { inspectionPackId, error: error instanceof Error ? error.message : String(error) });
    const failed = await transitionInspectionPack(context, inspectionPackId, 'fail', (job) => markFailed(job, NOT_STARTED, context.clock().toISOString()));
    return { view: toInspectionPackView(failed), version: failed.version };
  }
  return { view, version: stored.version };
}
