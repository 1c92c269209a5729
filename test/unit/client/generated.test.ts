/**
 * The committed client types are what openapi-typescript makes of the committed OpenAPI document:
 * regenerated in memory and compared byte for byte (run `npm run client`, or `npm run openapi`,
 * after the document changes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_SCHEMA_PATH, generateClientSchema } from '../../../openapi/client/tools/generateSchema';

const root = join(import.meta.dirname, '../../..');

describe('openapi/client/schema.d.ts', () => {
  it('matches the committed OpenAPI document (run `npm run client`)', async () => {
    const document = JSON.parse(readFileSync(join(root, 'openapi/openapi.json'), 'utf8')) as Record<string, unknown>;
    const committed = readFileSync(join(root, CLIENT_SCHEMA_PATH), 'utf8');
    const regenerated = await generateClientSchema(document);
    // Compare sizes first: a diff of two 1 MB strings is unreadable.
    expect(committed.length, 'schema.d.ts is stale: run `npm run client`').toBe(regenerated.length);
    expect(committed === regenerated, 'schema.d.ts is stale: run `npm run client`').toBe(true);
  }, 60_000);

  it('has every operation of the document, and leaves If-Match for the client to fill', async () => {
    const document = JSON.parse(readFileSync(join(root, 'openapi/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, { operationId?: string }>> };
    const committed = readFileSync(join(root, CLIENT_SCHEMA_PATH), 'utf8');
    const operationIds = Object.values(document.paths).flatMap((item) => Object.values(item).map((operation) => operation.operationId).filter(Boolean));
    expect(operationIds.length).toBeGreaterThan(100);
    for (const operationId of operationIds) expect(committed).toContain(`    ${operationId}: {`);
    expect(committed).toContain('"If-Match"?: string;');
    expect(committed).not.toContain('"If-Match": string;');
  });
});
