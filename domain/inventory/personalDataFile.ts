/**
 * One row of the personal-data inventory (個資盤點表, example plan §3(3); MAC regulation Art. 4):
 * a business process or personal-data file, what it holds, why, on which legal basis, where,
 * how long, how many records and where its processing logs are kept.
 */
import { z } from 'zod';
import { isIsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type DomainErrorKind, type Outcome } from '../shared/outcome';
import type { DataSensitivity, SubjectAttribute } from '../risk/riskValue';
import {
  DATA_CATEGORY_CODE_PATTERN,
  PURPOSE_CODE_INPUT_PATTERN,
  isDataCategoryCode,
  isPurposeCode,
  normalisePurposeCodeIfValid,
  specialCategoryKindSchema,
  type CodeLists,
  type SpecialCategoryKind,
} from './codeLists';
import { fieldIssueDetails, fieldIssuesOf, type FieldIssue } from './fieldIssues';
import { purposeReviewDecisionSchema } from './purposeReviewDecision';

export const isoDateSchema = z.string().refine(isIsoDate, 'a calendar date YYYY-MM-DD').describe('Calendar date YYYY-MM-DD');

/** 001, 001-1 … as numbered in the example table. */
export const FILE_ID_PATTERN = /^\d{3}(?:-\d{1,3})?$/;

export const subjectAttributes = ['employee', 'consumer', 'customerOrSupplierContact', 'hostedCustomersConsumer'] as const satisfies readonly SubjectAttribute[];
export const subjectAttributeLabels: Record<SubjectAttribute, LocalizedText> = {
  employee: { zhTW: '所屬人員', en: 'employees' },
  consumer: { zhTW: '消費者', en: 'consumers' },
  customerOrSupplierContact: { zhTW: '客戶、供應商聯繫窗口', en: 'customer or supplier contacts' },
  hostedCustomersConsumer: { zhTW: '代管客戶之消費者', en: "hosted customers' consumers" },
};

/** PDPA Art. 19 ¶1 subparagraphs (bases for general data held by a non-government body). */
export const art19Bases: Record<number, LocalizedText> = {
  1: { zhTW: '法律明文規定', en: 'expressly required by law' },
  2: { zhTW: '契約或類似契約關係', en: 'contract or quasi-contract' },
  3: { zhTW: '當事人自行公開或已合法公開', en: 'made public by the subject or lawfully public' },
  4: { zhTW: '學術研究', en: 'academic research' },
  5: { zhTW: '當事人同意', en: "data subject's consent" },
  6: { zhTW: '增進公共利益所必要', en: 'necessary for public interest' },
  7: { zhTW: '取自一般可得之來源', en: 'generally available source' },
  8: { zhTW: '對當事人權益無侵害', en: "no harm to the subject's rights" },
};

/** PDPA Art. 6 ¶1 provisos (the only bases for special-category data). */
export const art6Provisos: Record<number, LocalizedText> = {
  1: { zhTW: '法律明文規定', en: 'expressly required by law' },
  2: { zhTW: '履行法定義務必要範圍內', en: 'necessary to perform a legal obligation' },
  3: { zhTW: '當事人自行公開或已合法公開', en: 'made public by the subject or lawfully public' },
  4: { zhTW: '統計或學術研究且無從識別', en: 'statistics or research, not identifiable' },
  5: { zhTW: '協助履行法定義務必要範圍內', en: 'assisting a legal obligation' },
  6: { zhTW: '當事人書面同意', en: "data subject's written consent" },
};

export const noticeMethods = ['art8Direct', 'art9Indirect'] as const;
export type NoticeMethod = (typeof noticeMethods)[number];
export const noticeMethodLabels: Record<NoticeMethod, LocalizedText> = {
  art8Direct: { zhTW: '直接蒐集告知(第8條)', en: 'direct collection notice (Art. 8)' },
  art9Indirect: { zhTW: '間接蒐集告知(第9條)', en: 'indirect collection notice (Art. 9)' },
};

export const regionRoles = ['processing', 'storage', 'processingAndStorage'] as const;
export type RegionRole = (typeof regionRoles)[number];
export const regionRoleLabels: Record<RegionRole, LocalizedText> = {
  processing: { zhTW: '處理', en: 'processing' },
  storage: { zhTW: '儲存', en: 'storage' },
  processingAndStorage: { zhTW: '處理及儲存', en: 'processing and storage' },
};

