/**
 * Reminder e-mails: the sweep's reminders grouped into one digest per recipient per day
 * (urgent ones alone, at once), and the message text for each, zh-TW first with English,
 * or English only for recipients whose locale is en.
 */
import { z } from 'zod';
import type { IsoDate } from '../shared/isoDate';
import type { Locale } from '../shared/localizedText';
import type { PlannedReminder, ReminderRecipient } from '../reviews/sweep';

export interface ReminderDigest {
  recipient: ReminderRecipient;
  day: IsoDate;
  /** An urgent reminder is never batched: its digest holds just that one. */
  urgent: boolean;
  reminders: PlannedReminder[];
}

/** Most overdue first, then soonest due, then by title, so the digest reads as a to-do list. */
function byUrgency(a: PlannedReminder, b: PlannedReminder): number {
  if (a.daysUntilDue !== b.daysUntilDue) return a.daysUntilDue - b.daysUntilDue;
  return a.title.zhTW.localeCompare(b.title.zhTW) || a.taskId.localeCompare(b.taskId);
}

export function groupIntoDigests(reminders: readonly PlannedReminder[]): ReminderDigest[] {
  const digests: ReminderDigest[] = [];
  const daily = new Map<string, ReminderDigest>();
  for (const reminder of reminders) {
    if (reminder.urgent) {
      digests.push({ recipient: reminder.recipient, day: reminder.sendOn, urgent: true, reminders: [reminder] });
      continue;
    }
    const key = `${reminder.recipient.email.trim().toLowerCase()}|${reminder.sendOn}`;
    const digest = daily.get(key);
    if (digest) {
      // The same key twice (a caller merging two sweeps) must not list the task twice.
      if (!digest.reminders.some((r) => r.reminderKey === reminder.reminderKey)) digest.reminders.push(reminder);
    } else {
      const created: ReminderDigest = { recipient: reminder.recipient, day: reminder.sendOn, urgent: false, reminders: [reminder] };
      daily.set(key, created);
      digests.push(created);
    }
  }
  for (const digest of digests) digest.reminders.sort(byUrgency);
  return digests;
}

export const reminderMessageConfigSchema = z
  .object({
    consoleBaseUrl: z.url().describe('Base URL of the compliance console'),
    taskPathTemplate: z
      .string()
      .startsWith('/')
      .default('/reviews/tasks/{taskId}')
      .describe('Path to a task; {taskId} and {dutyId} are replaced (URL-encoded)'),
  })
  .strict();
export type ReminderMessageConfig = z.input<typeof reminderMessageConfigSchema>;

export interface ReminderMessage {
  to: ReminderRecipient;
  subject: string;
  text: string;
  html: string;
  /** Keys the caller marks as sent once the message is queued. */
  reminderKeys: string[];
}

