/** Area group `platform`: Tenant onboarding, lifecycle, the control-plane audit trail and operator review sweeps. */
import { platformAuditArea } from '../../audit/routes';
import { platformArea } from '../../platform/routes';
import { platformReviewsArea } from '../../reviews/routes';
import type { ApiArea } from '../../http/app';

export const platformGroup: readonly ApiArea[] = [platformArea, platformAuditArea, platformReviewsArea];
