/**
 * The workbook written by write-excel-file and read by read-excel-file, checked against exceljs as
 * an independent reader/writer (what Excel makes of a sheet: date cells, numbers, other sheets).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportInventoryRows, importErrorsOf, inventoryHeaders } from '../../../domain/inventory/inventoryTable';
import { exportInventoryXlsx, importInventoryXlsx, INVENTORY_SHEET_NAME, readXlsxRows, xlsxCellText } from '../../../domain/inventory/xlsx';
import { exampleCodeLists, exampleFiles } from '../../fixtures/inventory/loadExamples';

const lists = exampleCodeLists();
const col = (name: string) => inventoryHeaders.indexOf(name) + 1;

describe('export', () => {
  it('writes the 個資盤點 sheet as text cells, header frozen, readable by another library', async () => {
    const buffer = await exportInventoryXlsx(exampleFiles(), lists);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(INVENTORY_SHEET_NAME)!;
    expect(sheet).toBeDefined();
    const rows = exportInventoryRows(exampleFiles(), lists);
    expect(sheet.rowCount).toBe(rows.length);
    expect(sheet.getRow(2).getCell(1).value).toBe('001-1 員工基本資料');
    // Text format, so Excel does not turn 001-1 into a date or 85 into a number.
    expect(sheet.getRow(2).getCell(1).numFmt).toBe('@');
    expect(sheet.getRow(2).getCell(col('資料筆數')).value).toBe('85');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('reading what Excel writes', () => {
  it('finds the inventory sheet among others, keeps row numbers, turns date cells and numbers into text', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('說明').addRow(['請見下一頁']);
    const sheet = workbook.addWorksheet(INVENTORY_SHEET_NAME);
    const rows = exportInventoryRows(exampleFiles().slice(0, 1), lists);
    sheet.getRow(2).values = rows[0]!;
    sheet.getRow(4).values = rows[1]!;
    const countDate = sheet.getRow(4).getCell(col('筆數盤點日'));
    countDate.value = new Date(Date.UTC(2025, 0, 2));
    // Displayed as a ROC date in Excel; stored as a date serial either way.
    countDate.numFmt = '[$-zh-TW]e/m/d';
    sheet.getRow(4).getCell(col('資料筆數')).value = 85;
    sheet.getRow(4).getCell(col('特定目的消失日')).value = 1151130;
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const read = await readXlsxRows(buffer);
    expect(read.filter((r) => r.cells.some((c) => c !== '')).map((r) => r.line)).toEqual([2, 4]);
    const result = await importInventoryXlsx(buffer, lists);
    if (!result.ok) throw new Error(JSON.stringify(importErrorsOf(result)));
    expect(result.value.files[0]).toMatchObject({ id: '001-1', recordCount: 85, recordCountAsOf: '2025-01-02', purposeEndsOn: '2026-11-30' });
  });

  it('reports a bad cell with its Excel row number', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(INVENTORY_SHEET_NAME);
    const rows = exportInventoryRows(exampleFiles().slice(0, 1), lists);
    sheet.getRow(1).values = rows[0]!;
    sheet.getRow(7).values = rows[1]!;
    sheet.getRow(7).getCell(col('筆數盤點日')).value = '115/02/30';
    const result = await importInventoryXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), lists);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(importErrorsOf(result)).toEqual([{ line: 7, column: '筆數盤點日', reason: expect.objectContaining({ en: '"115/02/30" is not a calendar date' }) }]);
  });

  it('cell text: a date cell is its calendar date; empty is empty', () => {
    expect(xlsxCellText(new Date(Date.UTC(2026, 10, 30)))).toBe('2026-11-30');
    expect(xlsxCellText(null)).toBe('');
    expect(xlsxCellText(true)).toBe('true');
    expect(xlsxCellText(1151130)).toBe('1151130');
  });
});
