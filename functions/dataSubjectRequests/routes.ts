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
import { renderRequesterMessage } from '../../domain/dataSubjectRequest/communications';
import {
  applyDataSubjectRequestEvent,
  createDataSubjectRequest,
  requestStatuses,
  terminalStatuses,
  type DataSubjectRequest,
  type DataSubjectRequestError,
  type DataSubjectRequestEvent,
} from '../../domain/dataSubjectRequest/dataSubjectRequest';
import { dataSubjectRequestStatistics } from '../../domain/dataSubjectRequest/statistics';
import { normalizePhoneForHashing } from '../../domain/privacy/masking';
import { normalizeTaiwanIdNumber } from '../../domain/privacy/taiwanIdNumber';
import type { DutyOwner } from '../../domain/reviews/duty';
import { addDays, isIsoDate, zonedDateOf, zonedEndOfDay } from '../../domain/shared/isoDate';
import { tenantMutationScope, tenantOf, type ApiContext, type ApiEnv } from '../http/context';
import { assertVersion, expectedVersion, setEtag } from '../http/etag';
import { pageSchema } from '../http/pagination';
import { ApiProblem } from '../http/problem';
import { defineRoute, jsonBody, jsonContent } from '../http/route';
import { commitAudited } from '../store/auditedCommit';
import { mapWriteConflict, queryPage } from '../store/entityStore';
import { newId } from '../store/ids';
import { tenantTableIndexes } from '../store/tableDesign';
import { planDecisionDeadlines, type DeadlinePlan } from './dataSubjectRequestDeadlines';
import {
  communicationKindParam,
  communicationViewSchema,
  createDataSubjectRequestSchema,
  dataSubjectRequestSummarySchema,
  dataSubjectRequestViewSchema,
  eventBodySchema,
  listDataSubjectRequestsQuerySchema,
  lookupSchema,
  maskRequester,
  revealQuerySchema,
  settingsSchema,
  settingsViewSchema,
  statisticsViewSchema,
  toDataSubjectRequestSummary,
  toDataSubjectRequestView,
  type RequesterClear,
} from './dataSubjectRequestModel';
import {
  DUE_PARTITION,
  REGISTER_PARTITION,
  fromRequestItem,
  getStoredRequest,
  getStoredRequests,
  loadSettings,
  lookupHash,
  lookupWrites,
  normaliseForLookup,
  openItemDetails,
  queryAll,
  requestIdsByLookup,
  requestWrite,
  sealItemDetails,
  sealRequester,
  settingsWrite,
  statusPartition,
  unsealRequester,
  type LookupField,
  type StoredDataSubjectRequest,
  type StoredSettings,
} from './dataSubjectRequestStore';

const TAG = 'Data-subject requests';
const readAccess = { plane: 'tenant', roles: [...READ_ROLES, 'integration'], integrationScope: 'dsr:read' } as const;
// Websites and CRMs submit requests on the data subject's behalf, so intake accepts integrations.
const intakeAccess = { plane: 'tenant', roles: [...WRITE_ROLES, 'integration'], integrationScope: 'dsr:write' } as const;
// Decisions, extensions and settings are the privacy team's own acts.
const staffWriteAccess = { plane: 'tenant', roles: WRITE_ROLES } as const;

const WHAT = { zhTW: '當事人請求', en: 'data-subject request' };

const idParam = z
  .string()
  .regex(/^dsr_[0-9a-z]{26}$/)
  .openapi({ param: { name: 'dataSubjectRequestId', in: 'path' }, example: 'dsr_01jq3z5k8m9n0p1q2r3s4t5v6w' });
const idParams = z.object({ dataSubjectRequestId: idParam });

// ---------------------------------------------------------------------------------------------
// Routes

