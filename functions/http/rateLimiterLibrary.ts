/**
 * rate-limiter-flexible, imported class by class. Its root module requires every store it ships
 * (Redis, Mongo, Postgres, Prisma, …): 74 KB minified in each Lambda that throttles. The
 * per-class modules carry only what is used (20 KB for memory + DynamoDB + the result type).
 */
import type * as RateLimiterFlexible from 'rate-limiter-flexible';
import RateLimiterDynamoModule from 'rate-limiter-flexible/lib/RateLimiterDynamo.js';
import RateLimiterMemoryModule from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import RateLimiterResModule from 'rate-limiter-flexible/lib/RateLimiterRes.js';

export const RateLimiterMemory = RateLimiterMemoryModule as typeof RateLimiterFlexible.RateLimiterMemory;
export const RateLimiterDynamo = RateLimiterDynamoModule as typeof RateLimiterFlexible.RateLimiterDynamo;
export const RateLimiterRes = RateLimiterResModule as typeof RateLimiterFlexible.RateLimiterRes;
export type RateLimiterMemory = RateLimiterFlexible.RateLimiterMemory;
export type RateLimiterDynamo = RateLimiterFlexible.RateLimiterDynamo;
export type RateLimiterRes = RateLimiterFlexible.RateLimiterRes;
export type { RateLimiterAbstract, RateLimiterStoreAbstract } from 'rate-limiter-flexible';

/** Spends one point; the limiter's rejection (how long until the next point) instead of a throw. */
export async function consumeOrRejection(limiter: RateLimiterMemory, key: string): Promise<RateLimiterRes | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}
