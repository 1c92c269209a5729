/**
 * 委外廠商自我檢查表: the tenant's editable questionnaire, links a vendor answers through without
 * an account, the vendor's public endpoints (token only) and the officer's review.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  DEFAULT_QUESTIONNAIRE_ID,
  defaultVendorQuestionnaire,
  deriveTenantQuestionnaire,
  issueQuestionnaireToken,
  markTokenSubmitted,
  questionnaireAnswersInputSchema,
  responseReviewInputSchema,
  reviewResponse,
  revokeQuestionnaireToken,
  saveResponseAnswers,
  startFollowUpResponse,
  startQuestionnaireResponse,
  submitResponse,
  type AnswerIssue,
  type Questionnaire,
  type QuestionnaireResponse,
} from '../../domain/vendor/questionnaire';
import type { VendorError } from '../../domain/vendor/errors';
import { tenantMutationScope, tenantOf, type ApiContext, type ApiEnv } from '../http/context';
import { assertVersion, expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { ApiProblem, type FieldError } from '../http/problem';
import { defineRoute, jsonBody, jsonContent, problemSchema } from '../http/route';
import { commitAudited } from '../store/auditedCommit';
import { getEntity, mapWriteConflict, putEntityWrite, queryPage, requireEntity } from '../store/entityStore';
import { newId } from '../store/ids';
import { newQuestionnaireToken, publicQuestionnairePath, resolveLink, vendorMutationScope } from './questionnaireLinks';
import {
  createQuestionnaireLinkSchema,
  publicQuestionnaireViewSchema,
  putQuestionnaireSchema,
  questionnaireLinkSchema,
  questionnaireViewSchema,
  responseParams,
  responseViewSchema,
  toPublicView,
  toQuestionnaireView,
  toResponseView,
  TOKEN_ID_PREFIX_LENGTH,
  vendorParams,
} from './vendorModel';
import {
  questionnaireItem,
  recordOf,
  responseItem,
  tokenIndexItem,
  vendorChildrenQuery,
  vendorKeys,
  type ResponseRecord,
  type TenantQuestionnaireRecord,
} from './vendorStore';
import { requireVendor, vendorProblem, vendorReadAccess, vendorWriteAccess } from './vendorSupport';

const TAG = ['Vendor oversight'];
const PUBLIC_TAG = ['Vendor self-assessment (public)'];
const publicAccess = { plane: 'public', roles: [] } as const;

/** The tenant's copy has a fixed id: one editable questionnaire per tenant. */
const TENANT_QUESTIONNAIRE_ID = 'tenant-vendor-self-assessment';

const tokenParams = z.object({
  token: z.string().max(200).openapi({ param: { name: 'token', in: 'path' }, description: 'The secret from the link (shown once to the organisation)' }),
});

const goneResponse = { description: 'The link expired, was submitted or revoked / 連結已失效', content: { 'application/problem+json': { schema: problemSchema } } };

const responseWhat = { zhTW: '此檢查表作答', en: 'questionnaire response' };

// --- routes ---

const getQuestionnaireRoute = defineRoute({
  method: 'get',
  path: '/v1/vendor-questionnaire',
  tags: TAG,
  summary: '本組織之委外廠商自我檢查表 / This organisation\'s vendor questionnaire',
  description: 'The tenant\'s own copy; until edited, a copy of the default questionnaire (version 1).',
  access: vendorReadAccess,
  responses: { 200: jsonContent(questionnaireViewSchema, 'The questionnaire (ETag = its version)') },
});

const putQuestionnaireRoute = defineRoute({
  method: 'put',
  path: '/v1/vendor-questionnaire',
  tags: TAG,
  summary: '修改委外廠商自我檢查表 / Replace the vendor questionnaire',
  description: 'New links use the new version; links already sent keep the version they were issued with.',
  access: vendorWriteAccess,
  request: { body: jsonBody(putQuestionnaireSchema) },
  responses: { 200: jsonContent(questionnaireViewSchema, 'The new version') },
});

