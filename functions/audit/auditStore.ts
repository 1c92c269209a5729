/**
 * Reads of a table's audit chain (a tenant's, or the control plane's): pages of events by the
 * access patterns of auditEntities.ts, and the verification walk.
 */
import { AuditTrailVerifier, type AuditAnchor, type AuditEvent, type TrailVerification } from '../../domain/audit/auditChain';
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
    // Only events on a spill-over chain carry their shard (domain/audit/auditChain.ts).
    ...(typeof item.shard === 'number' && item.shard !== 0 ? { shard: item.shard } : {}),
  };
}

function toAnchor(item: Record<string, unknown>): AuditAnchor {
  return {
    anchorSequence: item.anchorSequence as number,
    at: item.at as string,
    heads: item.heads as AuditAnchor['heads'],
    previousAnchorHash: item.previousAnchorHash as string,
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

/**
 * Verifies the whole trail: the anchors first, then every event in time order (per shard that is
 * sequence order), page by page — it holds one page, one head per shard and the anchors' claims.
 * `lastSequence`/`firstSequence` describe the main chain (shard 0); `shards` every chain's head.
 */
export async function verifyStoredChain(table: TableRef): Promise<TrailVerification & { firstSequence: number | null }> {
  const verifier = new AuditTrailVerifier();
  let firstSequence: number | null = null;
  for await (const page of queryPages(table, auditAccess.anchorsInOrder(), { pageSize: VERIFY_PAGE })) {
    const failed = verifier.acceptAnchors(page.map(toAnchor));
    if (failed) return { ...failed, firstSequence };
  }
  for await (const page of queryPages(table, auditAccess.chainInOrder(), { pageSize: VERIFY_PAGE })) {
    for (const event of page.map(toEvent)) {
      if (firstSequence === null && !event.shard) firstSequence = event.sequence;
      const failed = verifier.accept(event);
      if (failed) return { ...failed, firstSequence };
    }
  }
  return { ...verifier.finish(), firstSequence };
}
