/**
 * The regulator form exactly as printed (mutation testing, issue #15): every row label and value
 * in both languages, the page around the table, and where each value comes from when it is
 * missing, blank or given elsewhere.
 */
import { describe, expect, it } from 'vitest';
import {
  buildRegulatorNotification,
  dataCategoryLabel,
  formTime,
  regulatorFormHeading,
  regulatorFormRows,
  renderRegulatorNotificationHtml,
  signatureLine,
  type Authority,
  type ReportingOrganisation,
} from '../../../domain/incident/regulatorForm';
import { recordRegulatorNotification } from '../../../domain/incident/timeline';
import { incident } from './fixtures';

const authority: Authority = { code: 'MODA', nameZh: '數位發展部', nameEn: 'Ministry of Digital Affairs', phone: '02', email: 'r@moda.example', formName: '附表二' };
const organisation: ReportingOrganisation = { name: 'OO資訊', reporter: { name: '陳大文', title: '專員', phone: '02-1234', email: 'dpo@oo.example', address: '臺北市' } };
const LATE = '2025-03-05T00:00:00+08:00';
const ON_TIME = '2025-03-02T09:00:00+08:00';
const lateIncident = () => incident({ kinds: ['other', 'leak'], otherKindDescription: '誤植', estimatedRecords: { general: 1200, special: 34 }, plannedMeasures: ['修補', '重設'], cause: '  ', summary: '摘要', dataCategories: [' C001 ', '自訂類別'] });

// Built inside each test: Stryker's per-test coverage does not see code run while tests are collected.
const lateForm = () => buildRegulatorNotification(lateIncident(), organisation, authority, LATE, { delayReason: '  鑑識中  ', regulation: 'K0010162' });

describe('form rows', () => {

  it('label and print every row in English in the Table 2 layout', () => {
    expect(regulatorFormRows(lateForm(), 'en').map((r) => [r.label, r.value])).toEqual([
      ['Organisation', 'OO資訊'],
      ['Authority notified', 'Ministry of Digital Affairs'],
      ['Time of notification', '2025-03-05 00:00 (UTC+8)'],
      ['Reporter', '陳大文'],
      ['Title', '專員'],
      ['Phone', '02-1234'],
      ['E-mail', 'dpo@oo.example'],
      ['Address', '臺北市'],
      ['Time of occurrence', '2025-03-01 02:10 (UTC+8)'],
      ['Time the incident became known', '2025-03-01 09:30 (UTC+8)'],
      ['Kind of incident', 'Other: 誤植; Leak'],
      ['Types of personal data', 'C001 辨識個人者; 自訂類別'],
      ['Estimated records (general)', '1,200'],
      ['Estimated records (special categories)', '34'],
      ['Estimated total records', '1,234'],
      ['Cause and summary', '摘要'],
      ['Damage', '客戶姓名、電話外洩'],
      ['Possible consequences', '詐騙電話'],
      ['Measures planned', '修補\n重設'],
      ['Planned time to notify data subjects', '2025-03-02 12:00 (UTC+8)'],
      ['Planned notification method', 'E-mail; SMS'],
      ['Reported within 72 hours of discovery?', 'No'],
      ['Reason for not reporting within 72 hours', '鑑識中'],
    ]);
  });

  it('label and print every row in zh-TW', () => {
    expect(regulatorFormRows(lateForm()).map((r) => [r.label, r.value])).toEqual([
      ['非公務機關名稱', 'OO資訊'],
      ['通報機關', '數位發展部'],
      ['通報時間', '民國114年3月5日 0時00分'],
      ['通報人', '陳大文'],
      ['職稱', '專員'],
      ['電話', '02-1234'],
      ['電子郵件', 'dpo@oo.example'],
      ['地址', '臺北市'],
      ['事件發生時間', '民國114年3月1日 2時10分'],
      ['知悉事故時間', '民國114年3月1日 9時30分'],
      ['事件發生種類', '其他：誤植、洩漏'],
      ['個人資料類型', 'C001 辨識個人者、自訂類別'],
      ['預估侵害筆數（一般個資）', '1,200筆'],
      ['預估侵害筆數（特種個資）', '34筆'],
      ['預估個人資料侵害總筆數', '1,234筆'],
      ['發生原因及事件摘要', '摘要'],
      ['損害狀況', '客戶姓名、電話外洩'],
      ['個人資料侵害可能結果', '詐騙電話'],
      ['擬採取之因應措施', '修補\n重設'],
      ['擬通知當事人時間', '民國114年3月2日 12時00分'],
      ['擬採通知當事人之方式', '電子郵件、簡訊'],
      ['是否於發現個資外洩後72小時內通報', '否'],
      ['未於72小時內通報之理由', '鑑識中'],
    ]);
  });

  it('say N/A for the delay reason of a report on time, and print a missing reason as blank', () => {
    const onTime = buildRegulatorNotification(incident(), organisation, authority, ON_TIME);
    const value = (f: typeof onTime, locale: 'en' | 'zh-TW', key: string) => regulatorFormRows(f, locale).find((r) => r.key === key)!.value;
    expect([value(onTime, 'en', 'withinDeadline'), value(onTime, 'en', 'delayReason')]).toEqual(['Yes', 'N/A']);
    expect([value(onTime, 'zh-TW', 'withinDeadline'), value(onTime, 'zh-TW', 'delayReason')]).toEqual(['是', '不適用']);
    const noReason = buildRegulatorNotification(incident({ occurredAt: undefined }), organisation, authority, LATE);
    expect(value(noReason, 'en', 'delayReason')).toBe('');
    expect(value(noReason, 'zh-TW', 'occurredAt')).toBe('');
    expect(regulatorFormRows(noReason, 'en').filter((r) => r.missing).map((r) => r.key)).toEqual(['occurredAt', 'delayReason']);
  });
});

