/**
 * 個資盤點 — the personal-data inventory: files (one row of the example's §3(3) table each), the
 * tenant's code lists, the record count that decides the 5,000-record thresholds, Art. 11 ¶3
 * purpose-expiry reviews, and CSV/XLSX import and export in the example's column order.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { READ_ROLES, WRITE_ROLES, type Role } from '../../domain/access/roles';
import { mergeCodeLists, type TenantCodeLists } from '../../domain/inventory/codeLists';
import { exportInventoryCsv } from '../../domain/inventory/inventoryTable';
import { checkPersonalDataFile, personalDataFileSchema, zodIssueToFileIssue, type FileIssue, type PersonalDataFile } from '../../domain/inventory/personalDataFile';
import { applyPurposeReview, filesDueForPurposeReview } from '../../domain/inventory/purposeReview';
import type { PurposeReviewDecision } from '../../domain/inventory/purposeReviewDecision';
import { totalRecordCount } from '../../domain/inventory/recordCount';
import { exportInventoryXlsx } from '../../domain/inventory/xlsx';
import { tenantMutationScope, tenantOf, type ApiContext, type ApiEnv } from '../http/context';
import { assertVersion, expectedVersion, setEtag } from '../http/etag';
import { pageSchema } from '../http/pagination';
import { ApiProblem, type FieldError } from '../http/problem';
import { defineRoute, jsonBody, jsonContent } from '../http/route';
import { commitAudited } from '../store/auditedCommit';
import { mapWriteConflict, putEntityWrite, queryPage } from '../store/entityStore';
import { commitInventoryChange, inventoryTarget } from './inventoryCommit';
import { registerInventoryImport } from './inventoryImport';
import {
  addDataCategoryCodeSchema,
  addPurposeCodeSchema,
  auditViewOf,
  codeListsViewSchema,
  createPersonalDataFileSchema,
  exportQuerySchema,
  fileIdParamSchema,
  listFilesQuerySchema,
  patchPersonalDataFileSchema,
  personalDataFileViewSchema,
  purposeReviewDueViewSchema,
  purposeReviewRequestSchema,
  recordCountQuerySchema,
  recordCountViewSchema,
  retireFileSchema,
  toCodeListsView,
  toFileView,
  type PersonalDataFilePatch,
} from './inventoryModel';
import {
  FILE_SK_PREFIX,
  compareFileIds,
  fileRecordOf,
  getFileRecord,
  inventoryKeys,
  loadCodeLists,
  loadLiveFiles,
  loadTenantCodeLists,
  putFileWrite,
  tenantToday,
  type PersonalDataFileRecord,
} from './inventoryStore';

const TAGS = ['Inventory 個資盤點'];
/** Integrations (e.g. an HR system) may read and keep the inventory in sync, nothing more. */
export const inventoryRead = { plane: 'tenant', roles: [...READ_ROLES, 'integration'] as readonly Role[], integrationScope: 'inventory:read' } as const;
export const inventoryWrite = { plane: 'tenant', roles: [...WRITE_ROLES, 'integration'] as readonly Role[], integrationScope: 'inventory:write' } as const;
const peopleWrite = { plane: 'tenant', roles: WRITE_ROLES } as const;
const peopleRead = { plane: 'tenant', roles: READ_ROLES } as const;

const fileNotFound = { zhTW: '個資檔案', en: 'personal-data file' };

const createFileRoute = defineRoute({
  method: 'post',
  path: '/v1/personal-data-files',
  tags: TAGS,
  summary: '新增個資檔案（盤點表一列）/ Add a personal-data file (one inventory row)',
  access: inventoryWrite,
  request: { body: jsonBody(createPersonalDataFileSchema) },
  responses: { 201: jsonContent(personalDataFileViewSchema, 'The file with its risk value A+B+C') },
});

const listFilesRoute = defineRoute({
  method: 'get',
  path: '/v1/personal-data-files',
  tags: TAGS,
  summary: '個資檔案清單 / List personal-data files',
  access: inventoryRead,
  request: { query: listFilesQuerySchema },
  responses: { 200: jsonContent(pageSchema(personalDataFileViewSchema, 'PersonalDataFilePage'), 'Files in id order') },
});

const getFileRoute = defineRoute({
  method: 'get',
  path: '/v1/personal-data-files/{fileId}',
  tags: TAGS,
  summary: '個資檔案（含風險值 A/B/C）/ A personal-data file with its risk value',
  access: inventoryRead,
  request: { params: fileIdParamSchema },
  responses: { 200: jsonContent(personalDataFileViewSchema, 'The file; ETag is its version') },
});

