/**
 * Every inventory mutation commits through here: the file writes, their audit events and —
 * when the change moves today's total — the record-count history item, in one transaction.
 */
import type { PersonalDataFile } from '../../domain/inventory/personalDataFile';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { ApiContext } from '../http/context';
import { tenantMutationScope, tenantOf } from '../http/context';
import { ApiProblem } from '../http/problem';
import { commitAudited, WriteConflictError, type AuditedChange, type MutationScope, type TransactItem } from '../store/auditedCommit';
import { mapWriteConflict } from '../store/entityStore';
import { recordCountWrites, tenantToday, type TableRef } from './inventoryStore';

export interface PreparedInventoryChange<R> {
  changes: AuditedChange[];
  writes: TransactItem[];
  /** Live versions of the touched files before and after (absent = not in the inventory). */
  count: { before: readonly PersonalDataFile[]; after: readonly PersonalDataFile[] };
  response?: { status: number; body: unknown };
  result: R;
}

const MAX_HEAD_RETRIES = 5;

/**
 * Prepares (reads, decides) and commits; when another total-changing mutation took the
 * inventory head first, the whole preparation runs again on fresh data.
 */
export async function commitInventoryChange<R>(
  target: { scope: MutationScope; table: TableRef; today: IsoDate },
  prepare: () => Promise<PreparedInventoryChange<R>>,
  kind: 'create' | 'update',
): Promise<R> {
  for (let attempt = 0; ; attempt += 1) {
    const prepared = await prepare();
    const counts = await recordCountWrites(target.table, target.today, prepared.count);
    try {
      await commitAudited(target.scope, { changes: prepared.changes, writes: [...prepared.writes, ...counts.writes], response: prepared.response });
      return prepared.result;
    } catch (error) {
      const headConflict = error instanceof WriteConflictError && counts.writes.length > 0 && error.writeIndex === prepared.writes.length;
      if (!headConflict) mapWriteConflict(error, kind);
      if (attempt >= MAX_HEAD_RETRIES)
        throw new ApiProblem('conflict', { detail: { zhTW: '個資清冊正被同時修改，請稍後再試', en: 'The inventory is being changed concurrently; try again' } });
    }
  }
}

export function inventoryTarget(c: ApiContext) {
  const tenant = tenantOf(c);
  return { scope: tenantMutationScope(c), table: tenant, today: tenantToday(tenant, c.get('deps').clock()) };
}
