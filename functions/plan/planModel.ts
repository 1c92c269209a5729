/**
 * API shapes of the plan area. Request schemas reuse the domain's (plan content, approval,
 * accepted gaps); views never expose storage keys.
 */
import { z } from '@hono/zod-openapi';
import {
  approvalInputSchema,
  approverCapacities,
  planContentSchema,
  planSectionKeys,
  planVersionLabel,
  planVersionStatuses,
  formatRocDate,
  type PlanContent,
  type PlanVersionStatus,
  planTableViews,
  planTemplateIds,
} from '../../domain/plan';
import { frequencySchema } from '../../domain/shared/frequency';
import { isIsoDate, type IsoDate } from '../../domain/shared/isoDate';
import type { LocalizedText } from '../../domain/shared/localizedText';
import { ApiProblem } from '../http/problem';
import type { RecordCountEntry, StoredPlanVersion } from './planEntities';

export const isoDateSchema = z
  .string()
  .refine((value) => isIsoDate(value), { message: 'Expected a calendar date YYYY-MM-DD', params: { zhTW: '須為有效日期 YYYY-MM-DD', en: 'Must be a calendar date YYYY-MM-DD' } })
  .openapi({ example: '2025-01-02', description: 'Calendar date, YYYY-MM-DD' });

export const localizedTextSchema = z.object({ zhTW: z.string(), en: z.string() }).openapi('LocalizedText');

export const versionNumberParamSchema = z.object({
  versionNumber: z
    .string()
    .refine((value) => /^[1-9][0-9]{0,5}$/.test(value), { message: 'A positive version number', params: { zhTW: '須為正整數版次', en: 'Must be a positive version number' } })
    .transform(Number)
    .openapi({ param: { name: 'versionNumber', in: 'path' }, example: '7', description: 'The plan version number (the 7 in 114年1月2日 7版)' }),
});

// Domain schemas are built with the plain zod module, which may be another module instance than
// the one @hono/zod-openapi extends (ESM vs CJS), so they are named with zod's own `.meta`.
export const planContentBodySchema = planContentSchema.meta({ id: 'PlanContent' });

export const createPlanVersionSchema = z
  .object({
    versionDate: isoDateSchema.optional().openapi({ description: 'Date in the version label; defaults to today in the tenant\'s time zone' }),
    content: planContentBodySchema,
  })
  .strict()
  .openapi('CreatePlanVersion');

export const createPlanVersionFromTemplateSchema = z
  .object({
    template: z.enum(planTemplateIds).describe('seed000WorkedExample: the worked example of the plan template (seed 000, 7版) with your company name'),
    versionDate: isoDateSchema.optional().openapi({ description: 'Date in the version label; defaults to today in the tenant\'s time zone' }),
  })
  .strict()
  .openapi('CreatePlanVersionFromTemplate');

export const updatePlanContentSchema = z
  .object({
    versionDate: isoDateSchema.optional().openapi({ description: 'Moves the date in the version label' }),
    content: planContentBodySchema,
  })
  .strict()
  .openapi('UpdatePlanContent');

export const rejectPlanVersionSchema = z
  .object({
    reason: z.string().trim().min(1).max(2000).openapi({ description: '退回理由 / Why the version goes back to draft' }),
    rejectedBy: z.string().trim().min(1).max(200).optional().openapi({ description: 'Name of the person rejecting; defaults to the credential' }),
  })
  .strict()
  .openapi('RejectPlanVersion');

export const approvePlanVersionSchema = approvalInputSchema.meta({
  id: 'ApprovePlanVersion',
  description:
    '核定 / Approval by the representative (代表人) or a person they authorise. `authorisationReference` is required unless the approver is the representative. Every completeness gap must be listed in `acceptedGaps` with a reason.',
});

const acceptedGapViewSchema = z.object({ code: z.string(), section: z.enum(planSectionKeys).optional(), reason: z.string() });

