/**
 * The inventory table as a file: GET /v1/inventory/export (CSV or XLSX in the example's column
 * order) and POST /v1/inventory/imports (commands/importInventoryTable.ts). A rejected file is
 * answered with every bad row as `rowErrors` next to the usual problem fields. These two routes
 * are their own Lambda (apps/groups/inventoryWorkbook.ts): only they need the workbook library.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { exportInventoryCsv, importErrorsOf } from '../../domain/inventory/inventoryTable';
import { exportInventoryXlsx } from '../../domain/inventory/xlsx';
import { CommandFailure } from '../application/failures';
import { commandContextOf, todayOf } from '../http/commandContext';
import type { ApiContext, ApiEnv } from '../http/context';
import { localize } from '../http/locale';
import { ApiProblem, problemOfDomainError, renderProblem } from '../http/problem';
import { routeTable } from '../http/route';
import { CSV_TYPE, importInventoryTable, XLSX_TYPE } from './commands/importInventoryTable';
import { exportQuerySchema, importProblemSchema, importQuerySchema, importResultSchema } from './inventoryModel';
import { compareFileIds, loadCodeLists, loadLiveFiles } from './inventoryStore';
import { inventoryRead } from './inventoryAccess';

const route = routeTable(['Inventory 個資盤點']);

const exportRoute = route.get('/v1/inventory/export', inventoryRead, '匯出個資盤點表（CSV／Excel，範例欄位順序）/ Export the inventory (CSV or XLSX, example column order)', { query: exportQuerySchema, 200: {
      description: 'UTF-8 CSV with BOM, or an XLSX workbook; importing it gives back the same files',
      content: {
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
      },
    } });

const importRoute = route.post('/v1/inventory/imports', { plane: 'tenant', roles: ['owner', 'officer', 'integration'], integrationScope: 'inventory:write' }, '匯入個資盤點表（CSV／Excel）/ Import the inventory table (CSV or XLSX)', { location: '/v1/personal-data-files', query: importQuerySchema, body: {
      required: true,
      content: {
        [CSV_TYPE]: { schema: z.string().openapi({ description: 'UTF-8 CSV, header row as exported' }) },
        [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary', description: 'Workbook whose sheet 個資盤點 (or first sheet) holds the table' }) },
      },
    }, description: 'Send the raw file as the body: `text/csv` (UTF-8, BOM optional) or an XLSX workbook. Every row is validated; if any row is bad the ' + 'response is a 422 listing every bad row (line, column, reason) and nothing is written. mode=createOnly requires new ids; ' + 'mode=upsert replaces files with the same id. Files are written in transactions of at most 25; re-sending the same file resumes an ' + 'interrupted import or replays a completed one. Columns are found by their header, in any order: the example\'s nine columns and 個資屬性 are ' + 'required, every other column optional (a missing 筆數盤點日 records the import day, with a note); 國際傳輸(系統判定) is computed from the regions, so a ' + 'cell that disagrees is ignored and reported in `notes`. Dates may be ISO, 2026/11/30, ROC 115/11/30, 115.11.30, 1151130 or 民國115年11月30日 ' + '(a one- or two-digit year needs 民國); Excel date cells are read as dates. List cells take one item per line; 、 and ， inside an item are text ' + '(特定目的 also splits 〇〇二、〇六九 when every piece is a code or name; 特種個資 splits on 、，,；;). 委外廠商 must be vendor ids on the register.', 200: [importResultSchema, 'This file was imported before: its summary, nothing written'], 201: [importResultSchema, 'All rows imported'], 422: { description: 'Bad rows (all of them); nothing written', content: { 'application/problem+json': { schema: importProblemSchema } } } });

/** The rejected file's problem: one field error per bad row, and the rows themselves. */
function rowProblem(c: ApiContext, failure: CommandFailure) {
  const locale = c.get('locale');
  const errors = importErrorsOf({ ok: false, error: failure.error });
  const problem = new ApiProblem(problemOfDomainError(failure.error).problemType, {
    code: failure.error.code,
    detail: failure.error.message,
    errors: errors.map((e) => ({ field: `line[${e.line}]${e.column ? `.${e.column}` : ''}`, reason: e.reason })),
  });
  const body = {
    ...renderProblem(problem, locale, { instance: new URL(c.req.url).pathname, requestId: c.get('requestId') }),
    rowErrors: errors.map((e) => ({ line: e.line, column: e.column, reason: localize(e.reason, locale), reasonZhTW: e.reason.zhTW, reasonEn: e.reason.en })),
  };
  // c.json keeps a Content-Type given here, so the body is typed and still problem+json.
  return c.json(body, 422, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}

/** The workbook routes as an API area of their own (Lambda group inventoryWorkbook). */
export const inventoryWorkbookArea = {
  name: 'inventoryWorkbook',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(exportRoute, async (c) => {
      const { table } = commandContextOf(c);
      const { format } = c.req.valid('query');
      const [files, codeLists] = await Promise.all([loadLiveFiles(table), loadCodeLists(table)]);
      files.sort((a, b) => compareFileIds(a.id, b.id));
      const stamp = todayOf(c);
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

    app.openapi(importRoute, async (c) => {
      const { mode } = c.req.valid('query');
      const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (contentType !== CSV_TYPE && contentType !== XLSX_TYPE)
        throw new ApiProblem('unsupportedMediaType', { detail: { zhTW: `請以 ${CSV_TYPE} 或 Excel（${XLSX_TYPE}）傳送`, en: `Send ${CSV_TYPE} or ${XLSX_TYPE}` } });
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw new ApiProblem('validationError', { errors: [{ field: '(body)', reason: { zhTW: '未附檔案內容', en: 'The body is empty' } }] });
      try {
        const { status, summary } = await importInventoryTable(commandContextOf(c), { mode, contentType, bytes });
        return status === 201 ? c.json(summary, 201) : c.json(summary, 200);
      } catch (error) {
        if (error instanceof CommandFailure && error.error.code === 'inventoryImportRejected') return rowProblem(c, error);
        throw error;
      }
    });
  },
};
