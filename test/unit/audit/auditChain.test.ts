/**
 * The audit hash chain (domain/audit/auditChain.ts) check by check: each test breaks the trail in
 * exactly one way so that removing the check that catches it (sequence gap, previous-hash link,
 * event hash, anchor claim, anchor link) makes the test fail. Found by mutation testing: before
 * these, dropping the sequence-gap or previous-hash check left every test green.
 */
import { describe, expect, it } from 'vitest';
import {
  AuditTrailVerifier, CanonicalJsonDepthError, GENESIS_HASH, canonicalJson, chainAuditAnchor, chainAuditEvent, hashAuditEvent, sha256Hex,
  shardOf, stateDigest, verifyAuditChain, type AuditAnchor, type AuditEvent, type ChainLink,
} from '../../../domain/audit/auditChain';

const body = (n: number) => ({
  at: `2027-01-01T00:00:${String(n).padStart(2, '0')}.000Z`, actorId: 'key:k1', actorRole: 'owner', action: 'apiKey.create',
  resourceType: 'apiKey', resourceId: `k${n}`, requestId: `req_${n}`, beforeDigest: null, afterDigest: null,
});

/** A main-chain run of `count` events starting after `previous` (null = genesis). */
function chain(count: number, previous: ChainLink | null = null, shard = 0, from = 0): AuditEvent[] {
  const events: AuditEvent[] = [];
  let head = previous;
  for (let i = 0; i < count; i += 1) {
    const event = chainAuditEvent(body(from + i), head, shard);
    events.push(event);
    head = { sequence: event.sequence, hash: event.hash };
  }
  return events;
}

/** Re-hashes an edited event so only the property under test (sequence, link) is wrong. */
function rehashed(event: AuditEvent, edit: Partial<AuditEvent>): AuditEvent {
  const { hash: _hash, ...rest } = { ...event, ...edit };
  return { ...rest, hash: hashAuditEvent(rest) };
}

function verify(events: readonly AuditEvent[], anchors: readonly AuditAnchor[] = []) {
  const verifier = new AuditTrailVerifier();
  const failed = verifier.acceptAnchors(anchors);
  if (failed) return failed;
  for (const event of events) {
    const failure = verifier.accept(event);
    if (failure) return failure;
  }
  return verifier.finish();
}

const headsOf = (events: readonly AuditEvent[]): Record<string, ChainLink> => {
  const heads: Record<string, ChainLink> = {};
  for (const e of events) heads[String(shardOf(e))] = { sequence: e.sequence, hash: e.hash };
  return heads;
};

describe('canonical JSON and digests', () => {
  it('sorts keys at every level, keeps array order, drops undefined members and writes null for undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 1, y: 2 }], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[3,1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson({ ab: 1, b: 2, aa: 3, a: 4 })).toBe('{"a":4,"aa":3,"ab":1,"b":2}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson('名')).toBe('"名"');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });

  it('walks 256 levels and refuses the 257th with CanonicalJsonDepthError, not a stack overflow', () => {
    const nested = (levels: number): unknown => {
      let value: unknown = 1;
      for (let i = 0; i < levels; i += 1) value = i % 2 ? [value] : { v: value };
      return value;
    };
    expect(() => canonicalJson(nested(256))).not.toThrow();
    expect(() => canonicalJson(nested(257))).toThrow(CanonicalJsonDepthError);
    expect(() => canonicalJson(nested(257))).toThrow('value nested too deeply for canonical JSON');
    expect(() => canonicalJson(nested(5000))).toThrow(CanonicalJsonDepthError);
  });

  it('hashes with SHA-256 over UTF-8', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('個資')).toBe(sha256Hex(Buffer.from('個資', 'utf8').toString('utf8')));
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('digests a state by its canonical JSON; no state has no digest, but falsy states do', () => {
    expect(stateDigest(undefined)).toBeNull();
    expect(stateDigest(null)).toBeNull();
    expect(stateDigest({ b: 1, a: 2 })).toBe(sha256Hex('{"a":2,"b":1}'));
    expect(stateDigest(0)).toBe(sha256Hex('0'));
    expect(stateDigest(false)).toBe(sha256Hex('false'));
    expect(stateDigest('')).toBe(sha256Hex('""'));
  });
});

