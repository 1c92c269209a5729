/**
 * 統一編號 checksum against vectors computed outside this code base (weights 1,2,1,2,1,2,4,1;
 * digit sums of the products; Ministry of Finance rule since 2023: a multiple of 5, formerly 10).
 */
import { describe, expect, it } from 'vitest';
import { isValidTaxId } from '../../../domain/shared/taxId';
import { isValidTaiwanBusinessId } from '../../../domain/vendor/vendor';

describe('統一編號 (isValidTaxId)', () => {
  it.each(['22099131', '04595257', '15826780', '60329669', '58085012'])('accepts %s (a multiple of 10: valid under both rules)', (taxId) => {
    expect(isValidTaxId(taxId)).toBe(true);
  });

  it.each(['76397250', '87455328', '29754951', '10458570'])('accepts %s: a multiple of 5 but not of 10 (the 2023 rule)', (taxId) => {
    expect(isValidTaxId(taxId)).toBe(true);
  });

  it.each(['04633978', '64454973', '68786576'])('accepts %s only by the 7th-digit-7 reading (28 → 10 counted as 0)', (taxId) => {
    expect(isValidTaxId(taxId)).toBe(true);
  });

  it.each(['18034063', '08470054', '34234785', '22099132', '2209913', '220991311', '2209913a', ''])('rejects %s', (taxId) => {
    expect(isValidTaxId(taxId)).toBe(false);
  });

  it('rejects a 7th digit 7 when neither reading of 28 gives a multiple of 5', () => {
    // 1 + 0 + 0 + 0 + 0 + 0 + (28 → 1 or 0) + 1 = 3 or 2.
    expect(isValidTaxId('10000071')).toBe(false);
    // …and accepts it when one reading does: 1 + (1 or 0) + 4 = 6 or 5.
    expect(isValidTaxId('10000074')).toBe(true);
  });

  it('tenants and vendors use the one implementation', () => {
    expect(isValidTaiwanBusinessId).toBe(isValidTaxId);
  });
});
