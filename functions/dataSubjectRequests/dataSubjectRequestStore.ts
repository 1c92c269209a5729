/**
 * Data-subject requests in a tenant table: item ↔ record mapping, sealing, and the read models
 * (lists, a person's open requests, figures). Keys and access patterns are declared in
 * dataSubjectRequestEntities.ts.
 *
 * The requester's identifiers are stored only as AES-GCM ciphertext (requesterSealed) and as a
 * mask (requesterMasked, what lists show without decrypting); lookups use keyed hashes. The
 * field name bound into the ciphertext includes the request id, so a value copied onto another
 * request does not decrypt.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { renderRequesterMessage, type RequesterMessageKind } from '../../domain/dataSubjectRequest/communications';
import {
  defaultWrittenNoticeChannels,
  requestStatuses,
  terminalStatuses,
  type CommunicationChannel,
  type DataSubjectRequest,
  type DeadlineExtension,
  type FeeScheduleEntry,
  type MarketingStopTarget,
  type Requester,
  type RequestItem,
  type RequestStatus,
} from '../../domain/dataSubjectRequest/dataSubjectRequest';
import type { PeriodSettings } from '../../domain/dataSubjectRequest/deadlines';
import { PUBLIC_REQUEST_FORM_OFF, type PublicRequestFormSettings } from '../../domain/dataSubjectRequest/publicIntake';
import { dataSubjectRequestStatistics } from '../../domain/dataSubjectRequest/statistics';
import type { RequestType } from '../../domain/dataSubjectRequest/requestTypes';
import { normalizeEmailForHashing, normalizePhoneForHashing } from '../../domain/privacy/masking';
import { normalizeTaiwanIdNumber } from '../../domain/privacy/taiwanIdNumber';
import type { PersonOwner } from '../../domain/reviews/duty';
import { addDays, zonedEndOfDay } from '../../domain/shared/isoDate';
import type { FieldCipher } from '../crypto/fieldEncryption';
import type { TransactItem } from '../store/auditedCommit';
import { getEntity, putEntityWrite, queryAll, queryPage, requireEntity, type ListBinding, type PageRequest } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import {
  dataSubjectRequestAccess,
  dataSubjectRequestKeys,
  lookupFields,
  lookupIndexKeys,
  requestIndexKeys,
  throughInstant,
  type LookupField,
} from './dataSubjectRequestEntities';
import {
  nextDueAt,
  sealedRequesterFields,
  toDataSubjectRequestSummary,
  toDataSubjectRequestView,
  type DataSubjectRequestSummary,
  type DataSubjectRequestView,
  type RequesterClear,
} from './dataSubjectRequestModel';

export type { LookupField };

/** Names the record in a 404. */
export const DATA_SUBJECT_REQUEST = { zhTW: '當事人請求', en: 'data-subject request' };

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

