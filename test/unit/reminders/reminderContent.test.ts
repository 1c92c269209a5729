/**
 * What a reminder e-mail says (issue #14 point 13): the company it is about, the escalation
 * sentence only when someone was escalated to, the exact time of exact-time deadlines (the
 * 72 hours of PDPA incident reporting, K0010162 Art. 8 ¶2), and an "act now" link to the item's
 * console page built by consolePathOf.
 */
import { describe, expect, it } from 'vitest';
import { consoleItemOfTask, consoleLinkOf, consolePathOf, consolePathTemplates, type ConsoleItem } from '../../../domain/reminders/consolePath';
import { buildReminderMessages, type ReminderTaskFacts } from '../../../domain/reminders/digest';
import type { PlannedReminder, ReminderRecipient } from '../../../domain/reviews/sweep';

const owner: ReminderRecipient = { name: '靜香', email: 'shizuka@example.com', locale: 'zh-TW' };
const convener: ReminderRecipient = { name: '小叮噹', email: 'doraemon@example.com', locale: 'zh-TW' };
const config = { consoleBaseUrl: 'https://app.example.com/console' };
const context = { companyName: '小叮噹股份有限公司', timeZone: 'Asia/Taipei' };

function reminder(overrides: Partial<PlannedReminder> = {}): PlannedReminder {
  return {
    reminderKey: `k-${Math.random()}`,
    taskId: 'duty:vendorCheck|vendor|ven_1#2026-12-31',
    dutyId: 'duty:vendorCheck|vendor|ven_1',
    dutyKind: 'vendorCheck',
    title: { zhTW: '委外廠商年度確認', en: 'Annual vendor check' },
    legalBasis: { zhTW: '施行細則第8條', en: 'Enforcement Rules Art. 8' },
    dueDate: '2026-12-31',
    daysUntilDue: -14,
    step: { id: 'after14', offsetDays: 14 },
    recipient: owner,
    audience: 'owner',
    escalated: true,
    urgent: false,
    sendOn: '2027-01-14',
    ...overrides,
  };
}

describe('consolePathOf', () => {
  it('gives the console page of each kind of item', () => {
    const cases: [ConsoleItem, string][] = [
      [{ kind: 'task', taskId: 'duty:a|vendor|v 1#2026-01-01' }, `/console/tasks/${encodeURIComponent('duty:a|vendor|v 1#2026-01-01')}`],
      [{ kind: 'dataSubjectRequest', requestId: 'dsr_01' }, '/console/data-subject-requests/dsr_01'],
      [{ kind: 'incident', incidentId: 'inc_01' }, '/console/incidents/inc_01'],
      [{ kind: 'vendor', vendorId: 'ven_01' }, '/console/vendors/ven_01'],
      [{ kind: 'planVersion', versionNumber: 7 }, '/console/plan/versions/7'],
    ];
    for (const [item, path] of cases) {
      expect(consolePathOf(item)).toBe(path);
      // Each path matches the template the console registers for its kind.
      const pattern = new RegExp(`^${consolePathTemplates[item.kind].replace(/\{[^}]+\}/g, '[^/]+')}$`);
      expect(path).toMatch(pattern);
    }
    expect(() => consolePathOf({ kind: 'planVersion', versionNumber: 0 })).toThrow(RangeError);
  });

  it("maps a task's resource to the page of what it is about, else the task page", () => {
    expect(consoleItemOfTask({ taskId: 't', resourcePath: '/v1/incidents/inc_9' })).toEqual({ kind: 'incident', incidentId: 'inc_9' });
    expect(consoleItemOfTask({ taskId: 't', resourcePath: '/v1/incidents/inc_9/corrective-actions' })).toEqual({ kind: 'incident', incidentId: 'inc_9' });
    expect(consoleItemOfTask({ taskId: 't', resourcePath: '/v1/vendors/ven_2/contracts/con_3' })).toEqual({ kind: 'vendor', vendorId: 'ven_2' });
    expect(consoleItemOfTask({ taskId: 't', resourcePath: '/v1/data-subject-requests/dsr_4' })).toEqual({ kind: 'dataSubjectRequest', requestId: 'dsr_4' });
    expect(consoleItemOfTask({ taskId: 't', resourcePath: '/v1/plan/versions/3' })).toEqual({ kind: 'planVersion', versionNumber: 3 });
    expect(consoleItemOfTask({ taskId: 't', resourcePath: null })).toEqual({ kind: 'task', taskId: 't' });
    expect(consoleItemOfTask({ taskId: 't', resourcePath: '/v1/something-else/1' })).toEqual({ kind: 'task', taskId: 't' });
  });

  it('builds the same absolute link with or without /console in the base URL', () => {
    const item: ConsoleItem = { kind: 'incident', incidentId: 'inc_1' };
    expect(consoleLinkOf('https://app.example.com/console/', item)).toBe('https://app.example.com/console/incidents/inc_1');
    expect(consoleLinkOf('https://app.example.com', item)).toBe('https://app.example.com/console/incidents/inc_1');
  });
});

