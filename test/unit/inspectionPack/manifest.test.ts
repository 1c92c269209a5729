import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { archivePath, buildManifest, manifestCsv, packFile, safeNamePart, sha256Hex, type PackMetadata } from '../../../domain/inspectionPack';

const metadata: PackMetadata = {
  inspectionPackId: 'ipk_1',
  tenantId: 't_1',
  companyName: '範例資訊股份有限公司',
  period: { from: '2025-01-01', to: '2025-12-31' },
  builtAt: '2026-03-02T01:00:00.000Z',
  builtBy: 'key_1',
  timeZone: 'Asia/Taipei',
  auditChain: { valid: true, eventsChecked: 42, lastSequence: 42, lastHash: 'f'.repeat(64) },
  planVersionsInForce: [],
  notes: [],
};

const bytes = (text: string) => new TextEncoder().encode(text);

describe('inspection pack manifest', () => {
  it('describes a file by its bytes: size and SHA-256 hex', () => {
    const file = packFile('02_個資盤點/a.json', 'application/json', bytes('{"a":1}'), 'inventory', 'inventory:1');
    expect(file).toEqual({ path: '02_個資盤點/a.json', mediaType: 'application/json', sizeBytes: 7, sha256: createHash('sha256').update('{"a":1}').digest('hex'), section: 'inventory', source: 'inventory:1' });
    expect(sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('lists files by path with totals, the listed-only evidence apart', () => {
    const b = packFile('b.json', 'application/json', bytes('bb'), 'vendors');
    const a = packFile('a.json', 'application/json', bytes('a'), 'inventory');
    const listed = { evidenceId: 'evd_1', title: '監視錄影', mediaType: 'application/zip', sizeBytes: 900, sha256: 'c'.repeat(64), storageKey: 't_1/evidence/evd_1', reason: 'tooLarge' as const };
    const manifest = buildManifest(metadata, [b, a], [listed]);
    expect(manifest.files.map((f) => f.path)).toEqual(['a.json', 'b.json']);
    expect(manifest.totals).toEqual({ files: 2, bytes: 3, listedOnly: 1, listedOnlyBytes: 900 });
    expect(manifest).toMatchObject({ manifestVersion: 1, companyName: '範例資訊股份有限公司', auditChain: { valid: true } });
  });

  it('refuses two files at one path and the manifests\' own paths', () => {
    const a = packFile('a.json', 'application/json', bytes('a'), 'inventory');
    expect(() => buildManifest(metadata, [a, a], [])).toThrow(/duplicate/);
    expect(() => buildManifest(metadata, [packFile('manifest.json', 'application/json', bytes('x'), 'inventory')], [])).toThrow(/reserved/);
  });

  it('清單.csv: zh-TW headings, a BOM for Excel, one row per file with its hash, quoted where needed', () => {
    const file = packFile('09_佐證資料/evd_1_a,b.pdf', 'application/pdf', bytes('pdf'), 'evidence', 'evidence:evd_1');
    const listed = { evidenceId: 'evd_2', title: '大型 "錄影"', mediaType: 'application/zip', sizeBytes: 900, sha256: 'c'.repeat(64), storageKey: 't_1/evidence/evd_2', reason: 'tooLarge' as const };
    const csv = manifestCsv(buildManifest(metadata, [file], [listed]));
    expect(csv.startsWith('\uFEFF公司名稱,範例資訊股份有限公司\r\n')).toBe(true);
    expect(csv).toContain('類別,檔案路徑,媒體類型,大小（位元組）,SHA-256,來源紀錄');
    expect(csv).toContain(`佐證資料,"09_佐證資料/evd_1_a,b.pdf",application/pdf,3,${file.sha256},evidence:evd_1`);
    expect(csv).toContain(`"evd_2 大型 ""錄影""",t_1/evidence/evd_2,application/zip,900,${'c'.repeat(64)},檔案過大`);
    expect(csv).toContain('稽核軌跡驗證,通過（42 筆）');
  });

  it('says so when the audit chain is broken', () => {
    const csv = manifestCsv(buildManifest({ ...metadata, auditChain: { valid: false, eventsChecked: 7, brokenAtSequence: 7, reason: 'hashMismatch' } }, [], []));
    expect(csv).toContain('未通過（第 7 筆：hashMismatch）');
  });

  it('makes archive paths safe: no separators or reserved characters, bounded length', () => {
    expect(safeNamePart('../a/b\\c:d*e?"f<g>h|')).toBe('__a_b_c_d_e__f_g_h_');
    expect(safeNamePart('..')).toBe('_');
    expect(safeNamePart('   ')).toBe('_');
    expect([...safeNamePart('字'.repeat(200))].length).toBe(80);
    expect(archivePath('incidents', 'inc_1', '事故紀錄.json')).toBe('07_個資事故/inc_1/事故紀錄.json');
  });
});
