/**
 * API shapes of the inventory: requests reuse the domain schemas (one source for validation,
 * types and the OpenAPI document); views add bookkeeping and the derived risk value.
 */
import { z } from '@hono/zod-openapi';
import { keepReasonCategories } from '../../domain/inventory/purposeReviewDecision';
import { specialCategoryKindSchema, tenantDataCategorySchema, tenantSpecificPurposeSchema, type CodeLists } from '../../domain/inventory/codeLists';
import {
  fileSpecialCategories,
  fileStatuses,
  isCrossBorder,
  isoDateSchema,
  personalDataFileSchema,
  subjectAttributes,
  type PersonalDataFile,
} from '../../domain/inventory/personalDataFile';
import { personalDataFileValue } from '../../domain/risk/assessment';
import { pageQuerySchema } from '../http/pagination';
import type { PersonalDataFileRecord } from './inventoryStore';

export const fileIdParamSchema = z.object({
  fileId: z
    .string()
    .regex(/^\d{3}(?:-\d{1,3})?$/)
    .openapi({ param: { name: 'fileId', in: 'path' }, example: '001-1', description: '個資檔案編號' }),
});

/**
 * Names a domain schema as an OpenAPI component. Zod copies methods onto each instance when it
 * is built, so a domain schema built before @hono/zod-openapi was first imported (e.g. a test
 * that imports the domain first) has no `.openapi`; the patched prototype method works on any.
 */
export function named<T extends z.ZodType>(schema: T, name: string): T {
  return (z.ZodType.prototype as unknown as { openapi(this: T, refId: string): T }).openapi.call(schema, name);
}

export const createPersonalDataFileSchema = named(personalDataFileSchema, 'PersonalDataFileInput');

type FileShape = typeof personalDataFileSchema.shape;
type Unwrapped<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
type PatchShape = { [K in Exclude<keyof FileShape, 'id'>]: z.ZodOptional<Unwrapped<FileShape[K]>> };

/**
 * PATCH: any top-level field but the id; given fields replace the stored ones. Defaults are
 * unwrapped so an absent field stays absent instead of becoming its default. Optional dates and
 * the review decision may be null to remove them.
 */
const patchShape = Object.fromEntries(
  Object.entries(personalDataFileSchema.shape)
    .filter(([key]) => key !== 'id')
    .map(([key, schema]) => [key, (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : (schema as z.ZodType)).optional()]),
) as unknown as PatchShape;

export const patchPersonalDataFileSchema = z
  .object({
    ...patchShape,
    purposeEndsOn: isoDateSchema.nullable().optional(),
    retentionExpiresOn: isoDateSchema.nullable().optional(),
    purposeReview: personalDataFileSchema.shape.purposeReview.unwrap().nullable().optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'Nothing to update', params: { zhTW: '沒有要更新的欄位', en: 'Nothing to update' } })
  .openapi('PersonalDataFilePatch');
export type PersonalDataFilePatch = z.output<typeof patchPersonalDataFileSchema>;

export const retireFileSchema = z
  .object({ reason: z.string().trim().min(1).max(1000).openapi({ description: '停用理由 / why the file leaves the inventory', example: '業務流程已終止，資料已依程序刪除' }) })
  .strict()
  .openapi('RetirePersonalDataFile');

