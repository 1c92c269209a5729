import { describe, expect, it } from 'vitest';
import {
  buildReminderMessage,
  buildReminderMessages,
  dueStatusText,
  escapeHtml,
  groupIntoDigests,
  reminderMessageConfigSchema,
  reminderSubject,
  taskLink,
} from '../../../domain/reminders/digest';
import { planSweep, type PlannedReminder, type ReminderRecipient } from '../../../domain/reviews/sweep';
import { convener, directory, makeDuty, taskFor } from '../reviews/support';

const alice: ReminderRecipient = { name: '靜香', email: 'shizuka@example.com', locale: 'zh-TW' };
const bob: ReminderRecipient = { name: 'Bob', email: 'bob@example.com', locale: 'en' };
const config = { consoleBaseUrl: 'https://console.example.com/' };
const context = { companyName: '小叮噹股份有限公司' };

let seq = 0;
function reminder(overrides: Partial<PlannedReminder> = {}): PlannedReminder {
  seq += 1;
  return {
    reminderKey: `k${seq}`,
    taskId: `duty:dataInventory|organization|self#2026-12-3${seq % 2}`,
    dutyId: 'duty:dataInventory|organization|self',
    dutyKind: 'dataInventory',
    title: { zhTW: '個資盤點', en: 'Personal data inventory' },
    legalBasis: { zhTW: '安全維護辦法第4條', en: 'Regulation Art. 4' },
    dueDate: '2026-12-31',
    daysUntilDue: 30,
    step: { id: 'before30', offsetDays: -30 },
    recipient: alice,
    audience: 'owner',
    escalated: false,
    urgent: false,
    sendOn: '2026-12-01',
    ...overrides,
  };
}

describe('groupIntoDigests', () => {
  it('makes one digest per recipient per day, keeps urgent ones apart, most overdue first', () => {
    const a1 = reminder({ daysUntilDue: 7 });
    const a2 = reminder({ daysUntilDue: -3, recipient: { ...alice, email: 'Shizuka@Example.com' } });
    const a3 = reminder({ daysUntilDue: 0 });
    const b1 = reminder({ recipient: bob });
    const urgent = reminder({ urgent: true, daysUntilDue: 2 });
    const nextDay = reminder({ sendOn: '2026-12-02' });
    const digests = groupIntoDigests([a1, b1, a2, urgent, a3, nextDay]);
    expect(digests.map((d) => [d.recipient.email.toLowerCase(), d.day, d.urgent, d.reminders.map((r) => r.reminderKey)])).toEqual([
      ['shizuka@example.com', '2026-12-01', false, [a2.reminderKey, a3.reminderKey, a1.reminderKey]],
      ['bob@example.com', '2026-12-01', false, [b1.reminderKey]],
      ['shizuka@example.com', '2026-12-01', true, [urgent.reminderKey]],
      ['shizuka@example.com', '2026-12-02', false, [nextDay.reminderKey]],
    ]);
  });

  it('does not list the same reminder key twice', () => {
    const r = reminder();
    expect(groupIntoDigests([r, { ...r }])[0]!.reminders).toHaveLength(1);
  });
});

