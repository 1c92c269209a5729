/** Takes a file out of the inventory without deleting it: it leaves lists, totals and exports but stays readable. */
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion } from '../../application/failures';
import { assertNotRetired, commitInventoryChange } from '../inventoryCommit';
import { auditViewOf, toFileView, type PersonalDataFileView } from '../inventoryModel';
import { loadCodeLists, putFileWrite, requireFileRecord, type PersonalDataFileRecord } from '../inventoryStore';

export async function retirePersonalDataFile(context: TenantCommandContext, fileId: string, reason: string, expectedVersion: number | undefined): Promise<PersonalDataFileView> {
  const codeLists = await loadCodeLists(context.table);
  const now = context.clock().toISOString();
  return commitInventoryChange(
    context,
    async () => {
      const current = await requireFileRecord(context.table, fileId);
      assertNotRetired(current);
      assertVersion(current.version, expectedVersion);
      const retired = { at: now, by: context.actor.actorId, reason };
      const next: PersonalDataFileRecord = { ...current, retired, version: current.version + 1, updatedAt: now };
      const view = toFileView(next, codeLists);
      return {
        changes: [{ action: 'personalDataFile.retire', resourceType: 'personalDataFile', resourceId: fileId, before: auditViewOf(current.file), after: auditViewOf(current.file, retired) }],
        writes: [putFileWrite(context.table.tableName, next, codeLists, current.version)],
        count: { before: [current.file], after: [] },
        response: { status: 200, body: view },
        result: view,
      };
    },
    'update',
  );
}
