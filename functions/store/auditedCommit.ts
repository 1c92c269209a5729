/**
 * The one way mutations reach DynamoDB: the resource writes, the next audit event of the
 * table's hash chain and (when the request carried an Idempotency-Key) the stored response all
 * go into ONE TransactWriteItems call, so a change never lands without its audit event and a
 * retried POST never creates a second record.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { AUDIT_RETENTION_YEARS, chainAuditEvent, stateDigest, type AuditEvent } from '../../domain/audit/auditChain';
import { auditIndexKeys, TTL_ATTRIBUTE, tenantKeys } from './tableDesign';

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
  return `${event.at}#${String(event.sequence).padStart(12, '0')}`;
}

export function auditEventItem(event: AuditEvent): Record<string, unknown> {
  return {
    ...tenantKeys.auditEvent(event.sequence, event.at),
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

export async function commitAudited(scope: MutationScope, mutation: AuditedMutation): Promise<AuditEvent[]> {
  for (let attempt = 0; ; attempt += 1) {
    const head = await scope.doc.send(
      new GetCommand({ TableName: scope.tableName, Key: tenantKeys.auditHead(), ConsistentRead: true }),
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
      );
      events.push(event);
      link = { sequence: event.sequence, hash: event.hash };
    }
    const last = events[events.length - 1]!;

    const items: TransactItem[] = [...mutation.writes];
    for (const event of events) {
      items.push({ Put: { TableName: scope.tableName, Item: auditEventItem(event), ConditionExpression: 'attribute_not_exists(pk)' } });
    }
    const headIndex = items.length;
    items.push({
      Put: {
        TableName: scope.tableName,
        Item: { ...tenantKeys.auditHead(), entity: 'AuditHead', sequence: last.sequence, hash: last.hash, at },
        ...(previous
          ? { ConditionExpression: '#sequence = :previous', ExpressionAttributeNames: { '#sequence': 'sequence' }, ExpressionAttributeValues: { ':previous': previous.sequence } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    });
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
      if (isTransactionConflict(error)) {
        if (attempt + 1 >= MAX_CHAIN_ATTEMPTS) throw new ChainContentionError(attempt + 1);
        await sleep(chainBackoffMs(attempt));
        continue;
      }
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
      if (failed >= 0 && failed < mutation.writes.length) throw new WriteConflictError(failed, reasons[failed]?.Message);
      if (failed === idempotencyIndex && idempotencyIndex >= 0) throw new IdempotencyRaceError();
      const chainRace = failed === headIndex || failed > mutation.writes.length - 1 || reasons.some((reason) => reason.Code === 'TransactionConflict');
      if (!chainRace) throw error;
      if (attempt + 1 >= MAX_CHAIN_ATTEMPTS) throw new ChainContentionError(attempt + 1);
      // Another mutation took the next audit sequence first: re-read the head and retry.
      await sleep(chainBackoffMs(attempt));
    }
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
