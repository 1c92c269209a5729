/**
 * The audit trail is append-only and hash-chained per tenant: each event's hash covers the
 * previous event's hash, so removing or editing any event breaks verification of every later one.
 * Hashing is pure computation (node:crypto), no I/O.
 *
 * Under concurrent writes one chain head per tenant is a single hot item, so the trail may run
 * in several chains ("shards"): shard 0 is the main chain (events without a `shard` field — the
 * format before sharding), shards 1… take writes that keep losing the race for shard 0. Anchors
 * tie the shards together: each anchor records every shard's head (sequence + hash) and the hash
 * of the previous anchor, so a shard cut short, an edited event named by an anchor or a removed
 * anchor all fail verification (`AuditTrailVerifier`).
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** Audit events are kept at least 5 years, the regulations' record-keeping period. */
export const AUDIT_RETENTION_YEARS = 5;

export interface AuditEventBody {
  sequence: number;
  at: string;
  actorId: string;
  actorRole: string;
  action: string;
  resourceType: string;
  resourceId: string;
  requestId: string;
  beforeDigest: string | null;
  afterDigest: string | null;
  previousHash: string;
  /** The chain this event is on; absent on the main chain (shard 0). Hashed when present. */
  shard?: number;
}

export interface AuditEvent extends AuditEventBody {
  hash: string;
}

/** JSON with keys sorted at every level, so equal values always hash equal. */
/** Input nested deeper than canonical JSON will walk (the HTTP edge refuses such bodies first). */
export class CanonicalJsonDepthError extends Error {
  constructor() {
    super('value nested too deeply for canonical JSON');
  }
}

const MAX_CANONICAL_DEPTH = 256;

/**
 * JSON with object keys sorted, so equal values hash equally. Depth-bounded: a value nested
 * deeper than MAX_CANONICAL_DEPTH throws CanonicalJsonDepthError instead of exhausting the stack.
 */