const createLinkRoute = defineRoute({
  method: 'post',
  path: '/v1/vendors/{vendorId}/questionnaire-links',
  tags: TAG,
  summary: '產生自我檢查表連結（僅顯示一次）/ Issue a self-assessment link (shown once)',
  description: 'Creates a draft response and a single-use, expiring link token for it. Only the token\'s SHA-256 is stored.',
  access: vendorWriteAccess,
  request: { params: vendorParams, body: jsonBody(createQuestionnaireLinkSchema) },
  responses: { 201: jsonContent(questionnaireLinkSchema, 'The link; `token` is shown once') },
});

const listResponsesRoute = defineRoute({
  method: 'get',
  path: '/v1/vendors/{vendorId}/questionnaire-responses',
  tags: TAG,
  summary: '受託者之自我檢查表作答 / Questionnaire responses of a vendor',
  access: vendorReadAccess,
  request: { params: vendorParams, query: pageQuerySchema },
  responses: { 200: jsonContent(pageSchema(responseViewSchema, 'VendorQuestionnaireResponsePage'), 'Responses') },
});

const getResponseRoute = defineRoute({
  method: 'get',
  path: '/v1/vendors/{vendorId}/questionnaire-responses/{responseId}',
  tags: TAG,
  summary: '自我檢查表作答 / A questionnaire response',
  access: vendorReadAccess,
  request: { params: responseParams },
  responses: { 200: jsonContent(responseViewSchema, 'The response') },
});

const reviewResponseRoute = defineRoute({
  method: 'post',
  path: '/v1/vendors/{vendorId}/questionnaire-responses/{responseId}/review',
  tags: TAG,
  summary: '審查自我檢查表 / Review a submitted questionnaire',
  access: vendorWriteAccess,
  request: { params: responseParams, body: jsonBody(responseReviewInputSchema.openapi('VendorQuestionnaireReview')) },
  responses: { 200: jsonContent(responseViewSchema, 'The reviewed response') },
});

const revokeLinkRoute = defineRoute({
  method: 'post',
  path: '/v1/vendors/{vendorId}/questionnaire-responses/{responseId}/revoke-link',
  tags: TAG,
  summary: '撤銷自我檢查表連結 / Revoke a questionnaire link',
  access: vendorWriteAccess,
  request: { params: responseParams },
  responses: { 200: jsonContent(responseViewSchema, 'The response with its link revoked') },
});

const publicGetRoute = defineRoute({
  method: 'get',
  path: '/v1/public/vendor-questionnaires/{token}',
  tags: PUBLIC_TAG,
  summary: '受託者開啟自我檢查表 / The vendor opens its questionnaire',
  description: 'No account: the link token is the only credential and opens this one questionnaire only.',
  access: publicAccess,
  request: { params: tokenParams },
  responses: { 200: jsonContent(publicQuestionnaireViewSchema, 'The questions and the saved answers (ETag = version)'), 410: goneResponse },
});

const publicSaveRoute = defineRoute({
  method: 'put',
  path: '/v1/public/vendor-questionnaires/{token}/answers',
  tags: PUBLIC_TAG,
  summary: '受託者暫存答案 / The vendor saves draft answers',
  access: publicAccess,
  request: { params: tokenParams, body: jsonBody(questionnaireAnswersInputSchema.openapi('VendorQuestionnaireAnswers')) },
  responses: { 200: jsonContent(publicQuestionnaireViewSchema, 'The saved draft'), 410: goneResponse },
});

const publicSubmitRoute = defineRoute({
  method: 'post',
  path: '/v1/public/vendor-questionnaires/{token}/submit',
  tags: PUBLIC_TAG,
  summary: '受託者送出自我檢查表 / The vendor submits (answers lock; the link stops working)',
  access: publicAccess,
  request: { params: tokenParams },
  responses: { 200: jsonContent(publicQuestionnaireViewSchema, 'The submitted questionnaire'), 410: goneResponse },
});

// --- helpers ---