describe('form values', () => {
  it('takes the delay reason given with an earlier report when none is given now', () => {
    const reported = recordRegulatorNotification(incident(), { notifiedAt: LATE, authorityCode: 'MODA', channel: 'email', stage: 'initial', delayReason: '鑑識中' });
    if (!reported.ok) throw new Error('setup');
    expect(buildRegulatorNotification(reported.value, organisation, authority, LATE).delayReason).toBe('鑑識中');
    expect(buildRegulatorNotification(reported.value, organisation, authority, LATE, { delayReason: '   ' }).delayReason).toBe('鑑識中');
    expect(buildRegulatorNotification(reported.value, organisation, authority, LATE, { delayReason: '另案說明' }).delayReason).toBe('另案說明');
  });

  it('leaves a blank cause out of the summary and names "other" only with its description', () => {
    const form = buildRegulatorNotification(incident({ cause: '原因', summary: ' ' }), organisation, authority, ON_TIME);
    expect(form.causeAndSummary).toBe('原因');
    // An "other" kind stored without its description (older record) prints the plain label.
    const bare = buildRegulatorNotification({ ...incident({ kinds: ['other', 'leak'], otherKindDescription: '誤植' }), otherKindDescription: undefined }, organisation, authority, ON_TIME);
    expect(bare.kinds).toEqual([{ zhTW: '其他', en: 'Other' }, { zhTW: '洩漏', en: 'Leak' }]);
    // The description never relabels another kind.
    expect(buildRegulatorNotification(incident({ kinds: ['leak'], otherKindDescription: '誤植' }), organisation, authority, ON_TIME).kinds).toEqual([{ zhTW: '洩漏', en: 'Leak' }]);
  });

  it('labels a category code, trimmed, and keeps text that is not a known code', () => {
    const names = new Map([['C001', { name: '辨識個人者' }]]);
    expect(dataCategoryLabel('  C001 ', names)).toBe('C001 辨識個人者');
    expect(dataCategoryLabel('C999', names)).toBe('C999');
    expect(dataCategoryLabel(' 自訂 ', names)).toBe('自訂');
  });

  it('prints no time for an unknown one', () => {
    expect(formTime(null, 'en')).toBe('');
    expect(formTime(null, 'zh-TW')).toBe('');
  });
});

describe('the HTML page', () => {
  it('frames the table with the caption, title and signature line in English', () => {
    const form = buildRegulatorNotification(lateIncident(), organisation, authority, LATE, { delayReason: '鑑識中', regulation: 'K0010162' });
    const lines = renderRegulatorNotificationHtml(form, 'en').split('\n');
    expect(lines.slice(0, 11)).toEqual([
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head><meta charset="utf-8">',
      '<title>Personal Data Breach Notification Form (K0010162 Table 2)</title>',
      '<style>body{font-family:"標楷體","DFKai-SB","BiauKai",serif}table{border-collapse:collapse}th,td{border:1px solid #444;padding:4px 8px;text-align:left;vertical-align:top}th.group{background:#eee}tr.missing td{background:#fee}</style>',
      '</head>',
      '<body>',
      '<p>Form: 附表二</p>',
      '<h1>Personal Data Breach Notification Form (K0010162 Table 2)</h1>',
      '<table>',
      '<tr><th colspan="2" class="group">Authority and time of notification</th></tr>',
    ]);
    expect(lines).toContain('<tr><th scope="row">Measures planned</th><td>修補<br>重設</td></tr>');
    expect(lines.slice(-5)).toEqual(['</table>', '<p>Reporter&#39;s signature or seal: ____________________    Date: ____________</p>', '</body>', '</html>', '']);
    // 4 group headings and 23 rows between the 10 lines above the table and the 5 below it.
    expect(lines).toHaveLength(10 + 4 + 23 + 5);
  });

  it('prints the zh-TW caption, and none for a table without one', () => {
    const k = buildRegulatorNotification(incident(), organisation, authority, ON_TIME, { regulation: 'K0010162' });
    expect(regulatorFormHeading(k, 'zh-TW')).toEqual({ caption: '附表二', title: '業者個人資料外洩通報表' });
    const zh = renderRegulatorNotificationHtml(k).split('\n');
    expect(zh.slice(6, 9)).toEqual(['<body>', '<p>附表二</p>', '<h1>業者個人資料外洩通報表</h1>']);
    expect(zh.at(-4)).toBe(`<p>${signatureLine('zh-TW')}</p>`);
    const generic = buildRegulatorNotification(incident(), organisation, authority, ON_TIME);
    expect(regulatorFormHeading(generic, 'en').caption).toBe('');
    const page = renderRegulatorNotificationHtml(generic, 'en').split('\n');
    expect(page[1]).toBe('<html lang="en">');
    // No caption: its line stays empty.
    expect(page.slice(6, 9)).toEqual(['<body>', '', `<h1>${generic.formTitle.en}</h1>`]);
    expect(renderRegulatorNotificationHtml(generic).split('\n')[1]).toBe('<html lang="zh-TW">');
  });
});