export const fileStatuses = ['active', 'processingStopped', 'deleted'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
// List items are one line each: the table writes lists one item per line.
const singleLine = (max: number) => text(max).regex(/^[^\r\n]*$/, 'one line, no line breaks');

const purposeCodeSchema = z
  .string()
  .trim()
  .regex(PURPOSE_CODE_INPUT_PATTERN, 'three digits, Chinese (〇〇二) or Arabic (002)')
  .refine(isPurposeCode, 'code 000 does not exist')
  .overwrite(normalisePurposeCodeIfValid)
  .describe('特定目的代號 〇〇二 (002 accepted)');

export const dataCategoryItemSchema = z
  .object({
    code: z.string().regex(DATA_CATEGORY_CODE_PATTERN, 'C followed by three digits').refine(isDataCategoryCode, 'C000 does not exist').describe('個人資料類別代號 C001…'),
    content: singleLine(500).describe('個資內容, e.g. 姓名、地址、電話'),
  })
  .strict();

export const consentNoticeSchema = z
  .object({
    method: z.enum(noticeMethods).describe('Art. 8 (collected from the subject) or Art. 9 (from elsewhere)'),
    channel: text(500).describe('How the notice was given, e.g. 官網註冊頁面勾選'),
    source: text(200).optional().describe('Where the data came from (required for Art. 9 notice)'),
    writtenConsent: z.boolean().default(false).describe('Consent given in writing (needed for Art. 6 ¶1 ⑥)'),
  })
  .strict();

export const legalBasisSchema = z
  .object({
    art19: z.array(z.number().int().min(1).max(8)).max(8).default([]).describe('PDPA Art. 19 ¶1 subparagraphs 1–8 (general data)'),
    art6: z.array(z.number().int().min(1).max(6)).max(6).default([]).describe('PDPA Art. 6 ¶1 provisos 1–6 (special data)'),
    statute: text(300).optional().describe('The law relied on, when the basis is a legal requirement'),
    consentNotice: consentNoticeSchema.optional().describe('How notice was given, when the basis is consent'),
  })
  .strict();

export const processingRegionSchema = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code').describe('Country code, TW for Taiwan'),
    cloudRegion: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'cloud region id like ap-east-2').optional().describe('Cloud region, e.g. asia-east1'),
    role: z.enum(regionRoles).default('processingAndStorage').describe('Processing, storage or both'),
  })
  .strict();

export const retentionSchema = z
  .object({
    period: text(300).describe('處理或利用期間 as written, e.g. 離職後5年'),
    legalSource: text(300).optional().describe('Law or contract the period comes from'),
  })
  .strict();

const uniqueBy =
  <T>(key: (item: T) => string) =>
  (items: T[]) =>
    new Set(items.map(key)).size === items.length;

export const personalDataFileSchema = z
  .object({
    id: z.string().regex(FILE_ID_PATTERN, 'like 001 or 001-1').describe('編號, e.g. 001-1'),
    name: text(200).describe('業務流程/個資檔案名稱'),
    specificPurposes: z.array(purposeCodeSchema).min(1).max(50).refine(uniqueBy((c: string) => c), 'duplicate purpose code').describe('特定目的代號'),
    dataCategories: z.array(dataCategoryItemSchema).min(1).max(50).refine(uniqueBy((c: { code: string }) => c.code), 'duplicate category code').describe('個人資料類別及內容'),
    specialCategories: z.array(specialCategoryKindSchema).max(6).default([]).refine(uniqueBy((c: string) => c), 'duplicate special category').describe('Art. 6 special categories held'),
    intendedUse: text(1000).describe('預計處理或利用方式'),
    legalBasis: legalBasisSchema,
    subjectAttribute: z.enum(subjectAttributes).describe('個資屬性: whose data it is'),
    regions: z.array(processingRegionSchema).min(1).max(20).describe('處理或利用地區'),
    retention: retentionSchema,
    recordCount: z.number().int().min(0).max(1_000_000_000).describe('資料筆數'),
    recordCountAsOf: isoDateSchema.describe('Date the records were counted'),
    logLocation: text(500).describe('處理及利用軌跡紀錄存放位置'),
    vendorIds: z.array(singleLine(100)).max(100).default([]).describe('Processors (委外廠商) by vendor id'),
    thirdPartyRecipients: z.array(singleLine(200)).max(100).default([]).describe('Third parties the data is provided to'),
    purposeEndsOn: isoDateSchema.optional().describe('Date the specific purpose ends (Art. 11 ¶3)'),
    retentionExpiresOn: isoDateSchema.optional().describe('Last day of the retention period'),
    status: z.enum(fileStatuses).default('active').describe('active, processingStopped or deleted'),
    purposeReview: purposeReviewDecisionSchema.optional().describe('Latest Art. 11 ¶3 review decision'),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const issue of personalDataFileRuleIssues(file)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message.en, params: { zhTW: issue.message.zhTW } });
  });

export type PersonalDataFile = z.output<typeof personalDataFileSchema>;
export type PersonalDataFileInput = z.input<typeof personalDataFileSchema>;
export type LegalBasis = z.output<typeof legalBasisSchema>;
export type ProcessingRegion = z.output<typeof processingRegionSchema>;

