import { describe, expect, it } from 'vitest';
import {
  archiveExpiresAt,
  INSPECTION_PACK_ARCHIVE_DAYS,
  BUILDER_TIMEOUT_SECONDS,
  completeStep,
  inspectionPackSteps,
  jobAsOf,
  markFailed,
  markReady,
  queueInspectionPack,
  startBuilding,
  type InspectionPackJob,
} from '../../../domain/inspectionPack';

const requestedAt = '2026-03-02T01:00:00.000Z';
const queued = () => queueInspectionPack({ inspectionPackId: 'ipk_1', period: { from: '2025-01-01', to: '2025-12-31' }, requestedAt, requestedBy: 'key_1' });
const archive = { storageKey: 't/inspection-packs/ipk_1.zip', fileName: 'p.zip', sizeBytes: 10, sha256: 'a'.repeat(64), fileCount: 3, listedOnlyCount: 0 };

function value<T>(outcome: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.error.code}`);
  return outcome.value;
}

function buildAll(job: InspectionPackJob): InspectionPackJob {
  let current = value(startBuilding(job, '2026-03-02T01:00:01.000Z'));
  for (const step of inspectionPackSteps) current = value(completeStep(current, step, '2026-03-02T01:00:02.000Z'));
  return current;
}

describe('inspection pack job', () => {
  it('starts queued with no progress and every step still to do', () => {
    const job = queued();
    expect(job.status).toBe('queued');
    expect(job.progress).toEqual({ stepsDone: 0, totalSteps: inspectionPackSteps.length, currentStep: null });
  });

  it('building: each step done in order moves the current step on', () => {
    let job = value(startBuilding(queued(), '2026-03-02T01:00:01.000Z'));
    expect(job).toMatchObject({ status: 'building', startedAt: '2026-03-02T01:00:01.000Z', progress: { stepsDone: 0, currentStep: 'planDocuments' } });
    job = value(completeStep(job, 'planDocuments', '2026-03-02T01:00:02.000Z'));
    expect(job.progress).toMatchObject({ stepsDone: 1, currentStep: 'inventory' });
    expect(job.updatedAt).toBe('2026-03-02T01:00:02.000Z');
  });

  it('refuses a step out of order or twice', () => {
    const job = value(startBuilding(queued(), requestedAt));
    expect(completeStep(job, 'inventory', requestedAt)).toMatchObject({ ok: false, error: { code: 'PACK_PROGRESS_INVALID' } });
    const once = value(completeStep(job, 'planDocuments', requestedAt));
    expect(completeStep(once, 'planDocuments', requestedAt)).toMatchObject({ ok: false, error: { code: 'PACK_PROGRESS_INVALID' } });
  });

  it('refuses progress on a job that is not building', () => {
    expect(completeStep(queued(), 'planDocuments', requestedAt)).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'PACK_NOT_BUILDING' } });
  });

  it('does not start twice (a retried asynchronous invoke builds nothing)', () => {
    const building = value(startBuilding(queued(), requestedAt));
    expect(startBuilding(building, requestedAt)).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'PACK_NOT_QUEUED' } });
  });

  it('ready only after every step, with the archive recorded', () => {
    const started = value(startBuilding(queued(), requestedAt));
    expect(markReady(started, archive, requestedAt)).toMatchObject({ ok: false, error: { code: 'PACK_PROGRESS_INVALID' } });
    const ready = value(markReady(buildAll(queued()), archive, '2026-03-02T01:05:00.000Z'));
    expect(ready).toMatchObject({ status: 'ready', finishedAt: '2026-03-02T01:05:00.000Z', archive, progress: { stepsDone: inspectionPackSteps.length, currentStep: null } });
    expect(markReady(queued(), archive, requestedAt)).toMatchObject({ ok: false, error: { code: 'PACK_NOT_BUILDING' } });
  });

  it('fails from queued or building with a reason, never after it finished', () => {
    const failure = { code: 'BUILD_FAILED', reason: { zhTW: '失敗', en: 'failed' } };
    expect(value(markFailed(queued(), failure, requestedAt))).toMatchObject({ status: 'failed', failure });
    const building = value(startBuilding(queued(), requestedAt));
    expect(value(markFailed(building, failure, requestedAt)).status).toBe('failed');
    const ready = value(markReady(buildAll(queued()), archive, requestedAt));
    expect(markFailed(ready, failure, requestedAt)).toMatchObject({ ok: false, error: { code: 'PACK_ALREADY_FINISHED' } });
    const failed = value(markFailed(queued(), failure, requestedAt));
    expect(markFailed(failed, failure, requestedAt)).toMatchObject({ ok: false, error: { code: 'PACK_ALREADY_FINISHED' } });
  });

  describe('a stale job reads as failed', () => {
    const limitMs = BUILDER_TIMEOUT_SECONDS * 1000;
    it('building within the builder\'s time limit stays building', () => {
      const building = value(startBuilding(queued(), requestedAt));
      expect(jobAsOf(building, new Date(Date.parse(requestedAt) + limitMs)).status).toBe('building');
    });
    it('building long past the time limit reads as failed (BUILD_TIMED_OUT), counted from the start', () => {
      const building = value(startBuilding(queued(), '2026-03-02T02:00:00.000Z'));
      const late = new Date(Date.parse('2026-03-02T02:00:00.000Z') + limitMs + 10 * 60_000);
      expect(jobAsOf(building, late)).toMatchObject({ status: 'failed', failure: { code: 'BUILD_TIMED_OUT' } });
      // The same instant is not stale for a build that started later.
      expect(jobAsOf(building, new Date(Date.parse('2026-03-02T02:00:00.000Z') + limitMs)).status).toBe('building');
    });
    it('queued and never started reads as failed after the limit too', () => {
      expect(jobAsOf(queued(), new Date(Date.parse(requestedAt) + limitMs + 10 * 60_000)).status).toBe('failed');
    });
    it('a failed job is shown as it is, however late', () => {
      const failed = value(markFailed(queued(), { code: 'X', reason: { zhTW: '失敗', en: 'failed' } }, requestedAt));
      expect(jobAsOf(failed, new Date('2030-01-01T00:00:00Z'))).toBe(failed);
    });
  });

  describe('a ready pack expires after INSPECTION_PACK_ARCHIVE_DAYS', () => {
    const ready = () => value(markReady(buildAll(queued()), archive, '2026-03-02T01:00:03.000Z'));
    const days = INSPECTION_PACK_ARCHIVE_DAYS * 86_400_000;
    it('is offered until the last millisecond of its archive days, and reads as expired from then on', () => {
      expect(INSPECTION_PACK_ARCHIVE_DAYS).toBe(30);
      const job = ready();
      expect(archiveExpiresAt(job)).toBe('2026-04-01T01:00:03.000Z');
      expect(jobAsOf(job, new Date(Date.parse('2026-03-02T01:00:03.000Z') + days - 1))).toBe(job);
      const expired = jobAsOf(job, new Date(Date.parse('2026-03-02T01:00:03.000Z') + days));
      expect(expired).toMatchObject({ status: 'expired', archive });
      // The expiry date still reads on the expired job; a queued, building or failed job has none.
      expect(archiveExpiresAt(expired)).toBe('2026-04-01T01:00:03.000Z');
      expect(archiveExpiresAt(queued())).toBeUndefined();
      expect(archiveExpiresAt(value(startBuilding(queued(), requestedAt)))).toBeUndefined();
      expect(archiveExpiresAt({ status: 'ready' })).toBeUndefined();
    });
    it('an expired pack cannot be marked failed', () => {
      const expired = jobAsOf(ready(), new Date('2027-01-01T00:00:00Z'));
      expect(markFailed(expired, { code: 'X', reason: { zhTW: '失敗', en: 'failed' } }, requestedAt)).toMatchObject({ ok: false, error: { code: 'PACK_ALREADY_FINISHED' } });
    });
  });
});
