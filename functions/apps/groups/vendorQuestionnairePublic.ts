/** Area group `vendorQuestionnairePublic`: Vendor self-assessment answered with a single-use token (no credential). */
import { vendorQuestionnairePublicArea } from '../../vendors/routes';
import type { ApiArea } from '../../http/app';

export const vendorQuestionnairePublicGroup: readonly ApiArea[] = [vendorQuestionnairePublicArea];
