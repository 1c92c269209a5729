/** Lambda: Personal-data inventory and risk assessment. */
import { inventoryGroup } from '../apps/groups/inventory';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('inventory', inventoryGroup);
