/** Area group `plan`: The security maintenance plan: versions, completeness, obligations, documents. */
import { planArea } from '../../plan/routes';
import type { ApiArea } from '../../http/app';

export const planGroup: readonly ApiArea[] = [planArea];
