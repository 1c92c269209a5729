/**
 * Storage of the security maintenance plan in a tenant table (keys and access patterns:
 * planEntities.ts): loading the register, versions, settings and record counts, the writes
 * commands commit, and the read models of the plan's lists.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FrozenPlanTables, PlanContent, PlanTableRows, PlanVersion } from '../../domain/plan';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { TransactItem } from '../store/auditedCommit';
import {
  getEntity,
  putEntityWrite,
  queryItems,
  queryPage,
  requireEntity,
  withoutKeys,
  type ListBinding,
  type PageRequest,
} from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import {
  EMPTY_HEAD,
  planAccessPatterns,
  planKeys,
  recordCountKeys,
  type PlanHead,
  type PlanSettings,
  type RecordCountEntry,
  type StoredFrozenTablesPart,
  type StoredPlanVersion,
} from './planEntities';
import { toRecordCountView, toVersionSummary, type PlanVersionSummaryView, type RecordCountView } from './planModel';

export const PLAN_VERSION_WHAT = { zhTW: '此計畫版本', en: 'plan version' };

export function toDomainVersion(stored: StoredPlanVersion): PlanVersion {
  const { contentJson, createdBy: _c, updatedBy: _u, version: _v, ...rest } = stored;
  return { ...rest, content: JSON.parse(contentJson) as PlanContent };
}

export function toStoredVersion(version: PlanVersion, meta: { createdBy: string; updatedBy: string; revision: number }): StoredPlanVersion {
  const { content, ...rest } = version;
  return { ...rest, contentJson: JSON.stringify(content), createdBy: meta.createdBy, updatedBy: meta.updatedBy, version: meta.revision };
}

/** The record of an item, without its storage keys. */
function recordOf<T>(item: Record<string, unknown> | undefined): T | undefined {
  return item ? (withoutKeys(item) as T) : undefined;
}

// Register, versions, settings ------------------------------------------------------------------

export async function loadHead(table: TableRef): Promise<PlanHead> {
  return recordOf<PlanHead>(await getEntity(table, planKeys.head())) ?? EMPTY_HEAD;
}

export function headWrite(tableName: string, head: PlanHead, expected: number): TransactItem {
  return putEntityWrite(tableName, { ...planKeys.head(), entity: 'PlanHead', ...head }, expected === 0 ? null : expected);
}

export async function loadVersion(table: TableRef, versionNumber: number): Promise<StoredPlanVersion | undefined> {
  return recordOf<StoredPlanVersion>(await getEntity(table, planKeys.version(versionNumber)));
}

/** A version by number, or EntityNotFoundError (404). */
export async function requireVersion(table: TableRef, versionNumber: number): Promise<StoredPlanVersion> {
  return withoutKeys(await requireEntity<Record<string, unknown>>(table, planKeys.version(versionNumber), PLAN_VERSION_WHAT)) as unknown as StoredPlanVersion;
}

/** The version in force, if one was ever approved. */
export async function loadApprovedVersion(table: TableRef): Promise<StoredPlanVersion | undefined> {
  const head = await loadHead(table);
  return head.approvedVersionNumber !== null ? loadVersion(table, head.approvedVersionNumber) : undefined;
}

export function versionItem(stored: StoredPlanVersion): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return { ...planKeys.version(stored.versionNumber), entity: 'PlanVersion', ...stored };
}

export function versionWrite(tableName: string, stored: StoredPlanVersion, expected: number | null): TransactItem {
  return putEntityWrite(tableName, versionItem(stored), expected);
}

export async function loadSettings(table: TableRef): Promise<PlanSettings | undefined> {
  return recordOf<PlanSettings>(await getEntity(table, planKeys.settings()));
}

export function settingsWrite(tableName: string, settings: PlanSettings, expected: number): TransactItem {
  return putEntityWrite(tableName, { ...planKeys.settings(), entity: 'PlanSettings', ...settings }, expected === 0 ? null : expected);
}

// Frozen tables ---------------------------------------------------------------------------------

/** Bytes of gzip per part: far enough under 400 KB for the keys and attributes around it. */
const FROZEN_PART_BYTES = 300_000;

