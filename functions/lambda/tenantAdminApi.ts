/** Lambda: A tenant's own profile, API keys and audit trail. */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { tenantAdminGroup } from '../apps/groups/tenantAdmin';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('tenantAdmin', tenantAdminGroup);
