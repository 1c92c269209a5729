/**
 * Key design of both tables (single-table inside each).
 *
 * Control-plane table — access patterns:
 *   get tenant by id ......................... PK=TENANT#<tenantId>         SK=PROFILE
 *   list tenants (by id = creation order) .... GSI byResource: gsi1pk=TENANTS  gsi1sk=<tenantId>
 *   audit by resource / by actor ............. GSI byResource / byOwnerOrActor, as in tenant tables
 *   get API key by its public id ............. PK=APIKEY#<keyId>           SK=KEY
 *   list a tenant's API keys ................. GSI byResource: gsi1pk=KEYS#<tenantId> gsi1sk=<keyId>
 *   platform audit chain ..................... PK=AUDIT                    SK=EVENT#<at>#<seq>; head PK=AUDIT SK=HEAD
 *   platform idempotency records ............. PK=IDEMPOTENCY#<actor>#<key> SK=RECORD (TTL 24 h)
 *   one-time schedules (local scheduler) ..... PK=SCHEDULE#<name>           SK=SCHEDULE; GSI byResource gsi1pk=SCHEDULES gsi1sk=<at>#<name>
 *
 * Tenant table (one per tenant) — shared items; each area lists its own patterns next to its model:
 *   audit chain .............................. PK=AUDIT                    SK=EVENT#<at>#<seq>; head PK=AUDIT SK=HEAD
 *   audit by resource ........................ GSI byResource: gsi1pk=AUDIT#<type>#<id>  gsi1sk=<seq>
 *   audit by actor ........................... GSI byOwnerOrActor: gsi2pk=AUDIT_ACTOR#<actorId> gsi2sk=<seq>
 *   idempotency records ...................... PK=IDEMPOTENCY#<actor>#<key> SK=RECORD (TTL 24 h)
 *   items due by date (sweep, overdue lists) . GSI dueByDate: duePk=DUE (or DUE#<kind>) dueSk=<yyyy-mm-dd>#<id>
 *
 * GSIs are generic in shape (gsi1/gsi2/due) but named for the question they answer.
 */
export const KEY = { pk: 'pk', sk: 'sk' } as const;

/** A global secondary index: its name and key attributes. Infra creates tables from these. */
export interface IndexDeclaration {
  name: string;
  pk: string;
  sk: string;
}

/** The control plane shares the tenant tables' index shapes so the audit queries serve both. */
export const controlPlaneIndexes = {
  /** "What belongs to this group?" — tenants, a tenant's keys, schedules by time, audit by resource. */
  byResource: { name: 'byResource', pk: 'gsi1pk', sk: 'gsi1sk' },
  /** "What did this actor do?" — audit by actor. */
  byOwnerOrActor: { name: 'byOwnerOrActor', pk: 'gsi2pk', sk: 'gsi2sk' },
} as const;

export const tenantTableIndexes = {
  /** "What happened to / what belongs to this resource?" — audit by resource, children by parent. */
  byResource: { name: 'byResource', pk: 'gsi1pk', sk: 'gsi1sk' },
  /** "What does this person own / do?" — audit by actor, tasks by owner, lookups by keyed hash. */
  byOwnerOrActor: { name: 'byOwnerOrActor', pk: 'gsi2pk', sk: 'gsi2sk' },
  /** "What falls due by this date?" — the sweep and overdue lists read only this. */
  dueByDate: { name: 'dueByDate', pk: 'duePk', sk: 'dueSk' },
} as const;

/** The audit indexes' partition keys (one template, used by the commit and the audit queries). */
export const auditIndexKeys = {
  byResource: (resourceType: string, resourceId: string) => `AUDIT#${resourceType}#${resourceId}`,
  byActor: (actorId: string) => `AUDIT_ACTOR#${actorId}`,
};

export const TTL_ATTRIBUTE = 'expiresAtEpoch';

export const tenantKeys = {
  tenant: (tenantId: string) => ({ pk: `TENANT#${tenantId}`, sk: 'PROFILE' }),
  apiKey: (keyId: string) => ({ pk: `APIKEY#${keyId}`, sk: 'KEY' }),
  idempotency: (actorId: string, key: string) => ({ pk: `IDEMPOTENCY#${actorId}#${key}`, sk: 'RECORD' }),
  auditHead: () => ({ pk: 'AUDIT', sk: 'HEAD' }),
  /** Time then sequence: the chain never goes back in time, so this order is the chain order. */
  auditEvent: (sequence: number, at: string) => ({ pk: 'AUDIT', sk: `EVENT#${at}#${String(sequence).padStart(12, '0')}` }),
  schedule: (name: string) => ({ pk: `SCHEDULE#${name}`, sk: 'SCHEDULE' }),
};

export const TENANT_ID_PATTERN = /^tn_[0-9a-z]{26}$/;

/**
 * Each tenant's table is named from its id and the deployment's prefix; nothing from a request
 * is ever used here. IAM in AWS allows only tables under the prefix.
 */
export function tenantTableName(prefix: string, tenantId: string): string {
  if (!TENANT_ID_PATTERN.test(tenantId)) throw new Error('invalid tenant id');
  return `${prefix}${tenantId}`;
}
