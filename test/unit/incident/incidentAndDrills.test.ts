import { describe, expect, it } from 'vitest';
import { drillInputSchema, drillStatus } from '../../../domain/incident/drills';
import { estimatedTotalRecords, incidentInputSchema } from '../../../domain/incident/incident';
import { facts } from './fixtures';

describe('incident input schema', () => {
  it('parses a complete incident and sums general and special records', () => {
    expect(estimatedTotalRecords(facts({ estimatedRecords: { general: 10, special: 5 } }))).toBe(15);
  });
  it('requires an offset on timestamps, a description for "other" and occurrence not after discovery', () => {
    const base = { title: 't', discoveredAt: '2025-03-01T09:30:00+08:00', reportedBy: { name: 'x' }, kinds: ['leak'], estimatedRecords: { general: 1, special: 0 }, endangersOperationsOrManySubjects: false };
    expect(incidentInputSchema.safeParse(base).success).toBe(true);
    expect(incidentInputSchema.safeParse({ ...base, discoveredAt: '2025-03-01T09:30:00' }).success).toBe(false);
    expect(incidentInputSchema.safeParse({ ...base, kinds: ['other'] }).success).toBe(false);
    expect(incidentInputSchema.safeParse({ ...base, kinds: ['other'], otherKindDescription: '誤植' }).success).toBe(true);
    expect(incidentInputSchema.safeParse({ ...base, occurredAt: '2025-03-01T01:30:00.001Z' }).success).toBe(false);
    expect(incidentInputSchema.safeParse({ ...base, occurredAt: '2025-03-01T01:30:00Z' }).success).toBe(true);
    expect(incidentInputSchema.safeParse({ ...base, kinds: [] }).success).toBe(false);
    expect(incidentInputSchema.safeParse({ ...base, unexpected: true }).success).toBe(false);
  });
});

describe('drills (yearly duty)', () => {
  it('is due a year after the last drill; the due day is on time', () => {
    const drills = [{ date: '2023-05-01' }, { date: '2024-02-29' }];
    expect(drillStatus(drills, '2025-02-28', '2023-01-01')).toEqual({ lastDrillDate: '2024-02-29', nextDue: '2025-02-28', overdue: false, daysOverdue: 0 });
    expect(drillStatus(drills, '2025-03-01', '2023-01-01')).toMatchObject({ overdue: true, daysOverdue: 1 });
  });
  it('counts from the plan adoption when no drill was held, ignoring future-dated ones', () => {
    expect(drillStatus([{ date: '2026-01-01' }], '2025-06-01', '2024-03-15')).toMatchObject({ lastDrillDate: null, nextDue: '2025-03-15', overdue: true });
  });
  it('takes a two-year frequency', () => {
    expect(drillStatus([{ date: '2024-01-10' }], '2025-06-01', '2023-01-01', { every: 2, unit: 'year' })).toMatchObject({ nextDue: '2026-01-10', overdue: false });
  });
  it('requires participants and a scenario', () => {
    expect(drillInputSchema.safeParse({ date: '2025-01-01', scenario: '異常存取', participants: [] }).success).toBe(false);
    expect(drillInputSchema.safeParse({ date: '2025-01-01', scenario: '異常存取', participants: ['DPO'] }).success).toBe(true);
  });
});
