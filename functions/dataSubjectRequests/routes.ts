/**
 * Data-subject requests (當事人權利行使, PDPA Arts. 3, 10, 11, 13, 14, 20 ¶2): intake from staff and
 * website integrations, the life cycle as domain events, statutory deadlines that the product
 * chases, notices to the requester, dashboard figures and the tenant's fee and calendar settings.
 *
 * The requester's identifiers are encrypted at rest and masked (隱碼) in every response unless an
 * owner or officer asks to reveal them, which is itself an audited event.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { READ_ROLES, WRITE_ROLES, type Role } from '../../domain/access/roles';
import { normalizePhoneForHashing } from '../../domain/privacy/masking';
import { addDays } from '../../domain/shared/isoDate';
import { commandContextOf, listBindingOf, todayOf } from '../http/commandContext';
import type { ApiContext, ApiEnv } from '../http/context';
import { expectedVersion, setEtag } from '../http/etag';
import { pageSchema } from '../http/pagination';
import { ApiProblem } from '../http/problem';
import { routeTable } from '../http/route';
import { createDataSubjectRequest } from './commands/createDataSubjectRequest';
import { recordEvent } from './commands/recordEvent';
import { requesterNameForLetter, revealRequester } from './commands/revealRequester';
import { updateSettings } from './commands/updateSettings';
import {
  communicationKindParam,
  communicationViewSchema,
  createDataSubjectRequestSchema,
  dataSubjectRequestSummarySchema,
  dataSubjectRequestViewSchema,
  eventBodySchema,
  listDataSubjectRequestsQuerySchema,
  lookupSchema,
  nothingToCommunicate,
  revealQuerySchema,
  settingsSchema,
  settingsViewSchema,
  statisticsQuerySchema,
  statisticsViewSchema,
} from './dataSubjectRequestModel';
import {
  dataSubjectRequestFigures,
  listDataSubjectRequests,
  loadSettings,
  normaliseForLookup,
  openRequestsOfPerson,
  requesterNoticeView,
  requireStoredRequest,
  settingsView,
  storedRequestView,
  type LookupField,
} from './dataSubjectRequestStore';

const TAG = 'Data-subject requests';
const readAccess = { plane: 'tenant', roles: [...READ_ROLES, 'integration'], integrationScope: 'dsr:read' } as const;
// Websites and CRMs submit requests on the data subject's behalf, so intake accepts integrations.
const intakeAccess = { plane: 'tenant', roles: [...WRITE_ROLES, 'integration'], integrationScope: 'dsr:write' } as const;
// Decisions, extensions and settings are the privacy team's own acts.
const staffWriteAccess = { plane: 'tenant', roles: WRITE_ROLES } as const;

const idParam = z
  .string()
  .regex(/^dsr_[0-9a-z]{26}$/)
  .openapi({ param: { name: 'dataSubjectRequestId', in: 'path' }, example: 'dsr_01jq3z5k8m9n0p1q2r3s4t5v6w' });
const idParams = z.object({ dataSubjectRequestId: idParam });

// ---------------------------------------------------------------------------------------------
// Routes

const route = routeTable([TAG]);

const createRoute = route.post('/v1/data-subject-requests', intakeAccess, '受理當事人請求 / Record a data-subject request', { body: createDataSubjectRequestSchema, description: 'Deadlines follow the tenant\'s settings (Civil Code computation by default). Retries with the same Idempotency-Key return the same request.', 201: [dataSubjectRequestViewSchema, 'The request, identifiers masked, with each deadline and how it was computed'] });

const listRoute = route.get('/v1/data-subject-requests', readAccess, '當事人請求清單 / List data-subject requests', { query: listDataSubjectRequestsQuerySchema, 200: [pageSchema(dataSubjectRequestSummarySchema, 'DataSubjectRequestPage'), 'Requests, identifiers masked'] });

const statisticsRoute = route.get('/v1/data-subject-requests/statistics', readAccess, '當事人請求統計 / Data-subject request figures', { query: statisticsQuerySchema, 200: [statisticsViewSchema, 'Open, due within 3 days, overdue, median days to decision per type'] });

const lookupRoute = route.post('/v1/data-subject-requests/lookups', readAccess, '以聯絡方式查詢進行中之請求 / Find a person\'s open requests', { body: lookupSchema, description: 'POST so identifiers stay out of URLs and access logs. Matched by a keyed hash; no clear text is stored or compared.', 200: [z.object({ items: z.array(dataSubjectRequestSummarySchema) }).openapi('DataSubjectRequestLookupResult'), 'Open requests of that person, masked'] });

const getSettingsRoute = route.get('/v1/data-subject-request-settings', readAccess, '當事人請求設定 / Data-subject request settings', { 200: [settingsViewSchema, 'Fee schedule (Art. 14) and how periods are counted'] });

const putSettingsRoute = route.put('/v1/data-subject-request-settings', staffWriteAccess, '更新當事人請求設定 / Replace data-subject request settings', { body: settingsSchema, description: 'Applies to requests received afterwards; a request keeps the settings it was received under. Before the first save the ETag is "0".', 200: [settingsViewSchema, 'The saved settings'] });

const getRoute = route.get('/v1/data-subject-requests/{dataSubjectRequestId}', readAccess, '當事人請求 / A data-subject request', { params: idParams, query: revealQuerySchema, description: 'Identifiers are masked. reveal=true (owner/officer only) shows them in clear and writes an audit event.', 200: [dataSubjectRequestViewSchema, 'The request'] });

const eventRoute = route.post('/v1/data-subject-requests/{dataSubjectRequestId}/events', staffWriteAccess, '記錄當事人請求事件 / Record an event on a data-subject request', { params: idParams, body: eventBodySchema, description: 'Identity checks, extensions (notice before the deadline), decisions with legal grounds, fees, accuracy disputes, downstream notices, fulfilment, closing, withdrawal. Optional If-Match.', 200: [dataSubjectRequestViewSchema, 'The request after the event'] });

const communicationRoute = route.get('/v1/data-subject-requests/{dataSubjectRequestId}/communications/{communicationKind}', readAccess, '致請求人之通知 / A notice to the requester (zh-TW and en)', { params: idParams.extend({ communicationKind: communicationKindParam.openapi({ param: { name: 'communicationKind', in: 'path' } }) }), query: revealQuerySchema, description: 'Rendered from the recorded request, with ROC dates and the case number. A letter is for the requester: owners and officers (who send it) get it with the requester\'s own name (audited); other readers get a preview with the masked name.', 200: [communicationViewSchema, 'The notice'] });

// ---------------------------------------------------------------------------------------------
// Helpers

function mayReveal(c: ApiContext): boolean {
  return WRITE_ROLES.includes(c.get('principal').role as Role);
}

/** Seeing identifiers in clear is for owners and officers only; others are told so (403). */
function assertMayReveal(c: ApiContext): void {
  if (!mayReveal(c)) {
    throw new ApiProblem('forbidden', {
      code: 'revealNotAllowed',
      detail: { zhTW: '僅擁有者或個資管理人員得檢視請求人之完整個人資料', en: 'Only an owner or officer may see the requester\'s identifiers in clear' },
    });
  }
}

