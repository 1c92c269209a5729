import { describe, expect, it } from 'vitest';
import { formatRocDate, formatRocVersionLabel, parseRocDate, parseRocVersionLabel, rocYearOf } from '../../../domain/plan/rocDate';

describe('ROC date labels', () => {
  it('formats the example label 114年1月2日 7版', () => {
    expect(formatRocVersionLabel('2025-01-02', 7)).toBe('114年1月2日 7版');
  });

  it.each([
    ['2024-12-31', '113年12月31日'],
    ['2025-01-01', '114年1月1日'],
    ['1912-01-01', '1年1月1日'],
    ['2024-02-29', '113年2月29日'],
    ['2011-10-10', '100年10月10日'],
  ])('formats %s as %s and parses it back', (iso, label) => {
    expect(formatRocDate(iso)).toBe(label);
    expect(parseRocDate(label)).toBe(iso);
  });

  it('computes the ROC year as AD − 1911', () => {
    expect(rocYearOf(2025)).toBe(114);
    expect(rocYearOf(1912)).toBe(1);
  });

  it('rejects dates before ROC 1', () => {
    expect(() => formatRocDate('1911-12-31')).toThrow(RangeError);
    expect(parseRocDate('0年12月31日')).toBeUndefined();
  });

  it('rejects malformed dates and version numbers', () => {
    expect(() => formatRocDate('2025-02-30')).toThrow(RangeError);
    expect(() => formatRocVersionLabel('2025-01-02', 0)).toThrow(RangeError);
    expect(() => formatRocVersionLabel('2025-01-02', 1.5)).toThrow(RangeError);
    expect(parseRocDate('113年2月30日')).toBeUndefined();
    expect(parseRocDate('114年13月1日')).toBeUndefined();
    expect(parseRocDate('114/1/2')).toBeUndefined();
    expect(parseRocVersionLabel('114年1月2日')).toBeUndefined();
    expect(parseRocVersionLabel('114年1月2日 0版')).toBeUndefined();
  });

  it('parses version labels with prefixes, spacing and full-width digits', () => {
    expect(parseRocVersionLabel('114年1月2日 7版')).toEqual({ date: '2025-01-02', versionNumber: 7 });
    expect(parseRocVersionLabel('民國113年12月31日第12版')).toEqual({ date: '2024-12-31', versionNumber: 12 });
    expect(parseRocVersionLabel('中華民國１１４年１月１日　３版')).toEqual({ date: '2025-01-01', versionNumber: 3 });
  });

  it('round-trips every day across a year boundary', () => {
    for (const iso of ['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']) {
      const parsed = parseRocVersionLabel(formatRocVersionLabel(iso, 2));
      expect(parsed).toEqual({ date: iso, versionNumber: 2 });
    }
  });
});
