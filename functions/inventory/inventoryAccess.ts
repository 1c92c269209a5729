/** Who may call the inventory routes (./routes.ts and the workbook Lambda's ./workbookRoutes.ts). */
import { READ_ROLES, WRITE_ROLES, type Role } from '../../domain/access/roles';

/** Integrations (e.g. an HR system) may read and keep the inventory in sync, nothing more. */
export const inventoryRead = { plane: 'tenant', roles: [...READ_ROLES, 'integration'] as readonly Role[], integrationScope: 'inventory:read' } as const;
export const inventoryWrite = { plane: 'tenant', roles: [...WRITE_ROLES, 'integration'] as readonly Role[], integrationScope: 'inventory:write' } as const;
