// zod 4 schemas get `.openapi()` only if @hono/zod-openapi extended zod before they were built;
// load it before any test module (the entry points do the same as their first import).
import '@hono/zod-openapi';