const createRoute = defineRoute({
  method: 'post',
  path: '/v1/data-subject-requests',
  tags: [TAG],
  summary: '受理當事人請求 / Record a data-subject request',
  description: 'Deadlines follow the tenant\'s settings (Civil Code computation by default). Retries with the same Idempotency-Key return the same request.',
  access: intakeAccess,
  request: { body: jsonBody(createDataSubjectRequestSchema) },
  responses: { 201: jsonContent(dataSubjectRequestViewSchema, 'The request, identifiers masked, with each deadline and how it was computed') },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/v1/data-subject-requests',
  tags: [TAG],
  summary: '當事人請求清單 / List data-subject requests',
  access: readAccess,
  request: { query: listDataSubjectRequestsQuerySchema },
  responses: { 200: jsonContent(pageSchema(dataSubjectRequestSummarySchema, 'DataSubjectRequestPage'), 'Requests, identifiers masked') },
});

const statisticsRoute = defineRoute({
  method: 'get',
  path: '/v1/data-subject-requests/statistics',
  tags: [TAG],
  summary: '當事人請求統計 / Data-subject request figures',
  access: readAccess,
  request: {
    query: z
      .object({ since: z.string().refine(isIsoDate, { message: 'Expected YYYY-MM-DD' }).optional().openapi({ description: 'Default: 365 days ago' }) })
      .strict(),
  },
  responses: { 200: jsonContent(statisticsViewSchema, 'Open, due within 3 days, overdue, median days to decision per type') },
});

const lookupRoute = defineRoute({
  method: 'post',
  path: '/v1/data-subject-requests/lookups',
  tags: [TAG],
  summary: '以聯絡方式查詢進行中之請求 / Find a person\'s open requests',
  description: 'POST so identifiers stay out of URLs and access logs. Matched by a keyed hash; no clear text is stored or compared.',
  access: readAccess,
  request: { body: jsonBody(lookupSchema) },
  responses: { 200: jsonContent(z.object({ items: z.array(dataSubjectRequestSummarySchema) }).openapi('DataSubjectRequestLookupResult'), 'Open requests of that person, masked') },
});

const getSettingsRoute = defineRoute({
  method: 'get',
  path: '/v1/data-subject-request-settings',
  tags: [TAG],
  summary: '當事人請求設定 / Data-subject request settings',
  access: readAccess,
  responses: { 200: jsonContent(settingsViewSchema, 'Fee schedule (Art. 14) and how periods are counted') },
});

const putSettingsRoute = defineRoute({
  method: 'put',
  path: '/v1/data-subject-request-settings',
  tags: [TAG],
  summary: '更新當事人請求設定 / Replace data-subject request settings',
  description: 'Applies to requests received afterwards; a request keeps the settings it was received under. Before the first save the ETag is "0".',
  access: staffWriteAccess,
  request: { body: jsonBody(settingsSchema) },
  responses: { 200: jsonContent(settingsViewSchema, 'The saved settings') },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/v1/data-subject-requests/{dataSubjectRequestId}',
  tags: [TAG],
  summary: '當事人請求 / A data-subject request',
  description: 'Identifiers are masked. reveal=true (owner/officer only) shows them in clear and writes an audit event.',
  access: readAccess,
  request: { params: idParams, query: revealQuerySchema },
  responses: { 200: jsonContent(dataSubjectRequestViewSchema, 'The request') },
});

const eventRoute = defineRoute({
  method: 'post',
  path: '/v1/data-subject-requests/{dataSubjectRequestId}/events',
  tags: [TAG],
  summary: '記錄當事人請求事件 / Record an event on a data-subject request',
  description: 'Identity checks, extensions (notice before the deadline), decisions with legal grounds, fees, accuracy disputes, downstream notices, fulfilment, closing, withdrawal. Optional If-Match.',
  access: staffWriteAccess,
  request: {
    params: idParams,
    body: jsonBody(eventBodySchema),
  },
  responses: { 200: jsonContent(dataSubjectRequestViewSchema, 'The request after the event') },
});

const communicationRoute = defineRoute({
  method: 'get',
  path: '/v1/data-subject-requests/{dataSubjectRequestId}/communications/{communicationKind}',
  tags: [TAG],
  summary: '致請求人之通知 / A notice to the requester (zh-TW and en)',
  description: 'Rendered from the recorded request. The greeting uses the masked name unless reveal=true (owner/officer; audited).',
  access: readAccess,
  request: {
    params: idParams.extend({ communicationKind: communicationKindParam.openapi({ param: { name: 'communicationKind', in: 'path' } }) }),
    query: revealQuerySchema,
  },
  responses: { 200: jsonContent(communicationViewSchema, 'The notice') },
});

