/**
 * The domain's yes/no (domain/shared/outcome.ts) and the zh-TW-first text picker.
 */
import { describe, expect, it } from 'vitest';
import { pick } from '../../../domain/shared/localizedText';
import { andThen, fail, ok, type Outcome } from '../../../domain/shared/outcome';

const message = { zhTW: '已結案', en: 'Already closed' };

describe('Outcome', () => {
  it('ok carries the value', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
  });

  it('fail carries kind, code and message, and field/details only when given', () => {
    expect(fail('conflict', 'CLOSED', message)).toEqual({ ok: false, error: { kind: 'conflict', code: 'CLOSED', message } });
    expect(Object.keys(fail('conflict', 'CLOSED', message).error)).toEqual(['kind', 'code', 'message']);
    expect(fail('invalidInput', 'BAD', message, { field: 'items.copy', details: { fieldErrors: [] } }).error).toEqual({
      kind: 'invalidInput', code: 'BAD', message, field: 'items.copy', details: { fieldErrors: [] },
    });
    // Falsy but present extras are kept.
    expect(fail('invalid', 'X', message, { field: '', details: 0 }).error).toMatchObject({ field: '', details: 0 });
  });

  it('andThen runs the next step only after a success and passes failures through unchanged', () => {
    const double = (n: number): Outcome<number, 'NEG'> => (n < 0 ? fail('invalid', 'NEG', message) : ok(n * 2));
    expect(andThen(ok(2), double)).toEqual(ok(4));
    expect(andThen(ok(-1), double)).toEqual(fail('invalid', 'NEG', message));
    const failed = fail<'NEG'>('notFound', 'NEG', message);
    let called = false;
    expect(andThen(failed as Outcome<number, 'NEG'>, (n) => ((called = true), ok(n)))).toBe(failed);
    expect(called).toBe(false);
  });
});

describe('pick', () => {
  it('picks English for en and zh-TW otherwise', () => {
    expect(pick(message, 'en')).toBe('Already closed');
    expect(pick(message, 'zh-TW')).toBe('已結案');
  });
});
