/**
 * CORS for the operator's console origins only (`PDPA_CONSOLE_ORIGINS`, comma-separated; none by
 * default, so no browser page elsewhere can read the API's replies). A request from any other
 * origin gets no CORS header at all, not even the exposed-header list.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export const CONSOLE_ORIGINS_ENV = 'PDPA_CONSOLE_ORIGINS';

/** The headers a console script may read: concurrency, created resources, budgets, replays, support ids. */
export const EXPOSED_HEADERS = ['ETag', 'Location', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy', 'Retry-After', 'Idempotent-Replayed', 'X-Request-Id', 'Content-Language'];

/** What a console sends beyond the CORS-safelisted headers. */
export const ALLOWED_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'If-None-Match', 'Accept-Language'];

/** Exact origins (scheme, host and port), as browsers send them: `https://console.example.tw`. */
export function consoleOriginsFromEnv(env: Record<string, string | undefined> = process.env): string[] {
  return (env[CONSOLE_ORIGINS_ENV] ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

export function consoleCors(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  const withCors = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ALLOWED_REQUEST_HEADERS,
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && allowed.has(origin)) return withCors(c, next);
    await next();
    // Replies differ by Origin once any origin is allowed: caches must not mix them.
    if (allowed.size > 0) c.header('Vary', 'Origin', { append: true });
  };
}
