/**
 * The security maintenance plan (個人資料檔案安全維護計畫): versions from draft to approval,
 * completeness per article, obligations from the sector rule set and record-count history, the
 * duties the approved plan commits the company to, and the rendered document.
 *
 * Roles: officers and owners write drafts and submit them; approving or sending a version back
 * is OWNER_ONLY, because the plan must be approved by the representative (代表人) or a person
 * they authorise (K0010162 Art. 5 ¶2) and the owner credential is how the tenant's
 * representative acts here. Choosing the sector regulation is also OWNER_ONLY: it decides which
 * law the company answers to. Auditors read everything.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { OWNER_ONLY, READ_ROLES, WRITE_ROLES } from '../../domain/access/roles';
import { inForceSectorRegulations, planContentFromTemplate } from '../../domain/plan';
import type { ApiEnv } from '../http/context';
import { commandContextOf, listBindingOf, todayOf } from '../http/commandContext';
import { expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { ApiProblem } from '../http/problem';
import { routeTable } from '../http/route';
import { approvePlanVersion } from './commands/approve';
import { createPlanDraft } from './commands/createDraft';
import { recordPersonalDataCount } from './commands/recordCount';
import { rejectPlanVersion } from './commands/reject';
import { selectPlanRegulation } from './commands/selectRegulation';
import { submitPlanVersion } from './commands/submit';
import { resyncPlanDuties } from './commands/syncDuties';
import { updatePlanDraft } from './commands/updateDraft';
import { renderPlanDocument } from './planDocument';
import { planDutiesReport } from './planDutySync';
import { completenessReport, effectiveRegulation, isModelled, obligationsReport } from './planEvaluation';
import {
  approvePlanVersionSchema,
  assertContentStorable,
  completenessSchema,
  createPlanVersionFromTemplateSchema,
  createPlanVersionSchema,
  createRecordCountSchema,
  documentMediaTypes,
  documentQuerySchema,
  dutySyncResultSchema,
  obligationsQuerySchema,
  obligationsResponseSchema,
  planDutiesResponseSchema,
  planVersionSchema,
  planVersionSummarySchema,
  recordCountQuerySchema,
  recordCountViewSchema,
  regulationViewSchema,
  rejectPlanVersionSchema,
  sectorRegulationSchema,
  selectRegulationSchema,
  toVersionView,
  updatePlanContentSchema,
  versionNumberParamSchema,
} from './planModel';
import { listRecordCounts, listVersionSummaries, requireVersion } from './planStore';

const readAccess = { plane: 'tenant', roles: READ_ROLES } as const;
const writeAccess = { plane: 'tenant', roles: WRITE_ROLES } as const;
const ownerAccess = { plane: 'tenant', roles: OWNER_ONLY } as const;
const TAGS = ['Security maintenance plan'];

// Routes ----------------------------------------------------------------------------------------

const route = routeTable(TAGS);

const createVersionRoute = route.post('/v1/plan/versions', writeAccess, '建立安全維護計畫草稿版本 / Create a draft plan version', { body: createPlanVersionSchema, description: 'Numbers the version after the latest one. Only one version may be open (draft or submitted) at a time. Content above 350,000 bytes (UTF-8 JSON) is refused with 413.', 201: [planVersionSchema, 'The new draft'] });

const createFromTemplateRoute = route.post('/v1/plan/versions/from-template', writeAccess, '以範本建立計畫草稿 / Create a draft plan version from a template', { body: createPlanVersionFromTemplateSchema, description: 'One call to start from the worked example (seed 000) with the company name of your tenant; edit the draft, check its completeness, submit. Same rules as POST /v1/plan/versions.', 201: [planVersionSchema, 'The draft version'] });

const listVersionsRoute = route.get('/v1/plan/versions', readAccess, '計畫版本清單（新到舊）/ List plan versions, newest first', { query: pageQuerySchema, 200: [pageSchema(planVersionSummarySchema, 'PlanVersionPage'), 'Versions without their content'] });

const getVersionRoute = route.get('/v1/plan/versions/{versionNumber}', readAccess, '讀取計畫版本 / Get a plan version', { params: versionNumberParamSchema, 200: [planVersionSchema, 'The version with its content; ETag = revision'] });

const updateContentRoute = route.put('/v1/plan/versions/{versionNumber}/content', writeAccess, '修改草稿內容 / Replace a draft\'s content', { params: versionNumberParamSchema, body: updatePlanContentSchema, description: 'Drafts only: a submitted version must be rejected first; approved and superseded versions never change (409).', 200: [planVersionSchema, 'The updated draft'] });

const submitRoute = route.post('/v1/plan/versions/{versionNumber}/submit', writeAccess, '送核 / Submit a draft for approval', { params: versionNumberParamSchema, 200: [planVersionSchema, 'The submitted version'] });

const rejectRoute = route.post('/v1/plan/versions/{versionNumber}/reject', ownerAccess, '退回送核版本 / Send a submitted version back to draft', { params: versionNumberParamSchema, body: rejectPlanVersionSchema, 200: [planVersionSchema, 'The version, back in draft with the reason'] });

const approveRoute = route.post('/v1/plan/versions/{versionNumber}/approve', ownerAccess, '核定計畫版本（代表人或其授權人員）/ Approve a version (representative or authorised person)', { params: versionNumberParamSchema, body: approvePlanVersionSchema, description: 'Every completeness gap (GET …/completeness) must be accepted with a reason, or the approval is refused (422, code GAPS_NOT_ACCEPTED, one error per gap). ' + 'Approving supersedes the version in force, in the same transaction, then brings the review duties in line with the new plan.', 200: [planVersionSchema, 'The approved version'] });

const completenessRoute = route.get('/v1/plan/versions/{versionNumber}/completeness', readAccess, '計畫完整性檢查（逐條）/ Completeness check, article by article', { params: versionNumberParamSchema, 200: [completenessSchema, 'Every gap with its article, section and field'] });

const documentRoute = route.get('/v1/plan/versions/{versionNumber}/document', readAccess, '計畫文件（Markdown、HTML、Word）/ The plan document (Markdown, HTML, Word)', { params: versionNumberParamSchema, query: documentQuerySchema, description: 'Deterministic: the same version renders to the same bytes.', 200: {
      description: 'The document',
      content: {
        [documentMediaTypes.markdown.contentType]: { schema: z.string() },
        [documentMediaTypes.html.contentType]: { schema: z.string() },
        [documentMediaTypes.docx.contentType]: { schema: z.string().openapi({ format: 'binary' }) },
      },
    } });

const getRegulationRoute = route.get('/v1/plan/regulation', readAccess, '計畫適用之安全維護管理辦法 / The sector regulation the plan answers to', { 200: [regulationViewSchema, 'The regulation; ETag = revision of the selection'] });

const selectRegulationRoute = route.put('/v1/plan/regulation', ownerAccess, '選定適用之安全維護管理辦法 / Select the sector regulation', { body: selectRegulationSchema, description: 'One of the in-force sector regulations (GET /v1/plan/sector-regulations). Send If-Match "0" for the first selection.', 200: [regulationViewSchema, 'The selected regulation'] });

const sectorRegulationsRoute = route.get('/v1/plan/sector-regulations', readAccess, '現行各業別安全維護管理辦法 / The in-force sector regulations', { 200: [z.object({ items: z.array(sectorRegulationSchema) }).openapi('SectorRegulationList'), 'All 58, with whether each is modelled'] });

const obligationsRoute = route.get('/v1/plan/obligations', readAccess, '計畫義務（訂定期限、稽核頻率）/ Plan obligations (deadlines, audit cycle)', { query: obligationsQuerySchema, 200: [obligationsResponseSchema, 'Obligations on asOf, or why they cannot be computed'] });

const dutiesRoute = route.get('/v1/plan/duties', readAccess, '計畫所定之定期義務 / Recurring duties the plan sets', { 200: [planDutiesResponseSchema, 'The approved plan\'s duties, or the defaults'] });

const syncDutiesRoute = route.post('/v1/plan/duties/sync', writeAccess, '依現行計畫重新同步定期義務 / Re-sync review duties from the approved plan', { description: 'Approval syncs the duties itself; this repeats it (e.g. after a failure). Idempotent.', 200: [dutySyncResultSchema, 'What changed'] });

const createRecordCountRoute = route.post('/v1/record-counts', { plane: 'tenant', roles: [...WRITE_ROLES, 'integration'], integrationScope: 'inventory:write' }, '登錄個資筆數（單日）/ Record a single-day personal data record count', { body: createRecordCountSchema, description: 'One entry per day; a later entry for the same day replaces the earlier one (200 instead of 201).', 201: [recordCountViewSchema, 'Recorded'], 200: [recordCountViewSchema, 'Replaced that day\'s entry'] });

const listRecordCountsRoute = route.get('/v1/record-counts', { plane: 'tenant', roles: [...READ_ROLES, 'integration'], integrationScope: 'inventory:read' }, '個資筆數歷程（新到舊）/ Record-count history, newest first', { query: pageQuerySchema.extend(recordCountQuerySchema.shape).strict(), 200: [pageSchema(recordCountViewSchema, 'RecordCountPage'), 'Entries'] });

// Handlers --------------------------------------------------------------------------------------

export const planArea = {
  name: 'plan',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(createFromTemplateRoute, async (c) => {
      const input = c.req.valid('json');
      const context = commandContextOf(c);
      const created = await createPlanDraft(context, { content: planContentFromTemplate(input.template, context.profile.companyName), versionDate: input.versionDate });
      setEtag(c, created.version);
      c.header('Location', `/v1/plan/versions/${created.versionNumber}`);
      return c.json(created.view, 201);
    });

    app.openapi(createVersionRoute, async (c) => {
      const input = c.req.valid('json');
      assertContentStorable(input.content);
      const created = await createPlanDraft(commandContextOf(c), { content: input.content, versionDate: input.versionDate });
      setEtag(c, created.version);
      c.header('Location', `/v1/plan/versions/${created.versionNumber}`);
      return c.json(created.view, 201);
    });

    app.openapi(listVersionsRoute, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await listVersionSummaries(commandContextOf(c).table, { limit, cursor }, listBindingOf(c, 'plan-versions', {}));
      return c.json(page, 200);
    });

    app.openapi(getVersionRoute, async (c) => {
      const stored = await requireVersion(commandContextOf(c).table, c.req.valid('param').versionNumber);
      setEtag(c, stored.version);
      return c.json(toVersionView(stored), 200);
    });

    app.openapi(updateContentRoute, async (c) => {
      const expected = expectedVersion(c);
      const input = c.req.valid('json');
      assertContentStorable(input.content);
      const updated = await updatePlanDraft(commandContextOf(c), { versionNumber: c.req.valid('param').versionNumber, content: input.content, versionDate: input.versionDate, expectedVersion: expected });
      setEtag(c, updated.version);
      return c.json(updated.view, 200);
    });

    app.openapi(submitRoute, async (c) => {
      const submitted = await submitPlanVersion(commandContextOf(c), { versionNumber: c.req.valid('param').versionNumber, expectedVersion: expectedVersion(c, { required: false }) });
      setEtag(c, submitted.version);
      return c.json(submitted.view, 200);
    });

    app.openapi(rejectRoute, async (c) => {
      const input = c.req.valid('json');
      const rejected = await rejectPlanVersion(commandContextOf(c), {
        versionNumber: c.req.valid('param').versionNumber,
        reason: input.reason,
        rejectedBy: input.rejectedBy,
        expectedVersion: expectedVersion(c, { required: false }),
      });
      setEtag(c, rejected.version);
      return c.json(rejected.view, 200);
    });

    app.openapi(approveRoute, async (c) => {
      const approved = await approvePlanVersion(commandContextOf(c), {
        versionNumber: c.req.valid('param').versionNumber,
        approval: c.req.valid('json'),
        expectedVersion: expectedVersion(c, { required: false }),
      });
      if (approved.dutySyncFailed) c.header('X-Duty-Sync', 'failed');
      setEtag(c, approved.version);
      return c.json(approved.view, 200);
    });

    app.openapi(completenessRoute, async (c) => c.json(await completenessReport(commandContextOf(c), c.req.valid('param').versionNumber), 200));

    app.openapi(documentRoute, async (c) => {
      const { format, tables } = c.req.valid('query');
      const document = await renderPlanDocument(commandContextOf(c), c.req.valid('param').versionNumber, format, tables);
      return c.body(document.body, 200, document.headers);
    });

    app.openapi(getRegulationRoute, async (c) => {
      const view = await effectiveRegulation(commandContextOf(c));
      setEtag(c, view.revision);
      return c.json(view, 200);
    });

    app.openapi(selectRegulationRoute, async (c) => {
      const selected = await selectPlanRegulation(commandContextOf(c), { pcode: c.req.valid('json').pcode, expectedVersion: expectedVersion(c) });
      setEtag(c, selected.version);
      return c.json(selected.view, 200);
    });

    app.openapi(sectorRegulationsRoute, (c) => c.json({ items: inForceSectorRegulations.map((r) => ({ ...r, modelled: isModelled(r.pcode) })) }, 200));

    app.openapi(obligationsRoute, async (c) => c.json(await obligationsReport(commandContextOf(c), c.req.valid('query').asOf ?? todayOf(c)), 200));

    app.openapi(dutiesRoute, async (c) => c.json(await planDutiesReport(commandContextOf(c).table), 200));

    app.openapi(syncDutiesRoute, async (c) => c.json(await resyncPlanDuties(commandContextOf(c)), 200));

    app.openapi(createRecordCountRoute, async (c) => {
      const input = c.req.valid('json');
      const recorded = await recordPersonalDataCount(commandContextOf(c), { date: input.date, count: input.count, note: input.note });
      return recorded.replaced ? c.json(recorded.view, 200) : c.json(recorded.view, 201);
    });

    app.openapi(listRecordCountsRoute, async (c) => {
      const { limit, cursor, from, to } = c.req.valid('query');
      if (from && to && from > to) {
        throw new ApiProblem('validationError', { errors: [{ field: 'query.from', reason: { zhTW: '起日不可晚於迄日', en: 'from must not be after to' } }] });
      }
      const page = await listRecordCounts(commandContextOf(c).table, { from, to }, { limit, cursor }, listBindingOf(c, 'record-counts', { from: from ?? null, to: to ?? null }));
      return c.json(page, 200);
    });
  },
};
