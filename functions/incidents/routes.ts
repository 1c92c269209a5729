/**
 * 個資事故: record an incident and run its 72-hour clock (reminders through the reviews
 * pipeline), the report to the competent authority, notices to data subjects and customers,
 * the response timeline up to closure, corrective and preventive actions, and yearly drills.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { READ_ROLES, WRITE_ROLES } from '../../domain/access/roles';
import {
  addCorrectiveAction,
  buildRegulatorNotification,
  closeIncident,
  formatTaipeiTime,
  incidentInputSchema,
  markStepDone,
  markStepNotApplicable,
  noticeContentIssues,
  openIncident,
  recordNotice,
  recordRegulatorNotification,
  renderNotice,
  renderRegulatorNotificationDocx,
  renderRegulatorNotificationHtml,
  transitionIncidentAction,
  type Incident,
  type ManualStep,
  type NoticeContent,
} from '../../domain/incident';
import { authorityForSector } from '../../domain/tenant/sectors';
import { tenantOf, type ApiContext, type ApiEnv } from '../http/context';
import { assertVersion, expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema } from '../http/pagination';
import { ApiProblem } from '../http/problem';
import { defineRoute, jsonBody, jsonContent } from '../http/route';
import { fieldErrorsFromZod } from '../http/zodIssues';
import { deadlineDoneWrites, deadlineWrites, dutyKeys, loadDeadline, taskItem, type StoredTask } from '../reviews/dutyStore';
import type { TransactItem } from '../store/auditedCommit';
import { getEntity, queryPage, requireEntity } from '../store/entityStore';
import { newId } from '../store/ids';
import { tenantTableIndexes } from '../store/tableDesign';
import { registerDrillRoutes } from './drillRoutes';
import {
  correctiveActionDeadlineSpec,
  correctiveActionDutyId,
  notificationDeadlineSpec,
  notificationDutyId,
  notificationTaskId,
  reopenTaskWrite,
  syncReminderSchedules,
} from './incidentDeadlines';
import { assertNotFuture, closedIncident, commitIncidentChange, INCIDENT_WHAT, refuse, requireIncident, unwrap } from './incidentHandling';
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
import {
  actionItem,
  incidentKeys,
  incidentWrite,
  nextStoredIncident,
  noticeItem,
  notificationPending,
  NOTIFICATION_DUE_PK,
  toStoredAction,
  toStoredIncident,
  toStoredNotice,
  type LoadedIncident,
  type StoredCorrectiveAction,
  type StoredIncident,
} from './incidentStore';

const TAG = 'Incidents';
const read = { plane: 'tenant', roles: READ_ROLES } as const;
const write = { plane: 'tenant', roles: WRITE_ROLES } as const;
// An integration (e.g. a SIEM or the helpdesk) may report a new incident so the clock starts at once.
const report = { plane: 'tenant', roles: [...WRITE_ROLES, 'integration'], integrationScope: 'incident:write' } as const;

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const routes = {
  create: defineRoute({
    method: 'post',
    path: '/v1/incidents',
    tags: [TAG],
    summary: '登錄個資事故（發現時間起算72小時）/ Record an incident (the 72-hour clock starts at discoveredAt)',
    access: report,
    request: { body: jsonBody(createIncidentSchema) },
    responses: { 201: jsonContent(incidentViewSchema, 'The incident with its clocks') },
  }),
  list: defineRoute({
    method: 'get',
    path: '/v1/incidents',
    tags: [TAG],
    summary: '個資事故清單 / List incidents (by status, or whose report to the authority is pending or overdue)',
    access: read,
    request: { query: pageQuerySchema.extend(incidentListQuerySchema.shape).strict() },
    responses: { 200: jsonContent(incidentPageSchema, 'Newest discovery first; pending/overdue: nearest deadline first') },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/incidents/{incidentId}',
    tags: [TAG],
    summary: '個資事故與通報時限 / An incident with its clocks and reminder schedule',
    access: read,
    request: { params: incidentIdParams },
    responses: { 200: jsonContent(incidentViewSchema, 'The incident') },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/v1/incidents/{incidentId}',
    tags: [TAG],
    summary: '更新事故事實（重新計算時限）/ Update the facts (clocks and reminders are recomputed)',
    access: write,
    request: { params: incidentIdParams, body: jsonBody(updateIncidentSchema) },
    responses: { 200: jsonContent(incidentViewSchema, 'The updated incident') },
  }),
  regulatorForm: defineRoute({
    method: 'get',
    path: '/v1/incidents/{incidentId}/regulator-notification',
    tags: [TAG],
    summary: '個人資料侵害事故通報與紀錄表 / The notification form for the competent authority (json, html, docx)',
    access: read,
    request: { params: incidentIdParams, query: regulatorFormQuerySchema },
    responses: {
      200: {
        description: 'The form filled from the incident and the organisation; json lists missingFields',
        content: {
          'application/json': { schema: regulatorFormSchema },
          'text/html': { schema: { type: 'string' as const } },
          [DOCX_TYPE]: { schema: { type: 'string' as const, format: 'binary' } },
        },
      },
    },
  }),
  notifyRegulator: defineRoute({
    method: 'post',
    path: '/v1/incidents/{incidentId}/regulator-notification',
    tags: [TAG],
    summary: '記錄已通報主管機關（逾72小時須附遲延理由）/ Record the report to the authority (late: a delay reason is required)',
    access: write,
    request: { params: incidentIdParams, body: jsonBody(regulatorNotificationBodySchema) },
    responses: { 201: jsonContent(incidentViewSchema, 'The incident; the 72-hour task is done and its reminders removed') },
  }),
  recordNotice: defineRoute({
    method: 'post',
    path: '/v1/incidents/{incidentId}/notices',
    tags: [TAG],
    summary: '記錄已通知當事人或客戶（須含五項內容）/ Record a notice to data subjects or customers (all five contents required)',
    access: write,
    request: { params: incidentIdParams, body: jsonBody(noticeBodySchema) },
    responses: { 201: jsonContent(noticeViewSchema, 'The notice recorded') },
  }),
  listNotices: defineRoute({
    method: 'get',
    path: '/v1/incidents/{incidentId}/notices',
    tags: [TAG],
    summary: '事故通知紀錄 / Notices sent for an incident',
    access: read,
    request: { params: incidentIdParams, query: pageQuerySchema },
    responses: { 200: jsonContent(noticePageSchema, 'Notices in the order recorded') },
  }),
  previewNotice: defineRoute({
    method: 'get',
    path: '/v1/incidents/{incidentId}/notices/preview',
    tags: [TAG],
    summary: '通知草稿 / Draft notice text from the incident record',
    access: read,
    request: { params: incidentIdParams, query: noticePreviewQuerySchema },
    responses: { 200: jsonContent(noticePreviewSchema, 'Subject, body and what is still missing') },
  }),
  step: defineRoute({
    method: 'post',
    path: '/v1/incidents/{incidentId}/steps/{step}',
    tags: [TAG],
    summary: '記錄應變步驟完成或不適用 / Mark a response step done or not applicable (with a reason)',
    access: write,
    request: { params: stepParams, body: jsonBody(stepBodySchema) },
    responses: { 200: jsonContent(incidentViewSchema, 'The incident') },
  }),
  close: defineRoute({
    method: 'post',
    path: '/v1/incidents/{incidentId}/close',
    tags: [TAG],
    summary: '結案（各項應變程序完成後）/ Close the incident (only when every mandatory step is complete)',
    access: write,
    request: { params: incidentIdParams, body: jsonBody(closeBodySchema) },
    responses: { 200: jsonContent(incidentViewSchema, 'The closed incident') },
  }),
  addAction: defineRoute({
    method: 'post',
    path: '/v1/incidents/{incidentId}/corrective-actions',
    tags: [TAG],
    summary: '新增矯正預防措施 / Add a corrective or preventive action (chased on its due date)',
    access: write,
    request: { params: incidentIdParams, body: jsonBody(correctiveActionBodySchema) },
    responses: { 201: jsonContent(correctiveActionViewSchema, 'The action') },
  }),
  listActions: defineRoute({
    method: 'get',
    path: '/v1/incidents/{incidentId}/corrective-actions',
    tags: [TAG],
    summary: '矯正預防措施清單 / Corrective and preventive actions of an incident',
    access: read,
    request: { params: incidentIdParams, query: pageQuerySchema },
    responses: { 200: jsonContent(correctiveActionPageSchema, 'Actions in the order added') },
  }),
  transitionAction: defineRoute({
    method: 'post',
    path: '/v1/incidents/{incidentId}/corrective-actions/{actionId}/transitions',
    tags: [TAG],
    summary: '變更矯正預防措施狀態 / Move an action (inProgress, done, verified by someone other than the owner)',
    access: write,
    request: { params: actionIdParams, body: jsonBody(correctiveActionTransitionBodySchema) },
    responses: { 200: jsonContent(correctiveActionViewSchema, 'The action') },
  }),
};

function now(c: ApiContext): Date {
  return c.get('deps').clock();
}

function incidentView(c: ApiContext, stored: StoredIncident, actions: StoredCorrectiveAction[], loaded: Pick<LoadedIncident, 'notices'>, incident: Incident) {
  return toIncidentView(stored, actions, loaded.notices, incident, now(c));
}

/** The authority the tenant reports to, in the domain form's shape. */
function tenantAuthority(c: ApiContext) {
  const authority = authorityForSector(tenantOf(c).profile.sector);
  return {
    code: authority.code,
    nameZh: authority.name.zhTW,
    nameEn: authority.name.en,
    phone: authority.phone ?? '',
    email: authority.email ?? '',
    formName: authority.notificationForm.zhTW,
    name: authority.name,
  };
}

