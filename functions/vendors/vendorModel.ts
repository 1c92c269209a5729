/**
 * API shapes of vendor oversight: request bodies reuse the domain's schemas (one source for
 * validation, types and the OpenAPI document); views add what the API derives on read
 * (criticality, cross-border flag, contract state, link status) and drop storage keys.
 */
import { z } from '@hono/zod-openapi';
import { contractClauseIdSchema } from '../../domain/vendor/contractClauses';
import { contractClauseIds, contractInputSchema, contractState, effectiveContractEnd, type ContractFinding } from '../../domain/vendor/contract';
import { oversightFindingSchema, oversightMethodSchema, oversightResults } from '../../domain/vendor/oversight';
import {
  localizedTextSchema as questionnaireTextSchema,
  questionnaireAnswerSchema,
  questionnaireQuestionSchema,
  questionnaireTokenStatus,
  responseStatuses,
  type Questionnaire,
} from '../../domain/vendor/questionnaire';
import { returnDeletionConfirmationSchema, returnDeletionState } from '../../domain/vendor/termination';
import { crossBorderCountries, processingRegionSchema, vendorContactSchema, vendorCriticality, vendorDataHoldingSchema, vendorInputSchema, vendorRegistrationSchema } from '../../domain/vendor/vendor';
import type { IsoDate } from '../../domain/shared/isoDate';
import { CONTRACT_ID, RESPONSE_ID, VENDOR_ID, type CheckRecord, type ContractRecord, type ResponseRecord, type TenantQuestionnaireRecord, type VendorRecord } from './vendorEntities';

// --- path parameters ---

const idParam = (name: string, pattern: RegExp, example: string) =>
  z.string().refine((value) => pattern.test(value), { message: 'Unknown id format', params: { zhTW: '識別碼格式不正確', en: 'Unknown id format' } }).openapi({ param: { name, in: 'path' }, example });

export const vendorIdParam = idParam('vendorId', VENDOR_ID, 'vnd_01jq0000000000000000000000');
export const contractIdParam = idParam('contractId', CONTRACT_ID, 'vct_01jq0000000000000000000000');
export const responseIdParam = idParam('responseId', RESPONSE_ID, 'vqr_01jq0000000000000000000000');
export const vendorParams = z.object({ vendorId: vendorIdParam });
export const contractParams = z.object({ vendorId: vendorIdParam, contractId: contractIdParam });
export const responseParams = z.object({ vendorId: vendorIdParam, responseId: responseIdParam });

// --- vendors ---

export const createVendorSchema = vendorInputSchema.openapi('VendorInput');
export type CreateVendorInput = z.infer<typeof createVendorSchema>;

/** Every field optional; `parentVendorId: null` unlinks a sub-processor. Defaults do not apply here, so omitted lists stay as they are. */
export const updateVendorSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    registration: vendorRegistrationSchema.optional(),
    country: vendorInputSchema.shape.country.optional(),
    services: z.array(z.string().trim().min(1).max(200)).min(1).optional(),
    contact: vendorContactSchema.optional(),
    personalDataFileIds: z.array(z.string().min(1)).optional(),
    dataHoldings: z.array(vendorDataHoldingSchema).optional(),
    processingRegions: z.array(processingRegionSchema).min(1).optional(),
    parentVendorId: z.string().min(1).nullable().optional().openapi({ description: 'The vendor that engaged this sub-processor (複委託); null to unlink' }),
    onboardedOn: z.iso.date().optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'Nothing to update', params: { zhTW: '沒有要更新的欄位', en: 'Nothing to update' } })
  .openapi('VendorUpdate');
export type UpdateVendorInput = z.infer<typeof updateVendorSchema>;

const criticalitySchema = z
  .object({
    value: z.number().int().nullable().openapi({ description: 'Highest A+B+C over the holdings (3–9); null when the vendor holds no personal data' }),
    band: z.enum(['high', 'medium', 'low']),
    a: z.number().int().optional(),
    b: z.number().int().optional(),
    c: z.number().int().optional(),
    decisiveHolding: vendorDataHoldingSchema.optional(),
  })
  .openapi('VendorCriticality');

