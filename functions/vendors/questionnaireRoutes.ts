/**
 * 委外廠商自我檢查表: the tenant's editable questionnaire, links a vendor answers through without
 * an account, the vendor's public endpoints (token only) and the officer's review.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { questionnaireAnswersInputSchema, responseReviewInputSchema } from '../../domain/vendor/questionnaire';
import { commandContextOf, listBindingOf } from '../http/commandContext';
import type { ApiEnv } from '../http/context';
import { expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { defineRoute, jsonBody, jsonContent, problemSchema } from '../http/route';
import { issueQuestionnaireLink } from './commands/issueQuestionnaireLink';
import { replaceQuestionnaire } from './commands/replaceQuestionnaire';
import { reviewQuestionnaireResponse } from './commands/reviewQuestionnaireResponse';
import { revokeQuestionnaireLink } from './commands/revokeQuestionnaireLink';
import { saveQuestionnaireAnswers } from './commands/saveQuestionnaireAnswers';
import { submitQuestionnaire } from './commands/submitQuestionnaire';
import { linkCommandContext, openedLink, resolveLink } from './questionnaireLinks';
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
  vendorParams,
} from './vendorModel';
import { currentQuestionnaire, listResponses, requireResponse } from './vendorStore';
import { vendorReadAccess, vendorWriteAccess } from './vendorSupport';

const TAG = ['Vendor oversight'];
const PUBLIC_TAG = ['Vendor self-assessment (public)'];
const publicAccess = { plane: 'public', roles: [] } as const;

const tokenParams = z.object({
  token: z.string().max(200).openapi({ param: { name: 'token', in: 'path' }, description: 'The secret from the link (shown once to the organisation)' }),
});

const goneResponse = { description: 'The link expired, was submitted or revoked / 連結已失效', content: { 'application/problem+json': { schema: problemSchema } } };

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

// --- handlers ---

export function registerQuestionnaireRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(getQuestionnaireRoute, async (c) => {
    const context = commandContextOf(c);
    const { questionnaire } = await currentQuestionnaire(context.table, context.tenantId);
    setEtag(c, questionnaire.version);
    return c.json(toQuestionnaireView(questionnaire), 200);
  });

  app.openapi(putQuestionnaireRoute, async (c) => {
    const expected = expectedVersion(c);
    const { view, version } = await replaceQuestionnaire(commandContextOf(c), expected, c.req.valid('json'));
    setEtag(c, version);
    return c.json(view, 200);
  });

  app.openapi(createLinkRoute, async (c) => {
    const link = await issueQuestionnaireLink(commandContextOf(c), c.get('deps').controlPlane, c.req.valid('param').vendorId, c.req.valid('json'));
    return c.json(link, 201);
  });

  app.openapi(listResponsesRoute, async (c) => {
    const { vendorId } = c.req.valid('param');
    const context = commandContextOf(c);
    const page = await listResponses(context.table, vendorId, context.clock().toISOString(), c.req.valid('query'), listBindingOf(c, 'vendor-questionnaire-responses', { vendorId }));
    return c.json(page, 200);
  });

  app.openapi(getResponseRoute, async (c) => {
    const { vendorId, responseId } = c.req.valid('param');
    const context = commandContextOf(c);
    const response = await requireResponse(context.table, vendorId, responseId);
    setEtag(c, response.version);
    return c.json(toResponseView(response, context.clock().toISOString()), 200);
  });

  app.openapi(reviewResponseRoute, async (c) => {
    const { vendorId, responseId } = c.req.valid('param');
    const expected = expectedVersion(c, { required: false });
    const { view, version } = await reviewQuestionnaireResponse(commandContextOf(c), vendorId, responseId, expected, c.req.valid('json'));
    setEtag(c, version);
    return c.json(view, 200);
  });

  app.openapi(revokeLinkRoute, async (c) => {
    const { vendorId, responseId } = c.req.valid('param');
    const expected = expectedVersion(c, { required: false });
    const { view, version } = await revokeQuestionnaireLink(commandContextOf(c), vendorId, responseId, expected);
    setEtag(c, version);
    return c.json(view, 200);
  });
}

/** The vendor's side: token-only endpoints, served by their own Lambda in AWS. */
export function registerPublicQuestionnaireRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(publicGetRoute, async (c) => {
    const link = await resolveLink(c, c.req.valid('param').token);
    setEtag(c, link.record.version);
    return c.json(toPublicView(link.record, link.tenant.companyName), 200);
  });

  app.openapi(publicSaveRoute, async (c) => {
    const expected = expectedVersion(c);
    const link = await resolveLink(c, c.req.valid('param').token);
    const { view, version } = await saveQuestionnaireAnswers(linkCommandContext(c, link), openedLink(link), expected, c.req.valid('json').answers);
    setEtag(c, version);
    return c.json(view, 200);
  });

  app.openapi(publicSubmitRoute, async (c) => {
    const expected = expectedVersion(c, { required: false });
    const link = await resolveLink(c, c.req.valid('param').token);
    const { view } = await submitQuestionnaire(linkCommandContext(c, link), openedLink(link), expected);
    return c.json(view, 200);
  });
}
