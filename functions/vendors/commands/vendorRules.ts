/**
 * Rules and write guards the vendor commands share: the sub-processor chain (複委託) and the
 * "vendor still exists" condition of every child record's write.
 */
import { refuse } from '../../application/failures';
import { vendorHierarchyIssues } from '../../../domain/vendor/vendor';
import type { TransactItem } from '../../store/auditedCommit';
import type { TableRef } from '../../store/tableRef';
import { vendorKeys } from '../vendorEntities';
import { findVendor } from '../vendorStore';

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
