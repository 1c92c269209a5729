/**
 * The inventory table (CSV or XLSX, as exported) into the tenant.
 *
 * All or nothing at the validation step: every row is checked and any bad row rejects the whole
 * file with every row's line, column and reason (`inventoryImportRejected`, the rows in
 * `details`); nothing is written.
 *
 * Writing: files go in transactions of ≤ 25 (each file, its audit event, the import's progress
 * item and the record-count history stay well under DynamoDB's 100 items per transaction).
 * A larger import needs several transactions, so it is made resumable and idempotent:
 *   - the import id is a hash of the mode, content type and body, so re-sending the same file
 *     names the same import — no id for the client to keep;
 *   - every batch transaction also advances the progress item on the batch count it read
 *     (conditional), so a batch is committed exactly once even when two attempts race;
 *   - batches are cut from the rows in file order, so an attempt after a failure skips the
 *     batches already committed and continues with the next one;
 *   - once completed, re-sending the file replays the stored summary and writes nothing.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../domain/audit/auditChain';
import { isBlankRow, parseCsv, type CsvSyntaxError, type TableRow } from '../../../domain/inventory/csv';
import { importInventory, importRejected, inventoryColumns, referencedVendorIds, type InventoryImportError } from '../../../domain/inventory/inventoryTable';
import type { PersonalDataFile } from '../../../domain/inventory/personalDataFile';
import { readXlsxRows } from '../../../domain/inventory/xlsx';
import type { LocalizedText } from '../../../domain/shared/localizedText';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { AlreadyExistsError, CommandFailure, refuse, StaleVersionError, unwrap } from '../../application/failures';
import type { AuditedChange, TransactItem } from '../../store/auditedCommit';
import { commitInventoryChange } from '../inventoryCommit';
import { auditViewOf, type InventoryImportSummary } from '../inventoryModel';
import { getImportProgress, loadAllFileRecords, loadCodeLists, putFileWrite, putImportProgressWrite, unknownVendorIds, type ImportProgress, type PersonalDataFileRecord } from '../inventoryStore';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BATCH_SIZE = 25;

export interface InventoryTableUpload {
  mode: 'createOnly' | 'upsert';
  contentType: typeof CSV_TYPE | typeof XLSX_TYPE;
  bytes: Uint8Array;
}

/** 201 when this request imported the files, 200 when the same file was imported before. */
export interface InventoryImportAnswer {
  status: 200 | 201;
  summary: InventoryImportSummary;
}

const wholeFile = (reason: LocalizedText): InventoryImportError[] => [{ line: 1, column: null, reason }];

/** Rejects the whole file, every bad row listed; nothing is written. */
function reject(errors: InventoryImportError[]): never {
  throw new CommandFailure(importRejected(errors).error);
}