describe('chaining', () => {
  it('starts at sequence 1 on the genesis hash and links each event to the previous hash', () => {
    const [first, second] = chain(2);
    expect(first).toMatchObject({ sequence: 1, previousHash: GENESIS_HASH });
    expect(second).toMatchObject({ sequence: 2, previousHash: first!.hash });
    const { hash, ...rest } = second!;
    expect(hash).toBe(sha256Hex(canonicalJson(rest)));
    expect(shardOf(first!)).toBe(0);
    expect(shardOf(chainAuditEvent(body(1), null, 4))).toBe(4);
  });

  it('chains anchors from the genesis hash, hashing the canonical body', () => {
    const first = chainAuditAnchor('2027-01-01T00:00:00.000Z', { '0': { sequence: 1, hash: 'a'.repeat(64) } }, null);
    expect(first).toMatchObject({ anchorSequence: 1, previousAnchorHash: GENESIS_HASH });
    const { hash, ...rest } = first;
    expect(hash).toBe(sha256Hex(canonicalJson(rest)));
    const second = chainAuditAnchor('2027-01-01T00:00:01.000Z', {}, first);
    expect(second).toMatchObject({ anchorSequence: 2, previousAnchorHash: first.hash });
  });
});

describe('AuditTrailVerifier: one check at a time', () => {
  it('an intact main chain verifies and reports its head', () => {
    const events = chain(4);
    expect(verify(events)).toEqual({ valid: true, eventsChecked: 4, lastSequence: 4, lastHash: events[3]!.hash, shards: { '0': { sequence: 4, hash: events[3]!.hash } }, anchorsChecked: 0 });
  });

  it('an empty trail verifies with the genesis head', () => {
    expect(verify([])).toEqual({ valid: true, eventsChecked: 0, lastSequence: 0, lastHash: GENESIS_HASH, shards: {}, anchorsChecked: 0 });
  });

  it('a removed event is a sequence gap even when the next one is re-linked and re-hashed', () => {
    const events = chain(4);
    // Event 3 dropped; event 4 re-linked to event 2 so only the sequence check can catch it.
    const forged = rehashed(events[3]!, { previousHash: events[1]!.hash });
    expect(verify([events[0]!, events[1]!, forged])).toEqual({ valid: false, eventsChecked: 2, brokenAtSequence: 4, reason: 'sequenceGap' });
  });

  it('a repeated sequence number is a gap too (sequence must be exactly previous + 1)', () => {
    const events = chain(3);
    const forged = rehashed(events[2]!, { sequence: 2, previousHash: events[1]!.hash });
    expect(verify([events[0]!, events[1]!, forged])).toMatchObject({ valid: false, brokenAtSequence: 2, reason: 'sequenceGap' });
  });

  it('an event whose previous hash does not name the previous event is a link mismatch', () => {
    const events = chain(3);
    const forged = rehashed(events[2]!, { previousHash: events[0]!.hash });
    expect(verify([events[0]!, events[1]!, forged])).toEqual({ valid: false, eventsChecked: 2, brokenAtSequence: 3, reason: 'linkMismatch' });
  });

  it('the first event must link to the genesis hash', () => {
    const [first] = chain(1);
    const forged = rehashed(first!, { previousHash: 'f'.repeat(64) });
    expect(verify([forged])).toEqual({ valid: false, eventsChecked: 0, brokenAtSequence: 1, reason: 'linkMismatch' });
  });

  it('an edited event is a hash mismatch', () => {
    const events = chain(2);
    expect(verify([events[0]!, { ...events[1]!, actorId: 'key:intruder' }])).toEqual({ valid: false, eventsChecked: 1, brokenAtSequence: 2, reason: 'hashMismatch' });
  });

  it('a trail whose oldest events expired starts at its oldest kept event', () => {
    const events = chain(5);
    const kept = events.slice(2);
    expect(verify(kept)).toMatchObject({ valid: true, eventsChecked: 3, lastSequence: 5, lastHash: events[4]!.hash });
    // …but a gap after that start is still a gap.
    expect(verify([events[2]!, events[4]!])).toMatchObject({ valid: false, brokenAtSequence: 5, reason: 'sequenceGap' });
  });

  it('keeps a head per shard and names the broken shard (the main chain is unnamed)', () => {
    const main = chain(2);
    const shard2 = chain(3, null, 2, 10);
    const forged = rehashed(shard2[2]!, { previousHash: shard2[0]!.hash });
    expect(verify([main[0]!, shard2[0]!, main[1]!, shard2[1]!, forged])).toEqual({ valid: false, eventsChecked: 4, brokenAtSequence: 3, brokenAtShard: 2, reason: 'linkMismatch' });
    const mainForged = rehashed(main[1]!, { sequence: 3 });
    const failure = verify([main[0]!, mainForged]);
    expect(failure).toEqual({ valid: false, eventsChecked: 1, brokenAtSequence: 3, reason: 'sequenceGap' });
    expect('brokenAtShard' in failure).toBe(false);
    const shards = verify([shard2[0]!, main[0]!, shard2[1]!, main[1]!]);
    expect(shards.valid && Object.keys(shards.shards)).toEqual(['0', '2']);
  });

  it('stays failed: later events, anchors and finish report the first failure', () => {
    const events = chain(3);
    const verifier = new AuditTrailVerifier();
    const first = verifier.accept({ ...events[0]!, action: 'x' });
    expect(first).toMatchObject({ reason: 'hashMismatch', brokenAtSequence: 1 });
    expect(verifier.accept(events[1]!)).toBe(first);
    expect(verifier.acceptAnchors([chainAuditAnchor(events[0]!.at, headsOf(events), null)])).toBe(first);
    expect(verifier.finish()).toBe(first);
  });

  it('accepts anchors in pages, and an anchor chain that starts after expired anchors', () => {
    const events = chain(4);
    const a1 = chainAuditAnchor(events[0]!.at, headsOf(events.slice(0, 1)), null);
    const a2 = chainAuditAnchor(events[1]!.at, headsOf(events.slice(0, 2)), a1);
    const a3 = chainAuditAnchor(events[3]!.at, headsOf(events), a2);
    const verifier = new AuditTrailVerifier();
    expect(verifier.acceptAnchors([a2])).toBeUndefined();
    expect(verifier.acceptAnchors([a3])).toBeUndefined();
    for (const event of events) expect(verifier.accept(event)).toBeUndefined();
    expect(verifier.finish()).toMatchObject({ valid: true, anchorsChecked: 2, eventsChecked: 4 });
  });

  it('an anchor chain with a skipped anchor number or a wrong previous-anchor hash is broken', () => {
    const events = chain(2);
    const a1 = chainAuditAnchor(events[0]!.at, headsOf(events.slice(0, 1)), null);
    const a2 = chainAuditAnchor(events[1]!.at, headsOf(events), a1);
    // Number skipped, link right (re-hashed so only the number check can catch it).
    const skippedBody = { ...a2, anchorSequence: 3 };
    const { hash: _s, ...skippedRest } = skippedBody;
    const skipped = { ...skippedRest, hash: sha256Hex(canonicalJson(skippedRest)) };
    expect(verify(events, [a1, skipped])).toEqual({ valid: false, eventsChecked: 0, brokenAtSequence: 3, reason: 'anchorLinkMismatch' });
    // Number right, link wrong.
    const relinkedBody = { ...a2, previousAnchorHash: 'e'.repeat(64) };
    const { hash: _r, ...relinkedRest } = relinkedBody;
    const relinked = { ...relinkedRest, hash: sha256Hex(canonicalJson(relinkedRest)) };
    expect(verify(events, [a1, relinked])).toEqual({ valid: false, eventsChecked: 0, brokenAtSequence: 2, reason: 'anchorLinkMismatch' });
    // An edited anchor (not re-hashed).
    expect(verify(events, [{ ...a1, at: '2030-01-01T00:00:00.000Z' }])).toEqual({ valid: false, eventsChecked: 0, brokenAtSequence: 1, reason: 'anchorMismatch' });
  });

  it('an event that differs from what an anchor claims fails at that event; an unmet claim fails at finish', () => {
    const events = chain(3);
    const claimWrong = chainAuditAnchor(events[1]!.at, { '0': { sequence: 2, hash: 'c'.repeat(64) } }, null);
    expect(verify(events, [claimWrong])).toEqual({ valid: false, eventsChecked: 1, brokenAtSequence: 2, reason: 'anchorMismatch' });
    const claimAhead = chainAuditAnchor(events[2]!.at, headsOf(events), null);
    expect(verify(events.slice(0, 2), [claimAhead])).toEqual({ valid: false, eventsChecked: 2, brokenAtSequence: 3, reason: 'missingEvents' });
    const claimOnMissingShard = chainAuditAnchor(events[2]!.at, { '5': { sequence: 1, hash: 'd'.repeat(64) } }, null);
    expect(verify(events, [claimOnMissingShard])).toEqual({ valid: false, eventsChecked: 3, brokenAtSequence: 1, brokenAtShard: 5, reason: 'missingEvents' });
    // A claim exactly at the head is met.
    expect(verify(events, [claimAhead])).toMatchObject({ valid: true, anchorsChecked: 1 });
  });
});

