/** `npm run openapi`: regenerates the committed OpenAPI document from the code. */
// First: zod schemas built after this import get .openapi() (see test/setup/zodOpenApi.ts).
import '@hono/zod-openapi';
import { writeFileSync } from 'node:fs';
import { COMMITTED_OPENAPI_PATH, serializeOpenApiDocument } from '../apps/openapiDocument';
import { writeClientSchema } from '../../openapi/client/tools/generateSchema';

writeFileSync(COMMITTED_OPENAPI_PATH, serializeOpenApiDocument());
console.log(`wrote ${COMMITTED_OPENAPI_PATH}`);
// The typed client's types come from the same document: regenerate them together.
await writeClientSchema();
