/**
 * A simulated year of daily sweeps "as of" each day for a tenant on the default duties: every
 * task is completed on its due date except one left 24 days overdue. The outbox must then hold
 * exactly the expected digests — one per recipient per day, escalated to the convener and the
 * representative from 14 days overdue — and running a day twice must add nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, zonedInstant } from '../../../domain/shared/isoDate';
import { createOutboxTransport } from '../../../functions/mail/outboxTransport';
import { runReviewSweep } from '../../../functions/reviews/sweep';
import { createTestApi, type TestApi } from '../support/testApi';
import { readOutbox } from './outbox';

let now = new Date('2026-01-01T01:00:00Z');
let api: TestApi;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
const outboxDir = mkdtempSync(join(tmpdir(), 'pdpa-outbox-year-'));

const A = 'privacy@example.com';
const B = 'security@example.com';
const C = 'convener@example.com';
const D = 'representative@example.com';

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  api.deps.mailer = createOutboxTransport(outboxDir);
  tenant = await api.onboardTenant();
  const directory = await api.call('PUT', '/v1/team-directory', {
    key: tenant.ownerKey,
    headers: { 'if-match': '"0"' },
    body: {
      members: {
        privacyOfficer: [{ name: '林小美', email: A, locale: 'zh-TW' }],
        securityLead: [{ name: '張資安', email: B, locale: 'zh-TW' }],
        convener: [{ name: '陳召集', email: C, locale: 'zh-TW' }],
        representative: [{ name: '王代表', email: D, locale: 'zh-TW' }],
      },
    },
  });
  expect(directory.status).toBe(200);
});

const OFFICE = '公司OA區防火牆及郵件過濾更新';
const PURPOSE = '特定目的消失及期限屆滿檢視';
/** Every subject names the company (the test tenant). */
const CO = '範例資訊股份有限公司';
const soon = (title: string, due: string) => `[提醒] ${CO}｜${title} 將於 ${due} 到期`;
const today = (title: string, due: string) => `[提醒] ${CO}｜${title} 今日（${due}）到期`;
const many = (count: number) => `[提醒] ${CO}｜${count} 項個資法遵事項：${count} 項即將到期`;
const overdue = (prefix: string, title: string, due: string, days: number) => `${prefix} ${CO}｜${title} 已於 ${due} 到期，逾期 ${days} 天`;

/** [recipient, day, subject] for every digest the year should produce. */
const expected: [string, string, string][] = [
  // Security lead: the quarterly office firewall update, then with the half-yearly hosted one.
  [B, '2026-03-02', soon(OFFICE, '2026-04-01')],
  [B, '2026-03-25', soon(OFFICE, '2026-04-01')],
  [B, '2026-03-31', soon(OFFICE, '2026-04-01')],
  [B, '2026-04-01', today(OFFICE, '2026-04-01')],
  [B, '2026-06-01', many(2)],
  [B, '2026-06-24', many(2)],
  [B, '2026-06-30', many(2)],
  [B, '2026-07-01', many(2)],
  [B, '2026-09-01', soon(OFFICE, '2026-10-01')],
  [B, '2026-09-24', soon(OFFICE, '2026-10-01')],
  [B, '2026-09-30', soon(OFFICE, '2026-10-01')],
  [B, '2026-10-01', today(OFFICE, '2026-10-01')],
  [B, '2026-12-02', many(7)],
  [B, '2026-12-25', many(7)],
  [B, '2026-12-31', many(7)],
  // Privacy officer: the half-yearly purpose review, left open until 2026-07-25.
  [A, '2026-06-01', soon(PURPOSE, '2026-07-01')],
  [A, '2026-06-24', soon(PURPOSE, '2026-07-01')],
  [A, '2026-06-30', soon(PURPOSE, '2026-07-01')],
  [A, '2026-07-01', today(PURPOSE, '2026-07-01')],
  [A, '2026-07-08', overdue('[逾期]', PURPOSE, '2026-07-01', 7)],
  [A, '2026-07-15', overdue('[逾期通報]', PURPOSE, '2026-07-01', 14)],
  [A, '2026-07-22', overdue('[逾期通報]', PURPOSE, '2026-07-01', 21)],
  [A, '2026-12-02', many(5)],
  [A, '2026-12-25', many(5)],
  [A, '2026-12-31', many(5)],
  // Escalation from 14 days overdue (plan §1(1): 召集人 and 代表人).
  [C, '2026-07-15', overdue('[逾期通報]', PURPOSE, '2026-07-01', 14)],
  [C, '2026-07-22', overdue('[逾期通報]', PURPOSE, '2026-07-01', 21)],
  [D, '2026-07-15', overdue('[逾期通報]', PURPOSE, '2026-07-01', 14)],
  [D, '2026-07-22', overdue('[逾期通報]', PURPOSE, '2026-07-01', 21)],
  // The convener's own yearly duties (drill, team training, audit, plan review).
  [C, '2026-12-02', many(4)],
  [C, '2026-12-25', many(4)],
  [C, '2026-12-31', many(4)],
];