export const vendorViewSchema = vendorInputSchema
  .extend({
    id: z.string(),
    criticality: criticalitySchema,
    crossBorder: z.object({ flagged: z.boolean(), countries: z.array(z.string()) }).openapi({ description: 'Processing outside Taiwan is an international transfer (PDPA Art. 21)' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Vendor');

export function toVendorView(vendor: VendorRecord) {
  const { tenantId: _tenant, ...rest } = vendor;
  const countries = crossBorderCountries(vendor);
  return { ...rest, criticality: vendorCriticality(vendor), crossBorder: { flagged: countries.length > 0, countries } };
}

// --- contracts ---

export const createContractSchema = contractInputSchema.omit({ vendorId: true }).strict().openapi('VendorContractInput');
export type CreateContractInput = z.infer<typeof createContractSchema>;

export const updateContractSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    reference: z.string().trim().max(100).optional(),
    clauses: contractInputSchema.shape.clauses.optional().openapi({ description: 'The whole Art. 8 clause checklist (replaces the recorded one)' }),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'Nothing to update', params: { zhTW: '沒有要更新的欄位', en: 'Nothing to update' } })
  .openapi('VendorContractUpdate');
export type UpdateContractInput = z.infer<typeof updateContractSchema>;

const localizedSchema = z.object({ zhTW: z.string(), en: z.string() });
const citationSchema = z.object({
  lawCode: z.string(),
  article: z.number().int(),
  paragraph: z.number().int().optional(),
  item: z.number().int().optional(),
  label: localizedSchema,
});

export const contractFindingSchema = z
  .object({
    contractId: z.string(),
    vendorId: z.string(),
    clauseId: contractClauseIdSchema,
    code: z.enum(['CLAUSE_MISSING', 'CLAUSE_NOT_RECORDED', 'NOT_APPLICABLE_NOT_ALLOWED', 'NOT_APPLICABLE_CONTRADICTED']),
    severity: z.enum(['required', 'advisory']),
    title: localizedSchema,
    citations: z.array(citationSchema),
    message: localizedSchema,
  })
  .openapi('VendorContractFinding');

const returnDeletionSchema = z
  .object({
    contractId: z.string(),
    vendorId: z.string(),
    openedOn: z.string(),
    dueOn: z.string(),
    status: z.enum(['open', 'closed']),
    state: z.enum(['open', 'overdue', 'closed', 'closedLate']),
    daysOverdue: z.number().int(),
    confirmation: returnDeletionConfirmationSchema.optional(),
    retainUntil: z.string().optional().openapi({ description: 'The disposal record is kept at least until this date (5 years)' }),
  })
  .openapi('VendorReturnDeletionObligation');

export const contractViewSchema = contractInputSchema
  .extend({
    id: z.string(),
    terminatedOn: z.string().optional(),
    terminationReason: z.string().optional(),
    state: z.enum(['notStarted', 'active', 'expired', 'terminated']),
    effectiveEnd: z.string().nullable().openapi({ description: 'End date in force today (auto-renewals rolled on); null when open-ended' }),
    missingClauseCount: z.number().int(),
    returnDeletion: returnDeletionSchema.optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('VendorContract');

export function toContractView(contract: ContractRecord, findings: readonly ContractFinding[], asOf: IsoDate) {
  const { tenantId: _tenant, returnDeletion, ...rest } = contract;
  return {
    ...rest,
    state: contractState(contract, asOf),
    effectiveEnd: effectiveContractEnd(contract, asOf),
    missingClauseCount: findings.length,
    ...(returnDeletion ? { returnDeletion: { ...returnDeletion, ...returnDeletionState(returnDeletion, asOf) } } : {}),
  };
}

export const contractFindingsViewSchema = z
  .object({ contractId: z.string(), vendorId: z.string(), hasSubProcessors: z.boolean(), findings: z.array(contractFindingSchema) })
  .openapi('VendorContractFindings');

// --- oversight checks ---

const findingResultRule = (check: { result: string; findings: unknown[] }) => check.result === 'satisfactory' || check.findings.length > 0;

export const createOversightCheckSchema = z
  .object({
    method: oversightMethodSchema,
    date: z.iso.date().openapi({ description: 'Date of the check' }),
    reviewer: z.string().trim().min(1).max(200).openapi({ description: 'Who confirmed the result' }),
    result: z.enum(oversightResults),
    findings: z.array(oversightFindingSchema.omit({ id: true, resolvedOn: true }).strict()).max(100).default([]),
    evidenceRefs: z.array(z.string().trim().min(1).max(500)).min(1).max(50).openapi({ description: 'Evidence kept (report files, minutes); Art. 8 ¶3 requires a record' }),
  })
  .strict()
  .refine(findingResultRule, {
    message: 'A result with findings or unsatisfactory must list the findings',
    path: ['findings'],
    params: { zhTW: '結果為「有缺失」或「不合格」時須列出缺失', en: 'A result with findings or unsatisfactory must list the findings' },
  })
  .openapi('VendorOversightCheckInput');
export type CreateOversightCheckInput = z.infer<typeof createOversightCheckSchema>;

export const oversightCheckViewSchema = z
  .object({
    id: z.string(),
    vendorId: z.string(),
    method: oversightMethodSchema,
    date: z.string(),
    reviewer: z.string(),
    result: z.enum(oversightResults),
    findings: z.array(oversightFindingSchema),
    evidenceRefs: z.array(z.string()),
    recordedBy: z.string(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .openapi('VendorOversightCheck');

export function toCheckView(check: CheckRecord) {
  const { tenantId: _tenant, ...rest } = check;
  return rest;
}

// --- questionnaires ---

export const questionnaireViewSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: questionnaireTextSchema,
    derivedFrom: z.object({ id: z.string(), version: z.number().int() }).optional(),
    questions: z.array(questionnaireQuestionSchema),
  })
  .openapi('VendorQuestionnaire');

export function toQuestionnaireView(questionnaire: Questionnaire | TenantQuestionnaireRecord) {
  return { id: questionnaire.id, version: questionnaire.version, title: questionnaire.title, ...(questionnaire.derivedFrom ? { derivedFrom: questionnaire.derivedFrom } : {}), questions: questionnaire.questions };
}

export const putQuestionnaireSchema = z
  .object({
    title: questionnaireTextSchema,
    questions: z
      .array(questionnaireQuestionSchema)
      .min(1)
      .max(200)
      .refine((questions) => new Set(questions.map((q) => q.id)).size === questions.length, {
        message: 'Question ids must be unique',
        params: { zhTW: '題目代碼不可重複', en: 'Question ids must be unique' },
      })
      .refine((questions) => questions.every((q) => q.basedOnClauseId === undefined || contractClauseIds.includes(q.basedOnClauseId)), {
        message: 'basedOnClauseId must be a clause of the Art. 8 checklist',
        params: { zhTW: 'basedOnClauseId 須為施行細則第8條檢核表之條款', en: 'basedOnClauseId must be a clause of the Art. 8 checklist' },
      }),
  })
  .strict()
  .openapi('VendorQuestionnaireUpdate');
export type PutQuestionnaireInput = z.infer<typeof putQuestionnaireSchema>;

export const createQuestionnaireLinkSchema = z
  .object({
    validForDays: z.number().int().min(1).max(90).optional().openapi({ description: 'Days the link stays valid; default 14' }),
    followUpOf: z.string().regex(RESPONSE_ID).optional().openapi({ description: 'A response marked followUpRequired: the new round starts from its answers' }),
  })
  .strict()
  .openapi('VendorQuestionnaireLinkInput');
export type CreateQuestionnaireLinkInput = z.infer<typeof createQuestionnaireLinkSchema>;

export const questionnaireLinkSchema = z
  .object({
    responseId: z.string(),
    vendorId: z.string(),
    token: z.string().nullable().openapi({ description: 'The link secret (≥ 256 bits). Shown once; only its SHA-256 is stored' }),
    tokenRedacted: z.boolean().optional().openapi({ description: 'True on an idempotent replay: the secret is never shown twice' }),
    tokenIdPrefix: z.string().openapi({ description: 'First characters of the token hash; appears as the actor in the audit trail' }),
    path: z.string().nullable().openapi({ description: 'Public path the vendor opens (no account needed)' }),
    expiresAt: z.string(),
  })
  .openapi('VendorQuestionnaireLink');

const linkStatusSchema = z.object({ tokenIdPrefix: z.string(), issuedAt: z.string(), expiresAt: z.string(), status: z.enum(['valid', 'expired', 'submitted', 'revoked']) });

export const responseViewSchema = z
  .object({
    id: z.string(),
    vendorId: z.string(),
    questionnaireId: z.string(),
    questionnaireVersion: z.number().int(),
    status: z.enum(responseStatuses),
    answers: z.array(questionnaireAnswerSchema),
    submittedAt: z.string().optional(),
    review: z.object({ reviewer: z.string(), decidedAt: z.string(), decision: z.enum(['accepted', 'followUpRequired']), comment: z.string().optional() }).optional(),
    followUpOf: z.string().optional(),
    link: linkStatusSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('VendorQuestionnaireResponse');

export const TOKEN_ID_PREFIX_LENGTH = 12;

export function toResponseView(response: ResponseRecord, now: string) {
  const { tenantId: _tenant, questionnaire: _snapshot, token, ...rest } = response;
  return {
    ...rest,
    link: { tokenIdPrefix: token.tokenId.slice(0, TOKEN_ID_PREFIX_LENGTH), issuedAt: token.issuedAt, expiresAt: token.expiresAt, status: questionnaireTokenStatus(token, now) },
  };
}

/** What the vendor sees through its link: the questions and its own answers, nothing else of the tenant. */
export const publicQuestionnaireViewSchema = z
  .object({
    requestedBy: z.string().openapi({ description: 'The organisation asking for the self-assessment' }),
    questionnaire: questionnaireViewSchema,
    status: z.enum(responseStatuses),
    answers: z.array(questionnaireAnswerSchema),
    expiresAt: z.string(),
    version: z.number().int(),
  })
  .openapi('PublicVendorQuestionnaire');

export function toPublicView(response: ResponseRecord, requestedBy: string) {
  return {
    requestedBy,
    questionnaire: toQuestionnaireView(response.questionnaire),
    status: response.status,
    answers: response.answers,
    expiresAt: response.token.expiresAt,
    version: response.version,
  };
}

// --- reports ---

export const reportAsOfSchema = z.object({ asOf: z.string().openapi({ description: 'The tenant-local date the report is computed for' }) });

export const criticalityReportSchema = reportAsOfSchema
  .extend({
    bands: z.array(z.object({ band: z.enum(['high', 'medium', 'low']), vendors: z.array(z.object({ vendorId: z.string(), name: z.string(), criticality: criticalitySchema })) })),
  })
  .openapi('VendorCriticalityReport');

export const overdueChecksReportSchema = reportAsOfSchema
  .extend({
    items: z.array(z.object({ vendorId: z.string(), name: z.string(), lastCheckDate: z.string().nullable(), nextDue: z.string(), overdue: z.boolean(), daysOverdue: z.number().int() })),
  })
  .openapi('VendorOverdueChecksReport');

export const missingClausesReportSchema = reportAsOfSchema.extend({ items: z.array(contractFindingSchema) }).openapi('VendorMissingClausesReport');

export const expiringCertificatesQuerySchema = z
  .object({ days: z.coerce.number().int().min(0).max(365).default(60).openapi({ description: 'Look-ahead window in days (default 60)' }) })
  .strict();

export const expiringCertificatesReportSchema = reportAsOfSchema
  .extend({
    days: z.number().int(),
    items: z.array(
      z.object({
        vendorId: z.string(),
        checkId: z.string(),
        certificate: z.object({ standard: z.string(), certificateNumber: z.string(), issuer: z.string(), scope: z.string(), validUntil: z.string() }),
        state: z.enum(['expired', 'expiring']),
        daysLeft: z.number().int(),
      }),
    ),
  })
  .openapi('VendorExpiringCertificatesReport');

export const crossBorderReportSchema = reportAsOfSchema
  .extend({
    items: z.array(z.object({ country: z.string(), vendors: z.array(z.object({ vendorId: z.string(), name: z.string() })), recordCount: z.number().int(), hasSpecialCategoryData: z.boolean() })),
  })
  .openapi('VendorCrossBorderReport');

