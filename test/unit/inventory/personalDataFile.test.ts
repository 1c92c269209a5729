import { describe, expect, it } from 'vitest';
import { mergeCodeLists } from '../../../domain/inventory/codeLists';
import {
  checkPersonalDataFile,
  fileIssuesOf,
  fileSensitivity,
  fileSpecialCategories,
  isCrossBorder,
  personalDataFileSchema,
  validatePersonalDataFile,
  type PersonalDataFileInput,
} from '../../../domain/inventory/personalDataFile';
import { exampleCodeLists, exampleFiles } from '../../fixtures/inventory/loadExamples';

const base: PersonalDataFileInput = {
  id: '010',
  name: '會員資料',
  specificPurposes: ['090'],
  dataCategories: [{ code: 'C001', content: '姓名、電話' }],
  intendedUse: '會員服務',
  legalBasis: { art19: [2] },
  subjectAttribute: 'consumer',
  regions: [{ country: 'TW' }],
  retention: { period: '契約終止後1年' },
  recordCount: 10,
  recordCountAsOf: '2025-01-02',
  logLocation: 'CRM 稽核紀錄',
};

const issuePaths = (input: unknown) => {
  const result = personalDataFileSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('personalDataFileSchema', () => {
  it('accepts a minimal general-data file and fills defaults', () => {
    const file = personalDataFileSchema.parse(base);
    expect(file.specificPurposes).toEqual(['〇九〇']);
    expect(file.regions[0]!.role).toBe('processingAndStorage');
    expect(file).toMatchObject({ specialCategories: [], vendorIds: [], thirdPartyRecipients: [], status: 'active' });
    expect(file.legalBasis.art6).toEqual([]);
  });

  it('parses every example file', () => {
    expect(exampleFiles().map((f) => f.id)).toEqual(['001-1', '001-2', '001-3', '002', '003', '004']);
  });

  it.each([
    ['id', { id: '1-1' }],
    ['id', { id: '001-' }],
    ['id', { id: '0011' }],
    ['name', { name: '  ' }],
    ['specificPurposes', { specificPurposes: [] }],
    ['specificPurposes.0', { specificPurposes: ['92'] }],
    ['specificPurposes', { specificPurposes: ['090', '〇九〇'] }],
    ['dataCategories', { dataCategories: [] }],
    ['dataCategories.0.code', { dataCategories: [{ code: 'c001', content: 'x' }] }],
    ['dataCategories', { dataCategories: [{ code: 'C001', content: 'x' }, { code: 'C001', content: 'y' }] }],
    ['dataCategories.0.content', { dataCategories: [{ code: 'C001', content: 'a\nb' }] }],
    ['specialCategories.0', { specialCategories: ['religion'] }],
    ['legalBasis.art19.0', { legalBasis: { art19: [9] } }],
    ['legalBasis.art19.0', { legalBasis: { art19: [0] } }],
    ['legalBasis.art6.0', { legalBasis: { art19: [2], art6: [7] } }],
    ['subjectAttribute', { subjectAttribute: 'visitor' }],
    ['regions', { regions: [] }],
    ['regions.0.country', { regions: [{ country: 'tw' }] }],
    ['regions.0.cloudRegion', { regions: [{ country: 'TW', cloudRegion: 'Asia East' }] }],
    ['recordCount', { recordCount: -1 }],
    ['recordCount', { recordCount: 1.5 }],
    ['recordCountAsOf', { recordCountAsOf: '2025-02-30' }],
    ['purposeEndsOn', { purposeEndsOn: '2025/01/01' }],
    ['retentionExpiresOn', { retentionExpiresOn: '2025-13-01' }],
    ['logLocation', { logLocation: '' }],
    ['vendorIds.0', { vendorIds: ['V1\nV2'] }],
    ['', { unknownField: 1 }],
  ])('rejects a bad %s', (path, patch) => {
    expect(issuePaths({ ...base, ...patch })).toContain(path);
  });
});

describe('legal-basis rules', () => {
  const withBasis = (legalBasis: object, extra: object = {}) => issuePaths({ ...base, ...extra, legalBasis });

  it('general data needs an Art. 19 basis', () => {
    expect(withBasis({ art19: [] })).toContain('legalBasis.art19');
    expect(withBasis({ art19: [8] })).toEqual([]);
  });

  it('special data needs an Art. 6 proviso; Art. 19 alone is not enough', () => {
    expect(withBasis({ art19: [2] }, { specialCategories: ['healthExamination'] })).toContain('legalBasis.art6');
    expect(withBasis({ art19: [2], art6: [2] }, { specialCategories: ['healthExamination'] })).toEqual([]);
    expect(withBasis({ art6: [3] }, { specialCategories: ['criminalRecords'] })).toEqual([]);
  });

  it('Art. 6 provisos only for special data', () => {
    expect(withBasis({ art19: [2], art6: [2] })).toContain('legalBasis.art6');
  });

  it('consent needs the notice method (Art. 19 ¶1 ⑤ and Art. 6 ¶1 ⑥)', () => {
    expect(withBasis({ art19: [5] })).toContain('legalBasis.consentNotice');
    expect(withBasis({ art19: [5], consentNotice: { method: 'art8Direct', channel: '註冊頁面' } })).toEqual([]);
    expect(withBasis({ art6: [6] }, { specialCategories: ['medicalCare'] })).toContain('legalBasis.consentNotice');
  });

  it('Art. 6 ¶1 ⑥ needs written consent', () => {
    const notice = { method: 'art8Direct', channel: '紙本同意書' };
    expect(withBasis({ art6: [6], consentNotice: notice }, { specialCategories: ['genetics'] })).toContain('legalBasis.consentNotice.writtenConsent');
    expect(withBasis({ art6: [6], consentNotice: { ...notice, writtenConsent: true } }, { specialCategories: ['genetics'] })).toEqual([]);
  });

  it('an Art. 9 notice names the source', () => {
    const notice = { method: 'art9Indirect', channel: '首次利用時以電子郵件告知' };
    expect(withBasis({ art19: [5], consentNotice: notice })).toContain('legalBasis.consentNotice.source');
    expect(withBasis({ art19: [5], consentNotice: { ...notice, source: '合作夥伴' } })).toEqual([]);
  });

  it('a legal-requirement basis names the law', () => {
    expect(withBasis({ art19: [1] })).toContain('legalBasis.statute');
    expect(withBasis({ art19: [1], statute: '所得稅法第89條' })).toEqual([]);
    expect(withBasis({ art6: [1] }, { specialCategories: ['medicalRecords'] })).toContain('legalBasis.statute');
  });

  it('rejects a repeated subparagraph', () => {
    expect(withBasis({ art19: [2, 2] })).toContain('legalBasis');
  });

  it('a stopped or deleted file needs the matching review decision', () => {
    expect(issuePaths({ ...base, status: 'deleted' })).toContain('status');
    const keep = { decision: 'keep', decidedOn: '2025-02-01', decidedBy: '技安', reasonCategory: 'law', reason: '稅法' };
    expect(issuePaths({ ...base, status: 'deleted', purposeReview: keep })).toContain('status');
    expect(issuePaths({ ...base, status: 'active', purposeReview: keep })).toEqual([]);
    expect(issuePaths({ ...base, status: 'deleted', purposeReview: { decision: 'delete', decidedOn: '2025-02-01', decidedBy: '技安' } })).toEqual([]);
  });
});

describe('derived facts', () => {
  const lists = exampleCodeLists();
  const files = Object.fromEntries(exampleFiles().map((f) => [f.id, f]));

  it('sensitivity: general, sensitive by financial code, special by Art. 6 category', () => {
    expect(fileSensitivity(files['001-1']!, lists)).toBe('general');
    expect(fileSensitivity(files['001-2']!, lists)).toBe('sensitive');
    expect(fileSensitivity(files['001-3']!, lists)).toBe('special');
    expect(fileSensitivity(files['004']!, lists)).toBe('sensitive');
  });

  it('a code flagged special in the code list makes the file special even when undeclared', () => {
    const file = { ...files['001-3']!, specialCategories: [] };
    expect(fileSpecialCategories(file, lists)).toEqual(['healthExamination']);
    expect(fileSensitivity(file, lists)).toBe('special');
    expect(fileSensitivity(file, mergeCodeLists())).toBe('general');
  });

  it('cross-border when any region is outside TW', () => {
    expect(isCrossBorder(files['004']!)).toBe(false);
    expect(isCrossBorder({ regions: [{ country: 'TW', role: 'processing' }, { country: 'JP', cloudRegion: 'ap-northeast-1', role: 'storage' }] })).toBe(true);
  });
});

describe('code-list checks', () => {
  const lists = exampleCodeLists();

  it('passes the example files', () => {
    for (const file of exampleFiles()) expect(checkPersonalDataFile(file, lists)).toEqual({ ok: true, value: file });
  });

  it('reports unknown purpose and category codes with zh-TW and English', () => {
    const result = validatePersonalDataFile({ ...base, specificPurposes: ['003'], dataCategories: [{ code: 'C500', content: 'x' }] }, lists);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issues = fileIssuesOf(result);
    expect(issues.map((i) => i.path.join('.'))).toEqual(['specificPurposes.0', 'dataCategories.0.code']);
    expect(issues[0]!.message.zhTW).toContain('〇〇三');
    expect(issues[0]!.message.en).toContain('〇〇三');
  });

  it('a special code without an Art. 6 basis fails even if the file declares nothing', () => {
    const result = validatePersonalDataFile({ ...base, dataCategories: [{ code: 'C111', content: '體檢報告' }] }, lists);
    expect(result).toMatchObject({ ok: false, error: { details: { issues: [{ path: ['legalBasis', 'art6'] }] } } });
  });

  it('translates schema issues to zh-TW', () => {
    const result = validatePersonalDataFile({ ...base, name: undefined }, lists);
    expect(result).toMatchObject({ ok: false, error: { details: { issues: [{ path: ['name'], message: { zhTW: '必填欄位缺漏' } }] } } });
  });
});
