import { confirmReturnOrDeletion, type ReturnDeletionConfirmation } from '../../../domain/vendor/termination';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { refuse, unwrap } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import { applyDeadlineSchedules, chaseDeadline, noDeadlineChanges } from '../../reviews/chaseDeadline';
import { deadlineContextOf, returnDeletionDutyId } from '../vendorDeadlines';
import { vendorKeys, type ContractRecord } from '../vendorEntities';
import { contractItem, contractViewer, contractWhat, recordOf } from '../vendorStore';

/** Closes the return/deletion obligation with its evidence; the record is kept at least 5 years. */
export async function confirmReturnDeletion(context: TenantCommandContext, vendorId: string, contractId: string, expectedVersion: number | undefined, input: ReturnDeletionConfirmation) {
  const today = tenantToday(context);
  const viewOf = await contractViewer(context.table, vendorId, today);
  let deadline = noDeadlineChanges();
  const { after } = await commitVersionedChange<ContractRecord>(context, {
    key: vendorKeys.contract(vendorId, contractId),
    what: contractWhat,
    expectedVersion,
    apply(stored) {
      const current = recordOf<ContractRecord>(stored);
      if (!current.returnDeletion) {
        refuse('conflict', 'CONTRACT_NOT_TERMINATED', {
          zhTW: '契約尚未終止，沒有待確認之返還／刪除義務',
          en: 'The contract has not been terminated; there is no return/deletion obligation to confirm',
        });
      }
      return { ...current, returnDeletion: unwrap(confirmReturnOrDeletion(current.returnDeletion, input)), updatedAt: context.clock().toISOString() };
    },
    toItem: contractItem,
    audit: { action: 'vendorContract.confirmReturnDeletion', resourceType: 'vendorContract', resourceId: contractId, view: viewOf },
    async related() {
      // The task is completed by the person who checked the disposal on our side.
      deadline = await chaseDeadline({ ...deadlineContextOf(context), actorId: input.confirmedBy }, {
        kind: 'met',
        dutyId: returnDeletionDutyId(contractId),
        notes: `${input.method} confirmed on ${input.confirmedOn}; evidence: ${input.evidenceRefs.join(', ')}`,
      });
      return deadline;
    },
    response: (after) => ({ status: 200, body: viewOf(after) }),
  });
  await applyDeadlineSchedules(context, deadline);
  return { view: viewOf(after), version: after.version };
}