describe('verifyAuditChain (paged, from an anchor)', () => {
  it('verifies a page from the genesis and a later page from its anchor', () => {
    const events = chain(5);
    expect(verifyAuditChain(events.slice(0, 2), null)).toEqual({ valid: true, eventsChecked: 2, lastSequence: 2, lastHash: events[1]!.hash });
    expect(verifyAuditChain(events.slice(2), { sequence: 2, hash: events[1]!.hash })).toEqual({ valid: true, eventsChecked: 3, lastSequence: 5, lastHash: events[4]!.hash });
    expect(verifyAuditChain([], null)).toEqual({ valid: true, eventsChecked: 0, lastSequence: 0, lastHash: GENESIS_HASH });
  });

  it('finds a sequence gap, a broken link and an edited event', () => {
    const events = chain(4);
    const relinked = rehashed(events[3]!, { previousHash: events[1]!.hash });
    expect(verifyAuditChain([events[0]!, events[1]!, relinked], null)).toEqual({ valid: false, eventsChecked: 2, brokenAtSequence: 4, reason: 'sequenceGap' });
    expect(verifyAuditChain(events.slice(2), { sequence: 1, hash: events[1]!.hash })).toEqual({ valid: false, eventsChecked: 0, brokenAtSequence: 3, reason: 'sequenceGap' });
    const wrongLink = rehashed(events[2]!, { previousHash: events[0]!.hash });
    expect(verifyAuditChain([events[0]!, events[1]!, wrongLink], null)).toEqual({ valid: false, eventsChecked: 2, brokenAtSequence: 3, reason: 'linkMismatch' });
    expect(verifyAuditChain([rehashed(events[0]!, { previousHash: 'f'.repeat(64) })], null)).toMatchObject({ valid: false, reason: 'linkMismatch' });
    expect(verifyAuditChain([events[0]!, { ...events[1]!, resourceId: 'other' }], null)).toEqual({ valid: false, eventsChecked: 1, brokenAtSequence: 2, reason: 'hashMismatch' });
  });
});
