/**
 * The inventory as a table (CSV/XLSX): the example plan's nine columns in its order and
 * wording, then our structured columns. Export and import are inverse: importing an export
 * gives back the same files. Import is all-or-nothing: every bad row is reported with its
 * line, column and reason, and no file is returned unless every row is valid. Import is
 * forgiving where the law allows: columns in any order, only the required ones needed (see
 * requiredInventoryColumns), ROC dates (tableDate.ts), 、 inside list items (see the list rule).
 */
import type { IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type Failure, type Outcome } from '../shared/outcome';
import type { SubjectAttribute } from '../risk/riskValue';
import { normalisePurposeCodeIfValid, specialCategoryKinds, specialCategoryLabels, type CodeLists, type SpecialCategoryKind } from './codeLists';
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
import { parseTableDate } from './tableDate';

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
  // Derived from the regions on export; optional on import, and ignored (with a note) when it disagrees.
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

/** Something the import did on its own (a default, an ignored system column); same shape as an error. */
export type InventoryImportNote = InventoryImportError;

export interface InventoryTableImport {
  files: PersonalDataFile[];
  notes: InventoryImportNote[];
}

/** The failure's `details` are every bad row (InventoryImportError[]). */
export type InventoryImportResult = Outcome<InventoryTableImport, 'inventoryImportRejected'>;

export interface InventoryImportOptions {
  /** The import day: the record-count date of rows that do not give one. Without it the date is required. */
  today?: IsoDate;
  /** 委外廠商 ids that name no vendor of the tenant (see referencedVendorIds); each is a row error. */
  unknownVendorIds?: ReadonlySet<string>;
}

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

/**
 * List cells. The separator rule (what the export writes, and what makes 、 unambiguous):
 *  - every list takes one item per line; a line break always separates items;
 *  - 、 and ， never separate items of free-text lists: 「姓名、地址、電話」 is one category's
 *    content and 「勞工保險局、健保署」 one recipient. Write two recipients on two lines;
 *  - 特定目的 also takes ； or ; between items, and a line such as 「〇〇二、〇六九」 is split on
 *    、/，/, only when the whole line is not itself a code or name and every piece is one;
 *  - 特種個資 is a closed list whose labels contain none of 、，,；; so any of them separates.
 */
const LINE_SEPARATOR = /\r\n|\r|\n/;
const PURPOSE_SEPARATOR = /\r\n|\r|\n|;|；/;
const PURPOSE_PIECE_SEPARATOR = /[、，,]/;
export const CLOSED_LIST_SEPARATOR = /[、，,；;\r\n]/;

const lines = (cell: string, separators: RegExp = LINE_SEPARATOR) =>
  cell
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function labelLookup<K extends string>(keys: readonly K[], labels: Record<K, LocalizedText>, value: string): K | undefined {
  const v = value.trim();
  return keys.find((k) => k === v || labels[k].zhTW === v || labels[k].en.toLowerCase() === v.toLowerCase());
}

const TAIWAN_ALIASES = /^(台灣|臺灣)(地區)?$/;
const PURPOSE_CODE_PREFIX = /^([〇一二三四五六七八九\d]{3})(?:\s+([\s\S]*))?$/;

/** One purpose written as its code, its code and name, or its name; undefined if it is none of those. */
function purposeOf(item: string, codeLists: CodeLists): string | undefined {
  const match = PURPOSE_CODE_PREFIX.exec(item);
  if (match) {
    const code = normalisePurposeCodeIfValid(match[1]!);
    const label = match[2]?.trim();
    if (!label || codeLists.specificPurposes.get(code)?.name === label) return code;
    return undefined;
  }
  return [...codeLists.specificPurposes.values()].find((entry) => entry.name === item)?.code;
}

