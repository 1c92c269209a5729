import type { TenantCommandContext } from '../../application/commandContext';
import { refuse } from '../../application/failures';
import type { UpdateContractInput } from '../vendorModel';
import { changeContract } from './changeContract';

/** Changes a contract's title, reference or clause checklist; a terminated contract is closed to edits. */
export async function updateContract(context: TenantCommandContext, vendorId: string, contractId: string, expectedVersion: number | undefined, input: UpdateContractInput) {
  return changeContract(context, vendorId, contractId, expectedVersion, {
    action: 'vendorContract.update',
    apply(current, now) {
      if (current.terminatedOn !== undefined) {
        refuse('conflict', 'CONTRACT_ALREADY_TERMINATED', { zhTW: '已終止之委外契約不可再修改', en: 'A terminated contract can no longer be changed' });
      }
      const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      return { ...current, ...defined, updatedAt: now };
    },
  });
}
