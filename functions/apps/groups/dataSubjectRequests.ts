/** Area group `dataSubjectRequests`: Data-subject requests with statutory deadlines. */
import { dataSubjectRequestsArea } from '../../dataSubjectRequests/routes';
import { dataSubjectRequestPublicIntakeArea } from '../../dataSubjectRequests/publicIntakeRoutes';
import type { ApiArea } from '../../http/app';

export const dataSubjectRequestsGroup: readonly ApiArea[] = [dataSubjectRequestsArea, dataSubjectRequestPublicIntakeArea];
