/** API views of compliance assessments (zod schemas: validation, types and docs). */
import { correctiveActionViewSchemaOf } from '../correctiveActions/correctiveActionModel';
import { z } from '@hono/zod-openapi';
import {
  applicableItems,
  assessmentKinds,
  assessmentStatuses,
  auditorSchema,
  catalogIds,
  catalogSchema,
  consistencyWarnings,
  findingsOf,
  itemResults,
  progressOf,
  scoreOf,
  type ChecklistCatalog,
  type ItemComparison,
  type RecordFacts,
  type TenantCatalog,
} from '../../domain/assessment';
import { correctiveActionInputSchema, correctiveActionTransitionSchema } from '../../domain/correctiveAction';
import type { FindingCorrectiveAction, StoredAssessment } from './assessmentStore';

const localized = z.object({ zhTW: z.string(), en: z.string() });

// ------------------------------------------------------------------------------------- inputs

export const createAssessmentSchema = z
  .object({
    catalogId: z.enum(catalogIds).describe('One of the catalogs GET /v1/assessment-catalogs lists for the tenant'),
    kind: z.enum(assessmentKinds).describe('selfCheck, internalAudit, or thirdPartyAudit (auditor required)'),
    title: z.string().trim().min(1).max(200).optional().describe('e.g. 115年度個資自我檢查'),
    auditor: auditorSchema.optional().describe('Required for a third-party audit'),
  })
  .strict()
  .openapi('ComplianceAssessmentCreate');
export type CreateAssessmentInput = z.infer<typeof createAssessmentSchema>;

export const answerBodySchema = z
  .object({
    result: z.enum(itemResults).exclude(['notAnswered']).describe('notApplicable needs notApplicableReason'),
    notes: z.string().trim().max(2000).optional(),
    notApplicableReason: z.string().trim().max(1000).optional(),
    evidenceRefs: z.array(z.string().trim().min(1).max(300)).max(20).default([]).describe('Where the evidence is kept: document numbers, file paths, URLs'),
  })
  .strict()
  .openapi('ComplianceAssessmentAnswer');
export type AnswerBody = z.infer<typeof answerBodySchema>;

export const signOffBodySchema = z
  .object({ acknowledgeWarnings: z.boolean().default(false).describe('The signer has read the consistency warnings; they are kept with the sign-off') })
  .strict()
  .openapi('ComplianceAssessmentSignOff');

export const reopenBodySchema = z.object({ reason: z.string().trim().min(1).max(2000) }).strict().openapi('ComplianceAssessmentReopen');

export const findingActionBodySchema = z.object(correctiveActionInputSchema.shape).strict().openapi('FindingCorrectiveActionCreate');
export const findingActionTransitionBodySchema = z.object(correctiveActionTransitionSchema.shape).strict().openapi('FindingCorrectiveActionTransition');

export const listAssessmentsQuerySchema = z.object({ catalogId: z.enum(catalogIds).optional() });
export const comparisonQuerySchema = z.object({ with: z.string().regex(/^cas_[0-9a-z]{26}$/).describe('The other assessment (same catalog); shown as "before"') });

// -------------------------------------------------------------------------------------- views

export const catalogSummarySchema = z
  .object({
    catalogId: z.enum(catalogIds),
    title: localized,
    source: z.string(),
    regulation: z.string().nullable(),
    businessClass: z.enum(['I', 'II']).describe('The class the tenant answers as: class I sees only items marked 皆適用'),
    applicableItems: z.number().int(),
    baselineItems: z.number().int(),
  })
  .openapi('AssessmentCatalogSummary');

export const catalogViewSchema = catalogSchema.extend({ businessClass: z.enum(['I', 'II']), applicableItems: z.number().int() }).openapi('AssessmentCatalog');

const tallySchema = z.object({
  compliant: z.number().int(),
  partiallyCompliant: z.number().int(),
  nonCompliant: z.number().int(),
  notAnswered: z.number().int(),
  notApplicable: z.number().int(),
  score: z.number().nullable().describe('0–100: compliant 1, partial ½; baseline counts unanswered as 0, better practices only answered ones'),
});

export const answerViewSchema = z.object({
  itemNumber: z.string(),
  result: z.enum(itemResults),
  notes: z.string().optional(),
  notApplicableReason: z.string().optional(),
  evidenceRefs: z.array(z.string()),
  answeredBy: z.string(),
  answeredAt: z.string(),
});

export const warningViewSchema = z.object({
  code: z.enum(['COMPLIANT_WITHOUT_EVIDENCE', 'NOT_APPLICABLE_WITHOUT_REASON', 'BASELINE_UNANSWERED', 'CONTRADICTS_RECORD']),
  itemNumber: z.string(),
  message: localized,
  fact: z.string().optional().describe('The record fact the answer contradicts'),
});

export const assessmentSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    catalogId: z.enum(catalogIds),
    businessClass: z.enum(['I', 'II']),
    kind: z.enum(assessmentKinds),
    status: z.enum(assessmentStatuses),
    revision: z.number().int(),
    previousRevisionId: z.string().nullable(),
    createdAt: z.string(),
    signedOffAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('ComplianceAssessmentSummary');

