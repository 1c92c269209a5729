/**
 * Periodic reviews: duties, review tasks, the compliance calendar and summary, reminder history,
 * the team directory; and the platform operator's "as of" sweep.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { READ_ROLES, WRITE_ROLES } from '../../domain/access/roles';
import { complianceSummary } from '../../domain/reviews/complianceSummary';
import { complianceRoleLabels, dutySources, sameOwner, type DutyOwner } from '../../domain/reviews/duty';
import { complianceCalendar, completeTask, ReviewTaskError, reviewTaskStatuses, skipTask, type TaskTransition } from '../../domain/reviews/reviewTask';
import { addDays, addMonths, zonedDateOf, zonedInstant, type IsoDate } from '../../domain/shared/isoDate';
import { platformMutationScope, tenantMutationScope, tenantOf, type ApiContext, type ApiEnv } from '../http/context';
import { assertVersion, expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { ApiProblem } from '../http/problem';
import { defineRoute, jsonBody, jsonContent } from '../http/route';
import { getTenant } from '../platform/tenantStore';
import { commitAudited, WriteConflictError, type AuditedChange, type TransactItem } from '../store/auditedCommit';
import { getEntity, mapWriteConflict, queryPage, requireEntity } from '../store/entityStore';
import { newId } from '../store/ids';
import { tenantTableIndexes } from '../store/tableDesign';
import { dutyItem, dutyKeys, ownerIndexKey, parseTaskId, storedDutyFrom, storedTaskFrom, taskItem, type StoredDuty, type StoredTask } from './dutyStore';
import { loadAllDuties } from './dutySync';
import { batchGetItems, getTeamDirectory, queryAll, reminderKeys, teamDirectoryItem, type ReminderRecord, type StoredMail } from './reminderStore';
import {
  asDomainDuty,
  calendarSchema,
  completeTaskSchema,
  dutyIdParams,
  dutyViewSchema,
  reminderViewSchema,
  skipTaskSchema,
  summarySchema,
  sweepRequestSchema,
  sweepSummarySchema,
  taskIdParams,
  taskTransitionSchema,
  taskViewSchema,
  teamDirectoryInputSchema,
  teamDirectoryViewSchema,
  toDutyView,
  toReminderView,
  toTaskView,
  toTeamDirectoryView,
} from './reviewModel';
import { ensureDefaultDuties } from './reviewsTenant';
import { runReviewSweep } from './sweep';

const TAGS = ['Periodic reviews'];
const readAccess = { plane: 'tenant', roles: [...READ_ROLES, 'integration'], integrationScope: 'reviews:read' } as const;
const writeAccess = { plane: 'tenant', roles: WRITE_ROLES } as const;
const platformOnly = { plane: 'platform', roles: ['platformOperator'] } as const;

const kindSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/, { message: 'Unknown duty kind format' });
const booleanFlag = z.enum(['true', 'false']);

const listDutiesRoute = defineRoute({
  method: 'get',
  path: '/v1/duties',
  tags: TAGS,
  summary: '法遵義務清單 / List compliance duties',
  description: 'Periodic and one-time duties. A tenant without an approved plan gets the example plan\'s default duties on first read.',
  access: readAccess,
  request: { query: pageQuerySchema.extend({ kind: kindSchema.optional(), source: z.enum(dutySources).optional() }) },
  responses: { 200: jsonContent(pageSchema(dutyViewSchema, 'DutyPage'), 'Duties by kind') },
});

const listTasksRoute = defineRoute({
  method: 'get',
  path: '/v1/review-tasks',
  tags: TAGS,
  summary: '定期檢視工作清單 / List review tasks',
  description: 'By due date. `owner` is an e-mail or `role:<role>`; `dueBefore` is exclusive; `overdue=true` lists open tasks past their due date.',
  access: readAccess,
  request: {
    query: pageQuerySchema.extend({
      dueBefore: z.iso.date().optional(),
      overdue: booleanFlag.optional(),
      owner: z.union([z.email(), z.string().regex(/^role:[A-Za-z][A-Za-z0-9_-]{0,49}$/)]).optional().openapi({ example: 'role:privacyOfficer' }),
      kind: kindSchema.optional(),
      status: z.enum(reviewTaskStatuses).optional(),
    }),
  },
  responses: { 200: jsonContent(pageSchema(taskViewSchema, 'ReviewTaskPage'), 'Tasks by due date') },
});

const completeRoute = defineRoute({
  method: 'post',
  path: '/v1/review-tasks/{taskId}/complete',
  tags: TAGS,
  summary: '完成定期檢視 / Complete a review task',
  description: 'Opens the next occurrence counted from the DUE date, not the completion date (a late review does not push the cycle). Optional If-Match.',
  access: writeAccess,
  request: { params: taskIdParams, body: jsonBody(completeTaskSchema) },
  responses: { 200: jsonContent(taskTransitionSchema, 'The completed task and the next occurrence') },
});

const skipRoute = defineRoute({
  method: 'post',
  path: '/v1/review-tasks/{taskId}/skip',
  tags: TAGS,
  summary: '略過本次檢視（須附理由）/ Skip this occurrence (reason required)',
  access: writeAccess,
  request: { params: taskIdParams, body: jsonBody(skipTaskSchema) },
  responses: { 200: jsonContent(taskTransitionSchema, 'The skipped task and the next occurrence') },
});

const assignOwnerRoute = defineRoute({
  method: 'put',
  path: '/v1/duties/{dutyId}/owner',
  tags: TAGS,
  summary: '指派義務負責人 / Assign a duty\'s owner',
  description: 'A person {name, email, locale} or a team role {role}. Open tasks of the duty move to the new owner.',
  access: writeAccess,
  request: { params: dutyIdParams, body: jsonBody(z.union([z.object({ name: z.string().trim().min(1).max(200), email: z.email().max(254), locale: z.enum(['zh-TW', 'en']).optional() }).strict(), z.object({ role: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,49}$/) }).strict()]).openapi('DutyOwner')) },
  responses: { 200: jsonContent(dutyViewSchema, 'The duty') },
});

const calendarRoute = defineRoute({
  method: 'get',
  path: '/v1/compliance-calendar',
  tags: TAGS,
  summary: '法遵行事曆（未來 12 個月）/ Compliance calendar (next 12 months)',
  access: readAccess,
  responses: { 200: jsonContent(calendarSchema, 'Every occurrence of the active duties') },
});

const summaryRoute = defineRoute({
  method: 'get',
  path: '/v1/compliance-summary',
  tags: TAGS,
  summary: '法遵摘要 / Compliance summary',
  description: 'Due this month, overdue, and reviews done on time over the last 12 months (plan §12 evidence).',
  access: readAccess,
  responses: { 200: jsonContent(summarySchema, 'The figures') },
});

const remindersRoute = defineRoute({
  method: 'get',
  path: '/v1/review-tasks/{taskId}/reminders',
  tags: TAGS,
  summary: '提醒寄送紀錄 / Reminders sent for a task',
  access: readAccess,
  request: { params: taskIdParams, query: pageQuerySchema },
  responses: { 200: jsonContent(pageSchema(reminderViewSchema, 'ReminderPage'), 'Reminders, oldest first, with delivery state') },
});

const getDirectoryRoute = defineRoute({
  method: 'get',
  path: '/v1/team-directory',
  tags: TAGS,
  summary: '個資小組名冊 / Team directory',
  description: 'Who holds each role (召集人 convener, 代表人 representative, 個資管理專職人員 privacyOfficer …): role owners and escalations are resolved here. Roles nobody holds fall back to the tenant contact.',
  access: readAccess,
  responses: { 200: jsonContent(teamDirectoryViewSchema, 'The directory') },
});

const putDirectoryRoute = defineRoute({
  method: 'put',
  path: '/v1/team-directory',
  tags: TAGS,
  summary: '更新個資小組名冊 / Replace the team directory',
  access: writeAccess,
  request: { body: jsonBody(teamDirectoryInputSchema) },
  responses: { 200: jsonContent(teamDirectoryViewSchema, 'The directory') },
});

const sweepRoute = defineRoute({
  method: 'post',
  path: '/v1/platform/review-sweeps',
  tags: ['Platform'],
  summary: '執行定期檢視掃描（指定基準日）/ Run the review sweep "as of" a date',
  description: 'The same sweep the daily schedule runs, for every active tenant or one. Idempotent per day: reminders already recorded are not sent again.',
  access: platformOnly,
  request: { body: jsonBody(sweepRequestSchema) },
  responses: { 200: jsonContent(sweepSummarySchema, 'What the sweep did') },
});

function todayOf(c: ApiContext): IsoDate {
  return zonedDateOf(c.get('deps').clock(), tenantOf(c).profile.timeZone);
}

/** First read of a tenant without duties: the default duties, written as the system (not the reader). */
async function ensureDefaults(c: ApiContext): Promise<IsoDate> {
  const today = todayOf(c);
  await ensureDefaultDuties({ ...tenantMutationScope(c), actor: { actorId: 'system:defaultDuties', role: 'system' }, idempotency: undefined }, today);
  return today;
}

