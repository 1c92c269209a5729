/**
 * The inventory as a table (CSV/XLSX): the example plan's nine columns in its order and
 * wording, then our structured columns. Export and import are inverse: importing an export
 * gives back the same files. Import is all-or-nothing: every bad row is reported with its
 * line, column and reason, and no file is returned unless every row is valid.
 */
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type Failure, type Outcome } from '../shared/outcome';
import type { SubjectAttribute } from '../risk/riskValue';
import { specialCategoryKinds, specialCategoryLabels, type CodeLists, type SpecialCategoryKind } from './codeLists';
import { isBlankRow, parseCsv, serializeCsv, type CsvSyntaxError, type TableRow } from './csv';
import {
  art19Bases,
  art6Provisos,
  isCrossBorder,
  noticeMethodLabels,
  noticeMethods,
  regionRoleLabels,
  regionRoles,
  subjectAttributeLabels,
  subjectAttributes,
  fileIssuesOf,
  validatePersonalDataFile,
  type NoticeMethod,
  type PersonalDataFile,
  type RegionRole,
} from './personalDataFile';
import { keepReasonCategories, keepReasonLabels, type KeepReasonCategory } from './purposeReviewDecision';

/** Column keys in table order; the first nine are the example's (seed 000 §3(3)). */
export const inventoryColumns = [
  { key: 'file', header: '業務流程/個資檔案名稱' },
  { key: 'purposes', header: '特定目的' },
  { key: 'categories', header: '個人資料類別及內容' },
  { key: 'intendedUse', header: '預計處理或利用方式' },
  { key: 'legalBasis', header: '法律依據' },
  { key: 'regions', header: '處理或利用地區' },
  { key: 'retention', header: '處理或利用期間' },
  { key: 'recordCount', header: '資料筆數' },
  { key: 'logLocation', header: '處理及利用軌跡紀錄存放位置' },
  { key: 'subjectAttribute', header: '個資屬性' },
  { key: 'specialCategories', header: '特種個資(第6條)' },
  { key: 'statute', header: '法律依據之法規名稱' },
  { key: 'noticeMethod', header: '告知方式' },
  { key: 'noticeChannel', header: '告知管道' },
  { key: 'dataSource', header: '個資來源' },
  { key: 'writtenConsent', header: '書面同意' },
  { key: 'retentionSource', header: '期間之法令依據' },
  { key: 'recordCountAsOf', header: '筆數盤點日' },
  { key: 'vendorIds', header: '委外廠商' },
  { key: 'recipients', header: '提供之第三方' },
  { key: 'purposeEndsOn', header: '特定目的消失日' },
  { key: 'retentionExpiresOn', header: '保存期限屆滿日' },
  { key: 'reviewDecision', header: '審查決定' },
  { key: 'reviewDecidedOn', header: '決定日' },
  { key: 'reviewDecidedBy', header: '決定人' },
  { key: 'keepReasonCategory', header: '保留理由類別' },
  { key: 'reviewReason', header: '保留理由或備註' },
  { key: 'reviewAgainOn', header: '再審查日' },
  // Derived from the regions on export; ignored on import.
  { key: 'crossBorder', header: '國際傳輸(系統判定)' },
] as const;
export type InventoryColumnKey = (typeof inventoryColumns)[number]['key'];
export const inventoryHeaders: readonly string[] = inventoryColumns.map((c) => c.header);

const columnIndex = Object.fromEntries(inventoryColumns.map((c, i) => [c.key, i])) as Record<InventoryColumnKey, number>;

const reviewDecisionLabels = { delete: '刪除', stop: '停止處理利用', keep: '保留' } as const;
const YES = '是';
const NO = '否';

// Excel runs a cell starting with = + - @ as a formula (CSV injection); such text is written
// with a leading apostrophe, which import strips again so the round trip is exact.
const FORMULA_START = /^'*[=+\-@\t\r]/;
function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
function unguardFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value;
}

