import { createHash } from 'node:crypto';
import { approveVersion, freezePlanTables, type ApprovalInput } from '../../../domain/plan';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { assertVersion, refuse, unwrap } from '../../application/failures';
import { syncPlanDuties } from '../planDutySync';
import { completenessFor, effectiveRegulation } from '../planEvaluation';
import { toVersionView, type PlanVersionView } from '../planModel';
import { frozenTablesWrites, headWrite, loadHead, loadVersion, requireVersion, toDomainVersion, versionWrite } from '../planStore';
import { loadPlanTables } from '../planTables';
import { commitPlanChange, nextStored, versionAuditChange } from './planVersionChange';

/** Non-representatives must cite what entitles them (授權書, board resolution). */
function assertAuthorisation(approval: ApprovalInput): void {
  if (approval.capacity !== 'representative' && !approval.authorisationReference?.trim()) {
    refuse('invalid', 'INVALID_APPROVER', { zhTW: '非代表人核定時，須載明授權依據。', en: 'An approver other than the representative must cite their authorisation.' }, {
      field: 'authorisationReference',
      details: { fieldErrors: [{ field: 'authorisationReference', reason: { zhTW: '請載明授權文件或決議', en: 'Cite the authorisation document or resolution' } }] },
    });
  }
}

/**
 * Approves a submitted version (representative or a person they authorise, K0010162 Art. 5 ¶2)
 * and freezes its inventory, risk and vendor tables as they are now. Every gap the completeness check shows today must be accepted with a reason. Approval,
 * superseding the version in force and the register move in one transaction: there is never
 * zero or two plans in force. The duties follow afterwards; if that fails the approval stands
 * (`dutySyncFailed`) and POST /v1/plan/duties/sync repeats it.
 */
export async function approvePlanVersion(
  context: TenantCommandContext,
  input: { versionNumber: number; approval: ApprovalInput; expectedVersion: number | undefined },
): Promise<{ view: PlanVersionView; version: number; dutySyncFailed: boolean }> {
  const { versionNumber, expectedVersion } = input;
  const table = context.table;
  const target = await requireVersion(table, versionNumber);
  assertVersion(target.version, expectedVersion);
  assertAuthorisation(input.approval);
  const head = await loadHead(table);
  const previous = head.approvedVersionNumber !== null && head.approvedVersionNumber !== versionNumber ? await loadVersion(table, head.approvedVersionNumber) : undefined;
  const today = tenantToday(context);
  const regulation = await effectiveRegulation(context);
  // The same gaps GET …/completeness shows today; each must be accepted with a reason.
  const { gaps } = await completenessFor(context, regulation, toDomainVersion(target).content, today);
  const now = context.clock().toISOString();
  const result = unwrap(approveVersion([target, ...(previous ? [previous] : [])].map(toDomainVersion), { versionNumber, approval: input.approval, gaps, now }));
  const actorId = context.actor.actorId;
  const approved = nextStored(target, result.approved, actorId);
  // The tables are part of what was approved: frozen in the same transaction as the approval.
  const frozen = freezePlanTables(result.approved, (await loadPlanTables(table)).rows);
  const frozenJson = JSON.stringify(frozen.rows);
  const changes = [
    versionAuditChange('plan.version.approve', target, approved),
    {
      action: 'plan.version.freezeTables',
      resourceType: 'planVersion',
      resourceId: String(versionNumber),
      before: null,
      after: {
        frozenAt: frozen.frozenAt,
        inventoryRows: frozen.rows.inventory?.length ?? 0,
        riskRows: frozen.rows.risks?.length ?? 0,
        vendorRows: frozen.rows.vendors?.length ?? 0,
        sha256: createHash('sha256').update(frozenJson).digest('hex'),
      },
    },
  ];
  const writes = [versionWrite(table.tableName, approved, target.version), ...frozenTablesWrites(table.tableName, frozen)];
  if (result.superseded && previous) {
    const superseded = nextStored(previous, result.superseded, actorId);
    changes.push(versionAuditChange('plan.version.supersede', previous, superseded));
    writes.push(versionWrite(table.tableName, superseded, previous.version));
  }
  const nextHead = { ...head, openVersionNumber: head.openVersionNumber === versionNumber ? null : head.openVersionNumber, approvedVersionNumber: versionNumber, version: head.version + 1 };
  writes.push(headWrite(table.tableName, nextHead, head.version));
  const view = toVersionView(approved);
  await commitPlanChange(context, { changes, writes, response: { status: 200, body: view } }, expectedVersion);
  let dutySyncFailed = false;
  try {
    await syncPlanDuties(context, approved, today);
  } catch (error) {
    context.logger.error('plan duty sync failed after approval', {
      requestId: context.requestId,
      versionNumber,
      error: error instanceof Error ? error.message : String(error),
    });
    dutySyncFailed = true;
  }
  return { view, version: approved.version, dutySyncFailed };
}
