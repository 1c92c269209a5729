/**
 * The declared entity model every area's store is written against, in the spirit of ElectroDB /
 * dynamodb-toolbox but small: an area declares, in one `<area>Entities.ts` file, each entity's key
 * template, the index keys it carries, and its named access patterns (`KeyQuery` builders). Stores
 * call access patterns by name through `queryAll` / `queryPage`; nothing else builds a
 * KeyConditionExpression. Index names and attributes come from `tableIndexes` (tableDesign.ts),
 * which infra reads too.
 *
 * Why not ElectroDB or dynamodb-toolbox: both would re-shape every stored item (their own entity
 * attributes and key formats) and write through their own transaction builders, while every write
 * here must go into the one audited transaction (auditedCommit.ts) together with the audit event
 * and the Idempotency-Key record. The declaration below is what we need from them.
 */
import { GetCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, listIdentity } from './cursor';
import type { TableRef } from './tableRef';
import type { TransactItem } from './auditedCommit';
import type { IndexDeclaration } from './tableDesign';

export interface EntityKey {
  pk: string;
  sk: string;
}

/** A sort-key condition of a Query. */
export type SortCondition =
  | { beginsWith: string }
  | { equals: string }
  | { lessThan: string }
  | { atMost: string }
  | { greaterThan: string }
  | { atLeast: string }
  | { between: readonly [string, string] };

/** A named access pattern's query: a partition (of the table or one index), optionally narrowed. */
export interface KeyQuery {
  /** The index that answers the question; omitted for the base table. */
  index?: IndexDeclaration;
  pk: string;
  sk?: SortCondition;
  descending?: boolean;
  consistentRead?: boolean;
  /** Reads only these attributes (e.g. a list that must not read large content). */
  projection?: readonly string[];
  /** Narrows within the partition (never replaces a key condition). */
  filter?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };
}

/** Query input for a KeyQuery; the only place a KeyConditionExpression is built. */
export function keyQueryInput(query: KeyQuery): Omit<QueryCommandInput, 'TableName'> {
  const names: Record<string, string> = { '#pk': query.index?.pk ?? 'pk', ...(query.filter?.names ?? {}) };
  const values: Record<string, unknown> = { ':pk': query.pk, ...(query.filter?.values ?? {}) };
  let condition = '#pk = :pk';
  const sk = query.sk;
  if (sk) {
    names['#sk'] = query.index?.sk ?? 'sk';
    if ('beginsWith' in sk) { condition += ' AND begins_with(#sk, :sk)'; values[':sk'] = sk.beginsWith; }
    else if ('equals' in sk) { condition += ' AND #sk = :sk'; values[':sk'] = sk.equals; }
    else if ('lessThan' in sk) { condition += ' AND #sk < :sk'; values[':sk'] = sk.lessThan; }
    else if ('atMost' in sk) { condition += ' AND #sk <= :sk'; values[':sk'] = sk.atMost; }
    else if ('greaterThan' in sk) { condition += ' AND #sk > :sk'; values[':sk'] = sk.greaterThan; }
    else if ('atLeast' in sk) { condition += ' AND #sk >= :sk'; values[':sk'] = sk.atLeast; }
    else { condition += ' AND #sk BETWEEN :skFrom AND :skTo'; values[':skFrom'] = sk.between[0]; values[':skTo'] = sk.between[1]; }
  }
  const projection = query.projection?.map((attribute, position) => {
    names[`#p${position}`] = attribute;
    return `#p${position}`;
  });
  return {
    ...(query.index ? { IndexName: query.index.name } : {}),
    ...(projection ? { ProjectionExpression: projection.join(', ') } : {}),
    KeyConditionExpression: condition,
    ...(query.filter ? { FilterExpression: query.filter.expression } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ...(query.descending ? { ScanIndexForward: false } : {}),
    ...(query.consistentRead && !query.index ? { ConsistentRead: true } : {}),
  };
}

export async function getEntity<T>(table: TableRef, key: EntityKey): Promise<(T & { version: number }) | undefined> {
  const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: key, ConsistentRead: true }));
  return Item as (T & { version: number }) | undefined;
}

/**
 * Claims the next number of a sequence (a case-number day, …) with one atomic ADD: concurrent
 * claims serialise on the item inside DynamoDB instead of failing a transaction's condition, so a
 * busy day never turns into retries. Each number is handed out once; a number whose record then
 * fails to commit is skipped (the sequence is unique and increasing, not gap-free).
 */
