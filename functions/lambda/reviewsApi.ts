/** Lambda: Duties, review tasks, compliance calendar and summary. */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { reviewsGroup } from '../apps/groups/reviews';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('reviews', reviewsGroup);