export const planVersionSummarySchema = z
  .object({
    versionNumber: z.number().int(),
    label: z.string().openapi({ example: '114年1月2日 7版' }),
    versionDate: z.string().openapi({ example: '2025-01-02' }),
    versionDateRoc: z.string().openapi({ example: '114年1月2日' }),
    status: z.enum(planVersionStatuses),
    statusLabel: localizedTextSchema,
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
    submittedAt: z.string().optional(),
    submittedBy: z.string().optional(),
    rejection: z.object({ rejectedAt: z.string(), rejectedBy: z.string(), reason: z.string() }).optional(),
    approval: z
      .object({
        approverName: z.string(),
        approverTitle: z.string(),
        capacity: z.enum(approverCapacities),
        authorisationReference: z.string().optional(),
        approvedAt: z.string(),
        acceptedGaps: z.array(acceptedGapViewSchema),
      })
      .optional(),
    supersededAt: z.string().optional(),
    supersededByVersion: z.number().int().optional(),
    revision: z.number().int().openapi({ description: 'Changes with every write; the ETag' }),
  })
  .openapi('PlanVersionSummary');

export const planVersionSchema = planVersionSummarySchema.extend({ content: planContentBodySchema }).openapi('PlanVersion');
export type PlanVersionSummaryView = z.infer<typeof planVersionSummarySchema>;
export type PlanVersionView = z.infer<typeof planVersionSchema>;

export const statusLabels: Record<PlanVersionStatus, LocalizedText> = {
  draft: { zhTW: '草稿', en: 'Draft' },
  submitted: { zhTW: '送核中', en: 'Submitted for approval' },
  approved: { zhTW: '已核定（現行）', en: 'Approved (in force)' },
  superseded: { zhTW: '已由新版本取代', en: 'Superseded' },
};

export function toVersionSummary(stored: StoredPlanVersion): PlanVersionSummaryView {
  return {
    versionNumber: stored.versionNumber,
    label: planVersionLabel(stored),
    versionDate: stored.versionDate,
    versionDateRoc: formatRocDate(stored.versionDate),
    status: stored.status,
    statusLabel: statusLabels[stored.status],
    createdAt: stored.createdAt,
    createdBy: stored.createdBy,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
    ...(stored.submittedAt ? { submittedAt: stored.submittedAt } : {}),
    ...(stored.submittedBy ? { submittedBy: stored.submittedBy } : {}),
    ...(stored.rejection ? { rejection: stored.rejection } : {}),
    ...(stored.approval ? { approval: stored.approval } : {}),
    ...(stored.supersededAt ? { supersededAt: stored.supersededAt } : {}),
    ...(stored.supersededByVersion !== undefined ? { supersededByVersion: stored.supersededByVersion } : {}),
    revision: stored.version,
  };
}

export function toVersionView(stored: StoredPlanVersion): PlanVersionView {
  return { ...toVersionSummary(stored), content: JSON.parse(stored.contentJson) };
}

// Regulation ------------------------------------------------------------------------------------

export const regulationViewSchema = z
  .object({
    pcode: z.string().nullable().openapi({ description: 'Sector regulation (全國法規資料庫 pcode), e.g. K0010162' }),
    name: z.string().nullable(),
    url: z.string().nullable(),
    source: z.enum(['plan', 'tenantProfile', 'none']).openapi({ description: 'plan = chosen via PUT /v1/plan/regulation; tenantProfile = from the tenant\'s sector' }),
    modelled: z.boolean().openapi({ description: 'Whether obligations and article-by-article completeness are modelled for it' }),
    completenessBasis: z.string().openapi({ description: 'Regulation the completeness rules cite (the baseline Q0010012 when not modelled)' }),
    revision: z.number().int().openapi({ description: 'Revision of the plan\'s selection; the ETag (0 = never chosen)' }),
  })
  .openapi('PlanRegulation');
export type RegulationView = z.infer<typeof regulationViewSchema>;

export const selectRegulationSchema = z
  .object({ pcode: z.string().refine((value) => /^[A-Z][0-9]{7}$/.test(value), { message: 'A pcode such as K0010162', params: { zhTW: '須為法規代碼，例如 K0010162', en: 'Must be a pcode such as K0010162' } }).openapi({ example: 'K0010162' }) })
  .strict()
  .openapi('SelectPlanRegulation');

export const sectorRegulationSchema = z
  .object({ pcode: z.string(), name: z.string(), category: z.string(), lastAmended: z.string(), url: z.string(), articles: z.number().int(), modelled: z.boolean() })
  .openapi('SectorRegulation');

// Completeness ----------------------------------------------------------------------------------

