/**
 * Storage of vendor oversight (委外監督) in a tenant table, plus the questionnaire-token index in
 * the control plane.
 *
 * Tenant-table access patterns:
 *   get a vendor ............................ PK=VENDOR#<vendorId>  SK=VENDOR
 *   list vendors (reports read all) ......... GSI byResource     gsi1pk=VENDORS          gsi1sk=<vendorId>
 *   sub-processors (複委託) of a vendor ...... GSI byOwnerOrActor gsi2pk=SUBPROCESSORS#<parentId> gsi2sk=<vendorId>
 *   a vendor's contracts .................... PK=VENDOR#<vendorId>  SK begins_with CONTRACT#
 *   all contracts (reports) ................. GSI byResource     gsi1pk=VENDOR_CONTRACTS gsi1sk=<contractId>
 *   a vendor's oversight checks ............. PK=VENDOR#<vendorId>  SK begins_with CHECK#   (ids are time-sortable)
 *   all oversight checks (reports) .......... GSI byResource     gsi1pk=VENDOR_CHECKS    gsi1sk=<date>#<checkId>
 *   a vendor's questionnaire responses ...... PK=VENDOR#<vendorId>  SK begins_with QRESPONSE#
 *   the tenant's questionnaire copy ......... PK=VENDOR_QUESTIONNAIRE SK=CURRENT
 *
 * Control-plane access pattern (the only one a vendor's link uses before it knows the tenant):
 *   questionnaire token → tenant + response . PK=QTOKEN#<sha256(token)> SK=QTOKEN  (TTL after expiry)
 *
 * The return/deletion obligation of a terminated contract lives on the contract item itself, so
 * terminating and confirming are single-item version checks and the record is kept with the
 * contract (no TTL: disposal records must be kept at least 5 years, seed 000 §14).
 */
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Contract } from '../../domain/vendor/contract';
import type { OversightCheck } from '../../domain/vendor/oversight';
import type { Questionnaire, QuestionnaireResponse, QuestionnaireToken } from '../../domain/vendor/questionnaire';
import type { ReturnDeletionObligation } from '../../domain/vendor/termination';
import type { Vendor } from '../../domain/vendor/vendor';
import { tenantTableIndexes, TTL_ATTRIBUTE } from '../store/tableDesign';

export const vendorKeys = {
  vendor: (vendorId: string) => ({ pk: `VENDOR#${vendorId}`, sk: 'VENDOR' }),
  contract: (vendorId: string, contractId: string) => ({ pk: `VENDOR#${vendorId}`, sk: `CONTRACT#${contractId}` }),
  check: (vendorId: string, checkId: string) => ({ pk: `VENDOR#${vendorId}`, sk: `CHECK#${checkId}` }),
  response: (vendorId: string, responseId: string) => ({ pk: `VENDOR#${vendorId}`, sk: `QRESPONSE#${responseId}` }),
  questionnaire: () => ({ pk: 'VENDOR_QUESTIONNAIRE', sk: 'CURRENT' }),
  tokenIndex: (tokenHash: string) => ({ pk: `QTOKEN#${tokenHash}`, sk: 'QTOKEN' }),
};

export const vendorPartitions = {
  vendors: 'VENDORS',
  contracts: 'VENDOR_CONTRACTS',
  checks: 'VENDOR_CHECKS',
  subProcessors: (parentId: string) => `SUBPROCESSORS#${parentId}`,
} as const;

export const VENDOR_ID = /^vnd_[0-9a-z]{26}$/;
export const CONTRACT_ID = /^vct_[0-9a-z]{26}$/;
export const CHECK_ID = /^vck_[0-9a-z]{26}$/;
export const RESPONSE_ID = /^vqr_[0-9a-z]{26}$/;

