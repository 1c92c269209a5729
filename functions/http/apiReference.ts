/**
 * The integrator's reference, served by the docs Lambda (the platform group in AWS; every route
 * locally) and usable offline: `/openapi.json` (the committed, build-time description — see
 * ./openApiDocument.ts), `/docs` (Scalar, its script served from the installed, pinned npm
 * package — no CDN) and one page per problem type under `/problems/…` (zh-TW and en), which every
 * problem's `type` URI points at.
 */
import { Scalar } from '@scalar/hono-api-reference';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Context } from 'hono';
import type { ApiArea } from './app';
import type { ApiEnv } from './context';
import { ApiProblem, problemSlug, problemTypeOfSlug, problemTypes, PROBLEM_PATH, type ProblemType } from './problem';

export const DOCS_PATH = '/docs';
/** The Scalar browser bundle, as shipped in `@scalar/api-reference` (version pinned in package.json). */
export const DOCS_SCRIPT_PATH = '/docs/assets/scalar-api-reference.js';
/** The committed description's file name beside the docs Lambda bundle (infra copies it there). */
export const OPENAPI_DOCUMENT_FILE = 'openapi.json';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A file the docs Lambda finds beside its bundle (infra copies it there), else where development has
 * it; read on first use and kept.
 */
function fileBesideBundle(name: string, developmentPath: () => string): () => string {
  let text: string | undefined;
  return () => (text ??= readFileSync(existsSync(join(here, name)) ? join(here, name) : developmentPath(), 'utf8'));
}

/** The committed openapi/openapi.json (built by `npm run openapi`). */
const committedOpenApiDocument = fileBesideBundle(OPENAPI_DOCUMENT_FILE, () => join(here, '../../openapi', OPENAPI_DOCUMENT_FILE));

/** The Scalar browser bundle of the installed, pinned `@scalar/api-reference`. */
const scalarBundle = fileBesideBundle('scalar-api-reference.js', () => {
  try {
    // `@scalar/api-reference` resolves to dist/index.js; the browser bundle sits beside it.
    return join(dirname(createRequire(import.meta.url).resolve('@scalar/api-reference')), 'browser', 'standalone.js');
  } catch {
    return join(process.cwd(), 'node_modules/@scalar/api-reference/dist/browser/standalone.js');
  }
});

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Inline `code` only: the problem texts use nothing else. */
const inlineCode = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

function problemPage(type: ProblemType): string {
  const definition = problemTypes[type];
  const slug = problemSlug(type);
  return `<!doctype html>
<html lang="zh-TW">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escapeHtml(definition.title.zhTW)} / ${escapeHtml(definition.title.en)} — ${definition.status}</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.6}code{background:#f2f2f2;padding:0 .25rem}</style>
</head>
<body>
<p><a href="${PROBLEM_PATH}">問題類型一覽 / All problem types</a> · <a href="${DOCS_PATH}">API 參考文件 / API reference</a></p>
<section lang="zh-TW">
<h1>${escapeHtml(definition.title.zhTW)}</h1>
<p>HTTP ${definition.status} · <code>type</code>：<code>${PROBLEM_PATH}${slug}</code></p>
<h2>意義</h2><p>${inlineCode(definition.meaning.zhTW)}</p>
<h2>處理方式</h2><p>${inlineCode(definition.remedy.zhTW)}</p>
</section>
<hr />
<section lang="en">
<h1>${escapeHtml(definition.title.en)}</h1>
<p>HTTP ${definition.status} · <code>type</code>: <code>${PROBLEM_PATH}${slug}</code></p>
<h2>What it means</h2><p>${inlineCode(definition.meaning.en)}</p>
<h2>What to do</h2><p>${inlineCode(definition.remedy.en)}</p>
</section>
</body>
</html>
`;
}

function problemIndexPage(): string {
  const rows = (Object.keys(problemTypes) as ProblemType[])
    .map((type) => `<tr><td>${problemTypes[type].status}</td><td><a href="${PROBLEM_PATH}${problemSlug(type)}"><code>${problemSlug(type)}</code></a></td><td lang="zh-TW">${escapeHtml(problemTypes[type].title.zhTW)}</td><td lang="en">${escapeHtml(problemTypes[type].title.en)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-TW">
<head><meta charset="utf-8" /><title>問題類型 / Problem types</title>
<style>body{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem}td,th{padding:.25rem .75rem;text-align:left}</style></head>
<body>
<h1>問題類型 / Problem types</h1>
<p>錯誤回應為 RFC 9457 <code>application/problem+json</code>，其 <code>type</code> 指向下列頁面。 Error responses are RFC 9457 <code>application/problem+json</code>; their <code>type</code> points at these pages.</p>
<table><thead><tr><th>HTTP</th><th>type</th><th>中文</th><th>English</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p><a href="${DOCS_PATH}">API 參考文件 / API reference</a></p>
</body>
</html>
`;
}

/** Serves `/openapi.json`, `/docs` with its script, and the problem pages. */
function serveApiReference(app: Parameters<ApiArea['register']>[0]): void {
  app.get('/openapi.json', (c: Context<ApiEnv>) => {
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(committedOpenApiDocument());
  });
  app.get(
    DOCS_PATH,
    Scalar({
      url: '/openapi.json',
      pageTitle: 'PDPA Compliance API',
      cdn: DOCS_SCRIPT_PATH,
      // Nothing fetched from elsewhere: no web fonts, no telemetry, no hosted client or agent.
      withDefaultFonts: false,
      telemetry: false,
      hideClientButton: true,
      showOperationId: true,
      agent: { disabled: true },
    } as Parameters<typeof Scalar>[0]),
  );
  app.get(DOCS_SCRIPT_PATH, (c: Context<ApiEnv>) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(scalarBundle());
  });
  app.get(PROBLEM_PATH, (c) => c.html(problemIndexPage()));
  app.get('/problems', (c) => c.redirect(PROBLEM_PATH, 301));
  app.get(`${PROBLEM_PATH}:slug`, (c) => {
    const type = problemTypeOfSlug(c.req.param('slug'));
    if (!type) throw new ApiProblem('notFound', { detail: { zhTW: '沒有這個問題類型，請見 /problems/ 一覽', en: 'No such problem type; see the list at /problems/' } });
    return c.html(problemPage(type));
  });
}

/** The reference as an area: mounted by the docs Lambda's group and by the local server. */
export const apiReferenceArea: ApiArea = { name: 'apiReference', register: serveApiReference };