/** The writes that store a version's frozen tables (new items: a version freezes once). */
export function frozenTablesWrites(tableName: string, frozen: FrozenPlanTables): TransactItem[] {
  const gzip = gzipSync(Buffer.from(JSON.stringify(frozen.rows), 'utf8'));
  const parts = Math.max(1, Math.ceil(gzip.length / FROZEN_PART_BYTES));
  return Array.from({ length: parts }, (_, part) => {
    const item: StoredFrozenTablesPart = { versionNumber: frozen.versionNumber, frozenAt: frozen.frozenAt, part, parts, version: 1, gzip: new Uint8Array(gzip.subarray(part * FROZEN_PART_BYTES, (part + 1) * FROZEN_PART_BYTES)) };
    return putEntityWrite(tableName, { ...planKeys.frozenTablesPart(frozen.versionNumber, part), entity: 'FrozenPlanTables', ...item }, null);
  });
}

/** A version's frozen tables; undefined for a version never approved (or approved before tables were frozen). */
export async function loadFrozenTables(table: TableRef, versionNumber: number): Promise<FrozenPlanTables | undefined> {
  const parts = (await queryItems(table, planAccessPatterns.frozenTablesOf(versionNumber))) as unknown as StoredFrozenTablesPart[];
  const first = parts[0];
  if (!first) return undefined;
  if (parts.length !== first.parts) throw new Error(`Frozen tables of version ${versionNumber}: ${parts.length} of ${first.parts} parts`);
  const gzip = Buffer.concat(parts.map((p) => Buffer.from(p.gzip)));
  return { versionNumber, frozenAt: first.frozenAt, rows: JSON.parse(gunzipSync(gzip).toString('utf8')) as PlanTableRows };
}

// Record counts ---------------------------------------------------------------------------------

export async function loadRecordCount(table: TableRef, date: IsoDate): Promise<RecordCountEntry | undefined> {
  return recordOf<RecordCountEntry>(await getEntity(table, recordCountKeys.entry(date)));
}

/**
 * Records a day's count, or replaces exactly the entry that was read. Inventory-written entries
 * carry no revision; replacing one only requires it unchanged since read.
 */
export function recordCountWrite(tableName: string, entry: RecordCountEntry & { version: number }, existing: RecordCountEntry | undefined): TransactItem {
  const item = { ...recordCountKeys.entry(entry.date), entity: 'RecordCount', ...entry };
  if (!existing || existing.version !== undefined) return putEntityWrite(tableName, item, existing ? existing.version! : null);
  return {
    Put: {
      TableName: tableName,
      Item: item,
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#version) AND #count = :count',
      ExpressionAttributeNames: { '#version': 'version', '#count': 'count' },
      ExpressionAttributeValues: { ':count': existing.count },
    },
  };
}

/**
 * The whole record-count history up to `asOf`. Entries are small and at most one per day, so
 * even years of daily counts stay cheap.
 */
export async function loadRecordCountHistory(table: TableRef, asOf: IsoDate): Promise<{ date: IsoDate; count: number }[]> {
  const items = await queryItems(table, planAccessPatterns.recordCountsUpTo(asOf));
  return items.map((item) => ({ date: item.date as IsoDate, count: Number(item.count) }));
}

/** A page of the record-count history, newest first, within inclusive bounds. */
export async function listRecordCounts(
  table: TableRef,
  range: { from?: IsoDate; to?: IsoDate },
  page: PageRequest,
  list: ListBinding,
): Promise<{ items: RecordCountView[]; nextCursor: string | null }> {
  return queryPage(table, planAccessPatterns.recordCountsNewestFirst(range), page, list, (item) => toRecordCountView(item as unknown as RecordCountEntry));
}

// Version list ----------------------------------------------------------------------------------

/** Every stored attribute but the content. */
const VERSION_SUMMARY_ATTRIBUTES = [
  'pk', 'sk', 'versionNumber', 'versionDate', 'status', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy',
  'submittedAt', 'submittedBy', 'rejection', 'approval', 'supersededAt', 'supersededByVersion', 'version',
];

/**
 * A page of versions, newest first, without their content: a version can be 350 KB, so reading
 * full items would cut a page short at DynamoDB's 1 MB per Query. KeyQuery has no projection,
 * hence this one paged Query of its own (same cursor binding as `queryPage`).
 */
export async function listVersionSummaries(table: TableRef, page: PageRequest, list: ListBinding): Promise<{ items: PlanVersionSummaryView[]; nextCursor: string | null }> {
  // Summaries only: the projection keeps the (up to 350 KB) plan content out of the read.
  const query = { ...planAccessPatterns.versionsNewestFirst(), projection: VERSION_SUMMARY_ATTRIBUTES };
  return queryPage(table, query, page, list, (item) => toVersionSummary(item as unknown as StoredPlanVersion));
}
