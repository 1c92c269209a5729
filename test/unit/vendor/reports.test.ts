import { describe, expect, it } from 'vitest';
import { crossBorderTransfersByCountry, expiringCertificatesReport, missingClausesReport, overdueChecksReport, vendorsByCriticality } from '../../../domain/vendor/reports';
import { allPresentClauses, certificateCheck, check, contract, holding, vendor } from './fixtures';

describe('vendor reports', () => {
  const vendors = [
    vendor({ id: 'low', name: 'B 會計', dataHoldings: [holding()] }),
    vendor({ id: 'mid', name: 'C HR', dataHoldings: [holding({ subjectAttribute: 'employee', recordCount: 200 })], processingRegions: [{ country: 'JP' }] }),
    vendor({
      id: 'high',
      name: 'A Cloud',
      dataHoldings: [holding({ sensitivity: 'special', subjectAttribute: 'consumer', recordCount: 6000 })],
      processingRegions: [{ country: 'US' }, { country: 'JP' }, { country: 'TW' }],
    }),
    vendor({ id: 'sub', name: 'D 子處理者', parentVendorId: 'high', dataHoldings: [], processingRegions: [{ country: 'TW' }] }),
  ];

  it('groups vendors by criticality band, high first', () => {
    const rows = vendorsByCriticality(vendors);
    expect(rows.map((r) => [r.band, r.vendors.map((v) => v.vendorId)])).toEqual([
      ['high', ['high']],
      ['medium', ['mid']],
      ['low', ['low', 'sub']],
    ]);
  });

  it('sums cross-border transfers per destination country, largest first, TW excluded', () => {
    const rows = crossBorderTransfersByCountry(vendors);
    expect(rows.map((r) => [r.country, r.vendors.map((v) => v.vendorId), r.recordCount, r.hasSpecialCategoryData])).toEqual([
      ['JP', ['mid', 'high'], 6200, true],
      ['US', ['high'], 6000, true],
    ]);
  });

  it('reports missing clauses of contracts in force only, with the sub-processor context', () => {
    const naSub = allPresentClauses().map((c) => (c.clauseId === 'subProcessors' ? { clauseId: c.clauseId, status: 'notApplicable' as const, reason: '無' } : c));
    const contracts = [
      contract({ id: 'c-high', vendorId: 'high', clauses: naSub, period: { start: '2024-01-01', autoRenewal: false } }),
      contract({ id: 'c-low', vendorId: 'low', clauses: naSub, period: { start: '2024-01-01', autoRenewal: false } }),
      contract({ id: 'c-ended', vendorId: 'mid', clauses: [], terminatedOn: '2024-03-01' }),
    ];
    const findings = missingClausesReport(contracts, vendors, '2024-06-01');
    expect(findings.map((f) => [f.contractId, f.code])).toEqual([['c-high', 'NOT_APPLICABLE_CONTRADICTED']]);
  });

  it('passes overdue checks and expiring certificates through', () => {
    expect(overdueChecksReport(vendors, [check({ vendorId: 'low', date: '2024-06-01' })], '2025-02-01').map((s) => s.vendorId)).toEqual(['high', 'mid', 'sub']);
    expect(expiringCertificatesReport([certificateCheck('k', 'high', 'soc2', '2025-03-31')], '2025-02-01').length).toBe(1);
    expect(expiringCertificatesReport([certificateCheck('k', 'high', 'soc2', '2025-04-03')], '2025-02-01').length).toBe(0);
  });
});
