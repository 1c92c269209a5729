/** Optimistic concurrency: every resource has a version; its ETag is that version. */
import type { MiddlewareHandler } from 'hono';
import type { ApiContext, ApiEnv } from './context';
import { ApiProblem } from './problem';

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function setEtag(c: ApiContext, version: number): void {
  c.header('ETag', etagOf(version));
}

/** Reads If-Match; required on updates. Returns the version the caller last saw. */
export function expectedVersion(c: ApiContext, options: { required: boolean } = { required: true }): number | undefined {
  const header = c.req.header('if-match');
  if (!header) {
    if (options.required) throw new ApiProblem('preconditionRequired');
    return undefined;
  }
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(header.trim());
  if (!match) {
    throw new ApiProblem('validationError', { errors: [{ field: 'header.If-Match', reason: { zhTW: '須為本資源的 ETag，例如 "3"', en: 'Must be this resource\'s ETag, e.g. "3"' } }] });
  }
  return Number(match[1]);
}

/** Compares before writing; the write itself is also conditioned on the version. */
export function assertVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && current !== expected) throw new ApiProblem('preconditionFailed');
}

/**
 * If-None-Match matching per RFC 9110 §13.1.2: `*` matches any current representation, and
 * entity tags compare weakly (`W/"3"` matches `"3"`), as the standard prescribes for this header.
 */
export function ifNoneMatchMatches(header: string, etag: string): boolean {
  const value = header.trim();
  if (value === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const current = opaque(etag);
  return value.split(',').some((candidate) => opaque(candidate) === current);
}

/**
 * A GET whose reply carries an ETag answers `304 Not Modified`, with the ETag and no body, when
 * If-None-Match names it — a client polling a resource pays one small request. Replies without an
 * ETag (lists, reports) are left as they are.
 */
export function conditionalGet(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await next();
    const condition = c.req.header('if-none-match');
    const etag = c.res.headers.get('etag');
    if (!condition || !etag || c.res.status !== 200 || !ifNoneMatchMatches(condition, etag)) return;
    // Hono carries the earlier reply's headers (ETag, X-Request-Id, …) over; a 304 has no body to describe.
    c.res = new Response(null, { status: 304 });
    c.res.headers.delete('content-type');
    c.res.headers.delete('content-length');
  };
}
