/** Lambda: Vendor self-assessment answered with a single-use token (no credential). */
import { vendorQuestionnairePublicGroup } from '../apps/groups/vendorQuestionnairePublic';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('vendorQuestionnairePublic', vendorQuestionnairePublicGroup);
