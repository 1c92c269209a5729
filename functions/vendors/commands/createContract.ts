import { compareIsoDate } from '../../../domain/shared/isoDate';
import { effectiveContractEnd } from '../../../domain/vendor/contract';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { commitChange } from '../../application/versionedChange';
import { applyDeadlineSchedules, chaseDeadline, noDeadlineChanges } from '../../reviews/chaseDeadline';
import { putEntityWrite } from '../../store/entityModel';
import { newId } from '../../store/ids';
import { contractEndDeadline, deadlineContextOf } from '../vendorDeadlines';
import type { ContractRecord } from '../vendorEntities';
import type { CreateContractInput } from '../vendorModel';
import { contractItem, contractViewOf, requireVendor } from '../vendorStore';
import { assertContractPurposes, assertFileLinks, vendorExistsCheck } from './vendorRules';

/** Records an entrustment contract; a coming end date becomes a one-time deadline. */
export async function createContract(context: TenantCommandContext, vendorId: string, input: CreateContractInput) {
  const vendor = await requireVendor(context.table, vendorId);
  await assertContractPurposes(context.table, input.scope.purposes);
  await assertFileLinks(context.table, input.scope.personalDataFileIds, 'scope.personalDataFileIds');
  const now = context.clock().toISOString();
  const today = tenantToday(context);
  const id = newId('vct');
  const record: ContractRecord = { ...input, vendorId: vendor.id, id, tenantId: context.tenantId, createdAt: now, updatedAt: now, version: 1 };
  // A contract that already ended when recorded needs no reminder of its end; only a coming end is chased.
  const end = effectiveContractEnd(record, today);
  const deadline = end !== null && compareIsoDate(end, today) >= 0
    ? await chaseDeadline(deadlineContextOf(context), { kind: 'set', spec: contractEndDeadline(record, end) })
    : noDeadlineChanges();
  const view = await contractViewOf(context.table, record, today);
  await commitChange(context, {
    changes: [{ action: 'vendorContract.create', resourceType: 'vendorContract', resourceId: id, before: null, after: view }, ...deadline.changes],
    writes: [putEntityWrite(context.table.tableName, contractItem(record), null), vendorExistsCheck(context.table.tableName, vendor.id), ...deadline.writes],
    response: { status: 201, body: view },
  }, 'create');
  await applyDeadlineSchedules(context, deadline);
  return { view, version: record.version };
}
