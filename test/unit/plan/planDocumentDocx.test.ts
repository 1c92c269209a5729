/**
 * The plan document as Word prints it (the .docx unzipped and its XML inspected): landscape
 * pages for the wide inventory and risk tables, a header with company and version label, page
 * numbers, w:lang zh-TW, 標楷體, and accepted gaps by their text. Also which tables an approved
 * version shows (frozen at approval) and the current-draft view.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { examplePlanContent } from '../../../domain/plan/examplePlan';
import { documentTablesOf, freezePlanTables, type PlanVersion } from '../../../domain/plan/planVersion';
import { acceptedGapText, buildPlanDocument, pageSections, renderPlanDocx, renderPlanMarkdown, type PlanTableRows } from '../../../domain/plan/render';

const approved: PlanVersion = {
  versionNumber: 7,
  versionDate: '2025-01-02',
  status: 'approved',
  content: { ...examplePlanContent, organisationName: '小叮噹股份有限公司' },
  createdAt: '2024-12-30T03:00:00.000Z',
  updatedAt: '2025-01-01T17:30:00.000Z',
  approval: {
    approverName: '小叮噹',
    approverTitle: '總經理',
    capacity: 'representative',
    approvedAt: '2025-01-01T17:30:00.000Z',
    acceptedGaps: [
      { code: 'RISK_ASSESSMENT_EMPTY', reason: '風險評估另行辦理' },
      { code: 'SECTION_NOT_APPLICABLE', section: 'dataSecurity', reason: '無資通系統' },
    ],
  },
};

const inventoryRow = (fileId: string, name: string) => ({
  fileId,
  name,
  purpose: '〇〇二 人事管理',
  dataCategories: 'C001 辨識個人者',
  processing: '聯繫員工',
  legalBasis: '個資法第19條第1項第2款',
  region: '台灣地區',
  retentionPeriod: '離職後5年',
  recordCount: 85,
  trailLocation: 'OO系統LOG',
});
const rows: PlanTableRows = {
  inventory: [inventoryRow('001-1', '員工基本資料')],
  risks: [{ fileName: '員工基本資料', categoryScore: 1, attributeScore: 1, recordCountScore: 1, value: 3, scenario: '保管', riskType: '遺失', countermeasure: '上鎖' }],
  vendors: [],
};

async function partsOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml')) out[name] = await zip.file(name)!.async('string');
  return out;
}
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('plan document .docx layout', () => {
  it('prints the wide inventory and risk tables on landscape pages, the rest portrait', async () => {
    const sections = pageSections(buildPlanDocument(approved, rows).blocks);
    const landscape = sections.filter((s) => s.layout === 'landscape');
    expect(landscape).toHaveLength(2);
    expect(landscape.map((s) => (s.blocks[0]!.kind === 'table' ? s.blocks[0]!.headers[1] : ''))).toEqual(['業務流程/個資檔案名稱', 'A個資類別']);
    const document = (await partsOf(await renderPlanDocx(approved, rows)))['word/document.xml']!;
    const pageSizes = [...document.matchAll(/<w:pgSz [^>]*\/>/g)].map((m) => m[0]);
    expect(pageSizes.filter((p) => p.includes('w:orient="landscape"'))).toHaveLength(2);
    expect(pageSizes.filter((p) => p.includes('w:orient="portrait"')).length).toBeGreaterThanOrEqual(3);
    // Landscape A4: the width is the long side.
    expect(pageSizes.find((p) => p.includes('landscape'))).toMatch(/w:w="16838"/);
  });

  it('has a header with company and version label, page numbers, w:lang zh-TW and 標楷體', async () => {
    const parts = await partsOf(await renderPlanDocx(approved, rows));
    const headers = Object.entries(parts).filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, xml]) => textOf(xml));
    expect(headers.length).toBeGreaterThan(0);
    for (const header of headers) expect(header).toContain('小叮噹股份有限公司　114年1月2日 7版');
    const footers = Object.entries(parts).filter(([name]) => /^word\/footer\d*\.xml$/.test(name)).map(([, xml]) => xml);
    expect(footers.length).toBeGreaterThan(0);
    for (const footer of footers) {
      expect(footer).toMatch(/PAGE/);
      expect(footer).toMatch(/NUMPAGES/);
    }
    expect(parts['word/styles.xml']).toMatch(/<w:lang [^>]*w:val="zh-TW"/);
    expect(parts['word/styles.xml']).toMatch(/<w:rFonts [^>]*w:eastAsia="標楷體"/);
    expect(parts['word/fontTable.xml']).toContain('<w:altName w:val="DFKai-SB"/>');
  });

  it('shows accepted gaps by their text, not their codes', async () => {
    expect(acceptedGapText({ code: 'RISK_ASSESSMENT_EMPTY' })).toBe('風險評估表沒有任何評估項目');
    const text = textOf((await partsOf(await renderPlanDocx(approved, rows)))['word/document.xml']!);
    expect(text).toContain('風險評估表沒有任何評估項目　理由：風險評估另行辦理');
    expect(text).toContain('「資料安全管理」標示為不適用　理由：無資通系統');
    expect(text).not.toContain('RISK_ASSESSMENT_EMPTY');
    expect(text).not.toContain('SECTION_NOT_APPLICABLE');
  });
});

describe('tables of an approved version (frozen at approval)', () => {
  const frozen = freezePlanTables(approved, rows);
  const live: PlanTableRows = { ...rows, inventory: [...rows.inventory!, inventoryRow('009-1', '會員電子報名單')] };

  it('renders the frozen rows however the live tables change', () => {
    const shown = documentTablesOf(approved, frozen, live);
    expect(shown.tables).toEqual({ source: 'frozenAtApproval', frozenAt: '2025-01-01T17:30:00.000Z' });
    const markdown = renderPlanMarkdown(approved, shown.rows, { tables: shown.tables });
    expect(markdown).not.toContain('會員電子報名單');
    expect(markdown).toContain('本表為本版本核定時（114年1月2日）之內容');
  });

  it('shows the live rows in the current-draft view and for a draft', () => {
    const current = documentTablesOf(approved, frozen, live, 'currentDraft');
    expect(current.rows.inventory).toHaveLength(2);
    expect(renderPlanMarkdown(approved, current.rows, { tables: current.tables })).toContain('非核定時之內容');
    expect(documentTablesOf({ status: 'draft' }, undefined, live).rows).toBe(live);
  });

  it('copies the rows, so later edits of the live list do not reach the snapshot', () => {
    const source = { inventory: [inventoryRow('001-1', '員工基本資料')] };
    const snapshot = freezePlanTables(approved, source);
    source.inventory[0]!.name = '改名';
    expect(snapshot.rows.inventory![0]!.name).toBe('員工基本資料');
    expect(() => freezePlanTables({ ...approved, status: 'draft' }, source)).toThrow(RangeError);
  });
});
