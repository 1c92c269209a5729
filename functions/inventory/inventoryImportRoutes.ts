/**
 * POST /v1/inventory/imports — the inventory table (CSV or XLSX, as exported) into the tenant
 * (commands/importInventoryTable.ts). A rejected file is answered with every bad row as
 * `rowErrors` next to the usual problem fields.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { importErrorsOf } from '../../domain/inventory/inventoryTable';
import { CommandFailure } from '../application/failures';
import { commandContextOf } from '../http/commandContext';
import type { ApiContext, ApiEnv } from '../http/context';
import { localize } from '../http/locale';
import { ApiProblem, problemOfDomainError, renderProblem } from '../http/problem';
import { routeTable } from '../http/route';
import { CSV_TYPE, importInventoryTable, XLSX_TYPE } from './commands/importInventoryTable';
import { importProblemSchema, importQuerySchema, importResultSchema } from './inventoryModel';

const route = routeTable(['Inventory 個資盤點']);

const importRoute = route.post('/v1/inventory/imports', { plane: 'tenant', roles: ['owner', 'officer', 'integration'], integrationScope: 'inventory:write' }, '匯入個資盤點表（CSV／Excel）/ Import the inventory table (CSV or XLSX)', { query: importQuerySchema, body: {
      required: true,
      content: {
        [CSV_TYPE]: { schema: z.string().openapi({ description: 'UTF-8 CSV, header row as exported' }) },
        [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary', description: 'Workbook whose sheet 個資盤點 (or first sheet) holds the table' }) },
      },
    }, description: 'Send the raw file as the body: `text/csv` (UTF-8, BOM optional) or an XLSX workbook. Every row is validated; if any row is bad the ' + 'response is a 422 listing every bad row (line, column, reason) and nothing is written. mode=createOnly requires new ids; ' + 'mode=upsert replaces files with the same id. Files are written in transactions of at most 25; re-sending the same file resumes an ' + 'interrupted import or replays a completed one.', 200: [importResultSchema, 'This file was imported before: its summary, nothing written'], 201: [importResultSchema, 'All rows imported'], 422: { description: 'Bad rows (all of them); nothing written', content: { 'application/problem+json': { schema: importProblemSchema } } } });

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

export function registerInventoryImport(app: OpenAPIHono<ApiEnv>) {
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
}