export const planGapSchema = z
  .object({
    code: z.string(),
    article: z.object({ regulation: z.string(), article: z.string() }),
    section: z.enum(planSectionKeys),
    sectionTitle: localizedTextSchema,
    fieldPath: z.string().openapi({ example: 'sections.policy.dataSubjectContact' }),
    message: localizedTextSchema,
    acceptedAtApproval: z.boolean().openapi({ description: 'The approval of this version accepted this gap with a reason' }),
  })
  .openapi('PlanGap');

export const completenessSchema = z
  .object({
    versionNumber: z.number().int(),
    label: z.string(),
    status: z.enum(planVersionStatuses),
    checkedOn: z.string(),
    regulation: regulationViewSchema,
    context: z.object({
      inventoryItemCount: z.number().int().nullable().openapi({ description: 'null when the inventory is not available to the plan' }),
      riskAssessmentCount: z.number().int().nullable(),
      requiredAuditFrequency: frequencySchema.nullable(),
      requiredReviewFrequency: frequencySchema.nullable(),
      minimumRecordKeepingYears: z.number().nullable(),
      maximumNotificationHours: z.number().nullable(),
    }),
    complete: z.boolean(),
    approvable: z.boolean().openapi({ description: 'No gap, or every gap accepted at approval' }),
    gapCount: z.number().int(),
    gaps: z.array(planGapSchema),
    notes: z.array(localizedTextSchema),
  })
  .openapi('PlanCompleteness');

// Obligations -----------------------------------------------------------------------------------

const citationSchema = z.object({ regulation: z.string(), article: z.string(), paragraph: z.string().optional(), topic: localizedTextSchema });

export const planObligationsSchema = z
  .object({
    regulation: z.string(),
    ruleSetVersionId: z.string(),
    planRequired: z.boolean(),
    thresholdCrossedOn: z.string().nullable(),
    adoptionDeadline: z.string().nullable(),
    adoptionDeadlinePassed: z.boolean(),
    suspensionAllowedSince: z.string().nullable(),
    suspensionEligibleOn: z.string().nullable(),
    resumeDeadline: z.string().nullable(),
    resumeDeadlinePassed: z.boolean(),
    auditFrequency: frequencySchema.nullable(),
    periodicCycleStartsOn: z.string().nullable(),
    planReviewFrequency: frequencySchema.nullable(),
    incidentNotificationHours: z.number(),
    recordKeepingYears: z.number(),
    citations: z.array(citationSchema),
  })
  .openapi('PlanObligations');

export const obligationsResponseSchema = z
  .object({
    asOf: z.string(),
    regulation: regulationViewSchema,
    computed: z.boolean().openapi({ description: 'false when the regulation has no modelled rule set' }),
    notice: localizedTextSchema.nullable(),
    inputs: z.object({
      paidInCapital: z.number(),
      recordCountEntries: z.number().int(),
      latestRecordCount: z.object({ date: z.string(), count: z.number().int() }).nullable(),
    }),
    obligations: planObligationsSchema.nullable(),
  })
  .openapi('PlanObligationsReport');

export const obligationsQuerySchema = z.object({ asOf: isoDateSchema.optional().openapi({ description: 'Date to evaluate; defaults to today in the tenant\'s time zone' }) }).strict();

// Record counts ---------------------------------------------------------------------------------

