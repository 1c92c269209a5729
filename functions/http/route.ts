/**
 * Every endpoint is declared with defineRoute: its zod schemas (validation, types and the
 * OpenAPI document in one), who may call it (`access`, also published as `x-access`), and the
 * problem responses every route shares. Authentication and authorisation run before input
 * validation, so an anonymous caller learns nothing about the input shape.
 */
import { createRoute, z, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { decideAccess, type AccessPolicy, type Role } from '../../domain/access/roles';
import { parseApiKey } from '../crypto/apiKeyCredentials';
import { authenticate, INVALID_CREDENTIAL, loadTenantScope } from './authenticate';
import { authThrottleOf, clientAddressOf } from './authThrottle';
import type { ApiEnv } from './context';
import { conditionalGet } from './etag';
import { idempotency } from './idempotency';
import { createdLocation, registerReadRoute } from './location';
import { ApiProblem } from './problem';
import { enforceRateLimit } from './rateLimit';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    code: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), reason: z.string(), reasonZhTW: z.string(), reasonEn: z.string() })).optional(),
  })
  .openapi('Problem');

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

/** Authenticates the caller; failed guesses are counted and, past a budget, answered with 429. */
async function authenticateThrottled(c: Parameters<MiddlewareHandler<ApiEnv>>[0], deps: ApiEnv['Variables']['deps']) {
  const throttle = authThrottleOf(deps);
  const address = clientAddressOf(c);
  await throttle.assertAddressAllowed(address);
  const authorization = c.req.header('authorization');
  try {
    return await authenticate(deps, authorization);
  } catch (error) {
    if (error instanceof ApiProblem && error.options.code === INVALID_CREDENTIAL) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      await throttle.recordFailure(address, token ? parseApiKey(token)?.keyId : undefined);
    }
    throw error;
  }
}

/**
 * Public routes carry their credential in the path (a questionnaire link token): a 404 there is
 * a guessed token, so it counts against the caller's address like a wrong API key, and an
 * address over its budget is refused before the token is looked up.
 */
async function guardPublicToken(c: Parameters<MiddlewareHandler<ApiEnv>>[0], next: () => Promise<void>, deps: ApiEnv['Variables']['deps']) {
  const throttle = authThrottleOf(deps);
  const address = clientAddressOf(c);
  await throttle.assertAddressAllowed(address);
  await next();
  // The guess that exhausts the budget is itself answered 429 (as with API keys).
  if (c.res.status === 404) await throttle.recordFailure(address);
}

const roleNames: Record<Role, { zhTW: string; en: string }> = {
  owner: { zhTW: 'owner（擁有者）', en: 'owner' },
  officer: { zhTW: 'officer（個資專責人員）', en: 'officer' },
  auditor: { zhTW: 'auditor（稽核人員）', en: 'auditor' },
  integration: { zhTW: 'integration（系統整合）', en: 'integration' },
  platformOperator: { zhTW: 'platformOperator（平台管理者）', en: 'platformOperator' },
};

/** A 403 names what is needed: the roles that may call the route and, for integrations, the scope. */
export function forbiddenDetail(access: AccessPolicy, callerRole: Role, reason: 'wrongPlane' | 'roleNotAllowed' | 'missingScope'): { zhTW: string; en: string } {
  if (reason === 'missingScope') {
    return { zhTW: `此整合憑證缺少權限範圍 ${access.integrationScope ?? '（此操作不開放整合憑證）'}`, en: `This integration credential lacks the scope ${access.integrationScope ?? '(integrations may not call this operation)'}` };
  }
  const zhRoles = access.roles.map((role) => roleNames[role].zhTW).join('、');
  const enRoles = access.roles.map((role) => roleNames[role].en).join(', ');
  const scope = access.integrationScope && access.roles.includes('integration') ? { zhTW: `（integration 須具權限範圍 ${access.integrationScope}）`, en: ` (integration with the scope ${access.integrationScope})` } : { zhTW: '', en: '' };
  return {
    zhTW: `此操作僅限以下角色呼叫：${zhRoles}${scope.zhTW}；此憑證之角色為 ${roleNames[callerRole].zhTW}`,
    en: `Only these roles may call this operation: ${enRoles}${scope.en}; this credential's role is ${roleNames[callerRole].en}`,
  };
}

