/**
 * Vendor oversight records ↔ tenant-table items, and the area's reads (access patterns by name,
 * vendorEntities.ts). Writes go through the commands (commands/).
 */
import { contractFindings } from '../../domain/vendor/contract';
import type { IsoDate } from '../../domain/shared/isoDate';
import { defaultVendorQuestionnaire, deriveTenantQuestionnaire, type Questionnaire } from '../../domain/vendor/questionnaire';
import { getEntity, queryAll, queryItems, queryPage, requireEntity, type EntityKey, type ListBinding, type PageRequest } from '../store/entityModel';
import { TTL_ATTRIBUTE } from '../store/tableDesign';
import type { TableRef } from '../store/tableRef';
import { vendorIndexKeys, vendorKeys, vendorPatterns, type CheckRecord, type ContractRecord, type ResponseRecord, type TenantQuestionnaireRecord, type TokenIndexRecord, type VendorRecord } from './vendorEntities';
export type { CheckRecord, ContractRecord, ResponseRecord, TenantQuestionnaireRecord, TokenIndexRecord, VendorRecord } from './vendorEntities';
import { toCheckView, toContractView, toResponseView, toVendorView } from './vendorModel';

type Item = Record<string, unknown> & EntityKey & { version: number };

export function vendorItem(vendor: VendorRecord): Item {
  return { ...vendorKeys.vendor(vendor.id), entity: 'Vendor', ...vendor, ...vendorIndexKeys.vendor(vendor) };
}

export function contractItem(contract: ContractRecord): Item {
  return { ...vendorKeys.contract(contract.vendorId, contract.id), entity: 'VendorContract', ...contract, ...vendorIndexKeys.contract(contract) };
}

export function checkItem(check: CheckRecord): Item {
  return { ...vendorKeys.check(check.vendorId, check.id), entity: 'VendorOversightCheck', ...check, ...vendorIndexKeys.check(check) };
}

export function responseItem(response: ResponseRecord): Item {
  return { ...vendorKeys.response(response.vendorId, response.id), entity: 'VendorQuestionnaireResponse', ...response };
}

export function questionnaireItem(questionnaire: TenantQuestionnaireRecord): Item {
  return { ...vendorKeys.questionnaire(), entity: 'VendorQuestionnaire', ...questionnaire };
}

/** Kept 30 days past expiry so a late click still gets "expired" rather than "unknown". */
const TOKEN_INDEX_GRACE_SECONDS = 30 * 86_400;

export function tokenIndexItem(tokenHash: string, index: TokenIndexRecord): Record<string, unknown> & EntityKey {
  return {
    ...vendorKeys.tokenIndex(tokenHash),
    entity: 'QuestionnaireTokenIndex',
    ...index,
    [TTL_ATTRIBUTE]: Math.floor(Date.parse(index.expiresAt) / 1000) + TOKEN_INDEX_GRACE_SECONDS,
  };
}

const STORAGE_FIELDS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity', TTL_ATTRIBUTE] as const;

/** The stored record without its storage keys. */
export function recordOf<T>(item: object): T {
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const field of STORAGE_FIELDS) delete copy[field];
  return copy as T;
}

// --- loads by key ---

export const vendorWhat = { zhTW: '此受託者', en: 'vendor' };
export const contractWhat = { zhTW: '此委外契約', en: 'vendor contract' };
export const responseWhat = { zhTW: '此檢查表作答', en: 'questionnaire response' };

export async function requireVendor(table: TableRef, vendorId: string): Promise<VendorRecord> {
  return recordOf<VendorRecord>(await requireEntity<VendorRecord>(table, vendorKeys.vendor(vendorId), vendorWhat));
}

export async function findVendor(table: TableRef, vendorId: string): Promise<VendorRecord | undefined> {
  const item = await getEntity<VendorRecord>(table, vendorKeys.vendor(vendorId));
  return item ? recordOf<VendorRecord>(item) : undefined;
}

export async function requireContract(table: TableRef, vendorId: string, contractId: string): Promise<ContractRecord> {
  return recordOf<ContractRecord>(await requireEntity<ContractRecord>(table, vendorKeys.contract(vendorId, contractId), contractWhat));
}

export async function requireResponse(table: TableRef, vendorId: string, responseId: string): Promise<ResponseRecord> {
  return recordOf<ResponseRecord>(await requireEntity<ResponseRecord>(table, vendorKeys.response(vendorId, responseId), responseWhat));
}

export async function findResponse(table: TableRef, vendorId: string, responseId: string): Promise<ResponseRecord | undefined> {
  const item = await getEntity<ResponseRecord>(table, vendorKeys.response(vendorId, responseId));
  return item ? recordOf<ResponseRecord>(item) : undefined;
}

