/**
 * A Lambda serving some API areas: the same Hono app as the local server (hono's aws-lambda
 * adapter) inside @middy/core with the Powertools logger's context injection.
 */
// First: zod schemas built after this import get .openapi() (see test/setup/zodOpenApi.ts).
import '@hono/zod-openapi';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { handle } from 'hono/aws-lambda';
import type { Context } from 'aws-lambda';
import { createApiApp } from '../http/app';
import type { ApiArea } from '../http/app';
import type { ApiEnv } from '../http/context';
import type { AppDeps } from '../http/appDeps';
import { createAwsDeps, type AwsDepsOptions } from '../runtime/awsDeps';
import { powertoolsLogger } from '../runtime/logger';

/** `ports` adds what only some groups use (the inspection-pack builds), so other bundles do not carry it. */
export function createAreaHandler(group: string, areas: readonly ApiArea[], options: AwsDepsOptions = {}, ports: Pick<AppDeps, 'inspectionPackBuilds'> = {}) {
  const logger = powertoolsLogger(`pdpa-${group}`);
  let app: Promise<OpenAPIHono<ApiEnv>> | undefined;
  type LambdaEvent = Parameters<ReturnType<typeof handle>>[0];
  const handler = async (event: LambdaEvent, context: Context) => {
    // Built once per cold start; the secret and clients are reused across invocations.
    app ??= createAwsDeps(logger, options).then((deps) => createApiApp(Object.assign(deps, ports), areas));
    return handle(await app)(event, context);
  };
  return middy(handler).use(injectLambdaContext(logger.raw, { resetKeys: true }));
}
