/**
 * The clause ids of an entrustment contract, one vocabulary for the plan and vendor areas.
 * Enforcement Rules Art. 8 ¶2 items 1–6 are what a contract must settle: the plan's contract
 * template (§13 委外監督) lists them as `article8Items`. A vendor's contract checklist records
 * the same items, with item 2 (the processor's measures) split into the Art. 12 ¶2 measures:
 * `contractClauseIds`, each belonging to one item (`article8ItemOfClause`). Both are zod enums, so
 * the OpenAPI document lists every allowed id. The ids are stored as they were, so no plan or
 * contract on record changes.
 */
import { z } from 'zod';

export const article8Items = ['scopeAndPurpose', 'processorMeasures', 'subProcessing', 'breachNotificationAndRemedy', 'reservedInstructions', 'returnAndDeletion'] as const;
export type Article8Item = (typeof article8Items)[number];
export const article8ItemSchema = z.enum(article8Items).describe('Enforcement Rules Art. 8 ¶2 item (1–6) a contract must settle');

/** Rules Art. 12 ¶2: the 11 kinds of measures, in the order of the rule (item 1 … 11). */
export const processorMeasureIds = [
  'staffAndResources',
  'dataScope',
  'riskAssessment',
  'incidentResponse',
  'internalProcedures',
  'dataSecurityAndPersonnel',
  'awarenessTraining',
  'equipmentSecurity',
  'securityAudit',
  'logsAndEvidence',
  'continuousImprovement',
] as const;

export const contractClauseIds = [
  'scopeCategoriesPurposePeriod',
  ...processorMeasureIds.map((id) => `measures.${id}` as const),
  'measures.otherAgreedMatters',
  'subProcessors',
  'breachNotificationAndRemedies',
  'reservedInstructions',
  'returnAndDeletion',
] as const;
export type ContractClauseId = (typeof contractClauseIds)[number];
export const contractClauseIdSchema = z.enum(contractClauseIds).describe('Clause of the Enforcement Rules Art. 8 contract checklist');

/** The Art. 8 ¶2 item each checklist clause settles. */
export function article8ItemOfClause(clauseId: ContractClauseId): Article8Item {
  if (clauseId === 'scopeCategoriesPurposePeriod') return 'scopeAndPurpose';
  if (clauseId.startsWith('measures.')) return 'processorMeasures';
  if (clauseId === 'subProcessors') return 'subProcessing';
  if (clauseId === 'breachNotificationAndRemedies') return 'breachNotificationAndRemedy';
  return clauseId as 'reservedInstructions' | 'returnAndDeletion';
}
