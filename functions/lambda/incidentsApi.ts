/** Lambda: Incidents: the 72-hour clock, notifications, corrective actions, drills. */
import { incidentsGroup } from '../apps/groups/incidents';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('incidents', incidentsGroup);
