/**
 * POST /v1/inventory/imports — the inventory table (CSV or XLSX, as exported) into the tenant.
 *
 * All or nothing at the validation step: every row is checked and any bad row rejects the whole
 * file with every row's line, column and reason; nothing is written.
 *
 * Writing: files go in transactions of ≤ 25 (each file, its audit event, the import's progress
 * item and the record-count history stay well under DynamoDB's 100 items per transaction).
 * A larger import needs several transactions, so it is made resumable and idempotent:
 *   - the import id is a hash of the mode, content type and body, so re-sending the same file
 *     names the same import — no id for the client to keep;
 *   - every batch transaction also advances the progress item
 *     PK=INVENTORY_IMPORT#<importId> on the batch count it read (conditional), so a batch is
 *     committed exactly once even when two attempts race;
 *   - batches are cut from the rows in file order, so an attempt after a failure skips the
 *     batches already committed and continues with the next one;
 *   - once completed, re-sending the file replays the stored summary and writes nothing.
 */
import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { canonicalJson } from '../../domain/audit/auditChain';
import { isBlankRow, parseCsv, type TableRow } from '../../domain/inventory/csv';
import { importInventory, inventoryColumns, type InventoryImportError } from '../../domain/inventory/inventoryTable';
import type { PersonalDataFile } from '../../domain/inventory/personalDataFile';
import { readXlsxRows } from '../../domain/inventory/xlsx';
import type { LocalizedText } from '../../domain/shared/localizedText';
import { tenantOf, type ApiContext, type ApiEnv } from '../http/context';
import { localize } from '../http/locale';
import { ApiProblem, renderProblem } from '../http/problem';
import { defineRoute, jsonContent } from '../http/route';
import type { AuditedChange, TransactItem } from '../store/auditedCommit';
import { commitInventoryChange, inventoryTarget } from './inventoryCommit';
import { auditViewOf, importProblemSchema, importQuerySchema, importResultSchema } from './inventoryModel';
import { inventoryKeys, loadAllFileRecords, loadCodeLists, putFileWrite, type PersonalDataFileRecord } from './inventoryStore';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BATCH_SIZE = 25;
const IMPORT_PATH = '/v1/inventory/imports';

type ImportSummary = z.infer<typeof importResultSchema>;

