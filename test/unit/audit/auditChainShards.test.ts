/**
 * The sharded audit trail (domain/audit/auditChain.ts): events on several chains tied together
 * by hash-chained anchors. Tampering inside one shard, a removed anchor, a shard cut short and
 * an event rewritten consistently within its shard are each detected.
 */
import { describe, expect, it } from 'vitest';
import {
  AuditTrailVerifier, chainAuditAnchor, chainAuditEvent, hashAuditEvent, type AuditAnchor, type AuditEvent, type ChainLink,
} from '../../../domain/audit/auditChain';

const body = (n: number) => ({
  at: `2027-01-01T00:00:${String(n).padStart(2, '0')}.000Z`, actorId: 'key:k1', actorRole: 'owner', action: 'apiKey.create',
  resourceType: 'apiKey', resourceId: `k${n}`, requestId: `req_${n}`, beforeDigest: null, afterDigest: null,
});

/** Shard 0 gets events 0..5, shard 3 events 6..9 (interleaved in time); anchors after 3, 7 and 10 events. */
function trail() {
  const heads = new Map<number, ChainLink>();
  const events: AuditEvent[] = [];
  const anchors: AuditAnchor[] = [];
  const shardOfIndex = (n: number) => (n < 6 ? 0 : 3);
  const order = [0, 1, 6, 2, 7, 3, 8, 4, 9, 5];
  order.forEach((n, i) => {
    const shard = shardOfIndex(n);
    const event = chainAuditEvent(body(i), heads.get(shard) ?? null, shard);
    heads.set(shard, { sequence: event.sequence, hash: event.hash });
    events.push(event);
    if ([2, 6, 9].includes(i)) {
      anchors.push(chainAuditAnchor(event.at, Object.fromEntries([...heads].map(([s, link]) => [String(s), link])), anchors.at(-1) ?? null));
    }
  });
  return { events, anchors };
}

function verify(events: readonly AuditEvent[], anchors: readonly AuditAnchor[]) {
  const verifier = new AuditTrailVerifier();
  const failed = verifier.acceptAnchors(anchors);
  if (failed) return failed;
  for (const event of events) {
    const failure = verifier.accept(event);
    if (failure) return failure;
  }
  return verifier.finish();
}

describe('sharded audit trail', () => {
  it('an intact trail of two shards and three anchors verifies, with every shard head', () => {
    const { events, anchors } = trail();
    const result = verify(events, anchors);
    expect(result).toMatchObject({ valid: true, eventsChecked: 10, anchorsChecked: 3, lastSequence: 6 });
    expect(result.valid && result.shards['3']?.sequence).toBe(4);
  });

  it('main-chain events keep the format from before sharding (no shard field, same hash)', () => {
    const event = chainAuditEvent(body(1), null);
    expect('shard' in event).toBe(false);
    const { hash, ...rest } = event;
    expect(hashAuditEvent(rest)).toBe(hash);
    expect(chainAuditEvent(body(1), null, 2).hash).not.toBe(hash);
  });

  it('an edited event in one shard is detected in that shard', () => {
    const { events, anchors } = trail();
    const tampered = events.map((e) => (e.shard === 3 && e.sequence === 2 ? { ...e, action: 'apiKey.delete' } : e));
    expect(verify(tampered, anchors)).toMatchObject({ valid: false, brokenAtShard: 3, brokenAtSequence: 2, reason: 'hashMismatch' });
  });

  it('a removed anchor breaks the anchor chain', () => {
    const { events, anchors } = trail();
    expect(verify(events, [anchors[0]!, anchors[2]!])).toMatchObject({ valid: false, brokenAtSequence: 3, reason: 'anchorLinkMismatch' });
  });

  it('an edited anchor is detected', () => {
    const { events, anchors } = trail();
    const edited = anchors.map((a) => (a.anchorSequence === 2 ? { ...a, heads: { ...a.heads, '3': { sequence: 1, hash: a.heads['3']!.hash } } } : a));
    expect(verify(events, edited)).toMatchObject({ valid: false, brokenAtSequence: 2, reason: 'anchorMismatch' });
  });

  it('a shard cut short (its newest events and head removed) leaves an anchor claim unmet', () => {
    const { events, anchors } = trail();
    const cut = events.filter((e) => !(e.shard === 3 && e.sequence >= 3));
    expect(verify(cut, anchors)).toMatchObject({ valid: false, brokenAtShard: 3, reason: 'missingEvents' });
  });

  it('a shard rewritten consistently (re-hashed after an edit) no longer matches its anchors', () => {
    const { events, anchors } = trail();
    let previous: ChainLink | null = null;
    const rewritten = events.map((e) => {
      if (e.shard !== 3) return e;
      const { hash: _hash, previousHash: _previous, sequence: _sequence, shard: _shard, ...rest } = e;
      const again = chainAuditEvent({ ...rest, resourceId: `${rest.resourceId}-forged` }, previous, 3);
      previous = { sequence: again.sequence, hash: again.hash };
      return again;
    });
    expect(verify(rewritten, anchors)).toMatchObject({ valid: false, brokenAtShard: 3, reason: 'anchorMismatch' });
  });
});
