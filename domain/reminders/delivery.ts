/**
 * Delivery state of one reminder message: pending → sent, or failed (retried with exponential
 * backoff) → deadLetter after the last attempt. A failure never drops the message: it stays
 * stored in deadLetter for an operator to requeue, and its reminder keys stay marked, so the
 * sweep does not also create a duplicate.
 */
import { z } from 'zod';

export const retryPolicySchema = z
  .object({
    baseDelaySeconds: z.number().int().min(1).describe('Wait after the first failure'),
    multiplier: z.number().min(1).describe('Growth of the wait per further failure'),
    maxDelaySeconds: z.number().int().min(1).describe('Cap on any single wait'),
    maxAttempts: z.number().int().min(1).max(50).describe('Attempts before the message is dead-lettered'),
  })
  .strict();
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

/** 5 min, 10, 20, 40, 80, 160, then capped at 6 h; dead-lettered after the 8th attempt (~11 h). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelaySeconds: 300, multiplier: 2, maxDelaySeconds: 21_600, maxAttempts: 8 };

/** Delay before the next try after `attempt` failed attempts, or null when none is left. */
export function retryDelaySeconds(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError('attempt counts from 1');
  if (attempt >= policy.maxAttempts) return null;
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * policy.multiplier ** (attempt - 1));
}

/** When to try again after the `attempt`-th failed attempt at `lastAttemptAt`; null = give up. */
export function nextRetryAt(attempt: number, lastAttemptAt: string, policy: RetryPolicy = DEFAULT_RETRY_POLICY): string | null {
  const delay = retryDelaySeconds(attempt, policy);
  if (delay === null) return null;
  const last = new Date(lastAttemptAt).getTime();
  if (Number.isNaN(last)) throw new RangeError(`Not a timestamp: ${lastAttemptAt}`);
  return new Date(last + delay * 1000).toISOString();
}

export type ReminderDelivery =
  | { status: 'pending'; attempts: 0; queuedAt: string }
  | { status: 'sent'; attempts: number; queuedAt: string; sentAt: string; providerMessageId: string | null }
  | { status: 'failed'; attempts: number; queuedAt: string; lastAttemptAt: string; nextAttemptAt: string; lastError: string }
  | { status: 'deadLetter'; attempts: number; queuedAt: string; lastAttemptAt: string; lastError: string };

export function queueDelivery(queuedAt: string): ReminderDelivery {
  return { status: 'pending', attempts: 0, queuedAt };
}

/** Pending ones go now; failed ones when their backoff has passed; sent and dead ones never. */
export function isReadyToSend(delivery: ReminderDelivery, now: string): boolean {
  if (delivery.status === 'pending') return true;
  if (delivery.status === 'failed') return new Date(delivery.nextAttemptAt).getTime() <= new Date(now).getTime();
  return false;
}

export function recordSendSuccess(delivery: ReminderDelivery, at: string, providerMessageId: string | null = null): ReminderDelivery {
  // A repeated success report (at-least-once queues) keeps the first one.
  if (delivery.status === 'sent') return delivery;
  return { status: 'sent', attempts: delivery.attempts + 1, queuedAt: delivery.queuedAt, sentAt: at, providerMessageId };
}

/**
 * A failed attempt. `permanent` (e.g. the address was rejected) dead-letters at once because
 * retrying cannot help; otherwise the next attempt follows the backoff until attempts run out.
 */
export function recordSendFailure(
  delivery: ReminderDelivery,
  at: string,
  error: string,
  options: { permanent?: boolean; policy?: RetryPolicy } = {},
): ReminderDelivery {
  if (delivery.status === 'sent' || delivery.status === 'deadLetter') return delivery;
  const attempts = delivery.attempts + 1;
  const next = options.permanent ? null : nextRetryAt(attempts, at, options.policy);
  if (next === null) return { status: 'deadLetter', attempts, queuedAt: delivery.queuedAt, lastAttemptAt: at, lastError: error };
  return { status: 'failed', attempts, queuedAt: delivery.queuedAt, lastAttemptAt: at, nextAttemptAt: next, lastError: error };
}

/** An operator puts a dead-lettered message back in the queue with a fresh attempt budget. */
export function requeueDeadLetter(delivery: ReminderDelivery, at: string): ReminderDelivery {
  if (delivery.status !== 'deadLetter') return delivery;
  return { status: 'pending', attempts: 0, queuedAt: at };
}
