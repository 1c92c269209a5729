import { confirmReturnOrDeletion, type ReturnDeletionConfirmation } from '../../../domain/vendor/termination';
import type { TenantCommandContext } from '../../application/commandContext';
import { refuse, unwrap } from '../../application/failures';
import { chaseDeadline } from '../../reviews/chaseDeadline';
import { deadlineContextOf, returnDeletionDutyId } from '../vendorDeadlines';
import { changeContract } from './changeContract';

/** Closes the return/deletion obligation with its evidence; the record is kept at least 5 years. */
export async function confirmReturnDeletion(context: TenantCommandContext, vendorId: string, contractId: string, expectedVersion: number | undefined, input: ReturnDeletionConfirmation) {
  return changeContract(context, vendorId, contractId, expectedVersion, {
    action: 'vendorContract.confirmReturnDeletion',
    apply(current, now) {
      if (!current.returnDeletion) {
        refuse('conflict', 'CONTRACT_NOT_TERMINATED', {
          zhTW: '契約尚未終止，沒有待確認之返還／刪除義務',
          en: 'The contract has not been terminated; there is no return/deletion obligation to confirm',
        });
      }
      return { ...current, returnDeletion: unwrap(confirmReturnOrDeletion(current.returnDeletion, input)), updatedAt: now };
    },
    // The task is completed by the person who checked the disposal on our side.
    deadlines: () => chaseDeadline({ ...deadlineContextOf(context), actorId: input.confirmedBy }, {
      kind: 'met',
      dutyId: returnDeletionDutyId(contractId),
      notes: `${input.method} confirmed on ${input.confirmedOn}; evidence: ${input.evidenceRefs.join(', ')}`,
    }),
  });
}
