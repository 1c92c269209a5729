import { describe, expect, it } from 'vitest';
import { planVersionsInForce, type PlanVersionDates } from '../../../domain/inspectionPack';

const tz = 'Asia/Taipei';
const period = { from: '2025-01-01', to: '2025-12-31' };

const v = (versionNumber: number, status: PlanVersionDates['status'], approvedAt?: string, supersededAt?: string): PlanVersionDates => ({
  versionNumber,
  status,
  ...(approvedAt ? { approval: { approvedAt } } : {}),
  ...(supersededAt ? { supersededAt } : {}),
});

describe('plan versions in force during a period', () => {
  it('the version approved before the period and never superseded covers the whole period', () => {
    expect(planVersionsInForce([v(1, 'approved', '2024-06-01T02:00:00Z')], period, tz)).toEqual([{ versionNumber: 1, from: '2025-01-01', to: '2025-12-31', inForceAtPeriodEnd: true }]);
  });

  it('a version superseded during the period is in force until then, its successor from then', () => {
    const versions = [v(2, 'approved', '2025-07-01T03:00:00Z'), v(1, 'superseded', '2024-06-01T02:00:00Z', '2025-07-01T03:00:00Z')];
    expect(planVersionsInForce(versions, period, tz)).toEqual([
      { versionNumber: 1, from: '2025-01-01', to: '2025-07-01', inForceAtPeriodEnd: false },
      { versionNumber: 2, from: '2025-07-01', to: '2025-12-31', inForceAtPeriodEnd: true },
    ]);
  });

  it('leaves out versions superseded before the period or approved after it, and drafts', () => {
    const versions = [
      v(1, 'superseded', '2023-01-01T02:00:00Z', '2024-05-01T02:00:00Z'),
      v(2, 'superseded', '2024-05-01T02:00:00Z', '2026-02-01T02:00:00Z'),
      v(3, 'approved', '2026-02-01T02:00:00Z'),
      v(4, 'draft'),
      v(5, 'submitted'),
    ];
    expect(planVersionsInForce(versions, period, tz).map((x) => x.versionNumber)).toEqual([2]);
  });

  it('dates approval in the tenant\'s time zone (approved 2024-12-31 23:30 UTC is 2025-01-01 in Taipei)', () => {
    const versions = [v(1, 'superseded', '2024-01-01T02:00:00Z', '2024-12-31T23:30:00Z'), v(2, 'approved', '2024-12-31T23:30:00Z')];
    // Version 1 ended on 2025-01-01 Taipei time: it was still in force that morning.
    expect(planVersionsInForce(versions, period, tz).map((x) => [x.versionNumber, x.from, x.to])).toEqual([[1, '2025-01-01', '2025-01-01'], [2, '2025-01-01', '2025-12-31']]);
    expect(planVersionsInForce(versions, period, 'UTC').map((x) => x.versionNumber)).toEqual([2]);
  });

  it('no approved version means none in force', () => {
    expect(planVersionsInForce([v(1, 'draft')], period, tz)).toEqual([]);
  });
});
