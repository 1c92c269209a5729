import { describe, expect, it } from 'vitest';
import { dataSubjectRequestStatistics, median } from '../../../domain/dataSubjectRequest/statistics';
import { apply, created, inProgress, taipei } from './fixtures';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('dataSubjectRequestStatistics', () => {
  // Received 2025-03-03 (Taipei); inquiry due 2025-03-18 end of day, deletion 2025-04-02.
  const inquiry = created(['inquiry']);
  const deletion = created(['deletion']);

  it('counts open requests and excludes closed and withdrawn ones', () => {
    const withdrawn = apply(created(['inquiry']), { type: 'withdraw', actor: 'c' }, taipei('2025-03-04'));
    const stats = dataSubjectRequestStatistics([inquiry, deletion, withdrawn], taipei('2025-03-04'));
    expect(stats.openCount).toBe(2);
    expect(stats.overdue).toBe(0);
    expect(stats.dueWithin3Days).toBe(0);
  });

  it('is overdue one millisecond after the end of the last day, not at it', () => {
    expect(dataSubjectRequestStatistics([inquiry], '2025-03-18T15:59:59.999Z')).toMatchObject({ overdue: 0, dueWithin3Days: 1 });
    expect(dataSubjectRequestStatistics([inquiry], '2025-03-18T16:00:00.000Z')).toMatchObject({ overdue: 1, dueWithin3Days: 0 });
  });

  it('counts a deadline within 3 local calendar days as due soon', () => {
    expect(dataSubjectRequestStatistics([inquiry], taipei('2025-03-15', '09:00')).dueWithin3Days).toBe(1);
    expect(dataSubjectRequestStatistics([inquiry], taipei('2025-03-14', '23:59')).dueWithin3Days).toBe(0);
    // 2025-03-14T16:30Z is already 2025-03-15 in Taipei.
    expect(dataSubjectRequestStatistics([inquiry], '2025-03-14T16:30:00Z').dueWithin3Days).toBe(1);
  });

  it('uses the extended deadline and ignores decided items', () => {
    const extended = apply(inProgress(['inquiry']), { type: 'extendDeadline', actor: 'dpo', itemTypes: ['inquiry'], extensionDays: 15, reason: 'r', notifiedAt: taipei('2025-03-10'), notificationChannel: 'email' }, taipei('2025-03-10'));
    expect(dataSubjectRequestStatistics([extended], taipei('2025-03-20'))).toMatchObject({ overdue: 0, dueWithin3Days: 0, openCount: 1 });
    const decided = apply(inProgress(['inquiry']), { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, taipei('2025-03-10'));
    expect(dataSubjectRequestStatistics([decided], taipei('2025-03-20'))).toMatchObject({ overdue: 0, openCount: 1 });
  });

  it('gives the median days from receipt to decision per type, and late decisions', () => {
    const decideAt = (date: string, time = '10:00') =>
      apply(inProgress(['inquiry', 'deletion']), { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, taipei(date, time));
    const requests = [decideAt('2025-03-05'), decideAt('2025-03-13'), decideAt('2025-03-20'), decideAt('2025-03-03', '23:00'), created(['marketingOptOut'])];
    const stats = dataSubjectRequestStatistics(requests, taipei('2025-03-21'));
    expect(stats.medianDaysToDecision.inquiry).toBe(6);
    expect(stats.medianDaysToDecision.deletion).toBeNull();
    expect(stats.medianDaysToDecision.marketingOptOut).toBe(0);
    expect(stats.decidedLate).toMatchObject({ inquiry: 1, deletion: 0 });
    expect(stats.openCount).toBe(5);
  });

  it('rejects an invalid now', () => {
    expect(() => dataSubjectRequestStatistics([], 'later')).toThrow(RangeError);
  });
});
