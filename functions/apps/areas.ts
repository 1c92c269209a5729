/**
 * The API areas, by the Lambda that serves them in AWS (functions/lambda/<group>Api.ts imports
 * only its own group, so each bundle carries only its area). The local server serves all groups.
 * A new area is a module under functions/<area>/ added to a group in ./groups/.
 */
import { platformGroup } from './groups/platform';
import { tenantAdminGroup } from './groups/tenantAdmin';
import { planGroup } from './groups/plan';
import { inventoryGroup } from './groups/inventory';
import { inventoryWorkbookGroup } from './groups/inventoryWorkbook';
import { vendorsGroup } from './groups/vendors';
import { vendorQuestionnairePublicGroup } from './groups/vendorQuestionnairePublic';
import { dataSubjectRequestsGroup } from './groups/dataSubjectRequests';
import { dataSubjectRequestPublicGroup } from './groups/dataSubjectRequestPublic';
import { incidentsGroup } from './groups/incidents';
import { assessmentsGroup } from './groups/assessments';
import { reviewsGroup } from './groups/reviews';
import { webhooksGroup } from './groups/webhooks';
import type { ApiArea } from '../http/app';

export const areaGroups = {
  platform: platformGroup,
  tenantAdmin: tenantAdminGroup,
  plan: planGroup,
  inventory: inventoryGroup,
  inventoryWorkbook: inventoryWorkbookGroup,
  vendors: vendorsGroup,
  vendorQuestionnairePublic: vendorQuestionnairePublicGroup,
  dataSubjectRequests: dataSubjectRequestsGroup,
  dataSubjectRequestPublic: dataSubjectRequestPublicGroup,
  incidents: incidentsGroup,
  assessments: assessmentsGroup,
  reviews: reviewsGroup,
  webhooks: webhooksGroup,
} satisfies Record<string, readonly ApiArea[]>;

export type AreaGroup = keyof typeof areaGroups;

export const allAreas: readonly ApiArea[] = Object.values(areaGroups).flat();
