/**
 * Issue "periodic reviews", end to end: approving the example plan through the API replaces the
 * default duties with the plan's, and a year of daily sweeps "as of" each day produces one digest
 * per owner per day, escalates tasks 14 days overdue to the convener and representative, and
 * sends nothing twice when every day is swept again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanContent } from '../../../domain/plan';
import { addDays, daysBetween, zonedInstant } from '../../../domain/shared/isoDate';
import { createOutboxTransport } from '../../../functions/mail/outboxTransport';
import { runReviewSweep } from '../../../functions/reviews/sweep';
import examplePlan from '../../fixtures/plan/examplePlan.json';
import { createTestApi, type TestApi } from '../support/testApi';
import { readOutbox } from './outbox';

const START = '2026-01-05';
let now = new Date(zonedInstant(START, '10:00', 'Asia/Taipei'));
let api: TestApi;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
const outboxDir = mkdtempSync(join(tmpdir(), 'pdpa-outbox-plan-'));
const people = {
  convener: 'convener@example.com',
  representative: 'representative@example.com',
  privacyOfficer: 'officer@example.com',
  securityLead: 'security@example.com',
};

async function sweepDay(day: string) {
  now = new Date(zonedInstant(day, '09:00', 'Asia/Taipei'));
  await runReviewSweep(api.deps, { asOf: now, tenantId: tenant.tenantId });
}

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  api.deps.mailer = createOutboxTransport(outboxDir);
  tenant = await api.onboardTenant();
  const members = Object.fromEntries(Object.entries(people).map(([role, email]) => [role, [{ name: role, email, locale: 'zh-TW' }]]));
  expect((await api.call('PUT', '/v1/team-directory', { key: tenant.ownerKey, headers: { 'if-match': '"0"' }, body: { members } })).status).toBe(200);
}, 60_000);

describe('approved plan → duties → a year of reminders', () => {
  it('approving the example plan replaces the default duties with the plan\'s', async () => {
    const key = tenant.ownerKey;
    const before = await api.call('GET', '/v1/duties?limit=100', { key });
    expect(before.body.items.every((duty: { source: string }) => duty.source === 'default')).toBe(true);

    const created = await api.call('POST', '/v1/plan/versions', { key, body: { versionDate: START, content: examplePlan as unknown as PlanContent } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const gaps = await api.call('GET', '/v1/plan/versions/1/completeness', { key });
    const acceptedGaps = (gaps.body.gaps as { code: string; section: string }[]).map((gap) => ({ code: gap.code, reason: '盤點與風險評估表另行建置中' }));
    expect((await api.call('POST', '/v1/plan/versions/1/submit', { key })).status).toBe(200);
    const approved = await api.call('POST', '/v1/plan/versions/1/approve', { key, body: { approverName: '王代表', approverTitle: '董事長', capacity: 'representative', acceptedGaps } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const after = await api.call('GET', '/v1/duties?limit=100', { key });
    const active = (after.body.items as { source: string; retiredOn: string | null; frequency: unknown }[]).filter((duty) => duty.retiredOn === null);
    expect(active.length).toBeGreaterThan(10);
    expect(active.every((duty) => duty.source === 'plan')).toBe(true);
    expect(active.every((duty) => duty.frequency !== null)).toBe(true);
  });

  it('a year of daily sweeps: one digest per owner per day, escalation at 14 days overdue, nothing twice', async () => {
    const days = Array.from({ length: 400 }, (_, i) => addDays(START, i));
    for (const day of days) await sweepDay(day);
    const mails = readOutbox(outboxDir);
    expect(mails.length).toBeGreaterThan(10);

    // One digest per recipient per day.
    const perRecipientDay = new Map<string, number>();
    for (const mail of mails) perRecipientDay.set(`${mail.to}|${mail.day}`, (perRecipientDay.get(`${mail.to}|${mail.day}`) ?? 0) + 1);
    expect([...perRecipientDay.values()].every((count) => count === 1)).toBe(true);
    // zh-TW subjects with the reminder kind first (no task is urgent here).
    expect(mails.filter((mail) => !/^\[(提醒|逾期|逾期通報)\] /.test(mail.subject)).map((mail) => mail.subject)).toEqual([]);

    // No task is completed, so the first due task escalates to the convener and the representative
    // exactly 14 days after its due date (and not before).
    const tasks = await api.call('GET', '/v1/review-tasks?limit=100&status=open', { key: tenant.ownerKey });
    const firstDue = (tasks.body.items as { dueDate: string }[]).map((task) => task.dueDate).sort()[0]!;
    const representativeMail = mails.filter((mail) => mail.to === people.representative).map((mail) => mail.day).sort();
    expect(representativeMail.length).toBeGreaterThan(0);
    expect(daysBetween(firstDue, representativeMail[0]!)).toBeGreaterThanOrEqual(14);
    expect(representativeMail).toContain(addDays(firstDue, 14));
    expect(mails.some((mail) => mail.to === people.representative && mail.subject.startsWith('[逾期通報]'))).toBe(true);

    // Sweeping every day again sends nothing more.
    const count = mails.length;
    for (const day of days) await sweepDay(day);
    expect(readOutbox(outboxDir)).toHaveLength(count);
  }, 600_000);
});
