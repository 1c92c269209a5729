/**
 * Data-subject requests in a tenant table.
 *
 * Access patterns:
 *   get a request ........................... PK=DSR#<id>  SK=REQUEST
 *   its lookup entries ...................... PK=DSR#<id>  SK=LOOKUP#<field>
 *   by status, soonest deadline first ....... GSI byResource   gsi1pk=DSR#STATUS#<status>  gsi1sk=<nextDueAt|~>#<id>
 *   the register, newest first .............. GSI byOwnerOrActor gsi2pk=DSRS              gsi2sk=<receivedAt>#<id>
 *   a person's requests (no clear text) ..... GSI byOwnerOrActor gsi2pk=DSR_LOOKUP#<field>#<keyed hash>  gsi2sk=<receivedAt>#<id>
 *   undecided items due by an instant ....... GSI dueByDate    duePk=DUE#dataSubjectRequest  dueSk=<nextDueAt>#<id>
 *     (sparse: only requests with an undecided item carry duePk, so "overdue" reads only those)
 *   tenant settings ......................... PK=DSR_SETTINGS SK=SETTINGS
 *
 * The requester's identifiers are stored only as AES-GCM ciphertext (requesterSealed) and as a
 * mask (requesterMasked, what lists show without decrypting); lookups use keyed hashes. The
 * field name bound into the ciphertext includes the request id, so a value copied onto another
 * request does not decrypt.
 */
import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DataSubjectRequest, FeeScheduleEntry, Requester } from '../../domain/dataSubjectRequest/dataSubjectRequest';
import type { PeriodSettings } from '../../domain/dataSubjectRequest/deadlines';
import { normalizeEmailForHashing, normalizePhoneForHashing } from '../../domain/privacy/masking';
import { normalizeTaiwanIdNumber } from '../../domain/privacy/taiwanIdNumber';
import type { PersonOwner } from '../../domain/reviews/duty';
import type { FieldCipher } from '../crypto/fieldEncryption';
import type { TransactItem } from '../store/auditedCommit';
import { getEntity, putEntityWrite } from '../store/entityStore';
import { tenantTableIndexes } from '../store/tableDesign';
import { nextDueAt, sealedRequesterFields, type RequesterClear } from './dataSubjectRequestModel';

export const DUE_PARTITION = 'DUE#dataSubjectRequest';
export const REGISTER_PARTITION = 'DSRS';
/** Sorts after every ISO instant, so requests with nothing due come last in a status list. */
const NOTHING_DUE = '~';

export const dsrKeys = {
  request: (id: string) => ({ pk: `DSR#${id}`, sk: 'REQUEST' }),
  lookup: (id: string, field: LookupField) => ({ pk: `DSR#${id}`, sk: `LOOKUP#${field}` }),
  settings: () => ({ pk: 'DSR_SETTINGS', sk: 'SETTINGS' }),
};

export const statusPartition = (status: string) => `DSR#STATUS#${status}`;

export const lookupFields = ['email', 'phone', 'nationalId'] as const;
export type LookupField = (typeof lookupFields)[number];

export function lookupPartition(field: LookupField, hash: string): string {
  return `DSR_LOOKUP#${field}#${hash}`;
}

/** The same identifier typed differently must hash the same; undefined when it is not one. */
export function normaliseForLookup(field: LookupField, value: string): string | undefined {
  switch (field) {
    case 'email':
      return normalizeEmailForHashing(value);
    case 'phone':
      return normalizePhoneForHashing(value);
    case 'nationalId': {
      const id = normalizeTaiwanIdNumber(value);
      return /^[A-Z][A-Z0-9]\d{8}$/.test(id) ? id : undefined;
    }
  }
}

export function lookupHash(cipher: FieldCipher, field: LookupField, normalised: string): string {
  return cipher.lookupHash(`dsr.${field}`, normalised);
}

// ---------------------------------------------------------------------------------------------
// Sealing

type SealedRequester = Partial<Record<(typeof sealedRequesterFields)[number], string>> & {
  otherIdentifiers?: { kind: string; value: string }[];
  preferredLocale: 'zh-TW' | 'en';
  actingAs: 'dataSubject' | 'agent';
};

const aadField = (requestId: string, field: string) => `dsr:${requestId}:requester.${field}`;

export function sealRequester(cipher: FieldCipher, requestId: string, clear: RequesterClear): SealedRequester {
  const sealed: SealedRequester = { preferredLocale: clear.preferredLocale, actingAs: clear.actingAs };
  for (const field of sealedRequesterFields) {
    const value = clear[field];
    if (value) sealed[field] = cipher.encrypt(aadField(requestId, field), value);
  }
  if (clear.otherIdentifiers?.length) {
    sealed.otherIdentifiers = clear.otherIdentifiers.map((o, index) => ({ kind: o.kind, value: cipher.encrypt(aadField(requestId, `other.${index}`), o.value) }));
  }
  return sealed;
}

