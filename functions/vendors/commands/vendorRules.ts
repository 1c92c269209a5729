/**
 * Rules and write guards the vendor commands share: the sub-processor chain (複委託), the
 * "vendor still exists" condition of every child record's write, and links to the inventory.
 */
import { refuse } from '../../application/failures';
import { vendorHierarchyIssues } from '../../../domain/vendor/vendor';
import type { TransactItem } from '../../store/auditedCommit';
import type { TableRef } from '../../store/tableRef';
import { vendorKeys } from '../vendorEntities';
import { findVendor } from '../vendorStore';
import { fieldIssueDetails, type FieldIssue } from '../../../domain/inventory/fieldIssues';
import { loadCodeLists, unknownFileIds } from '../../inventory/inventoryStore';

/**
 * Inventory files a vendor or its contract names must be live files of this tenant. Only the ids
 * the change adds are checked, so an edit is not blocked by a link recorded before this check.
 */
export async function assertFileLinks(table: TableRef, fileIds: readonly string[], field: string, linkedBefore: readonly string[] = []): Promise<void> {
  const added = fileIds.filter((id) => !linkedBefore.includes(id));
  if (added.length === 0) return;
  const unknown = await unknownFileIds(table, added);
  if (unknown.size === 0) return;
  const issues: FieldIssue[] = fileIds.flatMap((id, index) =>
    unknown.has(id) ? [{ path: [...field.split('.'), index], message: { zhTW: `個資檔案 ${id} 不在個資盤點清冊中（或已停用）`, en: `personal-data file ${id} is not in the inventory (or is retired)` } }] : [],
  );
  refuse('invalid', 'unknownPersonalDataFile', { zhTW: '所列個資檔案須為個資盤點清冊中之檔案', en: 'Listed personal-data files must be in the inventory' }, { field, details: fieldIssueDetails(issues) });
}

/** A contract's purposes must be codes of the tenant's code list, as a file's purposes are. */
export async function assertContractPurposes(table: TableRef, purposes: readonly string[]): Promise<void> {
  const codeLists = await loadCodeLists(table);
  const issues: FieldIssue[] = purposes.flatMap((code, index) =>
    codeLists.specificPurposes.has(code)
      ? []
      : [{ path: ['scope', 'purposes', index], message: { zhTW: `特定目的代號 ${code} 不在代碼表中，請先新增至公司代碼表`, en: `specific purpose ${code} is not in the code list; add it to the tenant code list first` } }],
  );
  if (issues.length > 0)
    refuse('invalid', 'unknownSpecificPurpose', { zhTW: '契約之特定目的須為代碼表中之代號', en: 'Contract purposes must be codes of the code list' }, { field: 'scope.purposes', details: fieldIssueDetails(issues) });
}

/** The vendor must still exist when a child record or a sub-processor link is written. */
export function vendorExistsCheck(tableName: string, vendorId: string): TransactItem {
  return { ConditionCheck: { TableName: tableName, Key: vendorKeys.vendor(vendorId), ConditionExpression: 'attribute_exists(pk)' } };
}

/** A sub-processor chain is short in practice; the walk stops here so a corrupt chain cannot loop the request. */
const MAX_CHAIN_DEPTH = 25;

const hierarchyReasons = {
  PARENT_UNKNOWN: { zhTW: '找不到此委託上層受託者（須為本組織已登錄之受託者）', en: 'No such parent vendor in this organisation' },
  PARENT_SELF: { zhTW: '受託者不可為自己的複委託對象', en: 'A vendor cannot be its own sub-processor' },
  PARENT_CYCLE: { zhTW: '複委託關係不可形成循環', en: 'Sub-processor links cannot form a loop' },
} as const;

/**
 * Validates a sub-processor link (複委託, Rules Art. 8 ¶2 item 3) against the vendors of THIS
 * tenant only: walks the proposed parent chain and lets the domain find unknown, self or looping
 * links. Another tenant's vendor id reads as unknown.
 */
export async function assertVendorHierarchy(table: TableRef, self: { id: string; parentVendorId?: string }): Promise<void> {
  if (self.parentVendorId === undefined) return;
  const chain: { id: string; parentVendorId?: string }[] = [self];
  const seen = new Set([self.id]);
  let nextId: string | undefined = self.parentVendorId;
  for (let depth = 0; nextId !== undefined && !seen.has(nextId) && depth < MAX_CHAIN_DEPTH; depth += 1) {
    const parent = await findVendor(table, nextId);
    if (!parent) break;
    chain.push({ id: parent.id, ...(parent.parentVendorId ? { parentVendorId: parent.parentVendorId } : {}) });
    seen.add(parent.id);
    nextId = parent.parentVendorId;
  }
  const issue = vendorHierarchyIssues(chain).find((found) => found.vendorId === self.id);
  if (!issue) return;
  refuse('invalid', issue.code, hierarchyReasons[issue.code], { field: 'parentVendorId' });
}
