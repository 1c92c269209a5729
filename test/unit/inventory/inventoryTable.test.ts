import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv, serializeCsv } from '../../../domain/inventory/csv';
import {
  exportInventoryCsv,
  exportInventoryRows,
  importInventory,
  importInventoryCsv,
  importErrorsOf,
  inventoryHeaders,
  type InventoryImportResult,
} from '../../../domain/inventory/inventoryTable';
import { personalDataFileSchema, type PersonalDataFile } from '../../../domain/inventory/personalDataFile';
import { exportInventoryXlsx, importInventoryXlsx, readXlsxRows } from '../../../domain/inventory/xlsx';
import { exampleCodeLists, exampleFiles } from '../../fixtures/inventory/loadExamples';

const lists = exampleCodeLists();
const header = [...inventoryHeaders];
const col = (name: string) => inventoryHeaders.indexOf(name);

function exampleRows(): string[][] {
  return exportInventoryRows(exampleFiles(), lists);
}

function csvOf(rows: string[][]): string {
  return serializeCsv(rows);
}

function errorsOf(result: InventoryImportResult) {
  if (result.ok) throw new Error('expected the import to fail');
  return importErrorsOf(result);
}

/** A file exercising every optional field, including a kept review decision. */
function fullFile(): PersonalDataFile {
  return personalDataFileSchema.parse({
    id: '005-12',
    name: '會員\n資料, "VIP"',
    specificPurposes: ['〇九〇', '一四八'],
    dataCategories: [
      { code: 'C001', content: '姓名：王小明、電話' },
      { code: 'C111', content: '體檢摘要' },
    ],
    specialCategories: ['healthExamination', 'medicalCare'],
    intendedUse: '=HYPERLINK("x") 會員服務\n第二行',
    legalBasis: {
      art19: [1, 5],
      art6: [6],
      statute: '消費者保護法',
      consentNotice: { method: 'art9Indirect', channel: '首次利用時電子郵件', source: '合作商店', writtenConsent: true },
    },
    subjectAttribute: 'consumer',
    regions: [
      { country: 'TW', role: 'processing' },
      { country: 'JP', cloudRegion: 'ap-northeast-1', role: 'storage' },
    ],
    retention: { period: '契約終止後3年', legalSource: '會員條款第8條' },
    recordCount: 123456,
    recordCountAsOf: '2025-01-02',
    logLocation: '-稽核紀錄',
    vendorIds: ['V-1', 'V-2'],
    thirdPartyRecipients: ['物流公司'],
    purposeEndsOn: '2025-06-30',
    retentionExpiresOn: '2028-06-30',
    status: 'active',
    purposeReview: { decision: 'keep', decidedOn: '2025-07-01', decidedBy: '技安', reasonCategory: 'businessNecessity', reason: '爭議處理中', reviewAgainOn: '2026-01-01' },
  });
}

describe('export', () => {
  it('starts with the example’s nine columns in order', () => {
    expect(inventoryHeaders.slice(0, 9)).toEqual([
      '業務流程/個資檔案名稱',
      '特定目的',
      '個人資料類別及內容',
      '預計處理或利用方式',
      '法律依據',
      '處理或利用地區',
      '處理或利用期間',
      '資料筆數',
      '處理及利用軌跡紀錄存放位置',
    ]);
  });

  it('writes the example row 001-1 in the example’s wording', () => {
    const row = exampleRows()[1]!;
    expect(row[col('業務流程/個資檔案名稱')]).toBe('001-1 員工基本資料');
    expect(row[col('特定目的')]).toBe('〇〇二 人事管理');
    expect(row[col('個人資料類別及內容')]).toBe('C001 辨識個人者：姓名、地址、電話\nC003 政府資料中之辨識者：身分證字號');
    expect(row[col('法律依據')]).toBe('個資法第19條第1項第2款(契約或類似契約關係)');
    expect(row[col('處理或利用地區')]).toBe('處理及儲存 TW');
    expect(row[col('資料筆數')]).toBe('85');
    expect(row[col('國際傳輸(系統判定)')]).toBe('否');
  });

  it('guards cells Excel would run as formulas in CSV', () => {
    const csv = exportInventoryCsv([fullFile()], lists);
    expect(csv).toContain(`"'=HYPERLINK(""x"") 會員服務`);
    expect(csv).toContain("'-稽核紀錄");
  });
});

