/**
 * The one way mutations reach DynamoDB: the resource writes, the next audit event of the
 * table's hash chain and (when the request carried an Idempotency-Key) the stored response all
 * go into ONE TransactWriteItems call, so a change never lands without its audit event and a
 * retried POST never creates a second record.
 *
 * Chain shards (domain/audit/auditChain.ts): a commit appends to the main chain (shard 0, head
 * PK=AUDIT SK=HEAD) unless it lost that race SPILL_AFTER_ATTEMPTS times, or this process saw
 * such contention on the table within SPILL_WINDOW_MS; then it appends to a random one of
 * AUDIT_SHARDS chains (head SK=HEAD#<nn>), so concurrent writers to one tenant stop colliding on
 * one item. A commit that starts a shard, or whose shard passes a multiple of ANCHOR_EVERY
 * events, also writes the next anchor (every shard's head + the previous anchor's hash) in the
 * same transaction.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { AUDIT_RETENTION_YEARS, chainAuditAnchor, chainAuditEvent, stateDigest, type AuditAnchor, type AuditEvent, type ChainLink } from '../../domain/audit/auditChain';
import { auditIndexKeys, TTL_ATTRIBUTE, tenantKeys } from './tableDesign';
import { webhookOutboxItem } from '../../domain/webhooks/outbox';
import { newId } from './ids';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface Actor {
  actorId: string;
  role: string;
}

export interface IdempotencyClaim {
  key: string;
  scope: string;
  requestHash: string;
  /** Set once a commit stored the response, so the middleware does not store it again. */
  stored: boolean;
}

export interface MutationScope {
  doc: DynamoDBDocumentClient;
  tableName: string;
  actor: Actor;
  requestId: string;
  now: () => Date;
  idempotency?: IdempotencyClaim;
}

export interface AuditedChange {
  action: string;
  resourceType: string;
  resourceId: string;
  before: unknown;
  after: unknown;
}

export interface AuditedMutation {
  changes: AuditedChange[];
  writes: TransactItem[];
  /** The HTTP response this mutation produces, kept for idempotent replay. */
  response?: { status: number; body: unknown };
}

/** A resource write's condition failed: stale version, duplicate id or wrong state. */
export class WriteConflictError extends Error {
  constructor(readonly writeIndex: number, readonly reason: string | undefined) {
    super(`write ${writeIndex} failed its condition: ${reason ?? 'unknown'}`);
  }
}

/** Another request with the same Idempotency-Key committed first. */
export class IdempotencyRaceError extends Error {}

/**
 * The audit chain stayed contended through every retry: nothing was written, and the caller may
 * simply retry (HTTP 503 with Retry-After), never a 500.
 */
export class ChainContentionError extends Error {
  constructor(readonly attempts: number) {
    super(`audit chain contended through ${attempts} attempts`);
  }
}

const MAX_CHAIN_ATTEMPTS = 40;
/** Chains per table: shard 0 (the main chain) and shards 1 … AUDIT_SHARDS-1. */
export const AUDIT_SHARDS = 32;
/** Lost races on the main chain before a commit moves to a random shard. */
const SPILL_AFTER_ATTEMPTS = 2;
/** After contention on a table, this process appends to random shards for a while. */
const SPILL_WINDOW_MS = 30_000;
/** An anchor every this many events on a shard (and whenever a shard starts). */
export const ANCHOR_EVERY = 64;
const contendedUntil = new Map<string, number>();

const pad2 = (shard: number) => String(shard).padStart(2, '0');

/** The audit-chain items of a table beyond tableDesign's main head and event keys. */
export const auditChainKeys = {
  head: (shard: number) => (shard === 0 ? tenantKeys.auditHead() : { pk: tenantKeys.auditHead().pk, sk: `HEAD#${pad2(shard)}` }),
  event: (event: Pick<AuditEvent, 'sequence' | 'at' | 'shard'>) => {
    const key = tenantKeys.auditEvent(event.sequence, event.at);
    return event.shard ? { pk: key.pk, sk: `${key.sk}#s${pad2(event.shard)}` } : key;
  },
  anchorHead: () => ({ pk: tenantKeys.auditHead().pk, sk: 'ANCHORHEAD' }),
  anchor: (anchorSequence: number) => ({ pk: tenantKeys.auditHead().pk, sk: `ANCHOR#${String(anchorSequence).padStart(12, '0')}` }),
};

/** Starts (or extends) a window in which this process appends to random shards of the table. */
export function noteChainContention(tableName: string, nowMs = Date.now()): void {
  contendedUntil.set(tableName, nowMs + SPILL_WINDOW_MS);
}

/** Shards this process is appending to right now, per table (a server or container runs many commits at once). */
const shardsInUse = new Map<string, Set<number>>();

/**
 * A random shard that no other commit of this process is appending to: concurrent requests in
 * one process (the local server, a container) then never collide with each other; across
 * processes (one request per Lambda instance) the choice is plain random.
 */
