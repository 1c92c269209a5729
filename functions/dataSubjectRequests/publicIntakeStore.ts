/**
 * The public request form's records. A person with no account reaches ONE tenant through a form
 * slug, and later ONE pending submission or ONE case through a link secret; the control plane
 * maps slug and secret hashes to the tenant, nothing else of the tenant is reachable from them.
 *
 * Control plane:
 *   PublicRequestForm ......... PK=REQUESTFORM#<slug>      SK=REQUESTFORM  { tenantId }  (slug unique across tenants)
 *   PublicRequestToken ........ PK=DSRTOKEN#<sha256>       SK=DSRTOKEN     { tenantId, purpose, submissionId, expiresAt }
 * Tenant table:
 *   PublicRequestSubmission ... PK=DSR_INTAKE#<id>         SK=SUBMISSION   contact data sealed; confirmation and status-link hashes
 *
 * Link secrets are 256 random bits; only their SHA-256 is stored. Unknown, malformed,
 * foreign-tenant and mismatched secrets all answer the same 404.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PublicStage } from '../../domain/dataSubjectRequest/publicIntake';
import type { RequestType } from '../../domain/dataSubjectRequest/requestTypes';
import type { FieldCipher } from '../crypto/fieldEncryption';
import type { TransactItem } from '../store/auditedCommit';
import type { TenantRecord } from '../store/controlPlaneRecords';
import { getEntity, type EntityKey } from '../store/entityModel';
import { tenantKeys, TTL_ATTRIBUTE } from '../store/tableDesign';
import type { TableRef } from '../store/tableRef';

// ---------------------------------------------------------------------------------------------
// Link secrets

export type LinkPurpose = 'confirmation' | 'status';
const PREFIX: Record<LinkPurpose, string> = { confirmation: 'dsc_', status: 'dss_' };
/** 32 bytes = 256 bits, base64url without padding = 43 characters. */
const SECRET_PATTERN: Record<LinkPurpose, RegExp> = { confirmation: /^dsc_[A-Za-z0-9_-]{43}$/, status: /^dss_[A-Za-z0-9_-]{43}$/ };

export function newLinkSecret(purpose: LinkPurpose): { secret: string; hash: string } {
  const secret = PREFIX[purpose] + randomBytes(32).toString('base64url');
  return { secret, hash: hashLinkSecret(secret) };
}

export function hashLinkSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export const isLinkSecret = (purpose: LinkPurpose, value: string) => SECRET_PATTERN[purpose].test(value);

