import { describe, expect, it } from 'vitest';
import { parseTableDate } from '../../../domain/inventory/tableDate';

const dateOf = (cell: string) => {
  const result = parseTableDate(cell);
  return result.ok ? result.date : null;
};
const reasonOf = (cell: string) => {
  const result = parseTableDate(cell);
  if (result.ok) throw new Error(`expected ${cell} to be refused, got ${result.date}`);
  return result.reason;
};

describe('parseTableDate: the unambiguous forms', () => {
  it.each([
    // Gregorian, four-digit year.
    ['2026-11-30', '2026-11-30'],
    ['2026/11/30', '2026-11-30'],
    ['2026.11.30', '2026-11-30'],
    ['2026-1-5', '2026-01-05'],
    ['2026年11月30日', '2026-11-30'],
    ['2026年1月5日', '2026-01-05'],
    ['20261130', '2026-11-30'],
    // ROC, three-digit year: year + 1911.
    ['115/11/30', '2026-11-30'],
    ['115-11-30', '2026-11-30'],
    ['115.11.30', '2026-11-30'],
    ['115/1/5', '2026-01-05'],
    ['115年11月30日', '2026-11-30'],
    ['1151130', '2026-11-30'],
    ['100/01/01', '2011-01-01'],
    ['099/12/31', '2010-12-31'],
    // ROC with the era written out: any year length.
    ['民國115年11月30日', '2026-11-30'],
    ['中華民國115年11月30日', '2026-11-30'],
    ['民國99年1月5日', '2010-01-05'],
    ['民國1年1月1日', '1912-01-01'],
    ['民國 115 年 11 月 30 日', '2026-11-30'],
    ['民國115/11/30', '2026-11-30'],
    ['民國115年11月30', '2026-11-30'],
    // Leap days in both calendars.
    ['113/02/29', '2024-02-29'],
    ['2024-02-29', '2024-02-29'],
    // Full-width digits and separators, surrounding spaces.
    ['１１５／１１／３０', '2026-11-30'],
    ['  115/11/30  ', '2026-11-30'],
  ])('%s → %s', (cell, iso) => {
    expect(dateOf(cell)).toBe(iso);
  });
});

describe('parseTableDate: refused, with the reason in zh-TW and en', () => {
  it.each([
    // Dates that do not exist.
    ['115/02/30', 'not a calendar date'],
    ['114/02/29', 'not a calendar date'],
    ['2025-02-29', 'not a calendar date'],
    ['2026-13-01', 'not a calendar date'],
    ['2026-00-10', 'not a calendar date'],
    ['115/11/31', 'not a calendar date'],
    ['1151131', 'not a calendar date'],
    ['民國115年4月31日', 'not a calendar date'],
    ['2026-11-00', 'not a calendar date'],
    // Two readings: ROC 99 or 1999/2099; six digits; day or month first.
    ['99/1/5', 'ambiguous'],
    ['25/01/02', 'ambiguous'],
    ['99年1月5日', 'ambiguous'],
    ['991130', 'cannot read'],
    ['30/11/2026', 'cannot read'],
    ['11/30/2026', 'cannot read'],
    // No ROC year 0, no era with four digits, mixed separators, words.
    ['民國0年1月1日', 'ROC year starts at 1'],
    ['000/01/01', 'ROC year starts at 1'],
    ['民國2026年1月1日', 'cannot read'],
    ['115/11-30', 'cannot read'],
    ['明年三月', 'cannot read'],
    ['', 'cannot read'],
    ['0999-01-01', 'not a calendar date'],
  ])('%j: %s', (cell, reason) => {
    const message = reasonOf(cell);
    expect(message.en).toContain(reason);
    expect(message.zhTW).toMatch(/[\u4e00-\u9fff]/);
  });

  it('an ambiguous year tells how to write it', () => {
    expect(reasonOf('99/1/5').zhTW).toContain('民國99年');
  });
});