function freeRandomShard(tableName: string): number {
  const used = shardsInUse.get(tableName);
  const free = Array.from({ length: AUDIT_SHARDS }, (_, shard) => shard).filter((shard) => !used?.has(shard));
  const from = free.length > 0 ? free : Array.from({ length: AUDIT_SHARDS }, (_, shard) => shard);
  return from[Math.floor(Math.random() * from.length)]!;
}

function chooseShard(tableName: string, attempt: number, nowMs: number): number {
  if (attempt >= SPILL_AFTER_ATTEMPTS) noteChainContention(tableName, nowMs);
  const until = contendedUntil.get(tableName);
  if (until === undefined) return 0;
  if (until < nowMs) {
    contendedUntil.delete(tableName);
    return 0;
  }
  return freeRandomShard(tableName);
}

function holdShard(tableName: string, shard: number): () => void {
  const used = shardsInUse.get(tableName) ?? new Set<number>();
  shardsInUse.set(tableName, used);
  used.add(shard);
  return () => {
    used.delete(shard);
    if (used.size === 0) shardsInUse.delete(tableName);
  };
}
const BACKOFF_BASE_MS = 4;
const BACKOFF_CAP_MS = 250;

/** Exponential backoff with full jitter (AWS Architecture Blog), so colliding writers spread out. */
function chainBackoffMs(attempt: number): number {
  return Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

function isTransactionConflict(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TransactionConflictException' || error.name === 'TransactionInProgressException');
}
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

function addYearsEpoch(at: string, years: number): number {
  const date = new Date(at);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  // One extra month beyond the minimum, so nothing is purged on the last permitted day.
  return Math.floor(date.getTime() / 1000) + 31 * 86400;
}

function auditSortKey(event: AuditEvent): string {
  return `${event.at}#${String(event.sequence).padStart(12, '0')}${event.shard ? `#s${pad2(event.shard)}` : ''}`;
}

export function auditEventItem(event: AuditEvent): Record<string, unknown> {
  return {
    ...auditChainKeys.event(event),
    entity: 'AuditEvent',
    ...event,
    gsi1pk: auditIndexKeys.byResource(event.resourceType, event.resourceId),
    gsi1sk: auditSortKey(event),
    gsi2pk: auditIndexKeys.byActor(event.actorId),
    gsi2sk: auditSortKey(event),
    [TTL_ATTRIBUTE]: addYearsEpoch(event.at, AUDIT_RETENTION_YEARS),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function auditAnchorItem(anchor: AuditAnchor, at: string): Record<string, unknown> {
  return { ...auditChainKeys.anchor(anchor.anchorSequence), entity: 'AuditAnchor', ...anchor, [TTL_ATTRIBUTE]: addYearsEpoch(at, AUDIT_RETENTION_YEARS) };
}

/** The next anchor and its two writes: every shard's head as read now, with `own` overriding its shard. */
async function anchorWrites(scope: MutationScope, at: string, own: { shard: number; link: ChainLink }): Promise<TransactItem[]> {
  const [anchorHead, heads] = await Promise.all([
    scope.doc.send(new GetCommand({ TableName: scope.tableName, Key: auditChainKeys.anchorHead(), ConsistentRead: true })),
    scope.doc.send(new BatchGetCommand({
      RequestItems: { [scope.tableName]: { Keys: Array.from({ length: AUDIT_SHARDS }, (_, shard) => auditChainKeys.head(shard)), ConsistentRead: true } },
    })),
  ]);
  const links: Record<string, ChainLink> = {};
  for (const item of heads.Responses?.[scope.tableName] ?? []) {
    const shard = item.sk === tenantKeys.auditHead().sk ? 0 : Number(String(item.sk).slice('HEAD#'.length));
    links[String(shard)] = { sequence: item.sequence as number, hash: item.hash as string };
  }
  links[String(own.shard)] = own.link;
  const previous = anchorHead.Item ? { anchorSequence: anchorHead.Item.anchorSequence as number, hash: anchorHead.Item.hash as string } : null;
  const anchor = chainAuditAnchor(at, links, previous);
  return [
    { Put: { TableName: scope.tableName, Item: auditAnchorItem(anchor, at), ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Put: {
        TableName: scope.tableName,
        Item: { ...auditChainKeys.anchorHead(), entity: 'AuditAnchorHead', anchorSequence: anchor.anchorSequence, hash: anchor.hash, at },
        ...(previous
          ? { ConditionExpression: '#anchorSequence = :previous', ExpressionAttributeNames: { '#anchorSequence': 'anchorSequence' }, ExpressionAttributeValues: { ':previous': previous.anchorSequence } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
  ];
}

export async function commitAudited(scope: MutationScope, mutation: AuditedMutation): Promise<AuditEvent[]> {
  let retryShard: number | undefined;
  for (let attempt = 0; ; attempt += 1) {
    const shard = retryShard ?? chooseShard(scope.tableName, attempt, Date.now());
    const release = holdShard(scope.tableName, shard);
    try {
      const outcome = await appendOnce(scope, mutation, shard);
      if (Array.isArray(outcome)) return outcome;
      // Lost only the anchor: keep the shard (moving on would start another shard and another anchor).
      retryShard = outcome === 'anchorRace' ? shard : undefined;
    } finally {
      release();
    }
    if (attempt + 1 >= MAX_CHAIN_ATTEMPTS) throw new ChainContentionError(attempt + 1);
    // Another mutation took the next audit sequence first: re-read the head and retry.
    await sleep(chainBackoffMs(attempt));
  }
}

/** One attempt at appending on `shard`: the events, or which race it lost (the shard's head or the anchor head). */
async function appendOnce(scope: MutationScope, mutation: AuditedMutation, shard: number): Promise<AuditEvent[] | 'headRace' | 'anchorRace'> {
  const head = await scope.doc.send(
    new GetCommand({ TableName: scope.tableName, Key: auditChainKeys.head(shard), ConsistentRead: true }),
  );
  const previous = head.Item ? { sequence: head.Item.sequence as number, hash: head.Item.hash as string, at: head.Item.at as string } : null;
  // Audit time never goes backwards along the chain, so time order = sequence order.
  let at = scope.now().toISOString();
  if (previous && previous.at > at) at = previous.at;

  const events: AuditEvent[] = [];
  let link: { sequence: number; hash: string } | null = previous;
  for (const change of mutation.changes) {
    const event = chainAuditEvent(
      {
        at,
        actorId: scope.actor.actorId,
        actorRole: scope.actor.role,
        action: change.action,
        resourceType: change.resourceType,
        resourceId: change.resourceId,
        requestId: scope.requestId,
        beforeDigest: stateDigest(change.before),
        afterDigest: stateDigest(change.after),
      },
      link,
      shard,
    );
    events.push(event);
    link = { sequence: event.sequence, hash: event.hash };
  }
  const last = events[events.length - 1]!;

  const items: TransactItem[] = [...mutation.writes];
  for (const event of events) {
    items.push({ Put: { TableName: scope.tableName, Item: auditEventItem(event), ConditionExpression: 'attribute_not_exists(pk)' } });
  }
  // Webhook events of these changes: one outbox item in this same transaction (domain/webhooks/outbox.ts).
  const outbox = webhookOutboxItem(mutation.changes, at, () => newId('whevt'));
  if (outbox) items.push({ Put: { TableName: scope.tableName, Item: outbox, ConditionExpression: 'attribute_not_exists(pk)' } });
  const headIndex = items.length;
  items.push({
    Put: {
      TableName: scope.tableName,
      Item: { ...auditChainKeys.head(shard), entity: 'AuditHead', sequence: last.sequence, hash: last.hash, at, ...(shard ? { shard } : {}) },
      ...(previous
        ? { ConditionExpression: '#sequence = :previous', ExpressionAttributeNames: { '#sequence': 'sequence' }, ExpressionAttributeValues: { ':previous': previous.sequence } }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  });
  // A new shard is registered by an anchor at once; every shard is re-anchored every ANCHOR_EVERY events.
  const startsShard = shard !== 0 && previous === null;
  const passesMark = Math.floor((previous?.sequence ?? 0) / ANCHOR_EVERY) !== Math.floor(last.sequence / ANCHOR_EVERY);
  if (startsShard || passesMark) items.push(...(await anchorWrites(scope, at, { shard, link: { sequence: last.sequence, hash: last.hash } })));
  let idempotencyIndex = -1;
  const claim = scope.idempotency;
  if (claim && mutation.response && !claim.stored) {
    idempotencyIndex = items.length;
    items.push({
      Put: {
        TableName: scope.tableName,
        Item: idempotencyRecordItem(claim, mutation.response, at),
        // TTL deletion lags; an expired record no longer blocks the key.
        ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :nowEpoch',
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':nowEpoch': Math.floor(new Date(at).getTime() / 1000) },
      },
    });
  }

  try {
    await scope.doc.send(new TransactWriteCommand({ TransactItems: items }));
    if (idempotencyIndex >= 0 && claim) claim.stored = true;
    return events;
  } catch (error) {
    if (isTransactionConflict(error)) return 'headRace';
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
    if (failed >= 0 && failed < mutation.writes.length) throw new WriteConflictError(failed, reasons[failed]?.Message);
    if (failed === idempotencyIndex && idempotencyIndex >= 0) throw new IdempotencyRaceError();
    const chainRace = failed === headIndex || failed > mutation.writes.length - 1 || reasons.some((reason) => reason.Code === 'TransactionConflict');
    if (!chainRace) throw error;
    return failed > headIndex && (idempotencyIndex < 0 || failed < idempotencyIndex) ? 'anchorRace' : 'headRace';
  }
}

export function idempotencyRecordItem(claim: IdempotencyClaim, response: { status: number; body: unknown }, at: string): Record<string, unknown> {
  return {
    ...tenantKeys.idempotency(claim.scope, claim.key),
    entity: 'IdempotencyRecord',
    requestHash: claim.requestHash,
    responseStatus: response.status,
    responseBody: JSON.stringify(response.body ?? null),
    createdAt: at,
    [TTL_ATTRIBUTE]: Math.floor(new Date(at).getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  };
}
