import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { refuse } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import { vendorKeys, type ContractRecord } from '../vendorEntities';
import type { UpdateContractInput } from '../vendorModel';
import { contractItem, contractViewer, contractWhat, recordOf } from '../vendorStore';

/** Changes a contract's title, reference or clause checklist; a terminated contract is closed to edits. */
export async function updateContract(context: TenantCommandContext, vendorId: string, contractId: string, expectedVersion: number | undefined, input: UpdateContractInput) {
  const today = tenantToday(context);
  const viewOf = await contractViewer(context.table, vendorId, today);
  const { after } = await commitVersionedChange<ContractRecord>(context, {
    key: vendorKeys.contract(vendorId, contractId),
    what: contractWhat,
    expectedVersion,
    apply(stored) {
      const current = recordOf<ContractRecord>(stored);
      if (current.terminatedOn !== undefined) {
        refuse('conflict', 'CONTRACT_ALREADY_TERMINATED', { zhTW: '已終止之委外契約不可再修改', en: 'A terminated contract can no longer be changed' });
      }
      const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      return { ...current, ...defined, updatedAt: context.clock().toISOString() };
    },
    toItem: contractItem,
    audit: { action: 'vendorContract.update', resourceType: 'vendorContract', resourceId: contractId, view: viewOf },
  });
  return { view: viewOf(after), version: after.version };
}
