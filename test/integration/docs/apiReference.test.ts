/**
 * The reference works without internet: /docs and every asset it references come from this API
 * (the Scalar bundle from the installed npm package), and each problem `type` URI resolves to a
 * page of its own (zh-TW and en).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { problemSlug, problemTypes, type ProblemType } from '../../../functions/http/problem';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});

/** Every URL an HTML page loads or links to: script src, link href, img src, CSS url(), @import. */
function referencedUrls(html: string): string[] {
  const urls = [
    ...[...html.matchAll(/<(?:script|img|iframe|source)\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map((match) => match[1]!),
    ...[...html.matchAll(/<link\b[^>]*\bhref\s*=\s*["']([^"']+)["']/gi)].map((match) => match[1]!),
    ...[...html.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)].map((match) => match[1]!),
    ...[...html.matchAll(/@import\s+["']([^"']+)["']/gi)].map((match) => match[1]!),
  ];
  return [...new Set(urls)];
}

describe('GET /docs (offline)', () => {
  it('serves the page and every asset it references from this API, nothing from a CDN', async () => {
    const page = await api.app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    const urls = referencedUrls(html);
    expect(urls.length).toBeGreaterThan(0);
    // Same origin only: no scheme, no protocol-relative host.
    expect(urls.filter((url) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url))).toEqual([]);
    for (const url of urls) {
      const asset = await api.app.request(url);
      expect(asset.status, url).toBe(200);
      const body = await asset.text();
      expect(body.length, url).toBeGreaterThan(1000);
      if (url.endsWith('.js')) {
        expect(asset.headers.get('content-type'), url).toMatch(/javascript/);
        // The browser bundle that defines the global the page calls.
        expect(body).toContain('createApiReference');
      }
    }
    // The page loads the description from this API and turns off what would call out.
    expect(html).toContain('"url": "/openapi.json"');
    expect(html).toContain('"withDefaultFonts": false');
    expect(html).toContain('"telemetry": false');
  });

  it('the referenced description is served and opens on the getting-started introduction', async () => {
    const response = await api.app.request('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { info: { description: string; license: unknown }; tags: { name: string }[]; paths: Record<string, Record<string, { operationId?: string }>> };
    expect(document.info.description).toContain('快速開始 / Getting started');
    expect(document.info.license).toBeDefined();
    expect(document.tags[0]!.name).not.toBe('Platform');
    expect(document.tags.at(-1)!.name).toBe('Platform');
    expect(document.paths['/v1/data-subject-requests']!.post!.operationId).toBe('createDataSubjectRequest');
  });
});

describe('problem type pages', () => {
  it('has a page for every problem type, in zh-TW and en, and an index that lists them all', async () => {
    const index = await (await api.app.request('/problems/')).text();
    for (const type of Object.keys(problemTypes) as ProblemType[]) {
      const response = await api.app.request(`/problems/${problemSlug(type)}`);
      expect(response.status, type).toBe(200);
      const html = await response.text();
      expect(html).toContain(problemTypes[type].title.zhTW);
      expect(html).toContain(problemTypes[type].title.en);
      expect(html).toContain(`HTTP ${problemTypes[type].status}`);
      expect(index).toContain(`/problems/${problemSlug(type)}`);
    }
    expect((await api.app.request('/problems/no-such-type')).status).toBe(404);
  });

  it('the type URI of a real error response resolves to its page', async () => {
    const error = await api.call('GET', '/v1/no-such-endpoint');
    expect(error.status).toBe(404);
    const type = new URL(error.body.type as string);
    expect(type.pathname).toBe('/problems/not-found');
    const page = await api.app.request(type.pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('找不到資源');
  });
});

describe('403 names what is needed', () => {
  it('lists the roles that may call the route and the caller\'s own role', async () => {
    const tenant = await api.onboardTenant();
    const auditorKey = await tenant.issueKey('auditor');
    const refused = await api.call('POST', '/v1/api-keys', { key: auditorKey, body: { name: 'x', role: 'officer', scopes: [] } });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('owner');
    expect(refused.body.detail).toContain('auditor');
    const english = await api.call('POST', '/v1/api-keys', { key: auditorKey, body: { name: 'x', role: 'officer', scopes: [] }, headers: { 'accept-language': 'en' } });
    expect(english.body.detail).toMatch(/^Only these roles may call this operation: owner.*; this credential's role is auditor$/);
  });
});
