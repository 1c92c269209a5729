/**
 * Notices to data subjects (PDPA Art. 12, Rules Art. 22) and to customers (seed 000 §5(4)).
 * Content follows the five items of the 經濟部 leaflet (seed 002) and its example e-mail:
 * 01 what happened and the emergency measures, 02 the cause found, 03 the fixes, 04 the
 * authority and the police notified, 05 how we help and whom to call. A notice that only warns
 * about fraud does not comply.
 */
import { z } from 'zod';
import type { LocalizedText } from '../shared/localizedText';
import { formatTaipeiTime } from './clocks';
import { fail, ok, type Outcome } from '../shared/outcome';
import type { IncidentErrorCode } from './errors';
import { instantSchema, noticeChannels, type Incident, type NoticeRecord } from './incident';
import { noticeContentSchema, type NoticeContent } from './records';

export { noticeContentSchema, type NoticeContent };

export interface NoticeContentIssue {
  item: 1 | 2 | 3 | 4 | 5;
  field: string;
  message: LocalizedText;
}

const blank = (value: string | undefined) => !value || value.trim() === '';

const requiredItems: Array<{ item: NoticeContentIssue['item']; field: string; get: (c: NoticeContent) => string | undefined; label: LocalizedText }> = [
  { item: 1, field: 'whatHappened', get: (c) => c.whatHappened, label: { zhTW: '事故發生經過', en: 'what happened' } },
  { item: 1, field: 'emergencyMeasures', get: (c) => c.emergencyMeasures, label: { zhTW: '緊急應變與補救措施', en: 'emergency and remedial measures' } },
  { item: 2, field: 'causeInvestigation', get: (c) => c.causeInvestigation, label: { zhTW: '調查成因', en: 'the cause investigated' } },
  { item: 3, field: 'remediation', get: (c) => c.remediation, label: { zhTW: '事後修補措施', en: 'the fixes' } },
  { item: 4, field: 'authoritiesNotified', get: (c) => c.authoritiesNotified, label: { zhTW: '通報主管機關及報警', en: 'the authority and police notified' } },
  { item: 5, field: 'assistance', get: (c) => c.assistance, label: { zhTW: '協助當事人因應', en: 'how we help' } },
  { item: 5, field: 'contact.name', get: (c) => c.contact.name, label: { zhTW: '聯絡窗口', en: 'the contact person' } },
  { item: 5, field: 'contact.phone', get: (c) => c.contact.phone, label: { zhTW: '聯絡電話', en: 'the contact phone' } },
];

/** Every missing part of the five contents; empty means the notice may be sent. */
export function noticeContentIssues(content: NoticeContent): NoticeContentIssue[] {
  return requiredItems
    .filter((r) => blank(r.get(content)))
    .map((r) => ({
      item: r.item,
      field: r.field,
      message: { zhTW: `通知內容缺少：${r.label.zhTW}（第${r.item}項）`, en: `The notice lacks ${r.label.en} (item ${r.item})` },
    }));
}

export const noticeInputSchema = z
  .object({
    audience: z.enum(['dataSubjects', 'customers']).describe('Data subjects or our (SaaS/hosting) customers'),
    channel: z.enum(noticeChannels).describe('email, sms, websiteNotice, letter or phone'),
    sentAt: instantSchema,
    audienceSize: z.number().int().min(1).describe('How many recipients'),
    locale: z.enum(['zh-TW', 'en']).default('zh-TW'),
    customerIds: z.array(z.string().min(1)).default([]).describe('Customers covered (customer notices)'),
    content: noticeContentSchema,
  })
  .strict();
export type NoticeInput = z.infer<typeof noticeInputSchema>;

/**
 * Records a sent notice. The first data-subject notice marks subjectsNotified; customersNotified
 * is marked when the customer notices together cover every affected customer.
 */
