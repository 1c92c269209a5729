/**
 * Area group `incidents`: Incidents (the 72-hour clock, notifications, corrective actions, drills)
 * and compliance assessments, whose findings take the same corrective actions.
 */
import { assessmentsArea } from '../../assessments/routes';
import { incidentsArea } from '../../incidents/routes';
import type { ApiArea } from '../../http/app';

export const incidentsGroup: readonly ApiArea[] = [incidentsArea, assessmentsArea];
