/**
 * Area group `incidents`: Incidents (the 72-hour clock, notifications, corrective actions, drills)
 * and compliance assessments, whose findings take the same corrective actions, with the evidence
 * (files hash-checked and kept five years) that answers and incidents refer to.
 */
import { assessmentsArea } from '../../assessments/routes';
import { evidenceArea } from '../../evidence/routes';
import { incidentsArea } from '../../incidents/routes';
import { inspectionPacksArea } from '../../inspectionPacks/routes';
import { trainingArea } from '../../training/routes';
import type { ApiArea } from '../../http/app';

export const incidentsGroup: readonly ApiArea[] = [incidentsArea, assessmentsArea, evidenceArea, trainingArea, inspectionPacksArea];