interface Stored {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type VendorRecord = Vendor & Stored;
export type ContractRecord = Contract & Stored & { returnDeletion?: ReturnDeletionObligation };
export type CheckRecord = OversightCheck & { version: number; createdAt: string; recordedBy: string };
export type TenantQuestionnaireRecord = Questionnaire & { updatedAt: string; updatedBy: string };
/** The response and its link: the link's state lives here, in the tenant's own table, next to the answers it guards. */
export type ResponseRecord = QuestionnaireResponse & Stored & {
  /** The questionnaire as it was when the link was issued; the vendor answers exactly this. */
  questionnaire: Questionnaire;
  token: QuestionnaireToken;
};

export interface TokenIndexRecord {
  tenantId: string;
  vendorId: string;
  responseId: string;
  expiresAt: string;
}

type Item = Record<string, unknown> & { pk: string; sk: string; version: number };

export function vendorItem(vendor: VendorRecord): Item {
  return {
    ...vendorKeys.vendor(vendor.id),
    entity: 'Vendor',
    ...vendor,
    gsi1pk: vendorPartitions.vendors,
    gsi1sk: vendor.id,
    ...(vendor.parentVendorId ? { gsi2pk: vendorPartitions.subProcessors(vendor.parentVendorId), gsi2sk: vendor.id } : {}),
  };
}

export function contractItem(contract: ContractRecord): Item {
  return { ...vendorKeys.contract(contract.vendorId, contract.id), entity: 'VendorContract', ...contract, gsi1pk: vendorPartitions.contracts, gsi1sk: contract.id };
}

export function checkItem(check: CheckRecord): Item {
  return { ...vendorKeys.check(check.vendorId, check.id), entity: 'VendorOversightCheck', ...check, gsi1pk: vendorPartitions.checks, gsi1sk: `${check.date}#${check.id}` };
}

export function responseItem(response: ResponseRecord): Item {
  return { ...vendorKeys.response(response.vendorId, response.id), entity: 'VendorQuestionnaireResponse', ...response };
}

export function questionnaireItem(questionnaire: TenantQuestionnaireRecord): Item {
  return { ...vendorKeys.questionnaire(), entity: 'VendorQuestionnaire', ...questionnaire };
}

/** Kept 30 days past expiry so a late click still gets "expired" rather than "unknown". */
const TOKEN_INDEX_GRACE_SECONDS = 30 * 86_400;

export function tokenIndexItem(tokenHash: string, index: TokenIndexRecord): Record<string, unknown> & { pk: string; sk: string } {
  return {
    ...vendorKeys.tokenIndex(tokenHash),
    entity: 'QuestionnaireTokenIndex',
    ...index,
    [TTL_ATTRIBUTE]: Math.floor(Date.parse(index.expiresAt) / 1000) + TOKEN_INDEX_GRACE_SECONDS,
  };
}

/** Every item of one Query, page by page (reports need the whole set; still never a Scan). */
export async function queryAll<T>(doc: DynamoDBDocumentClient, tableName: string, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<T[]> {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey: startKey }));
    items.push(...((page.Items ?? []) as T[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

export function partitionQuery(partition: string): Omit<QueryCommandInput, 'TableName'> {
  return {
    IndexName: tenantTableIndexes.byResource.name,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': partition },
  };
}

export function vendorChildrenQuery(vendorId: string, prefix: 'CONTRACT#' | 'CHECK#' | 'QRESPONSE#'): Omit<QueryCommandInput, 'TableName'> {
  return {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': vendorKeys.vendor(vendorId).pk, ':prefix': prefix },
  };
}

export function subProcessorsQuery(vendorId: string): Omit<QueryCommandInput, 'TableName'> {
  return {
    IndexName: tenantTableIndexes.byOwnerOrActor.name,
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': vendorPartitions.subProcessors(vendorId) },
  };
}

const STORAGE_FIELDS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity', TTL_ATTRIBUTE] as const;

/** The stored record without its storage keys. */
export function recordOf<T>(item: object): T {
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const field of STORAGE_FIELDS) delete copy[field];
  return copy as T;
}
