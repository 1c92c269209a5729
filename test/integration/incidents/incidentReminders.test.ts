/**
 * The 72-hour clock through the local scheduler, as `npm start` runs it: the reminder moments
 * (at discovery, 24 h left, 6 h left, at the deadline) fire as urgent mails at those moments —
 * not in the next daily digest — to the incident contact, and stop once the regulator is notified.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localBackgroundJobs } from '../../../functions/local/localJobs';
import { startLocalScheduler } from '../../../functions/local/localScheduler';
import { silentLogger } from '../../../functions/runtime/logger';
import { readOutbox } from '../reviews/outbox';
import { createTestApi, type TestApi } from '../support/testApi';

const HOUR = 3_600_000;
const DISCOVERED = Date.parse('2026-03-02T09:00:00+08:00');
let now = new Date(DISCOVERED + 10 * 60_000);
let api: TestApi;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;
const outboxDir = mkdtempSync(join(tmpdir(), 'pdpa-incident-outbox-'));

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  tenant = await api.onboardTenant({ companyName: '事故提醒資訊股份有限公司' });
});

describe('incident reminders via the local scheduler', () => {
  it('fires urgent mails at discovery, 24 h left, 6 h left and the deadline; none after notification', async () => {
    const created = await api.call('POST', '/v1/incidents', {
      key: tenant.ownerKey,
      body: {
        title: '會員資料外洩',
        discoveredAt: new Date(DISCOVERED).toISOString(),
        reportedBy: { name: '林資安' },
        kinds: ['leak'],
        estimatedRecords: { general: 8000, special: 0 },
        endangersOperationsOrManySubjects: true,
        incidentContact: { name: '值班主管', email: 'oncall@example.com' },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { onDeadline } = localBackgroundJobs(api.deps, { outboxDir });
    const scheduler = startLocalScheduler({ deadlines: api.deps.deadlineScheduler, dailyJobs: [], onDeadline, logger: silentLogger, clock: () => now, pollMs: 3_600_000 });
    const mailsAt = async (at: number) => {
      now = new Date(at);
      await scheduler.tick();
      return readOutbox(outboxDir).filter((mail) => mail.to === 'oncall@example.com');
    };
    try {
      const atDiscovery = await mailsAt(DISCOVERED + 11 * 60_000);
      expect(atDiscovery).toHaveLength(1);
      expect(atDiscovery[0]!.subject.startsWith('[緊急]')).toBe(true);

      expect(await mailsAt(DISCOVERED + 48 * HOUR - 1)).toHaveLength(1); // 1 ms before "24 h left"
      expect(await mailsAt(DISCOVERED + 48 * HOUR)).toHaveLength(2);
      expect(await mailsAt(DISCOVERED + 48 * HOUR)).toHaveLength(2); // a second tick sends nothing twice
      expect(await mailsAt(DISCOVERED + 66 * HOUR)).toHaveLength(3); // 6 h left
      const atDeadline = await mailsAt(DISCOVERED + 72 * HOUR);
      expect(atDeadline).toHaveLength(4);
      expect(atDeadline.every((mail) => mail.subject.startsWith('[緊急]'))).toBe(true);

      // Notified (late, with a reason): the task is done and no further reminder goes out.
      now = new Date(DISCOVERED + 73 * HOUR);
      const notified = await api.call('POST', `/v1/incidents/${created.body.id}/regulator-notification`, {
        key: tenant.ownerKey,
        body: { notifiedAt: now.toISOString(), method: 'email', reference: 'MODA-2026-001', delayReason: '鑑識調查確認影響範圍後通報' },
      });
      expect(notified.status, JSON.stringify(notified.body)).toBe(201);
      expect(await api.deps.deadlineScheduler.due(new Date(DISCOVERED + 1000 * HOUR))).toEqual([]);
      expect(await mailsAt(DISCOVERED + 200 * HOUR)).toHaveLength(4);
    } finally {
      scheduler.stop();
    }
  });
});