describe('reminder subjects', () => {
  it('names a single task and its due date, zh-TW by default and English for en recipients', () => {
    expect(reminderSubject([reminder({ daysUntilDue: 30 })], 'zh-TW', context)).toBe('[提醒] 小叮噹股份有限公司｜個資盤點 將於 2026-12-31 到期');
    expect(reminderSubject([reminder({ daysUntilDue: 30 })], 'en', context)).toBe('[Reminder] 小叮噹股份有限公司: Personal data inventory is due on 2026-12-31');
    expect(reminderSubject([reminder({ daysUntilDue: 0 })], 'zh-TW', context)).toBe('[提醒] 小叮噹股份有限公司｜個資盤點 今日（2026-12-31）到期');
    expect(reminderSubject([reminder({ daysUntilDue: 0 })], 'en', context)).toBe('[Reminder] 小叮噹股份有限公司: Personal data inventory is due today (2026-12-31)');
    expect(reminderSubject([reminder({ daysUntilDue: -3 })], 'zh-TW', context)).toBe('[逾期] 小叮噹股份有限公司｜個資盤點 已於 2026-12-31 到期，逾期 3 天');
    expect(reminderSubject([reminder({ daysUntilDue: -1 })], 'en', context)).toBe('[Overdue] 小叮噹股份有限公司: Personal data inventory was due on 2026-12-31 (1 day overdue)');
    const escalated = reminder({ daysUntilDue: -14, escalated: true });
    expect(reminderSubject([escalated], 'zh-TW', { ...context, escalatedTo: new Set([`${escalated.taskId}|${escalated.step.id}`]) })).toBe('[逾期通報] 小叮噹股份有限公司｜個資盤點 已於 2026-12-31 到期，逾期 14 天');
    expect(reminderSubject([reminder({ daysUntilDue: 3, urgent: true })], 'en', context)).toBe('[Urgent] 小叮噹股份有限公司: Personal data inventory is due on 2026-12-31');
  });

  it('counts overdue and upcoming items for several tasks', () => {
    const three = [reminder({ daysUntilDue: -7 }), reminder({ daysUntilDue: 0 }), reminder({ daysUntilDue: 7 })];
    expect(reminderSubject(three, 'zh-TW', context)).toBe('[提醒] 小叮噹股份有限公司｜3 項個資法遵事項：1 項逾期、2 項即將到期');
    expect(reminderSubject(three, 'en', context)).toBe('[Reminder] 小叮噹股份有限公司: 3 PDPA compliance items: 1 overdue, 2 due soon');
    expect(reminderSubject([reminder({ daysUntilDue: 1 }), reminder({ daysUntilDue: 7 })], 'zh-TW', context)).toBe('[提醒] 小叮噹股份有限公司｜2 項個資法遵事項：2 項即將到期');
    const late = reminder({ daysUntilDue: -14, escalated: true });
    expect(reminderSubject([late, reminder({ daysUntilDue: -7 })], 'en', { ...context, escalatedTo: new Set([`${late.taskId}|${late.step.id}`]) })).toBe('[Escalation] 小叮噹股份有限公司: 2 PDPA compliance items: 2 overdue');
    // Nobody was escalated to: no escalation wording.
    expect(reminderSubject([late, reminder({ daysUntilDue: -7 })], 'en', context)).toBe('[Reminder] 小叮噹股份有限公司: 2 PDPA compliance items: 2 overdue');
    expect(() => reminderSubject([], 'zh-TW', context)).toThrow(RangeError);
  });

  it('words days left and overdue', () => {
    expect([dueStatusText(1, 'en'), dueStatusText(2, 'en'), dueStatusText(0, 'en'), dueStatusText(-1, 'en'), dueStatusText(-15, 'en')]).toEqual([
      '1 day left',
      '2 days left',
      'due today',
      '1 day overdue',
      '15 days overdue',
    ]);
    expect([dueStatusText(7, 'zh-TW'), dueStatusText(0, 'zh-TW'), dueStatusText(-14, 'zh-TW')]).toEqual(['尚餘 7 天', '今日到期', '已逾期 14 天']);
  });
});