/** One table row per file, in column order. */
export function inventoryFileToCells(file: PersonalDataFile, codeLists: CodeLists): string[] {
  const cells: Record<InventoryColumnKey, string> = {
    file: `${file.id} ${file.name}`,
    purposes: file.specificPurposes.map((code) => [code, codeLists.specificPurposes.get(code)?.name].filter(Boolean).join(' ')).join('\n'),
    categories: file.dataCategories.map((item) => `${item.code} ${codeLists.dataCategories.get(item.code)?.name ?? ''}：${item.content}`).join('\n'),
    intendedUse: file.intendedUse,
    legalBasis: [
      ...file.legalBasis.art19.map((n) => `個資法第19條第1項第${n}款(${art19Bases[n]!.zhTW})`),
      ...file.legalBasis.art6.map((n) => `個資法第6條第1項第${n}款(${art6Provisos[n]!.zhTW})`),
    ].join('\n'),
    regions: file.regions.map((r) => [regionRoleLabels[r.role].zhTW, r.country, r.cloudRegion].filter(Boolean).join(' ')).join('\n'),
    retention: file.retention.period,
    recordCount: String(file.recordCount),
    logLocation: file.logLocation,
    subjectAttribute: subjectAttributeLabels[file.subjectAttribute].zhTW,
    specialCategories: file.specialCategories.map((k) => specialCategoryLabels[k].zhTW).join('、'),
    statute: file.legalBasis.statute ?? '',
    noticeMethod: file.legalBasis.consentNotice ? noticeMethodLabels[file.legalBasis.consentNotice.method].zhTW : '',
    noticeChannel: file.legalBasis.consentNotice?.channel ?? '',
    dataSource: file.legalBasis.consentNotice?.source ?? '',
    writtenConsent: file.legalBasis.consentNotice ? (file.legalBasis.consentNotice.writtenConsent ? YES : NO) : '',
    retentionSource: file.retention.legalSource ?? '',
    recordCountAsOf: file.recordCountAsOf,
    vendorIds: file.vendorIds.join('\n'),
    recipients: file.thirdPartyRecipients.join('\n'),
    purposeEndsOn: file.purposeEndsOn ?? '',
    retentionExpiresOn: file.retentionExpiresOn ?? '',
    reviewDecision: file.purposeReview ? reviewDecisionLabels[file.purposeReview.decision] : '',
    reviewDecidedOn: file.purposeReview?.decidedOn ?? '',
    reviewDecidedBy: file.purposeReview?.decidedBy ?? '',
    keepReasonCategory: file.purposeReview?.decision === 'keep' ? keepReasonLabels[file.purposeReview.reasonCategory].zhTW : '',
    reviewReason: file.purposeReview ? ((file.purposeReview.decision === 'keep' ? file.purposeReview.reason : file.purposeReview.note) ?? '') : '',
    reviewAgainOn: file.purposeReview?.decision === 'keep' ? (file.purposeReview.reviewAgainOn ?? '') : '',
    crossBorder: isCrossBorder(file) ? YES : NO,
  };
  return inventoryColumns.map((c) => cells[c.key]);
}

/** Header row plus one row per file. */
export function exportInventoryRows(files: readonly PersonalDataFile[], codeLists: CodeLists): string[][] {
  return [[...inventoryHeaders], ...files.map((file) => inventoryFileToCells(file, codeLists))];
}

export function exportInventoryCsv(files: readonly PersonalDataFile[], codeLists: CodeLists): string {
  return serializeCsv(exportInventoryRows(files, codeLists).map((row) => row.map(guardFormula)));
}

export interface InventoryImportError {
  /** Line (CSV) or row number (XLSX), 1-based, header included. */
  line: number;
  /** Header of the column at fault, or null for the whole row. */
  column: string | null;
  reason: LocalizedText;
}

