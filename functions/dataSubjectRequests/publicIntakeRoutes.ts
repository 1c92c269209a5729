/**
 * The public request form's endpoints (no account): file a request through a tenant's form,
 * confirm it by the e-mailed one-time link, and see the status of that one case. Throttled like
 * the questionnaire links: an unknown slug or secret counts against the caller's address
 * (http/route.ts guardPublicToken), and submissions have a budget per address and per e-mail.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { confirmationState, publicCaseStatus } from '../../domain/dataSubjectRequest/publicIntake';
import { requestTypeNames, requestTypes } from '../../domain/dataSubjectRequest/requestTypes';
import { clientAddressOf } from '../http/authThrottle';
import type { ApiEnv } from '../http/context';
import { problemSchema, routeTable } from '../http/route';
import { confirmPublicRequest } from './commands/confirmPublicRequest';
import { submitPublicRequest } from './commands/submitPublicRequest';
import { requireStoredRequest } from './dataSubjectRequestStore';
import { confirmationGone, publicCommandContext, resolveForm, resolveLink, statusLinkGone, submissionThrottleOf } from './publicIntakeAccess';
import {
  confirmationResultSchema,
  formSlugParams,
  linkTokenParams,
  publicCaseStatusSchema,
  publicFormViewSchema,
  publicSubmissionBodySchema,
  submissionAcceptedSchema,
  toPublicCaseStatusView,
} from './publicIntakeModel';

const publicAccess = { plane: 'public', roles: [] } as const;
const route = routeTable(['Data-subject request form (public)']);
const goneResponse = { description: 'The link was used or expired / 連結已使用或已失效', content: { 'application/problem+json': { schema: problemSchema } } };

const formRoute = route.get('/v1/public/request-forms/{formSlug}', publicAccess, '當事人請求表單 / The public request form', {
  params: formSlugParams,
  description: 'The company the form belongs to and the rights to choose from. 404 when the form does not exist or is switched off.',
  200: [publicFormViewSchema, 'The form'],
});

const submitRoute = route.post('/v1/public/request-forms/{formSlug}/submissions', publicAccess, '當事人以線上表單提出請求 / A person files a request through the public form', {
  params: formSlugParams,
  body: publicSubmissionBodySchema,
  description: 'No account. Nothing is received until the person confirms by the one-time link e-mailed to the address given. The answer is the same for every address. 404 when the form does not exist or is switched off.',
  202: [submissionAcceptedSchema, 'A confirmation e-mail was sent'],
});

const confirmRoute = route.post('/v1/public/request-confirmations/{token}', publicAccess, '當事人確認請求（一次性連結）/ The person confirms the request (one-time link)', {
  params: linkTokenParams,
  description: 'Creates the data-subject request, received now. The confirmation is recorded as the start of the identity check, not as identity verified. Answers the case number, the statutory decision date and a status link (shown once, also e-mailed).',
  200: [confirmationResultSchema, 'The case number, the decision date and the status link'],
  410: goneResponse,
});

const statusRoute = route.get('/v1/public/request-status/{token}', publicAccess, '當事人查詢案件進度 / The person sees the status of their case', {
  params: linkTokenParams,
  description: 'Only this one case: its stage and the dates the company must keep.',
  200: [publicCaseStatusSchema, 'The case status'],
  410: goneResponse,
});

const rightName = (right: keyof typeof requestTypeNames) => requestTypeNames[right];

export function registerPublicIntakeRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.openapi(formRoute, async (c) => {
    const form = await resolveForm(c, c.req.valid('param').formSlug);
    return c.json({ companyName: form.tenant.companyName, rights: requestTypes.map((right) => ({ right, name: requestTypeNames[right] })) }, 200);
  });

  app.openapi(submitRoute, async (c) => {
    const deps = c.get('deps');
    const body = c.req.valid('json');
    const form = await resolveForm(c, c.req.valid('param').formSlug);
    await submissionThrottleOf(deps).consume(clientAddressOf(c), body.email);
    const context = publicCommandContext(c, form, 'publicRequestForm');
    return c.json(await submitPublicRequest(context, deps, body), 202);
  });

  app.openapi(confirmRoute, async (c) => {
    const deps = c.get('deps');
    const link = await resolveLink(c, 'confirmation', c.req.valid('param').token);
    const state = confirmationState(link.submission, deps.clock().toISOString());
    if (state !== 'valid') throw confirmationGone(state);
    const context = publicCommandContext(c, link, `publicRequestForm:${link.hash.slice(0, 12)}`);
    const confirmation = await confirmPublicRequest(context, deps, link.submission);
    // The answer carries the status-link secret: it is not kept as an idempotency replay (secrets are stored as hashes only);
    // a retry finds the link spent and is pointed to the receipt e-mail, which carries the same status link.
    const claim = c.get('idempotency');
    if (claim) claim.stored = true;
    return c.json(confirmation, 200);
  });

  app.openapi(statusRoute, async (c) => {
    const deps = c.get('deps');
    const link = await resolveLink(c, 'status', c.req.valid('param').token);
    const { submission } = link;
    if (!submission.requestId || !submission.statusExpiresAt || Date.parse(submission.statusExpiresAt) <= deps.clock().getTime()) {
      throw statusLinkGone();
    }
    const stored = await requireStoredRequest(link.table, submission.requestId);
    return c.json(toPublicCaseStatusView(publicCaseStatus(stored.request), link.tenant.companyName, rightName), 200);
  });
}

/** Public request-form endpoints (no credential): an area of the data-subject request group. */
export const dataSubjectRequestPublicIntakeArea = {
  name: 'dataSubjectRequestPublicIntake',
  register: registerPublicIntakeRoutes,
};