// ---------------------------------------------------------------------------------------------
// Helpers

function domainProblem(error: DataSubjectRequestError): ApiProblem {
  return new ApiProblem(error.httpStatus === 409 ? 'conflict' : 'ruleViolation', {
    code: error.code,
    detail: error.message,
    errors: [{ field: error.itemType ? `items.${error.itemType}` : '(body)', reason: error.message }],
  });
}

async function requireStored(c: ApiContext, id: string): Promise<StoredDataSubjectRequest> {
  const tenant = tenantOf(c);
  const stored = await getStoredRequest(tenant.doc, tenant.tableName, id);
  if (!stored) throw new ApiProblem('notFound', { detail: { zhTW: `找不到${WHAT.zhTW}`, en: `No such ${WHAT.en}` } });
  return stored;
}

function deadlineOwner(stored: Pick<StoredDataSubjectRequest, 'assignee'>): DutyOwner {
  return stored.assignee ?? { role: 'privacyOfficer' };
}

/**
 * Clear identifiers for an owner or officer, after the reveal is on the audit chain: if the
 * audit write fails, nothing is shown.
 */
async function revealRequester(c: ApiContext, stored: StoredDataSubjectRequest, purpose: string): Promise<RequesterClear> {
  const principal = c.get('principal');
  if (!WRITE_ROLES.includes(principal.role as Role)) {
    throw new ApiProblem('forbidden', {
      code: 'revealNotAllowed',
      detail: { zhTW: '僅擁有者或個資管理人員得檢視請求人之完整個人資料', en: 'Only an owner or officer may see the requester\'s identifiers in clear' },
    });
  }
  const tenant = tenantOf(c);
  const clear = unsealRequester(await tenant.fieldCipher(), stored.request.id, stored.requesterSealed);
  const revealedFields = Object.keys(clear).filter((field) => !['preferredLocale', 'actingAs'].includes(field));
  await commitAudited(tenantMutationScope(c), {
    changes: [{ action: 'dataSubjectRequest.reveal', resourceType: 'dataSubjectRequest', resourceId: stored.request.id, before: null, after: { revealedFields, purpose } }],
    writes: [],
  });
  return clear;
}

/**
 * Schedules live outside DynamoDB, so they are changed after the commit. A failure here does not
 * undo the request change: the open task still sits in the dueByDate index, where the reviews
 * sweep finds it, so the deadline is chased either way.
 */
async function applySchedules(c: ApiContext, plan: DeadlinePlan): Promise<void> {
  const deps = c.get('deps');
  for (const schedule of plan.upserts) {
    await deps.deadlineScheduler.upsert(schedule).catch((error: Error) => deps.logger.warn('deadline schedule upsert failed', { requestId: c.get('requestId'), schedule: schedule.name, message: error.message }));
  }
  for (const name of plan.removals) {
    await deps.deadlineScheduler.remove(name).catch((error: Error) => deps.logger.warn('deadline schedule removal failed', { requestId: c.get('requestId'), schedule: name, message: error.message }));
  }
}

function settingsView(settings: StoredSettings) {
  return {
    feeSchedule: settings.feeSchedule,
    periodSettings: { timeZone: settings.periodSettings.timeZone, mode: settings.periodSettings.mode, calendar: { ...settings.periodSettings.calendar } },
    updatedAt: settings.updatedAt,
    updatedBy: settings.updatedBy,
    version: settings.version,
  };
}

