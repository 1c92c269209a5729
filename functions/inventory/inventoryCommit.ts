/**
 * Every inventory mutation commits through here: the file writes, their audit events and —
 * when the change moves today's total — the record-count history item, in one transaction.
 */
import { checkPersonalDataFile, type PersonalDataFile } from '../../domain/inventory/personalDataFile';
import { mutationScopeOf, tenantToday, type TenantCommandContext } from '../application/commandContext';
import { AlreadyExistsError, assertVersion, refuse, StaleVersionError, unwrap } from '../application/failures';
import { commitAudited, WriteConflictError, type AuditedChange, type TransactItem } from '../store/auditedCommit';
import { auditViewOf, toFileView, type PersonalDataFileView } from './inventoryModel';
import { fieldIssueDetails } from '../../domain/inventory/fieldIssues';
import type { TableRef } from '../store/tableRef';
import { loadCodeLists, putFileWrite, recordCountWrites, requireFileRecord, unknownVendorIds, type PersonalDataFileRecord } from './inventoryStore';

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
 * inventory head first, the whole preparation runs again on fresh data. This is why it calls
 * commitAudited itself: only the failed write's index tells a lost head race (retry) from a
 * stale file (412) or a taken id (409), and commitChange does not keep it.
 */
export async function commitInventoryChange<R>(context: TenantCommandContext, prepare: () => Promise<PreparedInventoryChange<R>>, kind: 'create' | 'update'): Promise<R> {
  const today = tenantToday(context);
  for (let attempt = 0; ; attempt += 1) {
    const prepared = await prepare();
    const counts = await recordCountWrites(context.table, today, prepared.count);
    try {
      await commitAudited(mutationScopeOf(context), { changes: prepared.changes, writes: [...prepared.writes, ...counts.writes], response: prepared.response });
      return prepared.result;
    } catch (error) {
      if (!(error instanceof WriteConflictError)) throw error;
      const headConflict = counts.writes.length > 0 && error.writeIndex === prepared.writes.length;
      if (!headConflict) throw kind === 'create' ? new AlreadyExistsError() : new StaleVersionError();
      if (attempt >= MAX_HEAD_RETRIES)
        refuse('conflict', 'inventoryChangedConcurrently', { zhTW: '個資清冊正被同時修改，請稍後再試', en: 'The inventory is being changed concurrently; try again' });
    }
  }
}

/**
 * 委外廠商 must be vendors on the tenant's register. Only links the change adds are checked, so a
 * review decision on an older file is not blocked by a link made before this check existed.
 */
export async function assertVendorLinks(table: TableRef, file: PersonalDataFile, linkedBefore: readonly string[] = []): Promise<void> {
  const added = file.vendorIds.filter((id) => !linkedBefore.includes(id));
  if (added.length === 0) return;
  const unknown = await unknownVendorIds(table, added);
  if (unknown.size === 0) return;
  const issues = file.vendorIds.flatMap((id, index) =>
    unknown.has(id) ? [{ path: ['vendorIds', index], message: { zhTW: `委外廠商 ${id} 不在受託者清冊中，請先登錄該受託者`, en: `vendor ${id} is not on the vendor register; register it first` } }] : [],
  );
  refuse('invalid', 'unknownVendor', { zhTW: '委外廠商須為已登錄之受託者', en: 'Vendors must be on the vendor register' }, { field: 'vendorIds', details: fieldIssueDetails(issues) });
}

export function assertNotRetired(record: PersonalDataFileRecord): void {
  if (record.retired) refuse('conflict', 'fileRetired', { zhTW: '此個資檔案已停用，不能再修改', en: 'The file is retired and can no longer change' });
}

/** A file that stays live before and after: its before/after for the record-count check. */
const live = (record: PersonalDataFileRecord) => (record.retired ? [] : [record.file]);

/**
 * Replaces a live file (PUT, PATCH, review): If-Match, the decision on the current file, the
 * code-list check, audit and record-count history.
 */
export async function replaceLiveFile(
  context: TenantCommandContext,
  change: { fileId: string; action: string; expectedVersion: number | undefined; decide(current: PersonalDataFileRecord): PersonalDataFile },
): Promise<PersonalDataFileView> {
  const codeLists = await loadCodeLists(context.table);
  const now = context.clock().toISOString();
  return commitInventoryChange(
    context,
    async () => {
      const current = await requireFileRecord(context.table, change.fileId);
      assertNotRetired(current);
      assertVersion(current.version, change.expectedVersion);
      const file = unwrap(checkPersonalDataFile(change.decide(current), codeLists));
      await assertVendorLinks(context.table, file, current.file.vendorIds);
      const next: PersonalDataFileRecord = { ...current, file, version: current.version + 1, updatedAt: now };
      const view = toFileView(next, codeLists);
      return {
        changes: [{ action: change.action, resourceType: 'personalDataFile', resourceId: change.fileId, before: auditViewOf(current.file), after: auditViewOf(file) }],
        writes: [putFileWrite(context.table.tableName, next, codeLists, current.version)],
        count: { before: live(current), after: [file] },
        response: { status: 200, body: view },
        result: view,
      };
    },
    'update',
  );
}