const invalidField = (field: string, zhTW: string, en: string) => new ApiProblem('validationError', { errors: [{ field, reason: { zhTW, en } }] });

// ---------------------------------------------------------------------------------------------
// Area

export const dataSubjectRequestsArea = {
  name: 'dataSubjectRequests',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(createRoute, async (c) => {
      const input = c.req.valid('json');
      if (input.requester.phone && !normalizePhoneForHashing(input.requester.phone)) {
        throw invalidField('requester.phone', '電話號碼格式不正確', 'Not a phone number');
      }
      const { view, version } = await createDataSubjectRequest(commandContextOf(c), input);
      setEtag(c, version);
      return c.json(view, 201);
    });

    app.openapi(listRoute, async (c) => {
      const context = commandContextOf(c);
      const { limit, cursor, status, type, dueBefore, overdue } = c.req.valid('query');
      const page = await listDataSubjectRequests(
        context.table,
        { status, type, dueBefore, overdue: overdue === 'true' },
        { limit, cursor },
        listBindingOf(c, 'data-subject-requests', { status: status ?? null, type: type ?? null, dueBefore: dueBefore ?? null, overdue: overdue === 'true' }),
        { now: context.clock(), defaultTimeZone: context.profile.timeZone },
      );
      return c.json(page, 200);
    });

    app.openapi(statisticsRoute, async (c) => {
      const context = commandContextOf(c);
      const since = c.req.valid('query').since ?? addDays(todayOf(c), -365);
      return c.json(await dataSubjectRequestFigures(context.table, { since, timeZone: context.profile.timeZone, now: context.clock() }), 200);
    });

    app.openapi(lookupRoute, async (c) => {
      const context = commandContextOf(c);
      const body = c.req.valid('json');
      const field: LookupField = body.email ? 'email' : body.phone ? 'phone' : 'nationalId';
      const normalised = normaliseForLookup(field, body[field]!);
      if (!normalised) throw invalidField(field, '格式不正確，無法查詢', 'Not in a form that can be looked up');
      const items = await openRequestsOfPerson(context.table, await context.fieldCipher(), field, normalised, context.clock());
      return c.json({ items }, 200);
    });

    app.openapi(getSettingsRoute, async (c) => {
      const context = commandContextOf(c);
      const settings = await loadSettings(context.table, context.profile.timeZone);
      setEtag(c, settings.version);
      return c.json(settingsView(settings), 200);
    });

    app.openapi(putSettingsRoute, async (c) => {
      const { view, version } = await updateSettings(commandContextOf(c), c.req.valid('json'), expectedVersion(c), c.get('deps').controlPlane);
      setEtag(c, version);
      return c.json(view, 200);
    });

    app.openapi(getRoute, async (c) => {
      const context = commandContextOf(c);
      const { dataSubjectRequestId } = c.req.valid('param');
      const reveal = c.req.valid('query').reveal === 'true';
      const stored = await requireStoredRequest(context.table, dataSubjectRequestId);
      if (reveal) assertMayReveal(c);
      const revealed = reveal ? await revealRequester(context, stored, 'view') : undefined;
      setEtag(c, stored.request.version);
      return c.json(storedRequestView(stored, context.clock(), revealed), 200);
    });

    app.openapi(eventRoute, async (c) => {
      const { dataSubjectRequestId } = c.req.valid('param');
      const expected = expectedVersion(c, { required: false });
      const { view, version } = await recordEvent(commandContextOf(c), dataSubjectRequestId, c.req.valid('json'), expected);
      setEtag(c, version);
      return c.json(view, 200);
    });

    app.openapi(communicationRoute, async (c) => {
      const context = commandContextOf(c);
      const { dataSubjectRequestId, communicationKind } = c.req.valid('param');
      const reveal = c.req.valid('query').reveal === 'true';
      const stored = await requireStoredRequest(context.table, dataSubjectRequestId);
      // Render first, so a reveal is only audited when there is a notice to show.
      const preview = requesterNoticeView(stored, communicationKind);
      if (!preview) {
        throw new ApiProblem('notFound', nothingToCommunicate);
      }
      if (reveal) assertMayReveal(c);
      else if (!mayReveal(c)) return c.json(preview, 200);
      const name = await requesterNameForLetter(context, stored, communicationKind);
      return c.json(requesterNoticeView(stored, communicationKind, name)!, 200);
    });
  },
};
