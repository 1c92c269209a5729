/**
 * Small, shared persistence helpers for the areas' versioned entities in a tenant table.
 * Every entity item has: pk, sk, entity (type name), version (optimistic concurrency) and
 * whatever index keys its area's access patterns need (see tableDesign.ts).
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ApiContext } from '../http/context';
import { tenantOf } from '../http/context';
import { decodeCursor, encodeCursor, listIdentity } from './cursor';
import { ApiProblem } from '../http/problem';
import { WriteConflictError, type TransactItem } from './auditedCommit';

export interface EntityKey {
  pk: string;
  sk: string;
}

export async function getEntity<T>(doc: DynamoDBDocumentClient, tableName: string, key: EntityKey): Promise<(T & { version: number }) | undefined> {
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return Item as (T & { version: number }) | undefined;
}

/** Reads an entity of the caller's tenant or answers 404 (another tenant's id looks the same as none). */
export async function requireEntity<T>(c: ApiContext, key: EntityKey, what: { zhTW: string; en: string }): Promise<T & { version: number }> {
  const tenant = tenantOf(c);
  const found = await getEntity<T>(tenant.doc, tenant.tableName, key);
  if (!found) throw new ApiProblem('notFound', { detail: { zhTW: `找不到${what.zhTW}`, en: `No such ${what.en}` } });
  return found;
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

/** Maps a failed condition to the right problem: a create that collides → 409, a stale update → 412. */
export function mapWriteConflict(error: unknown, kind: 'create' | 'update' = 'update'): never {
  if (error instanceof WriteConflictError) {
    throw kind === 'create'
      ? new ApiProblem('conflict', { detail: { zhTW: '資源已存在', en: 'The resource already exists' } })
      : new ApiProblem('preconditionFailed');
  }
  throw error;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/**
 * One page of a Query (never a Scan), with a signed cursor bound to the tenant and this list.
 * `listName` + `filters` identify the list; pass every filter that shapes the query.
 */
export async function queryPage<T>(
  c: ApiContext,
  listName: string,
  filters: Record<string, unknown>,
  page: PageRequest,
  query: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
  map: (item: Record<string, unknown>) => T,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const tenant = tenantOf(c);
  const secret = c.get('deps').cursorSecret;
  const binding = { tenant: tenant.tenantId, list: listIdentity(listName, filters) };
  const result = await tenant.doc.send(new QueryCommand({
    ...query,
    TableName: tenant.tableName,
    Limit: page.limit,
    ExclusiveStartKey: decodeCursor(secret, binding, page.cursor),
  }));
  return { items: (result.Items ?? []).map(map), nextCursor: encodeCursor(secret, binding, result.LastEvaluatedKey) };
}

/** Strips storage keys from an item before it is returned by the API. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk' | 'duePk' | 'dueSk' | 'entity'> {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, duePk: _d, dueSk: _ds, entity: _e, ...rest } = item;
  return rest;
}
