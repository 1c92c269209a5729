/** Lambda: Duties, review tasks, compliance calendar and summary. */
import { reviewsGroup } from '../apps/groups/reviews';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('reviews', reviewsGroup);
