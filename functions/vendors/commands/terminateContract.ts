import { terminateContract as terminate, type ContractTerminationInput } from '../../../domain/vendor/termination';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { chaseDeadline, combineDeadlineChanges } from '../../reviews/chaseDeadline';
import { contractEndDutyId, deadlineContextOf, returnDeletionDeadline } from '../vendorDeadlines';
import { changeContract } from './changeContract';

/**
 * Ends the entrustment: opens the return/deletion obligation (Rules Art. 8 ¶2 item 6) as a
 * deadline, and answers the contract-end deadline.
 */
export async function terminateContract(context: TenantCommandContext, vendorId: string, contractId: string, expectedVersion: number | undefined, input: ContractTerminationInput) {
  return changeContract(context, vendorId, contractId, expectedVersion, {
    action: 'vendorContract.terminate',
    apply(current, now) {
      const { obligation } = unwrap(terminate(current, input));
      return { ...current, terminatedOn: input.terminatedOn, terminationReason: input.reason, returnDeletion: obligation, updatedAt: now };
    },
    async deadlines(after) {
      const deadline = deadlineContextOf(context);
      return combineDeadlineChanges([
        await chaseDeadline(deadline, { kind: 'set', spec: returnDeletionDeadline(after, after.returnDeletion!.dueOn) }),
        // The end-of-contract reminder is answered by the termination itself.
        await chaseDeadline(deadline, { kind: 'met', dutyId: contractEndDutyId(contractId), notes: `Contract terminated on ${input.terminatedOn}` }),
      ]);
    },
  });
}