/** The failure's `details` are every bad row (InventoryImportError[]). */
export type InventoryImportResult = Outcome<PersonalDataFile[], 'inventoryImportRejected'>;

/** Rejects the whole file, listing every bad row; the message counts the bad rows. */
export function importRejected(errors: readonly InventoryImportError[]): Failure<'inventoryImportRejected'> {
  const rows = new Set(errors.map((e) => e.line)).size;
  return fail('invalid', 'inventoryImportRejected', { zhTW: `匯入檔有 ${rows} 列錯誤，未寫入任何資料`, en: `${rows} row(s) are bad; nothing was written` }, { details: [...errors] });
}

/** The bad rows of a rejected import. */
export function importErrorsOf(failure: Failure): InventoryImportError[] {
  return (failure.error.details as InventoryImportError[] | undefined) ?? [];
}

class CellError extends Error {
  constructor(
    readonly column: InventoryColumnKey,
    readonly reason: LocalizedText,
  ) {
    super(reason.en);
  }
}

const CHINESE_DIGIT = '〇一二三四五六七八九';
function digitValue(ch: string): number {
  return /\d/.test(ch) ? Number(ch) : CHINESE_DIGIT.indexOf(ch);
}

const lines = (cell: string, separators = /\r\n|\r|\n/) =>
  cell
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function labelLookup<K extends string>(keys: readonly K[], labels: Record<K, LocalizedText>, value: string): K | undefined {
  const v = value.trim();
  return keys.find((k) => k === v || labels[k].zhTW === v || labels[k].en.toLowerCase() === v.toLowerCase());
}

const TAIWAN_ALIASES = /^(台灣|臺灣)(地區)?$/;

function parsePurposes(cell: string, codeLists: CodeLists): string[] {
  return lines(cell, /\r\n|\r|\n|;|；/).map((item) => {
    const match = /^([〇一二三四五六七八九\d]{3})(?:\s|$)/.exec(item);
    if (match) return match[1]!;
    // A name without its code is looked up in the merged code list.
    const byName = [...codeLists.specificPurposes.values()].find((entry) => entry.name === item);
    if (byName) return byName.code;
    throw new CellError('purposes', { zhTW: `無法辨識特定目的「${item}」，請填代號（如 〇〇二）`, en: `cannot read specific purpose "${item}"; give its code (e.g. 〇〇二)` });
  });
}

function parseCategories(cell: string): { code: string; content: string }[] {
  return lines(cell).map((item) => {
    const match = /^(C\d{3})\s*(?:[^：:]*[：:])?\s*(.*)$/.exec(item);
    if (!match || match[2] === '')
      throw new CellError('categories', { zhTW: `個資類別「${item}」須為「代號 名稱：內容」`, en: `data category "${item}" must read "code name: content"` });
    return { code: match[1]!, content: match[2]! };
  });
}

function parseLegalBasis(cell: string): { art19: number[]; art6: number[] } {
  const art19: number[] = [];
  const art6: number[] = [];
  for (const item of lines(cell)) {
    const match = /第\s*(19|十九|6|六)\s*條\s*第\s*(?:1|一)\s*項\s*第\s*([1-8一二三四五六七八])\s*款/.exec(item);
    if (!match)
      throw new CellError('legalBasis', {
        zhTW: `法律依據「${item}」須寫成「個資法第19條第1項第N款」或「個資法第6條第1項第N款」`,
        en: `legal basis "${item}" must read 個資法第19條第1項第N款 or 個資法第6條第1項第N款`,
      });
    const n = digitValue(match[2]!);
    if (match[1] === '19' || match[1] === '十九') art19.push(n);
    else if (n <= 6) art6.push(n);
    else throw new CellError('legalBasis', { zhTW: `第6條第1項無第${n}款`, en: `Art. 6 ¶1 has no subparagraph ${n}` });
  }
  return { art19, art6 };
}

