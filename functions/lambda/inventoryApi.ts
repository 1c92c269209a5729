/** Lambda: Personal-data inventory and risk assessment. */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { inventoryGroup } from '../apps/groups/inventory';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('inventory', inventoryGroup);