describe('round trip', () => {
  it('CSV export → import gives back the example files', () => {
    const files = exampleFiles();
    expect(importInventoryCsv(exportInventoryCsv(files, lists), lists)).toEqual({ ok: true, value: { files, notes: [] } });
  });

  it('CSV round trip keeps every optional field and awkward text', () => {
    const files = [fullFile(), ...exampleFiles()];
    const result = importInventoryCsv(exportInventoryCsv(files, lists), lists);
    expect(result).toEqual({ ok: true, value: { files, notes: [] } });
  });

  it('XLSX export → import gives back the same files', async () => {
    const files = [fullFile(), ...exampleFiles()];
    const buffer = await exportInventoryXlsx(files, lists);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    expect(await importInventoryXlsx(buffer, lists)).toEqual({ ok: true, value: { files, notes: [] } });
  });

  it('stopped and deleted files keep their decision and status', () => {
    const base = exampleFiles()[3]!;
    const stopped = personalDataFileSchema.parse({ ...base, status: 'processingStopped', purposeReview: { decision: 'stop', decidedOn: '2025-05-01', decidedBy: '技安', note: '契約終止' } });
    const deleted = personalDataFileSchema.parse({ ...base, id: '002-9', status: 'deleted', purposeReview: { decision: 'delete', decidedOn: '2025-05-01', decidedBy: '技安' } });
    expect(importInventoryCsv(exportInventoryCsv([stopped, deleted], lists), lists)).toEqual({ ok: true, value: { files: [stopped, deleted], notes: [] } });
  });
});

describe('import of hand-written tables', () => {
  it('reads the example’s own wording: names instead of codes, 台灣地區, thousands separators', () => {
    const row = [...exampleRows()[4]!];
    row[col('特定目的')] = '契約、類似契約或其他法律關係事務';
    row[col('處理或利用地區')] = '台灣地區';
    row[col('資料筆數')] = '1,060';
    row[col('法律依據')] = '個資法第十九條第一項第二款（契約關係）';
    const result = importInventoryCsv(csvOf([header, row]), lists);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.files[0]).toMatchObject({ specificPurposes: ['〇六九'], regions: [{ country: 'TW', role: 'processingAndStorage' }], recordCount: 1060, legalBasis: { art19: [2] } });
  });

  it('accepts Arabic purpose codes and normalises them', () => {
    const row = [...exampleRows()[5]!];
    row[col('特定目的')] = '040\n069；090';
    const result = importInventoryCsv(csvOf([header, row]), lists);
    expect(result).toMatchObject({ ok: true, value: { files: [{ specificPurposes: ['〇四〇', '〇六九', '〇九〇'] }] } });
  });

  it('skips blank lines and rows of empty cells, keeping source line numbers', () => {
    const rows = exampleRows();
    const text = `\r\n${csvOf([rows[0]!])}\r\n${csvOf([rows[1]!]).slice(1)}${','.repeat(5)}\r\n`.replace(/^/, '');
    const result = importInventoryCsv(text, lists);
    expect(result).toMatchObject({ ok: true, value: { files: [{ id: '001-1' }] } });
  });

  it('a header-only table imports no files', () => {
    expect(importInventoryCsv(csvOf([header]), lists)).toEqual({ ok: true, value: { files: [], notes: [] } });
  });

  it('an empty table has no header', () => {
    expect(errorsOf(importInventoryCsv('', lists))).toEqual([{ line: 1, column: null, reason: expect.objectContaining({ en: 'the file has no header row' }) }]);
  });

  it('rejects a wrong header, naming each wrong column', () => {
    const wrong = [...header];
    wrong[1] = '目的';
    wrong[7] = '筆數';
    const errors = errorsOf(importInventoryCsv(csvOf([wrong, exampleRows()[1]!]), lists));
    // The unknown headers, then the required columns they left missing.
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [1, '目的'],
      [1, '筆數'],
      [1, '特定目的'],
      [1, '資料筆數'],
    ]);
    expect(errors[0]!.reason).toEqual({ zhTW: '第2欄「目的」不是盤點表的欄位', en: 'column 2 "目的" is not an inventory column' });
    expect(errors[2]!.reason.zhTW).toBe('缺少必要欄位「特定目的」');
  });

  it('rejects a header without a required column, with an unknown one or with a repeated one', () => {
    // The example's nine columns alone lack 個資屬性, which the risk method needs.
    expect(errorsOf(importInventoryCsv(csvOf([header.slice(0, 9)]), lists)).map((e) => e.column)).toEqual(['個資屬性']);
    expect(errorsOf(importInventoryCsv(csvOf([[...header, '備註']]), lists))).toEqual([{ line: 1, column: '備註', reason: expect.objectContaining({ en: 'column 30 "備註" is not an inventory column' }) }]);
    expect(errorsOf(importInventoryCsv(csvOf([[...header, '資料筆數']]), lists))).toEqual([{ line: 1, column: '資料筆數', reason: expect.objectContaining({ en: 'column 30 repeats column 8' }) }]);
  });

  it('tolerates whitespace inside header cells', () => {
    const spaced = header.map((h) => ` ${h} `);
    expect(importInventoryCsv(csvOf([spaced]), lists)).toEqual({ ok: true, value: { files: [], notes: [] } });
  });

  it('reports a CSV syntax error with its line', () => {
    expect(errorsOf(importInventoryCsv(`${csvOf([header])}"001-1 x`, lists))).toEqual([{ line: 2, column: null, reason: expect.objectContaining({ en: 'unterminated quoted field' }) }]);
  });
});

