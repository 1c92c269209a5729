import { describe, expect, it } from 'vitest';
import { computePlanObligations, digitalEconomyRuleSet, monthsDeadlineFrom } from '../../../domain/plan/obligations';
import { addDays } from '../../../domain/shared/isoDate';

const k = (recordCountHistory: { date: string; count: number }[], asOf: string, paidInCapital = 0, capitalThresholdReachedOn?: string) =>
  computePlanObligations({ ruleSet: digitalEconomyRuleSet, recordCountHistory, paidInCapital, asOf, capitalThresholdReachedOn });

describe('K0010162 Art. 18 ¶2 「自符合條件之日起六個月後」: the cycle starts the day after the six months end', () => {
  it('5,000 records reached on 2024-03-31: six months end 2024-09-30, the cycle starts 2024-10-01', () => {
    const history = [
      { date: '2023-01-01', count: 10 },
      { date: '2024-03-31', count: 5000 },
    ];
    const lastDayOfSixMonths = monthsDeadlineFrom('2024-03-31', 6);
    expect(lastDayOfSixMonths).toBe('2024-09-30');
    const o = k(history, '2024-04-01');
    expect(o.periodicCycleStartsOn).toBe('2024-10-01');
    expect(o.periodicCycleStartsOn).toBe(addDays(lastDayOfSixMonths, 1));
  });

  it('capital reaches NT$10M on 2024-08-31: the six months end 2025-02-28, the cycle starts 2025-03-01', () => {
    expect(k([], '2024-09-01', 10_000_000, '2024-08-31').periodicCycleStartsOn).toBe('2025-03-01');
  });

  it('a business covered when the regulation took effect keeps the Art. 18 ¶1 start (the plan adoption deadline)', () => {
    const o = k([{ date: '2023-01-01', count: 9000 }], '2024-02-01');
    expect(o.periodicCycleStartsOn).toBe(o.adoptionDeadline);
  });
});
