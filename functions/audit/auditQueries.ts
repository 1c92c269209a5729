/**
 * Reads of a table's audit chain. Time order equals sequence order (the chain never goes back
 * in time), so every filter is a key condition on a sorted key, never a scan:
 *   all events ............ PK=AUDIT                             SK=EVENT#<at>#<seq>
 *   by resource ........... GSI byResource       gsi1pk=AUDIT#<type>#<id>  gsi1sk=<at>#<seq>
 *   by actor .............. GSI byOwnerOrActor   gsi2pk=AUDIT_ACTOR#<id>   gsi2sk=<at>#<seq>
 */
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { verifyAuditChain, type AuditEvent, type ChainVerification } from '../../domain/audit/auditChain';
import { tenantTableIndexes } from '../store/tableDesign';

export interface AuditFilter {
  resourceType?: string;
  resourceId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

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

export async function queryAuditEvents(
  doc: DynamoDBDocumentClient,
  tableName: string,
  filter: AuditFilter,
  page: { limit: number; startKey?: Record<string, unknown>; descending?: boolean },
) {
  // Stored times are toISOString() (with milliseconds); compare like with like.
  filter = { ...filter, from: filter.from && new Date(filter.from).toISOString(), to: filter.to && new Date(filter.to).toISOString() };
  const input: QueryCommandInput = { TableName: tableName, Limit: page.limit, ExclusiveStartKey: page.startKey, ScanIndexForward: !page.descending };
  const range = (skName: string) => {
    // at#seq keys: "from" inclusive, "to" inclusive up to the end of that instant.
    const lower = filter.from ?? '0000';
    const upper = `${filter.to ?? '9999'}#~`;
    return { condition: `#sk BETWEEN :lower AND :upper`, names: { '#sk': skName }, values: { ':lower': lower, ':upper': upper } };
  };
  if (filter.resourceType && filter.resourceId) {
    const index = tenantTableIndexes.byResource;
    const r = range(index.sk);
    Object.assign(input, {
      IndexName: index.name,
      KeyConditionExpression: `#pk = :pk AND ${r.condition}`,
      ExpressionAttributeNames: { '#pk': index.pk, ...r.names },
      ExpressionAttributeValues: { ':pk': `AUDIT#${filter.resourceType}#${filter.resourceId}`, ...r.values },
      ...(filter.actorId ? { FilterExpression: 'actorId = :actor' } : {}),
    });
    if (filter.actorId) input.ExpressionAttributeValues![':actor'] = filter.actorId;
  } else if (filter.actorId) {
    const index = tenantTableIndexes.byOwnerOrActor;
    const r = range(index.sk);
    Object.assign(input, {
      IndexName: index.name,
      KeyConditionExpression: `#pk = :pk AND ${r.condition}`,
      ExpressionAttributeNames: { '#pk': index.pk, ...r.names },
      ExpressionAttributeValues: { ':pk': `AUDIT_ACTOR#${filter.actorId}`, ...r.values },
      ...(filter.resourceType ? { FilterExpression: 'resourceType = :type' } : {}),
    });
    if (filter.resourceType) input.ExpressionAttributeValues![':type'] = filter.resourceType;
  } else {
    const r = range('sk');
    Object.assign(input, {
      KeyConditionExpression: `#pk = :pk AND ${r.condition}`,
      ExpressionAttributeNames: { '#pk': 'pk', ...r.names },
      ExpressionAttributeValues: { ':pk': 'AUDIT', ':lower': `EVENT#${filter.from ?? '0000'}`, ':upper': `EVENT#${filter.to ?? '9999'}#~` },
      ...(filter.resourceType ? { FilterExpression: 'resourceType = :type' } : {}),
    });
    if (filter.resourceType) input.ExpressionAttributeValues![':type'] = filter.resourceType;
  }
  const result = await doc.send(new QueryCommand(input));
  return { items: (result.Items ?? []).map(toEvent), lastKey: result.LastEvaluatedKey };
}

/** Walks the whole chain in sequence order, page by page, verifying as it goes. */
export async function verifyStoredChain(doc: DynamoDBDocumentClient, tableName: string): Promise<ChainVerification & { firstSequence: number | null }> {
  let startKey: Record<string, unknown> | undefined;
  let anchor: { sequence: number; hash: string } | null = null;
  let firstSequence: number | null = null;
  let total = 0;
  let last: ChainVerification | undefined;
  do {
    const result = await doc.send(new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
      ExpressionAttributeValues: { ':pk': 'AUDIT', ':event': 'EVENT#' },
      ExclusiveStartKey: startKey,
      ConsistentRead: true,
      Limit: 500,
    }));
    const events = (result.Items ?? []).map(toEvent);
    if (firstSequence === null && events[0]) {
      firstSequence = events[0].sequence;
      // Events older than the retention period expire; the oldest kept one anchors the chain.
      if (firstSequence > 1) anchor = { sequence: firstSequence - 1, hash: events[0].previousHash };
    }
    last = verifyAuditChain(events, anchor);
    if (!last.valid) return { ...last, eventsChecked: total + last.eventsChecked, firstSequence };
    total += last.eventsChecked;
    if (last.eventsChecked > 0) anchor = { sequence: last.lastSequence, hash: last.lastHash };
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return { ...(last ?? verifyAuditChain([], null)), eventsChecked: total, firstSequence } as ChainVerification & { firstSequence: number | null };
}
