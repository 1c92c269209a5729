import { describe, expect, it } from 'vitest';
import { MAX_PERIOD_YEARS, dateWithin, parseYearRange, validatePeriod } from '../../../domain/inspectionPack';

const today = '2026-03-02';

describe('inspection pack period', () => {
  it('accepts a period ending today', () => {
    expect(validatePeriod({ periodFrom: '2025-03-02', periodTo: today }, today)).toEqual({ ok: true, value: { from: '2025-03-02', to: today } });
  });

  it('accepts a one-day period', () => {
    expect(validatePeriod({ periodFrom: '2025-06-30', periodTo: '2025-06-30' }, today).ok).toBe(true);
  });

  it('names the field of a date that does not exist', () => {
    expect(validatePeriod({ periodFrom: '2025-02-30', periodTo: '2025-12-31' }, today)).toMatchObject({ ok: false, error: { kind: 'invalidInput', code: 'PERIOD_INVALID_DATE', field: 'periodFrom' } });
    expect(validatePeriod({ periodFrom: '2025-01-01', periodTo: '2025-13-01' }, today)).toMatchObject({ ok: false, error: { field: 'periodTo' } });
  });

  it('refuses a period that starts after it ends', () => {
    expect(validatePeriod({ periodFrom: '2025-12-31', periodTo: '2025-01-01' }, today)).toMatchObject({ ok: false, error: { code: 'PERIOD_REVERSED', field: 'periodFrom' } });
  });

  it('refuses a period ending after today', () => {
    const outcome = validatePeriod({ periodFrom: '2025-01-01', periodTo: '2026-03-03' }, today);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'PERIOD_IN_FUTURE', field: 'periodTo' } });
    if (!outcome.ok) expect(outcome.error.message.zhTW).toContain(today);
  });

  it(`allows at most ${MAX_PERIOD_YEARS} years`, () => {
    expect(validatePeriod({ periodFrom: '2021-01-01', periodTo: '2025-12-31' }, today).ok).toBe(true);
    expect(validatePeriod({ periodFrom: '2021-01-01', periodTo: '2026-01-01' }, today)).toMatchObject({ ok: false, error: { code: 'PERIOD_TOO_LONG', field: 'periodTo' } });
  });

  it('reads dates within the period inclusively', () => {
    const period = { from: '2025-01-01', to: '2025-12-31' };
    expect(dateWithin('2025-01-01', period)).toBe(true);
    expect(dateWithin('2025-12-31', period)).toBe(true);
    expect(dateWithin('2024-12-31', period)).toBe(false);
    expect(dateWithin('2026-01-01', period)).toBe(false);
    expect(parseYearRange({ from: '2023-05-01', to: '2025-02-01' })).toEqual({ first: 2023, last: 2025 });
  });
});
