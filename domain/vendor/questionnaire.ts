/**
 * 委外廠商自我檢查表: the self-assessment questionnaire a vendor answers through a link.
 * The default questions follow Enforcement Rules Art. 8 ¶2 and the measures list of seed 000
 * §13(1)2; tenants edit their own copy. Answers are locked on submission and reviewed by the
 * personal-data officer.
 */
import { z } from 'zod';
import { contractClauseIdSchema, type ContractClauseId } from './contractClauses';
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type Outcome } from '../shared/outcome';
import type { VendorErrorCode } from './errors';

export const localizedTextSchema = z
  .object({
    zhTW: z.string().trim().min(1).max(2000).describe('Traditional Chinese (Taiwan)'),
    en: z.string().trim().min(1).max(2000).describe('English'),
  })
  .strict();

export const questionIdSchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9._-]{0,79}$/, 'Question ids are stable slugs such as q.scope')
  .describe('Stable question id; answers refer to it');

export const questionnaireQuestionSchema = z
  .object({
    id: questionIdSchema,
    text: localizedTextSchema,
    guidance: localizedTextSchema.optional().describe('What a good answer shows'),
    basedOnClauseId: contractClauseIdSchema.optional().describe('Contract clause (Art. 8 checklist) the question checks'),
    required: z.boolean().describe('Must be answered before submission'),
    evidenceRequested: z.boolean().describe('A yes/partial answer must cite evidence'),
  })
  .strict();
export type QuestionnaireQuestion = z.infer<typeof questionnaireQuestionSchema>;

export const questionnaireSchema = z
  .object({
    id: z.string().min(1),
    /** null for the product's default questionnaire, which no tenant edits. */
    tenantId: z.string().min(1).nullable(),
    version: z.number().int().min(1),
    title: localizedTextSchema,
    derivedFrom: z.object({ id: z.string(), version: z.number().int().min(1) }).strict().optional(),
    questions: z
      .array(questionnaireQuestionSchema)
      .min(1)
      .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'Question ids must be unique'),
  })
  .strict();
export type Questionnaire = z.infer<typeof questionnaireSchema>;

function q(id: string, basedOnClauseId: ContractClauseId | undefined, zhTW: string, en: string, evidenceRequested = true): QuestionnaireQuestion {
  return { id, text: { zhTW, en }, ...(basedOnClauseId ? { basedOnClauseId } : {}), required: true, evidenceRequested };
}

export const DEFAULT_QUESTIONNAIRE_ID = 'default-vendor-self-assessment';

export const defaultVendorQuestionnaire: Questionnaire = {
  id: DEFAULT_QUESTIONNAIRE_ID,
  tenantId: null,
  version: 1,
  title: { zhTW: '委外廠商個人資料保護自我檢查表', en: 'Vendor personal-data protection self-assessment' },
  questions: [
    q('q.scope', 'scopeCategoriesPurposePeriod', '貴公司是否僅於委託契約約定之範圍、類別、特定目的及期間內蒐集、處理或利用個人資料？', 'Do you collect, process and use personal data only within the scope, categories, specific purposes and period agreed in the contract?', false),
    q('q.instructionsOnly', 'scopeCategoriesPurposePeriod', '貴公司是否僅依委託者指示處理個人資料，並於認為指示違法時立即通知委託者？', 'Do you process personal data only on our instructions, and tell us at once if you consider an instruction unlawful?', false),
    q('q.measures.staffAndResources', 'measures.staffAndResources', '是否已配置個人資料管理人員及相當資源？', 'Have you assigned personal-data management staff and adequate resources?'),
    q('q.measures.dataScope', 'measures.dataScope', '是否定期清查並界定所保有之個人資料範圍（含本委託之資料）？', 'Do you periodically inventory and define the personal data you hold, including ours?'),
    q('q.measures.riskAssessment', 'measures.riskAssessment', '是否定期進行個人資料風險評估並採取相應管理措施？', 'Do you periodically assess personal-data risks and act on the results?'),
    q('q.measures.incidentResponse', 'measures.incidentResponse', '是否訂有事故之預防、通報及應變機制，並定期演練？', 'Do you have incident prevention, notification and response procedures, and drill them?'),
    q('q.measures.internalProcedures', 'measures.internalProcedures', '是否訂有個人資料蒐集、處理及利用之內部管理程序？', 'Do you have internal procedures for collecting, processing and using personal data?'),
    q('q.measures.dataSecurityAndPersonnel', 'measures.dataSecurityAndPersonnel', '是否採取資料安全管理（如加密、存取控制、備份保護）及人員管理（如保密約定、權限檢視）措施？', 'Do you apply data security (encryption, access control, backup protection) and personnel measures (confidentiality undertakings, access reviews)?'),
    q('q.measures.awarenessTraining', 'measures.awarenessTraining', '是否定期對接觸個人資料之人員實施認知宣導及教育訓練？', 'Do staff who handle personal data receive regular awareness and training?'),
    q('q.measures.equipmentSecurity', 'measures.equipmentSecurity', '是否對存有個人資料之設備及儲存媒介物採取安全管理及進出管制？', 'Do you secure equipment and storage media holding personal data, with access control to where they are kept?'),
    q('q.measures.securityAudit', 'measures.securityAudit', '是否定期執行個人資料安全稽核並改善缺失？', 'Do you audit personal-data security periodically and fix what is found?'),
    q('q.measures.logsAndEvidence', 'measures.logsAndEvidence', '是否保存使用紀錄、軌跡資料及證據至少五年？', 'Do you keep usage records, logs and evidence for at least five years?'),
    q('q.measures.continuousImprovement', 'measures.continuousImprovement', '是否定期檢視並持續改善個人資料安全維護措施？', 'Do you review and continuously improve your personal-data security measures?'),
    q('q.subProcessors', 'subProcessors', '如有複委託，是否事先經委託者同意並監督複受託者？', 'If you use sub-processors, did we approve them beforehand, and do you supervise them?', false),
    q('q.breachNotification', 'breachNotificationAndRemedies', '貴公司或其受僱人違反個資法令或發生個資事故時，是否立即通知委託者並採行補救措施？', 'Will you notify us at once and take remedial action when you or your staff breach data-protection law or suffer a personal-data incident?', false),
    q('q.returnAndDeletion', 'returnAndDeletion', '委託關係終止或解除時，是否返還個人資料載體並刪除所儲存之個人資料，且提供證明？', 'When the engagement ends, will you return data carriers, delete stored personal data and give proof?', false),
  ],
};

