/**
 * 個資盤點 — the personal-data inventory: files (one row of the example's §3(3) table each), the
 * tenant's code lists, the record count that decides the 5,000-record thresholds, Art. 11 ¶3
 * purpose-expiry reviews. CSV/XLSX import and export are ./workbookRoutes.ts, served by their own
 * Lambda (apps/groups/inventoryWorkbook.ts) so this one does not carry the workbook library.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { READ_ROLES, WRITE_ROLES } from '../../domain/access/roles';
import { mergeCodeLists } from '../../domain/inventory/codeLists';
import type { PersonalDataFile } from '../../domain/inventory/personalDataFile';
import { filesDueForPurposeReview } from '../../domain/inventory/purposeReview';
import { totalRecordCount } from '../../domain/inventory/recordCount';
import { commandContextOf, listBindingOf, todayOf } from '../http/commandContext';
import type { ApiEnv } from '../http/context';
import { expectedVersion, setEtag } from '../http/etag';
import { pageSchema } from '../http/pagination';
import { routeTable } from '../http/route';
import { addCodeListEntry } from './commands/addCodeListEntry';
import { inventoryRead, inventoryWrite } from './inventoryAccess';
import { createPersonalDataFile } from './commands/createPersonalDataFile';
import { recordPurposeReview } from './commands/recordPurposeReview';
import { replacePersonalDataFile } from './commands/replacePersonalDataFile';
import { retirePersonalDataFile } from './commands/retirePersonalDataFile';
import { updatePersonalDataFile } from './commands/updatePersonalDataFile';
import {
  addDataCategoryCodeSchema,
  addPurposeCodeSchema,
  codeListsViewSchema,
  createPersonalDataFileSchema,
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
} from './inventoryModel';
import { listFiles, loadCodeLists, loadLiveFiles, loadTenantCodeLists, requireFileRecord } from './inventoryStore';

const TAGS = ['Inventory 個資盤點'];
const peopleWrite = { plane: 'tenant', roles: WRITE_ROLES } as const;
const peopleRead = { plane: 'tenant', roles: READ_ROLES } as const;

const route = routeTable(TAGS);

const createFileRoute = route.post('/v1/personal-data-files', inventoryWrite, '新增個資檔案（盤點表一列）/ Add a personal-data file (one inventory row)', { body: createPersonalDataFileSchema, 201: [personalDataFileViewSchema, 'The file with its risk value A+B+C'] });

const listFilesRoute = route.get('/v1/personal-data-files', inventoryRead, '個資檔案清單 / List personal-data files', { query: listFilesQuerySchema, 200: [pageSchema(personalDataFileViewSchema, 'PersonalDataFilePage'), 'Files in id order'] });

const getFileRoute = route.get('/v1/personal-data-files/{fileId}', inventoryRead, '個資檔案（含風險值 A/B/C）/ A personal-data file with its risk value', { params: fileIdParamSchema, 200: [personalDataFileViewSchema, 'The file; ETag is its version'] });

const putFileRoute = route.put('/v1/personal-data-files/{fileId}', inventoryWrite, '取代個資檔案 / Replace a personal-data file', { params: fileIdParamSchema, body: createPersonalDataFileSchema, 200: [personalDataFileViewSchema, 'The replaced file'] });

const patchFileRoute = route.patch('/v1/personal-data-files/{fileId}', inventoryWrite, '修改個資檔案部分欄位 / Update fields of a personal-data file', { params: fileIdParamSchema, body: patchPersonalDataFileSchema, 200: [personalDataFileViewSchema, 'The updated file'] });

const retireFileRoute = route.post('/v1/personal-data-files/{fileId}/retire', peopleWrite, '自清冊停用個資檔案（保留紀錄）/ Retire a file from the inventory (kept on record)', { params: fileIdParamSchema, body: retireFileSchema, description: 'Files are never hard-deleted: a retired file leaves lists, totals, exports and assessments but stays readable. Optional If-Match.', 200: [personalDataFileViewSchema, 'The retired file'] });

const purposeReviewRoute = route.post('/v1/personal-data-files/{fileId}/purpose-review', peopleWrite, '特定目的消失或期限屆滿之審查決定（第11條第3項）/ Record an Art. 11 ¶3 review decision', { params: fileIdParamSchema, body: purposeReviewRequestSchema, description: 'delete → status deleted; stop → processingStopped; keep needs its ground and reason. Optional If-Match.', 200: [personalDataFileViewSchema, 'The file with the decision applied'] });

const codeListsRoute = route.get('/v1/inventory/code-lists', inventoryRead, '特定目的及個資類別代碼表（內建＋公司自訂）/ Code lists (built-in + tenant)', { 200: [codeListsViewSchema, 'Merged code lists; tenant entries override built-in wording'] });

const addPurposeRoute = route.post('/v1/inventory/code-lists/purposes', peopleWrite, '新增公司自訂特定目的代號 / Add a tenant specific-purpose code', { body: addPurposeCodeSchema, 201: [codeListsViewSchema, 'The merged code lists'] });

const addCategoryRoute = route.post('/v1/inventory/code-lists/dataCategories', peopleWrite, '新增公司自訂個資類別代號 / Add a tenant data-category code', { body: addDataCategoryCodeSchema, 201: [codeListsViewSchema, 'The merged code lists'] });

const recordCountRoute = route.get('/v1/inventory/record-count', inventoryRead, '個資筆數（由盤點清冊計算）/ Record count derived from the inventory', { query: recordCountQuerySchema, 200: [recordCountViewSchema, 'Total and per-file counts'] });

const purposeReviewsDueRoute = route.get('/v1/inventory/purpose-reviews/due', peopleRead, '待審查之個資檔案（特定目的消失或期限屆滿）/ Files due for an Art. 11 ¶3 review', { query: recordCountQuerySchema, 200: [purposeReviewDueViewSchema, 'Files awaiting a decision, earliest first'] });

export const inventoryArea = {
  name: 'inventory',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(createFileRoute, async (c) => {
      const view = await createPersonalDataFile(commandContextOf(c), c.req.valid('json') as PersonalDataFile);
      setEtag(c, view.version);
      return c.json(view, 201);
    });

    app.openapi(listFilesRoute, async (c) => {
      const { table } = commandContextOf(c);
      const { limit, cursor, ...filters } = c.req.valid('query');
      const codeLists = await loadCodeLists(table);
      const page = await listFiles(table, filters, { limit, cursor }, listBindingOf(c, 'personal-data-files', filters), (record) => toFileView(record, codeLists));
      return c.json(page, 200);
    });

    app.openapi(getFileRoute, async (c) => {
      const { table } = commandContextOf(c);
      const record = await requireFileRecord(table, c.req.valid('param').fileId);
      setEtag(c, record.version);
      return c.json(toFileView(record, await loadCodeLists(table)), 200);
    });

    app.openapi(putFileRoute, async (c) => {
      const { fileId } = c.req.valid('param');
      const expected = expectedVersion(c);
      const view = await replacePersonalDataFile(commandContextOf(c), fileId, c.req.valid('json') as PersonalDataFile, expected);
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(patchFileRoute, async (c) => {
      const { fileId } = c.req.valid('param');
      const expected = expectedVersion(c);
      const view = await updatePersonalDataFile(commandContextOf(c), fileId, c.req.valid('json'), expected);
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(retireFileRoute, async (c) => {
      const { fileId } = c.req.valid('param');
      const expected = expectedVersion(c, { required: false });
      const view = await retirePersonalDataFile(commandContextOf(c), fileId, c.req.valid('json').reason, expected);
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(purposeReviewRoute, async (c) => {
      const { fileId } = c.req.valid('param');
      const expected = expectedVersion(c, { required: false });
      const view = await recordPurposeReview(commandContextOf(c), fileId, c.req.valid('json'), expected);
      setEtag(c, view.version);
      return c.json(view, 200);
    });

    app.openapi(codeListsRoute, async (c) => {
      const { lists, version } = await loadTenantCodeLists(commandContextOf(c).table);
      return c.json(toCodeListsView(mergeCodeLists(lists), version), 200);
    });

    app.openapi(addPurposeRoute, async (c) => {
      const view = await addCodeListEntry(commandContextOf(c), { list: 'specificPurposes', entry: c.req.valid('json') });
      return c.json(view, 201);
    });

    app.openapi(addCategoryRoute, async (c) => {
      const view = await addCodeListEntry(commandContextOf(c), { list: 'dataCategories', entry: c.req.valid('json') });
      return c.json(view, 201);
    });

    app.openapi(recordCountRoute, async (c) => {
      const asOf = c.req.valid('query').asOf ?? todayOf(c);
      const result = totalRecordCount(await loadLiveFiles(commandContextOf(c).table), asOf);
      return c.json({ asOf, totalRecordCount: result.total, counted: result.counted, notYetCounted: result.notYetCounted, deleted: result.deleted }, 200);
    });

    app.openapi(purposeReviewsDueRoute, async (c) => {
      const asOf = c.req.valid('query').asOf ?? todayOf(c);
      return c.json({ asOf, items: filesDueForPurposeReview(await loadLiveFiles(commandContextOf(c).table), asOf) }, 200);
    });

  },
};