/** Closes the 72-hour task as skipped when the report was ruled not applicable. */
function skipTaskWrite(tableName: string, task: StoredTask, skip: { by: string; at: string; reason: string }): TransactItem {
  const skipped: StoredTask = { ...task, status: 'skipped', skip, version: task.version + 1 };
  return { Put: { TableName: tableName, Item: taskItem(skipped), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': task.version } } };
}

/** Writes that settle the 72-hour deadline once the report is made (or ruled out). */
async function settleNotificationDeadline(c: ApiContext, incidentId: string, how: { kind: 'done'; at: string; notes: string } | { kind: 'skipped'; at: string; reason: string }): Promise<TransactItem[]> {
  const tenant = tenantOf(c);
  const existing = await loadDeadline(tenant.doc, tenant.tableName, notificationDutyId(incidentId));
  if (!existing?.openTask) return [];
  const by = c.get('principal').actorId;
  return how.kind === 'done'
    ? deadlineDoneWrites(tenant.tableName, existing.duty, existing.openTask, { by, at: how.at, notes: how.notes })
    : [skipTaskWrite(tenant.tableName, existing.openTask, { by, at: how.at, reason: how.reason })];
}

function draftNoticeContent(c: ApiContext, incident: Incident, locale: 'zh-TW' | 'en'): NoticeContent {
  const tenant = tenantOf(c);
  const authority = tenantAuthority(c);
  const zh = locale === 'zh-TW';
  const report = incident.regulatorNotifications[0];
  return {
    whatHappened: incident.summary.trim() || incident.title,
    emergencyMeasures: incident.containmentMeasures.map((m) => m.description).join(zh ? '；' : '; '),
    causeInvestigation: incident.cause,
    remediation: [...incident.plannedMeasures, ...incident.correctiveActions.map((a) => a.title)].join(zh ? '；' : '; '),
    authoritiesNotified: report
      ? zh
        ? `本公司已於${formatTaipeiTime(report.notifiedAt)}通報${authority.name.zhTW}`
        : `We reported the incident to the ${authority.name.en} on ${formatTaipeiTime(report.notifiedAt)} (Taipei time)`
      : '',
    // How the organisation helps its recipients is a decision the team writes, never a template.
    assistance: '',
    contact: { name: tenant.profile.contact.name, phone: '', email: tenant.profile.contact.email },
  };
}

function registerIncidentRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.create, async (c) => {
    const deps = c.get('deps');
    const tenant = tenantOf(c);
    const { incidentContact, ...factsInput } = c.req.valid('json');
    // The domain's cross-field rules (occurredAt ≤ discoveredAt, "other" described) run here.
    const parsed = incidentInputSchema.safeParse(factsInput);
    if (!parsed.success) throw new ApiProblem('validationError', { errors: fieldErrorsFromZod(parsed.error) });
    const at = now(c);
    assertNotFuture(parsed.data.discoveredAt, at, 'discoveredAt');
    const id = newId('inc', at.getTime());
    const incident = openIncident({ id, tenantId: tenant.tenantId, facts: parsed.data });
    const { notices: _notices, correctiveActions: _actions, ...head } = incident;
    const stored = nextStoredIncident(
      { ...head, version: 0, createdAt: at.toISOString(), updatedAt: at.toISOString(), createdBy: c.get('principal').actorId, incidentContact: incidentContact ?? null },
      incident,
      at.toISOString(),
    );
    const dutyId = notificationDutyId(id);
    const existing = await loadDeadline(tenant.doc, tenant.tableName, dutyId);
    const view = incidentView(c, stored, [], { notices: [] }, incident);
    await commitIncidentChange(
      c,
      {
        changes: [{ action: 'incident.report', resourceType: 'incident', resourceId: id, before: null, after: stored }],
        writes: [
          incidentWrite(tenant.tableName, stored, null),
          ...deadlineWrites(tenant.tableName, notificationDeadlineSpec(stored, tenant.profile.timeZone), existing, at.toISOString()),
        ],
        response: { status: 201, body: view },
      },
      'create',
    );
    await syncReminderSchedules(deps, tenant.tenantId, incident, notificationTaskId(stored, tenant.profile.timeZone), at, c.get('requestId'));
    setEtag(c, stored.version);
    return c.json(view, 201);
  });

  app.openapi(routes.list, async (c) => {
    const { limit, cursor, status, notification } = c.req.valid('query');
    const at = now(c);
    if (notification && status === 'closed') {
      throw new ApiProblem('validationError', { errors: [{ field: 'query.notification', reason: { zhTW: '已結案事故沒有待通報事項，不可與 status=closed 並用', en: 'Closed incidents owe no report; do not combine with status=closed' } }] });
    }
    const map = (item: Record<string, unknown>) => toIncidentSummary(toStoredIncident(item), at);
    let query;
    if (notification) {
      const index = tenantTableIndexes.dueByDate;
      query = {
        IndexName: index.name,
        KeyConditionExpression: notification === 'overdue' ? '#pk = :pk AND #sk < :now' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.pk, ...(notification === 'overdue' ? { '#sk': index.sk } : {}) },
        // A deadline equal to now is still on time ("within 72 hours" includes the bound).
        ExpressionAttributeValues: { ':pk': NOTIFICATION_DUE_PK, ...(notification === 'overdue' ? { ':now': at.toISOString() } : {}) },
      };
    } else if (status) {
      const index = tenantTableIndexes.byOwnerOrActor;
      query = { IndexName: index.name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': index.pk }, ExpressionAttributeValues: { ':pk': `INCIDENTS#${status}` }, ScanIndexForward: false };
    } else {
      const index = tenantTableIndexes.byResource;
      query = { IndexName: index.name, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': index.pk }, ExpressionAttributeValues: { ':pk': 'INCIDENTS' }, ScanIndexForward: false };
    }
    const page = await queryPage(c, 'incidents', { status: status ?? null, notification: notification ?? null }, { limit, cursor }, query, map);
    return c.json(page, 200);
  });

  app.openapi(routes.get, async (c) => {
    const loaded = await requireIncident(c, c.req.valid('param').incidentId);
    setEtag(c, loaded.stored.version);
    return c.json(incidentView(c, loaded.stored, loaded.actions, loaded, loaded.incident), 200);
  });

  app.openapi(routes.update, async (c) => {
    const deps = c.get('deps');
    const tenant = tenantOf(c);
    const expected = expectedVersion(c);
    const loaded = await requireIncident(c, c.req.valid('param').incidentId);
    assertVersion(loaded.stored.version, expected);
    const current = loaded.incident;
    if (current.status === 'closed') throw closedIncident();
    const patch = Object.fromEntries(Object.entries(c.req.valid('json')).filter(([, value]) => value !== undefined));
    const facts = Object.fromEntries(Object.keys(incidentInputSchema.shape).map((key) => [key, current[key as keyof Incident]]));
    const parsed = incidentInputSchema.safeParse({ ...facts, ...patch });
    if (!parsed.success) throw new ApiProblem('validationError', { errors: fieldErrorsFromZod(parsed.error) });
    const at = now(c);
    const clockMoved = parsed.data.discoveredAt !== current.discoveredAt;
    if (clockMoved) {
      assertNotFuture(parsed.data.discoveredAt, at, 'discoveredAt');
      // The report's timeliness was judged against the old discovery time; it cannot be re-judged silently.
      if (current.regulatorNotifications.length > 0) {
        refuse('CLOCK_SETTLED', 'discoveredAt', { zhTW: '已通報主管機關後不得變更發現時間', en: 'The discovery time cannot change after the authority was notified' });
      }
    }
    const remindersChanged = clockMoved || parsed.data.mediaReported !== current.mediaReported || parsed.data.mediaReportedAt !== current.mediaReportedAt;
    const next: Incident = { ...current, ...parsed.data };
    const stored = nextStoredIncident(loaded.stored, next, at.toISOString());
    const writes: TransactItem[] = [incidentWrite(tenant.tableName, stored, loaded.stored.version)];
    if (clockMoved && notificationPending(next)) {
      // Moves the 72-hour task: the old one is closed as superseded, reminders follow the new one.
      const existing = await loadDeadline(tenant.doc, tenant.tableName, notificationDutyId(next.id));
      writes.push(...deadlineWrites(tenant.tableName, notificationDeadlineSpec(stored, tenant.profile.timeZone), existing, at.toISOString()));
    }
    const view = incidentView(c, stored, loaded.actions, loaded, next);
    await commitIncidentChange(c, {
      changes: [{ action: 'incident.update', resourceType: 'incident', resourceId: next.id, before: loaded.stored, after: stored }],
      writes,
      response: { status: 200, body: view },
    });
    if (remindersChanged) {
      await syncReminderSchedules(deps, tenant.tenantId, next, notificationTaskId(stored, tenant.profile.timeZone), at, c.get('requestId'));
    }
    setEtag(c, stored.version);
    return c.json(view, 200);
  });

  app.openapi(routes.regulatorForm, async (c) => {
    const tenant = tenantOf(c);
    const loaded = await requireIncident(c, c.req.valid('param').incidentId);
    const { format } = c.req.valid('query');
    const { profile } = tenant;
    // The tenant profile names the organisation and its contact; title, phone and address are
    // not kept there, so the form lists them as missing for the reporter to complete.
    const organisation = { name: profile.companyName, reporter: { name: profile.contact.name, title: '', phone: '', email: profile.contact.email, address: '' } };
    const { name: _name, ...authority } = tenantAuthority(c);
    const notifiedAt = loaded.incident.regulatorNotifications[0]?.notifiedAt ?? now(c).toISOString();
    const form = buildRegulatorNotification(loaded.incident, organisation, authority, notifiedAt);
    if (format === 'html') {
      return c.body(renderRegulatorNotificationHtml(form), 200, { 'Content-Type': 'text/html; charset=utf-8' });
    }
    if (format === 'docx') {
      const bytes = await renderRegulatorNotificationDocx(form);
      return c.body(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 200, {
        'Content-Type': DOCX_TYPE,
        'Content-Disposition': `attachment; filename="incident-${loaded.incident.id}-notification.docx"`,
      });
    }
    return c.json(form, 200);
  });

  app.openapi(routes.notifyRegulator, async (c) => {
    const deps = c.get('deps');
    const tenant = tenantOf(c);
    const expected = expectedVersion(c, { required: false });
    const loaded = await requireIncident(c, c.req.valid('param').incidentId);
    assertVersion(loaded.stored.version, expected);
    const body = c.req.valid('json');
    const at = now(c);
    assertNotFuture(body.notifiedAt, at, 'notifiedAt');
    const authority = tenantAuthority(c);
    const first = loaded.incident.regulatorNotifications.length === 0;
    const next = unwrap(
      recordRegulatorNotification(loaded.incident, {
        notifiedAt: body.notifiedAt,
        authorityCode: authority.code,
        channel: body.method,
        stage: body.stage ?? 'initial',
        delayReason: body.delayReason,
        reference: body.reference,
      }),
      'notifiedAt',
    );
    const stored = nextStoredIncident(loaded.stored, next, at.toISOString());
    const writes: TransactItem[] = [incidentWrite(tenant.tableName, stored, loaded.stored.version)];
    const settles = first && loaded.incident.timeline.regulatorNotified === undefined;
    if (settles) {
      writes.push(...(await settleNotificationDeadline(c, next.id, { kind: 'done', at: body.notifiedAt, notes: `${authority.name.zhTW} ${authority.name.en}${body.reference ? ` (${body.reference})` : ''}` })));
    }
    const view = incidentView(c, stored, loaded.actions, loaded, next);
    await commitIncidentChange(c, {
      changes: [{ action: 'incident.notifyRegulator', resourceType: 'incident', resourceId: next.id, before: loaded.stored, after: stored }],
      writes,
      response: { status: 201, body: view },
    });
    if (settles) await syncReminderSchedules(deps, tenant.tenantId, next, null, at, c.get('requestId'));
    setEtag(c, stored.version);
    return c.json(view, 201);
  });

  app.openapi(routes.recordNotice, async (c) => {
    const tenant = tenantOf(c);
    const expected = expectedVersion(c, { required: false });
    const loaded = await requireIncident(c, c.req.valid('param').incidentId);
    assertVersion(loaded.stored.version, expected);
    const body = c.req.valid('json');
    const at = now(c);
    assertNotFuture(body.sentAt, at, 'sentAt');
    const next = unwrap(recordNotice(loaded.incident, body, newId('ntc', at.getTime())), 'sentAt');
    const notice = { ...next.notices[next.notices.length - 1]!, version: 1 };
    const stored = nextStoredIncident(loaded.stored, next, at.toISOString());
    const view = toNoticeView(notice);
    await commitIncidentChange(c, {
      // The notice's recipients are counted, never named; the content is the organisation's text.
      changes: [{ action: 'incident.recordNotice', resourceType: 'incident', resourceId: next.id, before: loaded.stored, after: { ...stored, noticeId: notice.id } }],
      writes: [incidentWrite(tenant.tableName, stored, loaded.stored.version), { Put: { TableName: tenant.tableName, Item: noticeItem(next.id, notice), ConditionExpression: 'attribute_not_exists(pk)' } }],
      response: { status: 201, body: view },
    });
    return c.json(view, 201);
  });

  app.openapi(routes.listNotices, async (c) => {
    const { incidentId } = c.req.valid('param');
    await requireEntity(c, incidentKeys.incident(incidentId), INCIDENT_WHAT);
    const { limit, cursor } = c.req.valid('query');
    const page = await queryPage(
      c,
      'incident-notices',
      { incidentId },
      { limit, cursor },
      { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': incidentKeys.incident(incidentId).pk, ':prefix': 'NOTICE#' } },
      (item) => toNoticeView(toStoredNotice(item)),
    );
    return c.json(page, 200);
  });

  app.openapi(routes.previewNotice, async (c) => {
    const loaded = await requireIncident(c, c.req.valid('param').incidentId);
    const { audience, locale } = c.req.valid('query');
    const content = draftNoticeContent(c, loaded.incident, locale);
    const rendered = renderNotice(content, { organisationName: tenantOf(c).profile.companyName, audience, locale, occurredAt: loaded.incident.occurredAt });
    return c.json({ ...rendered, content, missing: noticeContentIssues(content) }, 200);
  });

  app.openapi(routes.step, async (c) => {
    const deps = c.get('deps');
    const tenant = tenantOf(c);
    const expected = expectedVersion(c, { required: false });
    const { incidentId, step } = c.req.valid('param');
    const loaded = await requireIncident(c, incidentId);
    assertVersion(loaded.stored.version, expected);
    const body = c.req.valid('json');
    const at = now(c);
    const actor = c.get('principal').actorId;
    let next: Incident;
    const writes: TransactItem[] = [];
    if (body.status === 'done') {
      assertNotFuture(body.at, at, 'at');
      // Only containment and the root cause are marked by hand; the domain refuses the others
      // (they are completed by recording the report or the notices).
      next = unwrap(markStepDone(loaded.incident, step as ManualStep, { at: body.at, by: body.by ?? actor, note: body.note }), 'at');
    } else {
      next = unwrap(markStepNotApplicable(loaded.incident, step, { reason: body.reason, decidedBy: body.decidedBy ?? actor, decidedAt: at.toISOString() }), 'decidedAt');
      if (step === 'regulatorNotified') {
        writes.push(...(await settleNotificationDeadline(c, incidentId, { kind: 'skipped', at: at.toISOString(), reason: body.reason })));
      }
    }
    const stored = nextStoredIncident(loaded.stored, next, at.toISOString());
    writes.unshift(incidentWrite(tenant.tableName, stored, loaded.stored.version));
    const view = incidentView(c, stored, loaded.actions, loaded, next);
    await commitIncidentChange(c, {
      changes: [{ action: `incident.step.${body.status}`, resourceType: 'incident', resourceId: incidentId, before: loaded.stored, after: stored }],
      writes,
      response: { status: 200, body: view },
    });
    if (body.status === 'notApplicable' && step === 'regulatorNotified') await syncReminderSchedules(deps, tenant.tenantId, next, null, at, c.get('requestId'));
    setEtag(c, stored.version);
    return c.json(view, 200);
  });

  app.openapi(routes.close, async (c) => {
    const deps = c.get('deps');
    const tenant = tenantOf(c);
    const expected = expectedVersion(c, { required: false });
    const loaded = await requireIncident(c, c.req.valid('param').incidentId);
    assertVersion(loaded.stored.version, expected);
    const at = now(c);
    const closedAt = c.req.valid('json').at ?? at.toISOString();
    assertNotFuture(closedAt, at, 'at');
    const next = unwrap(closeIncident(loaded.incident, { at: closedAt, by: c.get('principal').actorId }), 'at');
    const stored = nextStoredIncident(loaded.stored, next, at.toISOString());
    const view = incidentView(c, stored, loaded.actions, loaded, next);
    await commitIncidentChange(c, {
      changes: [{ action: 'incident.close', resourceType: 'incident', resourceId: next.id, before: loaded.stored, after: stored }],
      writes: [incidentWrite(tenant.tableName, stored, loaded.stored.version)],
      response: { status: 200, body: view },
    });
    // Nothing is owed any more: no reminder may fire for a closed incident.
    await syncReminderSchedules(deps, tenant.tenantId, next, null, at, c.get('requestId'));
    setEtag(c, stored.version);
    return c.json(view, 200);
  });

  app.openapi(routes.addAction, async (c) => {
    const tenant = tenantOf(c);
    const expected = expectedVersion(c, { required: false });
    const loaded = await requireIncident(c, c.req.valid('param').incidentId);
    assertVersion(loaded.stored.version, expected);
    const at = now(c);
    const next = unwrap(addCorrectiveAction(loaded.incident, c.req.valid('json'), newId('cpa', at.getTime()), at.toISOString(), c.get('principal').actorId));
    const action: StoredCorrectiveAction = { ...next.correctiveActions[next.correctiveActions.length - 1]!, version: 1 };
    const stored = nextStoredIncident(loaded.stored, next, at.toISOString());
    const existing = await loadDeadline(tenant.doc, tenant.tableName, correctiveActionDutyId(action));
    const view = toActionView(action);
    await commitIncidentChange(c, {
      changes: [
        { action: 'incident.addCorrectiveAction', resourceType: 'incident', resourceId: next.id, before: loaded.stored, after: stored },
        { action: 'correctiveAction.create', resourceType: 'correctiveAction', resourceId: action.id, before: null, after: action },
      ],
      writes: [
        incidentWrite(tenant.tableName, stored, loaded.stored.version),
        { Put: { TableName: tenant.tableName, Item: actionItem(action), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...deadlineWrites(tenant.tableName, correctiveActionDeadlineSpec(action), existing, at.toISOString()),
      ],
      response: { status: 201, body: view },
    });
    return c.json(view, 201);
  });

  app.openapi(routes.listActions, async (c) => {
    const { incidentId } = c.req.valid('param');
    await requireEntity(c, incidentKeys.incident(incidentId), INCIDENT_WHAT);
    const { limit, cursor } = c.req.valid('query');
    const page = await queryPage(
      c,
      'incident-corrective-actions',
      { incidentId },
      { limit, cursor },
      { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': incidentKeys.incident(incidentId).pk, ':prefix': 'ACTION#' } },
      (item) => toActionView(toStoredAction(item)),
    );
    return c.json(page, 200);
  });

  app.openapi(routes.transitionAction, async (c) => {
    const tenant = tenantOf(c);
    const { incidentId, actionId } = c.req.valid('param');
    const loaded = await requireIncident(c, incidentId);
    const current = loaded.actions.find((action) => action.id === actionId);
    if (!current) throw new ApiProblem('notFound', { detail: { zhTW: '找不到此矯正預防措施', en: 'No such corrective action' } });
    // If-Match here is the action's own version.
    assertVersion(current.version, expectedVersion(c, { required: false }));
    if (loaded.incident.status === 'closed' && c.req.valid('json').to !== 'verified') throw closedIncident();
    const transition = c.req.valid('json');
    const at = now(c);
    assertNotFuture(transition.at, at, 'at');
    const next = unwrap(transitionIncidentAction(loaded.incident, actionId, transition));
    const moved: StoredCorrectiveAction = { ...next.correctiveActions.find((action) => action.id === actionId)!, version: current.version + 1 };
    const stored = nextStoredIncident(loaded.stored, next, at.toISOString());
    const writes: TransactItem[] = [
      incidentWrite(tenant.tableName, stored, loaded.stored.version),
      { Put: { TableName: tenant.tableName, Item: actionItem(moved), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': current.version } } },
    ];
    const dutyId = correctiveActionDutyId(moved);
    if (moved.status === 'done' && current.status !== 'done') {
      const deadline = await loadDeadline(tenant.doc, tenant.tableName, dutyId);
      if (deadline?.openTask) writes.push(...deadlineDoneWrites(tenant.tableName, deadline.duty, deadline.openTask, { by: transition.by, at: transition.at, notes: transition.note ?? '' }));
    } else if (current.status === 'done' && moved.status === 'inProgress') {
      // Verification failed: the action is back to work and the sweep must chase it again.
      const task = await getEntity<StoredTask>(tenant.doc, tenant.tableName, dutyKeys.task(dutyId, moved.dueDate));
      if (task && task.status === 'done') writes.push(reopenTaskWrite(tenant.tableName, task));
    }
    const view = toActionView(moved);
    await commitIncidentChange(c, {
      changes: [{ action: `correctiveAction.${moved.status}`, resourceType: 'correctiveAction', resourceId: actionId, before: current, after: moved }],
      writes,
      response: { status: 200, body: view },
    });
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