/** The tenant's copy has a fixed id: one editable questionnaire per tenant. */
export const TENANT_QUESTIONNAIRE_ID = 'tenant-vendor-self-assessment';

/** The stored tenant copy, or (not yet edited) the default as version 1 of the tenant's copy. */
export async function currentQuestionnaire(table: TableRef, tenantId: string): Promise<{ questionnaire: Questionnaire; stored: boolean }> {
  const stored = await getEntity<TenantQuestionnaireRecord>(table, vendorKeys.questionnaire());
  if (stored) {
    const { updatedAt: _u, updatedBy: _b, ...questionnaire } = recordOf<TenantQuestionnaireRecord>(stored);
    return { questionnaire, stored: true };
  }
  return { questionnaire: deriveTenantQuestionnaire(defaultVendorQuestionnaire, { id: TENANT_QUESTIONNAIRE_ID, tenantId }), stored: false };
}

/** Does the vendor have sub-processors on record? */
/**
 * How a vendor's contracts are shown as of today: findings depend on whether the vendor has
 * sub-processors, read once for the whole command.
 */
export async function contractViewer(table: TableRef, vendorId: string, today: IsoDate): Promise<(stored: ContractRecord) => ReturnType<typeof toContractView>> {
  const subProcessors = await hasSubProcessors(table, vendorId);
  return (stored) => {
    const contract = recordOf<ContractRecord>(stored);
    return toContractView(contract, contractFindings(contract, { hasSubProcessors: subProcessors }), today);
  };
}

export async function hasSubProcessors(table: TableRef, vendorId: string): Promise<boolean> {
  return (await queryAll(table, vendorPatterns.subProcessorsOf(vendorId), { max: 1 })).items.length > 0;
}

/** A contract as the API shows it: state and effective end as of `today`, findings counted. */
export async function contractViewOf(table: TableRef, contract: ContractRecord, today: IsoDate) {
  const findings = contractFindings(contract, { hasSubProcessors: await hasSubProcessors(table, contract.vendorId) });
  return toContractView(contract, findings, today);
}

export async function contractFindingsOf(table: TableRef, vendorId: string, contractId: string) {
  const contract = await requireContract(table, vendorId, contractId);
  const subProcessors = await hasSubProcessors(table, vendorId);
  return { contractId, vendorId, hasSubProcessors: subProcessors, findings: contractFindings(contract, { hasSubProcessors: subProcessors }) };
}

// --- lists (one page each, cursor bound to the list) ---

export function listVendors(table: TableRef, page: PageRequest, list: ListBinding) {
  return queryPage(table, vendorPatterns.allVendors(), page, list, (item) => toVendorView(recordOf<VendorRecord>(item)));
}

export async function listSubProcessors(table: TableRef, vendorId: string, page: PageRequest, list: ListBinding) {
  await requireVendor(table, vendorId);
  return queryPage(table, vendorPatterns.subProcessorsOf(vendorId), page, list, (item) => toVendorView(recordOf<VendorRecord>(item)));
}

export async function listContracts(table: TableRef, vendorId: string, today: IsoDate, page: PageRequest, list: ListBinding) {
  await requireVendor(table, vendorId);
  const subProcessors = await hasSubProcessors(table, vendorId);
  return queryPage(table, vendorPatterns.contractsOf(vendorId), page, list, (item) => {
    const contract = recordOf<ContractRecord>(item);
    return toContractView(contract, contractFindings(contract, { hasSubProcessors: subProcessors }), today);
  });
}

export async function listChecks(table: TableRef, vendorId: string, page: PageRequest, list: ListBinding) {
  await requireVendor(table, vendorId);
  return queryPage(table, vendorPatterns.checksOf(vendorId), page, list, (item) => toCheckView(recordOf<CheckRecord>(item)));
}

export async function listResponses(table: TableRef, vendorId: string, now: string, page: PageRequest, list: ListBinding) {
  await requireVendor(table, vendorId);
  return queryPage(table, vendorPatterns.responsesOf(vendorId), page, list, (item) => toResponseView(recordOf<ResponseRecord>(item), now));
}

// --- whole partitions (reports, the plan's §13 table): Queries paged to the end, never a Scan ---

export async function loadVendors(table: TableRef): Promise<VendorRecord[]> {
  return (await queryItems(table, vendorPatterns.allVendors())).map((item) => recordOf<VendorRecord>(item));
}

export async function loadContracts(table: TableRef): Promise<ContractRecord[]> {
  return (await queryItems(table, vendorPatterns.allContracts())).map((item) => recordOf<ContractRecord>(item));
}

export async function loadChecks(table: TableRef): Promise<CheckRecord[]> {
  return (await queryItems(table, vendorPatterns.allChecks())).map((item) => recordOf<CheckRecord>(item));
}
