/** Lambda: the inventory table as a file (CSV/XLSX export and import). */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { inventoryWorkbookGroup } from '../apps/groups/inventoryWorkbook';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('inventoryWorkbook', inventoryWorkbookGroup);
