/**
 * Calendar-date edges (domain/shared/isoDate.ts) that the legal periods depend on: strict
 * parsing, ordering helpers, month lengths, and wall-clock ↔ instant conversion across DST.
 */
import { describe, expect, it } from 'vitest';
import {
  addMonths, addYears, compareIsoDate, daysBetween, daysInMonth, formatIsoDate, isIsoDate, maxIsoDate, minIsoDate, parseIsoDate, timeZoneOffsetMinutes,
  zonedDateOf, zonedEndOfDay, zonedInstant,
} from '../../../domain/shared/isoDate';

describe('parsing and formatting', () => {
  it.each(['2025-04-31', '2025-00-10', '2025-01-00', '2025-01-32', ' 2025-01-01', '2025-01-01 ', '2025-01-01T00:00:00Z', '20250101', '25-01-01', ''])('%j is not a calendar date', (value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(() => parseIsoDate(value)).toThrow(RangeError);
    expect(() => parseIsoDate(value)).toThrow(`Not an ISO calendar date: ${value}`);
  });

  it('reads and writes the parts, zero-padded', () => {
    expect(isIsoDate('2025-12-31')).toBe(true);
    expect(isIsoDate('0999-01-01')).toBe(true);
    // Date.UTC maps years 0–99 to 1900–1999: such dates are refused rather than silently moved.
    expect(isIsoDate('0050-01-01')).toBe(false);
    expect(parseIsoDate('2025-03-09')).toEqual({ year: 2025, month: 3, day: 9 });
    expect(formatIsoDate(999, 3, 9)).toBe('0999-03-09');
    expect(formatIsoDate(2025, 12, 31)).toBe('2025-12-31');
  });
});

describe('ordering and lengths', () => {
  it('compares, and picks the earlier and the later date', () => {
    expect(compareIsoDate('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareIsoDate('2025-01-02', '2025-01-01')).toBe(1);
    expect(compareIsoDate('2025-01-02', '2025-01-02')).toBe(0);
    expect(minIsoDate('2025-01-02', '2025-01-01')).toBe('2025-01-01');
    expect(minIsoDate('2025-01-01', '2025-01-02')).toBe('2025-01-01');
    expect(maxIsoDate('2025-01-02', '2025-01-01')).toBe('2025-01-02');
    expect(maxIsoDate('2025-01-01', '2025-01-02')).toBe('2025-01-02');
  });

  it('knows month lengths, leap years included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('adds years as twelve months and months across year ends', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2025-06-15', -2)).toBe('2023-06-15');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15');
    expect(addMonths('2025-01-15', 0)).toBe('2025-01-15');
  });

  it('counts whole days across a DST change (dates, not instants)', () => {
    expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2);
    expect(daysBetween('2025-01-01', '2025-01-01')).toBe(0);
  });
});

describe('time zones', () => {
  it('measures the offset from UTC, whole minutes, with DST', () => {
    expect(timeZoneOffsetMinutes(new Date('2025-07-01T00:00:00.500Z'), 'Asia/Taipei')).toBe(480);
    expect(timeZoneOffsetMinutes(new Date('2025-01-15T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(timeZoneOffsetMinutes(new Date('2025-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(timeZoneOffsetMinutes(new Date('2025-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(timeZoneOffsetMinutes(new Date('2025-07-15T12:00:00Z'), 'UTC')).toBe(0);
  });

  it('takes a Date or a string for the local date', () => {
    expect(zonedDateOf(new Date('2025-06-30T16:00:00Z'), 'Asia/Taipei')).toBe('2025-07-01');
    expect(zonedDateOf('2025-07-01T03:00:00Z', 'America/New_York')).toBe('2025-06-30');
  });

  it('finds the instant of a wall-clock time with seconds and milliseconds, across a DST change', () => {
    expect(zonedInstant('2025-07-01', '09:30:15.250', 'Asia/Taipei')).toBe('2025-07-01T01:30:15.250Z');
    expect(zonedInstant('2025-07-01', '', 'Asia/Taipei')).toBe('2025-06-30T16:00:00.000Z');
    // New York moves from UTC-5 to UTC-4 at 02:00 on 2025-03-09.
    expect(zonedInstant('2025-03-09', '01:00', 'America/New_York')).toBe('2025-03-09T06:00:00.000Z');
    expect(zonedInstant('2025-03-09', '12:00', 'America/New_York')).toBe('2025-03-09T16:00:00.000Z');
    // The first wall-clock hour after the jump needs the second pass: the first guess is still in EST.
    expect(zonedInstant('2025-03-09', '03:00', 'America/New_York')).toBe('2025-03-09T07:00:00.000Z');
    expect(zonedInstant('2025-03-08', '23:30', 'America/New_York')).toBe('2025-03-09T04:30:00.000Z');
    expect(zonedEndOfDay('2025-03-09', 'America/New_York')).toBe('2025-03-10T03:59:59.999Z');
    expect(zonedEndOfDay('2025-11-02', 'America/New_York')).toBe('2025-11-03T04:59:59.999Z');
  });
});
