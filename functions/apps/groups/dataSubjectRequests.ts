/** Area group `dataSubjectRequests`: Data-subject requests with statutory deadlines (the public form is ./dataSubjectRequestPublic.ts). */
import { dataSubjectRequestsArea } from '../../dataSubjectRequests/routes';
import type { ApiArea } from '../../http/app';

export const dataSubjectRequestsGroup: readonly ApiArea[] = [dataSubjectRequestsArea];
