/**
 * Reminder e-mails: the sweep's reminders grouped into one digest per recipient per day
 * (urgent ones alone, at once), and the message text for each, zh-TW first with English,
 * or English only for recipients whose locale is en. Each message names the company it is
 * about, shows exact-time deadlines (the 72 hours) with their time, links every item to its
 * console page (consolePath.ts) and says "escalated" only when someone was escalated to.
 */
import { z } from 'zod';
import { formatWallClockTime } from '../plan/rocDate';
import type { IsoDate } from '../shared/isoDate';
import type { Locale } from '../shared/localizedText';
import type { PlannedReminder, ReminderRecipient } from '../reviews/sweep';
import { consoleItemOfTask, consoleLinkOf } from './consolePath';

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
    consoleBaseUrl: z.url().describe('Base URL of the compliance console (with or without the /console prefix)'),
  })
  .strict();
export type ReminderMessageConfig = z.input<typeof reminderMessageConfigSchema>;

/** What the stored task adds to a planned reminder: its exact instant and what it is about. */
export interface ReminderTaskFacts {
  /** Exact deadline (incident 72 hours, DSR decision); null for a date-only duty. */
  dueAt: string | null;
  /** API path of the resource the task is about (/v1/incidents/…), if any. */
  resourcePath: string | null;
}

export interface ReminderMessageContext {
  /** The tenant the reminders are about: named in every subject and body. */
  companyName: string;
  /** Zone for exact deadlines; the tenant's, Asia/Taipei by default. */
  timeZone?: string;
  tasks?: ReadonlyMap<string, ReminderTaskFacts>;
  /**
   * escalationKey() of reminders that went to an escalation recipient in the same run. Without
   * it, an owner's message never claims an escalation it cannot vouch for.
   */
  escalatedTo?: ReadonlySet<string>;
}

export interface ReminderMessage {
  to: ReminderRecipient;
  subject: string;
  text: string;
  html: string;
  /** Keys the caller marks as sent once the message is queued. */
  reminderKeys: string[];
}

/** One task at one cadence step: the owner's and the convener's reminders share it. */
export const escalationKey = (r: Pick<PlannedReminder, 'taskId' | 'step'>) => `${r.taskId}|${r.step.id}`;

/** The steps that were in fact escalated: some reminder of the run went to an escalation recipient. */
export function escalationsOf(reminders: readonly PlannedReminder[]): Set<string> {
  return new Set(reminders.filter((r) => r.audience === 'escalation').map(escalationKey));
}

