/** Lambda: a tenant's own profile, API keys and audit trail. */
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('tenantAdmin');