export const createRecordCountSchema = z
  .object({
    date: isoDateSchema.openapi({ description: 'Day the count was observed' }),
    count: z.number().int().min(0).max(1e12).openapi({ description: 'Personal data records held that day (single-day count)' }),
    source: z.literal('manual').default('manual').openapi({ description: 'Counts entered by hand; the inventory writes its own' }),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .openapi('CreateRecordCount');

export const recordCountViewSchema = z
  .object({
    date: z.string(),
    count: z.number().int(),
    source: z.enum(['inventory', 'manual']),
    note: z.string().optional(),
    recordedAt: z.string().nullable(),
    recordedBy: z.string().nullable(),
    revision: z.number().int(),
  })
  .openapi('RecordCount');

export const recordCountQuerySchema = z
  .object({
    from: isoDateSchema.optional().openapi({ description: 'Inclusive' }),
    to: isoDateSchema.optional().openapi({ description: 'Inclusive' }),
  })
  .strict();

export type RecordCountView = z.infer<typeof recordCountViewSchema>;

export function toRecordCountView(entry: RecordCountEntry): RecordCountView {
  return {
    date: entry.date,
    count: Number(entry.count),
    source: entry.source === 'inventory' ? 'inventory' : 'manual',
    ...(entry.note ? { note: entry.note } : {}),
    recordedAt: entry.recordedAt ?? null,
    recordedBy: entry.recordedBy ?? null,
    revision: entry.version ?? 1,
  };
}

// Duties ----------------------------------------------------------------------------------------

export const planDutyViewSchema = z
  .object({
    dutyId: z.string().openapi({ example: 'firewallRuleReview:officeEnvironment' }),
    dutyKind: z.string(),
    scope: z.enum(['hostedServices', 'officeEnvironment']).optional(),
    title: localizedTextSchema,
    frequency: frequencySchema,
    frequencyLabelZh: z.string().openapi({ example: '每半年' }),
    ownerRole: z.string(),
    ownerRoleLabel: localizedTextSchema,
    owner: z.object({ name: z.string().optional(), title: z.string().optional() }).optional(),
    legalBasis: localizedTextSchema,
    sourcePath: z.string(),
  })
  .openapi('PlanDuty');

export const planDutiesResponseSchema = z
  .object({
    source: z.enum(['plan', 'default']).openapi({ description: 'plan = the approved version; default = the example plan\'s frequencies (no approved plan yet)' }),
    planVersion: z.object({ versionNumber: z.number().int(), label: z.string() }).nullable(),
    items: z.array(planDutyViewSchema),
  })
  .openapi('PlanDuties');

export const dutySyncResultSchema = z
  .object({
    planVersion: z.object({ versionNumber: z.number().int(), label: z.string() }),
    asOf: z.string(),
    created: z.number().int(),
    updated: z.number().int(),
    retired: z.number().int(),
    unchanged: z.number().int(),
  })
  .openapi('PlanDutySyncResult');

// Documents -------------------------------------------------------------------------------------

export const documentFormats = ['markdown', 'html', 'docx'] as const;
export type DocumentFormat = (typeof documentFormats)[number];
export const documentQuerySchema = z
  .object({
    format: z.enum(documentFormats).default('markdown'),
    tables: z
      .enum(planTableViews)
      .default('asApproved')
      .openapi({ description: 'asApproved: an approved version shows its tables as frozen at approval; currentDraft: today\'s live inventory, risk and vendor tables (a draft always shows these)' }),
  })
  .strict();

export const documentMediaTypes: Record<DocumentFormat, { contentType: string; extension: string }> = {
  markdown: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
};

/** `個人資料安全維護計畫_114年1月2日_7版.docx`, with an ASCII fallback for old clients. */
export function documentFileNames(versionNumber: number, versionDate: IsoDate, format: DocumentFormat): { ascii: string; utf8: string } {
  const { extension } = documentMediaTypes[format];
  return {
    ascii: `security-maintenance-plan-v${versionNumber}-${versionDate}.${extension}`,
    utf8: `個人資料安全維護計畫_${formatRocDate(versionDate)}_${versionNumber}版.${extension}`,
  };
}

/**
 * Content above this is refused. The item also holds the status fields, and the stored
 * Idempotency-Key response repeats the content, so both stay below DynamoDB's 400 KB.
 */
export const MAX_CONTENT_BYTES = 350_000;

export function contentBytes(content: PlanContent): number {
  return Buffer.byteLength(JSON.stringify(content), 'utf8');
}

/**
 * Refuses content too large to store, before any write. The answer is a 413, which no domain
 * error kind stands for, so it stays an HTTP check the create and update routes make.
 */
export function assertContentStorable(content: PlanContent): void {
  const bytes = contentBytes(content);
  if (bytes > MAX_CONTENT_BYTES) {
    throw new ApiProblem('payloadTooLarge', {
      code: 'PLAN_CONTENT_TOO_LARGE',
      detail: { zhTW: `計畫內容 ${bytes} 位元組，上限 ${MAX_CONTENT_BYTES} 位元組`, en: `The plan content is ${bytes} bytes; the limit is ${MAX_CONTENT_BYTES}` },
      errors: [{ field: 'content', reason: { zhTW: `內容過大（上限 ${MAX_CONTENT_BYTES} 位元組），請將附件移出計畫本文`, en: `Too large (limit ${MAX_CONTENT_BYTES} bytes); move attachments out of the plan text` } }],
    });
  }
}
