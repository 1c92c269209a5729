/**
 * The declared entity model of API keys in the control-plane table (they are how a request
 * finds its tenant; table design: ../store/tableDesign.ts).
 *
 * Access patterns:
 *   get a key by its public id ...... PK=APIKEY#<keyId> SK=KEY
 *   keys of a tenant (or the platform's operator keys)
 *                                     GSI byResource gsi1pk=KEYS#<tenantId|PLATFORM> gsi1sk=<keyId>  (keysOfOwner)
 */
import type { ApiKeyRecord } from '../store/controlPlaneRecords';
import type { KeyQuery } from '../store/entityModel';
import { controlPlaneIndexes, tenantKeys } from '../store/tableDesign';

export const apiKeyKeys = {
  apiKey: tenantKeys.apiKey,
};

/** The partition of a tenant's keys; operator keys (no tenant) have their own. */
function ownerPartition(tenantId: string | null): string {
  return `KEYS#${tenantId ?? 'PLATFORM'}`;
}

export function apiKeyIndexKeys(record: Pick<ApiKeyRecord, 'tenantId' | 'keyId'>) {
  return { gsi1pk: ownerPartition(record.tenantId), gsi1sk: record.keyId };
}

export const apiKeyAccess = {
  /** A tenant's keys (null: the platform's), by key id. */
  keysOfOwner: (tenantId: string | null): KeyQuery => ({ index: controlPlaneIndexes.byResource, pk: ownerPartition(tenantId) }),
};
