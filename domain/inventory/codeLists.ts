/**
 * Code lists of the Ministry of Justice 「個人資料保護法之特定目的及個人資料之類別」:
 * specific purposes (特定目的, 〇〇一–一八二) and data categories (個人資料類別, C001…).
 * We have no complete authoritative copy, so only the entries verified in pdpa-facts.md ship
 * built in; a tenant adds any other code with its name, and its list is merged over ours.
 */
import { z } from 'zod';
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type Outcome } from '../shared/outcome';
import type { DataSensitivity } from '../risk/riskValue';

const CHINESE_NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Canonical purpose code: three Chinese numerals, e.g. 〇〇二. */
export const PURPOSE_CODE_PATTERN = /^[〇一二三四五六七八九]{3}$/;
/** Accepted on input: canonical, or three Arabic digits (002), normalised to canonical. */
export const PURPOSE_CODE_INPUT_PATTERN = /^(?:[〇一二三四五六七八九]{3}|\d{3})$/;
export const DATA_CATEGORY_CODE_PATTERN = /^C\d{3}$/;

export function isPurposeCode(value: string): boolean {
  return PURPOSE_CODE_INPUT_PATTERN.test(value) && purposeCodeNumber(value) >= 1;
}

/** 002 → 〇〇二; canonical codes pass through. Throws on anything else. */
export function normalisePurposeCode(value: string): string {
  const code = value.trim();
  if (!PURPOSE_CODE_INPUT_PATTERN.test(code)) throw new RangeError(`Not a specific-purpose code: ${value}`);
  return [...code].map((ch) => (/\d/.test(ch) ? CHINESE_NUMERALS[Number(ch)] : ch)).join('');
}

/** For schemas: zod runs overwrites even after a failed check, so leave bad input as is. */
export function normalisePurposeCodeIfValid(value: string): string {
  return PURPOSE_CODE_INPUT_PATTERN.test(value.trim()) ? normalisePurposeCode(value) : value;
}

/** A purpose as people write it outside the inventory: its code, optionally followed by its name. */
export const PURPOSE_REFERENCE_PATTERN = /^(?:[〇一二三四五六七八九]{3}|\d{3})(?:\s+\S[\s\S]*)?$/;

/**
 * A specific purpose named elsewhere (e.g. a contract's scope), normalised like a file's purposes:
 * 〇九〇, 090 and 〇九〇 消費者、客戶管理與服務 all become 〇九〇. Whether the tenant's code list has
 * the code is checked where the code list is read (the command).
 */
export const purposeReferenceSchema = z
  .string()
  .trim()
  .regex(PURPOSE_REFERENCE_PATTERN, 'a specific-purpose code (〇九〇 or 090), optionally followed by its name')
  .refine((value) => !PURPOSE_REFERENCE_PATTERN.test(value) || isPurposeCode(value.slice(0, 3)), 'code 000 does not exist')
  .overwrite((value) => (PURPOSE_REFERENCE_PATTERN.test(value) ? normalisePurposeCodeIfValid(value.slice(0, 3)) : value))
  .describe('特定目的代號 〇九〇 (090, or the code followed by its name, accepted; stored as the code)');

/** 〇〇二 → 2 (for sorting and range checks). */
export function purposeCodeNumber(value: string): number {
  const digits = [...value.trim()].map((ch) => (/\d/.test(ch) ? Number(ch) : CHINESE_NUMERALS.indexOf(ch as (typeof CHINESE_NUMERALS)[number])));
  if (digits.length !== 3 || digits.some((d) => d < 0)) return Number.NaN;
  return digits[0]! * 100 + digits[1]! * 10 + digits[2]!;
}

export function isDataCategoryCode(value: string): boolean {
  return DATA_CATEGORY_CODE_PATTERN.test(value) && value !== 'C000';
}

/** PDPA Art. 6 ¶1 special categories (特種個資). */
export const specialCategoryKinds = ['medicalRecords', 'medicalCare', 'genetics', 'sexLife', 'healthExamination', 'criminalRecords'] as const;
export type SpecialCategoryKind = (typeof specialCategoryKinds)[number];