export function taskLink(reminder: Pick<PlannedReminder, 'taskId' | 'dutyId'>, config: ReminderMessageConfig): string {
  const base = config.consoleBaseUrl.replace(/\/+$/, '');
  const path = (config.taskPathTemplate ?? '/reviews/tasks/{taskId}')
    .replaceAll('{taskId}', encodeURIComponent(reminder.taskId))
    .replaceAll('{dutyId}', encodeURIComponent(reminder.dutyId));
  return `${base}${path}`;
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function dueStatusText(daysUntilDue: number, locale: Locale): string {
  if (locale === 'en') {
    if (daysUntilDue > 0) return `${plural(daysUntilDue, 'day')} left`;
    if (daysUntilDue === 0) return 'due today';
    return `${plural(-daysUntilDue, 'day')} overdue`;
  }
  if (daysUntilDue > 0) return `尚餘 ${daysUntilDue} 天`;
  if (daysUntilDue === 0) return '今日到期';
  return `已逾期 ${-daysUntilDue} 天`;
}

function prefix(reminders: readonly PlannedReminder[], locale: Locale): string {
  const en = locale === 'en';
  if (reminders.some((r) => r.urgent)) return en ? '[Urgent]' : '[緊急]';
  if (reminders.some((r) => r.escalated)) return en ? '[Escalation]' : '[逾期通報]';
  if (reminders.length === 1 && reminders[0]!.daysUntilDue < 0) return en ? '[Overdue]' : '[逾期]';
  return en ? '[Reminder]' : '[提醒]';
}

export function reminderSubject(reminders: readonly PlannedReminder[], locale: Locale): string {
  if (reminders.length === 0) throw new RangeError('A reminder message needs at least one reminder');
  const head = prefix(reminders, locale);
  if (reminders.length === 1) {
    const r = reminders[0]!;
    if (locale === 'en') {
      if (r.daysUntilDue > 0) return `${head} ${r.title.en} is due on ${r.dueDate}`;
      if (r.daysUntilDue === 0) return `${head} ${r.title.en} is due today (${r.dueDate})`;
      return `${head} ${r.title.en} was due on ${r.dueDate} (${plural(-r.daysUntilDue, 'day')} overdue)`;
    }
    if (r.daysUntilDue > 0) return `${head} ${r.title.zhTW} 將於 ${r.dueDate} 到期`;
    if (r.daysUntilDue === 0) return `${head} ${r.title.zhTW} 今日（${r.dueDate}）到期`;
    return `${head} ${r.title.zhTW} 已於 ${r.dueDate} 到期，逾期 ${-r.daysUntilDue} 天`;
  }
  const overdue = reminders.filter((r) => r.daysUntilDue < 0).length;
  const upcoming = reminders.length - overdue;
  if (locale === 'en') {
    const parts = [overdue > 0 ? `${overdue} overdue` : '', upcoming > 0 ? `${upcoming} due soon` : ''].filter(Boolean);
    return `${head} ${reminders.length} PDPA compliance items: ${parts.join(', ')}`;
  }
  const parts = [overdue > 0 ? `${overdue} 項逾期` : '', upcoming > 0 ? `${upcoming} 項即將到期` : ''].filter(Boolean);
  return `${head} ${reminders.length} 項個資法遵事項：${parts.join('、')}`;
}

interface ItemLines {
  title: string;
  due: string;
  basis: string;
  link: string;
  linkLabel: string;
  escalation: string | null;
}

function escalationText(r: PlannedReminder, locale: Locale): string | null {
  if (!r.escalated) return null;
  const days = -r.daysUntilDue;
  if (r.audience === 'escalation') {
    return locale === 'en'
      ? `Escalation: this item is ${plural(days, 'day')} overdue. You receive this as the data protection convener or representative; please follow up with the person responsible.`
      : `逾期通報：本事項已逾期 ${days} 天。您以個資保護召集人或代表人身分收到此通報，請督促負責人儘速完成。`;
  }
  return locale === 'en'
    ? `This item is ${plural(days, 'day')} overdue and has been escalated to the data protection convener and representative.`
    : `本事項已逾期 ${days} 天，已通報個資保護召集人及代表人。`;
}

function itemLines(r: PlannedReminder, locale: Locale, config: ReminderMessageConfig): ItemLines {
  const en = locale === 'en';
  return {
    title: en ? r.title.en : r.title.zhTW,
    due: en ? `Due date: ${r.dueDate} (${dueStatusText(r.daysUntilDue, 'en')})` : `到期日：${r.dueDate}（${dueStatusText(r.daysUntilDue, 'zh-TW')}）`,
    basis: en ? `Legal basis: ${r.legalBasis.en}` : `法律依據：${r.legalBasis.zhTW}`,
    link: taskLink(r, config),
    linkLabel: en ? 'Open in the console' : '前往處理',
    escalation: escalationText(r, locale),
  };
}

interface Section {
  greeting: string;
  intro: string;
  footer: string;
  items: ItemLines[];
}

function section(digest: ReminderDigest, locale: Locale, config: ReminderMessageConfig): Section {
  const count = digest.reminders.length;
  const en = locale === 'en';
  return {
    greeting: en ? `Dear ${digest.recipient.name},` : `${digest.recipient.name} 您好：`,
    intro: en
      ? count === 1
        ? 'The following personal data protection (PDPA) item needs your attention:'
        : `The following ${count} personal data protection (PDPA) items need your attention:`
      : count === 1
        ? '以下個資法遵事項需要您處理：'
        : `以下 ${count} 項個資法遵事項需要您處理：`,
    footer: en ? 'This reminder was sent automatically; please do not reply.' : '此為系統自動寄送之提醒，請勿直接回覆。',
    items: digest.reminders.map((r) => itemLines(r, locale, config)),
  };
}

function sectionText(s: Section, labelLink: string): string {
  const lines = [s.greeting, '', s.intro, ''];
  s.items.forEach((item, index) => {
    lines.push(`${index + 1}. ${item.title}`, `   ${item.due}`, `   ${item.basis}`, `   ${labelLink}${item.link}`);
    if (item.escalation) lines.push(`   ${item.escalation}`);
    lines.push('');
  });
  lines.push(s.footer);
  return lines.join('\n');
}

function sectionHtml(s: Section, lang: string): string {
  const items = s.items
    .map((item) => {
      const escalation = item.escalation ? `<br><strong style="color:#b00020">${escapeHtml(item.escalation)}</strong>` : '';
      return `<li><strong>${escapeHtml(item.title)}</strong><br>${escapeHtml(item.due)}<br>${escapeHtml(item.basis)}<br><a href="${escapeHtml(item.link)}">${escapeHtml(item.linkLabel)}</a>${escalation}</li>`;
    })
    .join('\n');
  return `<div lang="${lang}">\n<p>${escapeHtml(s.greeting)}</p>\n<p>${escapeHtml(s.intro)}</p>\n<ol>\n${items}\n</ol>\n<p style="color:#666">${escapeHtml(s.footer)}</p>\n</div>`;
}

/**
 * Builds the e-mail for one digest. zh-TW recipients read zh-TW first, then the same in
 * English; recipients with locale en read English only. The subject is in one language.
 */
export function buildReminderMessage(digest: ReminderDigest, config: ReminderMessageConfig): ReminderMessage {
  const locale = digest.recipient.locale;
  const subject = reminderSubject(digest.reminders, locale);
  const english = section(digest, 'en', config);
  let text: string;
  let htmlBody: string;
  if (locale === 'en') {
    text = sectionText(english, 'Link: ');
    htmlBody = sectionHtml(english, 'en');
  } else {
    const chinese = section(digest, 'zh-TW', config);
    text = `${sectionText(chinese, '連結：')}\n\n---- English ----\n\n${sectionText(english, 'Link: ')}`;
    htmlBody = `${sectionHtml(chinese, 'zh-TW')}\n<hr>\n${sectionHtml(english, 'en')}`;
  }
  const html = `<!DOCTYPE html>\n<html lang="${locale}">\n<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body>\n${htmlBody}\n</body>\n</html>`;
  return { to: digest.recipient, subject, text: `${text}\n`, html: `${html}\n`, reminderKeys: digest.reminders.map((r) => r.reminderKey) };
}

/** Groups the sweep's reminders and builds every message: urgent ones first. */
export function buildReminderMessages(reminders: readonly PlannedReminder[], config: ReminderMessageConfig): ReminderMessage[] {
  const digests = groupIntoDigests(reminders);
  return [...digests.filter((d) => d.urgent), ...digests.filter((d) => !d.urgent)].map((digest) => buildReminderMessage(digest, config));
}