export function authorize(access: AccessPolicy): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const deps = c.get('deps');
    if (access.plane === 'public') return guardPublicToken(c, next, deps);
    const principal = await authenticateThrottled(c, deps);
    // Counted before the role check: a refused call still costs, and its 403 carries the budget.
    await enforceRateLimit(c, deps, principal);
    const decision = decideAccess(principal, access);
    if (!decision.allowed) {
      throw new ApiProblem('forbidden', { code: decision.reason, detail: forbiddenDetail(access, principal.role, decision.reason) });
    }
    c.set('principal', principal);
    if (access.plane === 'tenant' && principal.tenantId) {
      c.set('tenant', await loadTenantScope(deps, principal.tenantId));
    }
    await next();
  };
}

type DeclaredRoute = Omit<RouteConfig, 'middleware' | 'security'> & { access: AccessPolicy; location?: string };

/** Response headers the conventions add, described once under components/headers. */
const responseHeaders = {
  'RateLimit-Limit': { description: 'Requests this credential may send per window (by kind of credential: people, integrations, platform operator) / 此憑證每時段可送出之請求數', schema: { type: 'integer' as const, minimum: 1 } },
  'RateLimit-Remaining': { description: 'Requests left in the current window / 本時段剩餘請求數', schema: { type: 'integer' as const, minimum: 0 } },
  'RateLimit-Reset': { description: 'Seconds until the window resets / 距本時段重設之秒數', schema: { type: 'integer' as const, minimum: 0 } },
  'RateLimit-Policy': { description: 'The budget as `<limit>;w=<window seconds>` / 限額政策', schema: { type: 'string' as const, pattern: '^[0-9]+;w=[0-9]+$' } },
  'Retry-After': { description: 'Seconds to wait before retrying / 重試前應等待之秒數', schema: { type: 'integer' as const, minimum: 1 } },
  Location: { description: 'Path of the created resource (or of the list or resource it was added to) / 所建立資源之路徑', schema: { type: 'string' as const } },
  'Idempotent-Replayed': { description: '`true` when this is the stored response of an earlier request with the same Idempotency-Key / 以相同冪等鍵重送時之原回應', schema: { type: 'string' as const, enum: ['true'] } },
  ETag: { description: 'The resource version; send it in If-Match to change it, or If-None-Match to revalidate / 資源版本', schema: { type: 'string' as const } },
};
type ResponseHeader = keyof typeof responseHeaders;

const headerRefs = (names: ResponseHeader[]) => Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));
const RATE_LIMIT_HEADERS: ResponseHeader[] = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy'];

