/** Case numbers, deadline explanations and dashboard figures at their edges (mutation testing, issue #15). */
import { describe, expect, it } from 'vitest';
import { formatCaseNumber } from '../../../domain/dataSubjectRequest/caseNumber';
import { decisionDeadline, extendedDecisionDeadline, type PeriodSettings } from '../../../domain/dataSubjectRequest/deadlines';
import { dataSubjectRequestStatistics } from '../../../domain/dataSubjectRequest/statistics';
import { apply, created, taipei } from './fixtures';

const settings: PeriodSettings = { timeZone: 'Asia/Taipei', mode: 'civilCode', calendar: {} };

describe('formatCaseNumber', () => {
  it('starts at sequence 1 and at ROC year 1, padded to three digits', () => {
    expect(formatCaseNumber('2026-03-02', 1)).toBe('DSR-1150302-0001');
    expect(formatCaseNumber('1912-01-01', 1)).toBe('DSR-0010101-0001');
    expect(formatCaseNumber('2010-10-10', 10)).toBe('DSR-0991010-0010');
  });

  it('refuses a sequence below 1 and a date before the ROC calendar, saying why', () => {
    expect(() => formatCaseNumber('2026-03-02', 0)).toThrow('A case sequence is a positive integer, got 0');
    expect(() => formatCaseNumber('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => formatCaseNumber('1911-12-31', 1)).toThrow('No ROC year before 1912: 1911-12-31');
  });
});

describe('decision deadlines', () => {
  it('explains the period of each type in both languages', () => {
    const deadline = decisionDeadline('deletion', taipei('2025-03-03'), settings);
    expect(deadline.explanation[0]).toEqual({ zhTW: '請求刪除之請求，應於30日內為准駁之決定（個人資料保護法第13條第2項）', en: 'A request for deletion must be decided within 30 days (PDPA Art. 13 ¶2)' });
    expect(deadline).toMatchObject({ kind: 'period', days: 30, lastDay: '2025-04-02' });
  });

  it('mentions the Art. 122 move in an extension only when the end was moved', () => {
    // Received 2025-03-03: the inquiry's 15th day is 2025-03-18, a Tuesday (not moved).
    const plain = decisionDeadline('inquiry', taipei('2025-03-03'), settings);
    const extended = extendedDecisionDeadline('inquiry', plain, 5, settings);
    expect(extended.kind).toBe('period');
    expect(extended.explanation[0]).toEqual({
      zhTW: '延長5日（累計延長5日，合計不得逾15日，個人資料保護法第13條第1項），自原期限末日 2025-03-18 屆滿後起算，該日不算入',
      en: 'Extended by 5 days (5 in total, at most 15, PDPA Art. 13 ¶1), counted after the original last day 2025-03-18, which is not counted',
    });
    // Received 2025-03-08: the 15th day, 2025-03-23, is a Sunday and moves to Monday 03-24.
    const moved = decisionDeadline('inquiry', taipei('2025-03-08'), settings);
    expect(moved).toMatchObject({ nominalLastDay: '2025-03-23', lastDay: '2025-03-24' });
    const step = extendedDecisionDeadline('inquiry', moved, 5, settings, 5).explanation[0]!;
    expect(step.zhTW).toBe('延長5日（累計延長10日，合計不得逾15日，個人資料保護法第13條第1項），自原期限末日 2025-03-23 屆滿後起算，該日不算入；原期限雖依民法第122條順延至 2025-03-24，順延僅及於期間之終止，延長仍自未順延之末日起算');
    expect(step.en).toBe('Extended by 5 days (10 in total, at most 15, PDPA Art. 13 ¶1), counted after the original last day 2025-03-23, which is not counted; Civil Code Art. 122 moved the original end to 2025-03-24, but that move concerns only the end of the period, so the extension counts from the unmoved last day');
  });

  it('refuses to extend a marketing objection', () => {
    const immediate = decisionDeadline('marketingOptOut', taipei('2025-03-03'), settings);
    expect(() => extendedDecisionDeadline('marketingOptOut', immediate, 5, settings)).toThrow('marketingOptOut has no decision period to extend');
  });
});

describe('dashboard figures', () => {
  it('counts a request as due soon when any of its duties is', () => {
    // Inquiry due 2025-03-18, deletion 2025-04-02: on 03-16 only the inquiry is due soon.
    expect(dataSubjectRequestStatistics([created(['deletion', 'inquiry'])], taipei('2025-03-16')).dueWithin3Days).toBe(1);
  });

  it('names the instant it cannot read', () => {
    expect(() => dataSubjectRequestStatistics([apply(created(['inquiry']), { type: 'withdraw', actor: 'c' }, taipei('2025-03-04'))], 'soon')).toThrow('Not an ISO instant: soon');
  });
});
