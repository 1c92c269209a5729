/**
 * The declared entity model of evidence records (seed 000 §11, seed 001 Art. 14) in a tenant table.
 *
 * Entities:
 *   EvidenceRecord ...... PK=EVIDENCE#<id>  SK=RECORD
 *   EvidenceLink ........ PK=EVIDENCE#<id>  SK=LINK#<kind>#<linked id>   (one per record it supports)
 *
 * Access patterns:
 *   a record with its links ............ PK=EVIDENCE#<id>  (one consistent Query; deletion removes both)
 *   the register, newest first ......... byResource gsi1pk=EVIDENCE                     gsi1sk=<addedAt>#<id>
 *   evidence supporting one record ..... byResource gsi1pk=EVIDENCE_FOR#<kind>#<linked id> gsi1sk=<addedAt>#<id>
 *     (an index has one key per item, so a record supporting several others has one link item per
 *     supported record; the list reads the links, then the records by key)
 *
 * The file itself is in the object store under `<tenantId>/evidence/<id>` (objectKeyOf): the tenant
 * prefix comes from the credential, never from the request.
 */
import { linkKeyOf, type EvidenceLink } from '../../domain/evidence';
import type { EntityKey, KeyQuery } from '../store/entityModel';
import { tenantTableIndexes } from '../store/tableDesign';

const RECORD_SK = 'RECORD';
const LINK_PREFIX = 'LINK#';
const REGISTER = 'EVIDENCE';
const SUPPORTING = 'EVIDENCE_FOR#';

export const evidenceKeys = {
  record: (evidenceId: string): EntityKey => ({ pk: `EVIDENCE#${evidenceId}`, sk: RECORD_SK }),
  link: (evidenceId: string, link: EvidenceLink): EntityKey => ({ pk: `EVIDENCE#${evidenceId}`, sk: `${LINK_PREFIX}${linkKeyOf(link)}` }),
};

export const evidencePartItem = {
  isRecord: (sk: unknown) => sk === RECORD_SK,
  isLink: (sk: unknown) => String(sk).startsWith(LINK_PREFIX),
};

const orderOf = (record: { addedAt: string; evidenceId: string }) => `${record.addedAt}#${record.evidenceId}`;

export function evidenceIndexKeys(record: { addedAt: string; evidenceId: string }): Record<string, string> {
  return { gsi1pk: REGISTER, gsi1sk: orderOf(record) };
}

export function evidenceLinkIndexKeys(record: { addedAt: string; evidenceId: string }, link: EvidenceLink): Record<string, string> {
  return { gsi1pk: `${SUPPORTING}${linkKeyOf(link)}`, gsi1sk: orderOf(record) };
}

export const evidenceAccess = {
  aggregate: (evidenceId: string): KeyQuery => ({ pk: evidenceKeys.record(evidenceId).pk, consistentRead: true }),
  newestFirst: (): KeyQuery => ({ index: tenantTableIndexes.byResource, pk: REGISTER, descending: true }),
  supporting: (link: EvidenceLink): KeyQuery => ({ index: tenantTableIndexes.byResource, pk: `${SUPPORTING}${linkKeyOf(link)}`, descending: true, projection: ['evidenceId'] }),
};

/** Where a tenant's evidence file lives in the object store. */
export function objectKeyOf(tenantId: string, evidenceId: string): string {
  return `${tenantId}/evidence/${evidenceId}`;
}
