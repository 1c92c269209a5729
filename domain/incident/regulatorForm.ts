/**
 * 「個人資料侵害事故通報與紀錄表」: the report to the authority. Fields follow Q0010012 Art. 6 ¶2
 * items 1–4 (seed 001) and the Table 2 fields of pdpa-facts.md; which authority and which form
 * name come from the tenant's authority directory, passed in.
 */
import { z } from 'zod';
import type { LocalizedText } from '../shared/localizedText';
import { DATA_CATEGORY_CODE_PATTERN, mergeCodeLists } from '../inventory/codeLists';
import { formatRocDateTime, formatWallClockTime } from '../plan/rocDate';
import { notificationTiming, reportHoursOf } from './clocks';
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

/**
 * Who signs the form for the organisation (通報人) and how the authority reaches them. Kept with
 * the incident; a field left out falls back to the tenant profile's contact.
 */
export const notificationReporterSchema = z
  .object({
    name: z.string().trim().max(100).optional().describe('通報人'),
    title: z.string().trim().max(100).optional().describe('職稱'),
    phone: z.string().trim().max(50).optional().describe('電話'),
    email: z.string().trim().max(200).optional().describe('電子郵件'),
    address: z.string().trim().max(300).optional().describe('地址'),
  })
  .strict();
export type NotificationReporter = z.infer<typeof notificationReporterSchema>;

const reporterFields = ['name', 'title', 'phone', 'email', 'address'] as const;

/** The incident's reporter, each blank field taken from the tenant's default contact. */
export function reporterWithDefaults(
  reporter: NotificationReporter | null | undefined,
  defaults: Partial<Record<(typeof reporterFields)[number], string | undefined>>,
): Required<NotificationReporter> {
  return Object.fromEntries(reporterFields.map((key) => [key, reporter?.[key]?.trim() || defaults[key]?.trim() || ''])) as Required<NotificationReporter>;
}

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

/**
 * Which table a sector's regulation prescribes. Titles and captions are the names of the
 * regulations' attachments in the national laws database (/work/shared/laws/*.json 附件); the
 * PDFs themselves are not in our sources, so the field order follows the article text
 * (Q0010012 Art. 6 ¶2 items 1–4) or the fields of Table 2 as pdpa-facts.md lists them.
 */
export const regulatorFormLayoutKeys = ['incidentRecord', 'breachReport'] as const;
export type RegulatorFormLayoutKey = (typeof regulatorFormLayoutKeys)[number];

export interface RegulatorFormTable {
  /** Regulation pcode whose attachment this is, or null for the generic form. */
  regulation: string | null;
  caption: string;
  title: LocalizedText;
  layout: RegulatorFormLayoutKey;
}

const GENERIC_TITLE: LocalizedText = { zhTW: '個人資料侵害事故通報與紀錄表', en: 'Personal Data Breach Notification and Record' };

export const regulatorFormTables: Record<string, RegulatorFormTable> = {
  K0010162: { regulation: 'K0010162', caption: '附表二', title: { zhTW: '業者個人資料外洩通報表', en: 'Personal Data Breach Notification Form (K0010162 Table 2)' }, layout: 'breachReport' },
  J0030130: { regulation: 'J0030130', caption: '附表二', title: { zhTW: '非公務機關個資外洩通報表', en: 'Personal Data Breach Notification Form (J0030130 Table 2)' }, layout: 'breachReport' },
  J0080062: { regulation: 'J0080062', caption: '附表', title: { zhTW: '個人資料侵害事故通報與紀錄表', en: 'Personal Data Breach Notification and Record (J0080062 Table)' }, layout: 'incidentRecord' },
  Q0010012: { regulation: 'Q0010012', caption: '附表1', title: { zhTW: '個人資料侵害事故通報與紀錄表', en: 'Personal Data Breach Notification and Record (Q0010012 Table 1)' }, layout: 'incidentRecord' },
};

