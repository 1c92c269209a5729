/**
 * The personal-data inventory in a tenant table. Access patterns:
 *   a file by its id ............ PK=INVENTORY        SK=FILE#<fileId>
 *   every file (list, totals) ... Query PK=INVENTORY begins_with(SK, 'FILE#')  (consistent read)
 *   tenant code lists ........... PK=INVENTORY        SK=CODE_LISTS
 *   inventory head (total lock) . PK=INVENTORY        SK=HEAD
 *   import progress ............. PK=INVENTORY_IMPORT#<importId> SK=IMPORT
 *   record-count history ........ PK=RECORD_COUNT     SK=<yyyy-mm-dd>  (read by the plan area)
 *
 * Files share one partition on the base table, not a GSI: the record-count total must be summed
 * from a strongly consistent read in the same breath as the write that changes it, and a
 * tenant's inventory is hundreds of files at most, well within one partition.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mergeCodeLists, type CodeLists, type TenantCodeLists } from '../../domain/inventory/codeLists';
import { fileSpecialCategories, isCrossBorder, type PersonalDataFile } from '../../domain/inventory/personalDataFile';
import { totalRecordCount } from '../../domain/inventory/recordCount';
import { zonedDateOf, type IsoDate } from '../../domain/shared/isoDate';
import type { TenantScope } from '../http/context';
import type { TransactItem } from '../store/auditedCommit';
import { putEntityWrite } from '../store/entityStore';

export type TableRef = Pick<TenantScope, 'doc' | 'tableName'>;

export const inventoryKeys = {
  file: (fileId: string) => ({ pk: 'INVENTORY', sk: `FILE#${fileId}` }),
  codeLists: () => ({ pk: 'INVENTORY', sk: 'CODE_LISTS' }),
  head: () => ({ pk: 'INVENTORY', sk: 'HEAD' }),
  importRecord: (importId: string) => ({ pk: `INVENTORY_IMPORT#${importId}`, sk: 'IMPORT' }),
  recordCount: (date: IsoDate) => ({ pk: 'RECORD_COUNT', sk: date }),
};

export const FILE_SK_PREFIX = 'FILE#';

export interface Retirement {
  at: string;
  by: string;
  reason: string;
}

/** The stored item: the domain file plus bookkeeping and the attributes list filters use. */
export interface PersonalDataFileRecord {
  file: PersonalDataFile;
  version: number;
  createdAt: string;
  updatedAt: string;
  retired: Retirement | null;
}

export function fileItem(record: PersonalDataFileRecord, codeLists: CodeLists) {
  return {
    ...inventoryKeys.file(record.file.id),
    entity: 'PersonalDataFile',
    fileId: record.file.id,
    file: record.file,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    retired: record.retired,
    // Denormalised for the list filters (FilterExpression on the inventory Query).
    subjectAttribute: record.file.subjectAttribute,
    status: record.file.status,
    crossBorder: isCrossBorder(record.file),
    special: fileSpecialCategories(record.file, codeLists).length > 0,
    isRetired: record.retired !== null,
  };
}

export function fileRecordOf(item: Record<string, unknown>): PersonalDataFileRecord {
  return {
    file: item.file as PersonalDataFile,
    version: item.version as number,
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
    retired: (item.retired as Retirement | null | undefined) ?? null,
  };
}

export function putFileWrite(tableName: string, record: PersonalDataFileRecord, codeLists: CodeLists, expectedVersion: number | null): TransactItem {
  return putEntityWrite(tableName, fileItem(record, codeLists), expectedVersion);
}

export async function getFileRecord(table: TableRef, fileId: string): Promise<PersonalDataFileRecord | undefined> {
  const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: inventoryKeys.file(fileId), ConsistentRead: true }));
  return Item ? fileRecordOf(Item) : undefined;
}

/** Every item of a key-condition query, page by page (bounded partitions only). */
export async function queryAll(doc: DynamoDBDocumentClient, input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...((result.Items ?? []) as Record<string, unknown>[]));
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Every file record, retired ones included (callers decide), in key order. */
export async function loadAllFileRecords(table: TableRef): Promise<PersonalDataFileRecord[]> {
  const items = await queryAll(table.doc, {
    TableName: table.tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': 'INVENTORY', ':prefix': FILE_SK_PREFIX },
    ConsistentRead: true,
  });
  return items.map(fileRecordOf);
}

/** 001-2 before 001-10, as people number them. */
export function compareFileIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The files that are part of the inventory today (not retired), in id order. */
export async function loadLiveFiles(table: TableRef): Promise<PersonalDataFile[]> {
  const records = await loadAllFileRecords(table);
  return records
    .filter((r) => r.retired === null)
    .map((r) => r.file)
    .sort((a, b) => compareFileIds(a.id, b.id));
}

export async function loadTenantCodeLists(table: TableRef): Promise<{ lists: TenantCodeLists; version: number | null }> {
  const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: inventoryKeys.codeLists(), ConsistentRead: true }));
  if (!Item) return { lists: { specificPurposes: [], dataCategories: [] }, version: null };
  return { lists: { specificPurposes: Item.specificPurposes ?? [], dataCategories: Item.dataCategories ?? [] } as TenantCodeLists, version: Item.version as number };
}

export async function loadCodeLists(table: TableRef): Promise<CodeLists> {
  return mergeCodeLists((await loadTenantCodeLists(table)).lists);
}

/** Today in the tenant's time zone: legal dates are the tenant's calendar days. */
export function tenantToday(tenant: Pick<TenantScope, 'profile'>, now: Date): IsoDate {
  return zonedDateOf(now, tenant.profile.timeZone || 'Asia/Taipei');
}

/** A stale inventory head: another total-changing mutation committed first; retry. */
export class InventoryHeadConflict extends Error {}

/**
 * Writes that keep the record-count history true. If the change moves today's total, the
 * history item of today is (over)written with the new total, and the inventory head is bumped
 * on the version we read — so two concurrent total-changing mutations cannot both commit a
 * total computed from the same stale snapshot. Returns [] when the total does not move.
 *
 * `before`/`after` are the live versions of the files the mutation touches (absent = not live).
 */
export async function recordCountWrites(
  table: TableRef,
  today: IsoDate,
  change: { before: readonly PersonalDataFile[]; after: readonly PersonalDataFile[] },
): Promise<{ writes: TransactItem[]; total: number | null }> {
  const delta = totalRecordCount(change.after, today).total - totalRecordCount(change.before, today).total;
  if (delta === 0) return { writes: [], total: null };
  const { Item: head } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: inventoryKeys.head(), ConsistentRead: true }));
  const headVersion = (head?.version as number | undefined) ?? null;
  const touched = new Set([...change.before, ...change.after].map((f) => f.id));
  const others = (await loadLiveFiles(table)).filter((f) => !touched.has(f.id));
  const total = totalRecordCount([...others, ...change.after], today).total;
  return {
    total,
    writes: [
      putEntityWrite(table.tableName, { ...inventoryKeys.head(), entity: 'InventoryHead', version: (headVersion ?? 0) + 1, totalRecordCount: total, totalAsOf: today }, headVersion),
      { Put: { TableName: table.tableName, Item: { ...inventoryKeys.recordCount(today), entity: 'RecordCountHistory', date: today, count: total, source: 'inventory' } } },
    ],
  };
}