/** The stored tenant copy, or (not yet edited) the default as version 1 of the tenant's copy. */
async function currentQuestionnaire(c: ApiContext): Promise<{ questionnaire: Questionnaire; stored: boolean }> {
  const tenant = tenantOf(c);
  const stored = await getEntity<TenantQuestionnaireRecord>(tenant.doc, tenant.tableName, vendorKeys.questionnaire());
  if (stored) {
    const { updatedAt: _u, updatedBy: _b, ...questionnaire } = recordOf<TenantQuestionnaireRecord>(stored);
    return { questionnaire, stored: true };
  }
  return { questionnaire: deriveTenantQuestionnaire(defaultVendorQuestionnaire, { id: TENANT_QUESTIONNAIRE_ID, tenantId: tenant.tenantId }), stored: false };
}

/** Answer issues as per-question field errors, so the vendor's form can point at each one. */
function answerProblem(error: VendorError): ApiProblem {
  const issues = Array.isArray(error.details) ? (error.details as AnswerIssue[]) : [];
  const errors: FieldError[] = issues.map((issue) => ({ field: `answers.${issue.questionId}`, reason: issue.message }));
  return vendorProblem(error, undefined, errors);
}

export function registerQuestionnaireRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(getQuestionnaireRoute, async (c) => {
    const { questionnaire } = await currentQuestionnaire(c);
    setEtag(c, questionnaire.version);
    return c.json(toQuestionnaireView(questionnaire), 200);
  });

  app.openapi(putQuestionnaireRoute, async (c) => {
    const deps = c.get('deps');
    const tenant = tenantOf(c);
    const expected = expectedVersion(c);
    const { questionnaire: current, stored } = await currentQuestionnaire(c);
    assertVersion(current.version, expected);
    const input = c.req.valid('json');
    const next: TenantQuestionnaireRecord = {
      id: TENANT_QUESTIONNAIRE_ID,
      tenantId: tenant.tenantId,
      version: current.version + 1,
      title: input.title,
      derivedFrom: current.derivedFrom ?? { id: DEFAULT_QUESTIONNAIRE_ID, version: defaultVendorQuestionnaire.version },
      questions: input.questions,
      updatedAt: deps.clock().toISOString(),
      updatedBy: c.get('principal').actorId,
    };
    const view = toQuestionnaireView(next);
    try {
      await commitAudited(tenantMutationScope(c), {
        changes: [{ action: 'vendorQuestionnaire.update', resourceType: 'vendorQuestionnaire', resourceId: TENANT_QUESTIONNAIRE_ID, before: toQuestionnaireView(current), after: view }],
        // The questionnaire's own version doubles as the item version (the default copy is version 1, never stored).
        writes: [putEntityWrite(tenant.tableName, questionnaireItem(next), stored ? current.version : null)],
      });
    } catch (error) {
      mapWriteConflict(error, 'update');
    }
    setEtag(c, next.version);
    return c.json(view, 200);
  });

  app.openapi(createLinkRoute, async (c) => {
    const deps = c.get('deps');
    const tenant = tenantOf(c);
    const { vendorId } = c.req.valid('param');
    const vendor = await requireVendor(c, vendorId);
    const input = c.req.valid('json');
    const now = deps.clock().toISOString();
    const responseId = newId('vqr');
    let response: QuestionnaireResponse;
    let questionnaire: Questionnaire;
    if (input.followUpOf) {
      // A follow-up round keeps the questionnaire version the vendor answered, pre-filled with its answers.
      const previous = recordOf<ResponseRecord>(await requireEntity<ResponseRecord>(c, vendorKeys.response(vendorId, input.followUpOf), responseWhat));
      const { questionnaire: snapshot, token: _t, createdAt: _c, updatedAt: _u, version: _v, ...previousResponse } = previous;
      const started = startFollowUpResponse(previousResponse, responseId);
      if (!started.ok) throw vendorProblem(started.error, 'followUpOf');
      response = started.value;
      questionnaire = snapshot;
    } else {
      questionnaire = (await currentQuestionnaire(c)).questionnaire;
      response = startQuestionnaireResponse({ id: responseId, tenantId: tenant.tenantId, vendorId: vendor.id, questionnaire });
    }
    const { token, tokenHash } = newQuestionnaireToken();
    const tokenRecord = issueQuestionnaireToken({ tokenId: tokenHash, responseId, vendorId: vendor.id, now, validForDays: input.validForDays });
    const record: ResponseRecord = { ...response, questionnaire, token: tokenRecord, createdAt: now, updatedAt: now, version: 1 };
    const view = toResponseView(record, now);
    const link = {
      responseId,
      vendorId: vendor.id,
      tokenIdPrefix: tokenHash.slice(0, TOKEN_ID_PREFIX_LENGTH),
      expiresAt: tokenRecord.expiresAt,
    };
    try {
      // One transaction across the tenant table (response + audit) and the control plane (token index),
      // like API keys: the control-plane client may write both; the tenant-scoped one only the tenant's.
      await commitAudited(
        { ...tenantMutationScope(c), doc: deps.controlPlane.doc },
        {
          changes: [{ action: 'vendorQuestionnaire.issueLink', resourceType: 'vendorQuestionnaireResponse', resourceId: responseId, before: null, after: view }],
          writes: [
            putEntityWrite(tenant.tableName, responseItem(record), null),
            {
              Put: {
                TableName: deps.controlPlane.tableName,
                Item: tokenIndexItem(tokenHash, { tenantId: tenant.tenantId, vendorId: vendor.id, responseId, expiresAt: tokenRecord.expiresAt }),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { ConditionCheck: { TableName: tenant.tableName, Key: vendorKeys.vendor(vendor.id), ConditionExpression: 'attribute_exists(pk)' } },
          ],
          // A replay never shows the secret again.
          response: { status: 201, body: { ...link, token: null, tokenRedacted: true, path: null } },
        },
      );
    } catch (error) {
      mapWriteConflict(error, 'create');
    }
    return c.json({ ...link, token, path: publicQuestionnairePath(token) }, 201);
  });

  app.openapi(listResponsesRoute, async (c) => {
    const { vendorId } = c.req.valid('param');
    await requireVendor(c, vendorId);
    const now = c.get('deps').clock().toISOString();
    const page = await queryPage(c, 'vendor-questionnaire-responses', { vendorId }, c.req.valid('query'), vendorChildrenQuery(vendorId, 'QRESPONSE#'), (item) =>
      toResponseView(recordOf<ResponseRecord>(item), now),
    );
    return c.json(page, 200);
  });

  app.openapi(getResponseRoute, async (c) => {
    const { vendorId, responseId } = c.req.valid('param');
    const response = recordOf<ResponseRecord>(await requireEntity<ResponseRecord>(c, vendorKeys.response(vendorId, responseId), responseWhat));
    setEtag(c, response.version);
    return c.json(toResponseView(response, c.get('deps').clock().toISOString()), 200);
  });

  app.openapi(reviewResponseRoute, async (c) => {
    const deps = c.get('deps');
    const tenant = tenantOf(c);
    const { vendorId, responseId } = c.req.valid('param');
    const expected = expectedVersion(c, { required: false });
    const current = recordOf<ResponseRecord>(await requireEntity<ResponseRecord>(c, vendorKeys.response(vendorId, responseId), responseWhat));
    assertVersion(current.version, expected);
    const now = deps.clock().toISOString();
    const outcome = reviewResponse(current, c.req.valid('json'), now);
    if (!outcome.ok) throw vendorProblem(outcome.error, outcome.error.code === 'REVIEW_COMMENT_REQUIRED' ? 'comment' : undefined);
    const next: ResponseRecord = { ...current, ...outcome.value, version: current.version + 1, updatedAt: now };
    const view = toResponseView(next, now);
    try {
      await commitAudited(tenantMutationScope(c), {
        changes: [{ action: 'vendorQuestionnaire.review', resourceType: 'vendorQuestionnaireResponse', resourceId: responseId, before: toResponseView(current, now), after: view }],
        writes: [putEntityWrite(tenant.tableName, responseItem(next), current.version)],
        response: { status: 200, body: view },
      });
    } catch (error) {
      mapWriteConflict(error, 'update');
    }
    setEtag(c, next.version);
    return c.json(view, 200);
  });

  app.openapi(revokeLinkRoute, async (c) => {
    const deps = c.get('deps');
    const tenant = tenantOf(c);
    const { vendorId, responseId } = c.req.valid('param');
    const expected = expectedVersion(c, { required: false });
    const current = recordOf<ResponseRecord>(await requireEntity<ResponseRecord>(c, vendorKeys.response(vendorId, responseId), responseWhat));
    assertVersion(current.version, expected);
    const now = deps.clock().toISOString();
    const outcome = revokeQuestionnaireToken(current.token, now);
    if (!outcome.ok) throw vendorProblem(outcome.error);
    const next: ResponseRecord = { ...current, token: outcome.value, version: current.version + 1, updatedAt: now };
    const view = toResponseView(next, now);
    try {
      await commitAudited(tenantMutationScope(c), {
        changes: [{ action: 'vendorQuestionnaire.revokeLink', resourceType: 'vendorQuestionnaireResponse', resourceId: responseId, before: toResponseView(current, now), after: view }],
        writes: [putEntityWrite(tenant.tableName, responseItem(next), current.version)],
        response: { status: 200, body: view },
      });
    } catch (error) {
      mapWriteConflict(error, 'update');
    }
    setEtag(c, next.version);
    return c.json(view, 200);
  });

  // --- public: the token is the only credential ---

}

/** The vendor's side: token-only endpoints, served by their own Lambda in AWS. */
export function registerPublicQuestionnaireRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(publicGetRoute, async (c) => {
    const link = await resolveLink(c, c.req.valid('param').token);
    setEtag(c, link.record.version);
    return c.json(toPublicView(link.record, link.companyName), 200);
  });

  app.openapi(publicSaveRoute, async (c) => {
    const expected = expectedVersion(c);
    const link = await resolveLink(c, c.req.valid('param').token);
    const current = link.record;
    assertVersion(current.version, expected);
    const outcome = saveResponseAnswers(current, current.questionnaire, c.req.valid('json').answers);
    if (!outcome.ok) throw answerProblem(outcome.error);
    const now = c.get('deps').clock().toISOString();
    const next: ResponseRecord = { ...current, answers: outcome.value.answers, version: current.version + 1, updatedAt: now };
    try {
      await commitAudited(vendorMutationScope(c, link), {
        changes: [{ action: 'vendorQuestionnaire.saveAnswers', resourceType: 'vendorQuestionnaireResponse', resourceId: current.id, before: { answers: current.answers }, after: { answers: next.answers } }],
        writes: [putEntityWrite(link.tableName, responseItem(next), current.version)],
      });
    } catch (error) {
      mapWriteConflict(error, 'update');
    }
    setEtag(c, next.version);
    return c.json(toPublicView(next, link.companyName), 200);
  });

  app.openapi(publicSubmitRoute, async (c) => {
    const expected = expectedVersion(c, { required: false });
    const link = await resolveLink(c, c.req.valid('param').token);
    const current = link.record;
    assertVersion(current.version, expected);
    const now = c.get('deps').clock().toISOString();
    const submitted = submitResponse(current, current.questionnaire, now);
    if (!submitted.ok) throw answerProblem(submitted.error);
    const closed = markTokenSubmitted(current.token, now);
    if (!closed.ok) throw vendorProblem(closed.error);
    const next: ResponseRecord = { ...current, ...submitted.value, token: closed.value, version: current.version + 1, updatedAt: now };
    try {
      // The answers lock and the link closes in one conditional write on the one item: a second
      // submit (or a replayed token) finds the response no longer a draft and gets 410.
      await commitAudited(vendorMutationScope(c, link), {
        changes: [{ action: 'vendorQuestionnaire.submit', resourceType: 'vendorQuestionnaireResponse', resourceId: current.id, before: { status: current.status }, after: { status: next.status, submittedAt: next.submittedAt } }],
        writes: [putEntityWrite(link.tableName, responseItem(next), current.version)],
      });
    } catch (error) {
      mapWriteConflict(error, 'update');
    }
    return c.json(toPublicView(next, link.companyName), 200);
  });
}

