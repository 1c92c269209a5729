/** Turns zod issues into per-field reasons in zh-TW and English. */
import type { z } from 'zod';
import type { FieldError } from './problem';

type Issue = z.core.$ZodIssue;

function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  const joined = path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : String(segment))).join('.').replace(/\.\[/g, '[');
  return [prefix, joined].filter(Boolean).join('.') || '(body)';
}

function describeIssue(issue: Issue): FieldError['reason'] {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined && /received undefined/.test(issue.message)) return { zhTW: '此欄位為必填', en: 'This field is required' };
      return { zhTW: `型別錯誤，應為 ${issue.expected}`, en: `Wrong type, expected ${issue.expected}` };
    case 'too_small':
      if (issue.origin === 'string') return { zhTW: `長度至少 ${issue.minimum} 個字元`, en: `Must be at least ${issue.minimum} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') return { zhTW: `至少需要 ${issue.minimum} 項`, en: `Needs at least ${issue.minimum} items` };
      return { zhTW: `不可小於 ${issue.minimum}`, en: `Must be at least ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string') return { zhTW: `長度不可超過 ${issue.maximum} 個字元`, en: `Must be at most ${issue.maximum} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') return { zhTW: `最多 ${issue.maximum} 項`, en: `At most ${issue.maximum} items` };
      return { zhTW: `不可大於 ${issue.maximum}`, en: `Must be at most ${issue.maximum}` };
    case 'invalid_format':
      return { zhTW: `格式不正確（${issue.format}）`, en: `Invalid format (${issue.format})` };
    case 'invalid_value':
      return { zhTW: `值必須是：${issue.values.map(String).join('、')}`, en: `Must be one of: ${issue.values.map(String).join(', ')}` };
    case 'not_multiple_of':
      return { zhTW: `須為 ${String(issue.divisor)} 的倍數`, en: `Must be a multiple of ${String(issue.divisor)}` };
    case 'invalid_union':
      return { zhTW: '不符合任何允許的格式', en: 'Does not match any allowed shape' };
    case 'custom': {
      const params = issue.params as { zhTW?: string; en?: string } | undefined;
      if (params?.zhTW && params.en) return { zhTW: params.zhTW, en: params.en };
      // A rule that has no Chinese text of its own: say so in Chinese and keep the rule's words.
      return { zhTW: `不符合規則：${issue.message}`, en: issue.message };
    }
    default:
      return { zhTW: `輸入不正確：${issue.message}`, en: issue.message };
  }
}

export function fieldErrorsFromZod(error: z.ZodError, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ field: fieldPath(prefix, [...issue.path, key]), reason: { zhTW: '不允許的欄位', en: 'Unknown field' } });
      }
      continue;
    }
    errors.push({ field: fieldPath(prefix, issue.path), reason: describeIssue(issue) });
  }
  return errors;
}