export const purposeReviewRequestSchema = z
  .object({
    decision: z.enum(['delete', 'stop', 'keep']).openapi({ description: '刪除 / 停止處理利用 / 保留 (Art. 11 ¶3)' }),
    reasonCategory: z.enum(keepReasonCategories).optional().openapi({ description: 'Ground for keeping (keep only): law, businessNecessity, writtenConsent' }),
    reason: z.string().trim().min(1).max(1000).optional().openapi({ description: 'Why kept (required for keep); a note for delete/stop' }),
    decidedOn: isoDateSchema.optional().openapi({ description: 'Date of the decision (default today, tenant time zone)' }),
    decidedBy: z.string().trim().min(1).max(200).optional().openapi({ description: 'Who decided (default the caller)' }),
    reviewAgainOn: isoDateSchema.optional().openapi({ description: 'Keep only: when to review again (default one year on)' }),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.decision === 'keep') {
      if (!value.reasonCategory)
        ctx.addIssue({ code: 'custom', path: ['reasonCategory'], message: 'keeping needs its ground', params: { zhTW: '保留須載明理由類別', en: 'keeping needs its ground' } });
      if (!value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'keeping needs a reason', params: { zhTW: '保留須載明理由', en: 'keeping needs a reason' } });
    } else {
      if (value.reasonCategory)
        ctx.addIssue({ code: 'custom', path: ['reasonCategory'], message: 'only a keep decision has a ground', params: { zhTW: '僅保留決定有理由類別', en: 'only a keep decision has a ground' } });
      if (value.reviewAgainOn)
        ctx.addIssue({ code: 'custom', path: ['reviewAgainOn'], message: 'only a keep decision is reviewed again', params: { zhTW: '僅保留決定須再審查', en: 'only a keep decision is reviewed again' } });
    }
  })
  .openapi('PurposeReviewRequest');
export type PurposeReviewRequest = z.output<typeof purposeReviewRequestSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const listFilesQuerySchema = pageQuerySchema
  .extend({
    subjectAttribute: z.enum(subjectAttributes).optional().openapi({ description: '個資屬性' }),
    status: z.enum(fileStatuses).optional(),
    crossBorder: booleanQuery.optional().openapi({ description: 'Processed or stored outside Taiwan (Art. 21)' }),
    special: booleanQuery.optional().openapi({ description: 'Holds Art. 6 special-category data' }),
    includeRetired: booleanQuery.optional().openapi({ description: 'Include retired files (default false)' }),
  })
  .strict();

const riskValueSchema = z
  .object({
    a: z.number().int().openapi({ description: 'A 個資類別 1 一般 / 2 敏感 / 3 特種' }),
    b: z.number().int().openapi({ description: 'B 個資屬性 1 客戶供應商 / 2 所屬人員 / 3 消費者' }),
    c: z.number().int().openapi({ description: 'C 個資筆數 1 ≤100 / 2 101–4,999 / 3 ≥5,000 (hosted always 3)' }),
    value: z.number().int().openapi({ description: 'A+B+C, higher treated first' }),
    sensitivity: z.enum(['general', 'sensitive', 'special']),
  })
  .openapi('FileRiskValue');

export const personalDataFileViewSchema = z
  .object({
    ...personalDataFileSchema.shape,
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    retired: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
    crossBorder: z.boolean().openapi({ description: 'Derived: any region outside TW' }),
    specialCategoriesHeld: z.array(specialCategoryKindSchema).openapi({ description: 'Derived: declared plus implied by category codes' }),
    riskValue: riskValueSchema,
  })
  .openapi('PersonalDataFile');
export type PersonalDataFileView = z.infer<typeof personalDataFileViewSchema>;

export function toFileView(record: PersonalDataFileRecord, codeLists: CodeLists): PersonalDataFileView {
  const file = record.file;
  const { inputs, value } = personalDataFileValue(file, codeLists);
  return {
    ...file,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    retired: record.retired,
    crossBorder: isCrossBorder(file),
    specialCategoriesHeld: fileSpecialCategories(file, codeLists),
    riskValue: { a: value.a, b: value.b, c: value.c, value: value.value, sensitivity: inputs.sensitivity },
  } as PersonalDataFileView;
}

/** What the audit digests: the file without bookkeeping (it holds no data subject's identifiers). */
export function auditViewOf(file: PersonalDataFile | null | undefined, retired: PersonalDataFileRecord['retired'] = null) {
  return file ? { ...file, retired } : null;
}

export const codeListsViewSchema = z
  .object({
    specificPurposes: z.array(z.object({ code: z.string(), name: z.string(), origin: z.enum(['builtIn', 'tenant']) })),
    dataCategories: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        sensitivity: z.enum(['general', 'sensitive', 'special']),
        specialCategory: specialCategoryKindSchema.optional(),
        origin: z.enum(['builtIn', 'tenant']),
      }),
    ),
    version: z.number().int().nullable().openapi({ description: "Version of the tenant's own list (null before the first entry)" }),
  })
  .openapi('InventoryCodeLists');

