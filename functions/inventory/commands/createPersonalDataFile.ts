/** Adds a file to the inventory (one row of the §3(3) table); its id must be new, even among retired files. */
import { checkPersonalDataFile, type PersonalDataFile } from '../../../domain/inventory/personalDataFile';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { assertVendorLinks, commitInventoryChange } from '../inventoryCommit';
import { auditViewOf, toFileView, type PersonalDataFileView } from '../inventoryModel';
import { loadCodeLists, putFileWrite, type PersonalDataFileRecord } from '../inventoryStore';

export async function createPersonalDataFile(context: TenantCommandContext, input: PersonalDataFile): Promise<PersonalDataFileView> {
  const codeLists = await loadCodeLists(context.table);
  const file = unwrap(checkPersonalDataFile(input, codeLists));
  await assertVendorLinks(context.table, file);
  const now = context.clock().toISOString();
  const record: PersonalDataFileRecord = { file, version: 1, createdAt: now, updatedAt: now, retired: null };
  const view = toFileView(record, codeLists);
  await commitInventoryChange(
    context,
    async () => ({
      changes: [{ action: 'personalDataFile.create', resourceType: 'personalDataFile', resourceId: file.id, before: null, after: auditViewOf(file) }],
      // attribute_not_exists: an id in use, even by a retired file, is a 409.
      writes: [putFileWrite(context.table.tableName, record, codeLists, null)],
      count: { before: [], after: [file] },
      response: { status: 201, body: view },
      result: view,
    }),
    'create',
  );
  return view;
}
