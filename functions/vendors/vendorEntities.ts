/**
 * The declared entity model of vendor oversight (委外監督) in a tenant table, plus the
 * questionnaire-token index in the control plane.
 *
 * Tenant-table access patterns:
 *   get a vendor ............................ PK=VENDOR#<vendorId>  SK=VENDOR
 *   list vendors (reports read all) ......... GSI byResource     gsi1pk=VENDORS          gsi1sk=<vendorId>        vendorPatterns.allVendors
 *   sub-processors (複委託) of a vendor ...... GSI byOwnerOrActor gsi2pk=SUBPROCESSORS#<parentId> gsi2sk=<vendorId> vendorPatterns.subProcessorsOf
 *   a vendor's contracts .................... PK=VENDOR#<vendorId>  SK begins_with CONTRACT#                         vendorPatterns.contractsOf
 *   all contracts (reports) ................. GSI byResource     gsi1pk=VENDOR_CONTRACTS gsi1sk=<contractId>      vendorPatterns.allContracts
 *   a vendor's oversight checks ............. PK=VENDOR#<vendorId>  SK begins_with CHECK#   (ids are time-sortable) vendorPatterns.checksOf
 *   all oversight checks (reports) .......... GSI byResource     gsi1pk=VENDOR_CHECKS    gsi1sk=<date>#<checkId>  vendorPatterns.allChecks
 *   a vendor's questionnaire responses ...... PK=VENDOR#<vendorId>  SK begins_with QRESPONSE#                        vendorPatterns.responsesOf
 *   the tenant's questionnaire copy ......... PK=VENDOR_QUESTIONNAIRE SK=CURRENT
 *
 * Control-plane access pattern (the only one a vendor's link uses before it knows the tenant):
 *   questionnaire token → tenant + response . PK=QTOKEN#<sha256(token)> SK=QTOKEN  (TTL after expiry)
 *
 * The return/deletion obligation of a terminated contract lives on the contract item itself, so
 * terminating and confirming are single-item version checks and the record is kept with the
 * contract (no TTL: disposal records must be kept at least 5 years, seed 000 §14).
 * Deadlines the area sets (oversight, contract end, certificate expiry, return/deletion) are
 * duties of the reviews pipeline: reviews/dutyStore.ts.
 */
import type { Contract } from '../../domain/vendor/contract';
import type { OversightCheck } from '../../domain/vendor/oversight';
import type { Questionnaire, QuestionnaireResponse, QuestionnaireToken } from '../../domain/vendor/questionnaire';
import type { ReturnDeletionObligation } from '../../domain/vendor/termination';
import type { Vendor } from '../../domain/vendor/vendor';
import type { KeyQuery } from '../store/entityModel';
import { tenantTableIndexes } from '../store/tableDesign';

// --- the stored records ---

export interface StoredTimes {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type VendorRecord = Vendor & StoredTimes;
export type ContractRecord = Contract & StoredTimes & { returnDeletion?: ReturnDeletionObligation };
export type CheckRecord = OversightCheck & { version: number; createdAt: string; recordedBy: string };
export type TenantQuestionnaireRecord = Questionnaire & { updatedAt: string; updatedBy: string };
/** The response and its link: the link's state lives here, in the tenant's own table, next to the answers it guards. */
export type ResponseRecord = QuestionnaireResponse & StoredTimes & {
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

// --- keys ---

const VENDOR_PREFIX = 'VENDOR#';
const CHILD_PREFIX = { contract: 'CONTRACT#', check: 'CHECK#', response: 'QRESPONSE#' } as const;

export const vendorKeys = {
  vendor: (vendorId: string) => ({ pk: `${VENDOR_PREFIX}${vendorId}`, sk: 'VENDOR' }),
  contract: (vendorId: string, contractId: string) => ({ pk: `${VENDOR_PREFIX}${vendorId}`, sk: `${CHILD_PREFIX.contract}${contractId}` }),
  check: (vendorId: string, checkId: string) => ({ pk: `${VENDOR_PREFIX}${vendorId}`, sk: `${CHILD_PREFIX.check}${checkId}` }),
  response: (vendorId: string, responseId: string) => ({ pk: `${VENDOR_PREFIX}${vendorId}`, sk: `${CHILD_PREFIX.response}${responseId}` }),
  questionnaire: () => ({ pk: 'VENDOR_QUESTIONNAIRE', sk: 'CURRENT' }),
  /** Control plane. */
  tokenIndex: (tokenHash: string) => ({ pk: `QTOKEN#${tokenHash}`, sk: 'QTOKEN' }),
};

/** Index partitions: the whole-tenant lists and the sub-processor links. */
export const vendorPartitions = {
  vendors: 'VENDORS',
  contracts: 'VENDOR_CONTRACTS',
  checks: 'VENDOR_CHECKS',
  subProcessors: (parentId: string) => `SUBPROCESSORS#${parentId}`,
} as const;

/** The index attributes each entity carries. */
export const vendorIndexKeys = {
  vendor: (vendor: { id: string; parentVendorId?: string }) => ({
    gsi1pk: vendorPartitions.vendors,
    gsi1sk: vendor.id,
    ...(vendor.parentVendorId ? { gsi2pk: vendorPartitions.subProcessors(vendor.parentVendorId), gsi2sk: vendor.id } : {}),
  }),
  contract: (contract: { id: string }) => ({ gsi1pk: vendorPartitions.contracts, gsi1sk: contract.id }),
  check: (check: { id: string; date: string }) => ({ gsi1pk: vendorPartitions.checks, gsi1sk: `${check.date}#${check.id}` }),
};

const byResource = (pk: string): KeyQuery => ({ index: tenantTableIndexes.byResource, pk });
const childrenOf = (vendorId: string, prefix: string): KeyQuery => ({ pk: vendorKeys.vendor(vendorId).pk, sk: { beginsWith: prefix } });

export const vendorPatterns = {
  allVendors: (): KeyQuery => byResource(vendorPartitions.vendors),
  subProcessorsOf: (vendorId: string): KeyQuery => ({ index: tenantTableIndexes.byOwnerOrActor, pk: vendorPartitions.subProcessors(vendorId) }),
  contractsOf: (vendorId: string): KeyQuery => childrenOf(vendorId, CHILD_PREFIX.contract),
  allContracts: (): KeyQuery => byResource(vendorPartitions.contracts),
  /** Newest first: check ids are time-sortable. */
  checksOf: (vendorId: string): KeyQuery => ({ ...childrenOf(vendorId, CHILD_PREFIX.check), descending: true }),
  allChecks: (): KeyQuery => byResource(vendorPartitions.checks),
  responsesOf: (vendorId: string): KeyQuery => childrenOf(vendorId, CHILD_PREFIX.response),
};

export const VENDOR_ID = /^vnd_[0-9a-z]{26}$/;
export const CONTRACT_ID = /^vct_[0-9a-z]{26}$/;
export const CHECK_ID = /^vck_[0-9a-z]{26}$/;
export const RESPONSE_ID = /^vqr_[0-9a-z]{26}$/;
