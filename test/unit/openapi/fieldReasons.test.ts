/** Per-field reasons: the zh-TW text is Chinese even when a rule has only English words. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFromZod } from '../../../functions/http/zodIssues';

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('fieldErrorsFromZod (functions/http/zodIssues.ts)', () => {
  it('answers in Chinese for every kind of issue, keeping the English rule text in both', () => {
    const schema = z.object({
      name: z.string().min(3),
      count: z.number().int(),
      email: z.email(),
      kind: z.enum(['a', 'b']),
      code: z.string().refine((value) => value !== '000', 'code 000 does not exist'),
    }).strict();
    const parsed = schema.safeParse({ name: 'x', count: 1.5, email: 'nope', kind: 'c', code: '000', extra: 1 });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsFromZod(parsed.error!, '');
    expect(errors.map((error) => error.field).sort()).toEqual(['code', 'count', 'email', 'extra', 'kind', 'name']);
    for (const error of errors) expect(hasChinese(error.reason.zhTW), `${error.field}: ${error.reason.zhTW}`).toBe(true);
    expect(errors.find((error) => error.field === 'code')!.reason).toEqual({ zhTW: '不符合規則：code 000 does not exist', en: 'code 000 does not exist' });
  });
});