export const specialCategoryLabels: Record<SpecialCategoryKind, LocalizedText> = {
  medicalRecords: { zhTW: '病歷', en: 'medical records' },
  medicalCare: { zhTW: '醫療', en: 'medical care' },
  genetics: { zhTW: '基因', en: 'genetics' },
  sexLife: { zhTW: '性生活', en: 'sex life' },
  healthExamination: { zhTW: '健康檢查', en: 'health examination' },
  criminalRecords: { zhTW: '犯罪前科', en: 'criminal records' },
};

export const specialCategoryKindSchema = z.enum(specialCategoryKinds).describe('PDPA Art. 6 special category');

export interface SpecificPurposeEntry {
  code: string;
  name: string;
  origin: 'builtIn' | 'tenant';
}

export interface DataCategoryEntry {
  code: string;
  name: string;
  /** Drives the risk A score: sensitive = financial or trade secret, special = Art. 6. */
  sensitivity: DataSensitivity;
  /** Set when sensitivity is special: which Art. 6 category the code holds. */
  specialCategory?: SpecialCategoryKind;
  origin: 'builtIn' | 'tenant';
}

/** Verified entries only (pdpa-facts.md, "Code lists"). */
export const builtInSpecificPurposes: readonly SpecificPurposeEntry[] = [
  { code: '〇〇二', name: '人事管理', origin: 'builtIn' },
  { code: '〇四〇', name: '行銷', origin: 'builtIn' },
  { code: '〇六九', name: '契約、類似契約或其他法律關係事務', origin: 'builtIn' },
  { code: '〇九〇', name: '消費者、客戶管理與服務', origin: 'builtIn' },
  { code: '一三五', name: '資（通）訊服務', origin: 'builtIn' },
  { code: '一三六', name: '資（通）訊與資料庫管理', origin: 'builtIn' },
  { code: '一四八', name: '網路購物及其他電子商務服務', origin: 'builtIn' },
  { code: '一五七', name: '調查、統計與研究分析', origin: 'builtIn' },
  { code: '一八一', name: '其他經營合於營業登記項目或組織章程所定之業務', origin: 'builtIn' },
];

/** Verified entries only; the financial ones score as 敏感 (example §4(2) A=2 "財務"). */
export const builtInDataCategories: readonly DataCategoryEntry[] = [
  { code: 'C001', name: '辨識個人者', sensitivity: 'general', origin: 'builtIn' },
  { code: 'C002', name: '辨識財務者', sensitivity: 'sensitive', origin: 'builtIn' },
  { code: 'C003', name: '政府資料中之辨識者', sensitivity: 'general', origin: 'builtIn' },
  { code: 'C011', name: '個人描述', sensitivity: 'general', origin: 'builtIn' },
  { code: 'C021', name: '家庭情形', sensitivity: 'general', origin: 'builtIn' },
  { code: 'C031', name: '住家及設施', sensitivity: 'general', origin: 'builtIn' },
  { code: 'C038', name: '職業', sensitivity: 'general', origin: 'builtIn' },
  { code: 'C061', name: '現行之受僱情形', sensitivity: 'general', origin: 'builtIn' },
  { code: 'C093', name: '財務交易', sensitivity: 'sensitive', origin: 'builtIn' },
  { code: 'C132', name: '未分類之資料', sensitivity: 'general', origin: 'builtIn' },
];

export const tenantSpecificPurposeSchema = z
  .object({
    code: z
      .string()
      .regex(PURPOSE_CODE_INPUT_PATTERN, 'three digits, Chinese (〇〇二) or Arabic (002)')
      .refine(isPurposeCode, 'code 000 does not exist')
      .overwrite(normalisePurposeCodeIfValid)
      .describe('特定目的代號, e.g. 〇〇二 or 002'),
    name: z.string().trim().min(1).max(200).describe('特定目的名稱'),
  })
  .strict();