/** The table of the tenant's sector regulation; the generic 通報與紀錄表 when none is modelled. */
export function regulatorFormTableOf(regulationPcode: string | null | undefined): RegulatorFormTable {
  return (regulationPcode && regulatorFormTables[regulationPcode]) || { regulation: null, caption: '', title: GENERIC_TITLE, layout: 'incidentRecord' };
}

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
  /** The sector table's own title, caption and layout. */
  formTitle: LocalizedText;
  formCaption: string;
  formLayout: RegulatorFormLayoutKey;
  notifiedAt: string;
  discoveredAt: string;
  occurredAt: string | null;
  plannedSubjectNotificationAt: string | null;
  kinds: LocalizedText[];
  /** Code and name, e.g. `C001 辨識個人者`, when the code is in the code lists. */
  dataTypes: string[];
  estimatedRecordsGeneral: number;
  estimatedRecordsSpecial: number;
  estimatedRecordsTotal: number;
  causeAndSummary: string;
  damage: string;
  possibleConsequences: string;
  plannedMeasures: string[];
  plannedNotificationMethods: LocalizedText[];
  /** The report period of this incident (its regime's; 72 in every modelled regulation). */
  reportHours: number;
  deadline: string;
  withinDeadline: boolean;
  delayReason: string | null;
  /** Keys of fields still empty; the form may still be sent in stages (K0010162 Art. 8 ¶3). */
  missingFields: Array<keyof Omit<RegulatorNotificationForm, 'missingFields'>>;
}

/** `C001` → `C001 辨識個人者` from the code lists; text that already names the category stays as typed. */
export function dataCategoryLabel(value: string, names: ReadonlyMap<string, { name: string }>): string {
  const code = value.trim();
  const entry = DATA_CATEGORY_CODE_PATTERN.test(code) ? names.get(code) : undefined;
  return entry ? `${code} ${entry.name}` : code;
}

export interface RegulatorFormOptions {
  delayReason?: string;
  /** Sector regulation pcode: picks the table (title, caption, layout). */
  regulation?: string | null;
  /** Data category names (built-in list merged with the tenant's); default: the built-in list. */
  dataCategoryNames?: ReadonlyMap<string, { name: string }>;
}

