import { describe, expect, it } from 'vitest';
import { civilCodePeriodEnd, dayPeriodInputSchema, hoursPeriodEnd, periodEndAfterDate } from '../../../domain/calendar/civilCodePeriod';
import { createWorkingDayCalendar } from '../../../domain/calendar/workingDayCalendar';
import { addDays, daysBetween, zonedEndOfDay, zonedInstant } from '../../../domain/shared/isoDate';

const TZ = 'Asia/Taipei';
const calendar = createWorkingDayCalendar();
const at = (date: string, time = '10:00') => zonedInstant(date, time, TZ);
const period = (receivedDate: string, days: number, options: Partial<Parameters<typeof civilCodePeriodEnd>[0]> = {}) =>
  civilCodePeriodEnd({ receivedAt: at(receivedDate), days, timeZone: TZ, mode: 'civilCode', calendar, ...options });

describe('civilCodePeriodEnd', () => {
  it('does not count the day of receipt and ends at the end of the last day', () => {
    const result = period('2025-03-03', 15);
    expect(result.startDate).toBe('2025-03-03');
    expect(result.nominalLastDay).toBe('2025-03-18');
    expect(result.lastDay).toBe('2025-03-18');
    expect(result.skippedRestDays).toEqual([]);
    expect(result.endsAt).toBe('2025-03-18T15:59:59.999Z');
    expect(result.explanation[0]).toEqual({
      zhTW: '收件日 2025-03-03（星期一） 不算入（民法第120條第2項）',
      en: 'The day of receipt, 2025-03-03 (Monday), is not counted (Civil Code Art. 120 ¶2)',
    });
    expect(result.explanation[1]!.zhTW).toContain('第15日為 2025-03-18（星期二，工作日）');
    expect(result.explanation.at(-1)!.zhTW).toContain('民法第121條第1項');
  });

  it('moves a Saturday last day to the Monday (Art. 122)', () => {
    const result = period('2025-03-07', 15);
    expect(result.nominalLastDay).toBe('2025-03-22');
    expect(result.lastDay).toBe('2025-03-24');
    expect(result.skippedRestDays.map((d) => d.date)).toEqual(['2025-03-22', '2025-03-23']);
    const step = result.explanation.find((e) => e.zhTW.includes('民法第122條'))!;
    expect(step.zhTW).toBe('2025-03-22（星期六，休息日）、2025-03-23（星期日，休息日）為休息日 → 順延至 2025-03-24（星期一）（民法第122條）');
    expect(step.en).toContain('moved to 2025-03-24 (Monday) (Civil Code Art. 122)');
    expect(result.endsAt).toBe('2025-03-24T15:59:59.999Z');
  });

  it('keeps a last day on a make-up working Saturday (補班)', () => {
    // The brief's example: received 2025-01-24, day 15 is Saturday 2025-02-08, which the DGPA
    // calendar made a working day, so there is nothing to move.
    const result = period('2025-01-24', 15);
    expect(result.nominalLastDay).toBe('2025-02-08');
    expect(result.lastDay).toBe('2025-02-08');
    expect(result.explanation.some((e) => e.zhTW.includes('民法第122條'))).toBe(false);
    expect(period('2024-02-02', 15).lastDay).toBe('2024-02-17');
    // …and a tenant's own closure on that Saturday does not move it (safe reading of Art. 122).
    const closed = createWorkingDayCalendar({ tenantOverrides: { extraRestDays: ['2025-02-08'] } });
    expect(period('2025-01-24', 15, { calendar: closed }).lastDay).toBe('2025-02-08');
  });

  it('moves over the 2025 Lunar New Year', () => {
    const result = period('2025-01-13', 15);
    expect(result.nominalLastDay).toBe('2025-01-28');
    expect(result.lastDay).toBe('2025-02-03');
    expect(result.skippedRestDays).toHaveLength(6);
    expect(result.explanation.find((e) => e.zhTW.includes('民法第122條'))!.zhTW).toContain('2025-01-28（星期二，春節（除夕））');
    // 30-day period from mid-December into the break.
    expect(period('2024-12-29', 30).lastDay).toBe('2025-02-03');
  });

  it('moves over the 2026 Lunar New Year (9 days incl. 小年夜 and its 補假)', () => {
    expect(period('2026-01-30', 15)).toMatchObject({ nominalLastDay: '2026-02-14', lastDay: '2026-02-23' });
    expect(period('2026-02-01', 15)).toMatchObject({ nominalLastDay: '2026-02-16', lastDay: '2026-02-23' });
    expect(period('2026-01-15', 30)).toMatchObject({ nominalLastDay: '2026-02-14', lastDay: '2026-02-23' });
    expect(period('2026-02-08', 15)).toMatchObject({ nominalLastDay: '2026-02-23', lastDay: '2026-02-23' });
  });

  it('chains a weekend into a Monday holiday and a Thursday holiday into a weekend', () => {
    expect(period('2025-09-19', 15)).toMatchObject({ nominalLastDay: '2025-10-04', lastDay: '2025-10-07' });
    expect(period('2025-03-19', 15)).toMatchObject({ nominalLastDay: '2025-04-03', lastDay: '2025-04-07' });
    expect(period('2026-03-19', 15)).toMatchObject({ nominalLastDay: '2026-04-03', lastDay: '2026-04-07' });
  });

  it('handles month ends and leap days', () => {
    expect(period('2025-01-31', 30)).toMatchObject({ nominalLastDay: '2025-03-02', lastDay: '2025-03-03' });
    expect(period('2024-01-31', 30)).toMatchObject({ nominalLastDay: '2024-03-01', lastDay: '2024-03-01' });
    expect(period('2024-02-14', 15)).toMatchObject({ nominalLastDay: '2024-02-29', lastDay: '2024-02-29' });
    expect(period('2024-02-29', 15)).toMatchObject({ nominalLastDay: '2024-03-15', lastDay: '2024-03-15' });
    // 228 on a Friday, then the weekend.
    expect(period('2025-02-13', 15)).toMatchObject({ nominalLastDay: '2025-02-28', lastDay: '2025-03-03' });
    // Year end: 2025-12-25 行憲紀念日 (Thursday) is a rest day.
    expect(period('2025-12-10', 15)).toMatchObject({ nominalLastDay: '2025-12-25', lastDay: '2025-12-26' });
  });

  it('warns when the holiday data is missing or provisional', () => {
    const leap = period('2028-02-14', 15);
    expect(leap).toMatchObject({ nominalLastDay: '2028-02-29', lastDay: '2028-02-29', endsAt: '2028-02-29T15:59:59.999Z' });
    expect(leap.explanation.some((e) => e.zhTW.includes('2028年尚無國定假日資料'))).toBe(true);
    const provisional = period('2027-01-20', 15);
    expect(provisional.lastDay).toBe('2027-02-11');
    expect(provisional.explanation.some((e) => e.en.includes('2027 public-holiday data is provisional'))).toBe(true);
    expect(period('2025-03-03', 15).explanation.some((e) => e.zhTW.startsWith('注意'))).toBe(false);
  });

  it('uses the local date of receipt: late at night in UTC is already the next day in Taipei', () => {
    const afterMidnight = civilCodePeriodEnd({ receivedAt: '2025-03-02T16:30:00Z', days: 15, timeZone: TZ, mode: 'civilCode', calendar });
    expect(afterMidnight.startDate).toBe('2025-03-03');
    expect(afterMidnight.lastDay).toBe('2025-03-18');
    const beforeMidnight = civilCodePeriodEnd({ receivedAt: '2025-03-02T15:59:59.999Z', days: 15, timeZone: TZ, mode: 'civilCode', calendar });
    expect(beforeMidnight.startDate).toBe('2025-03-02');
    expect(beforeMidnight.lastDay).toBe('2025-03-17');
    const utcTenant = civilCodePeriodEnd({ receivedAt: '2025-03-02T16:30:00Z', days: 15, timeZone: 'UTC', mode: 'civilCode', calendar });
    expect(utcTenant.startDate).toBe('2025-03-02');
    expect(utcTenant.endsAt).toBe('2025-03-17T23:59:59.999Z');
  });

  it('reads plain calendar days when the tenant chooses so', () => {
    const result = period('2025-03-07', 15, { mode: 'calendarDays' });
    expect(result.lastDay).toBe('2025-03-22');
    expect(result.skippedRestDays).toEqual([]);
    expect(result.explanation.some((e) => e.zhTW.includes('不順延'))).toBe(true);
    expect(period('2025-01-13', 15, { mode: 'calendarDays' }).lastDay).toBe('2025-01-28');
  });

  it('honours tenant settings', () => {
    const ownClosure = createWorkingDayCalendar({ tenantOverrides: { extraRestDays: ['2025-07-29'] } });
    expect(period('2025-07-14', 15, { calendar: ownClosure })).toMatchObject({ nominalLastDay: '2025-07-29', lastDay: '2025-07-29' });
    expect(period('2025-07-14', 15).lastDay).toBe('2025-07-29');
    const sixDay = createWorkingDayCalendar({ saturdayIsRestDay: false });
    expect(period('2025-03-07', 15, { calendar: sixDay }).lastDay).toBe('2025-03-22');
    expect(period('2025-03-08', 15, { calendar: sixDay }).lastDay).toBe('2025-03-24');
  });

  it('holds the Art. 120–122 invariants across 2024–2026 (daily in Jan–Apr, every 4th day otherwise)', () => {
    for (let date = '2024-01-01'; date <= '2026-12-31'; date = addDays(date, date.slice(5) < '05-01' ? 1 : 4)) {
      for (const days of [15, 30]) {
        // 02:00Z is 10:00 in Taipei, so the local receipt date is `date`.
        const result = civilCodePeriodEnd({ receivedAt: `${date}T02:00:00Z`, days, timeZone: TZ, mode: 'civilCode', calendar });
        expect(result.startDate).toBe(date);
        expect(daysBetween(result.startDate, result.nominalLastDay)).toBe(days);
        expect(result.lastDay >= result.nominalLastDay).toBe(true);
        expect(calendar.isRestDay(result.lastDay).restDay).toBe(false);
        for (let d = result.nominalLastDay; d < result.lastDay; d = addDays(d, 1)) expect(calendar.isRestDay(d).restDay).toBe(true);
        expect(result.skippedRestDays).toHaveLength(daysBetween(result.nominalLastDay, result.lastDay));
        expect(result.endsAt).toBe(zonedEndOfDay(result.lastDay, TZ));
      }
    }
  }, 20_000);

  it('rejects nonsense input', () => {
    expect(() => period('2025-03-03', 0)).toThrow(RangeError);
    expect(() => period('2025-03-03', 1.5)).toThrow(RangeError);
    expect(() => civilCodePeriodEnd({ receivedAt: 'yesterday', days: 15, timeZone: TZ, mode: 'civilCode' })).toThrow(RangeError);
    expect(() => periodEndAfterDate({ startDate: '2025-02-30', days: 5, timeZone: TZ, mode: 'civilCode', startStep: { zhTW: '', en: '' } })).toThrow(RangeError);
  });

  it('defaults to the Taiwan calendar in civilCode mode', () => {
    expect(civilCodePeriodEnd({ receivedAt: at('2025-03-07'), days: 15, timeZone: TZ, mode: 'civilCode' }).lastDay).toBe('2025-03-24');
  });

  it('exports a strict input schema', () => {
    const valid = { receivedAt: '2025-03-07T10:00:00+08:00', days: 15, timeZone: TZ, mode: 'civilCode' };
    expect(dayPeriodInputSchema.safeParse(valid).success).toBe(true);
    expect(dayPeriodInputSchema.safeParse({ ...valid, extra: true }).success).toBe(false);
    expect(dayPeriodInputSchema.safeParse({ ...valid, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(dayPeriodInputSchema.safeParse({ ...valid, days: 0 }).success).toBe(false);
    expect(dayPeriodInputSchema.safeParse({ ...valid, receivedAt: '2025-03-07' }).success).toBe(false);
    expect(dayPeriodInputSchema.safeParse({ ...valid, mode: 'workingDays' }).success).toBe(false);
  });
});

describe('periodEndAfterDate', () => {
  it('counts from a given date with the caller’s first step', () => {
    const result = periodEndAfterDate({ startDate: '2025-03-18', days: 15, timeZone: TZ, mode: 'civilCode', calendar, startStep: { zhTW: '起點', en: 'start' } });
    expect(result.lastDay).toBe('2025-04-02');
    expect(result.explanation[0]).toEqual({ zhTW: '起點', en: 'start' });
  });
});

describe('hoursPeriodEnd', () => {
  it('runs from the moment, through weekends and holidays', () => {
    const result = hoursPeriodEnd('2025-01-24T10:00:00+08:00', 72);
    expect(result.startAt).toBe('2025-01-24T02:00:00.000Z');
    expect(result.endsAt).toBe('2025-01-27T02:00:00.000Z');
    expect(result.explanation[0]!.zhTW).toContain('民法第120條第1項');
    expect(result.explanation[1]!.zhTW).toContain('休息日不順延');
    expect(hoursPeriodEnd('2026-02-14T23:30:00+08:00', 72).endsAt).toBe('2026-02-17T15:30:00.000Z');
    expect(hoursPeriodEnd('2024-02-28T12:00:00Z', 24).endsAt).toBe('2024-02-29T12:00:00.000Z');
    expect(hoursPeriodEnd('2025-02-28T12:00:00Z', 24).endsAt).toBe('2025-03-01T12:00:00.000Z');
    expect(hoursPeriodEnd('2025-01-24T00:00:00Z', 0.5).endsAt).toBe('2025-01-24T00:30:00.000Z');
  });
  it('rejects invalid input', () => {
    expect(() => hoursPeriodEnd('not a time', 72)).toThrow(RangeError);
    for (const hours of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => hoursPeriodEnd('2025-01-24T00:00:00Z', hours)).toThrow(RangeError);
  });
});
