import { describe, expect, it } from 'vitest';
import { taiwanHolidayYears } from '../../../domain/calendar/taiwanHolidays';
import { dayOfWeek, isIsoDate } from '../../../domain/shared/isoDate';

describe('Taiwan holiday data', () => {
  it('covers 2024 to 2027, marking 2027 provisional', () => {
    expect(taiwanHolidayYears.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(taiwanHolidayYears.filter((y) => y.status === 'provisional').map((y) => y.year)).toEqual([2027]);
  });

  for (const year of taiwanHolidayYears) {
    describe(String(year.year), () => {
      it('lists valid, unique, sorted dates of its own year', () => {
        const dates = [...year.restDays.map((d) => d.date), ...year.makeUpWorkingDays.map((d) => d.date)];
        for (const date of dates) {
          expect(isIsoDate(date), date).toBe(true);
          expect(date.startsWith(`${year.year}-`), date).toBe(true);
        }
        expect(new Set(dates).size).toBe(dates.length);
        const restDates = year.restDays.map((d) => d.date);
        expect([...restDates].sort()).toEqual(restDates);
      });
      it('puts make-up working days on Saturdays and observed days on weekdays', () => {
        for (const day of year.makeUpWorkingDays) expect(dayOfWeek(day.date), day.date).toBe(6);
        for (const day of year.restDays.filter((d) => d.nameZh.includes('補假') || d.nameZh.includes('調整放假'))) {
          expect([1, 2, 3, 4, 5], day.date).toContain(dayOfWeek(day.date));
        }
      });
      it('names every day in zh-TW and English', () => {
        for (const day of year.restDays) {
          expect(day.nameZh.length).toBeGreaterThan(0);
          expect(day.nameEn.length).toBeGreaterThan(0);
        }
        for (const day of year.makeUpWorkingDays) expect(day.reason.zhTW && day.reason.en).toBeTruthy();
      });
      it('includes the fixed-date national holidays', () => {
        const names = new Map(year.restDays.map((d) => [d.date, d.nameZh]));
        expect(names.get(`${year.year}-01-01`)).toContain('開國紀念日');
        expect(names.get(`${year.year}-02-28`)).toContain('和平紀念日');
        expect(names.get(`${year.year}-10-10`)).toContain('國慶日');
      });
    });
  }

  it('adds the 2025 memorial days from the 2025 amendment, not to 2024', () => {
    const names = (y: number) => taiwanHolidayYears.find((h) => h.year === y)!.restDays.map((d) => d.nameZh).join('|');
    for (const added of ['教師節', '光復', '行憲紀念日']) {
      expect(names(2024)).not.toContain(added);
      expect(names(2025)).toContain(added);
      expect(names(2026)).toContain(added);
    }
    // Labour Day before 2026: a rest day for workers only, read the same way in both years (README.md).
    expect(names(2024)).not.toContain('勞動節');
    expect(names(2025)).not.toContain('勞動節');
    expect(names(2026)).toContain('勞動節');
  });

  it('2025 and 2024 each have one make-up Saturday; 2026 has none', () => {
    const makeUp = (y: number) => taiwanHolidayYears.find((h) => h.year === y)!.makeUpWorkingDays.map((d) => d.date);
    expect(makeUp(2024)).toEqual(['2024-02-17']);
    expect(makeUp(2025)).toEqual(['2025-02-08']);
    expect(makeUp(2026)).toEqual([]);
  });
});