export function unsealRequester(cipher: FieldCipher, requestId: string, sealed: SealedRequester): RequesterClear {
  const clear: RequesterClear = { name: '', preferredLocale: sealed.preferredLocale, actingAs: sealed.actingAs };
  for (const field of sealedRequesterFields) {
    const value = sealed[field];
    if (value) clear[field] = cipher.decrypt(aadField(requestId, field), value);
  }
  if (sealed.otherIdentifiers?.length) {
    clear.otherIdentifiers = sealed.otherIdentifiers.map((o, index) => ({ kind: o.kind, value: cipher.decrypt(aadField(requestId, `other.${index}`), o.value) }));
  }
  return clear;
}

/**
 * A request item's free-text `details` ("please correct my address to …") is personal data too:
 * it is stored sealed like the identifiers and shown only on an authorised reveal.
 */
const SEALED_DETAILS_PREFIX = 'sealed:';
const detailsAad = (requestId: string, type: string) => `dsr:${requestId}:items.${type}.details`;

export function isSealedDetails(value: string | undefined): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_DETAILS_PREFIX);
}

export function sealItemDetails(cipher: FieldCipher, request: DataSubjectRequest): DataSubjectRequest {
  return {
    ...request,
    items: request.items.map((item) =>
      item.details && !isSealedDetails(item.details) ? { ...item, details: SEALED_DETAILS_PREFIX + cipher.encrypt(detailsAad(request.id, item.type), item.details) } : item,
    ),
  };
}

export function openItemDetails(cipher: FieldCipher, requestId: string, type: string, sealed: string): string {
  return cipher.decrypt(detailsAad(requestId, type), sealed.slice(SEALED_DETAILS_PREFIX.length));
}

// ---------------------------------------------------------------------------------------------
// Items

export interface StoredDataSubjectRequest {
  request: DataSubjectRequest;
  requesterSealed: SealedRequester;
  requesterMasked: RequesterClear;
  assignee: PersonOwner | null;
  createdAt: string;
  updatedAt: string;
}

