/**
 * Training (認知宣導及教育訓練, seed 000 §10; issue #17): sessions for all staff, the privacy
 * team and IT staff as held (date, topics from the required list, trainer, duration, attendees
 * from the team directory or by name, evidence kept), each person's history, who has missed
 * this year's required training. A session meets the open task of its audience's plan training
 * duty (trainingDuties.ts), which the review sweep chases.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { READ_ROLES, WRITE_ROLES } from '../../domain/access/roles';
import { PERSON_ID_PATTERN } from '../../domain/training';
import { commandContextOf, listBindingOf, todayOf } from '../http/commandContext';
import type { ApiEnv } from '../http/context';
import { expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { routeTable } from '../http/route';
import { cancelTrainingSession } from './commands/cancelTrainingSession';
import { recordTrainingSession } from './commands/recordTrainingSession';
import { updateTrainingSession } from './commands/updateTrainingSession';
import {
  cancelSessionSchema,
  codesViewSchema,
  complianceViewSchema,
  historyViewSchema,
  recordSessionSchema,
  sessionSummarySchema,
  sessionViewSchema,
  toComplianceView,
  toHistoryView,
  toSessionSummary,
  toSessionView,
  trainingCodesView,
  updateSessionSchema,
  yearQuerySchema,
} from './trainingModel';
import { listSessionsOfYear, personHistoryOf, requireSession, trainingComplianceOf } from './trainingStore';

const TAG = 'Training';
const read = { plane: 'tenant', roles: READ_ROLES } as const;
const write = { plane: 'tenant', roles: WRITE_ROLES } as const;

const sessionParams = z.object({ trainingSessionId: z.string().regex(/^trs_[0-9a-z]{26}$/).openapi({ param: { name: 'trainingSessionId', in: 'path' }, example: 'trs_01jq3z5k8m9n0p1q2r3s4t5v6w' }) });
const personParams = z.object({ personId: z.string().regex(PERSON_ID_PATTERN).openapi({ param: { name: 'personId', in: 'path' }, example: 'tdp_3f1c9a0b7d2e4f6a8b0c1d2e', description: 'tdp_… a team-directory person, nmp_… someone recorded by name' }) });

const route = routeTable([TAG]);

const routes = {
  codes: route.get('/v1/training/codes', read, '訓練對象、主題及佐證代碼 / Audiences, required topics and evidence kinds', { 200: [codesViewSchema, 'The code lists with zh-TW and English labels (seed 000 §10)'] }),
  record: route.post('/v1/training/sessions', write, '登錄教育訓練場次 / Record a training session that was held', { body: recordSessionSchema, description: 'A session held in the period of the open task of its audience\'s plan training duty (training, leadershipTraining, itStaffTraining; all-staff sessions of the period must cover the statutory topics) completes that task and opens the next one; planDuties in the answer says how it stood.', 201: [sessionViewSchema, 'The session'] }),
  list: route.get('/v1/training/sessions', read, '教育訓練場次清單 / Sessions of a year, newest first', { query: pageQuerySchema.extend(yearQuerySchema.shape).strict(), 200: [pageSchema(sessionSummarySchema, 'TrainingSessionPage'), 'Sessions held in the year, by date, newest first (cancelled ones marked)'] }),
  get: route.get('/v1/training/sessions/{trainingSessionId}', read, '教育訓練場次 / A training session', { params: sessionParams, 200: [sessionViewSchema, 'The session; ETag is its version'] }),
  update: route.patch('/v1/training/sessions/{trainingSessionId}', write, '更正教育訓練場次 / Correct a recorded session', { params: sessionParams, body: updateSessionSchema, description: 'If-Match: the session\'s version. Refused (409) once cancelled.', 200: [sessionViewSchema, 'The session after the change'] }),
  cancel: route.post('/v1/training/sessions/{trainingSessionId}/cancel', write, '取消教育訓練場次 / Cancel a session (with a reason, audited)', { params: sessionParams, body: cancelSessionSchema, description: 'The session stays in the register, marked cancelled; it counts for nobody. Optional If-Match.', 200: [sessionViewSchema, 'The cancelled session'] }),
  history: route.get('/v1/training/people/{personId}/history', read, '人員教育訓練歷程 / A person\'s training history', { params: personParams, query: yearQuerySchema, 200: [historyViewSchema, 'Sessions attended, newest first, and the status in the year'] }),
  compliance: route.get('/v1/training/compliance', read, '年度教育訓練完成情形 / Who has missed the year\'s required training', { query: yearQuerySchema, 200: [complianceViewSchema, 'The year\'s coverage and each known person\'s status'] }),
};

const yearOrCurrent = (year: number | undefined, today: string) => year ?? Number(today.slice(0, 4));

export const trainingArea = {
  name: 'training',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(routes.codes, async (c) => c.json(trainingCodesView(), 200));

    app.openapi(routes.record, async (c) => {
      const { view, version } = await recordTrainingSession(commandContextOf(c), c.req.valid('json'));
      setEtag(c, version);
      return c.json(view, 201);
    });

    app.openapi(routes.list, async (c) => {
      const { limit, cursor, year } = c.req.valid('query');
      const forYear = yearOrCurrent(year, todayOf(c));
      const list = listBindingOf(c, 'training-sessions', { year: forYear });
      return c.json(await listSessionsOfYear(commandContextOf(c).table, forYear, { limit, cursor }, list, toSessionSummary), 200);
    });

    app.openapi(routes.get, async (c) => {
      const session = await requireSession(commandContextOf(c).table, c.req.valid('param').trainingSessionId);
      setEtag(c, session.version);
      return c.json(toSessionView(session), 200);
    });

    app.openapi(routes.update, async (c) => {
      const { view, version } = await updateTrainingSession(commandContextOf(c), c.req.valid('param').trainingSessionId, c.req.valid('json'), expectedVersion(c));
      setEtag(c, version);
      return c.json(view, 200);
    });

    app.openapi(routes.cancel, async (c) => {
      const { view, version } = await cancelTrainingSession(commandContextOf(c), c.req.valid('param').trainingSessionId, c.req.valid('json').reason, expectedVersion(c, { required: false }));
      setEtag(c, version);
      return c.json(view, 200);
    });

    app.openapi(routes.history, async (c) => {
      const { person, items } = await personHistoryOf(commandContextOf(c).table, c.req.valid('param').personId, yearOrCurrent(c.req.valid('query').year, todayOf(c)));
      return c.json(toHistoryView(person, items), 200);
    });

    app.openapi(routes.compliance, async (c) => {
      const compliance = await trainingComplianceOf(commandContextOf(c).table, yearOrCurrent(c.req.valid('query').year, todayOf(c)));
      return c.json(toComplianceView(compliance), 200);
    });
  },
};
