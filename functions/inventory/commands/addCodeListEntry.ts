/**
 * Adds a specific purpose or a data category to the tenant's own code list. A redefined code
 * must not make a file of the inventory break the rules.
 */
import { addTenantCode, mergeCodeLists, type TenantCodeEntry } from '../../../domain/inventory/codeLists';
import { checkCodeListChange } from '../../../domain/inventory/personalDataFile';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { toCodeListsView, type CodeListsView } from '../inventoryModel';
import { loadLiveFiles, loadTenantCodeLists, putCodeListsWrite } from '../inventoryStore';

export async function addCodeListEntry(context: TenantCommandContext, added: TenantCodeEntry): Promise<CodeListsView> {
  const { lists: current, version } = await loadTenantCodeLists(context.table);
  const lists = unwrap(addTenantCode(current, added));
  const merged = unwrap(checkCodeListChange(await loadLiveFiles(context.table), mergeCodeLists(lists)));
  const nextVersion = (version ?? 0) + 1;
  const view = toCodeListsView(merged, nextVersion);
  await commitChange(context, {
    changes: [{ action: 'inventoryCodeList.add', resourceType: 'inventoryCodeList', resourceId: added.entry.code, before: current, after: lists }],
    writes: [putCodeListsWrite(context.table.tableName, lists, nextVersion, version)],
    response: { status: 201, body: view },
  });
  return view;
}
