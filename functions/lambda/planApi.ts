/** Lambda: The security maintenance plan: versions, completeness, obligations, documents. */
import { planGroup } from '../apps/groups/plan';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('plan', planGroup);