/** The console page of the item the reminder is about (never a guessed, unregistered path). */
export function taskLink(reminder: Pick<PlannedReminder, 'taskId'>, config: ReminderMessageConfig, facts?: ReminderTaskFacts): string {
  return consoleLinkOf(config.consoleBaseUrl, consoleItemOfTask({ taskId: reminder.taskId, resourcePath: facts?.resourcePath ?? null }));
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

/** Whether this reminder, as addressed, is an escalation (to the convener, or an owner who was escalated over). */
function escalatedFor(r: PlannedReminder, context: ReminderMessageContext): boolean {
  return r.audience === 'escalation' || (r.escalated && (context.escalatedTo?.has(escalationKey(r)) ?? false));
}

function prefix(reminders: readonly PlannedReminder[], locale: Locale, context: ReminderMessageContext): string {
  const en = locale === 'en';
  if (reminders.some((r) => r.urgent)) return en ? '[Urgent]' : '[緊急]';
  if (reminders.some((r) => escalatedFor(r, context))) return en ? '[Escalation]' : '[逾期通報]';
  if (reminders.length === 1 && reminders[0]!.daysUntilDue < 0) return en ? '[Overdue]' : '[逾期]';
  return en ? '[Reminder]' : '[提醒]';
}

/** The deadline as shown: the exact time (in the tenant's zone) when there is one, else the date. */
function dueWhen(r: PlannedReminder, context: ReminderMessageContext): string {
  const dueAt = context.tasks?.get(r.taskId)?.dueAt;
  return dueAt ? formatWallClockTime(dueAt, context.timeZone ?? 'Asia/Taipei') : r.dueDate;
}

export function reminderSubject(reminders: readonly PlannedReminder[], locale: Locale, context: ReminderMessageContext): string {
  if (reminders.length === 0) throw new RangeError('A reminder message needs at least one reminder');
  const head = prefix(reminders, locale, context);
  const company = context.companyName.trim();
  if (reminders.length === 1) {
    const r = reminders[0]!;
    const when = dueWhen(r, context);
    if (locale === 'en') {
      if (r.daysUntilDue > 0) return `${head} ${company}: ${r.title.en} is due on ${when}`;
      if (r.daysUntilDue === 0) return `${head} ${company}: ${r.title.en} is due today (${when})`;
      return `${head} ${company}: ${r.title.en} was due on ${when} (${plural(-r.daysUntilDue, 'day')} overdue)`;
    }
    if (r.daysUntilDue > 0) return `${head} ${company}｜${r.title.zhTW} 將於 ${when} 到期`;
    if (r.daysUntilDue === 0) return `${head} ${company}｜${r.title.zhTW} 今日（${when}）到期`;
    return `${head} ${company}｜${r.title.zhTW} 已於 ${when} 到期，逾期 ${-r.daysUntilDue} 天`;
  }
  const overdue = reminders.filter((r) => r.daysUntilDue < 0).length;
  const upcoming = reminders.length - overdue;
  if (locale === 'en') {
    const parts = [overdue > 0 ? `${overdue} overdue` : '', upcoming > 0 ? `${upcoming} due soon` : ''].filter(Boolean);
    return `${head} ${company}: ${reminders.length} PDPA compliance items: ${parts.join(', ')}`;
  }
  const parts = [overdue > 0 ? `${overdue} 項逾期` : '', upcoming > 0 ? `${upcoming} 項即將到期` : ''].filter(Boolean);
  return `${head} ${company}｜${reminders.length} 項個資法遵事項：${parts.join('、')}`;
}

interface ItemLines {
  title: string;
  due: string;
  basis: string;
  link: string;
  linkLabel: string;
  escalation: string | null;
}

function escalationText(r: PlannedReminder, locale: Locale, context: ReminderMessageContext): string | null {
  if (!escalatedFor(r, context)) return null;
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

function itemLines(r: PlannedReminder, locale: Locale, config: ReminderMessageConfig, context: ReminderMessageContext): ItemLines {
  const en = locale === 'en';
  const facts = context.tasks?.get(r.taskId);
  const when = dueWhen(r, context);
  return {
    title: en ? r.title.en : r.title.zhTW,
    due: en
      ? `${facts?.dueAt ? 'Deadline' : 'Due date'}: ${when} (${dueStatusText(r.daysUntilDue, 'en')})`
      : `${facts?.dueAt ? '期限' : '到期日'}：${when}（${dueStatusText(r.daysUntilDue, 'zh-TW')}）`,
    basis: en ? `Legal basis: ${r.legalBasis.en}` : `法律依據：${r.legalBasis.zhTW}`,
    link: taskLink(r, config, facts),
    linkLabel: en ? 'Open in the console' : '前往處理',
    escalation: escalationText(r, locale, context),
  };
}

interface Section {
  greeting: string;
  intro: string;
  footer: string;
  items: ItemLines[];
}

function section(digest: ReminderDigest, locale: Locale, config: ReminderMessageConfig, context: ReminderMessageContext): Section {
  const count = digest.reminders.length;
  const en = locale === 'en';
  const company = context.companyName.trim();
  return {
    greeting: en ? `Dear ${digest.recipient.name},` : `${digest.recipient.name} 您好：`,
    intro: en
      ? count === 1
        ? `The following personal data protection (PDPA) item of ${company} needs your attention:`
        : `The following ${count} personal data protection (PDPA) items of ${company} need your attention:`
      : count === 1
        ? `以下${company}之個資法遵事項需要您處理：`
        : `以下${company}之 ${count} 項個資法遵事項需要您處理：`,
    footer: en ? `This reminder was sent automatically for ${company}; please do not reply.` : `此為系統為${company}自動寄送之提醒，請勿直接回覆。`,
    items: digest.reminders.map((r) => itemLines(r, locale, config, context)),
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
export function buildReminderMessage(digest: ReminderDigest, config: ReminderMessageConfig, context: ReminderMessageContext): ReminderMessage {
  const locale = digest.recipient.locale;
  const subject = reminderSubject(digest.reminders, locale, context);
  const english = section(digest, 'en', config, context);
  let text: string;
  let htmlBody: string;
  if (locale === 'en') {
    text = sectionText(english, 'Link: ');
    htmlBody = sectionHtml(english, 'en');
  } else {
    const chinese = section(digest, 'zh-TW', config, context);
    text = `${sectionText(chinese, '連結：')}\n\n---- English ----\n\n${sectionText(english, 'Link: ')}`;
    htmlBody = `${sectionHtml(chinese, 'zh-TW')}\n<hr>\n${sectionHtml(english, 'en')}`;
  }
  const html = `<!DOCTYPE html>\n<html lang="${locale}">\n<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body>\n${htmlBody}\n</body>\n</html>`;
  return { to: digest.recipient, subject, text: `${text}\n`, html: `${html}\n`, reminderKeys: digest.reminders.map((r) => r.reminderKey) };
}

/** Groups the sweep's reminders and builds every message: urgent ones first. Escalations are read off the whole run. */
export function buildReminderMessages(reminders: readonly PlannedReminder[], config: ReminderMessageConfig, context: ReminderMessageContext): ReminderMessage[] {
  const full: ReminderMessageContext = { ...context, escalatedTo: context.escalatedTo ?? escalationsOf(reminders) };
  const digests = groupIntoDigests(reminders);
  return [...digests.filter((d) => d.urgent), ...digests.filter((d) => !d.urgent)].map((digest) => buildReminderMessage(digest, config, full));
}
