/** Area group `reviews`: Duties, review tasks, compliance calendar and summary. */
import { reviewsArea } from '../../reviews/routes';
import type { ApiArea } from '../../http/app';

export const reviewsGroup: readonly ApiArea[] = [reviewsArea];