export const tenantDataCategorySchema = z
  .object({
    code: z.string().regex(DATA_CATEGORY_CODE_PATTERN, 'C followed by three digits').refine(isDataCategoryCode, 'C000 does not exist').describe('個人資料類別代號, e.g. C001'),
    name: z.string().trim().min(1).max(200).describe('個人資料類別名稱'),
    sensitivity: z.enum(['general', 'sensitive', 'special']).default('general').describe('general, sensitive (financial/trade secret) or special (Art. 6)'),
    specialCategory: specialCategoryKindSchema.optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.sensitivity === 'special' && !entry.specialCategory)
      ctx.addIssue({ code: 'custom', path: ['specialCategory'], message: 'a special category code names its Art. 6 category' });
    if (entry.sensitivity !== 'special' && entry.specialCategory)
      ctx.addIssue({ code: 'custom', path: ['sensitivity'], message: 'an Art. 6 category is special' });
  });

export const tenantCodeListsSchema = z
  .object({
    specificPurposes: z.array(tenantSpecificPurposeSchema).max(500).default([]).describe("Tenant's own specific purposes"),
    dataCategories: z.array(tenantDataCategorySchema).max(500).default([]).describe("Tenant's own data categories"),
  })
  .strict()
  .superRefine((lists, ctx) => {
    // Codes are compared after normalisation, so 002 and 〇〇二 are the same code.
    const seen = new Set<string>();
    lists.specificPurposes.forEach((entry, index) => {
      if (seen.has(entry.code)) ctx.addIssue({ code: 'custom', path: ['specificPurposes', index, 'code'], message: `duplicate code ${entry.code}` });
      seen.add(entry.code);
    });
    const seenCategories = new Set<string>();
    lists.dataCategories.forEach((entry, index) => {
      if (seenCategories.has(entry.code)) ctx.addIssue({ code: 'custom', path: ['dataCategories', index, 'code'], message: `duplicate code ${entry.code}` });
      seenCategories.add(entry.code);
    });
  });
export type TenantCodeLists = z.output<typeof tenantCodeListsSchema>;

/** Which of the tenant's lists a code goes into, with the entry it takes. */
export type TenantCodeEntry =
  | { list: 'specificPurposes'; entry: TenantCodeLists['specificPurposes'][number] }
  | { list: 'dataCategories'; entry: TenantCodeLists['dataCategories'][number] };

/** Adds a code to the tenant's own list; a code already there is a conflict (redefine it instead). */
export function addTenantCode(lists: TenantCodeLists, added: TenantCodeEntry): Outcome<TenantCodeLists, 'codeExists'> {
  const { code } = added.entry;
  if (lists[added.list].some((e) => e.code === code))
    return fail('conflict', 'codeExists', { zhTW: `代號 ${code} 已在公司代碼表中`, en: `Code ${code} is already in the tenant list` });
  return ok(
    added.list === 'specificPurposes'
      ? { ...lists, specificPurposes: [...lists.specificPurposes, added.entry] }
      : { ...lists, dataCategories: [...lists.dataCategories, added.entry] },
  );
}

export interface CodeLists {
  specificPurposes: ReadonlyMap<string, SpecificPurposeEntry>;
  dataCategories: ReadonlyMap<string, DataCategoryEntry>;
}

/**
 * Built-in list with the tenant's entries merged over it. A tenant may rename a built-in
 * code (its own wording wins) but we keep one entry per code.
 */
export function mergeCodeLists(tenant: TenantCodeLists = { specificPurposes: [], dataCategories: [] }): CodeLists {
  const specificPurposes = new Map<string, SpecificPurposeEntry>();
  for (const entry of builtInSpecificPurposes) specificPurposes.set(entry.code, entry);
  for (const entry of tenant.specificPurposes) {
    const code = normalisePurposeCode(entry.code);
    specificPurposes.set(code, { code, name: entry.name, origin: 'tenant' });
  }
  const dataCategories = new Map<string, DataCategoryEntry>();
  for (const entry of builtInDataCategories) dataCategories.set(entry.code, entry);
  for (const entry of tenant.dataCategories) {
    const merged: DataCategoryEntry = { code: entry.code, name: entry.name, sensitivity: entry.sensitivity, origin: 'tenant' };
    if (entry.specialCategory) merged.specialCategory = entry.specialCategory;
    dataCategories.set(entry.code, merged);
  }
  return {
    specificPurposes: new Map([...specificPurposes].sort(([a], [b]) => purposeCodeNumber(a) - purposeCodeNumber(b))),
    dataCategories: new Map([...dataCategories].sort(([a], [b]) => a.localeCompare(b))),
  };
}
