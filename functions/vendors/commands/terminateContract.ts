import { terminateContract as terminate, type ContractTerminationInput } from '../../../domain/vendor/termination';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import { applyDeadlineSchedules, chaseDeadline, combineDeadlineChanges, noDeadlineChanges } from '../../reviews/chaseDeadline';
import { contractEndDutyId, deadlineContextOf, returnDeletionDeadline } from '../vendorDeadlines';
import { vendorKeys, type ContractRecord } from '../vendorEntities';
import { contractItem, contractViewer, contractWhat, recordOf } from '../vendorStore';

/**
 * Ends the entrustment: opens the return/deletion obligation (Rules Art. 8 ¶2 item 6) as a
 * deadline, and answers the contract-end deadline.
 */
export async function terminateContract(context: TenantCommandContext, vendorId: string, contractId: string, expectedVersion: number | undefined, input: ContractTerminationInput) {
  const today = tenantToday(context);
  const viewOf = await contractViewer(context.table, vendorId, today);
  let deadlines = noDeadlineChanges();
  const { after } = await commitVersionedChange<ContractRecord>(context, {
    key: vendorKeys.contract(vendorId, contractId),
    what: contractWhat,
    expectedVersion,
    apply(stored) {
      const current = recordOf<ContractRecord>(stored);
      const { obligation } = unwrap(terminate(current, input));
      return { ...current, terminatedOn: input.terminatedOn, terminationReason: input.reason, returnDeletion: obligation, updatedAt: context.clock().toISOString() };
    },
    toItem: contractItem,
    audit: { action: 'vendorContract.terminate', resourceType: 'vendorContract', resourceId: contractId, view: viewOf },
    async related(_before, after) {
      const deadline = deadlineContextOf(context);
      deadlines = combineDeadlineChanges([
        await chaseDeadline(deadline, { kind: 'set', spec: returnDeletionDeadline(after, after.returnDeletion!.dueOn) }),
        // The end-of-contract reminder is answered by the termination itself.
        await chaseDeadline(deadline, { kind: 'met', dutyId: contractEndDutyId(contractId), notes: `Contract terminated on ${input.terminatedOn}` }),
      ]);
      return deadlines;
    },
    response: (after) => ({ status: 200, body: viewOf(after) }),
  });
  await applyDeadlineSchedules(context, deadlines);
  return { view: viewOf(after), version: after.version };
}
