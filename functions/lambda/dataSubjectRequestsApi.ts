/** Lambda: Data-subject requests with statutory deadlines. */
import { dataSubjectRequestsGroup } from '../apps/groups/dataSubjectRequests';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('dataSubjectRequests', dataSubjectRequestsGroup);
