/** `npm run openapi`: regenerates the committed OpenAPI document from the code. */
import { writeFileSync } from 'node:fs';
import { COMMITTED_OPENAPI_PATH, serializeOpenApiDocument } from '../http/openapiDocument';

writeFileSync(COMMITTED_OPENAPI_PATH, serializeOpenApiDocument());
console.log(`wrote ${COMMITTED_OPENAPI_PATH}`);
