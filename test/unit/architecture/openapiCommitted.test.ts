/** The committed OpenAPI document must be exactly what the code generates. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMITTED_OPENAPI_PATH, serializeOpenApiDocument } from '../../../functions/apps/openapiDocument';

describe('openapi/openapi.json', () => {
  it('matches the routes (run `npm run openapi` after changing an endpoint)', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../..', COMMITTED_OPENAPI_PATH), 'utf8');
    expect(committed).toBe(serializeOpenApiDocument());
  });

  it('is OpenAPI 3.1 with bearer security and problem responses', () => {
    const document = JSON.parse(serializeOpenApiDocument());
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.bearerAuth.scheme).toBe('bearer');
    expect(document.components.schemas.Problem).toBeDefined();
  });
});