export type CodeListsView = z.infer<typeof codeListsViewSchema>;

export function toCodeListsView(lists: CodeLists, version: number | null): CodeListsView {
  return { specificPurposes: [...lists.specificPurposes.values()], dataCategories: [...lists.dataCategories.values()], version };
}

export const addPurposeCodeSchema = named(tenantSpecificPurposeSchema, 'TenantSpecificPurpose');
export const addDataCategoryCodeSchema = named(tenantDataCategorySchema, 'TenantDataCategory');

export const recordCountQuerySchema = z.object({ asOf: isoDateSchema.optional().openapi({ description: 'Date (default today, tenant time zone)' }) }).strict();

export const recordCountViewSchema = z
  .object({
    asOf: z.string(),
    totalRecordCount: z.number().int().openapi({ description: 'Sum of the per-file counts of live files counted on or before asOf' }),
    counted: z.array(z.object({ fileId: z.string(), recordCount: z.number().int(), countedOn: z.string() })),
    notYetCounted: z.array(z.string()).openapi({ description: 'Files counted after asOf (not known for that day)' }),
    deleted: z.array(z.string()).openapi({ description: 'Files deleted on or before asOf' }),
  })
  .openapi('InventoryRecordCount');

export const purposeReviewDueViewSchema = z
  .object({
    asOf: z.string(),
    items: z.array(
      z.object({
        fileId: z.string(),
        fileName: z.string(),
        dueSince: z.string(),
        triggers: z.array(z.object({ kind: z.enum(['purposeEnded', 'retentionExpired', 'keepDecisionDue']), since: z.string() })),
      }),
    ),
  })
  .openapi('PurposeReviewsDue');

export const exportQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }).strict();

export const importQuerySchema = z
  .object({
    mode: z.enum(['createOnly', 'upsert']).default('createOnly').openapi({ description: 'createOnly: every id must be new; upsert: replace files with the same id' }),
  })
  .strict();

export const importResultSchema = z
  .object({
    importId: z.string().openapi({ description: 'Derived from the body and mode: re-sending the same file resumes or replays this import' }),
    mode: z.enum(['createOnly', 'upsert']),
    status: z.enum(['completed']),
    fileCount: z.number().int(),
    created: z.array(z.string()),
    updated: z.array(z.string()),
    unchanged: z.array(z.string()),
    batches: z.number().int().openapi({ description: 'Transactions used (≤ 25 files each)' }),
    resumedFromBatch: z.number().int().openapi({ description: 'Batches already committed by an earlier attempt' }),
    notes: z
      .array(
        z.object({
          line: z.number().int().openapi({ description: 'CSV line / XLSX row (header = 1)' }),
          column: z.string().nullable().openapi({ description: 'Header of the column concerned' }),
          reasonZhTW: z.string(),
          reasonEn: z.string(),
        }),
      )
      .openapi({ description: 'What the import decided on its own, e.g. a 國際傳輸(系統判定) cell that disagreed with the regions was ignored, or a missing 筆數盤點日 recorded as the import day' }),
  })
  .openapi('InventoryImportResult');
export type InventoryImportSummary = z.infer<typeof importResultSchema>;

export const importProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    code: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), reason: z.string(), reasonZhTW: z.string(), reasonEn: z.string() })).optional(),
    rowErrors: z
      .array(
        z.object({
          line: z.number().int().openapi({ description: 'CSV line where the record starts / XLSX row number (header = 1)' }),
          column: z.string().nullable().openapi({ description: 'Header of the column at fault; null for the whole row' }),
          reason: z.string(),
          reasonZhTW: z.string(),
          reasonEn: z.string(),
        }),
      )
      .optional(),
  })
  .openapi('InventoryImportProblem');

export type FileFilters = z.output<typeof listFilesQuerySchema>;
