import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  isReadyToSend,
  nextRetryAt,
  queueDelivery,
  recordSendFailure,
  recordSendSuccess,
  requeueDeadLetter,
  retryDelaySeconds,
  retryPolicySchema,
  type ReminderDelivery,
} from '../../../domain/reminders/delivery';

const t0 = '2026-12-24T01:00:00.000Z';
const plusSeconds = (iso: string, s: number) => new Date(new Date(iso).getTime() + s * 1000).toISOString();

describe('retry backoff', () => {
  it('doubles from 5 minutes, caps at 6 hours and stops after the last attempt', () => {
    const delays = Array.from({ length: DEFAULT_RETRY_POLICY.maxAttempts }, (_, i) => retryDelaySeconds(i + 1));
    expect(delays).toEqual([300, 600, 1200, 2400, 4800, 9600, 19200, null]);
    const capped = { ...DEFAULT_RETRY_POLICY, maxAttempts: 12 };
    expect(retryDelaySeconds(8, capped)).toBe(21_600);
    expect(retryDelaySeconds(11, capped)).toBe(21_600);
    expect(retryDelaySeconds(12, capped)).toBeNull();
    expect(() => retryDelaySeconds(0)).toThrow(RangeError);
    expect(() => retryDelaySeconds(1.5)).toThrow(RangeError);
  });

  it('gives the next attempt time from the last attempt', () => {
    expect(nextRetryAt(1, t0)).toBe('2026-12-24T01:05:00.000Z');
    expect(nextRetryAt(3, t0)).toBe('2026-12-24T01:20:00.000Z');
    expect(nextRetryAt(DEFAULT_RETRY_POLICY.maxAttempts, t0)).toBeNull();
    expect(() => nextRetryAt(1, 'not a time')).toThrow(RangeError);
    expect(retryPolicySchema.safeParse(DEFAULT_RETRY_POLICY).success).toBe(true);
    expect(retryPolicySchema.safeParse({ ...DEFAULT_RETRY_POLICY, maxAttempts: 0 }).success).toBe(false);
  });
});

describe('delivery state', () => {
  it('goes pending → failed (with backoff) → sent', () => {
    let state: ReminderDelivery = queueDelivery(t0);
    expect(isReadyToSend(state, t0)).toBe(true);
    state = recordSendFailure(state, t0, 'Throttling');
    expect(state).toEqual({ status: 'failed', attempts: 1, queuedAt: t0, lastAttemptAt: t0, nextAttemptAt: plusSeconds(t0, 300), lastError: 'Throttling' });
    expect(isReadyToSend(state, plusSeconds(t0, 299))).toBe(false);
    expect(isReadyToSend(state, plusSeconds(t0, 300))).toBe(true);
    state = recordSendSuccess(state, plusSeconds(t0, 300), 'ses-1');
    expect(state).toMatchObject({ status: 'sent', attempts: 2, providerMessageId: 'ses-1' });
    expect(isReadyToSend(state, plusSeconds(t0, 9999))).toBe(false);
    // Late failure or repeated success reports do not change a sent message.
    expect(recordSendFailure(state, plusSeconds(t0, 400), 'late')).toBe(state);
    expect(recordSendSuccess(state, plusSeconds(t0, 400), 'ses-2')).toBe(state);
  });

  it('keeps failing messages until the last attempt, then dead-letters them, never dropping them', () => {
    let state: ReminderDelivery = queueDelivery(t0);
    let at = t0;
    for (let i = 1; i < DEFAULT_RETRY_POLICY.maxAttempts; i += 1) {
      state = recordSendFailure(state, at, `error ${i}`);
      expect(state.status).toBe('failed');
      expect(state.attempts).toBe(i);
      if (state.status === 'failed') at = state.nextAttemptAt;
    }
    state = recordSendFailure(state, at, 'final');
    expect(state).toEqual({ status: 'deadLetter', attempts: DEFAULT_RETRY_POLICY.maxAttempts, queuedAt: t0, lastAttemptAt: at, lastError: 'final' });
    expect(isReadyToSend(state, plusSeconds(at, 86_400))).toBe(false);
    expect(recordSendFailure(state, at, 'again')).toBe(state);
    expect(requeueDeadLetter(state, '2026-12-25T00:00:00.000Z')).toEqual({ status: 'pending', attempts: 0, queuedAt: '2026-12-25T00:00:00.000Z' });
  });

  it('dead-letters a permanent failure at once', () => {
    expect(recordSendFailure(queueDelivery(t0), t0, 'MessageRejected: address', { permanent: true })).toMatchObject({ status: 'deadLetter', attempts: 1 });
  });

  it('follows a custom policy', () => {
    const policy = { baseDelaySeconds: 10, multiplier: 3, maxDelaySeconds: 60, maxAttempts: 3 };
    const first = recordSendFailure(queueDelivery(t0), t0, 'x', { policy });
    expect(first).toMatchObject({ status: 'failed', nextAttemptAt: plusSeconds(t0, 10) });
    const second = recordSendFailure(first, t0, 'x', { policy });
    expect(second).toMatchObject({ status: 'failed', nextAttemptAt: plusSeconds(t0, 30) });
    expect(recordSendFailure(second, t0, 'x', { policy }).status).toBe('deadLetter');
    expect(requeueDeadLetter(first, t0)).toBe(first);
  });
});
