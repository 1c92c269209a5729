/**
 * What a Lambda gets for `@asteasolutions/zod-to-openapi` (aliased in infra/lambdaBundling.ts).
 *
 * The OpenAPI document is generated at build time (`npm run openapi` → openapi/openapi.json,
 * served as a file by the docs Lambda), so at run time the routes' `.openapi(…)` metadata and the
 * registry are never read. The real package clones a schema on every `.openapi()` call while the
 * modules load and carries the generators (29 KiB minified); here `.openapi()` returns the schema
 * itself and the registry records nothing. Validation is untouched: @hono/zod-openapi still runs
 * its own validators (zValidator) with the same zod schemas, exactly as in the tests.
 */

/** A registry that records nothing: route, component and webhook docs are a build-time concern. */
export class OpenAPIRegistry {
  constructor() {
    this.definitions = [];
  }
  register(_refId, schema) {
    return schema;
  }
  registerParameter(_refId, schema) {
    return schema;
  }
  registerPath() {}
  registerWebhook() {}
  registerComponent(type, name, component) {
    return { name, ref: { $ref: `#/components/${type}/${name}` }, component };
  }
}

class DocumentIsBuiltAtBuildTime {
  constructor() {
    throw new Error('The OpenAPI document is built at build time (npm run openapi → openapi/openapi.json), not in a Lambda');
  }
}

export const OpenApiGeneratorV3 = DocumentIsBuiltAtBuildTime;
export const OpenApiGeneratorV31 = DocumentIsBuiltAtBuildTime;
export const OpenApiGeneratorV32 = DocumentIsBuiltAtBuildTime;

/** `.openapi(…)` for every zod schema: documentation only, so the schema itself. */
export function extendZodWithOpenApi(zod) {
  if (typeof zod.ZodType.prototype.openapi !== 'undefined') return;
  zod.ZodType.prototype.openapi = function openapi() {
    return this;
  };
}

export function getOpenApiMetadata() {
  return {};
}

export function getRefId() {
  return undefined;
}
