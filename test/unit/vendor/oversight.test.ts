import { describe, expect, it } from 'vitest';
import { QUARTERLY } from '../../../domain/shared/frequency';
import {
  certificatesExpiringWithin,
  nextOversightDue,
  oversightCheckInputSchema,
  overdueOversight,
  overdueRemediations,
  oversightStatus,
} from '../../../domain/vendor/oversight';
import { certificateCheck, check } from './fixtures';

describe('nextOversightDue', () => {
  it('defaults to yearly (seed 000 §13(2)) and clamps to month end', () => {
    expect(nextOversightDue('2024-06-30')).toBe('2025-06-30');
    expect(nextOversightDue('2024-02-29')).toBe('2025-02-28');
    expect(nextOversightDue('2024-11-30', QUARTERLY)).toBe('2025-02-28');
  });
});

describe('oversightStatus', () => {
  const v = { id: 'v1', onboardedOn: '2024-01-15' };
  it('counts from the last check; the due day itself is on time', () => {
    const checks = [check({ date: '2023-05-01' }), check({ date: '2024-06-30' })];
    expect(oversightStatus(v, checks, '2025-06-30')).toEqual({ vendorId: 'v1', lastCheckDate: '2024-06-30', nextDue: '2025-06-30', overdue: false, daysOverdue: 0 });
    expect(oversightStatus(v, checks, '2025-07-01')).toMatchObject({ overdue: true, daysOverdue: 1 });
  });
  it('counts from onboarding when never checked, and ignores checks dated after asOf and of other vendors', () => {
    const checks = [check({ date: '2025-03-01' }), check({ vendorId: 'v2', date: '2024-12-01' })];
    expect(oversightStatus(v, checks, '2025-01-16')).toMatchObject({ lastCheckDate: null, nextDue: '2025-01-15', overdue: true, daysOverdue: 1 });
  });
  it('lists overdue vendors, most overdue first', () => {
    const vendors = [
      { id: 'a', onboardedOn: '2023-01-01' },
      { id: 'b', onboardedOn: '2023-06-01' },
      { id: 'c', onboardedOn: '2024-06-01' },
    ];
    expect(overdueOversight(vendors, [], '2024-07-01').map((s) => s.vendorId)).toEqual(['a', 'b']);
  });
});

describe('oversight check schema', () => {
  const { id: _i, tenantId: _t, ...input } = check();
  it('needs findings when the result is not satisfactory, and evidence always', () => {
    expect(oversightCheckInputSchema.safeParse(input).success).toBe(true);
    expect(oversightCheckInputSchema.safeParse({ ...input, result: 'findings' }).success).toBe(false);
    expect(oversightCheckInputSchema.safeParse({ ...input, result: 'unsatisfactory' }).success).toBe(false);
    expect(
      oversightCheckInputSchema.safeParse({
        ...input,
        result: 'findings',
        findings: [{ id: 'f1', description: '未加密備份', remediationOwner: '廠商資安長', dueDate: '2024-08-31' }],
      }).success,
    ).toBe(true);
    expect(oversightCheckInputSchema.safeParse({ ...input, evidenceRefs: [] }).success).toBe(false);
  });
  it('requires certificate number, scope and expiry for a third-party report', () => {
    const method = { kind: 'thirdPartyReport', certificate: { standard: 'iso27001', certificateNumber: 'IS 123', issuer: 'BSI', scope: 'CRM' } };
    expect(oversightCheckInputSchema.safeParse({ ...input, method }).success).toBe(false);
    expect(oversightCheckInputSchema.safeParse({ ...input, method: { ...method, certificate: { ...method.certificate, validUntil: '2026-01-01' } } }).success).toBe(true);
  });
});

describe('overdueRemediations', () => {
  it('lists unresolved findings past their due date only', () => {
    const c = check({
      result: 'findings',
      findings: [
        { id: 'f1', description: 'x', remediationOwner: 'o', dueDate: '2024-08-31' },
        { id: 'f2', description: 'y', remediationOwner: 'o', dueDate: '2024-08-30' },
        { id: 'f3', description: 'z', remediationOwner: 'o', dueDate: '2024-08-01', resolvedOn: '2024-08-15' },
      ],
    });
    expect(overdueRemediations([c], '2024-08-31').map((r) => [r.finding.id, r.daysOverdue])).toEqual([['f2', 1]]);
  });
});

describe('certificatesExpiringWithin', () => {
  it('includes validUntil = asOf + days and excludes one day later', () => {
    const checks = [certificateCheck('k1', 'v1', 'iso27001', '2025-03-31'), certificateCheck('k2', 'v2', 'iso27001', '2025-04-01')];
    const alerts = certificatesExpiringWithin(checks, '2025-03-01', 30);
    expect(alerts.map((a) => [a.vendorId, a.state, a.daysLeft])).toEqual([['v1', 'expiring', 30]]);
  });
  it('flags expired certificates; a certificate valid through asOf is still expiring, not expired', () => {
    const checks = [certificateCheck('k1', 'v1', 'iso27001', '2025-02-28'), certificateCheck('k2', 'v2', 'soc2', '2025-03-01')];
    expect(certificatesExpiringWithin(checks, '2025-03-01', 0).map((a) => [a.vendorId, a.state, a.daysLeft])).toEqual([
      ['v1', 'expired', -1],
      ['v2', 'expiring', 0],
    ]);
  });
  it('ignores a certificate superseded by a later one of the same standard', () => {
    const checks = [certificateCheck('old', 'v1', 'iso27001', '2025-03-10'), certificateCheck('new', 'v1', 'iso27001', '2028-03-10'), certificateCheck('soc', 'v1', 'soc2', '2025-03-10')];
    expect(certificatesExpiringWithin(checks, '2025-03-01', 30).map((a) => a.checkId)).toEqual(['soc']);
  });
  it('rejects a negative window', () => {
    expect(() => certificatesExpiringWithin([], '2025-03-01', -1)).toThrow(RangeError);
  });
});