export const assessmentViewSchema = assessmentSummarySchema
  .extend({
    auditor: auditorSchema.nullable(),
    reopenReason: z.string().nullable(),
    answers: z.array(answerViewSchema).describe('In catalog order'),
    progress: z.object({ answered: z.number().int(), applicable: z.number().int() }).describe('Not-applicable items leave both counts'),
    score: z.object({
      byGoal: z.array(z.object({ goalNumber: z.string(), title: z.string(), baseline: tallySchema, betterPractice: tallySchema })),
      overall: z.object({ baseline: tallySchema, betterPractice: tallySchema }),
    }),
    signedOff: z.object({ by: z.string(), at: z.string(), acknowledgedWarnings: z.array(warningViewSchema) }).nullable(),
  })
  .openapi('ComplianceAssessment');

export const warningsViewSchema = z
  .object({ assessmentId: z.string(), facts: z.record(z.string(), z.boolean()).describe('What other records say (unknown facts are left out)'), items: z.array(warningViewSchema) })
  .openapi('ComplianceAssessmentWarnings');

export const findingActionViewSchema = correctiveActionViewSchemaOf({ assessmentId: z.string(), itemNumber: z.string() })
  .openapi('FindingCorrectiveAction');

export const findingsViewSchema = z
  .object({
    assessmentId: z.string(),
    items: z.array(
      z.object({
        itemNumber: z.string(),
        goalNumber: z.string(),
        requirementNumber: z.string(),
        question: z.string(),
        practice: z.enum(['baseline', 'betterPractice']),
        result: z.enum(['nonCompliant', 'partiallyCompliant']),
        notes: z.string().optional(),
        correctiveActions: z.array(findingActionViewSchema),
      }),
    ),
  })
  .openapi('ComplianceAssessmentFindings');

export const comparisonViewSchema = z
  .object({
    catalogId: z.enum(catalogIds),
    before: assessmentSummarySchema,
    after: assessmentSummarySchema,
    counts: z.object({ same: z.number().int(), improved: z.number().int(), worsened: z.number().int(), changed: z.number().int() }),
    items: z.array(z.object({ itemNumber: z.string(), before: z.enum(itemResults), after: z.enum(itemResults), change: z.enum(['same', 'improved', 'worsened', 'changed']) })),
  })
  .openapi('ComplianceAssessmentComparison');

// ----------------------------------------------------------------------------------- mapping

export function toCatalogSummary(entry: TenantCatalog): z.infer<typeof catalogSummarySchema> {
  const items = applicableItems(entry.catalog, entry.businessClass);
  return {
    catalogId: entry.catalogId,
    title: entry.catalog.title,
    source: entry.catalog.source,
    regulation: entry.catalog.regulation,
    businessClass: entry.businessClass,
    applicableItems: items.length,
    baselineItems: items.filter((item) => item.practice === 'baseline').length,
  };
}

export function toCatalogView(entry: TenantCatalog): z.infer<typeof catalogViewSchema> {
  return { ...entry.catalog, businessClass: entry.businessClass, applicableItems: applicableItems(entry.catalog, entry.businessClass).length };
}

export function toAssessmentSummary(a: StoredAssessment): z.infer<typeof assessmentSummarySchema> {
  return {
    id: a.assessmentId,
    title: a.title,
    catalogId: a.catalogId as z.infer<typeof assessmentSummarySchema>['catalogId'],
    businessClass: a.businessClass,
    kind: a.kind,
    status: a.status,
    revision: a.revision,
    previousRevisionId: a.previousRevisionId ?? null,
    createdAt: a.createdAt,
    signedOffAt: a.signedOff?.at ?? null,
    version: a.version,
  };
}

export function toAssessmentView(a: StoredAssessment, catalog: ChecklistCatalog): z.infer<typeof assessmentViewSchema> {
  const order = applicableItems(catalog, a.businessClass).map((item) => item.number);
  return {
    ...toAssessmentSummary(a),
    auditor: a.auditor ?? null,
    reopenReason: a.reopenReason ?? null,
    answers: order.flatMap((number) => (a.answers[number] ? [a.answers[number]] : [])),
    progress: progressOf(a, catalog),
    score: scoreOf(a, catalog),
    signedOff: a.signedOff ?? null,
  };
}

export function toWarningsView(a: StoredAssessment, catalog: ChecklistCatalog, facts: RecordFacts): z.infer<typeof warningsViewSchema> {
  const known = Object.fromEntries(Object.entries(facts).filter(([, value]) => typeof value === 'boolean')) as Record<string, boolean>;
  return { assessmentId: a.assessmentId, facts: known, items: consistencyWarnings(a, catalog, facts) };
}

export function toFindingActionView(action: FindingCorrectiveAction): z.infer<typeof findingActionViewSchema> {
  return { ...action };
}

export function toFindingsView(a: StoredAssessment, catalog: ChecklistCatalog, actions: readonly FindingCorrectiveAction[]): z.infer<typeof findingsViewSchema> {
  return {
    assessmentId: a.assessmentId,
    items: findingsOf(a, catalog).map((finding) => ({ ...finding, correctiveActions: actions.filter((action) => action.itemNumber === finding.itemNumber).map(toFindingActionView) })),
  };
}


export function toComparisonView(before: StoredAssessment, after: StoredAssessment, items: ItemComparison[]): z.infer<typeof comparisonViewSchema> {
  const counts = { same: 0, improved: 0, worsened: 0, changed: 0 };
  for (const item of items) counts[item.change] += 1;
  const afterSummary = toAssessmentSummary(after);
  return { catalogId: afterSummary.catalogId, before: toAssessmentSummary(before), after: afterSummary, counts, items };
}