export function sameHash(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

// ---------------------------------------------------------------------------------------------
// Keys and items

export const publicIntakeKeys = {
  /** Control plane. */
  form: (slug: string) => ({ pk: `REQUESTFORM#${slug}`, sk: 'REQUESTFORM' }),
  /** Control plane. */
  link: (hash: string) => ({ pk: `DSRTOKEN#${hash}`, sk: 'DSRTOKEN' }),
  /** Tenant table. */
  submission: (submissionId: string) => ({ pk: `DSR_INTAKE#${submissionId}`, sk: 'SUBMISSION' }),
};

/** Spent and expired link rows stay a while so a late click hears "used/expired", then DynamoDB drops them. */
const LINK_GRACE_SECONDS = 30 * 86_400;
const ttlOf = (expiresAt: string) => Math.floor(Date.parse(expiresAt) / 1000) + LINK_GRACE_SECONDS;

export interface FormIndexRecord {
  tenantId: string;
  slug: string;
}

export interface LinkIndexRecord {
  tenantId: string;
  purpose: LinkPurpose;
  submissionId: string;
  expiresAt: string;
}

/** Contact data as given on the form, each field sealed with the tenant's key. */
export interface SealedSubmission {
  name: string;
  email: string;
  details?: string;
}

export interface SubmissionRecord {
  id: string;
  right: RequestType;
  preferredLocale: 'zh-TW' | 'en';
  sealed: SealedSubmission;
  submittedAt: string;
  /** SHA-256 of the one-time confirmation secret. */
  confirmationHash: string;
  expiresAt: string;
  confirmedAt?: string;
  requestId?: string;
  caseNumber?: string;
  /** SHA-256 of the status-link secret, from the confirmation on. */
  statusHash?: string;
  statusExpiresAt?: string;
  version: number;
}

export function formIndexWrite(controlPlaneTable: string, slug: string, tenantId: string): TransactItem {
  // The slug is unique across the platform: a slug another tenant holds fails the transaction (409).
  return {
    Put: {
      TableName: controlPlaneTable,
      Item: { ...publicIntakeKeys.form(slug), entity: 'PublicRequestForm', tenantId, slug, version: 1 },
      ConditionExpression: 'attribute_not_exists(pk) OR tenantId = :tenant',
      ExpressionAttributeValues: { ':tenant': tenantId },
    },
  };
}

export function formIndexDelete(controlPlaneTable: string, slug: string, tenantId: string): TransactItem {
  return { Delete: { TableName: controlPlaneTable, Key: publicIntakeKeys.form(slug), ConditionExpression: 'tenantId = :tenant', ExpressionAttributeValues: { ':tenant': tenantId } } };
}

export function linkIndexWrite(controlPlaneTable: string, hash: string, record: LinkIndexRecord): TransactItem {
  return {
    Put: {
      TableName: controlPlaneTable,
      Item: { ...publicIntakeKeys.link(hash), entity: 'PublicRequestToken', ...record, version: 1, [TTL_ATTRIBUTE]: ttlOf(record.expiresAt) },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export function submissionItem(record: SubmissionRecord): Record<string, unknown> & EntityKey & { version: number } {
  // An unconfirmed submission is dropped after its link expired (plus the grace); a confirmed one is the case's proof of confirmation.
  return { ...publicIntakeKeys.submission(record.id), entity: 'PublicRequestSubmission', ...record, ...(record.confirmedAt ? {} : { [TTL_ATTRIBUTE]: ttlOf(record.expiresAt) }) };
}

export async function findFormTenant(controlPlane: TableRef, slug: string): Promise<FormIndexRecord | undefined> {
  return getEntity<FormIndexRecord>(controlPlane, publicIntakeKeys.form(slug));
}

export async function findLink(controlPlane: TableRef, hash: string): Promise<LinkIndexRecord | undefined> {
  return getEntity<LinkIndexRecord>(controlPlane, publicIntakeKeys.link(hash));
}

export async function findActiveTenant(controlPlane: TableRef, tenantId: string): Promise<TenantRecord | undefined> {
  const tenant = await getEntity<TenantRecord>(controlPlane, tenantKeys.tenant(tenantId));
  // A suspended or offboarded tenant's form and links stop answering; the caller learns no more than "not found".
  return tenant?.status === 'active' ? tenant : undefined;
}

export async function findSubmission(table: TableRef, submissionId: string): Promise<SubmissionRecord | undefined> {
  const item = await getEntity<SubmissionRecord & EntityKey>(table, publicIntakeKeys.submission(submissionId));
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, entity: _entity, [TTL_ATTRIBUTE]: _ttl, ...record } = item as SubmissionRecord & EntityKey & Record<string, unknown>;
  return record as unknown as SubmissionRecord;
}

// ---------------------------------------------------------------------------------------------
// Sealing

const aad = (submissionId: string, field: keyof SealedSubmission) => `dsrIntake:${submissionId}:${field}`;

export function sealSubmission(cipher: FieldCipher, submissionId: string, clear: SealedSubmission): SealedSubmission {
  return {
    name: cipher.encrypt(aad(submissionId, 'name'), clear.name),
    email: cipher.encrypt(aad(submissionId, 'email'), clear.email),
    ...(clear.details ? { details: cipher.encrypt(aad(submissionId, 'details'), clear.details) } : {}),
  };
}

export function unsealSubmission(cipher: FieldCipher, submissionId: string, sealed: SealedSubmission): SealedSubmission {
  return {
    name: cipher.decrypt(aad(submissionId, 'name'), sealed.name),
    email: cipher.decrypt(aad(submissionId, 'email'), sealed.email),
    ...(sealed.details ? { details: cipher.decrypt(aad(submissionId, 'details'), sealed.details) } : {}),
  };
}

export type { PublicStage };
