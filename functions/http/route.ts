/**
 * Every endpoint is declared with defineRoute: its zod schemas (validation, types and the
 * OpenAPI document in one), who may call it (`access`, also published as `x-access`), and the
 * problem responses every route shares. Authentication and authorisation run before input
 * validation, so an anonymous caller learns nothing about the input shape.
 */
import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { decideAccess, type AccessPolicy, type Role } from '../../domain/access/roles';
import { parseApiKey } from '../crypto/apiKeyCredentials';
import { authenticate, INVALID_CREDENTIAL, loadTenantScope } from './authenticate';
import { authThrottleOf, clientAddressOf } from './authThrottle';
import type { ApiEnv } from './context';
import { idempotency } from './idempotency';
import { operationIdOf } from './operationIds';
import { ApiProblem } from './problem';

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

type DeclaredRoute = Omit<RouteConfig, 'middleware' | 'security'> & { access: AccessPolicy };

export function defineRoute<const R extends DeclaredRoute>(config: R) {
  const { access, ...route } = config;
  const hasPathParams = route.path.includes('{');
  const isUpdate = route.method === 'patch' || route.method === 'put' || route.method === 'delete';
  const middleware: MiddlewareHandler<ApiEnv>[] = [authorize(access)];
  if (route.method === 'post') middleware.push(idempotency());
  const errorResponses = {
    400: problemResponse('Invalid input (per-field errors) / 輸入不正確'),
    ...(access.plane === 'public' ? {} : { 401: problemResponse('Missing, invalid, expired or revoked credential / 憑證無效'), 403: problemResponse(`Role or scope not allowed; may call: ${access.roles.join(', ')}${access.integrationScope ? ` (integration scope ${access.integrationScope})` : ''} / 權限不足`) }),
    ...(hasPathParams ? { 404: problemResponse('Not found / 找不到') } : {}),
    ...(isUpdate ? { 412: problemResponse('ETag does not match / ETag 不符'), 428: problemResponse('If-Match required / 須附 If-Match') } : {}),
    413: problemResponse('Body too large / 內容過大'),
    ...(route.method === 'post' || isUpdate ? { 409: problemResponse('Conflicts with the resource state / 狀態衝突'), 415: problemResponse('Unsupported media type') } : {}),
    422: problemResponse('Breaks a rule / 違反規則'),
    500: problemResponse('Internal error / 系統錯誤'),
  };
  const headers = route.method === 'post'
    ? { parameters: [{ name: 'Idempotency-Key', in: 'header' as const, required: false, schema: { type: 'string' as const, minLength: 8, maxLength: 200 }, description: 'Retries with the same key and body return the first response (24 h)' }] }
    : isUpdate
      ? { parameters: [{ name: 'If-Match', in: 'header' as const, required: true, schema: { type: 'string' as const }, description: 'The ETag of the version being changed' }] }
      : {};
  const operationId = operationIdOf(route.method, route.path);
  return createRoute({
    ...route,
    ...(operationId ? { operationId } : {}),
    ...headers,
    ...(access.plane === 'public' ? { security: [] } : { security: [{ bearerAuth: [] }] }),
    'x-access': { plane: access.plane, roles: [...access.roles], ...(access.integrationScope ? { integrationScope: access.integrationScope } : {}) },
    responses: { ...errorResponses, ...route.responses },
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
  const { params, query, body, description, ...replies } = spec;
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
    access,
    ...(Object.keys(request).length ? { request } : {}),
    responses,
  } as unknown as { method: M; path: P; tags: string[]; summary: string; access: AccessPolicy; request: RequestOf<S>; responses: ResponsesOf<S> });
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
