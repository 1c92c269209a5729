/**
 * Reads of a table's audit chain (a tenant's, or the control plane's): pages of events by the
 * access patterns of auditEntities.ts, and the verification walk.
 */
import { verifyAuditChain, type AuditEvent, type ChainVerification } from '../../domain/audit/auditChain';
import { queryPage, queryPages, type ListBinding, type PageRequest } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { auditAccess, type AuditFilter } from './auditEntities';

export type { AuditFilter };

function toEvent(item: Record<string, unknown>): AuditEvent {
  return {
    sequence: item.sequence as number,
    at: item.at as string,
    actorId: item.actorId as string,
    actorRole: item.actorRole as string,
    action: item.action as string,
    resourceType: item.resourceType as string,
    resourceId: item.resourceId as string,
    requestId: item.requestId as string,
    beforeDigest: (item.beforeDigest as string | null) ?? null,
    afterDigest: (item.afterDigest as string | null) ?? null,
    previousHash: item.previousHash as string,
    hash: item.hash as string,
  };
}

export async function queryAuditEvents(table: TableRef, filter: AuditFilter, page: PageRequest & { descending?: boolean }, list: ListBinding) {
  // Stored times are toISOString() (with milliseconds); compare like with like.
  const window = { ...filter, from: filter.from && new Date(filter.from).toISOString(), to: filter.to && new Date(filter.to).toISOString() };
  return queryPage(table, auditAccess.auditEvents(window, page.descending ?? false), { limit: page.limit, cursor: page.cursor }, list, toEvent);
}

/** Events verified per page: the walk holds one page at a time, however long the chain. */
const VERIFY_PAGE = 500;

/** Walks the whole chain in sequence order, page by page, verifying as it goes. */
export async function verifyStoredChain(table: TableRef): Promise<ChainVerification & { firstSequence: number | null }> {
  let anchor: { sequence: number; hash: string } | null = null;
  let firstSequence: number | null = null;
  let total = 0;
  let last: ChainVerification | undefined;
  for await (const page of queryPages(table, auditAccess.chainInOrder(), { pageSize: VERIFY_PAGE })) {
    const events = page.map(toEvent);
    if (firstSequence === null && events[0]) {
      firstSequence = events[0].sequence;
      // Events older than the retention period expire; the oldest kept one anchors the chain.
      if (firstSequence > 1) anchor = { sequence: firstSequence - 1, hash: events[0].previousHash };
    }
    last = verifyAuditChain(events, anchor);
    if (!last.valid) return { ...last, eventsChecked: total + last.eventsChecked, firstSequence };
    total += last.eventsChecked;
    if (last.eventsChecked > 0) anchor = { sequence: last.lastSequence, hash: last.lastHash };
  }
  return { ...(last ?? verifyAuditChain([], null)), eventsChecked: total, firstSequence } as ChainVerification & { firstSequence: number | null };
}
