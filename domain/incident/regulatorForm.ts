/**
 * 「個人資料侵害事故通報與紀錄表」: the report to the authority. Fields follow Q0010012 Art. 6 ¶2
 * items 1–4 (seed 001) and the Table 2 fields of pdpa-facts.md; which authority and which form
 * name come from the tenant's authority directory, passed in.
 */
import { z } from 'zod';
import type { LocalizedText } from '../shared/localizedText';
import { formatTaipeiTime, notificationTiming } from './clocks';
import { incidentKindLabels, noticeChannelLabels, type Incident } from './incident';

export const authoritySchema = z
  .object({
    code: z.string().trim().min(1).max(50).describe('Directory code, e.g. MODA'),
    nameZh: z.string().trim().min(1).max(200).describe('e.g. 數位發展部'),
    nameEn: z.string().trim().min(1).max(200).describe('e.g. Ministry of Digital Affairs'),
    phone: z.string().trim().max(50).describe('Reporting phone'),
    email: z.string().trim().max(200).describe('Reporting e-mail'),
    formName: z.string().trim().min(1).max(200).describe('Form to use, e.g. 附表二'),
  })
  .strict();
export type Authority = z.infer<typeof authoritySchema>;

export const reportingOrganisationSchema = z
  .object({
    name: z.string().trim().min(1).max(200).describe('非公務機關名稱'),
    reporter: z
      .object({
        name: z.string().trim().max(100).describe('通報人'),
        title: z.string().trim().max(100).describe('職稱'),
        phone: z.string().trim().max(50).describe('電話'),
        email: z.string().trim().max(200).describe('電子郵件'),
        address: z.string().trim().max(300).describe('地址'),
      })
      .strict(),
  })
  .strict();
export type ReportingOrganisation = z.infer<typeof reportingOrganisationSchema>;

export interface RegulatorNotificationForm {
  organisation: string;
  reporterName: string;
  reporterTitle: string;
  reporterPhone: string;
  reporterEmail: string;
  reporterAddress: string;
  authorityCode: string;
  authorityName: LocalizedText;
  formName: string;
  notifiedAt: string;
  discoveredAt: string;
  occurredAt: string | null;
  plannedSubjectNotificationAt: string | null;
  kinds: LocalizedText[];
  dataTypes: string[];
  estimatedRecordsGeneral: number;
  estimatedRecordsSpecial: number;
  estimatedRecordsTotal: number;
  causeAndSummary: string;
  damage: string;
  possibleConsequences: string;
  plannedMeasures: string[];
  plannedNotificationMethods: LocalizedText[];
  deadline: string;
  withinDeadline: boolean;
  delayReason: string | null;
  /** Keys of fields still empty; the form may still be sent in stages (K0010162 Art. 8 ¶3). */
  missingFields: Array<keyof Omit<RegulatorNotificationForm, 'missingFields'>>;
}

export function buildRegulatorNotification(
  incident: Incident,
  organisation: ReportingOrganisation,
  authority: Authority,
  notifiedAt: string,
  options: { delayReason?: string } = {},
): RegulatorNotificationForm {
  const timing = notificationTiming(incident.discoveredAt, notifiedAt);
  const causeAndSummary = [incident.cause, incident.summary].filter((x) => x.trim()).join('\n');
  const delayReason = options.delayReason?.trim() || incident.regulatorNotifications.find((r) => r.delayReason)?.delayReason || null;
  const subjectsRuledOut = incident.timeline.subjectsNotified?.status === 'notApplicable';
  const form: Omit<RegulatorNotificationForm, 'missingFields'> = {
    organisation: organisation.name,
    reporterName: organisation.reporter.name,
    reporterTitle: organisation.reporter.title,
    reporterPhone: organisation.reporter.phone,
    reporterEmail: organisation.reporter.email,
    reporterAddress: organisation.reporter.address,
    authorityCode: authority.code,
    authorityName: { zhTW: authority.nameZh, en: authority.nameEn },
    formName: authority.formName,
    notifiedAt: new Date(Date.parse(notifiedAt)).toISOString(),
    discoveredAt: new Date(Date.parse(incident.discoveredAt)).toISOString(),
    occurredAt: incident.occurredAt ? new Date(Date.parse(incident.occurredAt)).toISOString() : null,
    plannedSubjectNotificationAt: incident.plannedSubjectNotification?.at
      ? new Date(Date.parse(incident.plannedSubjectNotification.at)).toISOString()
      : null,
    kinds: incident.kinds.map((k) =>
      k === 'other' && incident.otherKindDescription
        ? { zhTW: `其他：${incident.otherKindDescription}`, en: `Other: ${incident.otherKindDescription}` }
        : incidentKindLabels[k],
    ),
    dataTypes: [...incident.dataCategories],
    estimatedRecordsGeneral: incident.estimatedRecords.general,
    estimatedRecordsSpecial: incident.estimatedRecords.special,
    estimatedRecordsTotal: incident.estimatedRecords.general + incident.estimatedRecords.special,
    causeAndSummary,
    damage: incident.damage,
    possibleConsequences: incident.possibleConsequences,
    plannedMeasures: [...incident.plannedMeasures],
    plannedNotificationMethods: (incident.plannedSubjectNotification?.channels ?? []).map((c) => noticeChannelLabels[c]),
    deadline: timing.deadline,
    withinDeadline: timing.withinDeadline,
    delayReason: timing.withinDeadline ? null : delayReason,
  };
  const missing: RegulatorNotificationForm['missingFields'] = [];
  const textFields = [
    'organisation',
    'reporterName',
    'reporterTitle',
    'reporterPhone',
    'reporterEmail',
    'reporterAddress',
    'causeAndSummary',
    'damage',
    'possibleConsequences',
  ] as const;
  for (const key of textFields) if (!form[key].trim()) missing.push(key);
  if (form.occurredAt === null) missing.push('occurredAt');
  if (form.dataTypes.length === 0) missing.push('dataTypes');
  if (form.plannedMeasures.length === 0) missing.push('plannedMeasures');
  if (!subjectsRuledOut && form.plannedSubjectNotificationAt === null) missing.push('plannedSubjectNotificationAt');
  if (!subjectsRuledOut && form.plannedNotificationMethods.length === 0) missing.push('plannedNotificationMethods');
  if (!form.withinDeadline && !form.delayReason) missing.push('delayReason');
  return { ...form, missingFields: missing };
}