export type FileIssue = FieldIssue;

type RuleInput = Pick<PersonalDataFile, 'specialCategories' | 'legalBasis' | 'purposeEndsOn' | 'retentionExpiresOn' | 'status' | 'purposeReview'>;

/** The cross-field legal rules, shared by the schema and the inventory import. */
export function personalDataFileRuleIssues(file: RuleInput, options: { special?: boolean } = {}): FileIssue[] {
  const issues: FileIssue[] = [];
  const { art19, art6, statute, consentNotice } = file.legalBasis;
  const special = options.special ?? file.specialCategories.length > 0;
  if (special && art6.length === 0)
    issues.push({
      path: ['legalBasis', 'art6'],
      message: { zhTW: '特種個資須有個資法第6條第1項但書之依據', en: 'special-category data needs a PDPA Art. 6 ¶1 proviso as its basis' },
    });
  if (!special && art6.length > 0)
    issues.push({
      path: ['legalBasis', 'art6'],
      message: { zhTW: '第6條但書僅適用於特種個資，請標示特種個資類別', en: 'Art. 6 provisos apply only to special categories; list the special categories held' },
    });
  if (!special && art19.length === 0)
    issues.push({ path: ['legalBasis', 'art19'], message: { zhTW: '一般個資須有個資法第19條第1項之依據', en: 'general data needs a PDPA Art. 19 ¶1 basis' } });
  const consent = art19.includes(5) || art6.includes(6);
  if (consent && !consentNotice)
    issues.push({
      path: ['legalBasis', 'consentNotice'],
      message: { zhTW: '以當事人同意為依據時，須記載依第8條或第9條告知之方式', en: 'a consent basis needs the Art. 8/9 notice method' },
    });
  if (art6.includes(6) && consentNotice && !consentNotice.writtenConsent)
    issues.push({
      path: ['legalBasis', 'consentNotice', 'writtenConsent'],
      message: { zhTW: '第6條第1項第6款須經當事人書面同意', en: 'Art. 6 ¶1 ⑥ requires written consent' },
    });
  if (consentNotice?.method === 'art9Indirect' && !consentNotice.source)
    issues.push({
      path: ['legalBasis', 'consentNotice', 'source'],
      message: { zhTW: '間接蒐集（第9條）須告知個人資料來源', en: 'an Art. 9 notice must name the data source' },
    });
  if ((art19.includes(1) || art6.includes(1)) && !statute)
    issues.push({ path: ['legalBasis', 'statute'], message: { zhTW: '以法律明文規定為依據時，須記載法律名稱及條次', en: 'a legal-requirement basis must name the law' } });
  if (new Set(art19).size !== art19.length || new Set(art6).size !== art6.length)
    issues.push({ path: ['legalBasis'], message: { zhTW: '法律依據款次重複', en: 'duplicate subparagraph in the legal basis' } });
  if (file.status !== 'active' && !file.purposeReview)
    issues.push({ path: ['status'], message: { zhTW: '停止利用或刪除須有審查決定', en: 'a stopped or deleted file needs its review decision' } });
  if (file.purposeReview && file.status !== statusAfterDecision(file.purposeReview.decision))
    issues.push({ path: ['status'], message: { zhTW: '狀態與審查決定不一致', en: 'status does not match the review decision' } });
  return issues;
}

export function statusAfterDecision(decision: 'delete' | 'stop' | 'keep'): PersonalDataFile['status'] {
  return decision === 'delete' ? 'deleted' : decision === 'stop' ? 'processingStopped' : 'active';
}

/** Art. 6 categories the file holds: declared ones plus those implied by its category codes. */
export function fileSpecialCategories(file: Pick<PersonalDataFile, 'specialCategories' | 'dataCategories'>, codeLists: CodeLists): SpecialCategoryKind[] {
  const kinds = new Set<SpecialCategoryKind>(file.specialCategories);
  for (const item of file.dataCategories) {
    const kind = codeLists.dataCategories.get(item.code)?.specialCategory;
    if (kind) kinds.add(kind);
  }
  return [...kinds];
}

/** The A score input: special if any Art. 6 category, sensitive if any financial/trade-secret code. */
export function fileSensitivity(file: Pick<PersonalDataFile, 'specialCategories' | 'dataCategories'>, codeLists: CodeLists): DataSensitivity {
  if (fileSpecialCategories(file, codeLists).length > 0) return 'special';
  const sensitive = file.dataCategories.some((item) => codeLists.dataCategories.get(item.code)?.sensitivity === 'sensitive');
  return sensitive ? 'sensitive' : 'general';
}

/** Art. 21 international transfer: any processing or storage outside Taiwan. */
export function isCrossBorder(file: Pick<PersonalDataFile, 'regions'>): boolean {
  return file.regions.some((region) => region.country !== 'TW');
}

