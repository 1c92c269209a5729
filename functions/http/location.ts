/**
 * `201 Created` carries `Location`, found once from the route table instead of written by hand in
 * each route: the created resource is what a GET route answers with the same view, under the
 * create's collection (`POST /v1/vendors` → `GET /v1/vendors/{vendorId}`, the id from the view).
 * A record that has no GET of its own (a notice, an oversight check, a code-list entry) is located
 * at the nearest GET above or at the create's path: the list or the resource it was added to.
 */
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './context';

export interface ReadRoute {
  path: string;
  /** The zod schema of the JSON 200 reply, compared by identity with a create's 201 schema. */
  replySchema: unknown;
}

/** The GET route a create points at; `idParam` is filled from the created view, the rest from the request path. */
export interface LocationTemplate {
  path: string;
  idParam?: string;
}

const segmentsOf = (path: string) => path.split('/').filter(Boolean);
const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');
const paramName = (segment: string) => segment.slice(1, -1);

/** `{ read.path minus its last segment }` is a prefix of the create's path, and the last segment is a parameter. */
function childOfPrefix(read: string[], create: string[]): boolean {
  if (read.length - 1 > create.length || read.length === 0 || !isParam(read[read.length - 1]!)) return false;
  return read.slice(0, -1).every((segment, index) => segment === create[index]);
}

export function locationTemplateOf(createPath: string, createSchema: unknown, reads: readonly ReadRoute[]): LocationTemplate | undefined {
  const create = segmentsOf(createPath);
  const parsed = reads.map((read) => ({ ...read, segments: segmentsOf(read.path) }));
  const child = (read: (typeof parsed)[number]) => ({ path: read.path, idParam: paramName(read.segments[read.segments.length - 1]!) });
  // 1. A GET answering the same view, below a prefix of the create's path (deepest first):
  //    POST /v1/assessments/{id}/reopen → GET /v1/assessments/{complianceAssessmentId} (the new revision).
  const sameView = createSchema === undefined ? [] : parsed.filter((read) => read.replySchema === createSchema && childOfPrefix(read.segments, create));
  const deepest = sameView.sort((a, b) => b.segments.length - a.segments.length)[0];
  if (deepest) return child(deepest);
  // 2. A GET of one item directly under the create's path.
  const direct = parsed.find((read) => read.segments.length === create.length + 1 && childOfPrefix(read.segments, create));
  if (direct) return child(direct);
  // 3. The create's own path or its nearest ancestor that answers GET (the list or the parent it was added to).
  for (let length = create.length; length > 0; length -= 1) {
    const ancestor = `/${create.slice(0, length).join('/')}`;
    if (parsed.some((read) => read.path === ancestor)) return { path: ancestor };
  }
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const idIn = (view: Record<string, unknown>, name: string): unknown => view[name] ?? view.id;
const isIdValue = (value: unknown): value is string | number => (typeof value === 'string' && value !== '') || typeof value === 'number';

/**
 * The created record's id: `<param>` or `id` on the reply, or on the one record the reply wraps
 * (e.g. `{ evidence: {…}, upload: {…} }` — the upload instructions carry no id).
 */
function createdIdOf(body: unknown, name: string): string | number | undefined {
  if (!isRecord(body)) return undefined;
  const own = idIn(body, name);
  if (isIdValue(own)) return own;
  const wrapped = Object.values(body).filter(isRecord).map((inner) => idIn(inner, name)).filter(isIdValue);
  return wrapped.length === 1 ? wrapped[0] : undefined;
}

/** The concrete path: the id from the created view (its own name, else `id`), other parameters from the request. */
export function locationOf(template: LocationTemplate, body: unknown, requestParam: (name: string) => string | undefined): string | undefined {
  const parts: string[] = [];
  for (const segment of segmentsOf(template.path)) {
    if (!isParam(segment)) {
      parts.push(segment);
      continue;
    }
    const name = paramName(segment);
    const fromView = name === template.idParam ? createdIdOf(body, name) : undefined;
    const value = fromView !== undefined ? String(fromView) : requestParam(name);
    if (value === undefined || value === '') return undefined;
    parts.push(encodeURIComponent(value));
  }
  return `/${parts.join('/')}`;
}

/** Every GET route declared (routes register at import, before the first request is served). */
const readRoutes: ReadRoute[] = [];

export function registerReadRoute(read: ReadRoute): void {
  readRoutes.push(read);
}

export function declaredReadRoutes(): readonly ReadRoute[] {
  return readRoutes;
}

/** Creates whose Location cannot be derived (no GET above them) and so is declared with the route: path → GET path. */
const declaredLocations = new Map<string, string>();

export function declaredLocationOf(createPath: string): LocationTemplate | undefined {
  const path = declaredLocations.get(createPath);
  return path ? { path } : undefined;
}

/**
 * Sets `Location` on this create's 201 (also on an idempotent replay, which passes through here).
 * `declared` is the route's own `location` (a GET path whose parameters the request supplies).
 */
export function createdLocation(createPath: string, createSchema: unknown, declared?: string): MiddlewareHandler<ApiEnv> {
  if (declared) declaredLocations.set(createPath, declared);
  let template: LocationTemplate | undefined | null = null;
  return async (c, next) => {
    await next();
    if (c.res.status !== 201 || c.res.headers.has('location')) return;
    if (template === null) template = declaredLocationOf(createPath) ?? locationTemplateOf(createPath, createSchema, readRoutes);
    if (!template) return;
    const body: unknown = (c.res.headers.get('content-type') ?? '').includes('json') ? await c.res.clone().json().catch(() => undefined) : undefined;
    const location = locationOf(template, body, (name) => c.req.param(name));
    if (location) c.header('Location', location);
  };
}