const importRoute = defineRoute({
  method: 'post',
  path: IMPORT_PATH,
  tags: ['Inventory 個資盤點'],
  summary: '匯入個資盤點表（CSV／Excel）/ Import the inventory table (CSV or XLSX)',
  description:
    'Send the raw file as the body: `text/csv` (UTF-8, BOM optional) or an XLSX workbook. Every row is validated; if any row is bad the ' +
    'response is a 422 listing every bad row (line, column, reason) and nothing is written. mode=createOnly requires new ids; ' +
    'mode=upsert replaces files with the same id. Files are written in transactions of at most 25; re-sending the same file resumes an ' +
    'interrupted import or replays a completed one.',
  access: { plane: 'tenant', roles: ['owner', 'officer', 'integration'], integrationScope: 'inventory:write' },
  request: {
    query: importQuerySchema,
    body: {
      required: true,
      content: {
        [CSV_TYPE]: { schema: z.string().openapi({ description: 'UTF-8 CSV, header row as exported' }) },
        [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary', description: 'Workbook whose sheet 個資盤點 (or first sheet) holds the table' }) },
      },
    },
  },
  responses: {
    200: jsonContent(importResultSchema, 'This file was imported before: its summary, nothing written'),
    201: jsonContent(importResultSchema, 'All rows imported'),
    422: { description: 'Bad rows (all of them); nothing written', content: { 'application/problem+json': { schema: importProblemSchema } } },
  },
});

interface ImportRecordItem {
  importId: string;
  mode: 'createOnly' | 'upsert';
  fileCount: number;
  batchCount: number;
  committedBatches: number;
  status: 'inProgress' | 'completed';
  created: string[];
  updated: string[];
  unchanged: string[];
}

function rowProblem(c: ApiContext, errors: readonly InventoryImportError[]) {
  const locale = c.get('locale');
  const problem = new ApiProblem('ruleViolation', {
    code: 'inventoryImportRejected',
    detail: { zhTW: `匯入檔有 ${new Set(errors.map((e) => e.line)).size} 列錯誤，未寫入任何資料`, en: `${new Set(errors.map((e) => e.line)).size} row(s) are bad; nothing was written` },
    errors: errors.map((e) => ({ field: `line[${e.line}]${e.column ? `.${e.column}` : ''}`, reason: e.reason })),
  });
  const body = {
    ...renderProblem(problem, locale, { instance: new URL(c.req.url).pathname, requestId: c.get('requestId') }),
    rowErrors: errors.map((e) => ({ line: e.line, column: e.column, reason: localize(e.reason, locale), reasonZhTW: e.reason.zhTW, reasonEn: e.reason.en })),
  };
  // c.json keeps a Content-Type given here, so the body is typed and still problem+json.
  return c.json(body, 422, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}

const wholeFile = (reason: LocalizedText): InventoryImportError[] => [{ line: 1, column: null, reason }];

/** The table's rows, or why the body cannot be read as one. */
async function readRows(contentType: string, bytes: Uint8Array): Promise<{ ok: true; rows: TableRow[] } | { ok: false; errors: InventoryImportError[] }> {
  if (contentType === XLSX_TYPE) {
    try {
      return { ok: true, rows: await readXlsxRows(bytes) };
    } catch {
      return { ok: false, errors: wholeFile({ zhTW: '無法讀取 Excel 檔案', en: 'not a readable Excel workbook' }) };
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel's plain "CSV" in Taiwan is Big5; say how to save it instead of importing mojibake.
    return { ok: false, errors: wholeFile({ zhTW: '檔案不是 UTF-8 編碼，請另存為「CSV UTF-8（逗號分隔）」', en: 'the file is not UTF-8; save it as "CSV UTF-8 (comma delimited)"' }) };
  }
  const parsed = parseCsv(text);
  return parsed.ok ? { ok: true, rows: parsed.rows } : { ok: false, errors: [{ line: parsed.line, column: null, reason: parsed.reason }] };
}

export function registerInventoryImport(app: OpenAPIHono<ApiEnv>) {
  app.openapi(importRoute, async (c) => {
    const tenant = tenantOf(c);
    const { mode } = c.req.valid('query');
    const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType !== CSV_TYPE && contentType !== XLSX_TYPE)
      throw new ApiProblem('unsupportedMediaType', { detail: { zhTW: `請以 ${CSV_TYPE} 或 Excel（${XLSX_TYPE}）傳送`, en: `Send ${CSV_TYPE} or ${XLSX_TYPE}` } });
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new ApiProblem('validationError', { errors: [{ field: '(body)', reason: { zhTW: '未附檔案內容', en: 'The body is empty' } }] });

    const importId = `imp_${createHash('sha256').update(`${mode}\0${contentType}\0`).update(bytes).digest('hex').slice(0, 32)}`;
    const codeLists = await loadCodeLists(tenant);
    const read = await readRows(contentType, bytes);
    if (!read.ok) return rowProblem(c, read.errors);
    const result = importInventory(read.rows, codeLists);
    if (!result.ok) return rowProblem(c, result.errors);
    const files = result.files;
    // The files come back in row order; the same filter gives each its source line.
    const lines = read.rows.filter((row) => !isBlankRow(row)).slice(1).map((row) => row.line);

    const { Item: recordItem } = await tenant.doc.send(new GetCommand({ TableName: tenant.tableName, Key: inventoryKeys.importRecord(importId), ConsistentRead: true }));
    const progress = recordItem as ImportRecordItem | undefined;
    if (progress?.status === 'completed') {
      const summary: ImportSummary = {
        importId,
        mode,
        status: 'completed',
        fileCount: progress.fileCount,
        created: progress.created,
        updated: progress.updated,
        unchanged: progress.unchanged,
        batches: progress.batchCount,
        resumedFromBatch: progress.batchCount,
      };
      return c.json(summary, 200);
    }

    const batches: PersonalDataFile[][] = [];
    for (let i = 0; i < files.length; i += BATCH_SIZE) batches.push(files.slice(i, i + BATCH_SIZE));
    const resumedFrom = progress?.committedBatches ?? 0;
    const writtenEarlier = new Set(batches.slice(0, resumedFrom).flat().map((f) => f.id));

    const existing = new Map((await loadAllFileRecords(tenant)).map((r) => [r.file.id, r]));
    const conflicts: InventoryImportError[] = [];
    const fileColumn = inventoryColumns[0].header;
    files.forEach((file, index) => {
      const current = existing.get(file.id);
      if (!current || writtenEarlier.has(file.id)) return;
      if (current.retired)
        conflicts.push({ line: lines[index]!, column: fileColumn, reason: { zhTW: `編號 ${file.id} 已停用，不能再使用`, en: `id ${file.id} belongs to a retired file and cannot be reused` } });
      else if (mode === 'createOnly')
        conflicts.push({ line: lines[index]!, column: fileColumn, reason: { zhTW: `編號 ${file.id} 已存在（如要更新請用 mode=upsert）`, en: `id ${file.id} already exists (use mode=upsert to replace)` } });
    });
    if (conflicts.length > 0) return rowProblem(c, conflicts);

    const summary: ImportSummary = {
      importId,
      mode,
      status: 'completed',
      fileCount: files.length,
      created: [...(progress?.created ?? [])],
      updated: [...(progress?.updated ?? [])],
      unchanged: [...(progress?.unchanged ?? [])],
      batches: batches.length,
      resumedFromBatch: resumedFrom,
    };
    const now = c.get('deps').clock().toISOString();
    const target = inventoryTarget(c);

    for (let index = resumedFrom; index < batches.length; index += 1) {
      const batch = batches[index]!;
      const last = index === batches.length - 1;
      const batchCreated: string[] = [];
      const batchUpdated: string[] = [];
      const batchUnchanged: string[] = [];
      const writes: TransactItem[] = [];
      const changes: AuditedChange[] = [];
      const before: PersonalDataFile[] = [];
      for (const file of batch) {
        const current = existing.get(file.id);
        if (current && canonicalJson(current.file) === canonicalJson(file)) {
          batchUnchanged.push(file.id);
          before.push(current.file);
          continue;
        }
        const record: PersonalDataFileRecord = current
          ? { ...current, file, version: current.version + 1, updatedAt: now }
          : { file, version: 1, createdAt: now, updatedAt: now, retired: null };
        writes.push(putFileWrite(tenant.tableName, record, codeLists, current ? current.version : null));
        changes.push({
          action: current ? 'personalDataFile.importReplace' : 'personalDataFile.importCreate',
          resourceType: 'personalDataFile',
          resourceId: file.id,
          before: auditViewOf(current?.file),
          after: auditViewOf(file),
        });
        if (current) before.push(current.file);
        (current ? batchUpdated : batchCreated).push(file.id);
      }
      const nextSummary = {
        ...summary,
        created: [...summary.created, ...batchCreated],
        updated: [...summary.updated, ...batchUpdated],
        unchanged: [...summary.unchanged, ...batchUnchanged],
      };
      const progressItem: ImportRecordItem & Record<string, unknown> = {
        ...inventoryKeys.importRecord(importId),
        entity: 'InventoryImport',
        importId,
        mode,
        fileCount: files.length,
        batchCount: batches.length,
        committedBatches: index + 1,
        status: last ? 'completed' : 'inProgress',
        created: nextSummary.created,
        updated: nextSummary.updated,
        unchanged: nextSummary.unchanged,
        updatedAt: now,
      };
      writes.push({
        Put: {
          TableName: tenant.tableName,
          Item: progressItem,
          // Exactly once per batch: the progress must still be where this attempt found it.
          ...(index === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'committedBatches = :done', ExpressionAttributeValues: { ':done': index } }),
        },
      });
      changes.push({
        action: 'inventoryImport.batch',
        resourceType: 'inventoryImport',
        resourceId: importId,
        before: { committedBatches: index },
        after: { committedBatches: index + 1, batchCount: batches.length, files: batch.map((f) => f.id) },
      });
      try {
        await commitInventoryChange(
          target,
          async () => ({
            changes,
            writes,
            count: { before, after: batch },
            response: last ? { status: 201, body: nextSummary } : undefined,
            result: null,
          }),
          'update',
        );
      } catch (error) {
        if (error instanceof ApiProblem && (error.problemType === 'preconditionFailed' || error.problemType === 'conflict'))
          throw new ApiProblem('conflict', {
            code: 'inventoryImportInterrupted',
            detail: {
              zhTW: `匯入 ${importId} 在第 ${index + 1}/${batches.length} 批時因資料同時被修改而中止（已完成 ${index} 批）；請重新送出同一檔案以續傳`,
              en: `Import ${importId} stopped at batch ${index + 1}/${batches.length} because data changed concurrently (${index} committed); re-send the same file to resume`,
            },
          });
        throw error;
      }
      summary.created = nextSummary.created;
      summary.updated = nextSummary.updated;
      summary.unchanged = nextSummary.unchanged;
    }
    return c.json(summary, 201);
  });
}

