import { inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { examplePlanContent } from '../../../domain/plan/examplePlan';
import type { PlanContent } from '../../../domain/plan/planContent';
import type { PlanVersion } from '../../../domain/plan/planVersion';
import {
  buildPlanDocument,
  escapeHtml,
  normaliseZipTimestamps,
  planSectionHeadings,
  renderPlanDocx,
  renderPlanHtml,
  renderPlanMarkdown,
  type PlanTableRows,
} from '../../../domain/plan/render';

const approved: PlanVersion = {
  versionNumber: 7,
  versionDate: '2025-01-02',
  status: 'approved',
  content: examplePlanContent,
  createdAt: '2024-12-30T03:00:00.000Z',
  updatedAt: '2025-01-01T17:30:00.000Z',
  approval: { approverName: '小叮噹', approverTitle: '總經理', capacity: 'representative', approvedAt: '2025-01-01T17:30:00.000Z', acceptedGaps: [] },
};
const draft: PlanVersion = { ...approved, status: 'draft', approval: undefined, versionNumber: 8, versionDate: '2025-03-01' };

const rows: PlanTableRows = {
  inventory: [
    {
      fileId: '001-1',
      name: '員工基本資料',
      purpose: '人事管理(勞工名卡)',
      dataCategories: '姓名、地址、電話、身份證字號',
      processing: '聯繫員工、保險',
      legalBasis: '個資法第19條第1項第2款(契約關係)',
      region: '台灣地區',
      retentionPeriod: '離職後5年',
      recordCount: 1234,
      trailLocation: 'OO系統之LOG紀錄',
    },
  ],
  risks: [{ fileName: '004客戶之消費者資料', categoryScore: 2, attributeScore: 3, recordCountScore: 3, value: 8, scenario: '代管系統', riskType: 'SQL Injection', countermeasure: '定期網頁弱掃' }],
  vendors: [{ name: 'AWS', contractFrom: '2024-01-01', contractTo: '2024-12-31', scope: '雲端PaaS服務', oversightMethod: '至官網下載第三方稽核報告' }],
};

/** Reads one file out of a zip (stored or deflated), for inspecting the .docx. */
function unzipEntry(zip: Buffer, name: string): string {
  let offset = 0;
  while (zip.readUInt32LE(offset) === 0x04034b50) {
    const method = zip.readUInt16LE(offset + 8);
    const size = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const extraLength = zip.readUInt16LE(offset + 28);
    const entryName = zip.toString('utf8', offset + 30, offset + 30 + nameLength);
    const start = offset + 30 + nameLength + extraLength;
    const data = zip.subarray(start, start + size);
    if (entryName === name) return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    offset = start + size;
  }
  throw new Error(`${name} not found`);
}

/** Each part occurs after the previous one. */
const inOrder = (text: string, parts: string[]) => {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
};

afterEach(() => vi.useRealTimers());

describe('section headings', () => {
  it('lists the 15 headings in the example order', () => {
    expect(planSectionHeadings.map((h) => h.headingZh)).toEqual([
      '1、配置管理人員及相當資源',
      '2、個人資料保護管理政策',
      '3、清查（盤點）及界定個人資料之範圍',
      '4、個人資料之風險評估及管理機制',
      '5、事故之預防、通報及應變機制',
      '6、個人資料蒐集、處理及利用之內部管理程序',
      '7、資料安全管理',
      '8、人員安全管理',
      '9、設備安全管理',
      '10、個資保護認知宣導及教育訓練',
      '11、使用紀錄、軌跡資料及證據保存',
      '12、資料安全稽核',
      '13、委外監督',
      '14、業務終止後個人資料處理方法',
      '15、個人資料安全維護之整體持續改善',
    ]);
  });
});

describe('Markdown and HTML', () => {
  it('render the title, version label, all sections in order and the approval block', () => {
    for (const text of [renderPlanMarkdown(approved, rows), renderPlanHtml(approved, rows)]) {
      inOrder(text, ['小叮噹股份有限公司個人資料安全維護計畫', '114年1月2日 7版', ...planSectionHeadings.map((h) => h.headingZh), '核定']);
      expect(text).toContain('114年1月2日'); // approved 2025-01-02 01:30 Taipei time
      expect(text).toContain('代表人');
      expect(text).toContain('員工基本資料');
      expect(text).toContain('1,234筆');
      expect(text).toContain('SQL Injection');
      expect(text).toContain('113年1月1日～113年12月31日');
    }
  });

  it('shows the approval date in the tenant time zone', () => {
    expect(renderPlanMarkdown(approved, {}, { timeZone: 'UTC' })).toContain('| 小叮噹 | 總經理 | 代表人 | 114年1月1日 |');
    expect(renderPlanMarkdown(approved)).toContain('| 小叮噹 | 總經理 | 代表人 | 114年1月2日 |');
  });

  it('marks an unapproved version and renders not-applicable reasons', () => {
    const content = structuredClone(examplePlanContent) as PlanContent;
    content.sections.vendorOversight = { notApplicable: { reason: '本公司無委外' } };
    const md = renderPlanMarkdown({ ...draft, content });
    expect(md).toContain('114年3月1日 8版');
    expect(md).toContain('尚未經代表人或其授權人員核定');
    expect(md).toContain('本項不適用。理由：本公司無委外');
  });

  it('the order check can fail', () => {
    const md = renderPlanMarkdown(approved);
    expect(() => inOrder(md, [planSectionHeadings[1]!.headingZh, planSectionHeadings[0]!.headingZh])).toThrow();
  });

  it('renders an empty draft with blanks for every section', () => {
    const md = renderPlanMarkdown({ ...draft, content: { sections: {} } });
    inOrder(md, planSectionHeadings.map((h) => h.headingZh));
    expect(md).toContain('＿＿＿＿');
    expect(md).toContain('（無資料）');
  });

  it('escapes HTML in every user text', () => {
    const content = structuredClone(examplePlanContent) as PlanContent;
    content.organisationName = '<script>alert("x")</script>&Co';
    const html = renderPlanHtml({ ...approved, content });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;Co');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('escapes Markdown markup, including table pipes', () => {
    const md = renderPlanMarkdown(approved, { vendors: [{ name: 'A|B *co*', scope: 'x', oversightMethod: 'y' }] });
    expect(md).toContain('A\\|B \\*co\\*');
  });

  it('is deterministic', () => {
    expect(renderPlanMarkdown(approved, rows)).toBe(renderPlanMarkdown(structuredClone(approved), structuredClone(rows)));
    expect(buildPlanDocument(approved, rows)).toEqual(buildPlanDocument(approved, rows));
  });
});

describe('.docx', () => {
  it('contains every heading in order, the tables and the approval block', async () => {
    const docx = await renderPlanDocx(approved, rows);
    const xml = unzipEntry(docx, 'word/document.xml');
    inOrder(xml, ['114年1月2日 7版', ...planSectionHeadings.map((h) => h.headingZh), '核定']);
    expect(xml).toContain('員工基本資料');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });

  it('sets core properties from the version, not the clock', async () => {
    const core = unzipEntry(await renderPlanDocx(approved), 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T16:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-01T17:30:00Z</dcterms:modified>');
    expect(core).toContain('<cp:revision>7</cp:revision>');
  });

  it('is byte-for-byte identical when rendered at different times', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-05-05T05:05:05Z'));
    const first = await renderPlanDocx(approved, rows);
    vi.setSystemTime(new Date('2031-11-11T11:11:11Z'));
    const second = await renderPlanDocx(approved, rows);
    expect(Buffer.compare(first, second)).toBe(0);
    const other = await renderPlanDocx(draft, rows);
    expect(Buffer.compare(first, other)).not.toBe(0);
  });

  it('normaliseZipTimestamps rejects data that is not a zip', () => {
    expect(() => normaliseZipTimestamps(new Uint8Array(30), '2025-01-01')).toThrow(RangeError);
  });
});