function parseRegions(cell: string): { country: string; cloudRegion?: string; role: RegionRole }[] {
  return lines(cell).map((item) => {
    if (TAIWAN_ALIASES.test(item)) return { country: 'TW', role: 'processingAndStorage' as const };
    const match = /^(處理及儲存|處理|儲存)?\s*([A-Z]{2})(?:\s+(\S+))?$/.exec(item);
    if (!match)
      throw new CellError('regions', { zhTW: `地區「${item}」須為「處理及儲存 TW asia-east1」格式`, en: `region "${item}" must read like "處理及儲存 TW asia-east1"` });
    const role = match[1] ? regionRoles.find((r) => regionRoleLabels[r].zhTW === match[1])! : 'processingAndStorage';
    return match[3] ? { country: match[2]!, cloudRegion: match[3], role } : { country: match[2]!, role };
  });
}

function optionalText(cell: string): string | undefined {
  return cell.trim() === '' ? undefined : cell.trim();
}

function parseRecordCount(cell: string): number {
  const text = cell.trim().replace(/,/g, '');
  if (!/^\d+$/.test(text)) throw new CellError('recordCount', { zhTW: `資料筆數「${cell}」須為整數`, en: `record count "${cell}" must be a whole number` });
  return Number(text);
}

function parseEnumCell<K extends string>(column: InventoryColumnKey, keys: readonly K[], labels: Record<K, LocalizedText>, cell: string): K | undefined {
  if (cell.trim() === '') return undefined;
  const key = labelLookup(keys, labels, cell);
  if (!key)
    throw new CellError(column, {
      zhTW: `「${cell}」不是允許的值（${keys.map((k) => labels[k].zhTW).join('、')}）`,
      en: `"${cell}" is not one of ${keys.join(', ')}`,
    });
  return key;
}

function parseReview(get: (key: InventoryColumnKey) => string): unknown {
  const decisionCell = get('reviewDecision').trim();
  if (decisionCell === '') {
    const stray = (['reviewDecidedOn', 'reviewDecidedBy', 'keepReasonCategory', 'reviewReason', 'reviewAgainOn'] as const).find((k) => get(k).trim() !== '');
    if (stray) throw new CellError('reviewDecision', { zhTW: '有審查資料但未填審查決定', en: 'review details given without a decision' });
    return undefined;
  }
  const decision = (Object.keys(reviewDecisionLabels) as (keyof typeof reviewDecisionLabels)[]).find((k) => k === decisionCell || reviewDecisionLabels[k] === decisionCell);
  if (!decision) throw new CellError('reviewDecision', { zhTW: `審查決定須為刪除、停止處理利用或保留`, en: 'decision must be delete, stop or keep' });
  const base = { decision, decidedOn: get('reviewDecidedOn').trim(), decidedBy: get('reviewDecidedBy').trim() };
  const reason = optionalText(get('reviewReason'));
  if (decision !== 'keep') return reason === undefined ? base : { ...base, note: reason };
  const reasonCategory = parseEnumCell<KeepReasonCategory>('keepReasonCategory', keepReasonCategories, keepReasonLabels, get('keepReasonCategory'));
  const again = optionalText(get('reviewAgainOn'));
  return { ...base, reasonCategory, reason, ...(again ? { reviewAgainOn: again } : {}) };
}

