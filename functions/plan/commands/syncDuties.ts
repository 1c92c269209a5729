import { zonedDateOf } from '../../../domain/shared/isoDate';
import type { TenantCommandContext } from '../../application/commandContext';
import { refuse } from '../../application/failures';
import { syncPlanDuties } from '../planDutySync';
import { toVersionSummary } from '../planModel';
import { loadApprovedVersion } from '../planStore';

/** Repeats the duty sync of the approval (e.g. after it failed). Idempotent. */
export async function resyncPlanDuties(context: TenantCommandContext) {
  const approved = await loadApprovedVersion(context.table);
  if (!approved) refuse('conflict', 'NO_APPROVED_PLAN', { zhTW: '尚無已核定之計畫', en: 'No plan version is approved yet' });
  // The approval date anchors first due dates of new duties, as at approval.
  const asOf = zonedDateOf(approved.approval?.approvedAt ?? context.clock().toISOString(), context.profile.timeZone);
  const counts = await syncPlanDuties(context, approved, asOf);
  return { planVersion: { versionNumber: approved.versionNumber, label: toVersionSummary(approved).label }, asOf, ...counts };
}