/** The table's rows, or why the body cannot be read as one. */
async function readRows(contentType: InventoryTableUpload['contentType'], bytes: Uint8Array): Promise<TableRow[]> {
  if (contentType === XLSX_TYPE) {
    try {
      return await readXlsxRows(bytes);
    } catch {
      reject(wholeFile({ zhTW: '無法讀取 Excel 檔案', en: 'not a readable Excel workbook' }));
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel's plain "CSV" in Taiwan is Big5; say how to save it instead of importing mojibake.
    reject(wholeFile({ zhTW: '檔案不是 UTF-8 編碼，請另存為「CSV UTF-8（逗號分隔）」', en: 'the file is not UTF-8; save it as "CSV UTF-8 (comma delimited)"' }));
  }
  const parsed = parseCsv(text);
  if (!parsed.ok) reject([{ line: (parsed.error.details as CsvSyntaxError).line, column: null, reason: parsed.error.message }]);
  return parsed.value;
}

export async function importInventoryTable(context: TenantCommandContext, upload: InventoryTableUpload): Promise<InventoryImportAnswer> {
  const { mode, contentType, bytes } = upload;
  const table = context.table;
  const importId = `imp_${createHash('sha256').update(`${mode}\0${contentType}\0`).update(bytes).digest('hex').slice(0, 32)}`;
  const codeLists = await loadCodeLists(table);
  const rows = await readRows(contentType, bytes);
  const unknownVendors = await unknownVendorIds(table, referencedVendorIds(rows));
  const imported = unwrap(importInventory(rows, codeLists, { today: tenantToday(context), unknownVendorIds: unknownVendors }));
  const files = imported.files;
  const notes = imported.notes.map((note) => ({ line: note.line, column: note.column, reasonZhTW: note.reason.zhTW, reasonEn: note.reason.en }));
  // The files come back in row order; the same filter gives each its source line.
  const lines = rows.filter((row) => !isBlankRow(row)).slice(1).map((row) => row.line);

  const progress = await getImportProgress(table, importId);
  if (progress?.status === 'completed') {
    return {
      status: 200,
      summary: {
        importId,
        mode,
        status: 'completed',
        fileCount: progress.fileCount,
        created: progress.created,
        updated: progress.updated,
        unchanged: progress.unchanged,
        batches: progress.batchCount,
        resumedFromBatch: progress.batchCount,
        notes,
      },
    };
  }

  const batches: PersonalDataFile[][] = [];
  for (let i = 0; i < files.length; i += BATCH_SIZE) batches.push(files.slice(i, i + BATCH_SIZE));
  const resumedFrom = progress?.committedBatches ?? 0;
  const writtenEarlier = new Set(batches.slice(0, resumedFrom).flat().map((f) => f.id));

  const existing = new Map((await loadAllFileRecords(table)).map((r) => [r.file.id, r]));
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
  if (conflicts.length > 0) reject(conflicts);

  const summary: InventoryImportSummary = {
    importId,
    mode,
    status: 'completed',
    fileCount: files.length,
    created: [...(progress?.created ?? [])],
    updated: [...(progress?.updated ?? [])],
    unchanged: [...(progress?.unchanged ?? [])],
    batches: batches.length,
    resumedFromBatch: resumedFrom,
    notes,
  };
  const now = context.clock().toISOString();

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
      writes.push(putFileWrite(table.tableName, record, codeLists, current ? current.version : null));
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
    const nextProgress: ImportProgress = {
      importId,
      mode,
      fileCount: files.length,
      batchCount: batches.length,
      committedBatches: index + 1,
      status: last ? 'completed' : 'inProgress',
      created: nextSummary.created,
      updated: nextSummary.updated,
      unchanged: nextSummary.unchanged,
    };
    writes.push(putImportProgressWrite(table.tableName, nextProgress, now));
    changes.push({
      action: 'inventoryImport.batch',
      resourceType: 'inventoryImport',
      resourceId: importId,
      before: { committedBatches: index },
      after: { committedBatches: index + 1, batchCount: batches.length, files: batch.map((f) => f.id) },
    });
    try {
      await commitInventoryChange(
        context,
        async () => ({ changes, writes, count: { before, after: batch }, response: last ? { status: 201, body: nextSummary } : undefined, result: null }),
        'update',
      );
    } catch (error) {
      const concurrent = error instanceof StaleVersionError || error instanceof AlreadyExistsError || (error instanceof CommandFailure && error.error.kind === 'conflict');
      if (!concurrent) throw error;
      refuse('conflict', 'inventoryImportInterrupted', {
        zhTW: `匯入 ${importId} 在第 ${index + 1}/${batches.length} 批時因資料同時被修改而中止（已完成 ${index} 批）；請重新送出同一檔案以續傳`,
        en: `Import ${importId} stopped at batch ${index + 1}/${batches.length} because data changed concurrently (${index} committed); re-send the same file to resume`,
      });
    }
    summary.created = nextSummary.created;
    summary.updated = nextSummary.updated;
    summary.unchanged = nextSummary.unchanged;
  }
  return { status: 201, summary };
}
