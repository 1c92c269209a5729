/**
 * Periodic reviews: duties, review tasks, the compliance calendar and summary, reminder history,
 * the team directory; and the platform operator's "as of" sweep.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { READ_ROLES, WRITE_ROLES } from '../../domain/access/roles';
import { complianceRoleLabels, dutySources, type DutyOwner } from '../../domain/reviews/duty';
import { reviewTaskStatuses } from '../../domain/reviews/reviewTask';
import { commandContextOf, listBindingOf, todayOf } from '../http/commandContext';
import { platformMutationScope, type ApiEnv } from '../http/context';
import { expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { defineRoute, jsonBody, jsonContent } from '../http/route';
import { assignDutyOwner } from './commands/assignDutyOwner';
import { completeReviewTask } from './commands/completeReviewTask';
import { replaceTeamDirectory } from './commands/replaceTeamDirectory';
import { runReviewSweepNow } from './commands/runReviewSweepNow';
import { skipReviewTask } from './commands/skipReviewTask';
import {
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
  toTeamDirectoryView,
} from './reviewModel';
import { complianceCalendarOf, complianceSummaryOf, getTeamDirectory, listDuties, listTasks, reminderHistory } from './reviewStore';

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

export const reviewsArea = {
  name: 'reviews',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(listDutiesRoute, async (c) => {
      const context = commandContextOf(c);
      const { limit, cursor, kind, source } = c.req.valid('query');
      const list = listBindingOf(c, 'duties', { kind: kind ?? null, source: source ?? null });
      return c.json(await listDuties(context.table, context.profile, { kind, source }, { limit, cursor }, list), 200);
    });

    app.openapi(listTasksRoute, async (c) => {
      const context = commandContextOf(c);
      const today = todayOf(c);
      const { limit, cursor, ...query } = c.req.valid('query');
      const list = listBindingOf(c, 'review-tasks', { dueBefore: query.dueBefore ?? null, overdue: query.overdue ?? null, owner: query.owner ?? null, kind: query.kind ?? null, status: query.status ?? null, today: query.overdue ? today : null });
      return c.json(await listTasks(context.table, context.profile, query, today, { limit, cursor }, list), 200);
    });

    app.openapi(completeRoute, async (c) => {
      const input = c.req.valid('json');
      const result = await completeReviewTask(commandContextOf(c), { taskId: c.req.valid('param').taskId, notes: input.notes, evidenceRefs: input.evidenceRefs, expectedVersion: expectedVersion(c, { required: false }) });
      setEtag(c, result.version);
      return c.json(result.body, 200);
    });

    app.openapi(skipRoute, async (c) => {
      const input = c.req.valid('json');
      const result = await skipReviewTask(commandContextOf(c), { taskId: c.req.valid('param').taskId, reason: input.reason, expectedVersion: expectedVersion(c, { required: false }) });
      setEtag(c, result.version);
      return c.json(result.body, 200);
    });

    app.openapi(assignOwnerRoute, async (c) => {
      const result = await assignDutyOwner(commandContextOf(c), { dutyId: c.req.valid('param').dutyId, owner: c.req.valid('json') as DutyOwner, expectedVersion: expectedVersion(c) });
      setEtag(c, result.version);
      return c.json(result.view, 200);
    });

    app.openapi(calendarRoute, async (c) => {
      const context = commandContextOf(c);
      return c.json(await complianceCalendarOf(context.table, context.profile, todayOf(c)), 200);
    });

    app.openapi(summaryRoute, async (c) => {
      const context = commandContextOf(c);
      return c.json(await complianceSummaryOf(context.table, context.profile, todayOf(c)), 200);
    });

    app.openapi(remindersRoute, async (c) => {
      const context = commandContextOf(c);
      const { taskId } = c.req.valid('param');
      const { limit, cursor } = c.req.valid('query');
      return c.json(await reminderHistory(context.table, context.profile, taskId, { limit, cursor }, listBindingOf(c, `review-tasks/${taskId}/reminders`, {})), 200);
    });

    app.openapi(getDirectoryRoute, async (c) => {
      const record = await getTeamDirectory(commandContextOf(c).table);
      setEtag(c, record.version);
      return c.json(toTeamDirectoryView(record, complianceRoleLabels), 200);
    });

    app.openapi(putDirectoryRoute, async (c) => {
      const result = await replaceTeamDirectory(commandContextOf(c), { members: c.req.valid('json').members, expectedVersion: expectedVersion(c) });
      setEtag(c, result.version);
      return c.json(result.view, 200);
    });
  },
};

export const platformReviewsArea = {
  name: 'platformReviews',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(sweepRoute, async (c) => {
      const body = await runReviewSweepNow({ deps: c.get('deps'), scope: platformMutationScope(c) }, c.req.valid('json'));
      return c.json(body, 200);
    });
  },
};