function parsePurposes(cell: string, codeLists: CodeLists): string[] {
  return lines(cell, PURPOSE_SEPARATOR).flatMap((item) => {
    const whole = purposeOf(item, codeLists);
    if (whole) return [whole];
    const pieces = lines(item, PURPOSE_PIECE_SEPARATOR);
    const codes = pieces.map((piece) => purposeOf(piece, codeLists));
    if (pieces.length > 1 && codes.every((code) => code !== undefined)) return codes as string[];
    // A code followed by a label of the writer's own (e.g. an abbreviated name) still names the code.
    const prefixed = PURPOSE_CODE_PREFIX.exec(item);
    if (prefixed) return [normalisePurposeCodeIfValid(prefixed[1]!)];
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

function parseDateCell(column: InventoryColumnKey, cell: string): IsoDate | undefined {
  if (cell.trim() === '') return undefined;
  const parsed = parseTableDate(cell);
  if (!parsed.ok) throw new CellError(column, parsed.reason);
  return parsed.date;
}

function parseEnumCell<K extends string>(column: InventoryColumnKey, keys: readonly K[], labels: Record<K, LocalizedText>, cell: string): K | undefined {
  if (cell.trim() === '') return undefined;
  const key = labelLookup(keys, labels, cell);
  if (!key)
    throw new CellError(column, {
      zhTW: `「${cell.trim()}」不是允許的值（${keys.map((k) => labels[k].zhTW).join('、')}）`,
      en: `"${cell.trim()}" is not one of ${keys.join(', ')}`,
    });
  return key;
}

/** The cells of one row by column key, and the cell errors found so far (one per column). */
interface RowReader {
  get(key: InventoryColumnKey): string;
  /** Runs a cell parser; a CellError is recorded for its column and the field left out. */
  cell<T>(parse: () => T): T | undefined;
  errors: Map<InventoryColumnKey, LocalizedText>;
}

function parseReview(row: RowReader): unknown {
  const { get } = row;
  const decisionCell = get('reviewDecision').trim();
  if (decisionCell === '') {
    const stray = (['reviewDecidedOn', 'reviewDecidedBy', 'keepReasonCategory', 'reviewReason', 'reviewAgainOn'] as const).find((k) => get(k).trim() !== '');
    if (stray) throw new CellError('reviewDecision', { zhTW: '有審查資料但未填審查決定', en: 'review details given without a decision' });
    return undefined;
  }
  const decision = (Object.keys(reviewDecisionLabels) as (keyof typeof reviewDecisionLabels)[]).find((k) => k === decisionCell || reviewDecisionLabels[k] === decisionCell);
  if (!decision) throw new CellError('reviewDecision', { zhTW: `審查決定須為刪除、停止處理利用或保留`, en: 'decision must be delete, stop or keep' });
  const decidedOn = row.cell(() => parseDateCell('reviewDecidedOn', get('reviewDecidedOn')));
  const base = { decision, ...(decidedOn ? { decidedOn } : {}), decidedBy: get('reviewDecidedBy').trim() };
  const reason = optionalText(get('reviewReason'));
  if (decision !== 'keep') return reason === undefined ? base : { ...base, note: reason };
  const reasonCategory = row.cell(() => parseEnumCell<KeepReasonCategory>('keepReasonCategory', keepReasonCategories, keepReasonLabels, get('keepReasonCategory')));
  const again = row.cell(() => parseDateCell('reviewAgainOn', get('reviewAgainOn')));
  return { ...base, reasonCategory, reason, ...(again ? { reviewAgainOn: again } : {}) };
}

/** Columns whose cell may not be empty: what the law and the risk method need of every file. */
const REQUIRED_CELLS: readonly InventoryColumnKey[] = ['file', 'purposes', 'categories', 'intendedUse', 'legalBasis', 'regions', 'retention', 'recordCount', 'logLocation', 'subjectAttribute'];

function requireCell(row: RowReader, key: InventoryColumnKey): void {
  if (row.get(key).trim() !== '' || row.errors.has(key)) return;
  const header = inventoryColumns[columnIndex[key]].header;
  row.errors.set(key, { zhTW: `「${header}」必填`, en: `${header} is required` });
}

function rowToInput(row: RowReader, codeLists: CodeLists, today: IsoDate | undefined): unknown {
  const { get, cell } = row;
  for (const key of REQUIRED_CELLS) requireCell(row, key);
  const fileMatch = get('file').trim() === '' ? undefined : cell(() => {
    const match = /^(\d{3}(?:-\d{1,3})?)\s*([\s\S]+)$/.exec(get('file').trim());
    if (!match) throw new CellError('file', { zhTW: '須以編號開頭，如「001-1 員工基本資料」', en: 'must start with the file id, e.g. "001-1 員工基本資料"' });
    return match;
  });
  const legal = cell(() => parseLegalBasis(get('legalBasis')));
  const noticeMethod = cell(() => parseEnumCell<NoticeMethod>('noticeMethod', noticeMethods, noticeMethodLabels, get('noticeMethod')));
  const written = get('writtenConsent').trim();
  if (written !== '' && written !== YES && written !== NO) row.errors.set('writtenConsent', { zhTW: '須填「是」或「否」', en: 'must be 是 (yes) or 否 (no)' });
  const noticeChannel = optionalText(get('noticeChannel'));
  const dataSource = optionalText(get('dataSource'));
  if (!noticeMethod && !row.errors.has('noticeMethod') && (noticeChannel || dataSource || written !== ''))
    row.errors.set('noticeMethod', { zhTW: '有告知資料但未填告知方式', en: 'notice details given without the notice method' });
  const subjectAttribute = cell(() => parseEnumCell<SubjectAttribute>('subjectAttribute', subjectAttributes, subjectAttributeLabels, get('subjectAttribute')));
  const specialCategories = cell(() =>
    lines(get('specialCategories'), CLOSED_LIST_SEPARATOR).map((item) => parseEnumCell<SpecialCategoryKind>('specialCategories', specialCategoryKinds, specialCategoryLabels, item)!),
  );
  const statute = optionalText(get('statute'));
  const legalSource = optionalText(get('retentionSource'));
  const purposeEndsOn = cell(() => parseDateCell('purposeEndsOn', get('purposeEndsOn')));
  const retentionExpiresOn = cell(() => parseDateCell('retentionExpiresOn', get('retentionExpiresOn')));
  const recordCountAsOf = get('recordCountAsOf').trim() === '' ? today : cell(() => parseDateCell('recordCountAsOf', get('recordCountAsOf')));
  const review = cell(() => parseReview(row));
  const reviewDecision = (review as { decision?: 'delete' | 'stop' | 'keep' } | undefined)?.decision;
  return {
    id: fileMatch?.[1],
    name: fileMatch?.[2]!.trim(),
    specificPurposes: cell(() => parsePurposes(get('purposes'), codeLists)),
    dataCategories: cell(() => parseCategories(get('categories'))),
    specialCategories,
    intendedUse: get('intendedUse').trim(),
    legalBasis: {
      ...legal,
      ...(statute ? { statute } : {}),
      ...(noticeMethod
        ? { consentNotice: { method: noticeMethod, channel: noticeChannel ?? '', ...(dataSource ? { source: dataSource } : {}), writtenConsent: written === YES } }
        : {}),
    },
    subjectAttribute,
    regions: cell(() => parseRegions(get('regions'))),
    retention: { period: get('retention').trim(), ...(legalSource ? { legalSource } : {}) },
    recordCount: get('recordCount').trim() === '' ? undefined : cell(() => parseRecordCount(get('recordCount'))),
    recordCountAsOf,
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
// Headers match without spaces and with either width of parentheses: 特種個資（第6條） is 特種個資(第6條).
const normaliseHeader = (value: string) => value.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
const keyByHeader = new Map(inventoryColumns.map((c) => [normaliseHeader(c.header), c.key]));

/**
 * Columns an import must carry: the example's nine (seed 000 §3(3), what the MAC regulation asks
 * of an inventory) and 個資屬性, which the risk method scores. Every other column is optional: a
 * missing one reads as empty cells, and a missing 筆數盤點日 as the import day.
 */
export const requiredInventoryColumns: readonly InventoryColumnKey[] = REQUIRED_CELLS;
/** Computed by the system on export; on import optional, and ignored with a note when it disagrees. */
export const computedInventoryColumns: readonly InventoryColumnKey[] = ['crossBorder'];

/** Which column each header cell is; every header problem. */
function readHeader(header: TableRow): { columns: (InventoryColumnKey | null)[]; errors: InventoryImportError[] } {
  const errors: InventoryImportError[] = [];
  const seen = new Map<InventoryColumnKey, number>();
  const columns = header.cells.map((cell, index): InventoryColumnKey | null => {
    if (cell.trim() === '') return null;
    const key = keyByHeader.get(normaliseHeader(cell));
    if (!key) {
      errors.push({ line: header.line, column: cell.trim(), reason: { zhTW: `第${index + 1}欄「${cell.trim()}」不是盤點表的欄位`, en: `column ${index + 1} "${cell.trim()}" is not an inventory column` } });
      return null;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line: header.line, column: headerOf(key), reason: { zhTW: `第${index + 1}欄與第${first + 1}欄重複`, en: `column ${index + 1} repeats column ${first + 1}` } });
      return null;
    }
    seen.set(key, index);
    return key;
  });
  for (const key of requiredInventoryColumns)
    if (!seen.has(key)) errors.push({ line: header.line, column: headerOf(key), reason: { zhTW: `缺少必要欄位「${headerOf(key)}」`, en: `the required column "${headerOf(key)}" is missing` } });
  return { columns, errors };
}

/** An error once: the same line, column and reason are reported a single time. */
function pushOnce(errors: InventoryImportError[], error: InventoryImportError): void {
  if (!errors.some((e) => e.line === error.line && e.column === error.column && e.reason.en === error.reason.en)) errors.push(error);
}

/**
 * Validates every row and returns all files, or every error. The first non-blank row is the
 * header: columns are found by their header (any order); blank rows are skipped; line numbers
 * are the source's own (CSV line where the record starts, XLSX row number). Each cell is read on
 * its own, so one row can report several columns; a column with a cell error gets no second
 * error from the schema.
 */
export function importInventory(rows: readonly TableRow[], codeLists: CodeLists, options: InventoryImportOptions = {}): InventoryImportResult {
  const content = rows.filter((row) => !isBlankRow(row));
  const header = content[0];
  if (!header) return importRejected([{ line: 1, column: null, reason: { zhTW: '檔案沒有表頭', en: 'the file has no header row' } }]);
  const { columns, errors } = readHeader(header);
  if (errors.length > 0) return importRejected(errors);
  const indexOf = new Map(columns.flatMap((key, index) => (key === null ? [] : [[key, index] as const])));

  const files: PersonalDataFile[] = [];
  const notes: InventoryImportNote[] = [];
  const defaultedLines: number[] = [];
  const seenIds = new Map<string, number>();
  for (const row of content.slice(1)) {
    if (row.cells.some((cell, index) => columns[index] == null && cell.trim() !== '')) {
      errors.push({ line: row.line, column: null, reason: { zhTW: '此列有資料在沒有表頭的欄位', en: 'the row has cells under no header' } });
      continue;
    }
    const cellErrors = new Map<InventoryColumnKey, LocalizedText>();
    const get = (key: InventoryColumnKey) => {
      const index = indexOf.get(key);
      return index === undefined ? '' : unguardFormula(row.cells[index] ?? '');
    };
    const reader: RowReader = {
      get,
      errors: cellErrors,
      cell: (parse) => {
        try {
          return parse();
        } catch (error) {
          if (!(error instanceof CellError)) throw error;
          if (!cellErrors.has(error.column)) cellErrors.set(error.column, error.reason);
          return undefined;
        }
      },
    };
    const input = rowToInput(reader, codeLists, options.today);
    const result = validatePersonalDataFile(input, codeLists);
    const rowErrors: InventoryImportError[] = [...cellErrors].map(([key, reason]) => ({ line: row.line, column: headerOf(key), reason }));
    if (!result.ok) {
      for (const issue of fileIssuesOf(result)) {
        const key = columnForPath(issue.path);
        if (key !== null && cellErrors.has(key)) continue;
        pushOnce(rowErrors, { line: row.line, column: headerOf(key), reason: issue.message });
      }
    }
    if (options.unknownVendorIds) {
      for (const vendorId of lines(get('vendorIds')).filter((id) => options.unknownVendorIds!.has(id)))
        rowErrors.push({ line: row.line, column: headerOf('vendorIds'), reason: { zhTW: `委外廠商 ${vendorId} 不在受託者清冊中，請先登錄該受託者`, en: `vendor ${vendorId} is not on the vendor register; register it first` } });
    }
    if (rowErrors.length > 0 || !result.ok) {
      errors.push(...rowErrors);
      continue;
    }
    const file = result.value;
    const firstLine = seenIds.get(file.id);
    if (firstLine !== undefined) {
      errors.push({ line: row.line, column: headerOf('file'), reason: { zhTW: `編號 ${file.id} 與第${firstLine}行重複`, en: `id ${file.id} repeats line ${firstLine}` } });
      continue;
    }
    seenIds.set(file.id, row.line);
    if (get('recordCountAsOf').trim() === '') defaultedLines.push(row.line);
    const crossBorderCell = get('crossBorder').trim();
    const crossBorder = isCrossBorder(file) ? YES : NO;
    if (crossBorderCell !== '' && crossBorderCell !== crossBorder)
      notes.push({
        line: row.line,
        column: headerOf('crossBorder'),
        reason: {
          zhTW: `國際傳輸(系統判定)填「${crossBorderCell}」，依處理或利用地區應為「${crossBorder}」；此欄由系統判定，已略過`,
          en: `國際傳輸(系統判定) says "${crossBorderCell}" but the regions make it "${crossBorder}"; the system computes this column, so the cell was ignored`,
        },
      });
    files.push(file);
  }
  if (errors.length > 0) return importRejected(errors);
  if (defaultedLines.length > 0 && options.today)
    notes.unshift({
      line: header.line,
      column: headerOf('recordCountAsOf'),
      reason: {
        zhTW: `${defaultedLines.length} 列未填筆數盤點日，以匯入日 ${options.today} 記錄（第${defaultedLines.join('、')}行）`,
        en: `${defaultedLines.length} row(s) gave no record-count date; the import day ${options.today} was recorded (lines ${defaultedLines.join(', ')})`,
      },
    });
  return ok({ files, notes });
}

/** Every id in the 委外廠商 column (before any other check), so the caller can look them up first. */
export function referencedVendorIds(rows: readonly TableRow[]): string[] {
  const content = rows.filter((row) => !isBlankRow(row));
  const header = content[0];
  if (!header) return [];
  const index = header.cells.findIndex((cell) => keyByHeader.get(normaliseHeader(cell)) === 'vendorIds');
  if (index < 0) return [];
  return [...new Set(content.slice(1).flatMap((row) => lines(unguardFormula(row.cells[index] ?? ''))))];
}

export function importInventoryCsv(text: string, codeLists: CodeLists, options: InventoryImportOptions = {}): InventoryImportResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return importRejected([{ line: (parsed.error.details as CsvSyntaxError).line, column: null, reason: parsed.error.message }]);
  return importInventory(parsed.value, codeLists, options);
}