export function recordNotice(incident: Incident, input: NoticeInput, id: string): Outcome<Incident, IncidentErrorCode> {
  if (incident.status === 'closed') return fail('conflict', 'INCIDENT_CLOSED', { zhTW: '事故已結案', en: 'The incident is closed' });
  const issues = noticeContentIssues(input.content);
  if (issues.length > 0) {
    // Each missing content is a field of the request's `content`, so the form can point at it.
    const fieldErrors = issues.map((issue) => ({ field: `content.${issue.field}`, reason: issue.message }));
    const onlyFraud = !blank(input.content.antiFraudReminder) && issues.length === requiredItems.length;
    return fail('invalid', 'NOTICE_CONTENT_INCOMPLETE', { zhTW: onlyFraud ? '僅有反詐騙宣導不符合個資法規範，通知須包含五項內容' : '通知內容不完整，須包含五項內容', en: onlyFraud ? 'An anti-fraud reminder alone does not comply; the notice needs all five contents' : 'The notice is incomplete; it needs all five contents' }, { details: { issues, fieldErrors } });
  }
  if (Date.parse(input.sentAt) < Date.parse(incident.discoveredAt)) {
    return fail('invalid', 'BEFORE_DISCOVERY', { zhTW: '通知時間不得早於發現事故時間', en: 'A notice cannot precede the discovery' });
  }
  const known = new Set(incident.customersAffected.map((c) => c.customerId));
  const unknown = input.customerIds.filter((c) => !known.has(c));
  if (input.audience === 'customers' && (input.customerIds.length === 0 || unknown.length > 0)) {
    return fail('invalid', 'UNKNOWN_CUSTOMER', { zhTW: '客戶通知須列出受影響之客戶', en: 'A customer notice must name affected customers' }, { details: { unknown } });
  }
  const notice: NoticeRecord = { id, ...input, customerIds: input.audience === 'customers' ? input.customerIds : [] };
  const notices = [...incident.notices, notice];
  const timeline = { ...incident.timeline };
  if (input.audience === 'dataSubjects' && timeline.subjectsNotified?.status !== 'done') {
    timeline.subjectsNotified = { status: 'done', at: input.sentAt };
  }
  if (input.audience === 'customers' && timeline.customersNotified?.status !== 'done') {
    const covered = new Set(notices.filter((n) => n.audience === 'customers').flatMap((n) => n.customerIds));
    if ([...known].every((c) => covered.has(c))) timeline.customersNotified = { status: 'done', at: input.sentAt };
  }
  return ok({ ...incident, notices, timeline });
}

export interface RenderedNotice {
  subject: string;
  body: string;
}

/**
 * Plain-text notice in the shape of the leaflet's example e-mail. `audience` changes the greeting
 * and, for customers, asks them to help notify their own data subjects (seed 000 §5(1)).
 */
export function renderNotice(
  content: NoticeContent,
  options: { organisationName: string; audience: 'dataSubjects' | 'customers'; locale: 'zh-TW' | 'en'; occurredAt?: string },
): RenderedNotice {
  const { organisationName: org, audience, locale } = options;
  const when = options.occurredAt ? formatTaipeiTime(options.occurredAt) : undefined;
  const contactLine = (zh: boolean) =>
    [content.contact.name, content.contact.phone, content.contact.email].filter((x) => x && x.trim()).join(zh ? '，' : ', ');
  if (locale === 'zh-TW') {
    const lines = [
      audience === 'customers' ? '貴客戶您好：' : '親愛的用戶您好：',
      '',
      `${org}${when ? `於${when}（台北時間）` : ''}發生個人資料事故：${content.whatHappened}`,
      `本公司已立即採取以下措施：${content.emergencyMeasures}`,
      '',
      `1. 事故原因：${content.causeInvestigation}`,
      `2. 修補措施：${content.remediation}`,
      `3. 通報情形：${content.authoritiesNotified}`,
      `4. 協助措施：${content.assistance}`,
      `5. 聯絡窗口：${contactLine(true)}`,
    ];
    if (audience === 'customers') lines.push('', '如需通知 貴客戶之當事人，本公司將配合協助。');
    if (!blank(content.antiFraudReminder)) lines.push('', `提醒：${content.antiFraudReminder}`);
    lines.push('', '本公司再次向您致歉。', org);
    return { subject: `${org}個人資料事故通知`, body: lines.join('\n') };
  }
  const lines = [
    audience === 'customers' ? 'Dear customer,' : 'Dear user,',
    '',
    `${org} has had a personal-data incident${when ? ` on ${when} (Taipei time)` : ''}: ${content.whatHappened}`,
    `We immediately took these measures: ${content.emergencyMeasures}`,
    '',
    `1. Cause: ${content.causeInvestigation}`,
    `2. Fixes: ${content.remediation}`,
    `3. Authorities notified: ${content.authoritiesNotified}`,
    `4. How we help: ${content.assistance}`,
    `5. Contact: ${contactLine(false)}`,
  ];
  if (audience === 'customers') lines.push('', 'We will help you notify your own data subjects where needed.');
  if (!blank(content.antiFraudReminder)) lines.push('', `Please note: ${content.antiFraudReminder}`);
  lines.push('', 'We sincerely apologise.', org);
  return { subject: `${org}: personal-data incident notice`, body: lines.join('\n') };
}
