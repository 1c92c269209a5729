/** Optimistic concurrency: every resource has a version; its ETag is that version. */
import type { ApiContext } from './context';
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
