import { createDraftVersion, type PlanContent } from '../../../domain/plan';
import type { IsoDate } from '../../../domain/shared/isoDate';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import type { StoredPlanVersion } from '../planEntities';
import { toVersionView, type PlanVersionView } from '../planModel';
import { headWrite, loadHead, loadVersion, toDomainVersion, toStoredVersion, versionWrite } from '../planStore';
import { assertLabelDate, commitPlanChange, versionAuditChange } from './planVersionChange';

/**
 * Opens a draft numbered after the latest version. Only one version may be open (draft or
 * submitted) at a time; the register is written with the draft, so two editors cannot both open one.
 */
export async function createPlanDraft(
  context: TenantCommandContext,
  input: { content: PlanContent; versionDate?: IsoDate },
): Promise<{ view: PlanVersionView; version: number; versionNumber: number }> {
  assertLabelDate(input.versionDate);
  const now = context.clock().toISOString();
  const actorId = context.actor.actorId;
  const head = await loadHead(context.table);
  // The open and the approved version are the only ones the rules look at: the newest
  // version is always one of them, since versions are never deleted.
  const relevant = await Promise.all(
    [head.openVersionNumber, head.approvedVersionNumber].filter((n): n is number => n !== null).map((n) => loadVersion(context.table, n)),
  );
  const draft = unwrap(createDraftVersion(relevant.filter((v): v is StoredPlanVersion => v !== undefined).map(toDomainVersion), {
    content: input.content,
    versionDate: input.versionDate ?? tenantToday(context),
    now,
  }));
  // The register numbers versions, so a number is never reused even if reads raced.
  const versionNumber = head.latestVersionNumber + 1;
  const stored = toStoredVersion({ ...draft, versionNumber }, { createdBy: actorId, updatedBy: actorId, revision: 1 });
  const view = toVersionView(stored);
  const nextHead = { ...head, latestVersionNumber: versionNumber, openVersionNumber: versionNumber, version: head.version + 1 };
  await commitPlanChange(context, {
    changes: [versionAuditChange('plan.version.create', null, stored)],
    writes: [versionWrite(context.table.tableName, stored, null), headWrite(context.table.tableName, nextHead, head.version)],
    response: { status: 201, body: view },
  }, undefined);
  return { view, version: stored.version, versionNumber };
}
