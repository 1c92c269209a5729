/**
 * The inventory as an Excel workbook, in memory (exceljs on a Buffer; no file I/O).
 * Every cell is written as text so Excel neither turns 001-1 into a date nor runs a formula;
 * reading accepts what Excel may have turned cells into (numbers, dates, rich text).
 */
import ExcelJS from 'exceljs';
import type { CodeLists } from './codeLists';
import type { TableRow } from './csv';
import { exportInventoryRows, importInventory, importRejected, type InventoryImportResult } from './inventoryTable';
import type { PersonalDataFile } from './personalDataFile';

export const INVENTORY_SHEET_NAME = '個資盤點';

export async function exportInventoryXlsx(files: readonly PersonalDataFile[], codeLists: CodeLists): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(INVENTORY_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = exportInventoryRows(files, codeLists);
  rows.forEach((cells, index) => {
    const row = sheet.addRow(cells);
    row.eachCell((cell) => {
      cell.numFmt = '@';
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    if (index === 0) row.font = { bold: true };
  });
  sheet.columns.forEach((column) => {
    column.width = 24;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Excel stores typed dates as Date at UTC midnight; keep the calendar date.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** Rows of the inventory sheet (or the first sheet) with their Excel row numbers. */
export async function readXlsxRows(buffer: Buffer | ArrayBuffer | Uint8Array): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(INVENTORY_SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) return [];
  const rows: TableRow[] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellText(row.getCell(col).value));
    rows.push({ line: number, cells });
  }
  return rows;
}

export async function importInventoryXlsx(buffer: Buffer | ArrayBuffer | Uint8Array, codeLists: CodeLists): Promise<InventoryImportResult> {
  let rows: TableRow[];
  try {
    rows = await readXlsxRows(buffer);
  } catch {
    return importRejected([{ line: 1, column: null, reason: { zhTW: '無法讀取 Excel 檔案', en: 'not a readable Excel workbook' } }]);
  }
  return importInventory(rows, codeLists);
}