function rowToInput(get: (key: InventoryColumnKey) => string, codeLists: CodeLists): unknown {
  const fileMatch = /^(\d{3}(?:-\d{1,3})?)\s*([\s\S]+)$/.exec(get('file').trim());
  if (!fileMatch) throw new CellError('file', { zhTW: '須以編號開頭，如「001-1 員工基本資料」', en: 'must start with the file id, e.g. "001-1 員工基本資料"' });
  const { art19, art6 } = parseLegalBasis(get('legalBasis'));
  const noticeMethod = parseEnumCell<NoticeMethod>('noticeMethod', noticeMethods, noticeMethodLabels, get('noticeMethod'));
  const written = get('writtenConsent').trim();
  if (written !== '' && written !== YES && written !== NO) throw new CellError('writtenConsent', { zhTW: '須填「是」或「否」', en: 'must be 是 (yes) or 否 (no)' });
  const noticeChannel = optionalText(get('noticeChannel'));
  const dataSource = optionalText(get('dataSource'));
  if (!noticeMethod && (noticeChannel || dataSource || written !== ''))
    throw new CellError('noticeMethod', { zhTW: '有告知資料但未填告知方式', en: 'notice details given without the notice method' });
  const subjectAttribute = parseEnumCell<SubjectAttribute>('subjectAttribute', subjectAttributes, subjectAttributeLabels, get('subjectAttribute'));
  const specialCategories = lines(get('specialCategories'), /[、,，\r\n]/).map(
    (item) => parseEnumCell<SpecialCategoryKind>('specialCategories', specialCategoryKinds, specialCategoryLabels, item)!,
  );
  const statute = optionalText(get('statute'));
  const legalSource = optionalText(get('retentionSource'));
  const purposeEndsOn = optionalText(get('purposeEndsOn'));
  const retentionExpiresOn = optionalText(get('retentionExpiresOn'));
  const review = parseReview(get);
  const reviewDecision = (review as { decision?: 'delete' | 'stop' | 'keep' } | undefined)?.decision;
  return {
    id: fileMatch[1],
    name: fileMatch[2]!.trim(),
    specificPurposes: parsePurposes(get('purposes'), codeLists),
    dataCategories: parseCategories(get('categories')),
    specialCategories,
    intendedUse: get('intendedUse').trim(),
    legalBasis: {
      art19,
      art6,
      ...(statute ? { statute } : {}),
      ...(noticeMethod
        ? { consentNotice: { method: noticeMethod, channel: noticeChannel ?? '', ...(dataSource ? { source: dataSource } : {}), writtenConsent: written === YES } }
        : {}),
    },
    subjectAttribute,
    regions: parseRegions(get('regions')),
    retention: { period: get('retention').trim(), ...(legalSource ? { legalSource } : {}) },
    recordCount: parseRecordCount(get('recordCount')),
    recordCountAsOf: get('recordCountAsOf').trim(),
    logLocation: get('logLocation').trim(),
    vendorIds: lines(get('vendorIds')),
    thirdPartyRecipients: lines(get('recipients')),
    ...(purposeEndsOn ? { purposeEndsOn } : {}),
    ...(retentionExpiresOn ? { retentionExpiresOn } : {}),
    status: reviewDecision === 'delete' ? 'deleted' : reviewDecision === 'stop' ? 'processingStopped' : 'active',
    ...(review ? { purposeReview: review } : {}),
  };
}

/** Maps a schema issue path to the table column it came from. */
function columnForPath(path: (string | number)[]): InventoryColumnKey | null {
  const [head, second, third] = path;
  switch (head) {
    case 'id':
    case 'name':
      return 'file';
    case 'specificPurposes':
      return 'purposes';
    case 'dataCategories':
      return 'categories';
    case 'specialCategories':
      return 'specialCategories';
    case 'intendedUse':
      return 'intendedUse';
    case 'legalBasis':
      if (second === 'statute') return 'statute';
      if (second === 'consentNotice') {
        if (third === 'channel') return 'noticeChannel';
        if (third === 'source') return 'dataSource';
        if (third === 'writtenConsent') return 'writtenConsent';
        return 'noticeMethod';
      }
      return 'legalBasis';
    case 'subjectAttribute':
      return 'subjectAttribute';
    case 'regions':
      return 'regions';
    case 'retention':
      return second === 'legalSource' ? 'retentionSource' : 'retention';
    case 'recordCount':
      return 'recordCount';
    case 'recordCountAsOf':
      return 'recordCountAsOf';
    case 'logLocation':
      return 'logLocation';
    case 'vendorIds':
      return 'vendorIds';
    case 'thirdPartyRecipients':
      return 'recipients';
    case 'purposeEndsOn':
      return 'purposeEndsOn';
    case 'retentionExpiresOn':
      return 'retentionExpiresOn';
    case 'status':
      return 'reviewDecision';
    case 'purposeReview': {
      const map: Record<string, InventoryColumnKey> = {
        decidedOn: 'reviewDecidedOn',
        decidedBy: 'reviewDecidedBy',
        reasonCategory: 'keepReasonCategory',
        reason: 'reviewReason',
        note: 'reviewReason',
        reviewAgainOn: 'reviewAgainOn',
      };
      return map[String(second)] ?? 'reviewDecision';
    }
    default:
      return null;
  }
}

