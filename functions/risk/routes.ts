/**
 * 風險評估 — the risk library (example §4(3) risk types and countermeasures plus the tenant's),
 * the risk register with its status moves, and dated assessments (value A+B+C per file and the
 * risks on it) approved by the officer and compared with the previous approved one.
 */
import { type OpenAPIHono } from '@hono/zod-openapi';
import { READ_ROLES, WRITE_ROLES } from '../../domain/access/roles';
import { compareAssessments } from '../../domain/risk/assessment';
import type { Risk } from '../../domain/risk/riskRegister';
import { commandContextOf, listBindingOf, todayOf } from '../http/commandContext';
import type { ApiEnv } from '../http/context';
import { expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { routeTable } from '../http/route';
import { addRiskLibraryEntry } from './commands/addRiskLibraryEntry';
import { approveRiskAssessment } from './commands/approveRiskAssessment';
import { createAssessment } from './commands/createAssessment';
import { createRisk } from './commands/createRisk';
import { transitionRiskStatus } from './commands/transitionRiskStatus';
import { updateRisk } from './commands/updateRisk';
import {
  approveAssessmentSchema,
  assessmentIdParamSchema,
  assessmentViewSchema,
  comparisonViewSchema,
  createAssessmentSchema,
  createLibraryEntrySchema,
  createRiskSchema,
  libraryEntryViewSchema,
  libraryViewSchema,
  listRisksQuerySchema,
  patchRiskSchema,
  riskIdParamSchema,
  riskViewSchema,
  toAssessmentView,
  toComparisonView,
  toRiskView,
  transitionRequestSchema,
} from './riskModel';
import { listAssessments, listRisks, loadAllAssessments, loadRiskLibrary, previousApproved, requireAssessmentRecord, requireRiskRecord } from './riskStore';

const TAGS = ['Risk 風險評估'];
const readAccess = { plane: 'tenant', roles: READ_ROLES } as const;
const writeAccess = { plane: 'tenant', roles: WRITE_ROLES } as const;
/** The security officer (個資長/專責人員) signs assessments off; plan §4 makes it their call. */
const officerAccess = { plane: 'tenant', roles: ['officer'] } as const;

const route = routeTable(TAGS);

const libraryRoute = route.get('/v1/risk/library', readAccess, '風險類型及對策庫（內建＋公司自訂）/ Risk library (built-in + tenant)', { 200: [libraryViewSchema, 'Every entry, built-in first'] });

const addLibraryEntryRoute = route.post('/v1/risk/library', writeAccess, '新增公司自訂風險類型 / Add a tenant risk-library entry', { body: createLibraryEntrySchema, 201: [libraryEntryViewSchema, 'The entry'] });

const createRiskRoute = route.post('/v1/risks', writeAccess, '登錄風險 / Register a risk', { body: createRiskSchema, 201: [riskViewSchema, 'The risk'] });

const listRisksRoute = route.get('/v1/risks', readAccess, '風險清冊 / The risk register', { query: listRisksQuerySchema, 200: [pageSchema(riskViewSchema, 'RiskPage'), 'Risks in id order (overdue: by target date)'] });

const getRiskRoute = route.get('/v1/risks/{riskId}', readAccess, '風險 / A risk', { params: riskIdParamSchema, 200: [riskViewSchema, 'The risk; ETag is its version'] });

const patchRiskRoute = route.patch('/v1/risks/{riskId}', writeAccess, '修改風險 / Update a risk (status changes go through transitions)', { params: riskIdParamSchema, body: patchRiskSchema, 200: [riskViewSchema, 'The updated risk'] });

const transitionRoute = route.post('/v1/risks/{riskId}/transitions', writeAccess, '變更風險狀態 / Move a risk to a new status', { params: riskIdParamSchema, body: transitionRequestSchema, description: 'open → treating → closed, or acceptedWithReason (needs a reason); reopening needs a reason. Optional If-Match.', 200: [riskViewSchema, 'The risk after the move'] });

const createAssessmentRoute = route.post('/v1/risk/assessments', writeAccess, '進行風險評估（快照）/ Make a risk assessment (dated snapshot)', { body: createAssessmentSchema, 201: [assessmentViewSchema, 'The assessment, highest value first'] });

const listAssessmentsRoute = route.get('/v1/risk/assessments', readAccess, '風險評估紀錄 / Risk assessments', { query: pageQuerySchema, 200: [pageSchema(assessmentViewSchema, 'RiskAssessmentPage'), 'Newest first'] });

const getAssessmentRoute = route.get('/v1/risk/assessments/{assessmentId}', readAccess, '風險評估 / A risk assessment', { params: assessmentIdParamSchema, 200: [assessmentViewSchema, 'The assessment'] });

const approveAssessmentRoute = route.post('/v1/risk/assessments/{assessmentId}/approve', officerAccess, '核定風險評估（專責人員）/ Approve an assessment (officer)', { params: assessmentIdParamSchema, body: approveAssessmentSchema, 200: [assessmentViewSchema, 'The approved assessment'] });

const comparisonRoute = route.get('/v1/risk/assessments/{assessmentId}/comparison', readAccess, '與前次核定評估比較 / Compare with the previous approved assessment', { params: assessmentIdParamSchema, 200: [comparisonViewSchema, 'New, changed, closed and dropped risks; value changes'] });

export const riskArea = {
  name: 'risk',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(libraryRoute, async (c) => c.json({ items: [...(await loadRiskLibrary(commandContextOf(c).table)).values()] }, 200));

    app.openapi(addLibraryEntryRoute, async (c) => {
      const entry = await addRiskLibraryEntry(commandContextOf(c), c.req.valid('json'));
      return c.json(entry, 201);
    });

    app.openapi(createRiskRoute, async (c) => {
      const view = await createRisk(commandContextOf(c), c.req.valid('json') as Risk);
      setEtag(c, view.version);
      return c.json(view, 201);
    });

    app.openapi(listRisksRoute, async (c) => {
      const { limit, cursor, ...filters } = c.req.valid('query');
      const today = todayOf(c);
      // The cursor binds the date too: an overdue page from yesterday does not continue today's list.
      const binding = listBindingOf(c, 'risks', { ...filters, ...(filters.overdue ? { asOf: today } : {}) });
      const page = await listRisks(commandContextOf(c).table, filters, today, { limit, cursor }, binding, (record) => toRiskView(record, today));
      return c.json(page, 200);
    });

    app.openapi(getRiskRoute, async (c) => {
      const record = await requireRiskRecord(commandContextOf(c).table, c.req.valid('param').riskId);
      setEtag(c, record.version);
      return c.json(toRiskView(record, todayOf(c)), 200);
    });

    app.openapi(patchRiskRoute, async (c) => {
      const { riskId } = c.req.valid('param');
      const expected = expectedVersion(c);
      const view = await updateRisk(commandContextOf(c), riskId, c.req.valid('json'), expected);
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(transitionRoute, async (c) => {
      const { riskId } = c.req.valid('param');
      const expected = expectedVersion(c, { required: false });
      const view = await transitionRiskStatus(commandContextOf(c), riskId, c.req.valid('json'), expected);
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(createAssessmentRoute, async (c) => {
      const view = await createAssessment(commandContextOf(c), c.req.valid('json'));
      setEtag(c, view.version);
      return c.json(view, 201);
    });

    app.openapi(listAssessmentsRoute, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await listAssessments(commandContextOf(c).table, { limit, cursor }, listBindingOf(c, 'risk-assessments', {}), toAssessmentView);
      return c.json(page, 200);
    });

    app.openapi(getAssessmentRoute, async (c) => {
      const record = await requireAssessmentRecord(commandContextOf(c).table, c.req.valid('param').assessmentId);
      setEtag(c, record.version);
      return c.json(toAssessmentView(record), 200);
    });

    app.openapi(approveAssessmentRoute, async (c) => {
      const { assessmentId } = c.req.valid('param');
      const expected = expectedVersion(c, { required: false });
      const view = await approveRiskAssessment(commandContextOf(c), assessmentId, c.req.valid('json'), expected);
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(comparisonRoute, async (c) => {
      const { table } = commandContextOf(c);
      const current = await requireAssessmentRecord(table, c.req.valid('param').assessmentId);
      const previous = previousApproved(await loadAllAssessments(table), current.assessment);
      const comparison = previous ? compareAssessments(previous, current.assessment) : null;
      return c.json(toComparisonView(current.assessment.id, previous?.id ?? null, comparison), 200);
    });
  },
};