describe('reminder e-mail text', () => {
  it('names the company in the subject and the body, in both languages', () => {
    const [message] = buildReminderMessages([reminder({ escalated: false, daysUntilDue: 7, step: { id: 'before7', offsetDays: -7 } })], config, context);
    expect(message!.subject).toContain('小叮噹股份有限公司');
    expect(message!.text).toContain('以下小叮噹股份有限公司之個資法遵事項需要您處理');
    expect(message!.text).toContain('item of 小叮噹股份有限公司 needs your attention');
  });

  it('says "escalated" only when the run did escalate to someone', () => {
    const late = reminder();
    const [alone] = buildReminderMessages([late], config, context);
    expect(alone!.text).not.toContain('已通報個資保護召集人');
    expect(alone!.text).not.toContain('has been escalated');
    expect(alone!.subject).toMatch(/^\[逾期\]/);

    const toConvener = { ...late, reminderKey: 'k-convener', recipient: convener, audience: 'escalation' as const };
    const messages = buildReminderMessages([late, toConvener], config, context);
    const ownerMail = messages.find((m) => m.to.email === owner.email)!;
    expect(ownerMail.text).toContain('本事項已逾期 14 天，已通報個資保護召集人及代表人。');
    expect(ownerMail.subject).toMatch(/^\[逾期通報\]/);
    expect(messages.find((m) => m.to.email === convener.email)!.text).toContain('您以個資保護召集人或代表人身分收到此通報');
  });

  it('shows the exact time of the 72-hour deadline (K0010162 Art. 8 ¶2), not only the date', () => {
    const incidentTask = reminder({
      taskId: 'duty:incidentAuthorityNotification|incident|inc_7#2025-03-04',
      title: { zhTW: '事故通報主管機關', en: 'Report the incident to the authority' },
      dueDate: '2025-03-04',
      daysUntilDue: 1,
      escalated: false,
      urgent: true,
      step: { id: 'deadline.24hLeft.2025-03-03T01:30:00.000Z', offsetDays: -1 },
    });
    const tasks = new Map<string, ReminderTaskFacts>([[incidentTask.taskId, { dueAt: '2025-03-04T01:30:00.000Z', resourcePath: '/v1/incidents/inc_7' }]]);
    const [message] = buildReminderMessages([incidentTask], config, { ...context, tasks });
    expect(message!.subject).toBe('[緊急] 小叮噹股份有限公司｜事故通報主管機關 將於 2025-03-04 09:30 (UTC+8) 到期');
    expect(message!.text).toContain('期限：2025-03-04 09:30 (UTC+8)（尚餘 1 天）');
    expect(message!.text).toContain('Deadline: 2025-03-04 09:30 (UTC+8)');
    // The "act now" link opens the incident's console page.
    expect(message!.text).toContain('https://app.example.com/console/incidents/inc_7');
    expect(message!.html).toContain('href="https://app.example.com/console/incidents/inc_7"');
    expect(message!.text).not.toContain('/reviews/tasks/');
  });
});
