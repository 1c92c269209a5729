/** Area group `vendors`: Vendor oversight (officer side). */
import { vendorsArea } from '../../vendors/routes';
import type { ApiArea } from '../../http/app';

export const vendorsGroup: readonly ApiArea[] = [vendorsArea];
