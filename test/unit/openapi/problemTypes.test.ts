/** Problem types: each has its own URI and bilingual page text; 410 is `gone`, not `not-found`. */
import { describe, expect, it } from 'vitest';
import { forbiddenDetail } from '../../../functions/http/route';
import { problemSlug, problemTypeOfSlug, problemTypes, renderProblem, type ProblemType } from '../../../functions/http/problem';
import { goneLink } from '../../../functions/vendors/questionnaireLinks';

const types = Object.keys(problemTypes) as ProblemType[];
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('problem types (functions/http/problem.ts)', () => {
  it('answers a spent questionnaire link (410) with its own type, not not-found', () => {
    const body = renderProblem(goneLink('expired'), 'zh-TW', { baseUrl: 'https://api.pdpa.test' });
    expect(body.status).toBe(410);
    expect(body.type).toBe('https://api.pdpa.test/problems/gone');
  });

  it('gives each type one slug, and a status its definition agrees with', () => {
    expect(new Set(types.map(problemSlug)).size).toBe(types.length);
    for (const type of types) expect(problemTypeOfSlug(problemSlug(type))).toBe(type);
    expect(types.filter((type) => problemTypes[type].status === 410)).toEqual(['gone']);
  });

  it('writes the zh-TW texts in Chinese and the English ones in English, both filled', () => {
    for (const type of types) {
      const { title, meaning, remedy } = problemTypes[type];
      for (const text of [title, meaning, remedy]) {
        expect(hasChinese(text.zhTW), `${type}: ${text.zhTW}`).toBe(true);
        expect(hasChinese(text.en), `${type}: ${text.en}`).toBe(false);
        // The Chinese text says about as much: not a stub beside a long English one.
        expect(text.zhTW.length * 5, `${type}: ${text.zhTW}`).toBeGreaterThanOrEqual(text.en.length);
      }
    }
  });

  it('renders a relative type URI when the base URL is unknown (resolved against the API host)', () => {
    const body = renderProblem(goneLink('revoked'), 'en', {});
    expect(body.type).toBe('/problems/gone');
  });
});

describe('403 detail', () => {
  it('names the roles that may call and the caller\'s role', () => {
    const detail = forbiddenDetail({ plane: 'tenant', roles: ['owner', 'officer'] }, 'auditor', 'roleNotAllowed');
    expect(detail.en).toBe("Only these roles may call this operation: owner, officer; this credential's role is auditor");
    expect(detail.zhTW).toContain('owner（擁有者）、officer（個資專責人員）');
    expect(forbiddenDetail({ plane: 'tenant', roles: ['owner', 'integration'], integrationScope: 'dsr:write' }, 'integration', 'missingScope').en).toContain('dsr:write');
  });
});
