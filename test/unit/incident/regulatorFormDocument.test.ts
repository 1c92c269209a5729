/**
 * The regulator form as the authority receives it (.docx unzipped and its XML inspected):
 * ROC dates and times, data categories named, one language per version, the sector's own table
 * (K0010162 / J0030130 附表二, Q0010012 附表1), a signature line, page numbers, w:lang zh-TW and 標楷體.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildRegulatorNotification, regulatorFormGroups, type Authority, type ReportingOrganisation } from '../../../domain/incident/regulatorForm';
import { renderRegulatorNotificationDocx } from '../../../domain/incident/regulatorFormDocx';
import { formatRocDateTime } from '../../../domain/plan/rocDate';
import { regulatorFormOf } from '../../../functions/incidents/incidentDocuments';
import type { TenantRecord } from '../../../functions/store/controlPlaneRecords';
import { incident } from './fixtures';

const authority: Authority = { code: 'moda', nameZh: '數位發展部', nameEn: 'Ministry of Digital Affairs', phone: '', email: '', formName: '附表二' };
const organisation: ReportingOrganisation = {
  name: 'OO資訊股份有限公司',
  reporter: { name: '陳大文', title: '個資管理專責人員', phone: '02-1234-5678', email: 'dpo@oo.example', address: '臺北市信義區松仁路100號' },
};
const NOTIFIED = '2025-03-02T14:30:00+08:00';

async function partsOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml')) out[name] = await zip.file(name)!.async('string');
  return out;
}

/** The visible text of a part: the w:t runs joined, so labels split across runs still match. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('ROC date and time (as Taiwanese forms print them)', () => {
  it('prints 民國 year, month, day, hour and minute in Taipei time', () => {
    expect(formatRocDateTime('2026-05-10T06:30:00Z')).toBe('民國115年5月10日 14時30分');
    expect(formatRocDateTime('2025-03-01T16:05:00Z')).toBe('民國114年3月2日 0時05分');
  });
});

describe('regulator form .docx (Q0010012 Art. 6 ¶2, K0010162 Art. 8 ¶2 附表二)', () => {
  const form = (regulation: string, overrides: Parameters<typeof incident>[0] = {}) =>
    buildRegulatorNotification(incident({ dataCategories: ['C001', 'C002', '會員帳號'], ...overrides }), organisation, authority, NOTIFIED, { regulation });

  it('shows ROC dates and times, named data categories and zh-TW labels only', async () => {
    const parts = await partsOf(await renderRegulatorNotificationDocx(form('K0010162')));
    const text = textOf(parts['word/document.xml']!);
    expect(text).toContain('民國114年3月2日 14時30分'); // notifiedAt
    expect(text).toContain('民國114年3月1日 2時10分'); // occurredAt
    expect(text).toContain('C001 辨識個人者、C002 辨識財務者、會員帳號');
    expect(text).toContain('非公務機關名稱');
    expect(text).toContain('12,000筆');
    expect(text).not.toMatch(/Organisation|Reporter|2025-03-02/);
  });

  it('is labelled in English only in the en version', async () => {
    const text = textOf((await partsOf(await renderRegulatorNotificationDocx(form('K0010162'), 'en')))['word/document.xml']!);
    expect(text).toContain('Organisation');
    expect(text).toContain('2025-03-02 14:30 (UTC+8)');
    expect(text).not.toContain('非公務機關名稱');
  });

  it("uses the sector table's own title, caption and layout (K0010162 附表二 vs Q0010012 附表1)", async () => {
    const moda = textOf((await partsOf(await renderRegulatorNotificationDocx(form('K0010162'))))['word/document.xml']!);
    expect(moda).toContain('附表二');
    expect(moda).toContain('業者個人資料外洩通報表');
    const mac = textOf((await partsOf(await renderRegulatorNotificationDocx(form('Q0010012'))))['word/document.xml']!);
    expect(mac).toContain('附表1');
    expect(mac).toContain('個人資料侵害事故通報與紀錄表');
    expect(mac).toContain('一、非公務機關名稱、通報人及聯絡方式');
    expect(mac).not.toContain('業者個人資料外洩通報表');
    // The two layouts group the rows differently: the authority comes before the reporter in Table 2.
    const order = (regulation: string) => regulatorFormGroups(form(regulation)).flatMap((g) => g.rows.map((r) => r.key));
    expect(order('K0010162').indexOf('authorityName')).toBeLessThan(order('K0010162').indexOf('reporterName'));
    expect(order('Q0010012').indexOf('authorityName')).toBeGreaterThan(order('Q0010012').indexOf('reporterName'));
  });

  it('has a signature and seal line, page numbers, w:lang zh-TW and 標楷體 (DFKai-SB) with a fallback', async () => {
    const parts = await partsOf(await renderRegulatorNotificationDocx(form('J0030130')));
    expect(textOf(parts['word/document.xml']!)).toContain('通報人簽章');
    expect(textOf(parts['word/document.xml']!)).toContain('非公務機關個資外洩通報表');
    const footer = Object.entries(parts).find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1] ?? '';
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(textOf(footer)).toContain('頁，共');
    expect(parts['word/styles.xml']).toMatch(/<w:lang [^>]*w:val="zh-TW"/);
    expect(parts['word/styles.xml']).toMatch(/<w:rFonts [^>]*w:eastAsia="標楷體"/);
    expect(parts['word/fontTable.xml']).toContain('<w:font w:name="標楷體"><w:altName w:val="DFKai-SB"/>');
    expect(parts['word/fontTable.xml']).toContain('<w:charset w:val="88"/>');
  });
});

describe("reporter (通報人) from the incident, defaults from the tenant profile", () => {
  const profile: Pick<TenantRecord, 'sector' | 'companyName' | 'contact' | 'regulationPcode'> = {
    sector: 'digitalEconomy',
    companyName: 'OO資訊股份有限公司',
    regulationPcode: 'K0010162',
    contact: { name: '王小明', email: 'privacy@oo.example', title: '法務長', phone: '02-2722-0000', address: '臺北市信義區市府路1號' },
  };

  it('fills title, phone and address so the form can be complete', () => {
    const form = regulatorFormOf(profile, incident(), new Date('2025-03-02T06:30:00Z'));
    expect(form).toMatchObject({ reporterName: '王小明', reporterTitle: '法務長', reporterPhone: '02-2722-0000', reporterAddress: '臺北市信義區市府路1號', formCaption: '附表二' });
    expect(form.missingFields).toEqual([]);
  });

  it("takes the incident's reporter first, field by field", () => {
    const form = regulatorFormOf(profile, incident(), new Date('2025-03-02T06:30:00Z'), { name: '陳大文', phone: '0912-345-678' });
    expect(form).toMatchObject({ reporterName: '陳大文', reporterPhone: '0912-345-678', reporterTitle: '法務長', reporterEmail: 'privacy@oo.example' });
  });

  it('lists title, phone and address as missing when neither has them', () => {
    const bare = { ...profile, contact: { name: '王小明', email: 'privacy@oo.example' } };
    expect(regulatorFormOf(bare, incident(), new Date('2025-03-02T06:30:00Z')).missingFields).toEqual(['reporterTitle', 'reporterPhone', 'reporterAddress']);
  });
});