/** A tenant's own editable copy of a questionnaire (the default one or another tenant-owned one). */
export function deriveTenantQuestionnaire(base: Questionnaire, copy: { id: string; tenantId: string }): Questionnaire {
  return {
    id: copy.id,
    tenantId: copy.tenantId,
    version: 1,
    title: base.title,
    derivedFrom: { id: base.id, version: base.version },
    questions: base.questions.map((question) => ({ ...question })),
  };
}

export const questionnaireChangeSchema = z
  .discriminatedUnion('op', [
    z
      .object({ op: z.literal('add'), question: questionnaireQuestionSchema, afterQuestionId: questionIdSchema.optional() })
      .strict(),
    z
      .object({
        op: z.literal('update'),
        questionId: questionIdSchema,
        text: localizedTextSchema.optional(),
        guidance: localizedTextSchema.optional(),
        required: z.boolean().optional(),
        evidenceRequested: z.boolean().optional(),
      })
      .strict(),
    z.object({ op: z.literal('remove'), questionId: questionIdSchema }).strict(),
  ])
  .describe('One edit of a tenant questionnaire');
export type QuestionnaireChange = z.infer<typeof questionnaireChangeSchema>;

/**
 * Applies one edit and bumps the version. Question ids never change, so answers to earlier
 * versions stay readable; responses pin the version they were given.
 */
export function reviseQuestionnaire(questionnaire: Questionnaire, change: QuestionnaireChange, tenantId: string): Outcome<Questionnaire, VendorErrorCode> {
  if (questionnaire.tenantId === null || questionnaire.tenantId !== tenantId) {
    return fail('conflict', 'QUESTIONNAIRE_NOT_EDITABLE', { zhTW: '僅能編輯本組織自己的檢查表副本', en: "Only the tenant's own copy of a questionnaire can be edited" });
  }
  const questions = [...questionnaire.questions];
  const indexOf = (id: string) => questions.findIndex((x) => x.id === id);
  const unknown = (id: string) =>
    fail('invalid', 'QUESTIONNAIRE_QUESTION_UNKNOWN', { zhTW: `檢查表無此題目：${id}`, en: `No such question: ${id}` });
  switch (change.op) {
    case 'add': {
      if (indexOf(change.question.id) >= 0) {
        return fail('invalid', 'QUESTIONNAIRE_QUESTION_DUPLICATE', { zhTW: `題目代碼重複：${change.question.id}`, en: `Duplicate question id: ${change.question.id}` });
      }
      if (change.afterQuestionId === undefined) questions.push(change.question);
      else {
        const at = indexOf(change.afterQuestionId);
        if (at < 0) return unknown(change.afterQuestionId);
        questions.splice(at + 1, 0, change.question);
      }
      break;
    }
    case 'update': {
      const at = indexOf(change.questionId);
      if (at < 0) return unknown(change.questionId);
      const { op: _op, questionId: _id, ...fields } = change;
      const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      questions[at] = { ...questions[at]!, ...defined };
      break;
    }
    case 'remove': {
      const at = indexOf(change.questionId);
      if (at < 0) return unknown(change.questionId);
      if (questions.length === 1) {
        return fail('invalid', 'QUESTIONNAIRE_EMPTY', { zhTW: '檢查表至少須保留一題', en: 'A questionnaire needs at least one question' });
      }
      questions.splice(at, 1);
      break;
    }
  }
  return ok({ ...questionnaire, version: questionnaire.version + 1, questions });
}

