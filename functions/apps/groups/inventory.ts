/** Area group `inventory`: Personal-data inventory and risk assessment. */
import { inventoryArea } from '../../inventory/routes';
import { riskArea } from '../../risk/routes';
import type { ApiArea } from '../../http/app';

export const inventoryGroup: readonly ApiArea[] = [inventoryArea, riskArea];
