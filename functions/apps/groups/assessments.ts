/**
 * Area group `assessments`: compliance assessments (the seed-003 and regulation catalogs, ~450 KB
 * of data), training records, evidence (files hash-checked and kept five years) and inspection
 * packs. Apart from incidents so neither Lambda carries the other's weight (catalogs and the S3
 * client here; the docx regulator form there).
 */
import { assessmentsArea } from '../../assessments/routes';
import { evidenceArea } from '../../evidence/routes';
import { inspectionPacksArea } from '../../inspectionPacks/routes';
import { trainingArea } from '../../training/routes';
import type { ApiArea } from '../../http/app';

export const assessmentsGroup: readonly ApiArea[] = [assessmentsArea, trainingArea, evidenceArea, inspectionPacksArea];