describe('all-or-nothing import', () => {
  it('returns every bad row with line, column and reason, and no files', () => {
    // Row 002 has one line per cell, so each record takes one line unless we add a break.
    const supplier = exampleRows()[4]!;
    const rowWith = (id: string, patch: Record<string, string>) => {
      const row = [...supplier];
      row[0] = `${id} 供應商聯絡資料`;
      for (const [column, value] of Object.entries(patch)) row[col(column)] = value;
      return row;
    };
    const text = csvOf([
      header,
      rowWith('010', { 特定目的: '〇〇三' }),
      rowWith('011', { 資料筆數: '約100' }),
      rowWith('012', { '特種個資(第6條)': '健康檢查' }),
      rowWith('013', { 處理或利用期間: '第一行\n第二行', 個資屬性: '訪客' }),
      rowWith('014', {}),
      rowWith('014', {}),
    ]);
    const errors = errorsOf(importInventoryCsv(text, lists));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, '特定目的'],
      [3, '資料筆數'],
      [4, '法律依據'],
      [5, '個資屬性'],
      // Record 013 spans lines 5–6, so the next records start at 7 and 8.
      [8, '業務流程/個資檔案名稱'],
    ]);
    expect(errors[2]!.reason.en).toContain('Art. 6');
    expect(errors[4]!.reason.zhTW).toContain('重複');
    expect(errors[4]!.reason.zhTW).toContain('第7行');
    for (const error of errors) {
      expect(error.reason.zhTW).not.toBe('');
      expect(error.reason.en).not.toBe('');
    }
  });

  it('one bad row among good ones still returns no files', () => {
    const rows = exampleRows();
    const bad = [...rows[2]!];
    bad[col('資料筆數')] = '';
    const result = importInventoryCsv(csvOf([rows[0]!, rows[1]!, bad, rows[3]!]), lists);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('files');
  });

  it.each([
    ['業務流程/個資檔案名稱', '員工基本資料', 'file id'],
    ['個人資料類別及內容', '姓名、地址', 'code name: content'],
    ['個人資料類別及內容', 'C999 不明：x', 'C999'],
    ['法律依據', '契約', '個資法第19條'],
    ['法律依據', '個資法第6條第1項第7款', 'no subparagraph 7'],
    ['處理或利用地區', '日本', 'region'],
    ['處理或利用地區', '處理及儲存 TW Asia_East', 'cloud region'],
    ['處理或利用期間', '', '處理或利用期間 is required'],
    ['個資屬性', '', '個資屬性 is required'],
    ['資料筆數', '-5', 'whole number'],
    ['特種個資(第6條)', '宗教', 'not one of'],
    ['告知管道', '網站', 'without the notice method', '告知方式'],
    ['筆數盤點日', '2025/02/30', 'not a calendar date'],
    ['筆數盤點日', '115/02/30', 'not a calendar date'],
    ['筆數盤點日', '25/01/02', 'ambiguous'],
    ['特定目的消失日', '明年', 'cannot read the date'],
    ['再審查日', '2026-01-01', 'without a decision', '審查決定'],
    ['審查決定', '封存', 'delete, stop or keep'],
    ['決定日', '2025-01-01', 'without a decision', '審查決定'],
  ])('column %s = %j is rejected', (column, value, reason, reportedAt?: string) => {
    const row = [...exampleRows()[1]!];
    row[col(column)] = value;
    const errors = errorsOf(importInventoryCsv(csvOf([header, row]), lists));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(2);
    expect(errors[0]!.column).toBe(reportedAt ?? column);
    expect(errors[0]!.reason.en.toLowerCase()).toContain(reason.toLowerCase());
  });

  it('a keep decision without its reason category is rejected at that column', () => {
    const row = [...exampleRows()[4]!];
    row[col('特定目的消失日')] = '2025-01-01';
    row[col('審查決定')] = '保留';
    row[col('決定日')] = '2025-02-01';
    row[col('決定人')] = '技安';
    row[col('保留理由或備註')] = '訴訟中';
    const errors = errorsOf(importInventoryCsv(csvOf([header, row]), lists));
    expect(errors.map((e) => e.column)).toEqual(['保留理由類別']);
    row[col('保留理由類別')] = '執行業務所必須';
    expect(importInventoryCsv(csvOf([header, row]), lists)).toMatchObject({ ok: true, value: { files: [{ purposeReview: { decision: 'keep', reasonCategory: 'businessNecessity' } }] } });
  });

  it('a row longer than the header is rejected', () => {
    const row = [...exampleRows()[1]!, 'extra'];
    expect(errorsOf(importInventoryCsv(csvOf([header, row]), lists))).toEqual([{ line: 2, column: null, reason: expect.objectContaining({ en: 'the row has cells under no header' }) }]);
  });

  it('a consent basis without notice is reported at the notice column', () => {
    const row = [...exampleRows()[6]!];
    row[col('告知方式')] = '';
    row[col('告知管道')] = '';
    row[col('書面同意')] = '';
    expect(errorsOf(importInventoryCsv(csvOf([header, row]), lists)).map((e) => e.column)).toEqual(['告知方式']);
  });

  it('importInventory works on rows from any source', () => {
    const parsed = parseCsv(exportInventoryCsv(exampleFiles(), lists));
    if (!parsed.ok) throw new Error('csv');
    expect(importInventory(parsed.value, lists)).toEqual({ ok: true, value: { files: exampleFiles(), notes: [] } });
  });
});

