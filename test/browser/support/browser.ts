/**
 * Browser tests' harness (shared by the console and public-page tests): the whole local stack in
 * this process (DynamoDB Local, the API, the console) on a free port, Debian's Chromium driven by
 * playwright-core, a guard that fails on any request outside the app's origin, axe-core, and
 * screenshots under test-artifacts/screenshots/ (git-ignored).
 */
import '@hono/zod-openapi';
import { serve, type ServerType } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { allAreas } from '../../../functions/apps/areas';
import { createConsoleApp } from '../../../functions/console/consoleApp';
import { consoleSessionKey, isConsolePath, isPublicPagePath } from '../../../functions/console/consoleSettings';
import { publicConsoleApp } from '../../../functions/console/public/publicConsoleApp';
import { createApiApp } from '../../../functions/http/app';
import type { OidcSettings } from '../../../functions/http/appDeps';
import type { ConsoleOidcSettings } from '../../../functions/console/consoleContext';
import { freePort, startDynamoDbLocal } from '../../../functions/local/dynamoDbLocal';
import { createLocalDeps } from '../../../functions/local/localDeps';
import { bootstrapPlatformOperator, ensureControlPlane } from '../../../functions/runtime/bootstrap';
import { silentLogger } from '../../../functions/runtime/logger';
import { localObjectRoutes } from '../../../functions/storage/localObjectRoutes';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(import.meta.dirname, '../../../test-artifacts/screenshots');

type Fetch = (request: Request) => Response | Promise<Response>;

/** A random 統一編號 satisfying the weighted-sum rule (built independently of the product's validator). */
export function randomTaxId(): string {
  const weights = [1, 2, 1, 2, 1, 2, 4, 1];
  for (;;) {
    const digits = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10));
    if (digits[6] === 7) continue;
    const sum = digits.reduce((total, digit, index) => total + [...String(digit * weights[index]!)].reduce((s, c) => s + Number(c), 0), 0);
    if (sum % 10 === 0) return digits.join('');
  }
}

export interface StackOptions {
  /** Extra apps served beside the console, e.g. the public pages at /p (given the in-process API fetch and base URL). */
  mounts?: (context: { apiFetch: Fetch; baseUrl: string; outboxDir: string; clock: () => Date }) => { prefix: string; fetch: Fetch }[] | Promise<{ prefix: string; fetch: Fetch }[]>;
  clock?: () => Date;
  /** OIDC for the API and the console sign-in, given the stack's base URL (a test issuer can be one of the mounts). */
  oidc?: (baseUrl: string) => { api: OidcSettings; console: ConsoleOidcSettings };
}

