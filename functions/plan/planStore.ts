/**
 * Storage of the security maintenance plan (個人資料檔案安全維護計畫) in a tenant table.
 *
 * Access patterns:
 *   plan register (numbering, open/approved) .. PK=PLAN          SK=HEAD
 *   get a version ............................. PK=PLAN          SK=VERSION#<000007>
 *   list versions (newest first) .............. PK=PLAN          SK begins_with VERSION#  (Query, descending)
 *   plan settings (selected regulation) ....... PK=PLAN          SK=SETTINGS
 *   record-count history (by date) ............ PK=RECORD_COUNT  SK=<yyyy-mm-dd>   (shared with inventory)
 *
 * Each version is its own item with the content kept as one JSON string: DynamoDB caps an item at
 * 400 KB, so the API refuses content above MAX_CONTENT_BYTES before writing (a clear 413 instead
 * of a failed transaction). The register item is written in the same transaction as every change
 * that opens or approves a version, so two editors cannot open two drafts or approve twice.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PlanContent, PlanVersion } from '../../domain/plan';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { TransactItem } from '../store/auditedCommit';
import { putEntityWrite } from '../store/entityStore';

/**
 * Content above this is refused. The item also holds the status fields, and the stored
 * Idempotency-Key response repeats the content, so both stay below DynamoDB's 400 KB.
 */
export const MAX_CONTENT_BYTES = 350_000;

export const planKeys = {
  head: () => ({ pk: 'PLAN', sk: 'HEAD' }),
  version: (versionNumber: number) => ({ pk: 'PLAN', sk: `VERSION#${String(versionNumber).padStart(6, '0')}` }),
  versionPrefix: 'VERSION#',
  settings: () => ({ pk: 'PLAN', sk: 'SETTINGS' }),
};

export const recordCountKeys = {
  partition: 'RECORD_COUNT',
  entry: (date: IsoDate) => ({ pk: 'RECORD_COUNT', sk: date }),
};

/** The plan register: which version is open (draft/submitted) and which is in force. */
export interface PlanHead {
  latestVersionNumber: number;
  openVersionNumber: number | null;
  approvedVersionNumber: number | null;
  version: number;
}

export const EMPTY_HEAD: PlanHead = { latestVersionNumber: 0, openVersionNumber: null, approvedVersionNumber: null, version: 0 };

/** A version as stored: the domain's PlanVersion with the content serialised, plus who changed it. */
export interface StoredPlanVersion extends Omit<PlanVersion, 'content'> {
  contentJson: string;
  createdBy: string;
  updatedBy: string;
  /** Optimistic-concurrency revision (the ETag), not the plan's version number. */
  version: number;
}

export interface PlanSettings {
  /** Sector regulation chosen for the plan; null falls back to the tenant profile's. */
  regulationPcode: string | null;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export interface RecordCountEntry {
  date: IsoDate;
  count: number;
  source: 'inventory' | 'manual';
  note?: string;
  recordedAt?: string;
  recordedBy?: string;
  version: number;
}

export function contentBytes(content: PlanContent): number {
  return Buffer.byteLength(JSON.stringify(content), 'utf8');
}

export function toDomainVersion(stored: StoredPlanVersion): PlanVersion {
  const { contentJson, createdBy: _c, updatedBy: _u, version: _v, ...rest } = stored;
  return { ...rest, content: JSON.parse(contentJson) as PlanContent };
}

export function toStoredVersion(version: PlanVersion, meta: { createdBy: string; updatedBy: string; revision: number }): StoredPlanVersion {
  const { content, ...rest } = version;
  return { ...rest, contentJson: JSON.stringify(content), createdBy: meta.createdBy, updatedBy: meta.updatedBy, version: meta.revision };
}

function stripKeys<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, entity: _e, ...rest } = item;
  return rest as T;
}

export async function loadHead(doc: DynamoDBDocumentClient, tableName: string): Promise<PlanHead> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: planKeys.head(), ConsistentRead: true }));
  return stripKeys<PlanHead>(Item) ?? EMPTY_HEAD;
}

export function headWrite(tableName: string, head: PlanHead, expected: number): TransactItem {
  return putEntityWrite(tableName, { ...planKeys.head(), entity: 'PlanHead', ...head }, expected === 0 ? null : expected);
}

export async function loadVersion(doc: DynamoDBDocumentClient, tableName: string, versionNumber: number): Promise<StoredPlanVersion | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: planKeys.version(versionNumber), ConsistentRead: true }));
  return stripKeys<StoredPlanVersion>(Item);
}

export function versionItem(stored: StoredPlanVersion): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return { ...planKeys.version(stored.versionNumber), entity: 'PlanVersion', ...stored };
}

export function versionWrite(tableName: string, stored: StoredPlanVersion, expected: number | null): TransactItem {
  return putEntityWrite(tableName, versionItem(stored), expected);
}

export async function loadSettings(doc: DynamoDBDocumentClient, tableName: string): Promise<PlanSettings | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: planKeys.settings(), ConsistentRead: true }));
  return stripKeys<PlanSettings>(Item);
}

export function settingsWrite(tableName: string, settings: PlanSettings, expected: number): TransactItem {
  return putEntityWrite(tableName, { ...planKeys.settings(), entity: 'PlanSettings', ...settings }, expected === 0 ? null : expected);
}

export async function loadRecordCount(doc: DynamoDBDocumentClient, tableName: string, date: IsoDate): Promise<RecordCountEntry | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: recordCountKeys.entry(date), ConsistentRead: true }));
  return stripKeys<RecordCountEntry>(Item);
}

export function recordCountWrite(tableName: string, entry: RecordCountEntry, expected: number | null): TransactItem {
  return putEntityWrite(tableName, { ...recordCountKeys.entry(entry.date), entity: 'RecordCount', ...entry }, expected);
}

/**
 * The whole record-count history up to `asOf` (a Query on its own partition, paged through).
 * Entries are small and at most one per day, so even years of daily counts stay cheap.
 */
export async function loadRecordCountHistory(doc: DynamoDBDocumentClient, tableName: string, asOf: IsoDate): Promise<{ date: IsoDate; count: number }[]> {
  const history: { date: IsoDate; count: number }[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND sk <= :asOf',
      ExpressionAttributeValues: { ':pk': recordCountKeys.partition, ':asOf': asOf },
      ProjectionExpression: '#date, #count',
      ExpressionAttributeNames: { '#date': 'date', '#count': 'count' },
      ExclusiveStartKey: startKey,
    }));
    for (const item of page.Items ?? []) history.push({ date: item.date as IsoDate, count: Number(item.count) });
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return history;
}
