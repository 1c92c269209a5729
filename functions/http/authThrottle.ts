/**
 * Throttles guessing. Failed authentications (an unknown key id, a wrong secret, a token whose
 * signature does not verify — not a revoked or expired key presented with its right secret) are
 * counted per client address and per API key id:
 * - an address over its budget gets 429 + Retry-After before its credential is even checked;
 * - a key id over its budget answers further WRONG secrets with 429 instead of 401, while the
 *   real holder (right secret, another address) keeps working: guessing is slowed, nobody is
 *   locked out.
 * Counters are in memory (per process locally, per Lambda instance in AWS); in AWS the WAF rate
 * rule per address bounds the total across instances. Unknown public tokens (questionnaire
 * links) count against the address too.
 */
import { consumeOrRejection, RateLimiterMemory } from './rateLimiterLibrary';
import type { Context } from 'hono';
import type { AuthThrottleLimits } from './appDeps';
import { ApiProblem } from './problem';

export const DEFAULT_AUTH_THROTTLE: AuthThrottleLimits = { failuresPerAddress: 30, failuresPerKeyId: 10, windowSeconds: 60 };

export interface AuthThrottle {
  /** Throws 429 when the address has used up its failures. */
  assertAddressAllowed(address: string): Promise<void>;
  /** Counts a failed attempt; throws 429 when this failure exceeds a budget. */
  recordFailure(address: string, keyId?: string): Promise<void>;
}

function tooManyAttempts(retryAfterMs: number): ApiProblem {
  return new ApiProblem('tooManyRequests', {
    code: 'tooManyFailedAttempts',
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    detail: { zhTW: '驗證失敗次數過多，請稍後再試', en: 'Too many failed attempts; try again later' },
  });
}

export function createAuthThrottle(limits: AuthThrottleLimits = DEFAULT_AUTH_THROTTLE): AuthThrottle {
  const byAddress = new RateLimiterMemory({ keyPrefix: 'auth-address', points: limits.failuresPerAddress, duration: limits.windowSeconds, blockDuration: limits.windowSeconds });
  const byKeyId = new RateLimiterMemory({ keyPrefix: 'auth-key', points: limits.failuresPerKeyId, duration: limits.windowSeconds });
  return {
    async assertAddressAllowed(address) {
      const state = await byAddress.get(address);
      if (state && state.consumedPoints > limits.failuresPerAddress) throw tooManyAttempts(state.msBeforeNext);
    },
    async recordFailure(address, keyId) {
      const addressRejected = await consumeOrRejection(byAddress, address);
      const keyRejected = keyId ? await consumeOrRejection(byKeyId, keyId) : undefined;
      const rejected = addressRejected ?? keyRejected;
      if (rejected) throw tooManyAttempts(rejected.msBeforeNext);
    },
  };
}

/** One throttle per app (per deps object), so separate test apps do not share counters. */
const throttles = new WeakMap<object, AuthThrottle>();

export function authThrottleOf(deps: object & { config: { authThrottle?: AuthThrottleLimits } }): AuthThrottle {
  let throttle = throttles.get(deps);
  if (!throttle) {
    throttle = createAuthThrottle(deps.config.authThrottle ?? DEFAULT_AUTH_THROTTLE);
    throttles.set(deps, throttle);
  }
  return throttle;
}

/** The caller's address: the socket locally (node-server), API Gateway's sourceIp in Lambda. */
export function clientAddressOf(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } }; event?: { requestContext?: { identity?: { sourceIp?: string } } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? env?.event?.requestContext?.identity?.sourceIp ?? 'unknown';
}
