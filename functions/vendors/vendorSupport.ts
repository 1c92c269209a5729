/** Who may read and change vendor oversight records. */
import { READ_ROLES, WRITE_ROLES, type AccessPolicy } from '../../domain/access/roles';

/** People who read compliance records, plus integrations holding the vendor:read scope. */
export const vendorReadAccess: AccessPolicy = { plane: 'tenant', roles: [...READ_ROLES, 'integration'], integrationScope: 'vendor:read' };
export const vendorWriteAccess: AccessPolicy = { plane: 'tenant', roles: WRITE_ROLES };
