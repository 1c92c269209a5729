/** Lambda: tenant onboarding, lifecycle and the control-plane audit trail (platform operators). */
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('platform');