describe('XLSX reading', () => {
  it('reads what Excel makes of cells: numbers, dates, rich text, and reports real row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    const row = exampleRows()[1]!;
    sheet.addRow(header);
    sheet.addRow([]);
    const values: ExcelJS.CellValue[] = [...row];
    values[col('資料筆數')] = 85;
    values[col('筆數盤點日')] = new Date(Date.UTC(2025, 0, 2));
    values[col('預計處理或利用方式')] = { richText: [{ text: '聯繫員工' }, { text: '、保險', font: { bold: true } }] };
    sheet.addRow(values);
    const broken = [...row];
    broken[col('資料筆數')] = 'many';
    sheet.addRow(broken);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await readXlsxRows(buffer))[2]!.cells[col('資料筆數')]).toBe('85');
    const errors = errorsOf(await importInventoryXlsx(buffer, lists));
    expect(errors).toEqual([{ line: 4, column: '資料筆數', reason: expect.anything() }]);
    broken[col('資料筆數')] = '85';
    sheet.getRow(4).getCell(col('資料筆數') + 1).value = '85';
    sheet.getRow(4).getCell(1).value = '001-9 員工基本資料';
    const fixed = await importInventoryXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), lists);
    expect(fixed).toMatchObject({ ok: true, value: { files: [{ id: '001-1', intendedUse: '聯繫員工、保險', recordCount: 85, recordCountAsOf: '2025-01-02' }, { id: '001-9' }] } });
  });

  it('rejects bytes that are not a workbook', async () => {
    expect(errorsOf(await importInventoryXlsx(Buffer.from('not a zip'), lists))[0]!.reason.en).toBe('not a readable Excel workbook');
  });
});
