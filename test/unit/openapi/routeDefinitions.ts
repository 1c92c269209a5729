/** The routes the whole API registers, with their zod schemas, and the published description. */
import type { RouteConfig } from '@hono/zod-openapi';
import type { z } from 'zod';
import { buildOpenApiDocument } from '../../../functions/apps/openapiDocument';
import { allAreas } from '../../../functions/apps/areas';
import { createApiApp } from '../../../functions/http/app';
import type { AppDeps } from '../../../functions/http/appDeps';

const inertDeps = new Proxy({} as AppDeps, {
  get(_target, property) {
    if (property === 'config') return { publicBaseUrl: 'http://localhost:3000', consoleBaseUrl: '', bodyLimitBytes: 1024 * 1024 };
    if (property === 'logger') return { info() {}, warn() {}, error() {} };
    throw new Error(`deps.${String(property)} used while only registering routes`);
  },
});

export function registeredRoutes(): RouteConfig[] {
  const app = createApiApp(inertDeps, allAreas);
  return app.openAPIRegistry.definitions.flatMap((definition) => (definition.type === 'route' ? [definition.route] : []));
}

type Media = { schema?: unknown; example?: unknown };
export type DescribedOperation = {
  operationId?: string;
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
};

export function describedOperations(): Map<string, DescribedOperation> {
  const document = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, DescribedOperation>> };
  const operations = new Map<string, DescribedOperation>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) operations.set(`${method} ${path}`, operation);
  }
  return operations;
}

/** The zod schema of a route's JSON request body, if it has one. */
export function requestSchemaOf(route: RouteConfig): z.ZodType | undefined {
  const content = (route.request?.body as { content?: Record<string, { schema?: unknown }> } | undefined)?.content;
  return content?.['application/json']?.schema as z.ZodType | undefined;
}

/** The first 2xx status of a route and the zod schema of its JSON reply, if it has one. */
export function successSchemaOf(route: RouteConfig): { status: string; schema: z.ZodType | undefined } | undefined {
  const status = Object.keys(route.responses).filter((code) => code.startsWith('2')).sort()[0];
  if (!status) return undefined;
  const content = (route.responses[status] as { content?: Record<string, { schema?: unknown }> }).content;
  return { status, schema: content?.['application/json']?.schema as z.ZodType | undefined };
}
