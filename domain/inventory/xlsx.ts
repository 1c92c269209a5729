/**
 * The inventory as an Excel workbook, in memory (no file I/O): written with write-excel-file and
 * read with read-excel-file (≈160 KiB bundled together against ≈1 MiB for exceljs, which this
 * module used before; the comparison is in the H8 report and test/unit/inventory/xlsx.test.ts
 * keeps the round trip). Every cell is written as text (format @) so Excel neither turns 001-1
 * into a date nor runs a formula; reading accepts what Excel may have turned cells into
 * (numbers, booleans, date cells → ISO dates).
 */
import readExcelFile from 'read-excel-file/node';
import writeExcelFile from 'write-excel-file/node';
import type { CodeLists } from './codeLists';
import type { TableRow } from './csv';
import { exportInventoryRows, importInventory, importRejected, type InventoryImportOptions, type InventoryImportResult } from './inventoryTable';
import type { PersonalDataFile } from './personalDataFile';

export const INVENTORY_SHEET_NAME = '個資盤點';
const COLUMN_WIDTH = 24;

export async function exportInventoryXlsx(files: readonly PersonalDataFile[], codeLists: CodeLists): Promise<Buffer> {
  const rows = exportInventoryRows(files, codeLists);
  const data = rows.map((cells, index) =>
    cells.map((value) => (value === '' ? null : { value, type: String, format: '@', wrap: true, alignVertical: 'top' as const, ...(index === 0 ? { fontWeight: 'bold' as const } : {}) })),
  );
  const columns = (rows[0] ?? []).map(() => ({ width: COLUMN_WIDTH }));
  return writeExcelFile(data, { sheet: INVENTORY_SHEET_NAME, stickyRowsCount: 1, columns }).toBuffer();
}

/** A read cell as table text; a date cell (read as a Date at UTC midnight) is its calendar date. */
export function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}

/** Rows of the inventory sheet (or the first sheet) with their Excel row numbers. */
export async function readXlsxRows(bytes: Buffer | ArrayBuffer | Uint8Array): Promise<TableRow[]> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes);
  // trim: false keeps cells as written; the import trims where a field wants it.
  const sheets = await readExcelFile(buffer, { trim: false });
  const sheet = sheets.find((s) => s.sheet === INVENTORY_SHEET_NAME) ?? sheets[0];
  if (!sheet) return [];
  // The reader keeps empty rows before and between data rows, so index + 1 is the Excel row number.
  return sheet.data.map((cells, index) => ({ line: index + 1, cells: cells.map(xlsxCellText) }));
}

export async function importInventoryXlsx(bytes: Buffer | ArrayBuffer | Uint8Array, codeLists: CodeLists, options: InventoryImportOptions = {}): Promise<InventoryImportResult> {
  let rows: TableRow[];
  try {
    rows = await readXlsxRows(bytes);
  } catch {
    return importRejected([{ line: 1, column: null, reason: { zhTW: '無法讀取 Excel 檔案', en: 'not a readable Excel workbook' } }]);
  }
  return importInventory(rows, codeLists, options);
}
