/**
 * Import made forgiving where the law allows (issue #18): columns by header in any order, only
 * the required ones needed, the system column optional and ignored with a note, ROC dates, every
 * cell error once per column, the list-separator rule, and 委外廠商 checked against the register.
 */
import { describe, expect, it } from 'vitest';
import { serializeCsv } from '../../../domain/inventory/csv';
import { specialCategoryLabels } from '../../../domain/inventory/codeLists';
import {
  CLOSED_LIST_SEPARATOR,
  computedInventoryColumns,
  exportInventoryCsv,
  exportInventoryRows,
  importErrorsOf,
  importInventoryCsv,
  inventoryColumns,
  inventoryHeaders,
  referencedVendorIds,
  requiredInventoryColumns,
  type InventoryImportResult,
} from '../../../domain/inventory/inventoryTable';
import { personalDataFileSchema } from '../../../domain/inventory/personalDataFile';
import { parseCsv } from '../../../domain/inventory/csv';
import { exampleCodeLists, exampleFiles } from '../../fixtures/inventory/loadExamples';

const lists = exampleCodeLists();
const TODAY = '2026-12-06';
const headerOfKey = (key: string) => inventoryColumns.find((c) => c.key === key)!.header;

/** The example rows as objects by header, so a test can pick and reorder columns. */
function exampleRecords(): Record<string, string>[] {
  const [header, ...rows] = exportInventoryRows(exampleFiles(), lists);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

function table(headers: string[], records: Record<string, string>[]): string {
  return serializeCsv([headers, ...records.map((record) => headers.map((h) => record[h] ?? ''))]);
}

function filesOf(result: InventoryImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(importErrorsOf(result)));
  return result.value;
}
function errorsOf(result: InventoryImportResult) {
  if (result.ok) throw new Error('expected the import to fail');
  return importErrorsOf(result);
}

const requiredHeaders = requiredInventoryColumns.map(headerOfKey);

/** The CSV line each record after the header starts on (records span lines where cells do). */
function rowLines(csv: string): number[] {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error('csv');
  return parsed.value.slice(1).map((row) => row.line);
}

describe('columns', () => {
  it('the required columns are the example’s nine and 個資屬性; the system column is not required', () => {
    expect(requiredHeaders).toEqual([...inventoryHeaders.slice(0, 9), '個資屬性']);
    expect(computedInventoryColumns.map(headerOfKey)).toEqual(['國際傳輸(系統判定)']);
  });

  it('imports a table of the required columns only, in another order, with the import day as the count date and a note', () => {
    const headers = [...requiredHeaders].reverse();
    // 001-1, 001-2 and 002: general data on a contract basis, which needs no optional column.
    const records = exampleRecords().filter((r) => /^(001-1|001-2|002) /.test(r['業務流程/個資檔案名稱']!));
    const csv = table(headers, records);
    const result = filesOf(importInventoryCsv(csv, lists, { today: TODAY }));
    expect(result.files.map((f) => f.id)).toEqual(['001-1', '001-2', '002']);
    // Optional columns left out read as empty: no retention source, recipients or vendors.
    expect(result.files[0]).toMatchObject({ recordCountAsOf: TODAY, thirdPartyRecipients: [], vendorIds: [], retention: { period: '離職後5年' } });
    expect(result.files[0]!.retention).not.toHaveProperty('legalSource');
    const lines = rowLines(csv);
    expect(result.notes).toEqual([
      {
        line: 1,
        column: '筆數盤點日',
        reason: { zhTW: `3 列未填筆數盤點日，以匯入日 ${TODAY} 記錄（第${lines.join('、')}行）`, en: `3 row(s) gave no record-count date; the import day ${TODAY} was recorded (lines ${lines.join(', ')})` },
      },
    ]);
  });

  it('a column the law makes necessary for a row is still needed: Art. 6 data without 特種個資 breaks the rules', () => {
    const headers = [...requiredHeaders];
    const special = exampleRecords().filter((r) => r['業務流程/個資檔案名稱']!.startsWith('001-3 '));
    const errors = errorsOf(importInventoryCsv(table(headers, special), lists, { today: TODAY }));
    expect(errors.map((e) => [e.column, e.reason.en])).toEqual([['法律依據', 'Art. 6 provisos apply only to special categories; list the special categories held']]);
  });

  it('without an import day, a missing count date is an error at its column', () => {
    const errors = errorsOf(importInventoryCsv(table(requiredHeaders, exampleRecords().slice(0, 1)), lists));
    expect(errors.map((e) => [e.line, e.column])).toEqual([[2, '筆數盤點日']]);
  });

  it('reads headers with full-width parentheses and spaces', () => {
    const headers = inventoryHeaders.map((h) => h.replace('(', '（').replace(')', '）').replace('業務流程', '業務 流程'));
    const rows = exportInventoryRows(exampleFiles(), lists).slice(1);
    expect(filesOf(importInventoryCsv(serializeCsv([headers, ...rows]), lists)).files).toEqual(exampleFiles());
  });

  it('國際傳輸(系統判定) is optional; when it disagrees with the regions it is ignored with a note', () => {
    const records = exampleRecords();
    const withoutComputed = inventoryHeaders.filter((h) => h !== '國際傳輸(系統判定)');
    expect(filesOf(importInventoryCsv(table(withoutComputed, records), lists))).toEqual({ files: exampleFiles(), notes: [] });
    records[1]!['國際傳輸(系統判定)'] = '是';
    records[2]!['國際傳輸(系統判定)'] = '';
    const result = filesOf(importInventoryCsv(table([...inventoryHeaders], records), lists));
    expect(result.files).toEqual(exampleFiles());
    expect(result.notes).toEqual([
      {
        line: rowLines(table([...inventoryHeaders], records))[1],
        column: '國際傳輸(系統判定)',
        reason: {
          zhTW: '國際傳輸(系統判定)填「是」，依處理或利用地區應為「否」；此欄由系統判定，已略過',
          en: '國際傳輸(系統判定) says "是" but the regions make it "否"; the system computes this column, so the cell was ignored',
        },
      },
    ]);
  });
});

