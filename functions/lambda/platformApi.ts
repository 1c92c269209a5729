/** Lambda: Tenant onboarding, lifecycle, the control-plane audit trail and operator review sweeps. */
import { platformGroup } from '../apps/groups/platform';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('platform', platformGroup);