export const answerValues = ['yes', 'no', 'partial', 'notApplicable'] as const;
export type AnswerValue = (typeof answerValues)[number];

export const questionnaireAnswerSchema = z
  .object({
    questionId: questionIdSchema,
    answer: z.enum(answerValues).describe('yes / no / partial / notApplicable'),
    comment: z.string().trim().max(4000).optional().describe('Required for no, partial and notApplicable'),
    evidenceRefs: z.array(z.string().trim().min(1).max(500)).default([]).describe('Documents or links supporting the answer'),
  })
  .strict();
export type QuestionnaireAnswer = z.infer<typeof questionnaireAnswerSchema>;

export const questionnaireAnswersInputSchema = z
  .object({ answers: z.array(questionnaireAnswerSchema).describe('Answers given so far; replaces the draft') })
  .strict();

export type AnswerIssueCode = 'UNKNOWN_QUESTION' | 'DUPLICATE_ANSWER' | 'REQUIRED_UNANSWERED' | 'COMMENT_REQUIRED' | 'EVIDENCE_REQUIRED';

export interface AnswerIssue {
  questionId: string;
  code: AnswerIssueCode;
  message: LocalizedText;
}

/** Answer issues as per-question field errors (`answers.<questionId>`), so the vendor's form can point at each. */
function answerIssueDetails(issues: AnswerIssue[]): { issues: AnswerIssue[]; fieldErrors: { field: string; reason: LocalizedText }[] } {
  return { issues, fieldErrors: issues.map((issue) => ({ field: `answers.${issue.questionId}`, reason: issue.message })) };
}

/**
 * Checks answers against a questionnaire. With `complete: false` (saving a draft) only answers
 * that cannot belong to the questionnaire are issues; with `complete: true` (submission) every
 * rule applies: a gap (no / partial) or a notApplicable must be explained, and a claimed measure
 * must cite evidence where the question asks for it.
 */
export function validateAnswers(
  questionnaire: Pick<Questionnaire, 'questions'>,
  answers: readonly QuestionnaireAnswer[],
  options: { complete: boolean },
): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const questions = new Map(questionnaire.questions.map((x) => [x.id, x]));
  const seen = new Set<string>();
  for (const answer of answers) {
    const question = questions.get(answer.questionId);
    if (!question) {
      issues.push({ questionId: answer.questionId, code: 'UNKNOWN_QUESTION', message: { zhTW: '檢查表無此題目', en: 'The questionnaire has no such question' } });
      continue;
    }
    if (seen.has(answer.questionId)) {
      issues.push({ questionId: answer.questionId, code: 'DUPLICATE_ANSWER', message: { zhTW: '同一題目僅能作答一次', en: 'A question can be answered once' } });
      continue;
    }
    seen.add(answer.questionId);
    if (!options.complete) continue;
    if (answer.answer !== 'yes' && !answer.comment?.trim()) {
      issues.push({
        questionId: answer.questionId,
        code: 'COMMENT_REQUIRED',
        message: { zhTW: '回答「否」、「部分」或「不適用」時須說明', en: 'Answers no, partial or notApplicable need an explanation' },
      });
    }
    if (question.evidenceRequested && (answer.answer === 'yes' || answer.answer === 'partial') && answer.evidenceRefs.length === 0) {
      issues.push({ questionId: answer.questionId, code: 'EVIDENCE_REQUIRED', message: { zhTW: '本題須提供佐證資料', en: 'This question needs supporting evidence' } });
    }
  }
  if (options.complete) {
    for (const question of questionnaire.questions) {
      if (question.required && !seen.has(question.id)) {
        issues.push({ questionId: question.id, code: 'REQUIRED_UNANSWERED', message: { zhTW: '必答題尚未作答', en: 'A required question is unanswered' } });
      }
    }
  }
  return issues;
}

