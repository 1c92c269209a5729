import { describe, expect, it } from 'vitest';
import { contractClauseCatalog, contractFindings, contractInputSchema, contractState, effectiveContractEnd } from '../../../domain/vendor/contract';
import { allPresentClauses, contract } from './fixtures';

describe('clause catalog', () => {
  it('has Art. 8 ¶2 items 1, 3–6 plus item 2 split into the 11 Art. 12 ¶2 measures and "other matters"', () => {
    expect(contractClauseCatalog).toHaveLength(17);
    const items = contractClauseCatalog.map((c) => c.citations[0]!.item);
    for (const item of [1, 2, 3, 4, 5, 6]) expect(items).toContain(item);
    const measures = contractClauseCatalog.filter((c) => c.id.startsWith('measures.') && c.requirement === 'required');
    expect(measures.map((m) => m.citations[1]!.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(new Set(contractClauseCatalog.map((c) => c.id)).size).toBe(17);
  });
});

describe('contractFindings', () => {
  it('finds nothing when every clause is present', () => {
    expect(contractFindings(contract())).toEqual([]);
  });
  it('reports a missing clause with its article citation', () => {
    const clauses = allPresentClauses().map((c) => (c.clauseId === 'breachNotificationAndRemedies' ? { clauseId: c.clauseId, status: 'missing' as const } : c));
    const findings = contractFindings(contract({ clauses }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ clauseId: 'breachNotificationAndRemedies', code: 'CLAUSE_MISSING', severity: 'required' });
    expect(findings[0]!.citations[0]).toMatchObject({ lawCode: 'I0050022', article: 8, paragraph: 2, item: 4 });
    expect(findings[0]!.message.zhTW).toContain('施行細則第8條第2項第4款');
    expect(findings[0]!.message.en).toContain('Art. 8 ¶2 item 4');
  });
  it('treats a clause nobody recorded as missing', () => {
    const clauses = allPresentClauses().filter((c) => c.clauseId !== 'measures.logsAndEvidence');
    const [finding] = contractFindings(contract({ clauses }));
    expect(finding).toMatchObject({ clauseId: 'measures.logsAndEvidence', code: 'CLAUSE_NOT_RECORDED' });
    expect(finding!.citations.map((c) => [c.article, c.item])).toEqual([
      [8, 2],
      [12, 10],
    ]);
    expect(contractFindings(contract({ clauses: [] }))).toHaveLength(17);
  });
  it('makes a missing "other matters" an advisory finding only', () => {
    const clauses = allPresentClauses().filter((c) => c.clauseId !== 'measures.otherAgreedMatters');
    expect(contractFindings(contract({ clauses })).map((f) => f.severity)).toEqual(['advisory']);
  });
  it('refuses notApplicable on clauses every contract needs', () => {
    for (const clauseId of ['scopeCategoriesPurposePeriod', 'breachNotificationAndRemedies', 'returnAndDeletion']) {
      const clauses = allPresentClauses().map((c) => (c.clauseId === clauseId ? { clauseId, status: 'notApplicable' as const, reason: '無' } : c));
      expect(contractFindings(contract({ clauses }))).toMatchObject([{ clauseId, code: 'NOT_APPLICABLE_NOT_ALLOWED' }]);
    }
  });
  it('accepts notApplicable sub-processing only while the vendor has no sub-processors', () => {
    const clauses = allPresentClauses().map((c) => (c.clauseId === 'subProcessors' ? { clauseId: 'subProcessors' as const, status: 'notApplicable' as const, reason: '無複委託' } : c));
    expect(contractFindings(contract({ clauses }), { hasSubProcessors: false })).toEqual([]);
    expect(contractFindings(contract({ clauses }), { hasSubProcessors: true })).toMatchObject([{ code: 'NOT_APPLICABLE_CONTRADICTED' }]);
  });
  it('accepts a justified notApplicable for reserved instructions and a measure', () => {
    const na = new Set(['reservedInstructions', 'measures.equipmentSecurity']);
    const clauses = allPresentClauses().map((c) => (na.has(c.clauseId) ? { clauseId: c.clauseId, status: 'notApplicable' as const, reason: '純雲端服務' } : c));
    expect(contractFindings(contract({ clauses }))).toEqual([]);
  });
});

describe('contract input schema', () => {
  const { id: _i, tenantId: _t, ...input } = contract();
  it('accepts a complete contract', () => {
    expect(contractInputSchema.safeParse(input).success).toBe(true);
  });
  it('requires a location for present, a reason for notApplicable, known and unique clause ids', () => {
    const bad = (clauses: unknown[]) => contractInputSchema.safeParse({ ...input, clauses }).success;
    expect(bad([{ clauseId: 'subProcessors', status: 'present' }])).toBe(false);
    expect(bad([{ clauseId: 'subProcessors', status: 'present', location: '' }])).toBe(false);
    expect(bad([{ clauseId: 'subProcessors', status: 'notApplicable' }])).toBe(false);
    expect(bad([{ clauseId: 'subProcessors', status: 'notApplicable', reason: '  ' }])).toBe(false);
    expect(bad([{ clauseId: 'nope', status: 'missing' }])).toBe(false);
    expect(bad([{ clauseId: 'subProcessors', status: 'missing' }, { clauseId: 'subProcessors', status: 'missing' }])).toBe(false);
    expect(bad([{ clauseId: 'subProcessors', status: 'missing' }])).toBe(true);
  });
  it('rejects an end before the start but accepts a one-day contract', () => {
    expect(contractInputSchema.safeParse({ ...input, period: { start: '2024-05-02', end: '2024-05-01', autoRenewal: false } }).success).toBe(false);
    expect(contractInputSchema.safeParse({ ...input, period: { start: '2024-05-01', end: '2024-05-01', autoRenewal: false } }).success).toBe(true);
  });
});

describe('contract period', () => {
  it('is active through its last day and expired the day after', () => {
    const c = contract();
    expect(contractState(c, '2023-12-31')).toBe('notStarted');
    expect(contractState(c, '2024-01-01')).toBe('active');
    expect(contractState(c, '2024-12-31')).toBe('active');
    expect(contractState(c, '2025-01-01')).toBe('expired');
  });
  it('rolls an auto-renewing contract by whole terms from the original end', () => {
    const c = contract({ period: { start: '2024-01-31', end: '2024-02-29', autoRenewal: true, renewalTerm: { every: 1, unit: 'year' } } });
    expect(effectiveContractEnd(c, '2024-02-29')).toBe('2024-02-29');
    expect(effectiveContractEnd(c, '2024-03-01')).toBe('2025-02-28');
    expect(effectiveContractEnd(c, '2028-02-01')).toBe('2028-02-29');
    expect(contractState(c, '2030-06-01')).toBe('active');
  });
  it('stops renewing once terminated, and is terminated from the termination day', () => {
    const c = contract({ period: { start: '2024-01-01', end: '2024-12-31', autoRenewal: true }, terminatedOn: '2024-06-30' });
    expect(effectiveContractEnd(c, '2026-01-01')).toBe('2024-12-31');
    expect(contractState(c, '2024-06-29')).toBe('active');
    expect(contractState(c, '2024-06-30')).toBe('terminated');
  });
  it('is open-ended without an end date', () => {
    const c = contract({ period: { start: '2024-01-01', autoRenewal: false } });
    expect(effectiveContractEnd(c, '2099-01-01')).toBeNull();
    expect(contractState(c, '2099-01-01')).toBe('active');
  });
});