export interface FormRow {
  key: string;
  label: LocalizedText;
  value: string;
}

const bilingual = (t: LocalizedText) => `${t.zhTW} ${t.en}`;
const time = (value: string | null) => (value === null ? '' : `${formatTaipeiTime(value)} (UTC+8)`);

/** The form as labelled rows, shared by the HTML and .docx renderings so both say the same. */
export function regulatorFormRows(form: RegulatorNotificationForm): FormRow[] {
  const row = (key: string, zhTW: string, en: string, value: string): FormRow => ({ key, label: { zhTW, en }, value });
  return [
    row('organisation', '非公務機關名稱', 'Organisation', form.organisation),
    row('reporterName', '通報人', 'Reporter', form.reporterName),
    row('reporterTitle', '職稱', 'Title', form.reporterTitle),
    row('reporterPhone', '電話', 'Phone', form.reporterPhone),
    row('reporterEmail', '電子郵件', 'E-mail', form.reporterEmail),
    row('reporterAddress', '地址', 'Address', form.reporterAddress),
    row('authorityName', '通報機關', 'Authority notified', bilingual(form.authorityName)),
    row('notifiedAt', '通報時間', 'Time of notification', time(form.notifiedAt)),
    row('occurredAt', '事件發生時間', 'Time of occurrence', time(form.occurredAt)),
    row('discoveredAt', '知悉事故時間', 'Time the incident became known', time(form.discoveredAt)),
    row('plannedSubjectNotificationAt', '擬通知當事人時間', 'Planned time to notify data subjects', time(form.plannedSubjectNotificationAt)),
    row('kinds', '事件發生種類', 'Kind of incident', form.kinds.map(bilingual).join('；')),
    row('dataTypes', '個人資料類型', 'Types of personal data', form.dataTypes.join('；')),
    row('estimatedRecordsGeneral', '預估侵害筆數（一般個資）', 'Estimated records (general)', String(form.estimatedRecordsGeneral)),
    row('estimatedRecordsSpecial', '預估侵害筆數（特種個資）', 'Estimated records (special categories)', String(form.estimatedRecordsSpecial)),
    row('estimatedRecordsTotal', '預估侵害總筆數', 'Estimated total records', String(form.estimatedRecordsTotal)),
    row('causeAndSummary', '發生原因及事件摘要', 'Cause and summary', form.causeAndSummary),
    row('damage', '損害狀況', 'Damage', form.damage),
    row('possibleConsequences', '個人資料侵害可能結果', 'Possible consequences', form.possibleConsequences),
    row('plannedMeasures', '擬採取之因應措施', 'Measures planned', form.plannedMeasures.join('\n')),
    row('plannedNotificationMethods', '擬採通知當事人之方式', 'Planned notification method', form.plannedNotificationMethods.map(bilingual).join('；')),
    row(
      'withinDeadline',
      '是否於發現個資外洩後72小時內通報',
      'Reported within 72 hours of discovery?',
      form.withinDeadline ? '是 Yes' : '否 No',
    ),
    row('delayReason', '未於72小時內通報之理由', 'Reason for not reporting within 72 hours', form.withinDeadline ? '不適用 N/A' : (form.delayReason ?? '')),
  ];
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A standalone HTML page; every value is escaped and line breaks become <br>. */
export function renderRegulatorNotificationHtml(form: RegulatorNotificationForm): string {
  const rows = regulatorFormRows(form)
    .map((r) => {
      const missing = form.missingFields.includes(r.key as RegulatorNotificationForm['missingFields'][number]);
      const value = escapeHtml(r.value).replace(/\n/g, '<br>');
      return `<tr${missing ? ' class="missing"' : ''}><th scope="row">${escapeHtml(r.label.zhTW)}<br><small>${escapeHtml(r.label.en)}</small></th><td>${value}</td></tr>`;
    })
    .join('\n');
  const title = `個人資料侵害事故通報與紀錄表 Personal Data Breach Notification and Record`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-TW">',
    '<head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>table{border-collapse:collapse}th,td{border:1px solid #444;padding:4px 8px;text-align:left;vertical-align:top}tr.missing td{background:#fee}</style>',
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(form.formName)}</p>`,
    '<table>',
    rows,
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
