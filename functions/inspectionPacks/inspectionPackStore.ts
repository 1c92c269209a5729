/**
 * Inspection-pack jobs in a tenant table: item ↔ record mapping and the reads (keys and access
 * patterns: inspectionPackEntities.ts).
 */
import type { InspectionPackJob } from '../../domain/inspectionPack';
import type { TransactItem } from '../store/auditedCommit';
import { putEntityWrite, queryPage, requireEntity, withoutKeys, type ListBinding, type PageRequest } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { inspectionPackAccess, inspectionPackIndexKeys, inspectionPackKeys } from './inspectionPackEntities';

export const INSPECTION_PACK_WHAT = { zhTW: '此檢查資料包', en: 'inspection pack' };

export interface StoredInspectionPack extends InspectionPackJob {
  version: number;
}

export function inspectionPackItem(job: StoredInspectionPack): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return { ...inspectionPackKeys.pack(job.inspectionPackId), entity: 'InspectionPack', ...job, ...inspectionPackIndexKeys(job) };
}

export function inspectionPackWrite(tableName: string, job: StoredInspectionPack, expected: number | null): TransactItem {
  return putEntityWrite(tableName, inspectionPackItem(job), expected);
}

function toStoredInspectionPack(item: Record<string, unknown>): StoredInspectionPack {
  return withoutKeys(item) as unknown as StoredInspectionPack;
}

/** The job, or EntityNotFoundError (404; another tenant's id reads as none: the table is the caller's own). */
export async function requireInspectionPack(table: TableRef, inspectionPackId: string): Promise<StoredInspectionPack> {
  return toStoredInspectionPack(await requireEntity<Record<string, unknown>>(table, inspectionPackKeys.pack(inspectionPackId), INSPECTION_PACK_WHAT));
}

export async function listInspectionPacks<T>(table: TableRef, page: PageRequest, list: ListBinding, map: (job: StoredInspectionPack) => T) {
  return queryPage(table, inspectionPackAccess.newestFirst(), page, list, (item) => map(toStoredInspectionPack(item)));
}
