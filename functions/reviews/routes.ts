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
import { routeTable } from '../http/route';
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

const route = routeTable(TAGS);
const platformRoute = routeTable(['Platform']);

const listDutiesRoute = route.get('/v1/duties', readAccess, '法遵義務清單 / List compliance duties', { query: pageQuerySchema.extend({ kind: kindSchema.optional(), source: z.enum(dutySources).optional() }), description: 'Periodic and one-time duties. A tenant without an approved plan gets the example plan\'s default duties on first read.', 200: [pageSchema(dutyViewSchema, 'DutyPage'), 'Duties by kind'] });

const listTasksRoute = route.get('/v1/review-tasks', readAccess, '定期檢視工作清單 / List review tasks', { query: pageQuerySchema.extend({
      dueBefore: z.iso.date().optional(),
      overdue: booleanFlag.optional(),
      owner: z.union([z.email(), z.string().regex(/^role:[A-Za-z][A-Za-z0-9_-]{0,49}$/)]).optional().openapi({ example: 'role:privacyOfficer' }),
      kind: kindSchema.optional(),
      status: z.enum(reviewTaskStatuses).optional(),
    }), description: 'By due date. `owner` is an e-mail or `role:<role>`; `dueBefore` is exclusive; `overdue=true` lists open tasks past their due date.', 200: [pageSchema(taskViewSchema, 'ReviewTaskPage'), 'Tasks by due date'] });

const completeRoute = route.post('/v1/review-tasks/{taskId}/complete', writeAccess, '完成定期檢視 / Complete a review task', { params: taskIdParams, body: completeTaskSchema, description: 'Opens the next occurrence counted from the DUE date, not the completion date (a late review does not push the cycle). Optional If-Match.', 200: [taskTransitionSchema, 'The completed task and the next occurrence'] });

const skipRoute = route.post('/v1/review-tasks/{taskId}/skip', writeAccess, '略過本次檢視（須附理由）/ Skip this occurrence (reason required)', { params: taskIdParams, body: skipTaskSchema, 200: [taskTransitionSchema, 'The skipped task and the next occurrence'] });

const assignOwnerRoute = route.put('/v1/duties/{dutyId}/owner', writeAccess, '指派義務負責人 / Assign a duty\'s owner', { params: dutyIdParams, body: z.union([z.object({ name: z.string().trim().min(1).max(200), email: z.email().max(254), locale: z.enum(['zh-TW', 'en']).optional() }).strict(), z.object({ role: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,49}$/) }).strict()]).openapi('DutyOwner'), description: 'A person {name, email, locale} or a team role {role}. Open tasks of the duty move to the new owner.', 200: [dutyViewSchema, 'The duty'] });

const calendarRoute = route.get('/v1/compliance-calendar', readAccess, '法遵行事曆（未來 12 個月）/ Compliance calendar (next 12 months)', { 200: [calendarSchema, 'Every occurrence of the active duties'] });

const summaryRoute = route.get('/v1/compliance-summary', readAccess, '法遵摘要 / Compliance summary', { description: 'Due this month, overdue, and reviews done on time over the last 12 months (plan §12 evidence).', 200: [summarySchema, 'The figures'] });

const remindersRoute = route.get('/v1/review-tasks/{taskId}/reminders', readAccess, '提醒寄送紀錄 / Reminders sent for a task', { params: taskIdParams, query: pageQuerySchema, 200: [pageSchema(reminderViewSchema, 'ReminderPage'), 'Reminders, oldest first, with delivery state'] });

const getDirectoryRoute = route.get('/v1/team-directory', readAccess, '個資小組名冊 / Team directory', { description: 'Who holds each role (召集人 convener, 代表人 representative, 個資管理專職人員 privacyOfficer …): role owners and escalations are resolved here. Roles nobody holds fall back to the tenant contact.', 200: [teamDirectoryViewSchema, 'The directory'] });

const putDirectoryRoute = route.put('/v1/team-directory', writeAccess, '更新個資小組名冊 / Replace the team directory', { body: teamDirectoryInputSchema, 200: [teamDirectoryViewSchema, 'The directory'] });

const sweepRoute = platformRoute.post('/v1/platform/review-sweeps', platformOnly, '執行定期檢視掃描（指定基準日）/ Run the review sweep "as of" a date', { body: sweepRequestSchema, description: 'The same sweep the daily schedule runs, for every active tenant or one. Idempotent per day: reminders already recorded are not sent again.', 200: [sweepSummarySchema, 'What the sweep did'] });

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