describe('dates', () => {
  it('accepts ROC and Gregorian forms in every date column', () => {
    const record = exampleRecords()[4]!;
    record['筆數盤點日'] = '民國114年1月2日';
    record['特定目的消失日'] = '115/11/30';
    record['保存期限屆滿日'] = '1161130';
    record['審查決定'] = '保留';
    record['決定日'] = '115.12.01';
    record['決定人'] = '技安';
    record['保留理由類別'] = '執行業務所必須';
    record['保留理由或備註'] = '訴訟中';
    record['再審查日'] = '2027年6月30日';
    const [file] = filesOf(importInventoryCsv(table([...inventoryHeaders], [record]), lists)).files;
    expect(file).toMatchObject({
      recordCountAsOf: '2025-01-02',
      purposeEndsOn: '2026-11-30',
      retentionExpiresOn: '2027-11-30',
      purposeReview: { decidedOn: '2026-12-01', reviewAgainOn: '2027-06-30' },
    });
  });
});

describe('errors', () => {
  it('reports every bad cell of a row once, at its column, in zh-TW and en', () => {
    const record = exampleRecords()[0]!;
    record['特定目的'] = '不存在的目的';
    record['資料筆數'] = '很多';
    record['處理或利用地區'] = '日本';
    record['筆數盤點日'] = '115/02/30';
    record['個資屬性'] = '';
    const errors = errorsOf(importInventoryCsv(table([...inventoryHeaders], [record]), lists));
    expect(errors.map((e) => e.column).sort()).toEqual(['個資屬性', '特定目的', '筆數盤點日', '處理或利用地區', '資料筆數'].sort());
    expect(new Set(errors.map((e) => `${e.line}|${e.column}`)).size).toBe(errors.length);
    for (const error of errors) {
      expect(error.line).toBe(2);
      expect(error.reason.zhTW).toMatch(/[\u4e00-\u9fff]/);
      expect(error.reason.en).toMatch(/[a-z]/);
    }
    expect(errors.find((e) => e.column === '筆數盤點日')!.reason.en).toContain('not a calendar date');
  });

  it('a file id that repeats an earlier row is reported once, naming the first line', () => {
    const records = exampleRecords();
    const csv = table([...inventoryHeaders], [records[0]!, records[0]!, records[0]!]);
    const [first, second, third] = rowLines(csv);
    const errors = errorsOf(importInventoryCsv(csv, lists));
    expect(errors.map((e) => [e.line, e.column, e.reason.en])).toEqual([
      [second, '業務流程/個資檔案名稱', `id 001-1 repeats line ${first}`],
      [third, '業務流程/個資檔案名稱', `id 001-1 repeats line ${first}`],
    ]);
  });
});

