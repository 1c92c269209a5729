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
import { problemSchema, routeTable } from '../http/route';
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

const route = routeTable(TAG);
const publicRoute = routeTable(PUBLIC_TAG);

const getQuestionnaireRoute = route.get('/v1/vendor-questionnaire', vendorReadAccess, '本組織之委外廠商自我檢查表 / This organisation\'s vendor questionnaire', { description: 'The tenant\'s own copy; until edited, a copy of the default questionnaire (version 1).', 200: [questionnaireViewSchema, 'The questionnaire (ETag = its version)'] });

const putQuestionnaireRoute = route.put('/v1/vendor-questionnaire', vendorWriteAccess, '修改委外廠商自我檢查表 / Replace the vendor questionnaire', { body: putQuestionnaireSchema, description: 'New links use the new version; links already sent keep the version they were issued with.', 200: [questionnaireViewSchema, 'The new version'] });

const createLinkRoute = route.post('/v1/vendors/{vendorId}/questionnaire-links', vendorWriteAccess, '產生自我檢查表連結（僅顯示一次）/ Issue a self-assessment link (shown once)', { params: vendorParams, body: createQuestionnaireLinkSchema, description: 'Creates a draft response and a single-use, expiring link token for it. Only the token\'s SHA-256 is stored.', 201: [questionnaireLinkSchema, 'The link; `token` is shown once'] });

const listResponsesRoute = route.get('/v1/vendors/{vendorId}/questionnaire-responses', vendorReadAccess, '受託者之自我檢查表作答 / Questionnaire responses of a vendor', { params: vendorParams, query: pageQuerySchema, 200: [pageSchema(responseViewSchema, 'VendorQuestionnaireResponsePage'), 'Responses'] });

const getResponseRoute = route.get('/v1/vendors/{vendorId}/questionnaire-responses/{responseId}', vendorReadAccess, '自我檢查表作答 / A questionnaire response', { params: responseParams, 200: [responseViewSchema, 'The response'] });

const reviewResponseRoute = route.post('/v1/vendors/{vendorId}/questionnaire-responses/{responseId}/review', vendorWriteAccess, '審查自我檢查表 / Review a submitted questionnaire', { params: responseParams, body: responseReviewInputSchema.openapi('VendorQuestionnaireReview'), 200: [responseViewSchema, 'The reviewed response'] });

const revokeLinkRoute = route.post('/v1/vendors/{vendorId}/questionnaire-responses/{responseId}/revoke-link', vendorWriteAccess, '撤銷自我檢查表連結 / Revoke a questionnaire link', { params: responseParams, 200: [responseViewSchema, 'The response with its link revoked'] });

const publicGetRoute = publicRoute.get('/v1/public/vendor-questionnaires/{token}', publicAccess, '受託者開啟自我檢查表 / The vendor opens its questionnaire', { params: tokenParams, description: 'No account: the link token is the only credential and opens this one questionnaire only.', 200: [publicQuestionnaireViewSchema, 'The questions and the saved answers (ETag = version)'], 410: goneResponse });

const publicSaveRoute = publicRoute.put('/v1/public/vendor-questionnaires/{token}/answers', publicAccess, '受託者暫存答案 / The vendor saves draft answers', { params: tokenParams, body: questionnaireAnswersInputSchema.openapi('VendorQuestionnaireAnswers'), 200: [publicQuestionnaireViewSchema, 'The saved draft'], 410: goneResponse });

const publicSubmitRoute = publicRoute.post('/v1/public/vendor-questionnaires/{token}/submit', publicAccess, '受託者送出自我檢查表 / The vendor submits (answers lock; the link stops working)', { params: tokenParams, 200: [publicQuestionnaireViewSchema, 'The submitted questionnaire'], 410: goneResponse });

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
    const deps = c.get('deps');
    const mail = { mailer: deps.mailer, clock: deps.clock, logger: deps.logger, consoleBaseUrl: deps.config.consoleBaseUrl };
    const link = await issueQuestionnaireLink(commandContextOf(c), deps.controlPlane, c.req.valid('param').vendorId, c.req.valid('json'), mail);
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
