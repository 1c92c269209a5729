/** Area group `platform`: Tenant onboarding, lifecycle, the legal calendar and regimes, the control-plane audit trail and operator review sweeps — and the API reference (/openapi.json, /docs, /problems/), which API Gateway sends to this Lambda. */
import { platformAuditArea } from '../../audit/routes';
import { legalCalendarArea } from '../../platform/legalCalendarRoutes';
import { platformArea } from '../../platform/routes';
import { platformReviewsArea } from '../../reviews/routes';
import type { ApiArea } from '../../http/app';
import { apiReferenceArea } from '../../http/apiReference';

export const platformGroup: readonly ApiArea[] = [platformArea, legalCalendarArea, platformAuditArea, platformReviewsArea, apiReferenceArea];