describe('lists: the separator rule', () => {
  const base = () => exampleRecords()[0]!;
  const importOne = (record: Record<string, string>) => filesOf(importInventoryCsv(table([...inventoryHeaders], [record]), lists)).files[0]!;

  it('、 inside a free-text item is text: one recipient, one category content; a line break separates', () => {
    const record = base();
    record['提供之第三方'] = '勞工保險局、衛生福利部中央健康保險署';
    expect(importOne(record).thirdPartyRecipients).toEqual(['勞工保險局、衛生福利部中央健康保險署']);
    record['提供之第三方'] = '勞工保險局\n衛生福利部中央健康保險署';
    expect(importOne(record).thirdPartyRecipients).toEqual(['勞工保險局', '衛生福利部中央健康保險署']);
    record['提供之第三方'] = 'A公司; B部門，C組';
    expect(importOne(record).thirdPartyRecipients).toEqual(['A公司; B部門，C組']);
    expect(importOne(base()).dataCategories[0]).toEqual({ code: 'C001', content: '姓名、地址、電話' });
  });

  it('特定目的: a whole code or name first (names may contain 、), then codes split on 、', () => {
    const record = base();
    record['特定目的'] = '契約、類似契約或其他法律關係事務';
    expect(importOne(record).specificPurposes).toEqual(['〇六九']);
    record['特定目的'] = '〇〇二、〇六九';
    expect(importOne(record).specificPurposes).toEqual(['〇〇二', '〇六九']);
    record['特定目的'] = '人事管理、契約、類似契約或其他法律關係事務';
    // Not one name, and its pieces split on 、 are not all names: refused rather than guessed.
    expect(errorsOf(importInventoryCsv(table([...inventoryHeaders], [record]), lists)).map((e) => e.column)).toEqual(['特定目的']);
    record['特定目的'] = '〇〇二 人事管理；〇六九 契約、類似契約或其他法律關係事務';
    expect(importOne(record).specificPurposes).toEqual(['〇〇二', '〇六九']);
    record['特定目的'] = '〇〇二 人事';
    expect(importOne(record).specificPurposes).toEqual(['〇〇二']);
  });

  it('特種個資 is a closed list: 、 ， , ; ； and line breaks all separate, since no label contains one', () => {
    for (const label of Object.values(specialCategoryLabels)) expect(label.zhTW).not.toMatch(CLOSED_LIST_SEPARATOR);
    const file = exampleFiles()[2]!;
    const [header, row] = exportInventoryRows([file], lists);
    for (const written of ['健康檢查、醫療', '健康檢查，醫療', '健康檢查;醫療', '健康檢查\n醫療']) {
      const cells = [...row!];
      cells[header!.indexOf('特種個資(第6條)')] = written;
      expect(filesOf(importInventoryCsv(serializeCsv([header!, cells]), lists)).files[0]!.specialCategories).toEqual(['healthExamination', 'medicalCare']);
    }
  });

  it('the export writes one item per line, so items with 、 ， ; round-trip exactly', () => {
    const file = personalDataFileSchema.parse({ ...exampleFiles()[0]!, thirdPartyRecipients: ['勞工保險局、健保署', 'A; B，C'], vendorIds: ['vnd_1、2'] });
    expect(filesOf(importInventoryCsv(exportInventoryCsv([file], lists), lists)).files).toEqual([file]);
  });
});

describe('委外廠商 links', () => {
  it('lists the vendor ids the table names, and reports each unknown one at its row and column', () => {
    const records = exampleRecords().slice(0, 3);
    records[0]!['委外廠商'] = 'vnd_a\nvnd_b';
    records[2]!['委外廠商'] = 'vnd_b';
    const csv = table([...inventoryHeaders], records);
    const lines = rowLines(csv);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error('csv');
    expect(referencedVendorIds(parsed.value)).toEqual(['vnd_a', 'vnd_b']);
    expect(filesOf(importInventoryCsv(csv, lists, { unknownVendorIds: new Set() })).files[0]!.vendorIds).toEqual(['vnd_a', 'vnd_b']);
    const errors = errorsOf(importInventoryCsv(csv, lists, { unknownVendorIds: new Set(['vnd_b']) }));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [lines[0], '委外廠商'],
      [lines[2], '委外廠商'],
    ]);
    expect(errors[0]!.reason).toEqual({ zhTW: '委外廠商 vnd_b 不在受託者清冊中，請先登錄該受託者', en: 'vendor vnd_b is not on the vendor register; register it first' });
  });
});