/** The 429s, described once (every operation has one) and referred to. */
const throttledResponses = {
  RateLimited: { description: 'Over the credential\'s request budget (see RateLimit-*) / 超過請求限額', headers: headerRefs(['Retry-After', ...RATE_LIMIT_HEADERS]), content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
  TooManyFailedAttempts: { description: 'Too many failed attempts from this address / 失敗次數過多', headers: headerRefs(['Retry-After']), content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
};

/** Registers the shared response headers and 429 responses on the app's document (routes refer to them). */
export function registerResponseHeaders(app: OpenAPIHono<ApiEnv>): void {
  for (const [name, header] of Object.entries(responseHeaders)) app.openAPIRegistry.registerComponent('headers', name, header);
  for (const [name, response] of Object.entries(throttledResponses)) app.openAPIRegistry.registerComponent('responses', name, response);
}

type ResponseLike = { description: string; headers?: Record<string, unknown>; content?: Record<string, { schema?: unknown }> };

const jsonSchemaOf = (response: unknown) => (response as ResponseLike | undefined)?.content?.['application/json']?.schema;

/** A single resource's GET (not a page of a list): 304 on If-None-Match applies to it. */
function isSingleResourceRead(method: string, responses: Record<string, unknown>): boolean {
  if (method !== 'get') return false;
  const schema = jsonSchemaOf(responses[200]);
  return schema instanceof z.ZodObject && !('nextCursor' in schema.shape);
}

/** Adds the documented headers: budgets on success, Location on 201, Idempotent-Replayed on a POST's success. */
function withConventionHeaders(method: string, authenticated: boolean, responses: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(responses).map(([status, response]) => {
    if (!status.startsWith('2')) return [status, response];
    const names: ResponseHeader[] = [
      ...(authenticated ? RATE_LIMIT_HEADERS : []),
      ...(status === '201' ? (['Location'] as const) : []),
      ...(method === 'post' ? (['Idempotent-Replayed'] as const) : []),
    ];
    if (names.length === 0) return [status, response];
    const reply = response as ResponseLike;
    return [status, { ...reply, headers: { ...(reply.headers ?? {}), ...headerRefs(names) } }];
  }));
}

export function defineRoute<const R extends DeclaredRoute>(config: R) {
  const { access, location, ...route } = config;
  const hasPathParams = route.path.includes('{');
  const isUpdate = route.method === 'patch' || route.method === 'put' || route.method === 'delete';
  const middleware: MiddlewareHandler<ApiEnv>[] = [authorize(access)];
  const declaredResponses = route.responses as Record<string, unknown>;
  if (route.method === 'get') {
    middleware.push(conditionalGet());
    if (jsonSchemaOf(declaredResponses[200])) registerReadRoute({ path: route.path, replySchema: jsonSchemaOf(declaredResponses[200]) });
  }
  // Outside idempotency, so a replayed 201 gets its Location too.
  if (route.method === 'post' && declaredResponses[201]) middleware.push(createdLocation(route.path, jsonSchemaOf(declaredResponses[201]), location));
  if (route.method === 'post') middleware.push(idempotency());
  const singleRead = isSingleResourceRead(route.method, declaredResponses);
  const errorResponses = {
    400: problemResponse('Invalid input (per-field errors) / 輸入不正確'),
    ...(access.plane === 'public' ? {} : { 401: problemResponse('Missing, invalid, expired or revoked credential / 憑證無效'), 403: problemResponse(`Role or scope not allowed; may call: ${access.roles.join(', ')}${access.integrationScope ? ` (integration scope ${access.integrationScope})` : ''} / 權限不足`) }),
    ...(hasPathParams ? { 404: problemResponse('Not found / 找不到') } : {}),
    ...(isUpdate ? { 412: problemResponse('ETag does not match / ETag 不符'), 428: problemResponse('If-Match required / 須附 If-Match') } : {}),
    ...(singleRead ? { 304: { description: 'Not modified: If-None-Match names the current ETag; no body / 未變更', headers: headerRefs(['ETag']) } } : {}),
    413: problemResponse('Body too large / 內容過大'),
    ...(route.method === 'post' || isUpdate ? { 409: problemResponse('Conflicts with the resource state / 狀態衝突'), 415: problemResponse('Unsupported media type') } : {}),
    422: problemResponse('Breaks a rule / 違反規則'),
    429: { $ref: `#/components/responses/${access.plane === 'public' ? 'TooManyFailedAttempts' : 'RateLimited'}` },
    500: problemResponse('Internal error / 系統錯誤'),
  };
  const headers = route.method === 'post'
    ? { parameters: [{ name: 'Idempotency-Key', in: 'header' as const, required: false, schema: { type: 'string' as const, minLength: 8, maxLength: 200 }, description: 'Retries with the same key and body return the first response (24 h)' }] }
    : isUpdate
      ? { parameters: [{ name: 'If-Match', in: 'header' as const, required: true, schema: { type: 'string' as const }, description: 'The ETag of the version being changed' }] }
      : singleRead
        ? { parameters: [{ name: 'If-None-Match', in: 'header' as const, required: false, schema: { type: 'string' as const }, description: 'ETags you hold (or `*`); the answer is 304 without a body when one is current (weak comparison)' }] }
        : {};
  // The operationId is added to the document at build time (./openApiDocument.ts).
  return createRoute({
    ...route,
    ...headers,
    ...(access.plane === 'public' ? { security: [] } : { security: [{ bearerAuth: [] }] }),
    'x-access': { plane: access.plane, roles: [...access.roles], ...(access.integrationScope ? { integrationScope: access.integrationScope } : {}) },
    responses: { ...errorResponses, ...withConventionHeaders(route.method, access.plane !== 'public', declaredResponses) },
    middleware,
  } as unknown as R & { middleware: MiddlewareHandler<ApiEnv>[] });
}

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

type RouteRequest = NonNullable<RouteConfig['request']>;
type JsonReply = readonly [schema: z.ZodType, description: string];
type BodyConfig = { required?: boolean; content: Record<string, { schema: unknown }> };

/**
 * A route in one line: request parts by name (`params`, `query`, `body` as a zod schema or a full
 * body config), an optional `description`, and replies by status — `[schema, description]` for JSON,
 * or a full response config for other media types.
 */
export type RouteSpec = {
  params?: NonNullable<RouteRequest['params']>;
  query?: NonNullable<RouteRequest['query']>;
  body?: z.ZodType | BodyConfig;
  description?: string;
  /**
   * Only for a 201 whose Location cannot be derived (functions/http/location.ts): the GET path
   * the created records are read at, e.g. an import's `/v1/personal-data-files`.
   */
  location?: string;
} & { [status: number]: JsonReply | RouteConfig['responses'][string] };

type RequestOf<S extends RouteSpec> = Pick<S, Extract<keyof S, 'params' | 'query'>> &
  (S extends { body: infer B } ? { body: B extends z.ZodType ? { required: true; content: { 'application/json': { schema: B } } } : B } : unknown);

type ResponsesOf<S extends RouteSpec> = {
  [K in keyof S as K extends number ? K : never]: S[K] extends readonly [infer T extends z.ZodType, string] ? { description: string; content: { 'application/json': { schema: T } } } : Extract<S[K], RouteConfig['responses'][string]>;
};

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

function declareRoute<M extends Method, P extends string, const S extends RouteSpec>(
  method: M, path: P, tags: string[], access: AccessPolicy, summary: string, spec: S,
) {
  const { params, query, body, description, location, ...replies } = spec;
  const request = {
    ...(params ? { params } : {}),
    ...(query ? { query } : {}),
    ...(body ? { body: body instanceof z.ZodType ? jsonBody(body) : body } : {}),
  };
  const responses = Object.fromEntries(
    Object.entries(replies).map(([status, reply]) => [status, Array.isArray(reply) ? jsonContent(reply[0], reply[1]) : reply]),
  );
  return defineRoute({
    method, path, tags, summary,
    ...(description ? { description } : {}),
    ...(location ? { location } : {}),
    access,
    ...(Object.keys(request).length ? { request } : {}),
    responses,
  } as unknown as { method: M; path: P; tags: string[]; summary: string; access: AccessPolicy; location?: string; request: RequestOf<S>; responses: ResponsesOf<S> });
}

/**
 * An area's route table: `route.post(path, access, 'zh-TW / en summary', { body, 201: [view, 'what it is'] })`.
 * The tags are the area's; everything else (auth, idempotency, shared problem responses) comes from defineRoute.
 */
export function routeTable(tags: readonly string[]) {
  const declare = <M extends Method>(method: M) =>
    <P extends string, const S extends RouteSpec>(path: P, access: AccessPolicy, summary: string, spec: S) =>
      declareRoute(method, path, [...tags], access, summary, spec);
  return { get: declare('get'), post: declare('post'), put: declare('put'), patch: declare('patch'), delete: declare('delete') };
}
