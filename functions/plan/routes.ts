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
import {
  approveVersion,
  canApprove,
  createDraftVersion,
  defaultPlanDuties,
  formatRocDate,
  inForceSectorRegulations,
  planDuties,
  planSectionTitles,
  rejectVersion,
  renderPlanDocx,
  renderPlanHtml,
  renderPlanMarkdown,
  sectorRegulationFor,
  submitVersion,
  updateDraftVersion,
  type PlanContent,
  type PlanVersion,
  type PlanVersionError,
} from '../../domain/plan';
import { zonedDateOf, type IsoDate } from '../../domain/shared/isoDate';
import { syncDuties } from '../reviews/dutySync';
import { tenantMutationScope, tenantOf, type ApiContext, type ApiEnv } from '../http/context';
import { assertVersion, expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { ApiProblem, type FieldError } from '../http/problem';
import { defineRoute, jsonBody, jsonContent } from '../http/route';
import { commitAudited, WriteConflictError, type TransactItem } from '../store/auditedCommit';
import { queryPage } from '../store/entityStore';
import { ownerRoleLabel, planDutyDefinitions, scopedTitle } from './planDutySync';
import { completenessFor, describeRegulation, effectiveRegulation, isModelled, obligationsFor } from './planEvaluation';
import {
  approvePlanVersionSchema,
  completenessSchema,
  createPlanVersionSchema,
  createRecordCountSchema,
  documentFileNames,
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
  toRecordCountView,
  toVersionSummary,
  toVersionView,
  updatePlanContentSchema,
  versionNumberParamSchema,
} from './planModel';
import {
  contentBytes,
  headWrite,
  loadHead,
  loadRecordCount,
  loadSettings,
  loadVersion,
  MAX_CONTENT_BYTES,
  planKeys,
  recordCountKeys,
  settingsWrite,
  toDomainVersion,
  toStoredVersion,
  versionWrite,
  type RecordCountEntry,
  type StoredPlanVersion,
} from './planStore';
import { loadPlanTables } from './planTables';

const readAccess = { plane: 'tenant', roles: READ_ROLES } as const;
const writeAccess = { plane: 'tenant', roles: WRITE_ROLES } as const;
const ownerAccess = { plane: 'tenant', roles: OWNER_ONLY } as const;
const TAGS = ['Security maintenance plan'];
const VERSION_WHAT = { zhTW: '此計畫版本', en: 'plan version' };

// Routes ----------------------------------------------------------------------------------------

const createVersionRoute = defineRoute({
  method: 'post',
  path: '/v1/plan/versions',
  tags: TAGS,
  summary: '建立安全維護計畫草稿版本 / Create a draft plan version',
  description: 'Numbers the version after the latest one. Only one version may be open (draft or submitted) at a time. Content above 350,000 bytes (UTF-8 JSON) is refused with 413.',
  access: writeAccess,
  request: { body: jsonBody(createPlanVersionSchema) },
  responses: { 201: jsonContent(planVersionSchema, 'The new draft') },
});

const listVersionsRoute = defineRoute({
  method: 'get',
  path: '/v1/plan/versions',
  tags: TAGS,
  summary: '計畫版本清單（新到舊）/ List plan versions, newest first',
  access: readAccess,
  request: { query: pageQuerySchema },
  responses: { 200: jsonContent(pageSchema(planVersionSummarySchema, 'PlanVersionPage'), 'Versions without their content') },
});

const getVersionRoute = defineRoute({
  method: 'get',
  path: '/v1/plan/versions/{versionNumber}',
  tags: TAGS,
  summary: '讀取計畫版本 / Get a plan version',
  access: readAccess,
  request: { params: versionNumberParamSchema },
  responses: { 200: jsonContent(planVersionSchema, 'The version with its content; ETag = revision') },
});

const updateContentRoute = defineRoute({
  method: 'put',
  path: '/v1/plan/versions/{versionNumber}/content',
  tags: TAGS,
  summary: '修改草稿內容 / Replace a draft\'s content',
  description: 'Drafts only: a submitted version must be rejected first; approved and superseded versions never change (409).',
  access: writeAccess,
  request: { params: versionNumberParamSchema, body: jsonBody(updatePlanContentSchema) },
  responses: { 200: jsonContent(planVersionSchema, 'The updated draft') },
});

const submitRoute = defineRoute({
  method: 'post',
  path: '/v1/plan/versions/{versionNumber}/submit',
  tags: TAGS,
  summary: '送核 / Submit a draft for approval',
  access: writeAccess,
  request: { params: versionNumberParamSchema },
  responses: { 200: jsonContent(planVersionSchema, 'The submitted version') },
});

const rejectRoute = defineRoute({
  method: 'post',
  path: '/v1/plan/versions/{versionNumber}/reject',
  tags: TAGS,
  summary: '退回送核版本 / Send a submitted version back to draft',
  access: ownerAccess,
  request: { params: versionNumberParamSchema, body: jsonBody(rejectPlanVersionSchema) },
  responses: { 200: jsonContent(planVersionSchema, 'The version, back in draft with the reason') },
});

const approveRoute = defineRoute({
  method: 'post',
  path: '/v1/plan/versions/{versionNumber}/approve',
  tags: TAGS,
  summary: '核定計畫版本（代表人或其授權人員）/ Approve a version (representative or authorised person)',
  description:
    'Every completeness gap (GET …/completeness) must be accepted with a reason, or the approval is refused (422, code GAPS_NOT_ACCEPTED, one error per gap). ' +
    'Approving supersedes the version in force, in the same transaction, then brings the review duties in line with the new plan.',
  access: ownerAccess,
  request: { params: versionNumberParamSchema, body: jsonBody(approvePlanVersionSchema) },
  responses: { 200: jsonContent(planVersionSchema, 'The approved version') },
});

const completenessRoute = defineRoute({
  method: 'get',
  path: '/v1/plan/versions/{versionNumber}/completeness',
  tags: TAGS,
  summary: '計畫完整性檢查（逐條）/ Completeness check, article by article',
  access: readAccess,
  request: { params: versionNumberParamSchema },
  responses: { 200: jsonContent(completenessSchema, 'Every gap with its article, section and field') },
});

const documentRoute = defineRoute({
  method: 'get',
  path: '/v1/plan/versions/{versionNumber}/document',
  tags: TAGS,
  summary: '計畫文件（Markdown、HTML、Word）/ The plan document (Markdown, HTML, Word)',
  description: 'Deterministic: the same version renders to the same bytes.',
  access: readAccess,
  request: { params: versionNumberParamSchema, query: documentQuerySchema },
  responses: {
    200: {
      description: 'The document',
      content: {
        [documentMediaTypes.markdown.contentType]: { schema: z.string() },
        [documentMediaTypes.html.contentType]: { schema: z.string() },
        [documentMediaTypes.docx.contentType]: { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
  },
});

const getRegulationRoute = defineRoute({
  method: 'get',
  path: '/v1/plan/regulation',
  tags: TAGS,
  summary: '計畫適用之安全維護管理辦法 / The sector regulation the plan answers to',
  access: readAccess,
  responses: { 200: jsonContent(regulationViewSchema, 'The regulation; ETag = revision of the selection') },
});

const selectRegulationRoute = defineRoute({
  method: 'put',
  path: '/v1/plan/regulation',
  tags: TAGS,
  summary: '選定適用之安全維護管理辦法 / Select the sector regulation',
  description: 'One of the in-force sector regulations (GET /v1/plan/sector-regulations). Send If-Match "0" for the first selection.',
  access: ownerAccess,
  request: { body: jsonBody(selectRegulationSchema) },
  responses: { 200: jsonContent(regulationViewSchema, 'The selected regulation') },
});

const sectorRegulationsRoute = defineRoute({
  method: 'get',
  path: '/v1/plan/sector-regulations',
  tags: TAGS,
  summary: '現行各業別安全維護管理辦法 / The in-force sector regulations',
  access: readAccess,
  responses: { 200: jsonContent(z.object({ items: z.array(sectorRegulationSchema) }).openapi('SectorRegulationList'), 'All 58, with whether each is modelled') },
});

const obligationsRoute = defineRoute({
  method: 'get',
  path: '/v1/plan/obligations',
  tags: TAGS,
  summary: '計畫義務（訂定期限、稽核頻率）/ Plan obligations (deadlines, audit cycle)',
  access: readAccess,
  request: { query: obligationsQuerySchema },
  responses: { 200: jsonContent(obligationsResponseSchema, 'Obligations on asOf, or why they cannot be computed') },
});

const dutiesRoute = defineRoute({
  method: 'get',
  path: '/v1/plan/duties',
  tags: TAGS,
  summary: '計畫所定之定期義務 / Recurring duties the plan sets',
  access: readAccess,
  responses: { 200: jsonContent(planDutiesResponseSchema, 'The approved plan\'s duties, or the defaults') },
});

const syncDutiesRoute = defineRoute({
  method: 'post',
  path: '/v1/plan/duties/sync',
  tags: TAGS,
  summary: '依現行計畫重新同步定期義務 / Re-sync review duties from the approved plan',
  description: 'Approval syncs the duties itself; this repeats it (e.g. after a failure). Idempotent.',
  access: writeAccess,
  responses: { 200: jsonContent(dutySyncResultSchema, 'What changed') },
});

const createRecordCountRoute = defineRoute({
  method: 'post',
  path: '/v1/record-counts',
  tags: TAGS,
  summary: '登錄個資筆數（單日）/ Record a single-day personal data record count',
  description: 'One entry per day; a later entry for the same day replaces the earlier one (200 instead of 201).',
  access: { plane: 'tenant', roles: [...WRITE_ROLES, 'integration'], integrationScope: 'inventory:write' },
  request: { body: jsonBody(createRecordCountSchema) },
  responses: { 201: jsonContent(recordCountViewSchema, 'Recorded'), 200: jsonContent(recordCountViewSchema, 'Replaced that day\'s entry') },
});

const listRecordCountsRoute = defineRoute({
  method: 'get',
  path: '/v1/record-counts',
  tags: TAGS,
  summary: '個資筆數歷程（新到舊）/ Record-count history, newest first',
  access: { plane: 'tenant', roles: [...READ_ROLES, 'integration'], integrationScope: 'inventory:read' },
  request: { query: pageQuerySchema.extend(recordCountQuerySchema.shape).strict() },
  responses: { 200: jsonContent(pageSchema(recordCountViewSchema, 'RecordCountPage'), 'Entries') },
});

// Helpers ---------------------------------------------------------------------------------------

function todayOf(c: ApiContext): IsoDate {
  return zonedDateOf(c.get('deps').clock(), tenantOf(c).profile.timeZone);
}

async function requireVersion(c: ApiContext, versionNumber: number): Promise<StoredPlanVersion> {
  const tenant = tenantOf(c);
  const stored = await loadVersion(tenant.doc, tenant.tableName, versionNumber);
  if (!stored) throw new ApiProblem('notFound', { detail: { zhTW: `找不到${VERSION_WHAT.zhTW}`, en: `No such ${VERSION_WHAT.en}` } });
  return stored;
}

/** DynamoDB keeps an item under 400 KB; refuse before writing, naming the field. */
function assertContentSize(content: PlanContent): void {
  const bytes = contentBytes(content);
  if (bytes > MAX_CONTENT_BYTES) {
    throw new ApiProblem('payloadTooLarge', {
      code: 'PLAN_CONTENT_TOO_LARGE',
      detail: { zhTW: `計畫內容 ${bytes} 位元組，上限 ${MAX_CONTENT_BYTES} 位元組`, en: `The plan content is ${bytes} bytes; the limit is ${MAX_CONTENT_BYTES}` },
      errors: [{ field: 'content', reason: { zhTW: `內容過大（上限 ${MAX_CONTENT_BYTES} 位元組），請將附件移出計畫本文`, en: `Too large (limit ${MAX_CONTENT_BYTES} bytes); move attachments out of the plan text` } }],
    });
  }
}

/** The label is printed in the ROC calendar, which has no dates before 1912. */
function assertLabelDate(versionDate: IsoDate | undefined): void {
  if (versionDate === undefined) return;
  try {
    formatRocDate(versionDate);
  } catch {
    throw new ApiProblem('ruleViolation', {
      code: 'INVALID_VERSION_DATE',
      errors: [{ field: 'versionDate', reason: { zhTW: '版本日期須在民國元年（1912-01-01）以後', en: 'The version date must be on or after 1912-01-01 (ROC year 1)' } }],
    });
  }
}

function versionProblem(error: PlanVersionError): ApiProblem {
  const type = error.httpStatus === 409 ? 'conflict' : error.httpStatus === 404 ? 'notFound' : 'ruleViolation';
  const errors: FieldError[] = (error.unacceptedGaps ?? []).map((gap) => ({
    field: gap.fieldPath,
    reason: {
      zhTW: `${gap.code}（${gap.article.regulation} 第${gap.article.article}條）：${gap.message.zhTW}`,
      en: `${gap.code} (${gap.article.regulation} Art. ${gap.article.article}): ${gap.message.en}`,
    },
  }));
  if (error.code === 'INVALID_VERSION_DATE') errors.push({ field: 'versionDate', reason: error.message });
  if (error.code === 'REJECTION_REASON_REQUIRED') errors.push({ field: 'reason', reason: error.message });
  return new ApiProblem(type, { code: error.code, detail: error.message, errors: errors.length ? errors : undefined });
}

/** A stale conditional write: with If-Match it is a 412; otherwise another request won the race. */
function writeConflict(error: unknown, hadIfMatch: boolean): never {
  if (error instanceof WriteConflictError) {
    if (hadIfMatch) throw new ApiProblem('preconditionFailed');
    throw new ApiProblem('conflict', {
      code: 'PLAN_CHANGED_CONCURRENTLY',
      detail: { zhTW: '計畫已被同時變更，請重新讀取後再試', en: 'The plan changed at the same time; read it again and retry' },
    });
  }
  throw error;
}

interface VersionChange {
  action: string;
  before: StoredPlanVersion | null;
  after: StoredPlanVersion;
}

/** Commits version changes (and the register when it moves) with their audit events. */
async function commitVersions(c: ApiContext, changes: VersionChange[], extraWrites: TransactItem[], response: { status: number; body: unknown }, hadIfMatch: boolean) {
  const tenant = tenantOf(c);
  try {
    await commitAudited(tenantMutationScope(c), {
      changes: changes.map((change) => ({
        action: change.action,
        resourceType: 'planVersion',
        resourceId: String(change.after.versionNumber),
        before: change.before ? toVersionView(change.before) : null,
        after: toVersionView(change.after),
      })),
      writes: [...changes.map((change) => versionWrite(tenant.tableName, change.after, change.before ? change.before.version : null)), ...extraWrites],
      response,
    });
  } catch (error) {
    writeConflict(error, hadIfMatch);
  }
}

function nextStored(before: StoredPlanVersion, after: PlanVersion, actorId: string): StoredPlanVersion {
  return toStoredVersion(after, { createdBy: before.createdBy, updatedBy: actorId, revision: before.version + 1 });
}

/** Non-representatives must cite what entitles them (授權書, board resolution). */
function assertAuthorisation(input: z.infer<typeof approvePlanVersionSchema>): void {
  if (input.capacity !== 'representative' && !input.authorisationReference?.trim()) {
    throw new ApiProblem('ruleViolation', {
      code: 'INVALID_APPROVER',
      detail: { zhTW: '非代表人核定時，須載明授權依據。', en: 'An approver other than the representative must cite their authorisation.' },
      errors: [{ field: 'authorisationReference', reason: { zhTW: '請載明授權文件或決議', en: 'Cite the authorisation document or resolution' } }],
    });
  }
}

async function syncPlanDuties(c: ApiContext, approved: StoredPlanVersion, asOf: IsoDate) {
  const duties = planDuties(toDomainVersion(approved).content);
  return syncDuties(tenantMutationScope(c), planDutyDefinitions(duties), { asOf, source: 'plan', retireFrom: ['plan', 'default'] });
}

const VERSION_LIST_PROJECTION = [
  'pk', 'sk', 'versionNumber', 'versionDate', 'status', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy',
  'submittedAt', 'submittedBy', 'rejection', 'approval', 'supersededAt', 'supersededByVersion', 'version',
];

// Handlers --------------------------------------------------------------------------------------

export const planArea = {
  name: 'plan',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(createVersionRoute, async (c) => {
      const tenant = tenantOf(c);
      const input = c.req.valid('json');
      assertContentSize(input.content);
      assertLabelDate(input.versionDate);
      const now = c.get('deps').clock().toISOString();
      const actorId = c.get('principal').actorId;
      const head = await loadHead(tenant.doc, tenant.tableName);
      // The open and the approved version are the only ones the rules look at: the newest
      // version is always one of them, since versions are never deleted.
      const relevant = await Promise.all(
        [head.openVersionNumber, head.approvedVersionNumber].filter((n): n is number => n !== null).map((n) => loadVersion(tenant.doc, tenant.tableName, n)),
      );
      const result = createDraftVersion(relevant.filter((v): v is StoredPlanVersion => v !== undefined).map(toDomainVersion), {
        content: input.content,
        versionDate: input.versionDate ?? todayOf(c),
        now,
      });
      if (!result.ok) throw versionProblem(result.error);
      // The register numbers versions, so a number is never reused even if reads raced.
      const versionNumber = head.latestVersionNumber + 1;
      const stored = toStoredVersion({ ...result.value, versionNumber }, { createdBy: actorId, updatedBy: actorId, revision: 1 });
      const view = toVersionView(stored);
      await commitVersions(
        c,
        [{ action: 'plan.version.create', before: null, after: stored }],
        [headWrite(tenant.tableName, { ...head, latestVersionNumber: versionNumber, openVersionNumber: versionNumber, version: head.version + 1 }, head.version)],
        { status: 201, body: view },
        false,
      );
      setEtag(c, stored.version);
      c.header('Location', `/v1/plan/versions/${versionNumber}`);
      return c.json(view, 201);
    });

    app.openapi(listVersionsRoute, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const names = Object.fromEntries(VERSION_LIST_PROJECTION.map((name, i) => [`#a${i}`, name]));
      // Content is left out: a page of full versions could exceed a response's size.
      const page = await queryPage(
        c,
        'plan-versions',
        {},
        { limit, cursor },
        {
          KeyConditionExpression: '#a0 = :pk AND begins_with(#a1, :prefix)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':pk': planKeys.head().pk, ':prefix': planKeys.versionPrefix },
          ProjectionExpression: Object.keys(names).join(', '),
          ScanIndexForward: false,
        },
        (item) => toVersionSummary(item as unknown as StoredPlanVersion),
      );
      return c.json(page, 200);
    });

    app.openapi(getVersionRoute, async (c) => {
      const stored = await requireVersion(c, c.req.valid('param').versionNumber);
      setEtag(c, stored.version);
      return c.json(toVersionView(stored), 200);
    });

    app.openapi(updateContentRoute, async (c) => {
      const expected = expectedVersion(c);
      const { versionNumber } = c.req.valid('param');
      const input = c.req.valid('json');
      const stored = await requireVersion(c, versionNumber);
      assertVersion(stored.version, expected);
      assertContentSize(input.content);
      assertLabelDate(input.versionDate);
      const result = updateDraftVersion(toDomainVersion(stored), { content: input.content, versionDate: input.versionDate, now: c.get('deps').clock().toISOString() });
      if (!result.ok) throw versionProblem(result.error);
      const after = nextStored(stored, result.value, c.get('principal').actorId);
      const view = toVersionView(after);
      await commitVersions(c, [{ action: 'plan.version.updateContent', before: stored, after }], [], { status: 200, body: view }, true);
      setEtag(c, after.version);
      return c.json(view, 200);
    });

    app.openapi(submitRoute, async (c) => {
      const expected = expectedVersion(c, { required: false });
      const stored = await requireVersion(c, c.req.valid('param').versionNumber);
      assertVersion(stored.version, expected);
      const actorId = c.get('principal').actorId;
      const result = submitVersion(toDomainVersion(stored), { submittedBy: actorId, now: c.get('deps').clock().toISOString() });
      if (!result.ok) throw versionProblem(result.error);
      const after = nextStored(stored, result.value, actorId);
      const view = toVersionView(after);
      await commitVersions(c, [{ action: 'plan.version.submit', before: stored, after }], [], { status: 200, body: view }, expected !== undefined);
      setEtag(c, after.version);
      return c.json(view, 200);
    });

    app.openapi(rejectRoute, async (c) => {
      const expected = expectedVersion(c, { required: false });
      const input = c.req.valid('json');
      const stored = await requireVersion(c, c.req.valid('param').versionNumber);
      assertVersion(stored.version, expected);
      const actorId = c.get('principal').actorId;
      const result = rejectVersion(toDomainVersion(stored), { rejectedBy: input.rejectedBy ?? actorId, reason: input.reason, now: c.get('deps').clock().toISOString() });
      if (!result.ok) throw versionProblem(result.error);
      const after = nextStored(stored, result.value, actorId);
      const view = toVersionView(after);
      await commitVersions(c, [{ action: 'plan.version.reject', before: stored, after }], [], { status: 200, body: view }, expected !== undefined);
      setEtag(c, after.version);
      return c.json(view, 200);
    });

    app.openapi(approveRoute, async (c) => {
      const tenant = tenantOf(c);
      const expected = expectedVersion(c, { required: false });
      const { versionNumber } = c.req.valid('param');
      const input = c.req.valid('json');
      const target = await requireVersion(c, versionNumber);
      assertVersion(target.version, expected);
      assertAuthorisation(input);
      const head = await loadHead(tenant.doc, tenant.tableName);
      const previous = head.approvedVersionNumber !== null && head.approvedVersionNumber !== versionNumber
        ? await loadVersion(tenant.doc, tenant.tableName, head.approvedVersionNumber)
        : undefined;
      const today = todayOf(c);
      const regulation = await effectiveRegulation(tenant);
      // The same gaps GET …/completeness shows today; each must be accepted with a reason.
      const { gaps } = await completenessFor(tenant, regulation, toDomainVersion(target).content, today);
      const now = c.get('deps').clock().toISOString();
      const result = approveVersion([target, ...(previous ? [previous] : [])].map(toDomainVersion), { versionNumber, approval: input, gaps, now });
      if (!result.ok) throw versionProblem(result.error);
      const actorId = c.get('principal').actorId;
      const approved = nextStored(target, result.value.approved, actorId);
      const changes: VersionChange[] = [{ action: 'plan.version.approve', before: target, after: approved }];
      if (result.value.superseded && previous) {
        changes.push({ action: 'plan.version.supersede', before: previous, after: nextStored(previous, result.value.superseded, actorId) });
      }
      const view = toVersionView(approved);
      // Approval, superseding and the register move together: there is never zero or two plans in force.
      await commitVersions(
        c,
        changes,
        [headWrite(tenant.tableName, { ...head, openVersionNumber: head.openVersionNumber === versionNumber ? null : head.openVersionNumber, approvedVersionNumber: versionNumber, version: head.version + 1 }, head.version)],
        { status: 200, body: view },
        expected !== undefined,
      );
      // The duties follow in their own audited batches (a plan can list more duties than one
      // transaction holds). The approval stands if this fails; POST /v1/plan/duties/sync repeats it.
      try {
        await syncPlanDuties(c, approved, today);
      } catch (error) {
        c.get('deps').logger.error('plan duty sync failed after approval', {
          requestId: c.get('requestId'),
          versionNumber,
          error: error instanceof Error ? error.message : String(error),
        });
        c.header('X-Duty-Sync', 'failed');
      }
      setEtag(c, approved.version);
      return c.json(view, 200);
    });

    app.openapi(completenessRoute, async (c) => {
      const tenant = tenantOf(c);
      const stored = await requireVersion(c, c.req.valid('param').versionNumber);
      const version = toDomainVersion(stored);
      const today = todayOf(c);
      const regulation = await effectiveRegulation(tenant);
      const outcome = await completenessFor(tenant, regulation, version.content, today);
      const accepted = version.approval?.acceptedGaps ?? [];
      const unaccepted = new Set(canApprove(outcome.gaps, accepted).unacceptedGaps);
      return c.json(
        {
          versionNumber: stored.versionNumber,
          label: toVersionSummary(stored).label,
          status: stored.status,
          checkedOn: today,
          regulation,
          context: outcome.context,
          complete: outcome.gaps.length === 0,
          approvable: unaccepted.size === 0,
          gapCount: outcome.gaps.length,
          gaps: outcome.gaps.map((gap) => ({ ...gap, sectionTitle: planSectionTitles[gap.section], acceptedAtApproval: !unaccepted.has(gap) })),
          notes: outcome.notes,
        },
        200,
      );
    });

    app.openapi(documentRoute, async (c) => {
      const tenant = tenantOf(c);
      const stored = await requireVersion(c, c.req.valid('param').versionNumber);
      const { format } = c.req.valid('query');
      const version = toDomainVersion(stored);
      const { rows } = await loadPlanTables(tenant);
      const options = { timeZone: tenant.profile.timeZone };
      const names = documentFileNames(stored.versionNumber, stored.versionDate, format);
      const disposition = `${format === 'docx' ? 'attachment' : 'inline'}; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.utf8)}`;
      const headers = { 'Content-Type': documentMediaTypes[format].contentType, 'Content-Disposition': disposition };
      if (format === 'docx') {
        const bytes = await renderPlanDocx(version, rows, options);
        return c.body(new Uint8Array(bytes), 200, headers);
      }
      const text = format === 'html' ? renderPlanHtml(version, rows, options) : renderPlanMarkdown(version, rows, options);
      return c.body(text, 200, headers);
    });

    app.openapi(getRegulationRoute, async (c) => {
      const view = await effectiveRegulation(tenantOf(c));
      setEtag(c, view.revision);
      return c.json(view, 200);
    });

    app.openapi(selectRegulationRoute, async (c) => {
      const tenant = tenantOf(c);
      const expected = expectedVersion(c);
      const { pcode } = c.req.valid('json');
      const settings = await loadSettings(tenant.doc, tenant.tableName);
      const revision = settings?.version ?? 0;
      assertVersion(revision, expected);
      if (!sectorRegulationFor(pcode)) {
        throw new ApiProblem('ruleViolation', {
          code: 'REGULATION_NOT_IN_FORCE',
          errors: [{ field: 'pcode', reason: { zhTW: `${pcode} 不是現行之安全維護管理辦法`, en: `${pcode} is not an in-force sector security regulation` } }],
        });
      }
      const before = await effectiveRegulation(tenant);
      const next = { regulationPcode: pcode, updatedAt: c.get('deps').clock().toISOString(), updatedBy: c.get('principal').actorId, version: revision + 1 };
      const view = describeRegulation(pcode, 'plan', next.version);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [{ action: 'plan.regulation.select', resourceType: 'planSettings', resourceId: 'regulation', before, after: view }],
          writes: [settingsWrite(tenant.tableName, next, revision)],
          response: { status: 200, body: view },
        });
      } catch (error) {
        writeConflict(error, true);
      }
      setEtag(c, next.version);
      return c.json(view, 200);
    });

    app.openapi(sectorRegulationsRoute, (c) =>
      c.json(
        {
          items: inForceSectorRegulations.map((r) => ({
            ...r,
            modelled: isModelled(r.pcode),
          })),
        },
        200,
      ),
    );

    app.openapi(obligationsRoute, async (c) => {
      const tenant = tenantOf(c);
      const asOf = c.req.valid('query').asOf ?? todayOf(c);
      const regulation = await effectiveRegulation(tenant);
      const outcome = await obligationsFor(tenant, regulation, asOf);
      return c.json({ asOf, regulation, computed: outcome.computed, notice: outcome.notice, inputs: outcome.inputs, obligations: outcome.obligations }, 200);
    });

    app.openapi(dutiesRoute, async (c) => {
      const tenant = tenantOf(c);
      const head = await loadHead(tenant.doc, tenant.tableName);
      const approved = head.approvedVersionNumber !== null ? await loadVersion(tenant.doc, tenant.tableName, head.approvedVersionNumber) : undefined;
      const duties = approved ? planDuties(toDomainVersion(approved).content) : defaultPlanDuties();
      return c.json(
        {
          source: approved ? ('plan' as const) : ('default' as const),
          planVersion: approved ? { versionNumber: approved.versionNumber, label: toVersionSummary(approved).label } : null,
          items: duties.map((duty) => ({
            dutyId: duty.dutyId,
            dutyKind: duty.dutyKind,
            ...(duty.scope ? { scope: duty.scope } : {}),
            title: scopedTitle(duty),
            frequency: duty.frequency,
            frequencyLabelZh: duty.frequencyLabelZh,
            ownerRole: duty.ownerRole,
            ownerRoleLabel: ownerRoleLabel(duty.ownerRole),
            ...(duty.owner ? { owner: duty.owner } : {}),
            legalBasis: duty.legalBasis,
            sourcePath: duty.sourcePath,
          })),
        },
        200,
      );
    });

    app.openapi(syncDutiesRoute, async (c) => {
      const tenant = tenantOf(c);
      const head = await loadHead(tenant.doc, tenant.tableName);
      const approved = head.approvedVersionNumber !== null ? await loadVersion(tenant.doc, tenant.tableName, head.approvedVersionNumber) : undefined;
      if (!approved) {
        throw new ApiProblem('conflict', { code: 'NO_APPROVED_PLAN', detail: { zhTW: '尚無已核定之計畫', en: 'No plan version is approved yet' } });
      }
      // The approval date anchors first due dates of new duties, as at approval.
      const asOf = zonedDateOf(approved.approval?.approvedAt ?? c.get('deps').clock().toISOString(), tenant.profile.timeZone);
      const counts = await syncPlanDuties(c, approved, asOf);
      return c.json({ planVersion: { versionNumber: approved.versionNumber, label: toVersionSummary(approved).label }, asOf, ...counts }, 200);
    });

    app.openapi(createRecordCountRoute, async (c) => {
      const tenant = tenantOf(c);
      const input = c.req.valid('json');
      if (input.date > todayOf(c)) {
        throw new ApiProblem('ruleViolation', {
          code: 'RECORD_COUNT_IN_FUTURE',
          errors: [{ field: 'date', reason: { zhTW: '不可登錄未來日期之筆數', en: 'A count cannot be recorded for a future day' } }],
        });
      }
      const existing = await loadRecordCount(tenant.doc, tenant.tableName, input.date);
      const entry: RecordCountEntry = {
        date: input.date,
        count: input.count,
        source: 'manual',
        ...(input.note ? { note: input.note } : {}),
        recordedAt: c.get('deps').clock().toISOString(),
        recordedBy: c.get('principal').actorId,
        version: (existing?.version ?? 0) + 1,
      };
      const view = toRecordCountView(entry);
      const status = existing ? 200 : 201;
      // Inventory-written entries carry no revision; replacing one only requires it unchanged since read.
      const condition: { ConditionExpression: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> } = !existing
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : existing.version !== undefined
          ? { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': existing.version } }
          : { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#version) AND #count = :count', ExpressionAttributeNames: { '#version': 'version', '#count': 'count' }, ExpressionAttributeValues: { ':count': existing.count } };
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [{ action: existing ? 'recordCount.replace' : 'recordCount.record', resourceType: 'recordCount', resourceId: input.date, before: existing ? toRecordCountView(existing) : null, after: view }],
          writes: [{ Put: { TableName: tenant.tableName, Item: { ...recordCountKeys.entry(input.date), entity: 'RecordCount', ...entry }, ...condition } }],
          response: { status, body: view },
        });
      } catch (error) {
        writeConflict(error, false);
      }
      return status === 201 ? c.json(view, 201) : c.json(view, 200);
    });

    app.openapi(listRecordCountsRoute, async (c) => {
      const { limit, cursor, from, to } = c.req.valid('query');
      if (from && to && from > to) {
        throw new ApiProblem('validationError', { errors: [{ field: 'query.from', reason: { zhTW: '起日不可晚於迄日', en: 'from must not be after to' } }] });
      }
      const range = from && to ? 'sk BETWEEN :from AND :to' : from ? 'sk >= :from' : to ? 'sk <= :to' : undefined;
      const page = await queryPage(
        c,
        'record-counts',
        { from: from ?? null, to: to ?? null },
        { limit, cursor },
        {
          KeyConditionExpression: range ? `pk = :pk AND ${range}` : 'pk = :pk',
          ExpressionAttributeValues: { ':pk': recordCountKeys.partition, ...(from ? { ':from': from } : {}), ...(to ? { ':to': to } : {}) },
          ScanIndexForward: false,
        },
        (item) => toRecordCountView(item as unknown as RecordCountEntry),
      );
      return c.json(page, 200);
    });
  },
};