export const responseStatuses = ['draft', 'submitted', 'accepted', 'followUpRequired'] as const;

export const questionnaireResponseSchema = z
  .object({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    vendorId: z.string().min(1),
    questionnaireId: z.string().min(1),
    questionnaireVersion: z.number().int().min(1),
    status: z.enum(responseStatuses),
    answers: z.array(questionnaireAnswerSchema),
    submittedAt: z.iso.datetime({ offset: true }).optional(),
    review: z
      .object({
        reviewer: z.string().min(1),
        decidedAt: z.iso.datetime({ offset: true }),
        decision: z.enum(['accepted', 'followUpRequired']),
        comment: z.string().optional(),
      })
      .strict()
      .optional(),
    /** Set on a follow-up round: the response whose review asked for it. */
    followUpOf: z.string().optional(),
  })
  .strict();
export type QuestionnaireResponse = z.infer<typeof questionnaireResponseSchema>;

function locked(): Outcome<never, VendorErrorCode> {
  return fail('conflict', 'RESPONSE_LOCKED', { zhTW: '檢查表已送出，答案已鎖定', en: 'The questionnaire was submitted; its answers are locked' });
}

function versionMismatch(response: QuestionnaireResponse, questionnaire: Questionnaire): Outcome<never, VendorErrorCode> | undefined {
  if (response.questionnaireId === questionnaire.id && response.questionnaireVersion === questionnaire.version) return undefined;
  return fail('invalid', 'QUESTIONNAIRE_VERSION_MISMATCH', { zhTW: '作答版本與檢查表版本不符', en: 'The response belongs to another questionnaire version' });
}

export function startQuestionnaireResponse(input: { id: string; tenantId: string; vendorId: string; questionnaire: Questionnaire }): QuestionnaireResponse {
  return {
    id: input.id,
    tenantId: input.tenantId,
    vendorId: input.vendorId,
    questionnaireId: input.questionnaire.id,
    questionnaireVersion: input.questionnaire.version,
    status: 'draft',
    answers: [],
  };
}

/** Saves a draft; partial answers are fine until submission. */
export function saveResponseAnswers(
  response: QuestionnaireResponse,
  questionnaire: Questionnaire,
  answers: QuestionnaireAnswer[],
): Outcome<QuestionnaireResponse, VendorErrorCode> {
  if (response.status !== 'draft') return locked();
  const mismatch = versionMismatch(response, questionnaire);
  if (mismatch) return mismatch;
  const issues = validateAnswers(questionnaire, answers, { complete: false });
  if (issues.length > 0) return fail('invalid', 'ANSWERS_INVALID', { zhTW: '答案不符合檢查表', en: 'The answers do not fit the questionnaire' }, { details: answerIssueDetails(issues) });
  return ok({ ...response, answers });
}

/** Submission locks the answers; it needs every rule of validateAnswers satisfied. */
export function submitResponse(response: QuestionnaireResponse, questionnaire: Questionnaire, now: string): Outcome<QuestionnaireResponse, VendorErrorCode> {
  if (response.status !== 'draft') return locked();
  const mismatch = versionMismatch(response, questionnaire);
  if (mismatch) return mismatch;
  const issues = validateAnswers(questionnaire, response.answers, { complete: true });
  if (issues.length > 0) return fail('invalid', 'RESPONSE_INCOMPLETE', { zhTW: '檢查表尚未完成，無法送出', en: 'The questionnaire is incomplete and cannot be submitted' }, { details: answerIssueDetails(issues) });
  return ok({ ...response, status: 'submitted', submittedAt: now });
}

export const responseReviewInputSchema = z
  .object({
    reviewer: z.string().trim().min(1).max(200).describe('個資管理專責人員 reviewing the answers'),
    decision: z.enum(['accepted', 'followUpRequired']),
    comment: z.string().trim().max(4000).optional().describe('Required when follow-up is required'),
  })
  .strict();
export type ResponseReviewInput = z.infer<typeof responseReviewInputSchema>;

