import { describe, expect, it } from 'vitest';
import { problemSlug, problemTypes, type ProblemType } from '../../../functions/http/problem';
import { isSafeObjectKey, localObjectRefusals } from '../../../functions/storage/localObjectStore';

describe('the local object server\'s refusals', () => {
  it('are the API\'s own problem types (slug, status, zh-TW title), spelled out without importing http', () => {
    for (const [name, refusal] of Object.entries(localObjectRefusals)) {
      const type = (Object.keys(problemTypes) as ProblemType[]).find((candidate) => problemSlug(candidate) === refusal.slug);
      expect(type, name).toBeDefined();
      expect(refusal.status, name).toBe(problemTypes[type!].status);
      expect(refusal.title, name).toBe(problemTypes[type!].title.zhTW);
      expect(refusal.reason.zhTW.length * refusal.reason.en.length, name).toBeGreaterThan(0);
    }
  });
});

describe('object keys', () => {
  it.each([
    'tn_01jq3z5k8m9n0p1q2r3s4t5v6w/evidence/evd_01jq3z5k8m9n0p1q2r3s4t5v6w',
    'tn_x/inspection-packs/ipk_1.zip',
  ])('accepts %s', (key) => expect(isSafeObjectKey(key)).toBe(true));

  it.each(['', '../x', 'a/../b', 'a/./b', 'a//b', '/a', 'a/', '.meta/x', 'a\\b', 'a/b c', 'a/%2e%2e', `a/${'x'.repeat(129)}`, 'x/'.repeat(300) + 'x'])('refuses %j', (key) => {
    expect(isSafeObjectKey(key)).toBe(false);
  });
});
