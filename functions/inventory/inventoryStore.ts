/**
 * The personal-data inventory's reads and item mapping (keys and access patterns:
 * inventoryEntities.ts). The risk and plan areas read the inventory through the functions here.
 */
import { mergeCodeLists, type CodeLists, type TenantCodeLists } from '../../domain/inventory/codeLists';
import { fileSpecialCategories, isCrossBorder, type PersonalDataFile } from '../../domain/inventory/personalDataFile';
import { totalRecordCount } from '../../domain/inventory/recordCount';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { TransactItem } from '../store/auditedCommit';
import { getEntity, putEntityWrite, queryItems, queryPage, requireEntity, type ListBinding, type PageRequest } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { inventoryAccessPatterns, inventoryKeys, linkedVendorKey, type FileListFilters } from './inventoryEntities';

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

export const personalDataFileWhat = { zhTW: '個資檔案', en: 'personal-data file' };

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

/** The file or a 404. */
export async function requireFileRecord(table: TableRef, fileId: string): Promise<PersonalDataFileRecord> {
  return fileRecordOf(await requireEntity<Record<string, unknown>>(table, inventoryKeys.file(fileId), personalDataFileWhat));
}

/** Every file record, retired ones included (callers decide), in key order. */
export async function loadAllFileRecords(table: TableRef): Promise<PersonalDataFileRecord[]> {
  return (await queryItems(table, inventoryAccessPatterns.allFiles())).map(fileRecordOf);
}

/** 001-2 before 001-10, as people number them. */
/** The given vendor ids that name no vendor of this tenant (another tenant's id reads as unknown). */
export async function unknownVendorIds(table: TableRef, vendorIds: Iterable<string>): Promise<Set<string>> {
  const distinct = [...new Set(vendorIds)];
  const found = await Promise.all(distinct.map(async (id) => ((await getEntity(table, linkedVendorKey(id))) ? null : id)));
  return new Set(found.filter((id): id is string => id !== null));
}

/** The given file ids that name no live file of this tenant: the check of links from other areas (a vendor's files). */
export async function unknownFileIds(table: TableRef, fileIds: Iterable<string>): Promise<Set<string>> {
  const distinct = [...new Set(fileIds)];
  const found = await Promise.all(
    distinct.map(async (id) => {
      const item = await getEntity<Record<string, unknown>>(table, inventoryKeys.file(id));
      return item && !fileRecordOf(item).retired ? null : id;
    }),
  );
  return new Set(found.filter((id): id is string => id !== null));
}

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

/** One page of the file list, as views. */
export async function listFiles<T>(table: TableRef, filters: FileListFilters, page: PageRequest, list: ListBinding, view: (record: PersonalDataFileRecord) => T) {
  return queryPage(table, inventoryAccessPatterns.filesPage(filters), page, list, (item) => view(fileRecordOf(item)));
}

export async function loadTenantCodeLists(table: TableRef): Promise<{ lists: TenantCodeLists; version: number | null }> {
  const item = await getEntity<Record<string, unknown>>(table, inventoryKeys.codeLists());
  if (!item) return { lists: { specificPurposes: [], dataCategories: [] }, version: null };
  return { lists: { specificPurposes: item.specificPurposes ?? [], dataCategories: item.dataCategories ?? [] } as TenantCodeLists, version: item.version };
}

export async function loadCodeLists(table: TableRef): Promise<CodeLists> {
  return mergeCodeLists((await loadTenantCodeLists(table)).lists);
}

export function putCodeListsWrite(tableName: string, lists: TenantCodeLists, version: number, expectedVersion: number | null): TransactItem {
  return putEntityWrite(tableName, { ...inventoryKeys.codeLists(), entity: 'InventoryCodeLists', ...lists, version }, expectedVersion);
}

/** Where a multi-transaction import stands (see commands/importInventoryTable.ts). */
export interface ImportProgress {
  importId: string;
  mode: 'createOnly' | 'upsert';
  fileCount: number;
  batchCount: number;
  committedBatches: number;
  status: 'inProgress' | 'completed';
  created: string[];
  updated: string[];
  unchanged: string[];
}

export async function getImportProgress(table: TableRef, importId: string): Promise<ImportProgress | undefined> {
  return getEntity<ImportProgress>(table, inventoryKeys.importRecord(importId));
}

/** Advances the import's progress exactly once per batch: it must still be where this attempt found it. */
export function putImportProgressWrite(tableName: string, progress: ImportProgress, updatedAt: string): TransactItem {
  const done = progress.committedBatches - 1;
  return {
    Put: {
      TableName: tableName,
      Item: { ...inventoryKeys.importRecord(progress.importId), entity: 'InventoryImport', ...progress, updatedAt },
      ...(done === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'committedBatches = :done', ExpressionAttributeValues: { ':done': done } }),
    },
  };
}

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
  const head = await getEntity<Record<string, unknown>>(table, inventoryKeys.head());
  const headVersion = head?.version ?? null;
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
