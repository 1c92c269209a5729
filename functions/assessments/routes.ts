/**
 * Compliance assessments (issue #17): the catalogs that fit the tenant's sector and class, a
 * self-check or audit run on one of them item by item, progress and score, consistency warnings
 * before sign-off, findings with corrective actions (chased like an incident's), sign-off that
 * locks, an audited reopen as a new revision, and item-by-item comparison.
 *
 * The path parameter is `complianceAssessmentId`: `assessmentId` names risk assessments
 * (/v1/risk/assessments), and a parameter name means one kind of resource across the API.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { catalogById, compareAssessments } from '../../domain/assessment';
import { READ_ROLES, WRITE_ROLES } from '../../domain/access/roles';
import { unwrap } from '../application/failures';
import { commandContextOf, listBindingOf } from '../http/commandContext';
import type { ApiEnv } from '../http/context';
import { expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { routeTable } from '../http/route';
import { recordFactsFor } from './assessmentFacts';
import {
  answerBodySchema,
  assessmentSummarySchema,
  assessmentViewSchema,
  catalogSummarySchema,
  catalogViewSchema,
  comparisonQuerySchema,
  comparisonViewSchema,
  createAssessmentSchema,
  findingActionBodySchema,
  findingActionTransitionBodySchema,
  findingActionViewSchema,
  findingsViewSchema,
  listAssessmentsQuerySchema,
  reopenBodySchema,
  signOffBodySchema,
  toAssessmentSummary,
  toAssessmentView,
  toCatalogSummary,
  toCatalogView,
  toComparisonView,
  toFindingsView,
  toWarningsView,
  warningsViewSchema,
} from './assessmentModel';
import { listAssessments, requireAssessment } from './assessmentStore';
import { addFindingAction } from './commands/addFindingAction';
import { answerItem } from './commands/answerItem';
import { requireTenantCatalog, tenantCatalogs } from './commands/assessmentCatalogs';
import { createAssessment } from './commands/createAssessment';
import { reopenAssessment } from './commands/reopenAssessment';
import { signOffAssessment } from './commands/signOffAssessment';
import { transitionFindingAction } from './commands/transitionFindingAction';

const TAG = 'Compliance assessments';
const read = { plane: 'tenant', roles: READ_ROLES } as const;
const write = { plane: 'tenant', roles: WRITE_ROLES } as const;

const assessmentIdParam = z.string().regex(/^cas_[0-9a-z]{26}$/).openapi({ param: { name: 'complianceAssessmentId', in: 'path' }, example: 'cas_01jq3z5k8m9n0p1q2r3s4t5v6w' });
const idParams = z.object({ complianceAssessmentId: assessmentIdParam });
const itemParams = idParams.extend({ itemNumber: z.string().regex(/^[0-9]+(\.[0-9]+)*$/).max(20).openapi({ param: { name: 'itemNumber', in: 'path' }, example: '1.1.1.1' }) });
const actionParams = idParams.extend({ actionId: z.string().regex(/^cpa_[0-9a-z]{26}$/).openapi({ param: { name: 'actionId', in: 'path' } }) });
const catalogParams = z.object({ catalogId: z.string().min(1).max(40).openapi({ param: { name: 'catalogId', in: 'path' }, example: 'ecommerceSupplier' }) });

const route = routeTable([TAG]);

const routes = {
  catalogs: route.get('/v1/assessment-catalogs', read, '適用之檢查表 / The catalogs that fit the tenant (sector and class)', { 200: [z.object({ items: z.array(catalogSummarySchema) }).openapi('AssessmentCatalogList'), 'The sector regulation\'s self-check and, for e-commerce, the seed 003 checklist cut to the class'] }),
  catalog: route.get('/v1/assessment-catalogs/{catalogId}', read, '檢查表項目 / A catalog\'s items, as the tenant\'s class sees them', { params: catalogParams, description: 'catalogId may need percent-encoding (regulation:K0010162).', 200: [catalogViewSchema, 'Strategic goal → management item → requirement → check item'] }),
  create: route.post('/v1/assessments', write, '開始評估 / Start a self-check, internal audit or third-party audit', { body: createAssessmentSchema, 201: [assessmentViewSchema, 'The assessment (draft)'] }),
  list: route.get('/v1/assessments', read, '評估清單 / Assessments, newest first', { query: pageQuerySchema.extend(listAssessmentsQuerySchema.shape).strict(), 200: [pageSchema(assessmentSummarySchema, 'ComplianceAssessmentPage'), 'Newest first; catalogId narrows to one catalog'] }),
  get: route.get('/v1/assessments/{complianceAssessmentId}', read, '評估（含進度及分數）/ An assessment with progress and score', { params: idParams, 200: [assessmentViewSchema, 'The assessment; ETag is its version'] }),
  answer: route.put('/v1/assessments/{complianceAssessmentId}/items/{itemNumber}', write, '作答檢查項目 / Answer one item (result, notes, evidence references)', { params: itemParams, body: answerBodySchema, description: 'Not applicable needs a reason. Refused (409) once signed off. If-Match: the assessment\'s version.', 200: [assessmentViewSchema, 'The assessment after the answer'] }),
  warnings: route.get('/v1/assessments/{complianceAssessmentId}/warnings', read, '一致性警示 / Consistency warnings (before sign-off)', { params: idParams, 200: [warningsViewSchema, 'Compliant without evidence, unanswered baseline items, answers other records contradict'] }),
  signOff: route.post('/v1/assessments/{complianceAssessmentId}/sign-off', write, '簽核並鎖定 / Sign off and lock (warnings acknowledged)', { params: idParams, body: signOffBodySchema, description: 'Sets the next assessment of this catalog as a duty from the audit cycle. Optional If-Match.', 200: [assessmentViewSchema, 'The signed-off assessment'] }),
  reopen: route.post('/v1/assessments/{complianceAssessmentId}/reopen', write, '重新開啟為新版次 / Reopen as a new revision (audited; the signed-off one stays)', { params: idParams, body: reopenBodySchema, 201: [assessmentViewSchema, 'The new revision, answers carried over'] }),
  findings: route.get('/v1/assessments/{complianceAssessmentId}/findings', read, '缺失及矯正預防措施 / Findings with their corrective actions', { params: idParams, 200: [findingsViewSchema, 'Non-compliant and partially compliant items, in catalog order'] }),
  addAction: route.post('/v1/assessments/{complianceAssessmentId}/findings/{itemNumber}/corrective-actions', write, '新增缺失之矯正預防措施 / Add a corrective action to a finding (chased on its due date)', { params: itemParams, body: findingActionBodySchema, 201: [findingActionViewSchema, 'The action'] }),
  transitionAction: route.post('/v1/assessments/{complianceAssessmentId}/corrective-actions/{actionId}/transitions', write, '變更矯正預防措施狀態 / Move a finding\'s action (inProgress, done, verified by someone other than the owner)', { params: actionParams, body: findingActionTransitionBodySchema, 200: [findingActionViewSchema, 'The action'] }),
  compare: route.get('/v1/assessments/{complianceAssessmentId}/comparison', read, '比較兩次評估 / Compare with another assessment of the same catalog, item by item', { params: idParams, query: comparisonQuerySchema, 200: [comparisonViewSchema, 'Each item before (the other) and after (this one)'] }),
};

export const assessmentsArea = {
  name: 'assessments',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(routes.catalogs, async (c) => c.json({ items: tenantCatalogs(commandContextOf(c)).map(toCatalogSummary) }, 200));

    app.openapi(routes.catalog, async (c) => c.json(toCatalogView(requireTenantCatalog(commandContextOf(c), c.req.valid('param').catalogId)), 200));

    app.openapi(routes.create, async (c) => {
      const { view, version } = await createAssessment(commandContextOf(c), c.req.valid('json'));
      setEtag(c, version);
      return c.json(view, 201);
    });

    app.openapi(routes.list, async (c) => {
      const { limit, cursor, catalogId } = c.req.valid('query');
      const list = listBindingOf(c, 'compliance-assessments', { catalogId: catalogId ?? null });
      return c.json(await listAssessments(commandContextOf(c).table, { catalogId }, { limit, cursor }, list, toAssessmentSummary), 200);
    });

    app.openapi(routes.get, async (c) => {
      const { assessment } = await requireAssessment(commandContextOf(c).table, c.req.valid('param').complianceAssessmentId);
      setEtag(c, assessment.version);
      return c.json(toAssessmentView(assessment, unwrap(catalogById(assessment.catalogId))), 200);
    });

    app.openapi(routes.answer, async (c) => {
      const { complianceAssessmentId, itemNumber } = c.req.valid('param');
      const { view, version } = await answerItem(commandContextOf(c), complianceAssessmentId, itemNumber, c.req.valid('json'), expectedVersion(c));
      setEtag(c, version);
      return c.json(view, 200);
    });

    app.openapi(routes.warnings, async (c) => {
      const context = commandContextOf(c);
      const { assessment } = await requireAssessment(context.table, c.req.valid('param').complianceAssessmentId);
      return c.json(toWarningsView(assessment, unwrap(catalogById(assessment.catalogId)), await recordFactsFor(context, assessment.assessmentId)), 200);
    });

    app.openapi(routes.signOff, async (c) => {
      const { view, version } = await signOffAssessment(commandContextOf(c), c.req.valid('param').complianceAssessmentId, c.req.valid('json'), expectedVersion(c, { required: false }));
      setEtag(c, version);
      return c.json(view, 200);
    });

    app.openapi(routes.reopen, async (c) => {
      const { view, version } = await reopenAssessment(commandContextOf(c), c.req.valid('param').complianceAssessmentId, c.req.valid('json').reason, expectedVersion(c, { required: false }));
      setEtag(c, version);
      return c.json(view, 201);
    });

    app.openapi(routes.findings, async (c) => {
      const { assessment, actions } = await requireAssessment(commandContextOf(c).table, c.req.valid('param').complianceAssessmentId);
      return c.json(toFindingsView(assessment, unwrap(catalogById(assessment.catalogId)), actions), 200);
    });

    app.openapi(routes.addAction, async (c) => {
      const { complianceAssessmentId, itemNumber } = c.req.valid('param');
      const { view, version } = await addFindingAction(commandContextOf(c), complianceAssessmentId, itemNumber, c.req.valid('json'));
      setEtag(c, version);
      return c.json(view, 201);
    });

    app.openapi(routes.transitionAction, async (c) => {
      const { complianceAssessmentId, actionId } = c.req.valid('param');
      // If-Match here is the action's own version.
      const { view, version } = await transitionFindingAction(commandContextOf(c), complianceAssessmentId, actionId, c.req.valid('json'), expectedVersion(c, { required: false }));
      setEtag(c, version);
      return c.json(view, 200);
    });

    app.openapi(routes.compare, async (c) => {
      const table = commandContextOf(c).table;
      const [after, before] = await Promise.all([requireAssessment(table, c.req.valid('param').complianceAssessmentId), requireAssessment(table, c.req.valid('query').with)]);
      const catalog = unwrap(catalogById(after.assessment.catalogId));
      return c.json(toComparisonView(before.assessment, after.assessment, unwrap(compareAssessments(before.assessment, after.assessment, catalog))), 200);
    });
  },
};
