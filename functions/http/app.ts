/**
 * The HTTP API as one Hono app. The local server mounts it whole; each Lambda mounts the areas
 * it serves — the same routes and rules, never written twice.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Hook } from '@hono/zod-openapi';
import { newId } from '../store/ids';
import { refreshLegalData } from '../store/legalDataRecords';
import type { AppDeps } from './appDeps';
import type { ApiEnv } from './context';
import { localeFromAcceptLanguage } from './locale';
import { ApiProblem, problemOfApplicationError, renderProblem } from './problem';
import { fieldErrorsFromZod } from './zodIssues';
import { BODY_SHAPE_LIMITS, bodyShapeViolation, type BodyShapeViolation } from './bodyShape';
import { consoleCors, consoleOriginsFromEnv } from './cors';
import { registerResponseHeaders } from './route';

export interface ApiArea {
  name: string;
  register(app: OpenAPIHono<ApiEnv>): void;
}


const validationHook: Hook<unknown, ApiEnv, string, unknown> = (result) => {
  if (!result.success) {
    const prefix = result.target === 'json' ? '' : result.target === 'param' ? 'path' : result.target;
    throw new ApiProblem('validationError', { errors: fieldErrorsFromZod(result.error, prefix) });
  }
};

function bodyShapeProblem(violation: BodyShapeViolation): ApiProblem {
  const reasons: Record<BodyShapeViolation, { zhTW: string; en: string }> = {
    depth: { zhTW: `巢狀層數超過 ${BODY_SHAPE_LIMITS.maxDepth} 層`, en: `Nested deeper than ${BODY_SHAPE_LIMITS.maxDepth} levels` },
    arrayLength: { zhTW: `陣列元素超過 ${BODY_SHAPE_LIMITS.maxArrayLength} 個`, en: `An array has more than ${BODY_SHAPE_LIMITS.maxArrayLength} elements` },
    stringLength: { zhTW: `字串長度超過 ${BODY_SHAPE_LIMITS.maxStringLength} 字元`, en: `A string is longer than ${BODY_SHAPE_LIMITS.maxStringLength} characters` },
  };
  return new ApiProblem('bodyTooComplex', { code: violation, detail: reasons[violation], errors: [{ field: '(body)', reason: reasons[violation] }] });
}

function problemOfHttpException(error: Error): ApiProblem | undefined {
  if (!(error instanceof HTTPException)) return undefined;
  if (error.status === 400) return new ApiProblem('malformedJson', { detail: { zhTW: '請求內容不是有效的 JSON', en: 'The request body is not valid JSON' } });
  if (error.status === 415) return new ApiProblem('unsupportedMediaType', { detail: { zhTW: '請以 Content-Type: application/json 傳送', en: 'Send Content-Type: application/json' } });
  if (error.status === 413) return new ApiProblem('payloadTooLarge');
  return undefined;
}

export function createApiApp(deps: AppDeps, areas: readonly ApiArea[]): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('requestId', newId('req'));
    c.set('locale', localeFromAcceptLanguage(c.req.header('accept-language')));
    c.set('deps', deps);
    c.set('idempotency', undefined);
    await next();
    c.header('X-Request-Id', c.get('requestId'));
    c.header('Content-Language', c.get('locale'));
    deps.logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      // The route pattern, not the path: paths carry ids and, for public questionnaire links, tokens.
      route: c.req.routePath,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      tenantId: c.get('tenant')?.tenantId,
      actorId: c.get('principal')?.actorId,
    });
  });

  // CORS only for the configured console origins; before everything else so preflights and problems carry it.
  app.use('*', consoleCors(deps.config.consoleOrigins ?? consoleOriginsFromEnv()));

  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: deps.config.bodyLimitBytes,
      onError: () => {
        throw new ApiProblem('payloadTooLarge', { detail: { zhTW: `上限 ${deps.config.bodyLimitBytes} 位元組`, en: `The limit is ${deps.config.bodyLimitBytes} bytes` } });
      },
    }),
  );

  // Bound the body's shape before anything walks it (idempotency fingerprint, validators).
  app.use('/v1/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && (c.req.header('content-type') ?? '').toLowerCase().includes('json')) {
      const violation = bodyShapeViolation(await c.req.text());
      if (violation) throw bodyShapeProblem(violation);
    }
    await next();
  });

  // The operator's legal data (calendar years, declared closures, the 2025 amendment) in effect
  // for this request's deadlines; read at most once a minute (store/legalDataRecords.ts).
  app.use('/v1/*', async (c, next) => {
    const warn = (error: unknown) => deps.logger.warn('legal data not refreshed', { requestId: c.get('requestId'), error: error instanceof Error ? error.message : String(error) });
    try {
      await refreshLegalData(deps.controlPlane, deps.clock(), warn);
    } catch (error) {
      warn(error);
    }
    await next();
  });

  app.onError((error, c) => {
    let problem = problemOfApplicationError(error) ?? problemOfHttpException(error);
    if (!problem) {
      deps.logger.error('unhandled error', { requestId: c.get('requestId'), error: error.name, message: error.message, stack: error.stack });
      problem = new ApiProblem('internalError', { detail: { zhTW: `請提供請求編號 ${c.get('requestId')} 給客服`, en: `Quote request id ${c.get('requestId')} to support` } });
    }
    const body = renderProblem(problem, c.get('locale') ?? 'zh-TW', { instance: new URL(c.req.url).pathname, requestId: c.get('requestId'), baseUrl: deps.config.publicBaseUrl });
    const headers: Record<string, string> = { 'Content-Type': 'application/problem+json; charset=utf-8' };
    if (problem.options.retryAfterSeconds !== undefined) headers['Retry-After'] = String(problem.options.retryAfterSeconds);
    return c.body(JSON.stringify(body), problem.status as 400, headers);
  });

  // Paths the app serves, with their methods: a known path called with another method is a 405.
  let routeMethods: { pattern: RegExp; method: string }[] | undefined;
  const allowedMethods = (path: string): string[] => {
    routeMethods ??= app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => ({ pattern: new RegExp(`^${route.path.replace(/:[^/]+/g, '[^/]+').replace(/\*/g, '.*')}$`), method: route.method }));
    return [...new Set(routeMethods.filter((route) => route.pattern.test(path)).map((route) => route.method))].sort();
  };

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const allowed = allowedMethods(path);
    const problem = allowed.length > 0
      ? new ApiProblem('methodNotAllowed', { detail: { zhTW: `此端點僅支援 ${allowed.join(', ')}`, en: `This endpoint supports ${allowed.join(', ')}` } })
      : new ApiProblem('notFound', { detail: { zhTW: '沒有這個端點', en: 'No such endpoint' } });
    const body = renderProblem(problem, c.get('locale') ?? 'zh-TW', { instance: path, requestId: c.get('requestId'), baseUrl: deps.config.publicBaseUrl });
    const headers: Record<string, string> = { 'Content-Type': 'application/problem+json; charset=utf-8' };
    if (allowed.length > 0) headers.Allow = allowed.join(', ');
    return c.body(JSON.stringify(body), problem.status as 404, headers);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'API key (`pdpa_…`, shown once at creation) or an OIDC JWT (RS256) from the configured identity provider.',
  });

  registerResponseHeaders(app);
  for (const area of areas) area.register(app);
  return app;
}