/** The failure of a file check: `details` lists every issue (FieldIssueDetails). */
export type PersonalDataFileOutcome = Outcome<PersonalDataFile, 'personalDataFileInvalid'>;

const fileInvalid = (issues: FileIssue[], kind: DomainErrorKind = 'invalid') =>
  fail(kind, 'personalDataFileInvalid', { zhTW: '個資檔案不符規則', en: 'The personal-data file breaks a rule' }, { details: fieldIssueDetails(issues) });

/** The issues a file check found (none when it passed). */
export function fileIssuesOf(outcome: Outcome<unknown>): FileIssue[] {
  return fieldIssuesOf(outcome);
}

/** Issues that need the tenant's code lists: unknown codes, and codes that make the file special. */
function codeListIssues(file: PersonalDataFile, codeLists: CodeLists): FileIssue[] {
  const issues: FileIssue[] = [];
  file.specificPurposes.forEach((code, index) => {
    if (!codeLists.specificPurposes.has(code))
      issues.push({
        path: ['specificPurposes', index],
        message: { zhTW: `特定目的代號 ${code} 不在代碼表中，請先新增至公司代碼表`, en: `specific purpose ${code} is not in the code list; add it to the tenant code list first` },
      });
  });
  file.dataCategories.forEach((item, index) => {
    if (!codeLists.dataCategories.has(item.code))
      issues.push({
        path: ['dataCategories', index, 'code'],
        message: { zhTW: `個資類別代號 ${item.code} 不在代碼表中，請先新增至公司代碼表`, en: `data category ${item.code} is not in the code list; add it to the tenant code list first` },
      });
  });
  // Codes flagged special in the code list make the file special even when not declared.
  if (file.specialCategories.length === 0 && fileSpecialCategories(file, codeLists).length > 0)
    issues.push(...personalDataFileRuleIssues(file, { special: true }).filter((issue) => issue.path.join('.') === 'legalBasis.art6'));
  return issues;
}

/** Checks a parsed file against the tenant's code lists. */
export function checkPersonalDataFile(file: PersonalDataFile, codeLists: CodeLists): PersonalDataFileOutcome {
  const issues = codeListIssues(file, codeLists);
  return issues.length > 0 ? fileInvalid(issues) : ok(file);
}

/** Schema parse plus the code-list checks; returns the file or every issue. */
export function validatePersonalDataFile(input: unknown, codeLists: CodeLists): PersonalDataFileOutcome {
  const parsed = personalDataFileSchema.safeParse(input);
  if (!parsed.success) return fileInvalid(parsed.error.issues.map(zodIssueToFileIssue));
  return checkPersonalDataFile(parsed.data, codeLists);
}

/**
 * A file merged from the stored one and the caller's patch: the schema and its cross-field rules
 * judge what the caller wrote, so a failure is an input error (HTTP 400), one per field.
 */
export function parseMergedPersonalDataFile(merged: unknown): PersonalDataFileOutcome {
  const parsed = personalDataFileSchema.safeParse(merged);
  return parsed.success ? ok(parsed.data) : fileInvalid(parsed.error.issues.map(zodIssueToFileIssue), 'invalidInput');
}

/**
 * A changed code list must not make a file of the inventory break the rules (e.g. a code
 * redefined as special leaves a file without its Art. 6 basis). Issues are addressed
 * `files.<fileId>.<path>`.
 */
export function checkCodeListChange(files: readonly PersonalDataFile[], codeLists: CodeLists): Outcome<CodeLists, 'codeListBreaksFiles'> {
  const issues = files.flatMap((file) => codeListIssues(file, codeLists).map((issue) => ({ path: ['files', file.id, ...issue.path], message: issue.message })));
  if (issues.length === 0) return ok(codeLists);
  return fail('invalid', 'codeListBreaksFiles', { zhTW: '此代號變更會使既有個資檔案不符規則', en: 'This code would make existing files break a rule' }, { details: fieldIssueDetails(issues) });
}

export function zodIssueToFileIssue(issue: z.core.$ZodIssue): FileIssue {
  const zhTW = issue.code === 'custom' && typeof issue.params?.zhTW === 'string' ? issue.params.zhTW : zodIssueZh(issue);
  return { path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: { zhTW, en: issue.message } };
}

function zodIssueZh(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必填欄位缺漏' : '資料型態不符';
    case 'too_small':
      return '內容過少或數值過小';
    case 'too_big':
      return '內容過多或數值過大';
    case 'invalid_format':
      return '格式不符';
    case 'invalid_value':
      return '不是允許的選項';
    case 'unrecognized_keys':
      return '含有不允許的欄位';
    default:
      return '內容不符規則';
  }
}