export function canonicalJson(value: unknown, depth = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (depth >= MAX_CANONICAL_DEPTH) throw new CanonicalJsonDepthError();
  if (Array.isArray(value)) return `[${value.map((entry) => canonicalJson(entry, depth + 1)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, depth + 1)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Digest of a resource state; the audit keeps digests, not personal data. */
export function stateDigest(state: unknown): string | null {
  return state === undefined || state === null ? null : sha256Hex(canonicalJson(state));
}

export function hashAuditEvent(body: AuditEventBody): string {
  return sha256Hex(canonicalJson(body));
}

export function chainAuditEvent(body: Omit<AuditEventBody, 'previousHash' | 'sequence' | 'shard'>, previous: { sequence: number; hash: string } | null, shard = 0): AuditEvent {
  const full: AuditEventBody = { ...body, sequence: (previous?.sequence ?? 0) + 1, previousHash: previous?.hash ?? GENESIS_HASH, ...(shard ? { shard } : {}) };
  return { ...full, hash: hashAuditEvent(full) };
}

export const shardOf = (event: Pick<AuditEvent, 'shard'>): number => event.shard ?? 0;

export interface ChainLink {
  sequence: number;
  hash: string;
}

export interface AuditAnchorBody {
  anchorSequence: number;
  at: string;
  /** Every shard's head when the anchor was written, by shard number. */
  heads: Record<string, ChainLink>;
  previousAnchorHash: string;
}

export interface AuditAnchor extends AuditAnchorBody {
  hash: string;
}

export function chainAuditAnchor(at: string, heads: Record<string, ChainLink>, previous: { anchorSequence: number; hash: string } | null): AuditAnchor {
  const body: AuditAnchorBody = { anchorSequence: (previous?.anchorSequence ?? 0) + 1, at, heads, previousAnchorHash: previous?.hash ?? GENESIS_HASH };
  return { ...body, hash: sha256Hex(canonicalJson(body)) };
}

export type TrailVerification =
  | { valid: true; eventsChecked: number; lastSequence: number; lastHash: string; shards: Record<string, ChainLink>; anchorsChecked: number }
  | {
      valid: false;
      eventsChecked: number;
      brokenAtSequence: number;
      brokenAtShard?: number;
      reason: 'hashMismatch' | 'linkMismatch' | 'sequenceGap' | 'anchorMismatch' | 'anchorLinkMismatch' | 'missingEvents';
    };

type Failure = Extract<TrailVerification, { valid: false }>;

/**
 * Verifies a sharded trail: first every anchor (`acceptAnchors`, in anchor order), then every
 * event (`accept`, in time order — within a shard that is sequence order), then `finish`.
 * Holds one head per shard and the anchors' claims, never the events themselves.
 */
export class AuditTrailVerifier {
  private readonly heads = new Map<number, ChainLink>();
  /** shard → sequence → the hash an anchor says that event has. */
  private readonly claims = new Map<number, Map<number, string>>();
  private failure: Failure | undefined;
  private checked = 0;
  private anchorsChecked = 0;
  private lastAnchor: { anchorSequence: number; hash: string } | null = null;

  /** Anchors in anchor order, in as many calls (pages) as needed. */
  acceptAnchors(anchors: readonly AuditAnchor[]): Failure | undefined {
    if (this.failure) return this.failure;
    for (const anchor of anchors) {
      const previous = this.lastAnchor;
      const { hash, ...body } = anchor;
      // Anchors expire with the events of their time, so the oldest kept one starts the chain.
      if (previous && (anchor.anchorSequence !== previous.anchorSequence + 1 || body.previousAnchorHash !== previous.hash)) {
        return (this.failure = { valid: false, eventsChecked: 0, brokenAtSequence: anchor.anchorSequence, reason: 'anchorLinkMismatch' });
      }
      if (sha256Hex(canonicalJson(body)) !== hash) {
        return (this.failure = { valid: false, eventsChecked: 0, brokenAtSequence: anchor.anchorSequence, reason: 'anchorMismatch' });
      }
      for (const [shard, link] of Object.entries(anchor.heads)) {
        const byShard = this.claims.get(Number(shard)) ?? new Map<number, string>();
        byShard.set(link.sequence, link.hash);
        this.claims.set(Number(shard), byShard);
      }
      this.lastAnchor = { anchorSequence: anchor.anchorSequence, hash };
      this.anchorsChecked += 1;
    }
    return undefined;
  }

  /** One event; per shard in sequence order. */
  accept(event: AuditEvent): Failure | undefined {
    if (this.failure) return this.failure;
    const shard = shardOf(event);
    const fail = (reason: Failure['reason']): Failure => (this.failure = { valid: false, eventsChecked: this.checked, brokenAtSequence: event.sequence, ...(shard ? { brokenAtShard: shard } : {}), reason });
    let previous = this.heads.get(shard) ?? null;
    // Events older than the retention period expire; the oldest kept one anchors its shard.
    if (!previous && event.sequence > 1) previous = { sequence: event.sequence - 1, hash: event.previousHash };
    const { hash, ...body } = event;
    if (previous && event.sequence !== previous.sequence + 1) return fail('sequenceGap');
    if (body.previousHash !== (previous?.hash ?? GENESIS_HASH)) return fail('linkMismatch');
    if (hashAuditEvent(body) !== hash) return fail('hashMismatch');
    const claimed = this.claims.get(shard)?.get(event.sequence);
    if (claimed !== undefined && claimed !== hash) return fail('anchorMismatch');
    this.heads.set(shard, { sequence: event.sequence, hash });
    this.checked += 1;
    return undefined;
  }

  /** Every anchor claim must have been met: a shard cut short or removed leaves one unmet. */
  finish(): TrailVerification {
    if (this.failure) return this.failure;
    for (const [shard, byShard] of this.claims) {
      const head = this.heads.get(shard);
      for (const sequence of byShard.keys()) {
        if (!head || sequence > head.sequence) {
          return { valid: false, eventsChecked: this.checked, brokenAtSequence: sequence, ...(shard ? { brokenAtShard: shard } : {}), reason: 'missingEvents' };
        }
      }
    }
    const main = this.heads.get(0);
    return {
      valid: true,
      eventsChecked: this.checked,
      lastSequence: main?.sequence ?? 0,
      lastHash: main?.hash ?? GENESIS_HASH,
      shards: Object.fromEntries([...this.heads].sort(([a], [b]) => a - b).map(([shard, link]) => [String(shard), link])),
      anchorsChecked: this.anchorsChecked,
    };
  }
}

export type ChainVerification =
  | { valid: true; eventsChecked: number; lastSequence: number; lastHash: string }
  | { valid: false; eventsChecked: number; brokenAtSequence: number; reason: 'hashMismatch' | 'linkMismatch' | 'sequenceGap' };

/**
 * Verifies events in sequence order. `anchor` is the previous event of the first one given
 * (null when starting at the genesis), so the chain can be verified in pages.
 */
export function verifyAuditChain(events: readonly AuditEvent[], anchor: { sequence: number; hash: string } | null): ChainVerification {
  let previous = anchor;
  let checked = 0;
  for (const event of events) {
    const { hash, ...body } = event;
    if (previous && event.sequence !== previous.sequence + 1) {
      return { valid: false, eventsChecked: checked, brokenAtSequence: event.sequence, reason: 'sequenceGap' };
    }
    const expectedPrevious = previous?.hash ?? GENESIS_HASH;
    if (body.previousHash !== expectedPrevious) {
      return { valid: false, eventsChecked: checked, brokenAtSequence: event.sequence, reason: 'linkMismatch' };
    }
    if (hashAuditEvent(body) !== hash) {
      return { valid: false, eventsChecked: checked, brokenAtSequence: event.sequence, reason: 'hashMismatch' };
    }
    previous = { sequence: event.sequence, hash };
    checked += 1;
  }
  return { valid: true, eventsChecked: checked, lastSequence: previous?.sequence ?? 0, lastHash: previous?.hash ?? GENESIS_HASH };
}