const putFileRoute = defineRoute({
  method: 'put',
  path: '/v1/personal-data-files/{fileId}',
  tags: TAGS,
  summary: '取代個資檔案 / Replace a personal-data file',
  access: inventoryWrite,
  request: { params: fileIdParamSchema, body: jsonBody(createPersonalDataFileSchema) },
  responses: { 200: jsonContent(personalDataFileViewSchema, 'The replaced file') },
});

const patchFileRoute = defineRoute({
  method: 'patch',
  path: '/v1/personal-data-files/{fileId}',
  tags: TAGS,
  summary: '修改個資檔案部分欄位 / Update fields of a personal-data file',
  access: inventoryWrite,
  request: { params: fileIdParamSchema, body: jsonBody(patchPersonalDataFileSchema) },
  responses: { 200: jsonContent(personalDataFileViewSchema, 'The updated file') },
});

const retireFileRoute = defineRoute({
  method: 'post',
  path: '/v1/personal-data-files/{fileId}/retire',
  tags: TAGS,
  summary: '自清冊停用個資檔案（保留紀錄）/ Retire a file from the inventory (kept on record)',
  description: 'Files are never hard-deleted: a retired file leaves lists, totals, exports and assessments but stays readable. Optional If-Match.',
  access: peopleWrite,
  request: { params: fileIdParamSchema, body: jsonBody(retireFileSchema) },
  responses: { 200: jsonContent(personalDataFileViewSchema, 'The retired file') },
});

const purposeReviewRoute = defineRoute({
  method: 'post',
  path: '/v1/personal-data-files/{fileId}/purpose-review',
  tags: TAGS,
  summary: '特定目的消失或期限屆滿之審查決定（第11條第3項）/ Record an Art. 11 ¶3 review decision',
  description: 'delete → status deleted; stop → processingStopped; keep needs its ground and reason. Optional If-Match.',
  access: peopleWrite,
  request: { params: fileIdParamSchema, body: jsonBody(purposeReviewRequestSchema) },
  responses: { 200: jsonContent(personalDataFileViewSchema, 'The file with the decision applied') },
});

const codeListsRoute = defineRoute({
  method: 'get',
  path: '/v1/inventory/code-lists',
  tags: TAGS,
  summary: '特定目的及個資類別代碼表（內建＋公司自訂）/ Code lists (built-in + tenant)',
  access: inventoryRead,
  responses: { 200: jsonContent(codeListsViewSchema, 'Merged code lists; tenant entries override built-in wording') },
});

const addPurposeRoute = defineRoute({
  method: 'post',
  path: '/v1/inventory/code-lists/purposes',
  tags: TAGS,
  summary: '新增公司自訂特定目的代號 / Add a tenant specific-purpose code',
  access: peopleWrite,
  request: { body: jsonBody(addPurposeCodeSchema) },
  responses: { 201: jsonContent(codeListsViewSchema, 'The merged code lists') },
});

const addCategoryRoute = defineRoute({
  method: 'post',
  path: '/v1/inventory/code-lists/dataCategories',
  tags: TAGS,
  summary: '新增公司自訂個資類別代號 / Add a tenant data-category code',
  access: peopleWrite,
  request: { body: jsonBody(addDataCategoryCodeSchema) },
  responses: { 201: jsonContent(codeListsViewSchema, 'The merged code lists') },
});

const recordCountRoute = defineRoute({
  method: 'get',
  path: '/v1/inventory/record-count',
  tags: TAGS,
  summary: '個資筆數（由盤點清冊計算）/ Record count derived from the inventory',
  access: inventoryRead,
  request: { query: recordCountQuerySchema },
  responses: { 200: jsonContent(recordCountViewSchema, 'Total and per-file counts') },
});

const purposeReviewsDueRoute = defineRoute({
  method: 'get',
  path: '/v1/inventory/purpose-reviews/due',
  tags: TAGS,
  summary: '待審查之個資檔案（特定目的消失或期限屆滿）/ Files due for an Art. 11 ¶3 review',
  access: peopleRead,
  request: { query: recordCountQuerySchema },
  responses: { 200: jsonContent(purposeReviewDueViewSchema, 'Files awaiting a decision, earliest first') },
});