/** Art. 14 fees follow the tenant's published schedule: a quote must use one of its entries as saved. */
function checkQuoteAgainstSchedule(event: DataSubjectRequestEvent, settings: StoredSettings): void {
  if (event.type !== 'quoteFee') return;
  const entry = settings.feeSchedule.find((candidate) => candidate.id === event.feeScheduleEntry.id);
  if (!entry || entry.requestType !== event.feeScheduleEntry.requestType || entry.unitAmountTwd !== event.feeScheduleEntry.unitAmountTwd) {
    throw new ApiProblem('ruleViolation', {
      code: 'FEE_ENTRY_NOT_IN_SCHEDULE',
      detail: { zhTW: '報價須依本公司已訂定之收費標準（個人資料保護法第14條）', en: 'A quote must use an entry of the tenant\'s fee schedule as saved (PDPA Art. 14)' },
      errors: [{ field: 'feeScheduleEntry', reason: { zhTW: '收費標準中無此項目或金額不符', en: 'No such entry in the fee schedule, or its amount differs' } }],
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
      const deps = c.get('deps');
      const tenant = tenantOf(c);
      const input = c.req.valid('json');
      if (input.requester.phone && !normalizePhoneForHashing(input.requester.phone)) {
        throw invalidField('requester.phone', '電話號碼格式不正確', 'Not a phone number');
      }
      const now = deps.clock();
      const settings = await loadSettings(tenant.doc, tenant.tableName, tenant.profile.timeZone);
      const id = newId('dsr', now.getTime());
      const created = createDataSubjectRequest(
        { receivedAt: input.receivedAt, channel: input.channel, requester: input.requester, items: input.items, periodSettings: settings.periodSettings },
        { id, tenantId: tenant.tenantId, actor: c.get('principal').actorId, now: now.toISOString() },
      );
      if (!created.ok) throw domainProblem(created.error);
      const clear: RequesterClear = {
        ...created.request.requester,
        ...(input.identifiers?.nationalId ? { nationalId: normalizeTaiwanIdNumber(input.identifiers.nationalId) } : {}),
        ...(input.identifiers?.otherIdentifiers.length ? { otherIdentifiers: input.identifiers.otherIdentifiers } : {}),
      };
      const cipher = await tenant.fieldCipher();
      const masked = maskRequester(clear);
      const sealedRequest = sealItemDetails(cipher, created.request);
      const stored: StoredDataSubjectRequest = {
        request: sealedRequest,
        requesterSealed: sealRequester(cipher, id, clear),
        requesterMasked: masked,
        assignee: input.assignee ?? null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      const plan = await planDecisionDeadlines(tenant, null, sealedRequest, deadlineOwner(stored), { actor: c.get('principal').actorId, now });
      const view = toDataSubjectRequestView(sealedRequest, stored, masked, now);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [{ action: 'dataSubjectRequest.create', resourceType: 'dataSubjectRequest', resourceId: id, before: null, after: view }, ...plan.changes],
          writes: [requestWrite(tenant.tableName, stored, null), ...lookupWrites(tenant.tableName, cipher, created.request, clear), ...plan.writes],
          response: { status: 201, body: view },
        });
      } catch (error) {
        mapWriteConflict(error, 'create');
      }
      await applySchedules(c, plan);
      setEtag(c, view.version);
      return c.json(view, 201);
    });

    app.openapi(listRoute, async (c) => {
      const tenant = tenantOf(c);
      const now = c.get('deps').clock();
      const { limit, cursor, status, type, dueBefore, overdue } = c.req.valid('query');
      // Exclusive upper bound on "<due instant>#<id>": '~' sorts after any id, so a whole day is included.
      const bounds: string[] = [];
      if (dueBefore) {
        const { periodSettings } = await loadSettings(tenant.doc, tenant.tableName, tenant.profile.timeZone);
        bounds.push(`${zonedEndOfDay(dueBefore, periodSettings.timeZone)}#~`);
      }
      if (overdue === 'true') bounds.push(now.toISOString());
      const bound = bounds.sort()[0];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      let query: Parameters<typeof queryPage>[4];
      if (status) {
        const index = tenantTableIndexes.byResource;
        // DynamoDB rejects unused names/values, so the sort key appears only with a bound.
        names['#pk'] = index.pk;
        values[':pk'] = statusPartition(status);
        if (bound) {
          names['#sk'] = index.sk;
          values[':bound'] = bound;
        }
        query = { IndexName: index.name, KeyConditionExpression: bound ? '#pk = :pk AND #sk < :bound' : '#pk = :pk' };
      } else if (bound) {
        // Without a status, "due by" and "overdue" read the sparse due index: only undecided items.
        const index = tenantTableIndexes.dueByDate;
        Object.assign(names, { '#pk': index.pk, '#sk': index.sk });
        Object.assign(values, { ':pk': DUE_PARTITION, ':bound': bound });
        query = { IndexName: index.name, KeyConditionExpression: '#pk = :pk AND #sk < :bound' };
      } else {
        const index = tenantTableIndexes.byOwnerOrActor;
        Object.assign(names, { '#pk': index.pk });
        values[':pk'] = REGISTER_PARTITION;
        query = { IndexName: index.name, KeyConditionExpression: '#pk = :pk', ScanIndexForward: false };
      }
      if (type) {
        // A request holds up to seven types; filtering within the partition keeps one index per question.
        names['#types'] = 'itemTypes';
        values[':type'] = type;
        query.FilterExpression = 'contains(#types, :type)';
      }
      const page = await queryPage(
        c,
        'data-subject-requests',
        { status: status ?? null, type: type ?? null, dueBefore: dueBefore ?? null, overdue: overdue === 'true' },
        { limit, cursor },
        { ...query, ExpressionAttributeNames: names, ExpressionAttributeValues: values },
        (item) => {
          const stored = fromRequestItem(item);
          return toDataSubjectRequestSummary(stored.request, stored.requesterMasked, now);
        },
      );
      return c.json(page, 200);
    });

    app.openapi(statisticsRoute, async (c) => {
      const tenant = tenantOf(c);
      const now = c.get('deps').clock();
      const since = c.req.valid('query').since ?? addDays(zonedDateOf(now, tenant.profile.timeZone), -365);
      const MAX = 10_000;
      const byId = new Map<string, DataSubjectRequest>();
      const collect = (items: Record<string, unknown>[]) => items.forEach((item) => {
        const stored = fromRequestItem(item);
        byId.set(stored.request.id, stored.request);
      });
      // Open requests of any age (they drive "due" and "overdue"), then everything received since `since` (medians).
      for (const status of requestStatuses.filter((s) => !terminalStatuses.includes(s))) {
        const index = tenantTableIndexes.byResource;
        collect((await queryAll(tenant.doc, tenant.tableName, {
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': index.pk },
          ExpressionAttributeValues: { ':pk': statusPartition(status) },
        }, MAX)).items);
      }
      const index = tenantTableIndexes.byOwnerOrActor;
      collect((await queryAll(tenant.doc, tenant.tableName, {
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk AND #sk >= :since',
        ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
        ExpressionAttributeValues: { ':pk': REGISTER_PARTITION, ':since': zonedEndOfDay(addDays(since, -1), tenant.profile.timeZone) },
      }, MAX)).items);
      const figures = dataSubjectRequestStatistics([...byId.values()], now.toISOString());
      return c.json({ asOf: now.toISOString(), since, ...figures, requestsConsidered: byId.size }, 200);
    });

    app.openapi(lookupRoute, async (c) => {
      const tenant = tenantOf(c);
      const now = c.get('deps').clock();
      const body = c.req.valid('json');
      const field: LookupField = body.email ? 'email' : body.phone ? 'phone' : 'nationalId';
      const normalised = normaliseForLookup(field, body[field]!);
      if (!normalised) throw invalidField(field, '格式不正確，無法查詢', 'Not in a form that can be looked up');
      const cipher = await tenant.fieldCipher();
      const ids = await requestIdsByLookup(tenant.doc, tenant.tableName, field, lookupHash(cipher, field, normalised));
      const requests = await getStoredRequests(tenant.doc, tenant.tableName, ids);
      const open = requests
        .filter((stored) => !terminalStatuses.includes(stored.request.status))
        .sort((a, b) => b.request.receivedAt.localeCompare(a.request.receivedAt))
        .map((stored) => toDataSubjectRequestSummary(stored.request, stored.requesterMasked, now));
      return c.json({ items: open }, 200);
    });

    app.openapi(getSettingsRoute, async (c) => {
      const tenant = tenantOf(c);
      const settings = await loadSettings(tenant.doc, tenant.tableName, tenant.profile.timeZone);
      setEtag(c, settings.version);
      return c.json(settingsView(settings), 200);
    });

    app.openapi(putSettingsRoute, async (c) => {
      const tenant = tenantOf(c);
      const expected = expectedVersion(c);
      const input = c.req.valid('json');
      const current = await loadSettings(tenant.doc, tenant.tableName, tenant.profile.timeZone);
      assertVersion(current.version, expected);
      const next: StoredSettings = {
        feeSchedule: input.feeSchedule,
        periodSettings: input.periodSettings,
        updatedAt: c.get('deps').clock().toISOString(),
        updatedBy: c.get('principal').actorId,
        version: current.version + 1,
      };
      const view = settingsView(next);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [{ action: 'dataSubjectRequestSettings.update', resourceType: 'dataSubjectRequestSettings', resourceId: 'settings', before: settingsView(current), after: view }],
          writes: [settingsWrite(tenant.tableName, next, current.version)],
        });
      } catch (error) {
        mapWriteConflict(error, 'update');
      }
      setEtag(c, next.version);
      return c.json(view, 200);
    });

    app.openapi(getRoute, async (c) => {
      const now = c.get('deps').clock();
      const { dataSubjectRequestId } = c.req.valid('param');
      const reveal = c.req.valid('query').reveal === 'true';
      const stored = await requireStored(c, dataSubjectRequestId);
      const requester = reveal ? await revealRequester(c, stored, 'view') : stored.requesterMasked;
      const cipher = reveal ? await tenantOf(c).fieldCipher() : undefined;
      const openDetails = cipher ? (type: string, sealed: string) => openItemDetails(cipher, stored.request.id, type, sealed) : undefined;
      setEtag(c, stored.request.version);
      return c.json(toDataSubjectRequestView(stored.request, stored, requester, now, reveal, openDetails), 200);
    });

    app.openapi(eventRoute, async (c) => {
      const deps = c.get('deps');
      const tenant = tenantOf(c);
      const now = deps.clock();
      const { dataSubjectRequestId } = c.req.valid('param');
      const event = c.req.valid('json');
      const expected = expectedVersion(c, { required: false });
      const stored = await requireStored(c, dataSubjectRequestId);
      assertVersion(stored.request.version, expected);
      if (event.type === 'quoteFee') checkQuoteAgainstSchedule(event, await loadSettings(tenant.doc, tenant.tableName, tenant.profile.timeZone));
      const applied = applyDataSubjectRequestEvent(stored.request, event, now.toISOString());
      if (!applied.ok) throw domainProblem(applied.error);
      const next: StoredDataSubjectRequest = { ...stored, request: applied.request, updatedAt: now.toISOString() };
      const plan = await planDecisionDeadlines(tenant, stored.request, applied.request, deadlineOwner(stored), { actor: event.actor, now });
      const before = toDataSubjectRequestView(stored.request, stored, stored.requesterMasked, now);
      const view = toDataSubjectRequestView(applied.request, next, stored.requesterMasked, now);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [{ action: `dataSubjectRequest.${event.type}`, resourceType: 'dataSubjectRequest', resourceId: dataSubjectRequestId, before, after: view }, ...plan.changes],
          writes: [requestWrite(tenant.tableName, next, stored.request.version), ...plan.writes],
          response: { status: 200, body: view },
        });
      } catch (error) {
        mapWriteConflict(error, 'update');
      }
      await applySchedules(c, plan);
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(communicationRoute, async (c) => {
      const { dataSubjectRequestId, communicationKind } = c.req.valid('param');
      const reveal = c.req.valid('query').reveal === 'true';
      const stored = await requireStored(c, dataSubjectRequestId);
      // Render first, so a reveal is only audited when there is a notice to show.
      const preview = renderRequesterMessage(stored.request, communicationKind);
      if (!preview) {
        throw new ApiProblem('notFound', {
          code: 'NOTHING_TO_COMMUNICATE',
          detail: { zhTW: '此請求目前尚無此類通知之內容', en: 'This request has nothing for this kind of notice yet' },
        });
      }
      const message = reveal
        ? renderRequesterMessage({ ...stored.request, requester: { ...stored.request.requester, name: (await revealRequester(c, stored, `notice:${communicationKind}`)).name } }, communicationKind)!
        : preview;
      return c.json({ requestId: dataSubjectRequestId, kind: communicationKind, subject: message.subject, body: message.body, recipientRevealed: reveal }, 200);
    });
  },
};