const taskNotFound = { zhTW: '此檢視工作', en: 'review task' };
const dutyNotFound = { zhTW: '此法遵義務', en: 'duty' };

function transitionProblem(error: unknown): never {
  if (error instanceof ReviewTaskError) {
    if (error.code === 'taskNotOpen') throw new ApiProblem('conflict', { code: error.code, detail: { zhTW: '此工作已完成或已略過', en: error.message } });
    if (error.code === 'skipReasonRequired') throw new ApiProblem('validationError', { code: error.code, errors: [{ field: 'reason', reason: { zhTW: '略過須說明理由', en: 'Skipping requires a reason' } }] });
    throw new ApiProblem('ruleViolation', { code: error.code, detail: { zhTW: '工作與義務不一致', en: error.message } });
  }
  throw error;
}


export const reviewsArea = {
  name: 'reviews',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(listDutiesRoute, async (c) => {
      await ensureDefaults(c);
      const { limit, cursor, kind, source } = c.req.valid('query');
      const index = tenantTableIndexes.byResource;
      const page = await queryPage(c, 'duties', { kind: kind ?? null, source: source ?? null }, { limit, cursor }, {
        IndexName: index.name,
        KeyConditionExpression: kind ? '#pk = :pk AND begins_with(#sk, :kind)' : '#pk = :pk',
        ...(source ? { FilterExpression: '#source = :source' } : {}),
        ExpressionAttributeNames: { '#pk': index.pk, ...(kind ? { '#sk': index.sk } : {}), ...(source ? { '#source': 'source' } : {}) },
        ExpressionAttributeValues: { ':pk': 'DUTIES', ...(kind ? { ':kind': `${kind}#` } : {}), ...(source ? { ':source': source } : {}) },
      }, (item) => toDutyView(storedDutyFrom(item)));
      return c.json(page, 200);
    });

    app.openapi(listTasksRoute, async (c) => {
      const today = await ensureDefaults(c);
      const query = c.req.valid('query');
      const { limit, cursor } = query;
      // Upper bound on the due date (exclusive): dueBefore, and for overdue lists today.
      let before = query.dueBefore ?? null;
      if (query.overdue === 'true' && (before === null || today < before)) before = today;
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const filters: string[] = [];
      let indexName: string;
      let keyCondition: string;
      const bySk = (pk: string, pkValue: string, sk: string) => {
        names['#pk'] = pk;
        values[':pk'] = pkValue;
        if (before !== null) {
          names['#sk'] = sk;
          values[':before'] = before;
          return '#pk = :pk AND #sk < :before';
        }
        return '#pk = :pk';
      };
      const openOnly = query.status === 'open' || query.overdue === 'true';
      if (query.owner) {
        // The owner index answers "what does this person (or role) have to do?".
        const owner: DutyOwner = query.owner.startsWith('role:') ? { role: query.owner.slice(5) } : { name: '', email: query.owner };
        indexName = tenantTableIndexes.byOwnerOrActor.name;
        keyCondition = bySk('gsi2pk', ownerIndexKey(owner), 'gsi2sk');
      } else if (openOnly) {
        // The sparse due index holds open tasks only: overdue and open lists read nothing else.
        indexName = tenantTableIndexes.dueByDate.name;
        keyCondition = bySk('duePk', 'DUE', 'dueSk');
      } else {
        indexName = tenantTableIndexes.byResource.name;
        keyCondition = bySk('gsi1pk', 'TASKS', 'gsi1sk');
      }
      const status = query.status ?? (query.overdue === 'true' ? 'open' : undefined);
      if (status && indexName !== tenantTableIndexes.dueByDate.name) {
        names['#status'] = 'status';
        values[':status'] = status;
        filters.push('#status = :status');
      }
      if (query.kind) {
        names['#dutyId'] = 'dutyId';
        values[':dutyPrefix'] = `duty:${query.kind}|`;
        filters.push('begins_with(#dutyId, :dutyPrefix)');
      }
      if (query.overdue === 'false') {
        names['#status'] = 'status';
        names['#dueDate'] = 'dueDate';
        values[':open'] = 'open';
        values[':today'] = today;
        filters.push('(#status <> :open OR #dueDate >= :today)');
      }
      const listFilters = { dueBefore: query.dueBefore ?? null, overdue: query.overdue ?? null, owner: query.owner ?? null, kind: query.kind ?? null, status: query.status ?? null, today: query.overdue ? today : null };
      const page = await queryPage(c, 'review-tasks', listFilters, { limit, cursor }, {
        IndexName: indexName,
        KeyConditionExpression: keyCondition,
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }, (item) => toTaskView(storedTaskFrom(item), today));
      return c.json(page, 200);
    });

    const transition = async (c: ApiContext, taskIdParam: string, action: 'complete' | 'skip', decide: (duty: StoredDuty, task: StoredTask, at: string) => TaskTransition) => {
      const tenant = tenantOf(c);
      const deps = c.get('deps');
      const ids = parseTaskId(taskIdParam)!;
      const task = storedTaskFrom(await requireEntity<Record<string, unknown>>(c, dutyKeys.task(ids.dutyId, ids.dueDate), taskNotFound));
      const duty = storedDutyFrom(await requireEntity<Record<string, unknown>>(c, dutyKeys.duty(ids.dutyId), dutyNotFound));
      assertVersion(task.version, expectedVersion(c, { required: false }));
      const at = deps.clock().toISOString();
      let result: TaskTransition;
      try {
        result = decide(duty, task, at);
      } catch (error) {
        transitionProblem(error);
      }
      const today = todayOf(c);
      const closed: StoredTask = { ...task, status: result.task.status, completion: result.task.completion, skip: result.task.skip, version: task.version + 1 };
      const changedDuty: StoredDuty = { ...duty, lastCompletedOn: result.duty.lastCompletedOn, version: duty.version + 1 };
      let next: StoredTask | null = result.next ? { ...result.next, version: 1, dueAt: null, resourcePath: task.resourcePath } : null;
      // The sweep may already have opened the next occurrence (30 days ahead): keep that one.
      if (next) {
        const existing = await getEntity<StoredTask>(tenant.doc, tenant.tableName, dutyKeys.task(next.dutyId, next.dueDate));
        if (existing) next = storedTaskFrom(existing as unknown as Record<string, unknown>);
      }
      const build = (includeNext: boolean) => {
        const writes: TransactItem[] = [
          { Put: { TableName: tenant.tableName, Item: taskItem(closed), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': task.version } } },
        ];
        const changes: AuditedChange[] = [{ action: `reviewTask.${action}`, resourceType: 'reviewTask', resourceId: task.taskId, before: toTaskView(task, today), after: toTaskView(closed, today) }];
        if (action === 'complete') {
          writes.push({ Put: { TableName: tenant.tableName, Item: dutyItem(changedDuty), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': duty.version } } });
          changes.push({ action: 'duty.complete', resourceType: 'duty', resourceId: duty.dutyId, before: { lastCompletedOn: duty.lastCompletedOn }, after: { lastCompletedOn: changedDuty.lastCompletedOn } });
        }
        if (includeNext && next && next.version === 1 && result.next) {
          writes.push({ Put: { TableName: tenant.tableName, Item: taskItem(next), ConditionExpression: 'attribute_not_exists(pk)' } });
          changes.push({ action: 'reviewTask.open', resourceType: 'reviewTask', resourceId: next.taskId, before: null, after: toTaskView(next, today) });
        }
        return { writes, changes };
      };
      const body = { task: toTaskView(closed, today), next: next ? toTaskView(next, today) : null };
      try {
        await commitAudited(tenantMutationScope(c), { ...build(true), response: { status: 200, body } });
      } catch (error) {
        const nextIndex = action === 'complete' ? 2 : 1;
        if (!(error instanceof WriteConflictError) || error.writeIndex !== nextIndex) mapWriteConflict(error, 'update');
        // Opened concurrently by the sweep: the transition still stands, without a second open.
        try {
          await commitAudited(tenantMutationScope(c), { ...build(false), response: { status: 200, body } });
        } catch (retry) {
          mapWriteConflict(retry, 'update');
        }
      }
      setEtag(c, closed.version);
      return c.json(body, 200);
    };

    app.openapi(completeRoute, async (c) => {
      const input = c.req.valid('json');
      const by = c.get('principal').actorId;
      const timeZone = tenantOf(c).profile.timeZone;
      return transition(c, c.req.valid('param').taskId, 'complete', (duty, task, at) => completeTask(asDomainDuty(duty), task, { by, at, notes: input.notes, evidenceRefs: input.evidenceRefs }, timeZone));
    });

    app.openapi(skipRoute, async (c) => {
      const input = c.req.valid('json');
      const by = c.get('principal').actorId;
      return transition(c, c.req.valid('param').taskId, 'skip', (duty, task, at) => skipTask(asDomainDuty(duty), task, { by, at, reason: input.reason }));
    });

    app.openapi(assignOwnerRoute, async (c) => {
      const tenant = tenantOf(c);
      const { dutyId } = c.req.valid('param');
      const owner = c.req.valid('json') as DutyOwner;
      const duty = storedDutyFrom(await requireEntity<Record<string, unknown>>(c, dutyKeys.duty(dutyId), dutyNotFound));
      assertVersion(duty.version, expectedVersion(c));
      const today = todayOf(c);
      const updated: StoredDuty = { ...duty, owner, version: duty.version + 1 };
      // A duty's tasks share its partition: its open ones move to the new owner with it.
      const openTasks = (await queryAll(tenant.doc, {
        TableName: tenant.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :task)',
        FilterExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': dutyKeys.duty(dutyId).pk, ':task': 'TASK#', ':open': 'open' },
        ConsistentRead: true,
      })).map(storedTaskFrom).filter((task) => !sameOwner(task.owner, owner)).slice(0, 40);
      const writes: TransactItem[] = [
        { Put: { TableName: tenant.tableName, Item: dutyItem(updated), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': duty.version } } },
      ];
      const changes: AuditedChange[] = [{ action: 'duty.assignOwner', resourceType: 'duty', resourceId: dutyId, before: toDutyView(duty), after: toDutyView(updated) }];
      for (const task of openTasks) {
        const moved: StoredTask = { ...task, owner, version: task.version + 1 };
        writes.push({ Put: { TableName: tenant.tableName, Item: taskItem(moved), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': task.version } } });
        changes.push({ action: 'reviewTask.reassign', resourceType: 'reviewTask', resourceId: task.taskId, before: toTaskView(task, today), after: toTaskView(moved, today) });
      }
      const body = toDutyView(updated);
      try {
        await commitAudited(tenantMutationScope(c), { changes, writes, response: { status: 200, body } });
      } catch (error) {
        mapWriteConflict(error, 'update');
      }
      setEtag(c, updated.version);
      return c.json(body, 200);
    });

    app.openapi(calendarRoute, async (c) => {
      const tenant = tenantOf(c);
      const today = await ensureDefaults(c);
      const duties = (await loadAllDuties(tenant)).map((item) => asDomainDuty(storedDutyFrom(item as unknown as Record<string, unknown>)));
      const entries = complianceCalendar(duties, today, 12).map((entry) => ({
        dueDate: entry.dueDate,
        month: entry.month,
        taskId: entry.taskId,
        dutyId: entry.dutyId,
        dutyKind: entry.duty.dutyKind,
        title: entry.duty.title,
        legalBasis: entry.duty.legalBasis,
        owner: entry.duty.owner,
        source: entry.duty.source,
        urgent: entry.duty.urgent,
      }));
      return c.json({ asOf: today, until: addMonths(today, 12), entries }, 200);
    });

    app.openapi(summaryRoute, async (c) => {
      const tenant = tenantOf(c);
      const today = await ensureDefaults(c);
      const monthEnd = addDays(addMonths(`${today.slice(0, 7)}-01`, 1), -1);
      const windowStart = addMonths(today, -12);
      // Tasks due in (today − 12 months, end of this month], plus open ones overdue for longer.
      const [recent, longOverdue] = await Promise.all([
        queryAll(tenant.doc, {
          TableName: tenant.tableName,
          IndexName: tenantTableIndexes.byResource.name,
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': 'TASKS', ':from': `${windowStart}#~`, ':to': `${monthEnd}#~` },
        }),
        queryAll(tenant.doc, {
          TableName: tenant.tableName,
          IndexName: tenantTableIndexes.dueByDate.name,
          KeyConditionExpression: 'duePk = :pk AND dueSk <= :to',
          ExpressionAttributeValues: { ':pk': 'DUE', ':to': `${windowStart}#~` },
        }),
      ]);
      const tasks = new Map([...recent, ...longOverdue].map((item) => [item.taskId as string, storedTaskFrom(item)]));
      return c.json(complianceSummary([...tasks.values()], today, tenant.profile.timeZone), 200);
    });

    app.openapi(remindersRoute, async (c) => {
      const tenant = tenantOf(c);
      const { taskId } = c.req.valid('param');
      const { limit, cursor } = c.req.valid('query');
      const ids = parseTaskId(taskId)!;
      await requireEntity<StoredTask>(c, dutyKeys.task(ids.dutyId, ids.dueDate), taskNotFound);
      const page = await queryPage(c, `review-tasks/${taskId}/reminders`, {}, { limit, cursor }, {
        IndexName: tenantTableIndexes.byResource.name,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `REMINDERS#${taskId}` },
      }, (item) => item as unknown as ReminderRecord);
      // One BatchGet for the page's mails: the delivery state lives on the mail, not on each record.
      const mails = await batchGetItems(tenant.doc, tenant.tableName, [...new Set(page.items.map((r) => r.mailId))].map(reminderKeys.mail));
      const byId = new Map(mails.map((mail) => [mail.mailId as string, mail as unknown as StoredMail]));
      return c.json({ items: page.items.map((record) => toReminderView(record, byId.get(record.mailId))), nextCursor: page.nextCursor }, 200);
    });

    app.openapi(getDirectoryRoute, async (c) => {
      const tenant = tenantOf(c);
      const record = await getTeamDirectory(tenant.doc, tenant.tableName);
      setEtag(c, record.version);
      return c.json(toTeamDirectoryView(record, complianceRoleLabels), 200);
    });

    app.openapi(putDirectoryRoute, async (c) => {
      const tenant = tenantOf(c);
      const input = c.req.valid('json');
      const current = await getTeamDirectory(tenant.doc, tenant.tableName);
      assertVersion(current.version, expectedVersion(c));
      const members = Object.fromEntries(Object.entries(input.members).filter(([, people]) => people.length > 0));
      const updated = { members, updatedAt: c.get('deps').clock().toISOString(), version: current.version + 1 };
      const body = toTeamDirectoryView(updated, complianceRoleLabels);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [{ action: 'teamDirectory.replace', resourceType: 'teamDirectory', resourceId: 'team', before: current.version === 0 ? null : current.members, after: members }],
          writes: [
            current.version === 0
              ? { Put: { TableName: tenant.tableName, Item: teamDirectoryItem(updated), ConditionExpression: 'attribute_not_exists(pk)' } }
              : { Put: { TableName: tenant.tableName, Item: teamDirectoryItem(updated), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': current.version } } },
          ],
          response: { status: 200, body },
        });
      } catch (error) {
        mapWriteConflict(error, 'update');
      }
      setEtag(c, updated.version);
      return c.json(body, 200);
    });
  },
};

export const platformReviewsArea = {
  name: 'platformReviews',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(sweepRoute, async (c) => {
      const deps = c.get('deps');
      const input = c.req.valid('json');
      // A date runs as the daily schedule would that day: 09:00 Taipei.
      const asOf = new Date(input.asOf.length === 10 ? zonedInstant(input.asOf, '09:00', 'Asia/Taipei') : input.asOf);
      if (input.tenantId) {
        const tenant = await getTenant(deps.controlPlane.doc, deps.controlPlane.tableName, input.tenantId);
        if (tenant?.status !== 'active') throw new ApiProblem('notFound', { detail: { zhTW: '找不到啟用中的此租戶', en: 'No such active tenant' } });
      }
      const summary = await runReviewSweep(deps, { asOf, tenantId: input.tenantId });
      const sweepId = newId('sweep');
      const body = {
        sweepId,
        asOf: summary.asOf,
        tenants: summary.tenants,
        tasksSeen: summary.tasksSeen,
        remindersSent: summary.remindersSent,
        tasksOpened: summary.tasksOpened,
        mailsSent: summary.mailsSent,
        mailsFailed: summary.mailsFailed,
        tenantsFailed: summary.tenantsFailed,
      };
      // The operator's run is on the platform's own audit chain; each tenant's changes on theirs.
      await commitAudited(platformMutationScope(c), {
        changes: [{ action: 'reviewSweep.run', resourceType: 'reviewSweep', resourceId: sweepId, before: null, after: { ...body, tenantId: input.tenantId ?? null } }],
        writes: [],
        response: { status: 200, body },
      });
      return c.json(body, 200);
    });
  },
};
