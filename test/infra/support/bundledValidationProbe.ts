/**
 * Bundled by test/infra/lambdaRuntimeOpenApi.test.ts with the Lambda esbuild options: a route
 * declared the way every area declares one (createRoute, zod schemas with `.openapi()` metadata,
 * a defaultHook), to show that in a Lambda bundle validation still works and the OpenAPI metadata
 * is inert.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';

const requester = z.object({ name: z.string().min(1), email: z.email() }).openapi('ProbeRequester', { description: 'documentation only' });
const body = z.object({ requester, items: z.array(z.enum(['inquiry', 'copy'])).min(1) }).openapi({ example: { requester: { name: 'a', email: 'a@example.com' }, items: ['inquiry'] } });

const app = new OpenAPIHono({
  defaultHook: (result, c) => (result.success ? undefined : c.json({ fields: result.error.issues.map((issue) => issue.path.join('.')) }, 400)),
});
app.openapi(
  createRoute({ method: 'post', path: '/probe/{probeId}', request: { params: z.object({ probeId: z.string().regex(/^p-\d+$/) }), body: { required: true, content: { 'application/json': { schema: body } } } }, responses: { 201: { description: 'ok' } } }),
  (c) => c.json({ probeId: c.req.valid('param').probeId, items: c.req.valid('json').items }, 201),
);

export const probe = {
  /** `.openapi()` handed back the schema itself (the build-time generator is not in the bundle). */
  metadataIsInert: requester.openapi({ description: 'again' }) === requester,
  request: (path: string, payload: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }),
  documentGeneration: () => {
    try {
      app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'probe', version: '0' } });
      return 'generated';
    } catch (error) {
      return (error as Error).message;
    }
  },
};
