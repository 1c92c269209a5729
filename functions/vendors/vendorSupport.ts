/** Small helpers the vendor routes share: access policies, "today", domain-error mapping, loads. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { READ_ROLES, WRITE_ROLES, type AccessPolicy } from '../../domain/access/roles';
import { zonedDateOf, type IsoDate } from '../../domain/shared/isoDate';
import type { VendorError } from '../../domain/vendor/errors';
import { vendorHierarchyIssues } from '../../domain/vendor/vendor';
import { tenantOf, type ApiContext } from '../http/context';
import { ApiProblem, type FieldError } from '../http/problem';
import { getEntity, requireEntity } from '../store/entityStore';
import { recordOf, subProcessorsQuery, vendorKeys, type ContractRecord, type VendorRecord } from './vendorStore';

/** People who read compliance records, plus integrations holding the vendor:read scope. */
export const vendorReadAccess: AccessPolicy = { plane: 'tenant', roles: [...READ_ROLES, 'integration'], integrationScope: 'vendor:read' };
export const vendorWriteAccess: AccessPolicy = { plane: 'tenant', roles: WRITE_ROLES };

/** Dates in vendor oversight are the tenant's calendar dates. */
export function todayOf(c: ApiContext): IsoDate {
  return zonedDateOf(c.get('deps').clock(), tenantOf(c).profile.timeZone);
}

/** conflict (the record's state forbids it) → 409, invalid (the request breaks a rule) → 422. */
export function vendorProblem(error: VendorError, field?: string, extra: FieldError[] = []): ApiProblem {
  const errors = [...(field ? [{ field, reason: error.message }] : []), ...extra];
  return new ApiProblem(error.kind === 'conflict' ? 'conflict' : 'ruleViolation', {
    code: error.code,
    detail: error.message,
    ...(errors.length ? { errors } : {}),
  });
}

export const vendorWhat = { zhTW: '此受託者', en: 'vendor' };
export const contractWhat = { zhTW: '此委外契約', en: 'vendor contract' };

export async function requireVendor(c: ApiContext, vendorId: string): Promise<VendorRecord> {
  return recordOf<VendorRecord>(await requireEntity<VendorRecord>(c, vendorKeys.vendor(vendorId), vendorWhat));
}

export async function requireContract(c: ApiContext, vendorId: string, contractId: string): Promise<ContractRecord> {
  return recordOf<ContractRecord>(await requireEntity<ContractRecord>(c, vendorKeys.contract(vendorId, contractId), contractWhat));
}

/** Does the vendor have sub-processors on record? (A one-item Query on the sub-processor index.) */
export async function hasSubProcessors(c: ApiContext, vendorId: string): Promise<boolean> {
  const tenant = tenantOf(c);
  const result = await tenant.doc.send(new QueryCommand({ ...subProcessorsQuery(vendorId), TableName: tenant.tableName, Limit: 1 }));
  return (result.Items ?? []).length > 0;
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
export async function assertVendorHierarchy(c: ApiContext, self: { id: string; parentVendorId?: string }): Promise<void> {
  if (self.parentVendorId === undefined) return;
  const tenant = tenantOf(c);
  const chain: { id: string; parentVendorId?: string }[] = [self];
  const seen = new Set([self.id]);
  let nextId: string | undefined = self.parentVendorId;
  for (let depth = 0; nextId !== undefined && !seen.has(nextId) && depth < MAX_CHAIN_DEPTH; depth += 1) {
    const parent: VendorRecord | undefined = await getEntity<VendorRecord>(tenant.doc, tenant.tableName, vendorKeys.vendor(nextId));
    if (!parent) break;
    chain.push({ id: parent.id, ...(parent.parentVendorId ? { parentVendorId: parent.parentVendorId } : {}) });
    seen.add(parent.id);
    nextId = parent.parentVendorId;
  }
  const issue = vendorHierarchyIssues(chain).find((found) => found.vendorId === self.id);
  if (!issue) return;
  const reason = hierarchyReasons[issue.code];
  throw new ApiProblem('ruleViolation', { code: issue.code, detail: reason, errors: [{ field: 'parentVendorId', reason }] });
}