const headerOf = (key: InventoryColumnKey | null) => (key === null ? null : inventoryColumns[columnIndex[key]].header);
const normaliseHeader = (value: string) => value.replace(/\s+/g, '');

/**
 * Validates every row and returns all files, or every error. The first non-blank row is the
 * header and must carry our columns in order; blank rows are skipped; line numbers are the
 * source's own (CSV line where the record starts, XLSX row number).
 */
export function importInventory(rows: readonly TableRow[], codeLists: CodeLists): InventoryImportResult {
  const content = rows.filter((row) => !isBlankRow(row));
  const header = content[0];
  if (!header) return importRejected([{ line: 1, column: null, reason: { zhTW: '檔案沒有表頭', en: 'the file has no header row' } }]);
  const errors: InventoryImportError[] = [];
  inventoryHeaders.forEach((expected, index) => {
    const actual = header.cells[index] ?? '';
    if (normaliseHeader(actual) !== normaliseHeader(expected))
      errors.push({ line: header.line, column: expected, reason: { zhTW: `第${index + 1}欄表頭應為「${expected}」，實為「${actual}」`, en: `column ${index + 1} header must be "${expected}", found "${actual}"` } });
  });
  if (header.cells.slice(inventoryHeaders.length).some((cell) => cell.trim() !== ''))
    errors.push({ line: header.line, column: null, reason: { zhTW: '表頭有多餘的欄位', en: 'the header has extra columns' } });
  if (errors.length > 0) return importRejected(errors);

  const files: PersonalDataFile[] = [];
  const seenIds = new Map<string, number>();
  for (const row of content.slice(1)) {
    if (row.cells.slice(inventoryHeaders.length).some((cell) => cell.trim() !== '')) {
      errors.push({ line: row.line, column: null, reason: { zhTW: '此列的欄位比表頭多', en: 'the row has more cells than the header' } });
      continue;
    }
    const get = (key: InventoryColumnKey) => unguardFormula(row.cells[columnIndex[key]] ?? '');
    let input: unknown;
    try {
      input = rowToInput(get, codeLists);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      errors.push({ line: row.line, column: headerOf(error.column), reason: error.reason });
      continue;
    }
    const result = validatePersonalDataFile(input, codeLists);
    if (!result.ok) {
      for (const issue of fileIssuesOf(result)) errors.push({ line: row.line, column: headerOf(columnForPath(issue.path)), reason: issue.message });
      continue;
    }
    const file = result.value;
    const firstLine = seenIds.get(file.id);
    if (firstLine !== undefined) {
      errors.push({
        line: row.line,
        column: headerOf('file'),
        reason: { zhTW: `編號 ${file.id} 與第${firstLine}行重複`, en: `id ${file.id} repeats line ${firstLine}` },
      });
      continue;
    }
    seenIds.set(file.id, row.line);
    files.push(file);
  }
  return errors.length > 0 ? importRejected(errors) : ok(files);
}

export function importInventoryCsv(text: string, codeLists: CodeLists): InventoryImportResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return importRejected([{ line: (parsed.error.details as CsvSyntaxError).line, column: null, reason: parsed.error.message }]);
  return importInventory(parsed.value, codeLists);
}
