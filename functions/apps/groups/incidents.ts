/** Area group `incidents`: Incidents (the 72-hour clock, notifications, corrective actions, drills). */
import { incidentsArea } from '../../incidents/routes';
import type { ApiArea } from '../../http/app';

export const incidentsGroup: readonly ApiArea[] = [incidentsArea];
