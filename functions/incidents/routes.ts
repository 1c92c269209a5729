/**
 * 個資事故: record an incident and run its 72-hour clock (reminders through the reviews
 * pipeline), the report to the competent authority, notices to data subjects and customers,
 * the response timeline up to closure, corrective and preventive actions, and yearly drills.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { READ_ROLES, WRITE_ROLES } from '../../domain/access/roles';
import { renderRegulatorNotificationDocx, renderRegulatorNotificationHtml } from '../../domain/incident';
import { commandContextOf, listBindingOf } from '../http/commandContext';
import type { ApiEnv } from '../http/context';
import { expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema } from '../http/pagination';
import { ApiProblem } from '../http/problem';
import { routeTable } from '../http/route';
import { addCorrectiveAction } from './commands/addCorrectiveAction';
import { closeIncident } from './commands/closeIncident';
import { createIncident } from './commands/createIncident';
import { recordNotice } from './commands/recordNotice';
import { recordRegulatorReport } from './commands/recordRegulatorReport';
import { recordStep } from './commands/recordStep';
import { transitionCorrectiveAction } from './commands/transitionCorrectiveAction';
import { updateIncident } from './commands/updateIncident';
import { registerDrillRoutes } from './drillRoutes';
import { noticePreviewOf, regulatorFormFor } from './incidentDocuments';
import {
  actionIdParams,
  closeBodySchema,
  correctiveActionBodySchema,
  correctiveActionPageSchema,
  correctiveActionTransitionBodySchema,
  correctiveActionViewSchema,
  createIncidentSchema,
  incidentIdParams,
  incidentListQuerySchema,
  incidentPageSchema,
  incidentViewSchema,
  noticeBodySchema,
  noticePageSchema,
  noticePreviewQuerySchema,
  noticePreviewSchema,
  noticeViewSchema,
  regulatorFormQuerySchema,
  regulatorFormSchema,
  regulatorNotificationBodySchema,
  stepBodySchema,
  stepParams,
  toActionView,
  toIncidentSummary,
  toIncidentView,
  toNoticeView,
  updateIncidentSchema,
} from './incidentModel';
import { listCorrectiveActions, listIncidents, listNotices, requireIncident } from './incidentStore';

const TAG = 'Incidents';
const read = { plane: 'tenant', roles: READ_ROLES } as const;
const write = { plane: 'tenant', roles: WRITE_ROLES } as const;
// An integration (e.g. a SIEM or the helpdesk) may report a new incident so the clock starts at once.
const report = { plane: 'tenant', roles: [...WRITE_ROLES, 'integration'], integrationScope: 'incident:write' } as const;

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const route = routeTable([TAG]);

const routes = {
  create: route.post('/v1/incidents', report, '登錄個資事故（發現時間起算72小時）/ Record an incident (the 72-hour clock starts at discoveredAt)', { body: createIncidentSchema, 201: [incidentViewSchema, 'The incident with its clocks'] }),
  list: route.get('/v1/incidents', read, '個資事故清單 / List incidents (by status, or whose report to the authority is pending or overdue)', { query: pageQuerySchema.extend(incidentListQuerySchema.shape).strict(), 200: [incidentPageSchema, 'Newest discovery first; pending/overdue: nearest deadline first'] }),
  get: route.get('/v1/incidents/{incidentId}', read, '個資事故與通報時限 / An incident with its clocks and reminder schedule', { params: incidentIdParams, 200: [incidentViewSchema, 'The incident'] }),
  update: route.patch('/v1/incidents/{incidentId}', write, '更新事故事實（重新計算時限）/ Update the facts (clocks and reminders are recomputed)', { params: incidentIdParams, body: updateIncidentSchema, 200: [incidentViewSchema, 'The updated incident'] }),
  regulatorForm: route.get('/v1/incidents/{incidentId}/regulator-notification', read, '個人資料侵害事故通報與紀錄表 / The notification form for the competent authority (json, html, docx)', { params: incidentIdParams, query: regulatorFormQuerySchema, 200: {
        description: 'The form filled from the incident and the organisation; json lists missingFields',
        content: {
          'application/json': { schema: regulatorFormSchema },
          'text/html': { schema: { type: 'string' as const } },
          [DOCX_TYPE]: { schema: { type: 'string' as const, format: 'binary' } },
        },
      } }),
  notifyRegulator: route.post('/v1/incidents/{incidentId}/regulator-notification', write, '記錄已通報主管機關（逾72小時須附遲延理由）/ Record the report to the authority (late: a delay reason is required)', { params: incidentIdParams, body: regulatorNotificationBodySchema, 201: [incidentViewSchema, 'The incident; the 72-hour task is done and its reminders removed'] }),
  recordNotice: route.post('/v1/incidents/{incidentId}/notices', write, '記錄已通知當事人或客戶（須含五項內容）/ Record a notice to data subjects or customers (all five contents required)', { params: incidentIdParams, body: noticeBodySchema, 201: [noticeViewSchema, 'The notice recorded'] }),
  listNotices: route.get('/v1/incidents/{incidentId}/notices', read, '事故通知紀錄 / Notices sent for an incident', { params: incidentIdParams, query: pageQuerySchema, 200: [noticePageSchema, 'Notices in the order recorded'] }),
  previewNotice: route.get('/v1/incidents/{incidentId}/notices/preview', read, '通知草稿 / Draft notice text from the incident record', { params: incidentIdParams, query: noticePreviewQuerySchema, 200: [noticePreviewSchema, 'Subject, body and what is still missing'] }),
  step: route.post('/v1/incidents/{incidentId}/steps/{step}', write, '記錄應變步驟完成或不適用 / Mark a response step done or not applicable (with a reason)', { params: stepParams, body: stepBodySchema, 200: [incidentViewSchema, 'The incident'] }),
  close: route.post('/v1/incidents/{incidentId}/close', write, '結案（各項應變程序完成後）/ Close the incident (only when every mandatory step is complete)', { params: incidentIdParams, body: closeBodySchema, 200: [incidentViewSchema, 'The closed incident'] }),
  addAction: route.post('/v1/incidents/{incidentId}/corrective-actions', write, '新增矯正預防措施 / Add a corrective or preventive action (chased on its due date)', { params: incidentIdParams, body: correctiveActionBodySchema, 201: [correctiveActionViewSchema, 'The action'] }),
  listActions: route.get('/v1/incidents/{incidentId}/corrective-actions', read, '矯正預防措施清單 / Corrective and preventive actions of an incident', { params: incidentIdParams, query: pageQuerySchema, 200: [correctiveActionPageSchema, 'Actions in the order added'] }),
  transitionAction: route.post('/v1/incidents/{incidentId}/corrective-actions/{actionId}/transitions', write, '變更矯正預防措施狀態 / Move an action (inProgress, done, verified by someone other than the owner)', { params: actionIdParams, body: correctiveActionTransitionBodySchema, 200: [correctiveActionViewSchema, 'The action'] }),
};

function registerIncidentRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.create, async (c) => {
    const { incidentContact, reporter, ...facts } = c.req.valid('json');
    const { view, version } = await createIncident(commandContextOf(c), { facts, incidentContact, reporter });
    setEtag(c, version);
    return c.json(view, 201);
  });

  app.openapi(routes.list, async (c) => {
    const { limit, cursor, status, notification } = c.req.valid('query');
    if (notification && status === 'closed') {
      throw new ApiProblem('validationError', { errors: [{ field: 'query.notification', reason: { zhTW: '已結案事故沒有待通報事項，不可與 status=closed 並用', en: 'Closed incidents owe no report; do not combine with status=closed' } }] });
    }
    const context = commandContextOf(c);
    const now = context.clock();
    const list = listBindingOf(c, 'incidents', { status: status ?? null, notification: notification ?? null });
    const page = await listIncidents(context.table, { status, notification }, now, { limit, cursor }, list, (incident) => toIncidentSummary(incident, now));
    return c.json(page, 200);
  });

  app.openapi(routes.get, async (c) => {
    const context = commandContextOf(c);
    const loaded = await requireIncident(context.table, c.req.valid('param').incidentId);
    setEtag(c, loaded.stored.version);
    return c.json(toIncidentView(loaded.stored, loaded.actions, loaded.notices, loaded.incident, context.clock()), 200);
  });

  app.openapi(routes.update, async (c) => {
    const expected = expectedVersion(c);
    const { reporter, ...patch } = c.req.valid('json');
    const { view, version } = await updateIncident(commandContextOf(c), c.req.valid('param').incidentId, patch, expected, reporter);
    setEtag(c, version);
    return c.json(view, 200);
  });

  app.openapi(routes.regulatorForm, async (c) => {
    const context = commandContextOf(c);
    const loaded = await requireIncident(context.table, c.req.valid('param').incidentId);
    const { format, locale } = c.req.valid('query');
    const form = await regulatorFormFor(context, loaded);
    if (format === 'html') {
      return c.body(renderRegulatorNotificationHtml(form, locale), 200, { 'Content-Type': 'text/html; charset=utf-8' });
    }
    if (format === 'docx') {
      const bytes = await renderRegulatorNotificationDocx(form, locale);
      return c.body(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 200, {
        'Content-Type': DOCX_TYPE,
        'Content-Disposition': `attachment; filename="incident-${loaded.incident.id}-notification.docx"`,
      });
    }
    return c.json(form, 200);
  });

  app.openapi(routes.notifyRegulator, async (c) => {
    const expected = expectedVersion(c, { required: false });
    const { view, version } = await recordRegulatorReport(commandContextOf(c), c.req.valid('param').incidentId, c.req.valid('json'), expected);
    setEtag(c, version);
    return c.json(view, 201);
  });

  app.openapi(routes.recordNotice, async (c) => {
    const expected = expectedVersion(c, { required: false });
    const { view } = await recordNotice(commandContextOf(c), c.req.valid('param').incidentId, c.req.valid('json'), expected);
    return c.json(view, 201);
  });

  app.openapi(routes.listNotices, async (c) => {
    const { incidentId } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    const page = await listNotices(commandContextOf(c).table, incidentId, { limit, cursor }, listBindingOf(c, 'incident-notices', { incidentId }), toNoticeView);
    return c.json(page, 200);
  });

  app.openapi(routes.previewNotice, async (c) => {
    const context = commandContextOf(c);
    const loaded = await requireIncident(context.table, c.req.valid('param').incidentId);
    const { audience, locale } = c.req.valid('query');
    return c.json(noticePreviewOf(context.profile, loaded.incident, audience, locale), 200);
  });

  app.openapi(routes.step, async (c) => {
    const expected = expectedVersion(c, { required: false });
    const { incidentId, step } = c.req.valid('param');
    const { view, version } = await recordStep(commandContextOf(c), incidentId, step, c.req.valid('json'), expected);
    setEtag(c, version);
    return c.json(view, 200);
  });

  app.openapi(routes.close, async (c) => {
    const expected = expectedVersion(c, { required: false });
    const { view, version } = await closeIncident(commandContextOf(c), c.req.valid('param').incidentId, c.req.valid('json'), expected);
    setEtag(c, version);
    return c.json(view, 200);
  });

  app.openapi(routes.addAction, async (c) => {
    const expected = expectedVersion(c, { required: false });
    const { view } = await addCorrectiveAction(commandContextOf(c), c.req.valid('param').incidentId, c.req.valid('json'), expected);
    return c.json(view, 201);
  });

  app.openapi(routes.listActions, async (c) => {
    const { incidentId } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    const page = await listCorrectiveActions(commandContextOf(c).table, incidentId, { limit, cursor }, listBindingOf(c, 'incident-corrective-actions', { incidentId }), toActionView);
    return c.json(page, 200);
  });

  app.openapi(routes.transitionAction, async (c) => {
    const { incidentId, actionId } = c.req.valid('param');
    // If-Match here is the action's own version.
    const expected = expectedVersion(c, { required: false });
    const { view } = await transitionCorrectiveAction(commandContextOf(c), incidentId, actionId, c.req.valid('json'), expected);
    return c.json(view, 200);
  });
}

export const incidentsArea = {
  name: 'incidents',
  register(app: OpenAPIHono<ApiEnv>) {
    registerIncidentRoutes(app);
    registerDrillRoutes(app);
  },
};
