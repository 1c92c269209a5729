/** Lambda: Vendor oversight (officer side). */
import { vendorsGroup } from '../apps/groups/vendors';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('vendors', vendorsGroup);
