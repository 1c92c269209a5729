/**
 * The audit trail is append-only and hash-chained per tenant: each event's hash covers the
 * previous event's hash, so removing or editing any event breaks verification of every later one.
 * Hashing is pure computation (node:crypto), no I/O.
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

export function chainAuditEvent(body: Omit<AuditEventBody, 'previousHash' | 'sequence'>, previous: { sequence: number; hash: string } | null): AuditEvent {
  const full: AuditEventBody = { ...body, sequence: (previous?.sequence ?? 0) + 1, previousHash: previous?.hash ?? GENESIS_HASH };
  return { ...full, hash: hashAuditEvent(full) };
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
