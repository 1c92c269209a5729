/** Lambda: Data-subject requests with statutory deadlines (sends no mail: the public form is dataSubjectRequestPublicApi). */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { dataSubjectRequestsGroup } from '../apps/groups/dataSubjectRequests';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('dataSubjectRequests', dataSubjectRequestsGroup);
