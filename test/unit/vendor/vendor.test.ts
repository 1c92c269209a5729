import { describe, expect, it } from 'vitest';
import { riskValue } from '../../../domain/risk/riskValue';
import {
  criticalityBand,
  crossBorderCountries,
  isCrossBorder,
  isValidTaiwanBusinessId,
  subProcessorsOf,
  vendorCriticality,
  vendorHierarchyIssues,
  vendorInputSchema,
} from '../../../domain/vendor/vendor';
import { holding, vendor } from './fixtures';

describe('統一編號 check', () => {
  it('accepts numbers whose weighted digit sum is a multiple of 10 or (since 2023) of 5', () => {
    expect(isValidTaiwanBusinessId('22099131')).toBe(true);
    expect(isValidTaiwanBusinessId('04595257')).toBe(true);
    expect(isValidTaiwanBusinessId('10000004')).toBe(true); // sum 5: valid only under the multiple-of-5 rule
  });
  it('accepts the 7th-digit-7 alternative reading (28 → 10 counted as 0)', () => {
    expect(isValidTaiwanBusinessId('10000270')).toBe(true);
    expect(isValidTaiwanBusinessId('10000260')).toBe(false);
  });
  it('rejects wrong check digits and malformed input', () => {
    expect(isValidTaiwanBusinessId('22099132')).toBe(false);
    expect(isValidTaiwanBusinessId('2209913')).toBe(false);
    expect(isValidTaiwanBusinessId('220991311')).toBe(false);
    expect(isValidTaiwanBusinessId('2209913a')).toBe(false);
  });
});

describe('vendor input schema', () => {
  const { id: _id, tenantId: _t, ...input } = vendor();
  it('accepts a Taiwan vendor and a foreign one', () => {
    expect(vendorInputSchema.safeParse(input).success).toBe(true);
    const foreign = { ...input, registration: { kind: 'foreign', country: 'US', number: '0123-DE' }, country: 'US' };
    expect(vendorInputSchema.safeParse(foreign).success).toBe(true);
  });
  it('rejects a 統一編號 with a bad check digit, unknown keys and lower-case countries', () => {
    expect(vendorInputSchema.safeParse({ ...input, registration: { kind: 'taiwanBusinessId', number: '22099132' } }).success).toBe(false);
    expect(vendorInputSchema.safeParse({ ...input, extra: 1 }).success).toBe(false);
    expect(vendorInputSchema.safeParse({ ...input, processingRegions: [{ country: 'tw' }] }).success).toBe(false);
  });
  it('requires at least one processing region', () => {
    expect(vendorInputSchema.safeParse({ ...input, processingRegions: [] }).success).toBe(false);
  });
});

describe('cross-border flag', () => {
  it('is off when every region is TW and lists other countries once, sorted', () => {
    expect(isCrossBorder(vendor())).toBe(false);
    const v = vendor({ processingRegions: [{ country: 'US' }, { country: 'TW' }, { country: 'JP' }, { country: 'US' }] });
    expect(isCrossBorder(v)).toBe(true);
    expect(crossBorderCountries(v)).toEqual(['JP', 'US']);
  });
});

describe('criticality', () => {
  it('bands: ≤4 low, 5–6 medium, ≥7 high', () => {
    expect([3, 4, 5, 6, 7, 8, 9].map(criticalityBand)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'high']);
  });
  it('takes the highest risk value over the holdings, not an average', () => {
    const small = holding({ recordCount: 10 });
    const big = holding({ sensitivity: 'special', subjectAttribute: 'consumer', recordCount: 5000 });
    const result = vendorCriticality(vendor({ dataHoldings: [small, big, small] }));
    expect(result.value).toBe(riskValue(big).value);
    expect(result.value).toBe(9);
    expect(result.band).toBe('high');
    expect(result.decisiveHolding).toBe(big);
  });
  it('moves across band boundaries with the record count (100 / 101 and 4,999 / 5,000)', () => {
    const employees = (recordCount: number) => vendorCriticality(vendor({ dataHoldings: [holding({ subjectAttribute: 'employee', recordCount })] }));
    expect(employees(100)).toMatchObject({ value: 4, band: 'low' });
    expect(employees(101)).toMatchObject({ value: 5, band: 'medium' });
    expect(employees(4999)).toMatchObject({ value: 5, band: 'medium' });
    expect(employees(5000)).toMatchObject({ value: 6, band: 'medium' });
    const sensitiveEmployees = vendorCriticality(vendor({ dataHoldings: [holding({ sensitivity: 'sensitive', subjectAttribute: 'employee', recordCount: 5000 })] }));
    expect(sensitiveEmployees).toMatchObject({ value: 7, band: 'high' });
  });
  it('treats hosted customers’ data as 5,000+ whatever the count', () => {
    const hosted = vendorCriticality(vendor({ dataHoldings: [holding({ subjectAttribute: 'hostedCustomersConsumer', recordCount: 1 })] }));
    expect(hosted).toMatchObject({ value: 7, c: 3, band: 'high' });
  });
  it('is low with a null value when the vendor holds no personal data', () => {
    expect(vendorCriticality(vendor({ dataHoldings: [] }))).toEqual({ value: null, band: 'low' });
  });
});

describe('sub-processors (複委託)', () => {
  it('finds direct sub-processors', () => {
    const vendors = [vendor({ id: 'a' }), vendor({ id: 'b', parentVendorId: 'a' }), vendor({ id: 'c', parentVendorId: 'b' })];
    expect(subProcessorsOf(vendors, 'a').map((v) => v.id)).toEqual(['b']);
    expect(vendorHierarchyIssues(vendors)).toEqual([]);
  });
  it('reports unknown parents, self references and cycles', () => {
    const issues = vendorHierarchyIssues([
      { id: 'a', parentVendorId: 'zz' },
      { id: 'b', parentVendorId: 'b' },
      { id: 'c', parentVendorId: 'd' },
      { id: 'd', parentVendorId: 'c' },
    ]);
    expect(issues).toEqual([
      { vendorId: 'a', code: 'PARENT_UNKNOWN' },
      { vendorId: 'b', code: 'PARENT_SELF' },
      { vendorId: 'c', code: 'PARENT_CYCLE' },
      { vendorId: 'd', code: 'PARENT_CYCLE' },
    ]);
  });
});
