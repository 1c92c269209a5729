/**
 * Evidence records in a tenant table: item ↔ record mapping, the writes a command commits, and the
 * reads (keys and access patterns: evidenceEntities.ts).
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { EvidenceLink, EvidenceRecord } from '../../domain/evidence';
import type { TransactItem } from '../store/auditedCommit';
import { EntityNotFoundError, putEntityWrite, queryItems, queryPage, withoutKeys, type ListBinding, type PageRequest } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { evidenceAccess, evidenceIndexKeys, evidenceKeys, evidenceLinkIndexKeys, evidencePartItem } from './evidenceEntities';

export const EVIDENCE_WHAT = { zhTW: '此佐證', en: 'evidence' };

/** The domain record with its version (the ETag). */
export interface StoredEvidence extends EvidenceRecord {
  version: number;
  updatedAt: string;
}

export function evidenceItem(record: StoredEvidence): Record<string, unknown> & { pk: string; sk: string; version: number } {
  return { ...evidenceKeys.record(record.evidenceId), entity: 'EvidenceRecord', ...record, ...evidenceIndexKeys(record) };
}

export function evidenceWrite(tableName: string, record: StoredEvidence, expected: number | null): TransactItem {
  return putEntityWrite(tableName, evidenceItem(record), expected);
}

/** One link item per supported record; written once with the record and removed with it. */
export function evidenceLinkWrites(tableName: string, record: StoredEvidence): TransactItem[] {
  return record.supports.map((link) =>
    putEntityWrite(tableName, { ...evidenceKeys.link(record.evidenceId, link), entity: 'EvidenceLink', evidenceId: record.evidenceId, kind: link.kind, id: link.id, version: 1, ...evidenceLinkIndexKeys(record, link) }, null),
  );
}

/** Removes the record (only the version the caller read) and its link items, in the audited transaction. */
export function evidenceDeleteWrites(tableName: string, record: StoredEvidence): TransactItem[] {
  return [
    {
      Delete: {
        TableName: tableName,
        Key: evidenceKeys.record(record.evidenceId),
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': record.version },
      },
    },
    ...record.supports.map((link) => ({ Delete: { TableName: tableName, Key: evidenceKeys.link(record.evidenceId, link) } })),
  ];
}

export function toStoredEvidence(item: Record<string, unknown>): StoredEvidence {
  return withoutKeys(item) as unknown as StoredEvidence;
}

/** The record (consistent read), or EntityNotFoundError (404). */
export async function requireEvidence(table: TableRef, evidenceId: string): Promise<StoredEvidence> {
  const items = await queryItems(table, evidenceAccess.aggregate(evidenceId));
  const head = items.find((item) => evidencePartItem.isRecord(item.sk));
  if (!head) throw new EntityNotFoundError(EVIDENCE_WHAT);
  return toStoredEvidence(head);
}

/** Records by id in the given order (BatchGet, re-asking for unprocessed keys); missing ones are skipped. */
async function evidenceByIds(table: TableRef, ids: readonly string[]): Promise<StoredEvidence[]> {
  const found = new Map<string, StoredEvidence>();
  let keys: Record<string, unknown>[] = ids.map((id) => ({ ...evidenceKeys.record(id) }));
  for (let attempt = 0; keys.length > 0 && attempt < 5; attempt += 1) {
    const result = await table.doc.send(new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: keys, ConsistentRead: true } } }));
    for (const item of result.Responses?.[table.tableName] ?? []) {
      const record = toStoredEvidence(item);
      found.set(record.evidenceId, record);
    }
    keys = (result.UnprocessedKeys?.[table.tableName]?.Keys ?? []) as Record<string, unknown>[];
    if (keys.length > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
  }
  return ids.flatMap((id) => {
    const record = found.get(id);
    return record ? [record] : [];
  });
}

/** The register newest first, or the evidence supporting one record (newest first). */
export async function listEvidence<T>(table: TableRef, filter: { supports?: EvidenceLink }, page: PageRequest, list: ListBinding, map: (record: StoredEvidence) => T) {
  if (!filter.supports) return queryPage(table, evidenceAccess.newestFirst(), page, list, (item) => map(toStoredEvidence(item)));
  const ids = await queryPage(table, evidenceAccess.supporting(filter.supports), page, list, (item) => String(item.evidenceId));
  return { items: (await evidenceByIds(table, ids.items)).map(map), nextCursor: ids.nextCursor };
}
