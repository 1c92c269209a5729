import { describe, expect, it } from 'vitest';
import { advisedDeadline, formatTaipeiTime, notificationReminders, notificationTiming, pendingReminders, regulatorDeadline } from '../../../domain/incident/clocks';
import { incident } from './fixtures';

describe('regulatorDeadline: discoveredAt + exactly 72 h (Civil Code Art. 120 ¶1)', () => {
  it.each([
    ['2025-03-01T09:30:00+08:00', '2025-03-04T01:30:00.000Z'],
    ['2025-01-30T23:59:59.999+08:00', '2025-02-02T15:59:59.999Z'], // month end, 72 h later is 2 Feb 23:59:59.999 Taipei
    ['2024-02-27T10:00:00+08:00', '2024-03-01T02:00:00.000Z'], // leap year: 29 Feb is counted
    ['2025-02-27T10:00:00+08:00', '2025-03-02T02:00:00.000Z'],
    ['2025-12-30T08:00:00+08:00', '2026-01-02T00:00:00.000Z'], // year end
    ['2025-12-31T23:00:00Z', '2026-01-03T23:00:00.000Z'],
  ])('%s → %s', (discoveredAt, expected) => {
    expect(regulatorDeadline(discoveredAt)).toBe(expected);
    expect(Date.parse(expected) - Date.parse(discoveredAt)).toBe(72 * 3_600_000);
  });
  it('renders in Taipei wall-clock time without a DST shift (UTC+8 all year)', () => {
    expect(formatTaipeiTime(regulatorDeadline('2025-12-30T08:00:00+08:00'))).toBe('2026-01-02 08:00');
    expect(formatTaipeiTime(regulatorDeadline('2025-07-01T08:00:00+08:00'))).toBe('2025-07-04 08:00');
    expect(formatTaipeiTime('2025-01-31T16:00:00Z')).toBe('2025-02-01 00:00');
  });
});

describe('advisedDeadline (media-reported, seed 000 advice)', () => {
  it('is null when not in the media', () => {
    expect(advisedDeadline({ discoveredAt: '2025-03-01T09:30:00+08:00', mediaReported: false })).toBeNull();
  });
  it('is discoveredAt + 24 h when already reported', () => {
    expect(advisedDeadline({ discoveredAt: '2025-12-31T12:00:00+08:00', mediaReported: true })).toBe('2026-01-01T04:00:00.000Z');
    expect(advisedDeadline({ discoveredAt: '2025-03-01T09:30:00+08:00', mediaReported: true, mediaReportedAt: '2025-02-28T20:00:00+08:00' })).toBe(
      '2025-03-02T01:30:00.000Z',
    );
  });
  it('runs from a later media report but never beyond the 72 h deadline', () => {
    const discoveredAt = '2025-03-01T00:00:00Z';
    expect(advisedDeadline({ discoveredAt, mediaReported: true, mediaReportedAt: '2025-03-02T00:00:00Z' })).toBe('2025-03-03T00:00:00.000Z');
    expect(advisedDeadline({ discoveredAt, mediaReported: true, mediaReportedAt: '2025-03-03T12:00:00Z' })).toBe('2025-03-04T00:00:00.000Z');
  });
});

describe('notificationReminders', () => {
  it('fires at discovery, 24 h left, 6 h left and at the deadline', () => {
    expect(notificationReminders({ discoveredAt: '2025-03-31T20:00:00+08:00', mediaReported: false })).toEqual([
      { at: '2025-03-31T12:00:00.000Z', kind: 'discovered' },
      { at: '2025-04-02T12:00:00.000Z', kind: '24hLeft' },
      { at: '2025-04-03T06:00:00.000Z', kind: '6hLeft' },
      { at: '2025-04-03T12:00:00.000Z', kind: 'deadline' },
    ]);
  });
  it('adds the advised deadline in time order when media-reported', () => {
    const kinds = notificationReminders({ discoveredAt: '2025-03-31T20:00:00+08:00', mediaReported: true }).map((r) => r.kind);
    expect(kinds).toEqual(['discovered', 'advisedDeadline', '24hLeft', '6hLeft', 'deadline']);
  });
  it('keeps pending reminders from now on (inclusive) until the authority is notified', () => {
    const i = incident({ discoveredAt: '2025-03-01T00:00:00Z' });
    expect(pendingReminders(i, '2025-03-03T00:00:00Z').map((r) => r.kind)).toEqual(['24hLeft', '6hLeft', 'deadline']);
    expect(pendingReminders(i, '2025-03-03T00:00:00.001Z').map((r) => r.kind)).toEqual(['6hLeft', 'deadline']);
    expect(pendingReminders(i, '2025-03-04T00:00:00.001Z')).toEqual([]);
    const notified = { ...i, timeline: { regulatorNotified: { status: 'done' as const, at: '2025-03-01T05:00:00Z' } } };
    expect(pendingReminders(notified, '2025-03-01T06:00:00Z')).toEqual([]);
  });
});

describe('notificationTiming', () => {
  const discoveredAt = '2025-03-01T09:30:00+08:00';
  it('is on time exactly at the deadline and late one millisecond after', () => {
    expect(notificationTiming(discoveredAt, '2025-03-04T09:30:00+08:00')).toMatchObject({ withinDeadline: true, hoursAfterDiscovery: 72 });
    expect(notificationTiming(discoveredAt, '2025-03-04T01:30:00.001Z').withinDeadline).toBe(false);
  });
  it('compares instants, not strings, across offsets', () => {
    // 2025-03-04T02:00+09:00 is 01:00Z, before the 01:30Z deadline, though it sorts later as text.
    expect(notificationTiming(discoveredAt, '2025-03-04T10:00:00+09:00').withinDeadline).toBe(true);
  });
});
