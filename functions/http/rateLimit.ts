/**
 * Rate limiting per credential (rate-limiter-flexible). Every authenticated response carries the
 * IETF RateLimit headers — `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds)
 * and `RateLimit-Policy` (`<limit>;w=<window>`) — and a request over the budget is answered 429
 * with `Retry-After`, before any of the tenant's data is read.
 *
 * Budgets are per kind of credential (the tenant model has no plan tiers): people (owner, officer,
 * auditor keys and OIDC users), integrations (batch imports and syncs send more) and the platform
 * operator. Counters live in memory locally (one process) and, in AWS, in a DynamoDB table shared
 * by every Lambda instance (`RateLimiterDynamo`, table named by `PDPA_RATE_LIMIT_TABLE`).
 */
import {
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  UpdateItemCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { Context } from 'hono';
import { RateLimiterDynamo, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract, type RateLimiterStoreAbstract } from './rateLimiterLibrary';
import type { Principal } from '../../domain/access/roles';
import { ApiProblem } from './problem';

/** Who is counted against which budget. */
export type CredentialClass = 'person' | 'integration' | 'platformOperator';

export interface RateLimitSettings {
  /** Requests per window, by kind of credential. */
  requestsPerWindow: Record<CredentialClass, number>;
  windowSeconds: number;
  /** Where counters live: this process, or a DynamoDB table every instance shares. */
  store: { kind: 'memory' } | { kind: 'dynamo'; tableName: string };
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  requestsPerWindow: { person: 600, integration: 1200, platformOperator: 600 },
  windowSeconds: 60,
  store: { kind: 'memory' },
};

/** The environment variables that override the defaults (README: environment variables). */
export const RATE_LIMIT_ENV = {
  person: 'PDPA_RATE_LIMIT_PERSON',
  integration: 'PDPA_RATE_LIMIT_INTEGRATION',
  platformOperator: 'PDPA_RATE_LIMIT_OPERATOR',
  windowSeconds: 'PDPA_RATE_LIMIT_WINDOW_SECONDS',
  table: 'PDPA_RATE_LIMIT_TABLE',
} as const;

function positiveInteger(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

export function rateLimitSettingsFromEnv(env: Record<string, string | undefined> = process.env): RateLimitSettings {
  const defaults = DEFAULT_RATE_LIMITS;
  return {
    requestsPerWindow: {
      person: positiveInteger(env, RATE_LIMIT_ENV.person, defaults.requestsPerWindow.person),
      integration: positiveInteger(env, RATE_LIMIT_ENV.integration, defaults.requestsPerWindow.integration),
      platformOperator: positiveInteger(env, RATE_LIMIT_ENV.platformOperator, defaults.requestsPerWindow.platformOperator),
    },
    windowSeconds: positiveInteger(env, RATE_LIMIT_ENV.windowSeconds, defaults.windowSeconds),
    store: env[RATE_LIMIT_ENV.table] ? { kind: 'dynamo', tableName: env[RATE_LIMIT_ENV.table]! } : { kind: 'memory' },
  };
}

export function credentialClassOf(principal: Principal): CredentialClass {
  if (principal.role === 'platformOperator') return 'platformOperator';
  if (principal.role === 'integration') return 'integration';
  return 'person';
}

/**
 * RateLimiterDynamo calls the SDK v2-style methods (getItem, updateItem, …); this maps them onto
 * the v3 client the app already has, so no second client (or the aggregated one) is bundled.
 */
export function dynamoStoreClient(client: DynamoDBClient) {
  return {
    getItem: (input: ConstructorParameters<typeof GetItemCommand>[0]) => client.send(new GetItemCommand(input)),
    updateItem: (input: ConstructorParameters<typeof UpdateItemCommand>[0]) => client.send(new UpdateItemCommand(input)),
    deleteItem: (input: ConstructorParameters<typeof DeleteItemCommand>[0]) => client.send(new DeleteItemCommand(input)),
    createTable: (input: ConstructorParameters<typeof CreateTableCommand>[0]) => client.send(new CreateTableCommand(input)),
    describeTimeToLive: (input: ConstructorParameters<typeof DescribeTimeToLiveCommand>[0]) => client.send(new DescribeTimeToLiveCommand(input)),
    updateTimeToLive: (input: ConstructorParameters<typeof UpdateTimeToLiveCommand>[0]) => client.send(new UpdateTimeToLiveCommand(input)),
  };
}

export interface RateLimitDecision {
  limit: number;
  remaining: number;
  resetSeconds: number;
  windowSeconds: number;
  allowed: boolean;
}

export interface CredentialRateLimiter {
  consume(principal: Principal): Promise<RateLimitDecision>;
}

export function createCredentialRateLimiter(settings: RateLimitSettings, dynamo?: DynamoDBClient): CredentialRateLimiter {
  const limiters = new Map<CredentialClass, RateLimiterAbstract | RateLimiterStoreAbstract>();
  const limiterOf = (kind: CredentialClass) => {
    let limiter = limiters.get(kind);
    if (!limiter) {
      const options = { keyPrefix: `api-${kind}`, points: settings.requestsPerWindow[kind], duration: settings.windowSeconds };
      if (settings.store.kind === 'dynamo') {
        if (!dynamo) throw new Error('a DynamoDB rate-limit store needs a DynamoDB client');
        // The table is created by the infrastructure (key `key`, TTL on `expire`), not at run time.
        limiter = new RateLimiterDynamo({ ...options, storeClient: dynamoStoreClient(dynamo), tableName: settings.store.tableName, tableCreated: true, ttlSet: true });
      } else {
        limiter = new RateLimiterMemory(options);
      }
      limiters.set(kind, limiter);
    }
    return limiter;
  };
  return {
    async consume(principal) {
      const kind = credentialClassOf(principal);
      const limit = settings.requestsPerWindow[kind];
      // The actor id names the credential (key:<id>, oidc:<sub>); the tenant keeps two IdPs' subjects apart.
      const key = `${principal.tenantId ?? 'platform'}:${principal.actorId}`;
      let result: RateLimiterRes;
      let allowed = true;
      try {
        result = await limiterOf(kind).consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        result = rejection;
        allowed = false;
      }
      return {
        limit,
        remaining: Math.max(0, result.remainingPoints),
        resetSeconds: Math.max(0, Math.ceil(result.msBeforeNext / 1000)),
        windowSeconds: settings.windowSeconds,
        allowed,
      };
    },
  };
}

/** One limiter per app (per deps object), so separate test apps do not share counters. */
const limiters = new WeakMap<object, CredentialRateLimiter>();

export function credentialRateLimiterOf(deps: { dynamo?: DynamoDBClient; config: { rateLimit?: RateLimitSettings } }): CredentialRateLimiter {
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = createCredentialRateLimiter(deps.config.rateLimit ?? rateLimitSettingsFromEnv(), deps.dynamo);
    limiters.set(deps, limiter);
  }
  return limiter;
}

/** Counts the request against the credential's budget, sets the RateLimit headers, refuses when over. */
export async function enforceRateLimit(c: Context, deps: Parameters<typeof credentialRateLimiterOf>[0], principal: Principal): Promise<void> {
  const decision = await credentialRateLimiterOf(deps).consume(principal);
  // Headers set before the reply exists are carried onto whatever reply follows, problems included.
  c.header('RateLimit-Limit', String(decision.limit));
  c.header('RateLimit-Remaining', String(decision.remaining));
  c.header('RateLimit-Reset', String(decision.resetSeconds));
  c.header('RateLimit-Policy', `${decision.limit};w=${decision.windowSeconds}`);
  if (!decision.allowed) {
    throw new ApiProblem('tooManyRequests', {
      code: 'rateLimitExceeded',
      retryAfterSeconds: Math.max(1, decision.resetSeconds),
      detail: {
        zhTW: `此憑證每 ${decision.windowSeconds} 秒最多 ${decision.limit} 個請求；請於 ${Math.max(1, decision.resetSeconds)} 秒後再試`,
        en: `This credential may send ${decision.limit} requests per ${decision.windowSeconds} seconds; try again in ${Math.max(1, decision.resetSeconds)} seconds`,
      },
    });
  }
}