export async function claimNextSequence(table: TableRef, key: EntityKey, entity: string): Promise<number> {
  const { Attributes } = await table.doc.send(new UpdateCommand({
    TableName: table.tableName,
    Key: key,
    UpdateExpression: 'ADD #lastSequence :one SET #entity = :entity',
    ExpressionAttributeNames: { '#lastSequence': 'lastSequence', '#entity': 'entity' },
    ExpressionAttributeValues: { ':one': 1, ':entity': entity },
    ReturnValues: 'UPDATED_NEW',
  }));
  return Attributes!.lastSequence as number;
}

/** A record the caller asked for by id does not exist (another tenant's id is the same as none). */
export class EntityNotFoundError extends Error {
  constructor(readonly what: { zhTW: string; en: string }) {
    super(`not found: ${what.en}`);
  }
}

/** Reads an entity or throws EntityNotFoundError (the HTTP layer answers 404). */
export async function requireEntity<T>(table: TableRef, key: EntityKey, what: { zhTW: string; en: string }): Promise<T & { version: number }> {
  const found = await getEntity<T>(table, key);
  if (!found) throw new EntityNotFoundError(what);
  return found;
}

/**
 * Every item of an access pattern, page by page. `max` caps what is read (a safety bound for
 * figures computed over a whole partition); `truncated` says whether the cap was hit.
 */
export async function queryAll(table: TableRef, query: KeyQuery, options: { max?: number } = {}): Promise<{ items: Record<string, unknown>[]; truncated: boolean }> {
  const items: Record<string, unknown>[] = [];
  const max = options.max ?? Number.POSITIVE_INFINITY;
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await table.doc.send(new QueryCommand({ ...keyQueryInput(query), TableName: table.tableName, ExclusiveStartKey: startKey }));
    items.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
    if (items.length >= max) return { items: items.slice(0, max), truncated: items.length > max || startKey !== undefined };
  } while (startKey);
  return { items, truncated: false };
}

/** The pages of an access pattern in key order, for walks that act page by page (chain verification). */
export async function* queryPages(table: TableRef, query: KeyQuery, options: { pageSize?: number } = {}): AsyncGenerator<Record<string, unknown>[]> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await table.doc.send(new QueryCommand({ ...keyQueryInput(query), TableName: table.tableName, ExclusiveStartKey: startKey, ...(options.pageSize ? { Limit: options.pageSize } : {}) }));
    yield result.Items ?? [];
    startKey = result.LastEvaluatedKey;
  } while (startKey);
}

/** The first `limit` items of an access pattern, read with one bounded Query. */
export async function queryFirst(table: TableRef, query: KeyQuery, limit: number): Promise<Record<string, unknown>[]> {
  const result = await table.doc.send(new QueryCommand({ ...keyQueryInput(query), TableName: table.tableName, Limit: limit }));
  return result.Items ?? [];
}

/** Just the items of `queryAll`, for partitions that are small by design. */
export async function queryItems(table: TableRef, query: KeyQuery): Promise<Record<string, unknown>[]> {
  return (await queryAll(table, query)).items;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** Binds a page's cursor to the tenant (or 'platform') and the list it continues. */
export interface ListBinding {
  secret: Buffer;
  tenant: string;
  listName: string;
  /** Every filter that shapes the query, so a cursor only continues the same list. */
  filters: Record<string, unknown>;
}

/** One page of an access pattern (never a Scan), with a signed cursor bound to the list. */
export async function queryPage<T>(
  table: TableRef,
  query: KeyQuery,
  page: PageRequest,
  list: ListBinding,
  map: (item: Record<string, unknown>) => T,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const binding = { tenant: list.tenant, list: listIdentity(list.listName, list.filters) };
  const result = await table.doc.send(new QueryCommand({
    ...keyQueryInput(query),
    TableName: table.tableName,
    Limit: page.limit,
    ExclusiveStartKey: decodeCursor(list.secret, binding, page.cursor),
  }));
  return { items: (result.Items ?? []).map(map), nextCursor: encodeCursor(list.secret, binding, result.LastEvaluatedKey) };
}

/**
 * A Put that creates (expectedVersion null: must not exist) or replaces exactly the version the
 * caller read. Stale writes fail inside the transaction and nothing is written.
 */
export function putEntityWrite(tableName: string, item: Record<string, unknown> & EntityKey & { version: number }, expectedVersion: number | null): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: item,
      ...(expectedVersion === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
    },
  };
}

/** The storage attributes an item carries besides its own fields. */
export const STORAGE_ATTRIBUTES = ['pk', 'sk', 'entity', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'duePk', 'dueSk'] as const;

/** Strips storage keys from an item before it is returned by the API or rebuilt. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, (typeof STORAGE_ATTRIBUTES)[number]> {
  const copy: Record<string, unknown> = { ...item };
  for (const key of STORAGE_ATTRIBUTES) delete copy[key];
  return copy as Omit<T, (typeof STORAGE_ATTRIBUTES)[number]>;
}