const RUN_TWICE = new Set(['2026-03-02', '2026-07-01', '2026-07-15', '2026-12-02']);

describe('a year of daily sweeps', () => {
  it('sends exactly the expected digests, escalates, never duplicates, and completes without drift', async () => {
    const started = performance.now();
    let sweeps = 0;
    for (let day = '2026-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      now = new Date(zonedInstant(day, '09:00', 'Asia/Taipei'));
      const runs = RUN_TWICE.has(day) ? 2 : 1;
      for (let run = 0; run < runs; run += 1) {
        const summary = await runReviewSweep(api.deps, { asOf: now, tenantId: tenant.tenantId });
        expect(summary.tenantsFailed).toBe(0);
        if (run === 1) expect(summary.remindersSent, `second run on ${day}`).toBe(0);
        sweeps += 1;
      }
      // Completions happen after the morning sweep: every task on its due date, except the
      // purpose review due 2026-07-01, done 24 days late.
      now = new Date(zonedInstant(day, '10:00', 'Asia/Taipei'));
      const open = await api.call('GET', `/v1/review-tasks?status=open&dueBefore=${addDays(day, 1)}&limit=100`, { key: tenant.ownerKey });
      expect(open.status).toBe(200);
      for (const task of open.body.items as { taskId: string; dutyKind: string; dueDate: string }[]) {
        const late = task.dutyKind === 'purposeExpiryReview' && task.dueDate === '2026-07-01';
        if (late && day !== '2026-07-25') continue;
        const done = await api.call('POST', `/v1/review-tasks/${encodeURIComponent(task.taskId)}/complete`, { key: tenant.ownerKey, body: { notes: `完成 ${day}` } });
        expect(done.status, JSON.stringify(done.body)).toBe(200);
        if (late) {
          // No drift: the next review counts from the DUE date (2026-07-01), not 2026-07-25.
          expect(done.body.next.dueDate).toBe('2027-01-01');
        }
      }
    }
    const elapsed = performance.now() - started;

    const mails = readOutbox(outboxDir);
    const actual = mails.map((mail) => [mail.to, mail.day, mail.subject] as [string, string, string]);
    const order = (a: [string, string, string], b: [string, string, string]) => (a.join('|') < b.join('|') ? -1 : 1);
    expect(actual.sort(order)).toEqual([...expected].sort(order));
    // One digest per recipient per day.
    expect(new Set(mails.map((mail) => `${mail.to}|${mail.day}`)).size).toBe(mails.length);
    console.log(`year simulation: ${sweeps} sweeps, ${mails.length} digests, ${(elapsed / sweeps).toFixed(1)} ms per sweep+completions day`);

    // The summary counts the late review as not on time.
    const summary = await api.call('GET', '/v1/compliance-summary', { key: tenant.ownerKey });
    expect(summary.status).toBe(200);
    expect(summary.body.onTimeLast12Months.total).toBeGreaterThan(0);
    expect(summary.body.onTimeLast12Months.onTime).toBe(summary.body.onTimeLast12Months.total - 1);
  }, 300_000);
});
