import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { commitVersionedChange } from '../../application/versionedChange';
import { applyDeadlineSchedules, noDeadlineChanges, type DeadlineChanges } from '../../reviews/chaseDeadline';
import { vendorKeys, type ContractRecord } from '../vendorEntities';
import { contractItem, contractViewer, contractWhat, recordOf } from '../vendorStore';

interface ContractChange {
  /** Audit action, e.g. `vendorContract.terminate`. */
  action: string;
  /** The next state of the contract (may refuse with a CommandFailure). */
  apply(current: ContractRecord, now: string): ContractRecord;
  /** Deadlines the change sets or answers; their reminders are scheduled after the commit. */
  deadlines?(after: ContractRecord): Promise<DeadlineChanges>;
}

/**
 * One versioned, audited change of an outsourcing contract: the update, termination and
 * return/deletion confirmation differ only in the state they produce and the deadlines they touch.
 */
export async function changeContract(context: TenantCommandContext, vendorId: string, contractId: string, expectedVersion: number | undefined, change: ContractChange) {
  const viewOf = await contractViewer(context.table, vendorId, tenantToday(context));
  let deadlines = noDeadlineChanges();
  const { after } = await commitVersionedChange<ContractRecord>(context, {
    key: vendorKeys.contract(vendorId, contractId),
    what: contractWhat,
    expectedVersion,
    apply: (stored) => change.apply(recordOf<ContractRecord>(stored), context.clock().toISOString()),
    toItem: contractItem,
    audit: { action: change.action, resourceType: 'vendorContract', resourceId: contractId, view: viewOf },
    async related(_before, after) {
      if (change.deadlines) deadlines = await change.deadlines(after);
      return deadlines;
    },
    response: (after) => ({ status: 200, body: viewOf(after) }),
  });
  await applyDeadlineSchedules(context, deadlines);
  return { view: viewOf(after), version: after.version };
}
