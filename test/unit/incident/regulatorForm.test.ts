import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRegulatorNotification, escapeHtml, renderRegulatorNotificationHtml, type Authority, type ReportingOrganisation } from '../../../domain/incident/regulatorForm';
import { pinZipTimestamps, renderRegulatorNotificationDocx } from '../../../domain/incident/regulatorFormDocx';
import { markStepNotApplicable } from '../../../domain/incident/timeline';
import { incident } from './fixtures';

const authority: Authority = { code: 'MODA', nameZh: '數位發展部', nameEn: 'Ministry of Digital Affairs', phone: '02-23808390', email: 'report@moda.example', formName: '附表二' };
const organisation: ReportingOrganisation = {
  name: 'OO資訊股份有限公司',
  reporter: { name: '陳大文', title: '個資管理專責人員', phone: '02-1234-5678', email: 'dpo@oo.example', address: '臺北市信義區' },
};

describe('buildRegulatorNotification', () => {
  it('fills the Art. 6 form fields and has nothing missing for a complete incident on time', () => {
    const form = buildRegulatorNotification(incident(), organisation, authority, '2025-03-02T09:00:00+08:00');
    expect(form).toMatchObject({
      organisation: 'OO資訊股份有限公司',
      reporterTitle: '個資管理專責人員',
      authorityName: { zhTW: '數位發展部', en: 'Ministry of Digital Affairs' },
      notifiedAt: '2025-03-02T01:00:00.000Z',
      occurredAt: '2025-02-28T18:10:00.000Z',
      plannedSubjectNotificationAt: '2025-03-02T04:00:00.000Z',
      estimatedRecordsGeneral: 12000,
      estimatedRecordsSpecial: 0,
      estimatedRecordsTotal: 12000,
      causeAndSummary: '未修補之 CVE\n駭客利用弱點存取客戶資料表',
      withinDeadline: true,
      delayReason: null,
      missingFields: [],
    });
    expect(form.kinds.map((k) => k.zhTW)).toEqual(['系統入侵', '洩漏']);
    expect(form.plannedNotificationMethods.map((m) => m.en)).toEqual(['E-mail', 'SMS']);
  });
  it('lists empty fields and a missing delay reason when late', () => {
    const sparse = incident({ occurredAt: undefined, cause: '', summary: '', damage: '', plannedMeasures: [], plannedSubjectNotification: undefined, dataCategories: [] });
    const form = buildRegulatorNotification(sparse, { ...organisation, reporter: { ...organisation.reporter, phone: ' ' } }, authority, '2025-03-05T00:00:00+08:00');
    expect(form.withinDeadline).toBe(false);
    expect(form.missingFields).toEqual([
      'reporterPhone',
      'causeAndSummary',
      'damage',
      'occurredAt',
      'dataTypes',
      'plannedMeasures',
      'plannedSubjectNotificationAt',
      'plannedNotificationMethods',
      'delayReason',
    ]);
    const withReason = buildRegulatorNotification(sparse, organisation, authority, '2025-03-05T00:00:00+08:00', { delayReason: '鑑識中' });
    expect(withReason.delayReason).toBe('鑑識中');
    expect(withReason.missingFields).not.toContain('delayReason');
  });
  it('treats the exact deadline as within 72 hours', () => {
    expect(buildRegulatorNotification(incident(), organisation, authority, '2025-03-04T09:30:00+08:00').withinDeadline).toBe(true);
    expect(buildRegulatorNotification(incident(), organisation, authority, '2025-03-04T09:30:01+08:00').withinDeadline).toBe(false);
  });
  it('does not ask for the planned subject notice once it was ruled not applicable', () => {
    const i = incident({ plannedSubjectNotification: undefined });
    const ruled = markStepNotApplicable(i, 'subjectsNotified', { reason: '資料已加密', decidedBy: 'DPO', decidedAt: '2025-03-01T12:00:00+08:00' });
    if (!ruled.ok) throw new Error('setup');
    expect(buildRegulatorNotification(ruled.value, organisation, authority, '2025-03-02T09:00:00+08:00').missingFields).toEqual([]);
  });
});

describe('HTML rendering', () => {
  it('escapes every value', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    const hostile = incident({ summary: '<script>alert("x")</script>' });
    const html = renderRegulatorNotificationHtml(buildRegulatorNotification(hostile, { ...organisation, name: 'A&B <公司>' }, authority, '2025-03-02T09:00:00+08:00'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('A&amp;B &lt;公司&gt;');
  });
  it('is deterministic, shows Taipei times and marks missing rows', () => {
    const form = buildRegulatorNotification(incident({ damage: '' }), organisation, authority, '2025-03-02T09:00:00+08:00');
    const html = renderRegulatorNotificationHtml(form);
    expect(renderRegulatorNotificationHtml(form)).toBe(html);
    expect(html).toContain('民國114年3月2日 9時00分');
    expect(html).toContain('是否於發現個資外洩後72小時內通報');
    expect(html).toMatch(/<tr class="missing"><th scope="row">損害狀況/);
  });
});

describe('.docx rendering', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  it('produces a zip that is byte-identical whatever the clock says', async () => {
    const form = buildRegulatorNotification(incident(), organisation, authority, '2025-03-02T09:00:00+08:00');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const first = await renderRegulatorNotificationDocx(form);
    vi.setSystemTime(new Date('2031-07-15T13:37:00Z'));
    const second = await renderRegulatorNotificationDocx(form);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    // First local header: signature PK\x03\x04, DOS time 0 and date 1980-01-01 (0x0021).
    const view = new DataView(first.buffer, first.byteOffset, first.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(10, true)).toBe(0);
    expect(view.getUint16(12, true)).toBe(0x21);
    expect(Buffer.from(first).toString('latin1')).toContain('word/document.xml');
  });
  it('rejects non-zip input when pinning timestamps', () => {
    expect(() => pinZipTimestamps(new Uint8Array(30))).toThrow('Not a zip archive');
  });
});