describe('buildReminderMessage', () => {
  it('lists each task with due date, days left, legal basis and console link, zh-TW then English', () => {
    const r = reminder({ daysUntilDue: 7 });
    const message = buildReminderMessage({ recipient: alice, day: '2026-12-24', urgent: false, reminders: [r] }, config, context);
    expect(message.to).toEqual(alice);
    expect(message.reminderKeys).toEqual([r.reminderKey]);
    const link = `https://console.example.com/console/tasks/${encodeURIComponent(r.taskId)}`;
    for (const part of ['靜香 您好：', '個資盤點', '到期日：2026-12-31（尚餘 7 天）', '法律依據：安全維護辦法第4條', link, 'Personal data inventory', 'Due date: 2026-12-31 (7 days left)', 'Legal basis: Regulation Art. 4']) {
      expect(message.text).toContain(part);
    }
    expect(message.text.indexOf('個資盤點')).toBeLessThan(message.text.indexOf('Personal data inventory'));
    expect(message.html).toContain(`<a href="${escapeHtml(link)}">`);
    expect(message.html).toContain('<html lang="zh-TW">');
  });

  it('writes English only for an en recipient', () => {
    const message = buildReminderMessage({ recipient: bob, day: '2026-12-24', urgent: false, reminders: [reminder({ recipient: bob })] }, config, context);
    expect(message.subject).toBe('[Reminder] 小叮噹股份有限公司: Personal data inventory is due on 2026-12-31');
    expect(message.text).toContain('Dear Bob,');
    expect(message.text.replaceAll(context.companyName, '')).not.toMatch(/[\u4e00-\u9fff]/);
    expect(message.html.replaceAll(context.companyName, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('explains the escalation to the owner and to the convener', () => {
    const overdue = reminder({ daysUntilDue: -14, escalated: true });
    const toOwner = buildReminderMessage({ recipient: alice, day: '2027-01-14', urgent: false, reminders: [overdue] }, config, { ...context, escalatedTo: new Set([`${overdue.taskId}|${overdue.step.id}`]) });
    expect(toOwner.text).toContain('本事項已逾期 14 天，已通報個資保護召集人及代表人。');
    expect(toOwner.text).toContain('has been escalated to the data protection convener and representative');
    const toConvener = buildReminderMessage(
      { recipient: convener, day: '2027-01-14', urgent: false, reminders: [reminder({ daysUntilDue: -14, escalated: true, audience: 'escalation', recipient: convener })] },
      config,
      context,
    );
    expect(toConvener.text).toContain('您以個資保護召集人或代表人身分收到此通報');
    const notEscalated = buildReminderMessage({ recipient: alice, day: '2027-01-07', urgent: false, reminders: [reminder({ daysUntilDue: -7 })] }, config, context);
    expect(notEscalated.text).not.toContain('召集人');
  });

  it('escapes HTML in every user-supplied text', () => {
    const nasty = reminder({ title: { zhTW: '<script>alert("x")</script> & 盤點', en: "O'Brien <b>" }, recipient: { ...alice, name: '<img src=x>' } });
    const message = buildReminderMessage({ recipient: nasty.recipient, day: '2026-12-01', urgent: false, reminders: [nasty] }, config, context);
    expect(message.html).not.toContain('<script>');
    expect(message.html).not.toContain('<img');
    expect(message.html).not.toContain('<b>');
    expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 盤點');
    expect(message.html).toContain('O&#39;Brien &lt;b&gt;');
    // Plain text stays as written.
    expect(message.text).toContain('<script>alert("x")</script> & 盤點');
  });

  it('builds links to the console page from the configured base URL', () => {
    const r = reminder({ taskId: 'duty:a|vendor|v 1#2026-01-01' });
    expect(taskLink(r, { consoleBaseUrl: 'https://c.example.com' })).toBe(`https://c.example.com/console/tasks/${encodeURIComponent('duty:a|vendor|v 1#2026-01-01')}`);
    expect(taskLink(r, { consoleBaseUrl: 'https://c.example.com/console/' })).toBe(`https://c.example.com/console/tasks/${encodeURIComponent('duty:a|vendor|v 1#2026-01-01')}`);
    expect(reminderMessageConfigSchema.safeParse({ consoleBaseUrl: 'not a url' }).success).toBe(false);
  });
});

describe('from sweep to messages', () => {
  it('turns one day of the sweep into one digest per person and one message per urgent duty', () => {
    const inventory = makeDuty({ anchorDate: '2026-12-31' });
    const risk = makeDuty({ dutyKind: 'riskAssessment', title: { zhTW: '個資風險評估', en: 'Risk assessment' }, anchorDate: '2026-12-17' });
    const training = makeDuty({ dutyKind: 'staffTraining', title: { zhTW: '教育訓練', en: 'Training' }, anchorDate: '2026-12-25' });
    const incident = makeDuty({ dutyKind: 'incidentAuthorityNotification', title: { zhTW: '事故通報', en: 'Incident notification' }, subject: { kind: 'incident', id: 'i1' }, frequency: null, anchorDate: '2026-12-27', urgent: true });
    const plan = planSweep({
      asOf: '2026-12-24',
      duties: [inventory, risk, training, incident],
      tasksDueUpTo: [taskFor(inventory, '2026-12-31'), taskFor(risk, '2026-12-17'), taskFor(training, '2026-12-25'), taskFor(incident, '2026-12-27')],
      remindersAlreadySent: new Set(),
      directory,
    });
    const messages = buildReminderMessages([...plan.immediate, ...plan.digest], config, context);
    expect(messages.map((m) => m.subject)).toEqual(['[緊急] 小叮噹股份有限公司｜事故通報 將於 2026-12-27 到期', '[提醒] 小叮噹股份有限公司｜3 項個資法遵事項：1 項逾期、2 項即將到期']);
    expect(messages.flatMap((m) => m.reminderKeys).sort()).toEqual([...plan.immediate, ...plan.digest].map((r) => r.reminderKey).sort());
  });
});
