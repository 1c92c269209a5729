/** Area group `tenantAdmin`: A tenant's own profile, API keys and audit trail. */
import { auditArea } from '../../audit/routes';
import { keysArea } from '../../keys/routes';
import type { ApiArea } from '../../http/app';

export const tenantAdminGroup: readonly ApiArea[] = [keysArea, auditArea];
