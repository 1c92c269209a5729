import { describe, expect, it } from 'vitest';
import { areaLetterCodes, checkTaiwanIdNumber, isValidTaiwanNationalId } from '../../../domain/privacy/taiwanIdNumber';

/** Independent reference: the published algorithm written out step by step. */
function referenceSum(id: string): number {
  const code = areaLetterCodes[id[0]!]!;
  const second = /[A-Z]/.test(id[1]!) ? areaLetterCodes[id[1]!]! % 10 : Number(id[1]);
  const rest = id.slice(2).split('').map(Number);
  return Math.floor(code / 10) + (code % 10) * 9 + second * 8 + rest.slice(0, 7).reduce((s, d, i) => s + d * (7 - i), 0) + rest[7]!;
}

describe('Taiwan ID number checksum', () => {
  it('accepts the textbook example and rejects its other check digits', () => {
    expect(isValidTaiwanNationalId('A123456789')).toBe(true);
    expect(checkTaiwanIdNumber('A123456789')).toEqual({ valid: true, kind: 'nationalId' });
    for (let digit = 0; digit <= 9; digit += 1) {
      if (digit === 9) continue;
      expect(checkTaiwanIdNumber(`A12345678${digit}`)).toEqual({ valid: false, kind: 'nationalId', problem: 'checksum' });
    }
  });

  it('has exactly one valid check digit for every letter and prefix', () => {
    for (const letter of Object.keys(areaLetterCodes)) {
      for (const prefix of ['1', '2', '8', '9', 'A', 'B', 'C', 'D']) {
        const stem = `${letter}${prefix}2345678`;
        const valid = Array.from({ length: 10 }, (_, d) => `${stem}${d}`).filter((id) => checkTaiwanIdNumber(id).valid);
        expect(valid, stem).toHaveLength(1);
        expect(referenceSum(valid[0]!) % 10).toBe(0);
      }
    }
  });

  it('tells national IDs from resident certificate numbers', () => {
    const validFor = (stem: string) => Array.from({ length: 10 }, (_, d) => `${stem}${d}`).find((id) => checkTaiwanIdNumber(id).valid)!;
    expect(checkTaiwanIdNumber(validFor('B21234567')).kind).toBe('nationalId');
    expect(checkTaiwanIdNumber(validFor('A80000001')).kind).toBe('residentCertificate');
    expect(checkTaiwanIdNumber(validFor('FC1234567')).kind).toBe('residentCertificateLegacy');
    expect(isValidTaiwanNationalId(validFor('A80000001'))).toBe(false);
    expect(isValidTaiwanNationalId(' a123456789 ')).toBe(true);
  });

  it('rejects malformed numbers', () => {
    for (const value of ['', 'A12345678', 'A1234567890', '1123456789', 'A323456789', 'AE12345678', 'A12345678X']) {
      expect(checkTaiwanIdNumber(value), value).toEqual({ valid: false, problem: 'format' });
    }
  });
});