type RequestItemRecord = Omit<DataSubjectRequest, 'requester'> & {
  pk: string;
  sk: string;
  entity: string;
  requesterSealed: SealedRequester;
  requesterMasked: RequesterClear;
  assignee: PersonOwner | null;
  itemTypes: string[];
  nextDueAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** The domain works on a requester; it only reads actingAs, so it gets the masked copy. */
function domainRequester(masked: RequesterClear): Requester {
  return {
    name: masked.name,
    ...(masked.email ? { email: masked.email } : {}),
    ...(masked.phone ? { phone: masked.phone } : {}),
    ...(masked.postalAddress ? { postalAddress: masked.postalAddress } : {}),
    ...(masked.dataSubjectName ? { dataSubjectName: masked.dataSubjectName } : {}),
    preferredLocale: masked.preferredLocale,
    actingAs: masked.actingAs,
  };
}

export function requestItem(stored: StoredDataSubjectRequest): Record<string, unknown> & { pk: string; sk: string; version: number } {
  const { requester: _clearNeverStored, ...request } = stored.request;
  const due = nextDueAt(stored.request);
  const item: Record<string, unknown> & { pk: string; sk: string; version: number } = {
    ...dsrKeys.request(request.id),
    entity: 'DataSubjectRequest',
    ...request,
    requesterSealed: stored.requesterSealed,
    requesterMasked: stored.requesterMasked,
    assignee: stored.assignee,
    itemTypes: request.items.map((i) => i.type),
    nextDueAt: due,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    gsi1pk: statusPartition(request.status),
    gsi1sk: `${due ?? NOTHING_DUE}#${request.id}`,
    gsi2pk: REGISTER_PARTITION,
    gsi2sk: `${request.receivedAt}#${request.id}`,
  };
  if (due) {
    item.duePk = DUE_PARTITION;
    item.dueSk = `${due}#${request.id}`;
  }
  return item;
}

export function fromRequestItem(item: Record<string, unknown>): StoredDataSubjectRequest {
  const {
    pk: _pk, sk: _sk, entity: _entity, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, duePk: _d, dueSk: _ds,
    requesterSealed, requesterMasked, assignee, itemTypes: _types, nextDueAt: _next, createdAt, updatedAt,
    ...request
  } = item as RequestItemRecord & Record<string, unknown>;
  return {
    request: { ...(request as unknown as Omit<DataSubjectRequest, 'requester'>), requester: domainRequester(requesterMasked) },
    requesterSealed,
    requesterMasked,
    assignee: assignee ?? null,
    createdAt,
    updatedAt,
  };
}

export function requestWrite(tableName: string, stored: StoredDataSubjectRequest, expectedVersion: number | null): TransactItem {
  return putEntityWrite(tableName, requestItem(stored), expectedVersion);
}

/** One lookup entry per identifier that can be looked up: the keyed hash only, never the value. */
export function lookupWrites(tableName: string, cipher: FieldCipher, request: Pick<DataSubjectRequest, 'id' | 'receivedAt'>, clear: RequesterClear): TransactItem[] {
  const writes: TransactItem[] = [];
  for (const field of lookupFields) {
    const value = clear[field];
    const normalised = value ? normaliseForLookup(field, value) : undefined;
    if (!normalised) continue;
    writes.push({
      Put: {
        TableName: tableName,
        Item: {
          ...dsrKeys.lookup(request.id, field),
          entity: 'DataSubjectRequestLookup',
          requestId: request.id,
          field,
          gsi2pk: lookupPartition(field, lookupHash(cipher, field, normalised)),
          gsi2sk: `${request.receivedAt}#${request.id}`,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  return writes;
}

export async function getStoredRequest(doc: DynamoDBDocumentClient, tableName: string, id: string): Promise<StoredDataSubjectRequest | undefined> {
  const item = await getEntity<Record<string, unknown>>(doc, tableName, dsrKeys.request(id));
  return item ? fromRequestItem(item) : undefined;
}

/** The ids of requests whose identifier hashed to this value, newest first (at most 100). */
export async function requestIdsByLookup(doc: DynamoDBDocumentClient, tableName: string, field: LookupField, hash: string): Promise<string[]> {
  const index = tenantTableIndexes.byOwnerOrActor;
  const result = await doc.send(new QueryCommand({
    TableName: tableName,
    IndexName: index.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': index.pk },
    ExpressionAttributeValues: { ':pk': lookupPartition(field, hash) },
    ScanIndexForward: false,
    Limit: 100,
  }));
  return (result.Items ?? []).map((item) => item.requestId as string);
}

export async function getStoredRequests(doc: DynamoDBDocumentClient, tableName: string, ids: string[]): Promise<StoredDataSubjectRequest[]> {
  const found: StoredDataSubjectRequest[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    let keys: Record<string, unknown>[] = ids.slice(i, i + 100).map((id) => dsrKeys.request(id));
    // BatchGet may return some keys as unprocessed under load; ask again for those.
    for (let attempt = 0; keys.length > 0 && attempt < 5; attempt += 1) {
      const result = await doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }));
      found.push(...(result.Responses?.[tableName] ?? []).map(fromRequestItem));
      keys = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return found;
}

/** Reads every page of a query (statistics need whole sets); bounded so a huge table cannot exhaust memory. */
export async function queryAll(doc: DynamoDBDocumentClient, tableName: string, query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, max: number): Promise<{ items: Record<string, unknown>[]; truncated: boolean }> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...query, TableName: tableName, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < max);
  return { items: items.slice(0, max), truncated: Boolean(startKey) || items.length > max };
}

// ---------------------------------------------------------------------------------------------
// Settings

export interface StoredSettings {
  feeSchedule: FeeScheduleEntry[];
  periodSettings: PeriodSettings;
  updatedAt: string | null;
  updatedBy: string | null;
  version: number;
}

/** Defaults until the tenant saves its own: Civil Code counting in the tenant's time zone, no fees. */
export async function loadSettings(doc: DynamoDBDocumentClient, tableName: string, defaultTimeZone: string): Promise<StoredSettings> {
  const item = await getEntity<StoredSettings>(doc, tableName, dsrKeys.settings());
  if (item) return { feeSchedule: item.feeSchedule, periodSettings: item.periodSettings, updatedAt: item.updatedAt, updatedBy: item.updatedBy, version: item.version };
  return {
    feeSchedule: [],
    periodSettings: { timeZone: defaultTimeZone, mode: 'civilCode', calendar: { saturdayIsRestDay: true } },
    updatedAt: null,
    updatedBy: null,
    version: 0,
  };
}

export function settingsWrite(tableName: string, settings: StoredSettings, expectedVersion: number): TransactItem {
  return putEntityWrite(
    tableName,
    { ...dsrKeys.settings(), entity: 'DataSubjectRequestSettings', ...settings },
    // Version 0 is the unsaved defaults: the first save creates the item.
    expectedVersion === 0 ? null : expectedVersion,
  );
}