const exportRoute = defineRoute({
  method: 'get',
  path: '/v1/inventory/export',
  tags: TAGS,
  summary: '匯出個資盤點表（CSV／Excel，範例欄位順序）/ Export the inventory (CSV or XLSX, example column order)',
  access: inventoryRead,
  request: { query: exportQuerySchema },
  responses: {
    200: {
      description: 'UTF-8 CSV with BOM, or an XLSX workbook; importing it gives back the same files',
      content: {
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
  },
});

/** Turns domain file issues into 422 field errors (the request body's paths). */
function issuesToErrors(issues: readonly FileIssue[], prefix = ''): FieldError[] {
  return issues.map((issue) => ({ field: [prefix, issue.path.map(String).join('.')].filter(Boolean).join('.') || '(body)', reason: issue.message }));
}

function ruleProblem(issues: readonly FileIssue[]): ApiProblem {
  return new ApiProblem('ruleViolation', {
    code: 'personalDataFileInvalid',
    detail: { zhTW: '個資檔案不符規則', en: 'The personal-data file breaks a rule' },
    errors: issuesToErrors(issues),
  });
}

async function requireFileRecord(c: ApiContext, fileId: string): Promise<PersonalDataFileRecord> {
  const record = await getFileRecord(tenantOf(c), fileId);
  if (!record) throw new ApiProblem('notFound', { detail: { zhTW: `找不到${fileNotFound.zhTW}`, en: `No such ${fileNotFound.en}` } });
  return record;
}

function assertNotRetired(record: PersonalDataFileRecord): void {
  if (record.retired)
    throw new ApiProblem('conflict', { code: 'fileRetired', detail: { zhTW: '此個資檔案已停用，不能再修改', en: 'The file is retired and can no longer change' } });
}

/** A file that stays live before and after: its before/after for the record-count check. */
const live = (record: PersonalDataFileRecord | undefined) => (record && !record.retired ? [record.file] : []);

/** Replaces a live file (PUT, PATCH, review): version check, audit, record-count history. */
async function replaceFile(c: ApiContext, fileId: string, action: string, decide: (current: PersonalDataFileRecord) => PersonalDataFile, expected: number | undefined) {
  const tenant = tenantOf(c);
  const codeLists = await loadCodeLists(tenant);
  const now = c.get('deps').clock().toISOString();
  return commitInventoryChange(
    inventoryTarget(c),
    async () => {
      const current = await requireFileRecord(c, fileId);
      assertNotRetired(current);
      assertVersion(current.version, expected);
      const file = decide(current);
      const issues = checkPersonalDataFile(file, codeLists);
      if (issues.length > 0) throw ruleProblem(issues);
      const next: PersonalDataFileRecord = { ...current, file, version: current.version + 1, updatedAt: now };
      const view = toFileView(next, codeLists);
      return {
        changes: [{ action, resourceType: 'personalDataFile', resourceId: fileId, before: auditViewOf(current.file), after: auditViewOf(file) }],
        writes: [putFileWrite(tenant.tableName, next, codeLists, current.version)],
        count: { before: live(current), after: [file] },
        response: { status: 200, body: view },
        result: view,
      };
    },
    'update',
  );
}

/** Merge-patch: given fields replace, null removes; the result is validated as a whole file. */
function applyPatch(current: PersonalDataFile, patch: PersonalDataFilePatch): unknown {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return merged;
}

export const inventoryArea = {
  name: 'inventory',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(createFileRoute, async (c) => {
      const tenant = tenantOf(c);
      const file = c.req.valid('json') as PersonalDataFile;
      const codeLists = await loadCodeLists(tenant);
      const issues = checkPersonalDataFile(file, codeLists);
      if (issues.length > 0) throw ruleProblem(issues);
      const now = c.get('deps').clock().toISOString();
      const record: PersonalDataFileRecord = { file, version: 1, createdAt: now, updatedAt: now, retired: null };
      const view = toFileView(record, codeLists);
      await commitInventoryChange(
        inventoryTarget(c),
        async () => ({
          changes: [{ action: 'personalDataFile.create', resourceType: 'personalDataFile', resourceId: file.id, before: null, after: auditViewOf(file) }],
          // attribute_not_exists: an id in use, even by a retired file, is a 409.
          writes: [putFileWrite(tenant.tableName, record, codeLists, null)],
          count: { before: [], after: [file] },
          response: { status: 201, body: view },
          result: view,
        }),
        'create',
      );
      setEtag(c, record.version);
      return c.json(view, 201);
    });

    app.openapi(listFilesRoute, async (c) => {
      const tenant = tenantOf(c);
      const { limit, cursor, ...filters } = c.req.valid('query');
      const codeLists = await loadCodeLists(tenant);
      const conditions: string[] = [];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':pk': 'INVENTORY', ':prefix': FILE_SK_PREFIX };
      if (!filters.includeRetired) {
        conditions.push('#isRetired = :false');
        names['#isRetired'] = 'isRetired';
        values[':false'] = false;
      }
      for (const key of ['subjectAttribute', 'status', 'crossBorder', 'special'] as const) {
        if (filters[key] === undefined) continue;
        conditions.push(`#${key} = :${key}`);
        names[`#${key}`] = key;
        values[`:${key}`] = filters[key];
      }
      // One Query on the inventory partition; filters narrow it (a page may hold fewer than `limit`).
      const page = await queryPage(
        c,
        'personal-data-files',
        filters,
        { limit, cursor },
        {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
        },
        (item) => toFileView(fileRecordOf(item), codeLists),
      );
      return c.json(page, 200);
    });

    app.openapi(getFileRoute, async (c) => {
      const record = await requireFileRecord(c, c.req.valid('param').fileId);
      setEtag(c, record.version);
      return c.json(toFileView(record, await loadCodeLists(tenantOf(c))), 200);
    });

    app.openapi(putFileRoute, async (c) => {
      const { fileId } = c.req.valid('param');
      const expected = expectedVersion(c);
      const input = c.req.valid('json') as PersonalDataFile;
      if (input.id !== fileId)
        throw new ApiProblem('validationError', { errors: [{ field: 'id', reason: { zhTW: '編號須與路徑相同（編號不可變更）', en: 'The id must match the path (ids do not change)' } }] });
      const view = await replaceFile(c, fileId, 'personalDataFile.replace', () => input, expected);
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(patchFileRoute, async (c) => {
      const { fileId } = c.req.valid('param');
      const expected = expectedVersion(c);
      const patch = c.req.valid('json');
      const view = await replaceFile(
        c,
        fileId,
        'personalDataFile.update',
        (current) => {
          // The merged file is checked as a whole: schema and cross-field rules are input errors (400).
          const parsed = personalDataFileSchema.safeParse(applyPatch(current.file, patch));
          if (!parsed.success) throw new ApiProblem('validationError', { errors: issuesToErrors(parsed.error.issues.map(zodIssueToFileIssue)) });
          return parsed.data;
        },
        expected,
      );
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(retireFileRoute, async (c) => {
      const tenant = tenantOf(c);
      const { fileId } = c.req.valid('param');
      const expected = expectedVersion(c, { required: false });
      const { reason } = c.req.valid('json');
      const codeLists = await loadCodeLists(tenant);
      const now = c.get('deps').clock().toISOString();
      const view = await commitInventoryChange(
        inventoryTarget(c),
        async () => {
          const current = await requireFileRecord(c, fileId);
          assertNotRetired(current);
          assertVersion(current.version, expected);
          const retired = { at: now, by: c.get('principal').actorId, reason };
          const next: PersonalDataFileRecord = { ...current, retired, version: current.version + 1, updatedAt: now };
          const result = toFileView(next, codeLists);
          return {
            changes: [{ action: 'personalDataFile.retire', resourceType: 'personalDataFile', resourceId: fileId, before: auditViewOf(current.file), after: auditViewOf(current.file, retired) }],
            writes: [putFileWrite(tenant.tableName, next, codeLists, current.version)],
            count: { before: [current.file], after: [] },
            response: { status: 200, body: result },
            result,
          };
        },
        'update',
      );
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(purposeReviewRoute, async (c) => {
      const tenant = tenantOf(c);
      const { fileId } = c.req.valid('param');
      const expected = expectedVersion(c, { required: false });
      const input = c.req.valid('json');
      const decidedOn = input.decidedOn ?? tenantToday(tenant, c.get('deps').clock());
      const decidedBy = input.decidedBy ?? c.get('principal').actorId;
      const decision: PurposeReviewDecision =
        input.decision === 'keep'
          ? { decision: 'keep', decidedOn, decidedBy, reasonCategory: input.reasonCategory!, reason: input.reason!, ...(input.reviewAgainOn ? { reviewAgainOn: input.reviewAgainOn } : {}) }
          : { decision: input.decision, decidedOn, decidedBy, ...(input.reason ? { note: input.reason } : {}) };
      const view = await replaceFile(
        c,
        fileId,
        'personalDataFile.purposeReview',
        (current) => {
          const applied = applyPurposeReview(current.file, decision);
          if (!applied.ok) throw new ApiProblem('ruleViolation', { code: 'purposeReviewRejected', detail: applied.reason, errors: [{ field: 'decision', reason: applied.reason }] });
          return applied.file;
        },
        expected,
      );
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(codeListsRoute, async (c) => {
      const tenant = tenantOf(c);
      const { lists, version } = await loadTenantCodeLists(tenant);
      return c.json(toCodeListsView(mergeCodeLists(lists), version), 200);
    });

    const addCode = async (c: ApiContext, add: (lists: TenantCodeLists) => { lists: TenantCodeLists; code: string }) => {
      const tenant = tenantOf(c);
      const { lists: current, version } = await loadTenantCodeLists(tenant);
      const { lists, code } = add(current);
      const merged = mergeCodeLists(lists);
      // A redefined code must not make a file of the inventory break the rules (e.g. now special without an Art. 6 basis).
      const broken = (await loadLiveFiles(tenant)).flatMap((file) => checkPersonalDataFile(file, merged).map((issue) => ({ file, issue })));
      if (broken.length > 0)
        throw new ApiProblem('ruleViolation', {
          code: 'codeListBreaksFiles',
          detail: { zhTW: '此代號變更會使既有個資檔案不符規則', en: 'This code would make existing files break a rule' },
          errors: broken.map(({ file, issue }) => ({ field: `files.${file.id}.${issue.path.join('.')}`, reason: issue.message })),
        });
      const nextVersion = (version ?? 0) + 1;
      const view = toCodeListsView(merged, nextVersion);
      try {
        await commitAudited(tenantMutationScope(c), {
          changes: [{ action: 'inventoryCodeList.add', resourceType: 'inventoryCodeList', resourceId: code, before: current, after: lists }],
          writes: [putEntityWrite(tenant.tableName, { ...inventoryKeys.codeLists(), entity: 'InventoryCodeLists', ...lists, version: nextVersion }, version)],
          response: { status: 201, body: view },
        });
      } catch (error) {
        mapWriteConflict(error, 'update');
      }
      return view;
    };
    const duplicate = (code: string) =>
      new ApiProblem('conflict', { code: 'codeExists', detail: { zhTW: `代號 ${code} 已在公司代碼表中`, en: `Code ${code} is already in the tenant list` } });

    app.openapi(addPurposeRoute, async (c) => {
      const entry = c.req.valid('json');
      const view = await addCode(c, (lists) => {
        if (lists.specificPurposes.some((e) => e.code === entry.code)) throw duplicate(entry.code);
        return { lists: { ...lists, specificPurposes: [...lists.specificPurposes, entry] }, code: entry.code };
      });
      return c.json(view, 201);
    });

    app.openapi(addCategoryRoute, async (c) => {
      const entry = c.req.valid('json');
      const view = await addCode(c, (lists) => {
        if (lists.dataCategories.some((e) => e.code === entry.code)) throw duplicate(entry.code);
        return { lists: { ...lists, dataCategories: [...lists.dataCategories, entry] }, code: entry.code };
      });
      return c.json(view, 201);
    });

    app.openapi(recordCountRoute, async (c) => {
      const tenant = tenantOf(c);
      const asOf = c.req.valid('query').asOf ?? tenantToday(tenant, c.get('deps').clock());
      const result = totalRecordCount(await loadLiveFiles(tenant), asOf);
      return c.json({ asOf, totalRecordCount: result.total, counted: result.counted, notYetCounted: result.notYetCounted, deleted: result.deleted }, 200);
    });

    app.openapi(purposeReviewsDueRoute, async (c) => {
      const tenant = tenantOf(c);
      const asOf = c.req.valid('query').asOf ?? tenantToday(tenant, c.get('deps').clock());
      return c.json({ asOf, items: filesDueForPurposeReview(await loadLiveFiles(tenant), asOf) }, 200);
    });

    app.openapi(exportRoute, async (c) => {
      const tenant = tenantOf(c);
      const { format } = c.req.valid('query');
      const [files, codeLists] = await Promise.all([loadLiveFiles(tenant), loadCodeLists(tenant)]);
      files.sort((a, b) => compareFileIds(a.id, b.id));
      const stamp = tenantToday(tenant, c.get('deps').clock());
      if (format === 'xlsx') {
        const buffer = await exportInventoryXlsx(files, codeLists);
        return c.body(new Uint8Array(buffer), 200, {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="inventory-${stamp}.xlsx"`,
        });
      }
      return c.body(exportInventoryCsv(files, codeLists), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="inventory-${stamp}.csv"`,
      });
    });

    registerInventoryImport(app);
  },
};
