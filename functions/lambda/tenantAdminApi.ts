/** Lambda: A tenant's own profile, API keys and audit trail. */
import { tenantAdminGroup } from '../apps/groups/tenantAdmin';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('tenantAdmin', tenantAdminGroup);
