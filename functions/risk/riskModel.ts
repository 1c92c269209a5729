/** API shapes of the risk register, library and assessments (domain schemas reused). */
import { z } from '@hono/zod-openapi';
import { assessmentApprovalSchema, assessmentRequestSchema, type Assessment, type AssessmentComparison } from '../../domain/risk/assessment';
import { operatingContextSchema, tenantRiskLibraryEntrySchema, type RiskLibraryEntry } from '../../domain/risk/riskLibrary';
import { riskSchema, riskStatuses, riskTransitionSchema, riskTreatmentSchema, type Risk } from '../../domain/risk/riskRegister';
import { securityMeasureKeySchema } from '../../domain/risk/securityMeasures';
import { isoDateSchema } from '../../domain/inventory/personalDataFile';
import { compareIsoDate, type IsoDate } from '../../domain/shared/isoDate';
import { localizedTextViewSchema } from '../../domain/shared/schemas';
import { pageQuerySchema } from '../http/pagination';
import { named } from '../inventory/inventoryModel';
import type { AssessmentRecord, RiskRecord } from './riskStore';

const idParam = (name: string, example: string, pattern: RegExp) =>
  z.object({ [name]: z.string().regex(pattern).openapi({ param: { name, in: 'path' }, example }) });

export const riskIdParamSchema = idParam('riskId', 'R-004-1', /^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$/) as z.ZodObject<{ riskId: z.ZodString }>;
export const assessmentIdParamSchema = idParam('assessmentId', 'ras_01jq3m8x7k2v5n9p4r6t8w0y2z', /^ras_[0-9a-z]{26}$/) as z.ZodObject<{ assessmentId: z.ZodString }>;

export const createRiskSchema = named(riskSchema, 'RiskInput');

export const patchRiskSchema = z
  .object({
    fileIds: riskSchema.shape.fileIds.optional(),
    context: operatingContextSchema.optional(),
    operation: riskSchema.shape.operation.optional(),
    scenario: riskSchema.shape.scenario.optional(),
    libraryEntryIds: riskSchema.shape.libraryEntryIds.optional(),
    description: riskSchema.shape.description.unwrap().nullable().optional().openapi({ description: 'null removes it' }),
    owner: riskSchema.shape.owner.optional(),
    targetDate: isoDateSchema.nullable().optional().openapi({ description: 'null removes it' }),
    treatments: z.array(riskTreatmentSchema).max(20).optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'Nothing to update', params: { zhTW: '沒有要更新的欄位', en: 'Nothing to update' } })
  .openapi('RiskPatch');
export type RiskPatch = z.output<typeof patchRiskSchema>;

export const transitionRequestSchema = named(riskTransitionSchema, 'RiskTransition');

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');
export const listRisksQuerySchema = pageQuerySchema
  .extend({
    status: z.enum(riskStatuses).optional(),
    owner: z.string().trim().min(1).max(200).optional(),
    fileId: z.string().regex(/^\d{3}(?:-\d{1,3})?$/).optional().openapi({ description: 'Risks touching this inventory file' }),
    overdue: booleanQuery.optional().openapi({ description: 'Open or treating risks whose target date has passed (tenant time zone)' }),
  })
  .strict();

const riskFields = z.object(riskSchema.shape);
export const riskSnapshotSchema = riskFields.openapi('RiskSnapshot');

export const riskViewSchema = riskFields
  .extend({
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    overdue: z.boolean().openapi({ description: 'Open or treating past its target date' }),
  })
  .openapi('Risk');
export type RiskView = z.infer<typeof riskViewSchema>;

export function isOverdue(risk: Risk, today: IsoDate): boolean {
  return (risk.status === 'open' || risk.status === 'treating') && risk.targetDate !== undefined && compareIsoDate(risk.targetDate, today) < 0;
}

export function toRiskView(record: RiskRecord, today: IsoDate): RiskView {
  return { ...record.risk, version: record.version, createdAt: record.createdAt, updatedAt: record.updatedAt, overdue: isOverdue(record.risk, today) } as RiskView;
}

const localizedSchema = localizedTextViewSchema;
export const libraryEntryViewSchema = z
  .object({
    id: z.string(),
    context: operatingContextSchema,
    operation: z.string(),
    operationLabel: localizedSchema,
    riskType: localizedSchema,
    countermeasure: localizedSchema,
    measures: z.array(securityMeasureKeySchema),
    origin: z.enum(['builtIn', 'tenant']),
  })
  .openapi('RiskLibraryEntry');
export const libraryViewSchema = z.object({ items: z.array(libraryEntryViewSchema) }).openapi('RiskLibrary');
export const createLibraryEntrySchema = named(tenantRiskLibraryEntrySchema, 'TenantRiskLibraryEntry');
export type LibraryEntryView = RiskLibraryEntry;

export const createAssessmentSchema = assessmentRequestSchema
  .extend({
    scopeFileIds: assessmentRequestSchema.shape.scopeFileIds.optional().openapi({ description: 'Files assessed (default: every file of the inventory not deleted)' }),
  })
  .strict()
  .openapi('RiskAssessmentRequest');
export type CreateAssessmentRequest = z.output<typeof createAssessmentSchema>;

export const approveAssessmentSchema = named(assessmentApprovalSchema, 'RiskAssessmentApproval');

const valueSchema = z.object({ a: z.number().int(), b: z.number().int(), c: z.number().int(), value: z.number().int() });
export const assessmentViewSchema = z
  .object({
    id: z.string(),
    assessedOn: z.string(),
    assessor: z.string(),
    scopeFileIds: z.array(z.string()),
    frequency: z.object({ every: z.number().int(), unit: z.string() }),
    nextDueOn: z.string(),
    results: z.array(
      z.object({
        fileId: z.string(),
        fileName: z.string(),
        inputs: z.object({ sensitivity: z.string(), subjectAttribute: z.string(), recordCount: z.number().int() }),
        value: valueSchema,
        risks: z.array(riskSnapshotSchema),
      }),
    ),
    approval: z.object({ approvedBy: z.string(), approvedOn: z.string() }).optional(),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('RiskAssessment');
export type AssessmentView = z.infer<typeof assessmentViewSchema>;

export function toAssessmentView(record: AssessmentRecord): AssessmentView {
  return { ...(record.assessment as Assessment), version: record.version, createdAt: record.createdAt, createdBy: record.createdBy } as AssessmentView;
}

export const comparisonViewSchema = z
  .object({
    assessmentId: z.string(),
    previousAssessmentId: z.string().nullable().openapi({ description: 'The latest approved assessment before this one; null when there is none' }),
    newRisks: z.array(riskSnapshotSchema),
    changedRisks: z.array(z.object({ risk: riskSnapshotSchema, changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })) })),
    closedRisks: z.array(riskSnapshotSchema),
    droppedRisks: z.array(riskSnapshotSchema),
    valueChanges: z.array(z.object({ fileId: z.string(), from: z.number().int(), to: z.number().int() })),
    addedFileIds: z.array(z.string()),
    removedFileIds: z.array(z.string()),
  })
  .openapi('RiskAssessmentComparison');

export function toComparisonView(assessmentId: string, previousId: string | null, comparison: AssessmentComparison | null): z.infer<typeof comparisonViewSchema> {
  const empty: AssessmentComparison = { newRisks: [], changedRisks: [], closedRisks: [], droppedRisks: [], valueChanges: [], addedFileIds: [], removedFileIds: [] };
  return { assessmentId, previousAssessmentId: previousId, ...(comparison ?? empty) } as z.infer<typeof comparisonViewSchema>;
}
