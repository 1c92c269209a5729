/** The local-only simulation clock (functions/local/localClock.ts) that scenario tests and demos use. */
import { describe, expect, it } from 'vitest';
import { createDataSubjectRequest } from '../../../domain/dataSubjectRequest/dataSubjectRequest';
import { clockOptionOf, createLocalClock } from '../../../functions/local/localClock';
import { newRequestInput } from './fixtures';

describe('local simulation clock', () => {
  it('moves now to an "as of" instant and keeps running from there; clearing it returns to the real clock', () => {
    let real = Date.parse('2026-01-05T00:00:00Z');
    const clock = createLocalClock({ realNow: () => new Date(real) });
    expect(clock.status()).toEqual({ now: '2026-01-05T00:00:00.000Z', simulated: false, offsetMs: 0 });
    clock.set(new Date('2027-06-01T01:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-06-01T01:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2027-06-01T01:01:30.000Z');
    expect(clock.status().simulated).toBe(true);
    clock.set(null);
    expect(clock.now().toISOString()).toBe(new Date(real).toISOString());
    expect(() => clock.set(new Date('nonsense'))).toThrow(RangeError);
  });

  it('starts at the --clock option (or PDPA_LOCAL_CLOCK) and refuses a malformed one', () => {
    expect(clockOptionOf(['--clock=2027-06-01T09:00:00+08:00'], {})).toBe('2027-06-01T09:00:00+08:00');
    expect(clockOptionOf([], { PDPA_LOCAL_CLOCK: '2027-01-01T00:00:00Z' })).toBe('2027-01-01T00:00:00Z');
    expect(clockOptionOf([], {})).toBeUndefined();
    const clock = createLocalClock({ asOf: '2027-06-01T09:00:00+08:00', realNow: () => new Date('2026-01-05T00:00:00Z') });
    expect(clock.now().toISOString()).toBe('2027-06-01T01:00:00.000Z');
    expect(() => createLocalClock({ asOf: '2027-06-01' })).toThrow(RangeError);
  });

  it('still refuses a receipt later than the simulated now', () => {
    const clock = createLocalClock({ asOf: '2027-06-01T09:00:00+08:00' });
    const context = { id: 'x', tenantId: 't', actor: 'clerk', now: clock.now().toISOString() };
    expect(createDataSubjectRequest(newRequestInput(['inquiry'], { receivedAt: '2027-06-01T08:00:00+08:00' }), context).ok).toBe(true);
    const later = createDataSubjectRequest(newRequestInput(['inquiry'], { receivedAt: '2027-06-02T08:00:00+08:00' }), context);
    expect(later.ok || later.error.code).toBe('TIME_IN_FUTURE');
  });
});