export function buildRegulatorNotification(
  incident: Incident,
  organisation: ReportingOrganisation,
  authority: Authority,
  notifiedAt: string,
  options: RegulatorFormOptions = {},
): RegulatorNotificationForm {
  const timing = notificationTiming(incident, notifiedAt);
  const table = regulatorFormTableOf(options.regulation);
  const names = options.dataCategoryNames ?? mergeCodeLists().dataCategories;
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
    formTitle: table.title,
    formCaption: table.caption,
    formLayout: table.layout,
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
    dataTypes: incident.dataCategories.map((value) => dataCategoryLabel(value, names)),
    estimatedRecordsGeneral: incident.estimatedRecords.general,
    estimatedRecordsSpecial: incident.estimatedRecords.special,
    estimatedRecordsTotal: incident.estimatedRecords.general + incident.estimatedRecords.special,
    causeAndSummary,
    damage: incident.damage,
    possibleConsequences: incident.possibleConsequences,
    plannedMeasures: [...incident.plannedMeasures],
    plannedNotificationMethods: (incident.plannedSubjectNotification?.channels ?? []).map((c) => noticeChannelLabels[c]),
    reportHours: reportHoursOf(incident),
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

export type RegulatorFormLocale = 'zh-TW' | 'en';

export interface FormRow {
  key: string;
  label: string;
  value: string;
  missing: boolean;
}

export interface FormGroup {
  title: string;
  rows: FormRow[];
}

type RowKey = Exclude<keyof RegulatorNotificationForm, 'missingFields' | 'authorityCode' | 'formName' | 'formTitle' | 'formCaption' | 'formLayout' | 'reportHours' | 'deadline'>;

const rowLabels = (hours: number): Record<RowKey, LocalizedText> => ({
  organisation: { zhTW: '非公務機關名稱', en: 'Organisation' },
  reporterName: { zhTW: '通報人', en: 'Reporter' },
  reporterTitle: { zhTW: '職稱', en: 'Title' },
  reporterPhone: { zhTW: '電話', en: 'Phone' },
  reporterEmail: { zhTW: '電子郵件', en: 'E-mail' },
  reporterAddress: { zhTW: '地址', en: 'Address' },
  authorityName: { zhTW: '通報機關', en: 'Authority notified' },
  notifiedAt: { zhTW: '通報時間', en: 'Time of notification' },
  occurredAt: { zhTW: '事件發生時間', en: 'Time of occurrence' },
  discoveredAt: { zhTW: '知悉事故時間', en: 'Time the incident became known' },
  plannedSubjectNotificationAt: { zhTW: '擬通知當事人時間', en: 'Planned time to notify data subjects' },
  kinds: { zhTW: '事件發生種類', en: 'Kind of incident' },
  dataTypes: { zhTW: '個人資料類型', en: 'Types of personal data' },
  estimatedRecordsGeneral: { zhTW: '預估侵害筆數（一般個資）', en: 'Estimated records (general)' },
  estimatedRecordsSpecial: { zhTW: '預估侵害筆數（特種個資）', en: 'Estimated records (special categories)' },
  estimatedRecordsTotal: { zhTW: '預估個人資料侵害總筆數', en: 'Estimated total records' },
  causeAndSummary: { zhTW: '發生原因及事件摘要', en: 'Cause and summary' },
  damage: { zhTW: '損害狀況', en: 'Damage' },
  possibleConsequences: { zhTW: '個人資料侵害可能結果', en: 'Possible consequences' },
  plannedMeasures: { zhTW: '擬採取之因應措施', en: 'Measures planned' },
  plannedNotificationMethods: { zhTW: '擬採通知當事人之方式', en: 'Planned notification method' },
  withinDeadline: { zhTW: `是否於發現個資外洩後${hours}小時內通報`, en: `Reported within ${hours} hours of discovery?` },
  delayReason: { zhTW: `未於${hours}小時內通報之理由`, en: `Reason for not reporting within ${hours} hours` },
});

/** Row groups per layout, each titled as the article or the table groups them. */
const layouts: Record<RegulatorFormLayoutKey, { title: LocalizedText; keys: RowKey[] }[]> = {
  // Q0010012 Art. 6 ¶2 items 1–4 (J0080062's table carries the same name and fields).
  incidentRecord: [
    { title: { zhTW: '一、非公務機關名稱、通報人及聯絡方式', en: '1. Organisation, reporter and contact details' }, keys: ['organisation', 'reporterName', 'reporterTitle', 'reporterPhone', 'reporterEmail', 'reporterAddress'] },
    { title: { zhTW: '二、通報機關、通報時間、事件發生時間、擬通知當事人時間', en: '2. Authority, time of notification, time of occurrence, planned time to notify data subjects' }, keys: ['authorityName', 'notifiedAt', 'occurredAt', 'discoveredAt', 'plannedSubjectNotificationAt'] },
    {
      title: { zhTW: '三、事件發生種類、個人資料類型、預估個人資料侵害總筆數、發生原因、損害狀況、個人資料侵害可能結果', en: '3. Kind, data types, estimated records, cause, damage, possible consequences' },
      keys: ['kinds', 'dataTypes', 'estimatedRecordsGeneral', 'estimatedRecordsSpecial', 'estimatedRecordsTotal', 'causeAndSummary', 'damage', 'possibleConsequences'],
    },
    { title: { zhTW: '四、擬採取之因應措施、擬採通知當事人之方式', en: '4. Measures planned and how data subjects will be notified' }, keys: ['plannedMeasures', 'plannedNotificationMethods', 'withinDeadline', 'delayReason'] },
  ],
  // K0010162 / J0030130 Table 2: who reports to whom and when, the reporter, the incident, the response.
  breachReport: [
    { title: { zhTW: '通報機關及時間', en: 'Authority and time of notification' }, keys: ['organisation', 'authorityName', 'notifiedAt'] },
    { title: { zhTW: '通報人（簽章）及聯絡方式', en: 'Reporter (signature) and contact details' }, keys: ['reporterName', 'reporterTitle', 'reporterPhone', 'reporterEmail', 'reporterAddress'] },
    {
      title: { zhTW: '事件內容', en: 'The incident' },
      keys: ['occurredAt', 'discoveredAt', 'kinds', 'dataTypes', 'estimatedRecordsGeneral', 'estimatedRecordsSpecial', 'estimatedRecordsTotal', 'causeAndSummary', 'damage', 'possibleConsequences'],
    },
    { title: { zhTW: '因應措施及通知當事人', en: 'Response and notice to data subjects' }, keys: ['plannedMeasures', 'plannedSubjectNotificationAt', 'plannedNotificationMethods', 'withinDeadline', 'delayReason'] },
  ],
};

/** A time as the form prints it: ROC date and time in zh-TW (民國115年5月10日 14時30分), ISO-like with the offset in English. */
export function formTime(value: string | null, locale: RegulatorFormLocale): string {
  if (value === null) return '';
  return locale === 'en' ? formatWallClockTime(value) : formatRocDateTime(value);
}

function rowValue(form: RegulatorNotificationForm, key: RowKey, locale: RegulatorFormLocale): string {
  const en = locale === 'en';
  const text = (t: LocalizedText) => (en ? t.en : t.zhTW);
  const records = (n: number) => (en ? n.toLocaleString('en-US') : `${n.toLocaleString('en-US')}筆`);
  switch (key) {
    case 'authorityName':
      return text(form.authorityName);
    case 'notifiedAt':
    case 'occurredAt':
    case 'discoveredAt':
    case 'plannedSubjectNotificationAt':
      return formTime(form[key], locale);
    case 'kinds':
      return form.kinds.map(text).join(en ? '; ' : '、');
    case 'plannedNotificationMethods':
      return form.plannedNotificationMethods.map(text).join(en ? '; ' : '、');
    case 'dataTypes':
      return form.dataTypes.join(en ? '; ' : '、');
    case 'plannedMeasures':
      return form.plannedMeasures.join('\n');
    case 'estimatedRecordsGeneral':
    case 'estimatedRecordsSpecial':
    case 'estimatedRecordsTotal':
      return records(form[key]);
    case 'withinDeadline':
      return form.withinDeadline ? (en ? 'Yes' : '是') : en ? 'No' : '否';
    case 'delayReason':
      return form.withinDeadline ? (en ? 'N/A' : '不適用') : (form.delayReason ?? '');
    default:
      return form[key];
  }
}

/** The form in its sector layout, labelled in one language; shared by the HTML and .docx renderings. */
export function regulatorFormGroups(form: RegulatorNotificationForm, locale: RegulatorFormLocale = 'zh-TW'): FormGroup[] {
  const labels = rowLabels(form.reportHours);
  const missing = new Set<string>(form.missingFields);
  return layouts[form.formLayout].map((group) => ({
    title: locale === 'en' ? group.title.en : group.title.zhTW,
    rows: group.keys.map((key) => ({ key, label: locale === 'en' ? labels[key].en : labels[key].zhTW, value: rowValue(form, key, locale), missing: missing.has(key) })),
  }));
}

/** Every row of the form, in layout order. */
export function regulatorFormRows(form: RegulatorNotificationForm, locale: RegulatorFormLocale = 'zh-TW'): FormRow[] {
  return regulatorFormGroups(form, locale).flatMap((group) => group.rows);
}

/** The signature and seal line the authority expects under the form. */
export function signatureLine(locale: RegulatorFormLocale): string {
  return locale === 'en'
    ? "Reporter's signature or seal: ____________________    Date: ____________"
    : '通報人簽章：＿＿＿＿＿＿＿＿＿＿　　單位（公司）印信：＿＿＿＿＿＿＿＿　　日期：民國＿＿年＿＿月＿＿日';
}

/** The heading of the form: caption (附表二) and the sector table's title. */
export function regulatorFormHeading(form: RegulatorNotificationForm, locale: RegulatorFormLocale): { caption: string; title: string } {
  return locale === 'en' ? { caption: form.formCaption ? `Form: ${form.formName}` : '', title: form.formTitle.en } : { caption: form.formCaption, title: form.formTitle.zhTW };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A standalone HTML page in one language; every value is escaped and line breaks become <br>. */
export function renderRegulatorNotificationHtml(form: RegulatorNotificationForm, locale: RegulatorFormLocale = 'zh-TW'): string {
  const heading = regulatorFormHeading(form, locale);
  const groups = regulatorFormGroups(form, locale)
    .map((group) => {
      const rows = group.rows
        .map((r) => `<tr${r.missing ? ' class="missing"' : ''}><th scope="row">${escapeHtml(r.label)}</th><td>${escapeHtml(r.value).replace(/\n/g, '<br>')}</td></tr>`)
        .join('\n');
      return `<tr><th colspan="2" class="group">${escapeHtml(group.title)}</th></tr>\n${rows}`;
    })
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8">',
    `<title>${escapeHtml(heading.title)}</title>`,
    '<style>body{font-family:"標楷體","DFKai-SB","BiauKai",serif}table{border-collapse:collapse}th,td{border:1px solid #444;padding:4px 8px;text-align:left;vertical-align:top}th.group{background:#eee}tr.missing td{background:#fee}</style>',
    '</head>',
    '<body>',
    heading.caption ? `<p>${escapeHtml(heading.caption)}</p>` : '',
    `<h1>${escapeHtml(heading.title)}</h1>`,
    '<table>',
    groups,
    '</table>',
    `<p>${escapeHtml(signatureLine(locale))}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