/** The product on one free port, as `npm start` composes it, with an in-memory DynamoDB Local. */
export async function startStack(options: StackOptions = {}) {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const outboxDir = mkdtempSync(join(tmpdir(), 'pdpa-browser-outbox-'));
  const suffix = randomBytes(4).toString('hex');
  const cursorSecret = randomBytes(32);
  const clock = options.clock ?? (() => new Date());
  const oidc = options.oidc?.(baseUrl);
  const deps = createLocalDeps({
    oidc: oidc?.api,
    endpoint: dynamo.endpoint,
    controlPlaneTable: `cp-${suffix}`,
    tenantTablePrefix: `t${suffix}-`,
    masterKey: randomBytes(32),
    cursorSecret,
    logger: silentLogger,
    publicBaseUrl: baseUrl,
    outboxDir,
    clock,
    objectsDir: mkdtempSync(join(tmpdir(), 'pdpa-browser-objects-')),
  });
  await ensureControlPlane(deps.dynamo, deps.controlPlane.tableName);
  const operatorKey = (await bootstrapPlatformOperator(deps.controlPlane.doc, deps.controlPlane.tableName, deps.clock))!;
  const api = createApiApp(deps, allAreas);
  api.route('/', localObjectRoutes(deps.objectStore));
  const apiFetch: Fetch = (request) => api.fetch(request);
  const consoleApp = createConsoleApp({ apiBaseUrl: baseUrl, apiFetch, sessionKey: consoleSessionKey(cursorSecret), apiKeySignIn: true, clock, ...(oidc ? { oidc: oidc.console } : {}) });
  const mounts = (await options.mounts?.({ apiFetch, baseUrl, outboxDir, clock })) ?? [];
  // The public pages (/p), as npm start serves them; a test's own mounts come first.
  const publicPages = publicConsoleApp({ apiBaseUrl: baseUrl, apiFetch, clock });
  const server: ServerType = serve({
    port,
    fetch: (request) => {
      const path = new URL(request.url).pathname;
      const mount = mounts.find((m) => path === m.prefix || path.startsWith(`${m.prefix}/`));
      if (mount) return mount.fetch(request);
      if (isConsolePath(path)) return consoleApp.fetch(request);
      return isPublicPagePath(path) ? publicPages.fetch(request) : api.fetch(request);
    },
  });

  async function call<T = any>(method: string, path: string, key: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await api.request(path, { method, headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** A tenant with keys of the roles asked for. */
  async function onboardTenant(companyName: string, taxId = randomTaxId()) {
    const created = await call('POST', '/v1/platform/tenants', operatorKey, {
      companyName,
      taxId,
      sector: 'digitalEconomy',
      paidInCapital: 20_000_000,
      personalDataRecordCount: 12_000,
      contact: { name: '王小明', email: 'dpo@example.com' },
    });
    if (created.status !== 201) throw new Error(`onboarding failed: ${created.status} ${JSON.stringify(created.body)}`);
    const tenantId = created.body.tenantId as string;
    const issue = async (role: 'owner' | 'officer' | 'auditor') => {
      const issued = await call('POST', `/v1/platform/tenants/${tenantId}/api-keys`, operatorKey, { name: `${role} key`, role, scopes: [] });
      if (issued.status !== 201) throw new Error(`key failed: ${issued.status} ${JSON.stringify(issued.body)}`);
      return issued.body.secret as string;
    };
    return { tenantId, ownerKey: await issue('owner'), officerKey: await issue('officer'), auditorKey: await issue('auditor') };
  }

  /** The decoded text and HTML parts of every mail in the outbox (base64 MIME parts). */
  function outboxMails(): string[] {
    if (!existsSync(outboxDir)) return [];
    return readdirSync(outboxDir)
      .filter((name) => name.endsWith('.eml'))
      .map((name) => {
        const source = readFileSync(join(outboxDir, name), 'utf8');
        const decoded = [...source.matchAll(/Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/g)].map((match) => Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64').toString('utf8'));
        return [source, ...decoded].join('\n');
      });
  }

  async function stop() {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dynamo.stop();
    rmSync(outboxDir, { recursive: true, force: true });
  }

  return { baseUrl, operatorKey, deps, call, onboardTenant, outboxMails, outboxDir, stop };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

/** Chromium with a new, empty profile and nothing talking to Google in the background. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this)`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'pdpa-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-TW',
  });
  // A stalled step fails with its own message, well inside the test's 120 s.
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(30_000);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Routes every request the page makes: same-origin ones go through, anything else is aborted and
 * recorded, so a test can fail on any asset, font or beacon from outside the app.
 */
export async function guardOrigin(context: BrowserContext, origin: string): Promise<string[]> {
  const outside: string[] = [];
  // A request still in flight when its page closes rejects its continue/abort: that is not a failure
  // (and left unhandled it can hold page.close() open).
  const settled = (step: Promise<void>) => step.catch(() => undefined);
  await context.route('**', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url === origin) return settled(route.continue());
    if (url.startsWith('data:') || url === 'about:blank') return settled(route.continue());
    outside.push(url);
    return settled(route.abort('blockedbyclient'));
  });
  return outside;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the console's CSP (script-src 'self') stays on.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const view = globalThis as unknown as { axe: { run: (context: unknown) => Promise<{ violations: AxeViolation[] }> }; document: unknown };
    const result = await view.axe.run(view.document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