/** A request as stored: the domain record without the clear requester, plus storage and index attributes. */
export type DataSubjectRequestRecord = Omit<DataSubjectRequest, 'requester'> & {
  pk: string;
  sk: string;
  entity: string;
  requesterSealed: SealedRequester;
  requesterMasked: RequesterClear;
  assignee: PersonOwner | null;
  itemTypes: RequestType[];
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

export function requestItem(stored: StoredDataSubjectRequest): DataSubjectRequestRecord {
  const { requester: _clearNeverStored, ...request } = stored.request;
  const due = nextDueAt(stored.request);
  return {
    ...dataSubjectRequestKeys.request(request.id),
    entity: 'DataSubjectRequest',
    ...request,
    requesterSealed: stored.requesterSealed,
    requesterMasked: stored.requesterMasked,
    assignee: stored.assignee,
    itemTypes: request.items.map((i) => i.type),
    nextDueAt: due,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    ...requestIndexKeys(request, due),
  };
}

export function fromRequestItem(item: Record<string, unknown>): StoredDataSubjectRequest {
  const {
    pk: _pk, sk: _sk, entity: _entity, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, duePk: _d, dueSk: _ds,
    requesterSealed, requesterMasked, assignee, itemTypes: _types, nextDueAt: _next, createdAt, updatedAt,
    ...request
  } = item as DataSubjectRequestRecord & Record<string, unknown>;
  const domain = request as unknown as Omit<DataSubjectRequest, 'requester'>;
  return {
    request: { ...domain, items: domain.items.map(withExtensionList), requester: domainRequester(requesterMasked) },
    requesterSealed,
    requesterMasked,
    assignee: assignee ?? null,
    createdAt,
    updatedAt,
  };
}

/** Requests stored before several extensions were allowed hold a single `extension`. */
function withExtensionList(item: RequestItem & { extension?: DeadlineExtension }): RequestItem {
  if (Array.isArray(item.extensions)) return item;
  const { extension, ...rest } = item;
  return { ...rest, extensions: extension ? [extension] : [] };
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
          ...dataSubjectRequestKeys.lookup(request.id, field),
          entity: 'DataSubjectRequestLookup',
          requestId: request.id,
          field,
          ...lookupIndexKeys(field, lookupHash(cipher, field, normalised), request),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  return writes;
}

// ---------------------------------------------------------------------------------------------
// Reads

export async function getStoredRequest(table: TableRef, id: string): Promise<StoredDataSubjectRequest | undefined> {
  const item = await getEntity<DataSubjectRequestRecord>(table, dataSubjectRequestKeys.request(id));
  return item ? fromRequestItem(item) : undefined;
}

/** The request, or EntityNotFoundError (404). */
export async function requireStoredRequest(table: TableRef, id: string): Promise<StoredDataSubjectRequest> {
  return fromRequestItem(await requireEntity<DataSubjectRequestRecord>(table, dataSubjectRequestKeys.request(id), DATA_SUBJECT_REQUEST));
}

async function getStoredRequests(table: TableRef, ids: string[]): Promise<StoredDataSubjectRequest[]> {
  const found: StoredDataSubjectRequest[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    let keys: Record<string, unknown>[] = ids.slice(i, i + 100).map((id) => dataSubjectRequestKeys.request(id));
    // BatchGet may return some keys as unprocessed under load; ask again for those.
    for (let attempt = 0; keys.length > 0 && attempt < 5; attempt += 1) {
      const result = await table.doc.send(new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: keys, ConsistentRead: true } } }));
      found.push(...(result.Responses?.[table.tableName] ?? []).map(fromRequestItem));
      keys = (result.UnprocessedKeys?.[table.tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return found;
}

/** What a reveal opens: the clear requester and a way to open sealed item details. */
export interface RevealedRequester {
  requester: RequesterClear;
  openDetails(type: string, sealed: string): string;
}

/** The full view of a stored request: masked, unless an authorised reveal was made. */
export function storedRequestView(stored: StoredDataSubjectRequest, now: Date, revealed?: RevealedRequester): DataSubjectRequestView {
  return revealed
    ? toDataSubjectRequestView(stored.request, stored, revealed.requester, now, true, revealed.openDetails)
    : toDataSubjectRequestView(stored.request, stored, stored.requesterMasked, now);
}

export interface RequestListFilters {
  status?: RequestStatus;
  type?: RequestType;
  /** Undecided items due on or before this local date (the tenant's period time zone). */
  dueBefore?: string;
  overdue?: boolean;
}

/**
 * A page of the register. With a status: that status list, soonest deadline first. Without one,
 * "due before" and "overdue" read the sparse due index (undecided items only); otherwise the
 * register, newest first.
 */
export async function listDataSubjectRequests(
  table: TableRef,
  filters: RequestListFilters,
  page: PageRequest,
  list: ListBinding,
  context: { now: Date; defaultTimeZone: string },
): Promise<{ items: DataSubjectRequestSummary[]; nextCursor: string | null }> {
  const bounds: string[] = [];
  if (filters.dueBefore) {
    const { periodSettings } = await loadSettings(table, context.defaultTimeZone);
    bounds.push(throughInstant(zonedEndOfDay(filters.dueBefore, periodSettings.timeZone)));
  }
  if (filters.overdue) bounds.push(context.now.toISOString());
  const bound = bounds.sort()[0];
  const query = filters.status
    ? dataSubjectRequestAccess.byStatus(filters.status, { dueBefore: bound, type: filters.type })
    : bound
      ? dataSubjectRequestAccess.dueBefore(bound, { type: filters.type })
      : dataSubjectRequestAccess.register({ type: filters.type });
  return queryPage(table, query, page, list, (item) => {
    const stored = fromRequestItem(item);
    return toDataSubjectRequestSummary(stored.request, stored.requesterMasked, context.now);
  });
}

/** A person's open requests, newest first, found by the keyed hash of one identifier (no clear text is compared). */
export async function openRequestsOfPerson(table: TableRef, cipher: FieldCipher, field: LookupField, normalised: string, now: Date): Promise<DataSubjectRequestSummary[]> {
  const { items } = await queryAll(table, dataSubjectRequestAccess.byLookup(field, lookupHash(cipher, field, normalised)), { max: 100 });
  const requests = await getStoredRequests(table, items.map((item) => item.requestId as string));
  return requests
    .filter((stored) => !terminalStatuses.includes(stored.request.status))
    .sort((a, b) => b.request.receivedAt.localeCompare(a.request.receivedAt))
    .map((stored) => toDataSubjectRequestSummary(stored.request, stored.requesterMasked, now));
}

/** Bounds what the figures read, so a huge register cannot exhaust memory. */
const FIGURES_MAX_ITEMS = 10_000;

/**
 * Dashboard figures: open requests of any age (they drive "due" and "overdue"), plus every
 * request received since `since` (medians, late decisions).
 */
export async function dataSubjectRequestFigures(table: TableRef, options: { since: string; timeZone: string; now: Date }) {
  const byId = new Map<string, DataSubjectRequest>();
  const collect = (items: Record<string, unknown>[]) => items.forEach((item) => {
    const stored = fromRequestItem(item);
    byId.set(stored.request.id, stored.request);
  });
  for (const status of requestStatuses.filter((s) => !terminalStatuses.includes(s))) {
    collect((await queryAll(table, dataSubjectRequestAccess.byStatus(status), { max: FIGURES_MAX_ITEMS })).items);
  }
  const receivedFrom = zonedEndOfDay(addDays(options.since, -1), options.timeZone);
  collect((await queryAll(table, dataSubjectRequestAccess.register({ receivedFrom }), { max: FIGURES_MAX_ITEMS })).items);
  const figures = dataSubjectRequestStatistics([...byId.values()], options.now.toISOString());
  return { asOf: options.now.toISOString(), since: options.since, ...figures, requestsConsidered: byId.size };
}

/**
 * A notice to the requester, rendered from the record; undefined when there is nothing to say yet.
 * `requesterName` is the unmasked name (the letter is for the requester); without it the
 * masked one stands, for a check that there is anything to say before unsealing.
 */
export function requesterNoticeView(stored: StoredDataSubjectRequest, kind: RequesterMessageKind, revealedName?: string) {
  const request = revealedName === undefined ? stored.request : { ...stored.request, requester: { ...stored.request.requester, name: revealedName } };
  const message = renderRequesterMessage(request, kind);
  if (!message) return undefined;
  return { requestId: stored.request.id, kind, subject: message.subject, body: message.body, recipientRevealed: revealedName !== undefined };
}

// ---------------------------------------------------------------------------------------------
// Settings

export interface StoredSettings {
  feeSchedule: FeeScheduleEntry[];
  periodSettings: PeriodSettings;
  /** Where marketing use must stop on an objection (PDPA Art. 20 ¶2). */
  marketingStopTargets: MarketingStopTarget[];
  /** Channels that count as written for an Art. 13 extension notice. */
  writtenNoticeChannels: CommunicationChannel[];
  /** The public request form (functions/dataSubjectRequests/publicIntake*.ts); off until switched on. */
  publicRequestForm: PublicRequestFormSettings;
  updatedAt: string | null;
  updatedBy: string | null;
  version: number;
}

export type SettingsView = StoredSettings;

/** The settings as the API shows them (a copy: views never share objects with the stored record). */
export function settingsView(settings: StoredSettings): SettingsView {
  return {
    feeSchedule: settings.feeSchedule,
    periodSettings: { timeZone: settings.periodSettings.timeZone, mode: settings.periodSettings.mode, calendar: { ...settings.periodSettings.calendar } },
    marketingStopTargets: settings.marketingStopTargets.map((target) => ({ ...target })),
    writtenNoticeChannels: [...settings.writtenNoticeChannels],
    publicRequestForm: { ...settings.publicRequestForm },
    updatedAt: settings.updatedAt,
    updatedBy: settings.updatedBy,
    version: settings.version,
  };
}

/** Defaults until the tenant saves its own: Civil Code counting in the tenant's time zone, no fees. */
export async function loadSettings(table: TableRef, defaultTimeZone: string): Promise<StoredSettings> {
  const item = await getEntity<StoredSettings>(table, dataSubjectRequestKeys.settings());
  if (item) {
    return {
      feeSchedule: item.feeSchedule,
      periodSettings: item.periodSettings,
      marketingStopTargets: item.marketingStopTargets ?? [],
      writtenNoticeChannels: item.writtenNoticeChannels ?? [...defaultWrittenNoticeChannels],
      publicRequestForm: item.publicRequestForm ?? { ...PUBLIC_REQUEST_FORM_OFF },
      updatedAt: item.updatedAt,
      updatedBy: item.updatedBy,
      version: item.version,
    };
  }
  return {
    feeSchedule: [],
    periodSettings: { timeZone: defaultTimeZone, mode: 'civilCode', calendar: { saturdayIsRestDay: true } },
    marketingStopTargets: [],
    writtenNoticeChannels: [...defaultWrittenNoticeChannels],
    publicRequestForm: { ...PUBLIC_REQUEST_FORM_OFF },
    updatedAt: null,
    updatedBy: null,
    version: 0,
  };
}

export function settingsWrite(tableName: string, settings: StoredSettings, expectedVersion: number): TransactItem {
  return putEntityWrite(
    tableName,
    { ...dataSubjectRequestKeys.settings(), entity: 'DataSubjectRequestSettings', ...settings },
    // Version 0 is the unsaved defaults: the first save creates the item.
    expectedVersion === 0 ? null : expectedVersion,
  );
}
