/**
 * What the plan's version commands share: the audit record of a version change, the commit that
 * tells a lost race from a stale If-Match, and the label-date rule.
 */
import { formatRocDate, type PlanVersion, type PlanVersionOutcome } from '../../../domain/plan';
import type { IsoDate } from '../../../domain/shared/isoDate';
import type { TenantCommandContext } from '../../application/commandContext';
import { refuse, StaleVersionError, unwrap } from '../../application/failures';
import { commitChange, commitVersionedChange, type PreparedChange } from '../../application/versionedChange';
import type { AuditedChange } from '../../store/auditedCommit';
import { withoutKeys } from '../../store/entityModel';
import { planKeys, type StoredPlanVersion } from '../planEntities';
import { toVersionView, type PlanVersionView } from '../planModel';
import { PLAN_VERSION_WHAT, toDomainVersion, toStoredVersion, versionItem } from '../planStore';

export function versionAuditChange(action: string, before: StoredPlanVersion | null, after: StoredPlanVersion): AuditedChange {
  return { action, resourceType: 'planVersion', resourceId: String(after.versionNumber), before: before ? toVersionView(before) : null, after: toVersionView(after) };
}

/** The stored next state of a version: same author, this actor as editor, the next revision. */
export function nextStored(before: StoredPlanVersion, after: PlanVersion, actorId: string): StoredPlanVersion {
  return toStoredVersion(after, { createdBy: before.createdBy, updatedBy: actorId, revision: before.version + 1 });
}

/**
 * Without If-Match, a failed write condition means another request changed the plan between our
 * read and our write: a 409 the caller can retry, not a 412 about a version it never named.
 */
export async function withConcurrentChangeRefused<T>(expectedVersion: number | undefined, commit: () => Promise<T>): Promise<T> {
  try {
    return await commit();
  } catch (error) {
    if (expectedVersion === undefined && error instanceof StaleVersionError) {
      refuse('conflict', 'PLAN_CHANGED_CONCURRENTLY', { zhTW: '計畫已被同時變更，請重新讀取後再試', en: 'The plan changed at the same time; read it again and retry' });
    }
    throw error;
  }
}

export function commitPlanChange(context: TenantCommandContext, change: PreparedChange, expectedVersion: number | undefined): Promise<void> {
  return withConcurrentChangeRefused(expectedVersion, () => commitChange(context, change, 'update'));
}

/** The label is printed in the ROC calendar, which has no dates before 1912. */
export function assertLabelDate(versionDate: IsoDate | undefined): void {
  if (versionDate === undefined) return;
  try {
    formatRocDate(versionDate);
  } catch {
    refuse('invalid', 'INVALID_VERSION_DATE', { zhTW: '版本日期須在民國元年（1912-01-01）以後', en: 'The version date must be on or after 1912-01-01 (ROC year 1)' }, { field: 'versionDate' });
  }
}

/**
 * One version moves by a domain transition (edit, submit, reject): load it (404), check If-Match,
 * apply the transition (a refusal is a CommandFailure), commit the next revision with its audit.
 */
export async function changeVersion(
  context: TenantCommandContext,
  input: { versionNumber: number; expectedVersion: number | undefined; action: string; transition: (version: PlanVersion) => PlanVersionOutcome<PlanVersion> },
): Promise<{ view: PlanVersionView; version: number }> {
  const { after } = await withConcurrentChangeRefused(input.expectedVersion, () =>
    commitVersionedChange<StoredPlanVersion>(context, {
      key: planKeys.version(input.versionNumber),
      what: PLAN_VERSION_WHAT,
      expectedVersion: input.expectedVersion,
      apply: (current) => {
        const stored = withoutKeys(current as unknown as Record<string, unknown>) as unknown as StoredPlanVersion;
        return nextStored(stored, unwrap(input.transition(toDomainVersion(stored))), context.actor.actorId);
      },
      toItem: versionItem,
      audit: { action: input.action, resourceType: 'planVersion', resourceId: String(input.versionNumber), view: toVersionView },
      response: (after) => ({ status: 200, body: toVersionView(after) }),
    }),
  );
  return { view: toVersionView(after), version: after.version };
}
