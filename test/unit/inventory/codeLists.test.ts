import { describe, expect, it } from 'vitest';
import {
  builtInDataCategories,
  builtInSpecificPurposes,
  isDataCategoryCode,
  isPurposeCode,
  mergeCodeLists,
  normalisePurposeCode,
  purposeCodeNumber,
  tenantCodeListsSchema,
} from '../../../domain/inventory/codeLists';

describe('specific-purpose codes', () => {
  it.each([
    ['002', '〇〇二'],
    ['040', '〇四〇'],
    ['182', '一八二'],
    ['〇六九', '〇六九'],
    [' 135 ', '一三五'],
  ])('%s normalises to %s', (input, canonical) => {
    expect(normalisePurposeCode(input)).toBe(canonical);
  });

  it.each(['02', '0002', '二', '〇〇〇二', 'A02', '0-2', '', '〇2二'])('rejects %s', (input) => {
    expect(isPurposeCode(input)).toBe(false);
  });

  it('accepts mixed-free formats only and refuses 000', () => {
    expect(isPurposeCode('001')).toBe(true);
    expect(isPurposeCode('〇〇一')).toBe(true);
    expect(isPurposeCode('000')).toBe(false);
    expect(isPurposeCode('〇〇〇')).toBe(false);
    expect(() => normalisePurposeCode('2')).toThrow(RangeError);
  });

  it('reads the number of a code', () => {
    expect(purposeCodeNumber('一八一')).toBe(181);
    expect(purposeCodeNumber('090')).toBe(90);
    expect(purposeCodeNumber('x')).toBeNaN();
  });
});

describe('data-category codes', () => {
  it.each(['C001', 'C132', 'C999'])('accepts %s', (code) => expect(isDataCategoryCode(code)).toBe(true));
  it.each(['C000', 'c001', 'C01', 'C0001', '001', 'D001'])('rejects %s', (code) => expect(isDataCategoryCode(code)).toBe(false));
});

describe('built-in lists ship only the verified entries', () => {
  it('has the nine verified purposes and ten verified categories', () => {
    expect(builtInSpecificPurposes.map((p) => p.code)).toEqual(['〇〇二', '〇四〇', '〇六九', '〇九〇', '一三五', '一三六', '一四八', '一五七', '一八一']);
    expect(builtInDataCategories.map((c) => c.code)).toEqual(['C001', 'C002', 'C003', 'C011', 'C021', 'C031', 'C038', 'C061', 'C093', 'C132']);
    for (const p of builtInSpecificPurposes) expect(isPurposeCode(p.code)).toBe(true);
    for (const c of builtInDataCategories) expect(isDataCategoryCode(c.code)).toBe(true);
  });

  it('scores the financial categories as sensitive and none as special', () => {
    expect(builtInDataCategories.filter((c) => c.sensitivity === 'sensitive').map((c) => c.code)).toEqual(['C002', 'C093']);
    expect(builtInDataCategories.some((c) => c.sensitivity === 'special')).toBe(false);
  });
});

describe('tenant code lists', () => {
  it('merges tenant codes over the built-in list, normalising Arabic codes', () => {
    const tenant = tenantCodeListsSchema.parse({
      specificPurposes: [{ code: '001', name: '人身保險' }, { code: '〇〇二', name: '人事管理（含勞工名卡）' }],
      dataCategories: [{ code: 'C111', name: '健康紀錄', sensitivity: 'special', specialCategory: 'healthExamination' }],
    });
    const lists = mergeCodeLists(tenant);
    expect(lists.specificPurposes.get('〇〇一')).toEqual({ code: '〇〇一', name: '人身保險', origin: 'tenant' });
    expect(lists.specificPurposes.get('〇〇二')?.name).toBe('人事管理（含勞工名卡）');
    expect([...lists.specificPurposes.keys()].slice(0, 2)).toEqual(['〇〇一', '〇〇二']);
    expect(lists.specificPurposes.size).toBe(builtInSpecificPurposes.length + 1);
    expect(lists.dataCategories.get('C111')).toMatchObject({ sensitivity: 'special', specialCategory: 'healthExamination', origin: 'tenant' });
    expect(lists.dataCategories.get('C001')?.origin).toBe('builtIn');
  });

  it('defaults to the built-in lists', () => {
    expect(mergeCodeLists().dataCategories.size).toBe(builtInDataCategories.length);
  });

  it.each([
    [{ specificPurposes: [{ code: '2', name: 'x' }] }, 'specificPurposes.0.code'],
    [{ specificPurposes: [{ code: '000', name: 'x' }] }, 'specificPurposes.0.code'],
    [{ specificPurposes: [{ code: '003', name: ' ' }] }, 'specificPurposes.0.name'],
    [{ specificPurposes: [{ code: '003', name: 'a' }, { code: '〇〇三', name: 'b' }] }, 'specificPurposes.1.code'],
    [{ dataCategories: [{ code: 'C1', name: 'x' }] }, 'dataCategories.0.code'],
    [{ dataCategories: [{ code: 'C111', name: 'x', sensitivity: 'special' }] }, 'dataCategories.0.specialCategory'],
    [{ dataCategories: [{ code: 'C111', name: 'x', specialCategory: 'genetics' }] }, 'dataCategories.0.sensitivity'],
    [{ dataCategories: [{ code: 'C200', name: 'x' }, { code: 'C200', name: 'y' }] }, 'dataCategories.1.code'],
    [{ extra: true }, ''],
  ])('rejects %j', (input, path) => {
    const result = tenantCodeListsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
