/**
 * 風險評估 — the risk library (example §4(3) risk types and countermeasures plus the tenant's),
 * the risk register with its status moves, and dated assessments (value A+B+C per file and the
 * risks on it) approved by the officer and compared with the previous approved one.
 */
import { type OpenAPIHono } from '@hono/zod-openapi';
import { READ_ROLES, WRITE_ROLES } from '../../domain/access/roles';
import { approveAssessment, buildAssessment, compareAssessments } from '../../domain/risk/assessment';
import { mergeRiskLibrary } from '../../domain/risk/riskLibrary';
import { checkRiskReferences, riskSchema, transitionRisk, type Risk, type RiskIssue } from '../../domain/risk/riskRegister';
import { zodIssueToFileIssue } from '../../domain/inventory/personalDataFile';
import { tenantMutationScope, tenantOf, type ApiContext, type ApiEnv } from '../http/context';
import { assertVersion, expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { ApiProblem, type FieldError } from '../http/problem';
import { defineRoute, jsonBody, jsonContent } from '../http/route';
import { commitAudited } from '../store/auditedCommit';
import { mapWriteConflict, putEntityWrite, queryPage } from '../store/entityStore';
import { newId } from '../store/ids';
import { tenantTableIndexes } from '../store/tableDesign';
import { loadCodeLists, loadLiveFiles, tenantToday } from '../inventory/inventoryStore';
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
import {
  RISK_DUE_PARTITION,
  assessmentItem,
  assessmentRecordOf,
  getAssessmentRecord,
  getRiskRecord,
  loadAllAssessments,
  loadAllRisks,
  loadRiskLibrary,
  loadTenantLibraryEntries,
  previousApproved,
  putRiskWrite,
  riskKeys,
  riskRecordOf,
  type AssessmentRecord,
  type RiskRecord,
} from './riskStore';

const TAGS = ['Risk 風險評估'];
const readAccess = { plane: 'tenant', roles: READ_ROLES } as const;
const writeAccess = { plane: 'tenant', roles: WRITE_ROLES } as const;
/** The security officer (個資長/專責人員) signs assessments off; plan §4 makes it their call. */
const officerAccess = { plane: 'tenant', roles: ['officer'] } as const;

// A snapshot item must stay under DynamoDB's 400 KB item limit; refuse politely instead of failing.
const MAX_ASSESSMENT_BYTES = 350_000;

const libraryRoute = defineRoute({
  method: 'get',
  path: '/v1/risk/library',
  tags: TAGS,
  summary: '風險類型及對策庫（內建＋公司自訂）/ Risk library (built-in + tenant)',
  access: readAccess,
  responses: { 200: jsonContent(libraryViewSchema, 'Every entry, built-in first') },
});

const addLibraryEntryRoute = defineRoute({
  method: 'post',
  path: '/v1/risk/library',
  tags: TAGS,
  summary: '新增公司自訂風險類型 / Add a tenant risk-library entry',
  access: writeAccess,
  request: { body: jsonBody(createLibraryEntrySchema) },
  responses: { 201: jsonContent(libraryEntryViewSchema, 'The entry') },
});

const createRiskRoute = defineRoute({
  method: 'post',
  path: '/v1/risks',
  tags: TAGS,
  summary: '登錄風險 / Register a risk',
  access: writeAccess,
  request: { body: jsonBody(createRiskSchema) },
  responses: { 201: jsonContent(riskViewSchema, 'The risk') },
});

const listRisksRoute = defineRoute({
  method: 'get',
  path: '/v1/risks',
  tags: TAGS,
  summary: '風險清冊 / The risk register',
  access: readAccess,
  request: { query: listRisksQuerySchema },
  responses: { 200: jsonContent(pageSchema(riskViewSchema, 'RiskPage'), 'Risks in id order (overdue: by target date)') },
});

const getRiskRoute = defineRoute({
  method: 'get',
  path: '/v1/risks/{riskId}',
  tags: TAGS,
  summary: '風險 / A risk',
  access: readAccess,
  request: { params: riskIdParamSchema },
  responses: { 200: jsonContent(riskViewSchema, 'The risk; ETag is its version') },
});

const patchRiskRoute = defineRoute({
  method: 'patch',
  path: '/v1/risks/{riskId}',
  tags: TAGS,
  summary: '修改風險 / Update a risk (status changes go through transitions)',
  access: writeAccess,
  request: { params: riskIdParamSchema, body: jsonBody(patchRiskSchema) },
  responses: { 200: jsonContent(riskViewSchema, 'The updated risk') },
});

const transitionRoute = defineRoute({
  method: 'post',
  path: '/v1/risks/{riskId}/transitions',
  tags: TAGS,
  summary: '變更風險狀態 / Move a risk to a new status',
  description: 'open → treating → closed, or acceptedWithReason (needs a reason); reopening needs a reason. Optional If-Match.',
  access: writeAccess,
  request: { params: riskIdParamSchema, body: jsonBody(transitionRequestSchema) },
  responses: { 200: jsonContent(riskViewSchema, 'The risk after the move') },
});

const createAssessmentRoute = defineRoute({
  method: 'post',
  path: '/v1/risk/assessments',
  tags: TAGS,
  summary: '進行風險評估（快照）/ Make a risk assessment (dated snapshot)',
  access: writeAccess,
  request: { body: jsonBody(createAssessmentSchema) },
  responses: { 201: jsonContent(assessmentViewSchema, 'The assessment, highest value first') },
});

const listAssessmentsRoute = defineRoute({
  method: 'get',
  path: '/v1/risk/assessments',
  tags: TAGS,
  summary: '風險評估紀錄 / Risk assessments',
  access: readAccess,
  request: { query: pageQuerySchema },
  responses: { 200: jsonContent(pageSchema(assessmentViewSchema, 'RiskAssessmentPage'), 'Newest first') },
});

const getAssessmentRoute = defineRoute({
  method: 'get',
  path: '/v1/risk/assessments/{assessmentId}',
  tags: TAGS,
  summary: '風險評估 / A risk assessment',
  access: readAccess,
  request: { params: assessmentIdParamSchema },
  responses: { 200: jsonContent(assessmentViewSchema, 'The assessment') },
});

const approveAssessmentRoute = defineRoute({
  method: 'post',
  path: '/v1/risk/assessments/{assessmentId}/approve',
  tags: TAGS,
  summary: '核定風險評估（專責人員）/ Approve an assessment (officer)',
  access: officerAccess,
  request: { params: assessmentIdParamSchema, body: jsonBody(approveAssessmentSchema) },
  responses: { 200: jsonContent(assessmentViewSchema, 'The approved assessment') },
});

const comparisonRoute = defineRoute({
  method: 'get',
  path: '/v1/risk/assessments/{assessmentId}/comparison',
  tags: TAGS,
  summary: '與前次核定評估比較 / Compare with the previous approved assessment',
  access: readAccess,
  request: { params: assessmentIdParamSchema },
  responses: { 200: jsonContent(comparisonViewSchema, 'New, changed, closed and dropped risks; value changes') },
});

const riskWhat = { zhTW: '風險', en: 'risk' };
const assessmentWhat = { zhTW: '風險評估', en: 'risk assessment' };
const notFound = (what: { zhTW: string; en: string }) => new ApiProblem('notFound', { detail: { zhTW: `找不到${what.zhTW}`, en: `No such ${what.en}` } });

function riskIssuesProblem(issues: readonly RiskIssue[]): ApiProblem {
  const errors: FieldError[] = issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', reason: i.message }));
  return new ApiProblem('ruleViolation', { code: 'riskReferencesInvalid', detail: { zhTW: '風險引用之資料不存在或不一致', en: 'The risk refers to unknown or mismatched records' }, errors });
}

async function checkReferences(c: ApiContext, risk: Risk): Promise<void> {
  const tenant = tenantOf(c);
  const [library, files] = await Promise.all([loadRiskLibrary(tenant), loadLiveFiles(tenant)]);
  const issues = checkRiskReferences(risk, library, new Set(files.map((f) => f.id)));
  if (issues.length > 0) throw riskIssuesProblem(issues);
}

async function requireRisk(c: ApiContext, riskId: string): Promise<RiskRecord> {
  const record = await getRiskRecord(tenantOf(c), riskId);
  if (!record) throw notFound(riskWhat);
  return record;
}

async function requireAssessment(c: ApiContext, assessmentId: string): Promise<AssessmentRecord> {
  const record = await getAssessmentRecord(tenantOf(c), assessmentId);
  if (!record) throw notFound(assessmentWhat);
  return record;
}

const today = (c: ApiContext) => tenantToday(tenantOf(c), c.get('deps').clock());

async function commitRisk(c: ApiContext, action: string, before: RiskRecord | null, after: RiskRecord, status: 200 | 201) {
  const view = toRiskView(after, today(c));
  try {
    await commitAudited(tenantMutationScope(c), {
      changes: [{ action, resourceType: 'risk', resourceId: after.risk.id, before: before?.risk ?? null, after: after.risk }],
      writes: [putRiskWrite(tenantOf(c).tableName, after, before ? before.version : null)],
      response: { status, body: view },
    });
  } catch (error) {
    mapWriteConflict(error, before ? 'update' : 'create');
  }
  setEtag(c, after.version);
  return view;
}

export const riskArea = {
  name: 'risk',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(libraryRoute, async (c) => c.json({ items: [...(await loadRiskLibrary(tenantOf(c))).values()] }, 200));

    app.openapi(addLibraryEntryRoute, async (c) => {
      const tenant = tenantOf(c);
      const input = c.req.valid('json');
      const merged = mergeRiskLibrary([...(await loadTenantLibraryEntries(tenant)), input]);
      if (!merged.ok) throw new ApiProblem('conflict', { code: 'libraryEntryExists', detail: merged.errors[0]!.message });
      const entry = merged.library.get(input.id)!;
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [{ action: 'riskLibraryEntry.create', resourceType: 'riskLibraryEntry', resourceId: input.id, before: null, after: input }],
          writes: [putEntityWrite(tenant.tableName, { ...riskKeys.libraryEntry(input.id), entity: 'RiskLibraryEntry', entry: input, version: 1 }, null)],
          response: { status: 201, body: entry },
        });
      } catch (error) {
        mapWriteConflict(error, 'create');
      }
      return c.json(entry, 201);
    });

    app.openapi(createRiskRoute, async (c) => {
      const risk = c.req.valid('json') as Risk;
      await checkReferences(c, risk);
      const now = c.get('deps').clock().toISOString();
      const view = await commitRisk(c, 'risk.create', null, { risk, version: 1, createdAt: now, updatedAt: now }, 201);
      return c.json(view, 201);
    });

    app.openapi(listRisksRoute, async (c) => {
      const { limit, cursor, ...filters } = c.req.valid('query');
      const asOf = today(c);
      const conditions: string[] = [];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      if (filters.status) {
        conditions.push('#status = :status');
        names['#status'] = 'status';
        values[':status'] = filters.status;
      }
      if (filters.owner) {
        conditions.push('#owner = :owner');
        names['#owner'] = 'owner';
        values[':owner'] = filters.owner;
      }
      if (filters.fileId) {
        conditions.push('contains(#fileIds, :fileId)');
        names['#fileIds'] = 'fileIds';
        values[':fileId'] = filters.fileId;
      }
      const filter = conditions.length > 0 ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names } : {};
      // overdue=true reads the due-date index up to yesterday; anything else the register partition.
      const query = filters.overdue
        ? {
            IndexName: tenantTableIndexes.dueByDate.name,
            KeyConditionExpression: 'duePk = :duePk AND dueSk < :today',
            ...filter,
            ExpressionAttributeValues: { ...values, ':duePk': RISK_DUE_PARTITION, ':today': asOf },
          }
        : { KeyConditionExpression: 'pk = :pk', ...filter, ExpressionAttributeValues: { ...values, ':pk': 'RISKS' } };
      // The cursor binds the date too: an overdue page from yesterday does not continue today's list.
      const page = await queryPage(c, 'risks', { ...filters, ...(filters.overdue ? { asOf } : {}) }, { limit, cursor }, query, (item) => toRiskView(riskRecordOf(item), asOf));
      return c.json(page, 200);
    });

    app.openapi(getRiskRoute, async (c) => {
      const record = await requireRisk(c, c.req.valid('param').riskId);
      setEtag(c, record.version);
      return c.json(toRiskView(record, today(c)), 200);
    });

    app.openapi(patchRiskRoute, async (c) => {
      const { riskId } = c.req.valid('param');
      const expected = expectedVersion(c);
      const patch = c.req.valid('json');
      const current = await requireRisk(c, riskId);
      assertVersion(current.version, expected);
      const merged: Record<string, unknown> = { ...current.risk };
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete merged[key];
        else if (value !== undefined) merged[key] = value;
      }
      const parsed = riskSchema.safeParse(merged);
      if (!parsed.success)
        throw new ApiProblem('validationError', { errors: parsed.error.issues.map(zodIssueToFileIssue).map((i) => ({ field: i.path.map(String).join('.') || '(body)', reason: i.message })) });
      await checkReferences(c, parsed.data);
      const now = c.get('deps').clock().toISOString();
      const view = await commitRisk(c, 'risk.update', current, { ...current, risk: parsed.data, version: current.version + 1, updatedAt: now }, 200);
      return c.json(view, 200);
    });

    app.openapi(transitionRoute, async (c) => {
      const { riskId } = c.req.valid('param');
      const expected = expectedVersion(c, { required: false });
      const transition = c.req.valid('json');
      const current = await requireRisk(c, riskId);
      assertVersion(current.version, expected);
      const moved = transitionRisk(current.risk, transition);
      if (!moved.ok) throw new ApiProblem('ruleViolation', { code: 'riskTransitionRejected', detail: moved.reason, errors: [{ field: 'to', reason: moved.reason }] });
      const now = c.get('deps').clock().toISOString();
      const view = await commitRisk(c, `risk.transition.${transition.to}`, current, { ...current, risk: moved.risk, version: current.version + 1, updatedAt: now }, 200);
      return c.json(view, 200);
    });

    app.openapi(createAssessmentRoute, async (c) => {
      const tenant = tenantOf(c);
      const input = c.req.valid('json');
      const [files, risks, codeLists] = await Promise.all([loadLiveFiles(tenant), loadAllRisks(tenant), loadCodeLists(tenant)]);
      const scopeFileIds = input.scopeFileIds ?? files.filter((f) => f.status !== 'deleted').map((f) => f.id);
      if (scopeFileIds.length === 0)
        throw new ApiProblem('ruleViolation', { code: 'emptyInventory', detail: { zhTW: '盤點清冊沒有可評估的個資檔案', en: 'The inventory has no file to assess' } });
      const now = c.get('deps').clock();
      const built = buildAssessment(newId('ras', now.getTime()), { ...input, scopeFileIds }, files, risks, codeLists);
      if (!built.ok)
        throw new ApiProblem('ruleViolation', {
          code: 'assessmentScopeInvalid',
          detail: built.errors[0],
          errors: built.errors.map((reason) => ({ field: 'scopeFileIds', reason })),
        });
      const record: AssessmentRecord = { assessment: built.assessment, version: 1, createdAt: now.toISOString(), createdBy: c.get('principal').actorId };
      const item = assessmentItem(record);
      if (Buffer.byteLength(JSON.stringify(item)) > MAX_ASSESSMENT_BYTES)
        throw new ApiProblem('ruleViolation', { code: 'assessmentTooLarge', detail: { zhTW: '評估範圍過大，請分次評估', en: 'The assessment is too large; assess fewer files at a time' } });
      const view = toAssessmentView(record);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [{ action: 'riskAssessment.create', resourceType: 'riskAssessment', resourceId: record.assessment.id, before: null, after: record.assessment }],
          writes: [putEntityWrite(tenant.tableName, item, null)],
          response: { status: 201, body: view },
        });
      } catch (error) {
        mapWriteConflict(error, 'create');
      }
      setEtag(c, record.version);
      return c.json(view, 201);
    });

    app.openapi(listAssessmentsRoute, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await queryPage(
        c,
        'risk-assessments',
        {},
        { limit, cursor },
        { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'RISK_ASSESSMENTS' }, ScanIndexForward: false },
        (item) => toAssessmentView(assessmentRecordOf(item)),
      );
      return c.json(page, 200);
    });

    app.openapi(getAssessmentRoute, async (c) => {
      const record = await requireAssessment(c, c.req.valid('param').assessmentId);
      setEtag(c, record.version);
      return c.json(toAssessmentView(record), 200);
    });

    app.openapi(approveAssessmentRoute, async (c) => {
      const { assessmentId } = c.req.valid('param');
      const expected = expectedVersion(c, { required: false });
      const approval = c.req.valid('json');
      const current = await requireAssessment(c, assessmentId);
      assertVersion(current.version, expected);
      if (current.assessment.approval)
        throw new ApiProblem('conflict', { code: 'assessmentAlreadyApproved', detail: { zhTW: '此評估已核定', en: 'The assessment is already approved' } });
      const approved = approveAssessment(current.assessment, approval);
      if (!approved.ok) throw new ApiProblem('ruleViolation', { code: 'approvalRejected', detail: approved.reason, errors: [{ field: 'approvedOn', reason: approved.reason }] });
      const next: AssessmentRecord = { ...current, assessment: approved.assessment, version: current.version + 1 };
      const view = toAssessmentView(next);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [{ action: 'riskAssessment.approve', resourceType: 'riskAssessment', resourceId: assessmentId, before: current.assessment.approval ?? null, after: approved.assessment.approval }],
          writes: [putEntityWrite(tenantOf(c).tableName, assessmentItem(next), current.version)],
          response: { status: 200, body: view },
        });
      } catch (error) {
        mapWriteConflict(error, 'update');
      }
      setEtag(c, next.version);
      return c.json(view, 200);
    });

    app.openapi(comparisonRoute, async (c) => {
      const current = await requireAssessment(c, c.req.valid('param').assessmentId);
      const previous = previousApproved(await loadAllAssessments(tenantOf(c)), current.assessment);
      const comparison = previous ? compareAssessments(previous, current.assessment) : null;
      return c.json(toComparisonView(current.assessment.id, previous?.id ?? null, comparison), 200);
    });
  },
};