export function reviewResponse(response: QuestionnaireResponse, input: ResponseReviewInput, now: string): Outcome<QuestionnaireResponse, VendorErrorCode> {
  if (response.status === 'draft') {
    return fail('conflict', 'RESPONSE_NOT_SUBMITTED', { zhTW: '廠商尚未送出檢查表', en: 'The vendor has not submitted the questionnaire' });
  }
  if (response.status !== 'submitted') {
    return fail('conflict', 'RESPONSE_ALREADY_REVIEWED', { zhTW: '此檢查表已審查', en: 'This response was already reviewed' });
  }
  if (input.decision === 'followUpRequired' && !input.comment?.trim()) {
    return fail('invalid', 'REVIEW_COMMENT_REQUIRED', { zhTW: '要求補正時須說明待補正事項', en: 'Say what must be followed up' }, { field: 'comment' });
  }
  const review = { reviewer: input.reviewer, decidedAt: now, decision: input.decision, ...(input.comment ? { comment: input.comment } : {}) };
  return ok({ ...response, status: input.decision, review });
}

/** A new draft round after followUpRequired, pre-filled with the previous answers. */
export function startFollowUpResponse(previous: QuestionnaireResponse, id: string): Outcome<QuestionnaireResponse, VendorErrorCode> {
  if (previous.status !== 'followUpRequired') {
    return fail('conflict', 'RESPONSE_ALREADY_REVIEWED', { zhTW: '僅有要求補正之檢查表可重新作答', en: 'Only a response marked followUpRequired can start a follow-up round' });
  }
  const { submittedAt: _s, review: _r, ...rest } = previous;
  return ok({ ...rest, id, status: 'draft', answers: previous.answers.map((a) => ({ ...a })), followUpOf: previous.id });
}

// --- Access tokens (the link a vendor answers through) ---

export const questionnaireTokenSchema = z
  .object({
    tokenId: z.string().min(1).describe('Id (hash) of the link token; the secret itself is never stored'),
    responseId: z.string().min(1),
    vendorId: z.string().min(1),
    issuedAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    revokedAt: z.iso.datetime({ offset: true }).optional(),
    submittedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((t) => Date.parse(t.expiresAt) > Date.parse(t.issuedAt), { message: 'expiresAt must be after issuedAt', path: ['expiresAt'] });
export type QuestionnaireToken = z.infer<typeof questionnaireTokenSchema>;

export type QuestionnaireTokenStatus = 'valid' | 'expired' | 'submitted' | 'revoked';

/**
 * A submitted token stays 'submitted' whatever happens later (the answers exist); then a
 * revocation wins over expiry. The token is expired AT expiresAt: validity is [issuedAt, expiresAt).
 */
export function questionnaireTokenStatus(token: QuestionnaireToken, now: string): QuestionnaireTokenStatus {
  const at = Date.parse(now);
  if (token.submittedAt !== undefined && Date.parse(token.submittedAt) <= at) return 'submitted';
  if (token.revokedAt !== undefined && Date.parse(token.revokedAt) <= at) return 'revoked';
  if (at >= Date.parse(token.expiresAt)) return 'expired';
  return 'valid';
}

export const DEFAULT_TOKEN_VALIDITY_DAYS = 14;

export function issueQuestionnaireToken(input: {
  tokenId: string;
  responseId: string;
  vendorId: string;
  now: string;
  validForDays?: number;
}): QuestionnaireToken {
  const days = input.validForDays ?? DEFAULT_TOKEN_VALIDITY_DAYS;
  if (!Number.isInteger(days) || days < 1) throw new RangeError('validForDays must be a positive integer');
  const issuedAt = new Date(Date.parse(input.now)).toISOString();
  const expiresAt = new Date(Date.parse(input.now) + days * 86_400_000).toISOString();
  return { tokenId: input.tokenId, responseId: input.responseId, vendorId: input.vendorId, issuedAt, expiresAt };
}

export function revokeQuestionnaireToken(token: QuestionnaireToken, now: string): Outcome<QuestionnaireToken, VendorErrorCode> {
  const status = questionnaireTokenStatus(token, now);
  if (status === 'submitted' || status === 'revoked') {
    return fail('conflict', 'TOKEN_ALREADY_CLOSED', { zhTW: '連結已使用或已撤銷', en: 'The link was already used or revoked' });
  }
  return ok({ ...token, revokedAt: now });
}

/** The token must be valid at `now` to submit through it; submitting closes it. */
export function markTokenSubmitted(token: QuestionnaireToken, now: string): Outcome<QuestionnaireToken, VendorErrorCode> {
  const status = questionnaireTokenStatus(token, now);
  if (status !== 'valid') {
    return fail('conflict', 'TOKEN_NOT_VALID', { zhTW: `連結無法使用（${status}）`, en: `The link cannot be used (${status})` }, { details: { status } });
  }
  return ok({ ...token, submittedAt: now });
}
