/** Lambda: Vendor self-assessment answered with a single-use token (no credential). */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { vendorQuestionnairePublicGroup } from '../apps/groups/vendorQuestionnairePublic';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('vendorQuestionnairePublic', vendorQuestionnairePublicGroup);
