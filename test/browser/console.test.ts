/**
 * The officer console in a real Chromium against the local stack: sign in → dashboard → the link
 * of a reminder e-mail from the outbox → record an extension → the new deadline shows; an auditor
 * cannot change anything; another tenant's id is a 404; no page requests anything outside the
 * app; axe-core finds no serious or critical violation on any page; screenshots of each page.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRocDateWithEra } from '../../domain/plan/rocDate';
import { guardOrigin, launchBrowser, screenshot, seriousViolations, startStack, type Stack } from './support/browser';

let stack: Stack;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
let outside: string[];
let tenantA: Awaited<ReturnType<Stack['onboardTenant']>>;
let tenantB: Awaited<ReturnType<Stack['onboardTenant']>>;
const ids: Record<string, string> = {};

async function createRequest(key: string, name: string) {
  const created = await stack.call('POST', '/v1/data-subject-requests', key, {
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    channel: 'webForm',
    requester: { name, email: 'meiling.chen@example.net', preferredLocale: 'zh-TW', actingAs: 'dataSubject' },
    items: [{ type: 'copy', details: '請提供本人會員資料複製本' }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

beforeAll(async () => {
  stack = await startStack();
  tenantA = await stack.onboardTenant('範例資訊股份有限公司');
  tenantB = await stack.onboardTenant('他家科技股份有限公司');
  ids.requestA = await createRequest(tenantA.officerKey, '陳美玲');
  ids.requestB = await createRequest(tenantB.officerKey, '林大同');
  const incident = await stack.call('POST', '/v1/incidents', tenantA.ownerKey, {
    title: '會員資料外洩疑慮',
    discoveredAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    reportedBy: { name: '資安值班' },
    kinds: ['leak'],
    estimatedRecords: { general: 120, special: 0 },
    endangersOperationsOrManySubjects: false,
  });
  expect(incident.status, JSON.stringify(incident.body)).toBe(201);
  ids.incident = incident.body.id;
  const vendor = await stack.call('POST', '/v1/vendors', tenantA.ownerKey, {
    name: '雲端代管股份有限公司',
    registration: { kind: 'taiwanBusinessId', number: '22099131' },
    country: 'TW',
    services: ['雲端主機代管'],
    contact: { name: '陳經理', email: 'vendor@example.com' },
    processingRegions: [{ country: 'TW' }],
    onboardedOn: '2026-01-01',
  });
  expect(vendor.status, JSON.stringify(vendor.body)).toBe(201);
  ids.vendor = vendor.body.id;
  const plan = await stack.call('POST', '/v1/plan/versions', tenantA.ownerKey, { versionDate: '2025-01-02', content: { organisationName: '範例資訊股份有限公司', sections: {} } });
  expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  ids.plan = String(plan.body.versionNumber);
  const assessment = await stack.call('POST', '/v1/assessments', tenantA.ownerKey, { catalogId: 'regulation:K0010162', kind: 'selfCheck', title: '年度自我檢查' });
  expect(assessment.status, JSON.stringify(assessment.body)).toBe(201);
  ids.assessment = assessment.body.id;
  // The daily sweep of today: reminder mail for what falls due, linking into the console.
  const sweep = await stack.call('POST', '/v1/platform/review-sweeps', stack.operatorKey, { asOf: new Date().toISOString().slice(0, 10), tenantId: tenantA.tenantId });
  expect(sweep.status, JSON.stringify(sweep.body)).toBe(200);
  browser = await launchBrowser();
  context = browser.context;
  outside = await guardOrigin(context, stack.baseUrl);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Waits for the first match to be visible and gives its text (vitest has no Playwright matchers). */
async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
  return (await locator.first().innerText()).trim();
}

async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
}

async function signIn(page: Page, key: string, path = '/console') {
  await context.clearCookies();
  await page.goto(`${stack.baseUrl}${path}`);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/console/sign-in');
  await page.getByLabel('API 金鑰（本機使用）').fill(key);
  await page.getByRole('button', { name: '登入' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: /登出|Sign out/ }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/console/sign-in');
  // The sign-in page's stylesheet must have loaded before the test closes the page (a request in
  // flight through the origin guard's route could otherwise hold page.close() open).
  await page.waitForLoadState('load');
}

async function checkPage(page: Page, name: string) {
  await screenshot(page, name);
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('the officer console', () => {
  it('signs in, shows the dashboard, opens the reminder link and records an extension whose new deadline shows', async () => {
    const page = await context.newPage();
    await signIn(page, tenantA.officerKey);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console');
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('法遵總覽');
    await visible(page.getByRole('heading', { name: /進行中之當事人請求/ }));
    await checkPage(page, 'dashboard');

    // The reminder e-mail for the request links to exactly its console page.
    const link = stack
      .outboxMails()
      .map((mail) => new RegExp(`${stack.baseUrl}/console/data-subject-requests/${ids.requestA}`).exec(mail)?.[0])
      .find(Boolean);
    expect(link, 'a reminder mail links to the request').toBeDefined();
    await page.goto(link!);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toContain('當事人請求');
    await checkPage(page, 'data-subject-request');

    const before = (await stack.call('GET', `/v1/data-subject-requests/${ids.requestA}`, tenantA.officerKey)).body;
    const originalLastDay = before.items[0].currentDeadline.lastDay as string;
    const form = page.locator('form', { has: page.locator('input[name=action][value=extend]') });
    await form.getByLabel('延長日數').fill('10');
    await form.getByLabel('延長原因（已通知請求人之內容）').fill('需調閱備份磁帶，已以電子郵件通知請求人延長原因');
    await form.getByRole('button', { name: '記錄延長' }).click();
    expect(await textOf(page.getByRole('status'))).toBe('已記錄。');

    const after = (await stack.call('GET', `/v1/data-subject-requests/${ids.requestA}`, tenantA.officerKey)).body;
    const newLastDay = after.items[0].currentDeadline.lastDay as string;
    expect(newLastDay > originalLastDay).toBe(true);
    expect(after.items[0].extensions).toHaveLength(1);
    // The page shows the new deadline in the ROC calendar with the ISO date on hover.
    const shown = page.locator(`time[datetime="${newLastDay}"]`).first();
    expect(await textOf(shown)).toBe(formatRocDateWithEra(newLastDay));
    expect(await shown.getAttribute('title')).toBe(newLastDay);
    await visible(page.getByText('已延長 10 日'));
    await signOut(page);
    await page.close();
  });

  it('shows the API\'s reason next to the field when an action is refused', async () => {
    const page = await context.newPage();
    await signIn(page, tenantA.officerKey, `/console/data-subject-requests/${ids.requestA}`);
    const form = page.locator('form', { has: page.locator('input[name=action][value=extend]') });
    // 30 more days exceeds the Art. 10 cap (15 in total, 10 already used): a rule of the domain says no.
    await form.getByLabel('延長日數').fill('30');
    await form.getByLabel('延長原因（已通知請求人之內容）').fill('再次延長');
    await form.getByRole('button', { name: '記錄延長' }).click();
    await visible(page.locator('.problem[role=alert]'));
    expect(await textOf(page.locator('.problem[role=alert]'))).toContain('延長');
    await checkPage(page, 'data-subject-request-refused');
    await signOut(page);
    await page.close();
  });

  it('opens exactly the linked item after sign-in when the link is followed signed out', async () => {
    const page = await context.newPage();
    const itemPath = `/console/incidents/${ids.incident}`;
    await signIn(page, tenantA.officerKey, itemPath);
    await expect.poll(() => new URL(page.url()).pathname).toBe(itemPath);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toContain('會員資料外洩疑慮');
    // The 72-hour countdown, to the minute.
    await visible(page.getByText(/剩 \d+ 日? ?\d+ 小時 \d+ 分|剩 \d+ 小時 \d+ 分/).first());
    await signOut(page);
    await page.close();
  });

  it('renders every page accessibly, in both languages, and never requests anything outside the app', async () => {
    const page = await context.newPage();
    await signIn(page, tenantA.ownerKey);
    const pages: [string, string][] = [
      ['incident', `/console/incidents/${ids.incident}`],
      ['vendor', `/console/vendors/${ids.vendor}`],
      ['plan-version', `/console/plan/versions/${ids.plan}`],
      ['assessment', `/console/assessments/${ids.assessment}`],
      ['calendar', '/console/calendar'],
      ['audit-trail', `/console/audit?resourceType=dataSubjectRequest&resourceId=${ids.requestA}`],
    ];
    const tasks = (await stack.call('GET', '/v1/review-tasks?limit=1&status=open', tenantA.ownerKey)).body.items;
    expect(tasks.length).toBeGreaterThan(0);
    pages.push(['task', `/console/tasks/${encodeURIComponent(tasks[0].taskId)}`]);
    for (const [name, path] of pages) {
      const response = await page.goto(`${stack.baseUrl}${path}`);
      expect(response?.status(), name).toBe(200);
      await checkPage(page, name);
    }
    // The audit trail of the request shows the extension recorded above.
    await page.goto(`${stack.baseUrl}/console/audit?resourceType=dataSubjectRequest&resourceId=${ids.requestA}`);
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(1);
    // English on request, kept for the next pages.
    await page.goto(`${stack.baseUrl}/console?lang=en`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Compliance dashboard');
    await page.goto(`${stack.baseUrl}/console/calendar`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Compliance calendar (next 12 months)');
    await checkPage(page, 'calendar-en');
    await page.goto(`${stack.baseUrl}/console?lang=zh-TW`);
    // On a phone.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${stack.baseUrl}/console/data-subject-requests/${ids.requestA}`);
    // No sideways scrolling: the page fits the phone's width.
    const fits = await page.evaluate(() => {
      const view = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
      return view.document.documentElement.scrollWidth <= view.innerWidth + 1;
    });
    expect(fits).toBe(true);
    await checkPage(page, 'data-subject-request-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await signOut(page);
    await checkPage(page, 'sign-in');
    await page.close();
    expect(outside).toEqual([]);
  });

  it('completes a task and approves a submitted plan version through the pages (owner)', async () => {
    const page = await context.newPage();
    await signIn(page, tenantA.ownerKey);
    const task = (await stack.call('GET', '/v1/review-tasks?limit=100&status=open', tenantA.ownerKey)).body.items.find((t: any) => !t.resourcePath);
    expect(task).toBeDefined();
    await page.goto(`${stack.baseUrl}/console/tasks/${encodeURIComponent(task.taskId)}`);
    await page.getByLabel('檢視內容或發現').fill('已檢視個資檔案清冊，無異動');
    await page.getByRole('button', { name: '標記完成' }).click();
    expect(await textOf(page.getByRole('status'))).toBe('已記錄。');
    const done = (await stack.call('GET', `/v1/review-tasks?limit=100&status=done`, tenantA.ownerKey)).body.items.find((t: any) => t.taskId === task.taskId);
    expect(done?.completion?.notes).toBe('已檢視個資檔案清冊，無異動');

    const submitted = await stack.call('POST', `/v1/plan/versions/${ids.plan}/submit`, tenantA.ownerKey, {});
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    await page.goto(`${stack.baseUrl}/console/plan/versions/${ids.plan}`);
    await page.getByLabel('核定人姓名').fill('王大明');
    await page.getByLabel('職稱').fill('總經理');
    await page.getByLabel(/接受缺漏之理由/).fill('本年度先行核定，缺漏事項列入下年度改善');
    await page.getByRole('button', { name: '核定' }).click();
    expect(await textOf(page.getByRole('status'))).toBe('已記錄。');
    const approved = (await stack.call('GET', `/v1/plan/versions/${ids.plan}`, tenantA.ownerKey)).body;
    expect(approved.status).toBe('approved');
    expect(approved.approval.approverName).toBe('王大明');
    await checkPage(page, 'plan-version-approved');
    await signOut(page);
    await page.close();
  });

  it('lets an auditor see but never change anything', async () => {
    const page = await context.newPage();
    await signIn(page, tenantA.auditorKey, `/console/data-subject-requests/${ids.requestA}`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toContain('當事人請求');
    await visible(page.getByText('稽核人員（唯讀）'));
    // No action form is rendered (only sign-out).
    expect(await page.locator('main form').count()).toBe(0);
    await checkPage(page, 'data-subject-request-auditor');
    const before = (await stack.call('GET', `/v1/data-subject-requests/${ids.requestA}`, tenantA.ownerKey)).body;
    // A hand-made POST with the auditor's own session and CSRF token: the API refuses it.
    const csrf = await page.locator('header input[name=csrf]').inputValue();
    const status = await page.evaluate(
      async ({ path, csrf }) => {
        const body = new URLSearchParams({ csrf, action: 'extend', itemTypes: 'copy', extensionDays: '5', reason: '稽核人員嘗試', notifiedAt: '2026-01-01T10:00', notificationChannel: 'email' });
        return (await fetch(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status;
      },
      { path: `/console/data-subject-requests/${ids.requestA}/events`, csrf },
    );
    expect(status).toBe(403);
    const after = (await stack.call('GET', `/v1/data-subject-requests/${ids.requestA}`, tenantA.ownerKey)).body;
    expect(after.version).toBe(before.version);
    // Task pages and the calendar render without forms too.
    await page.goto(`${stack.baseUrl}/console/plan/versions/${ids.plan}`);
    expect(await page.locator('main form').count()).toBe(0);
    await signOut(page);
    await page.close();
  });

  it('answers another tenant\'s id with a 404, like the API', async () => {
    const page = await context.newPage();
    await signIn(page, tenantA.officerKey);
    const response = await page.goto(`${stack.baseUrl}/console/data-subject-requests/${ids.requestB}`);
    expect(response?.status()).toBe(404);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('找不到此頁面');
    expect(await textOf(page.locator('body'))).not.toContain('林');
    await checkPage(page, 'not-found');
    await signOut(page);
    await page.close();
  });

  it('refuses a form without the session\'s CSRF token or from another origin, and forgets the session on sign-out', async () => {
    const page = await context.newPage();
    await signIn(page, tenantA.officerKey, `/console/data-subject-requests/${ids.requestA}`);
    const statuses = await page.evaluate(async (path) => {
      const body = () => new URLSearchParams({ csrf: 'not-the-token', action: 'fulfil', itemTypes: 'copy' });
      const wrongToken = (await fetch(path, { method: 'POST', body: body(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status;
      return { wrongToken };
    }, `/console/data-subject-requests/${ids.requestA}/events`);
    expect(statuses.wrongToken).toBe(403);
    const cookies = await context.cookies(stack.baseUrl);
    const session = cookies.find((cookie) => cookie.name === 'pdpa_console_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    // The session holds the API key, sealed: the cookie never shows it.
    expect(session?.value).not.toContain(tenantA.officerKey.split('_')[1]);
    // A cross-site form post (hono/csrf's origin check) is refused before anything else.
    const crossSite = await fetch(`${stack.baseUrl}/console/data-subject-requests/${ids.requestA}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', cookie: `pdpa_console_session=${session!.value}` },
      body: 'action=fulfil',
      redirect: 'manual',
    });
    expect(crossSite.status).toBe(403);
    await signOut(page);
    expect((await context.cookies(stack.baseUrl)).find((cookie) => cookie.name === 'pdpa_console_session')).toBeUndefined();
    const afterSignOut = await page.goto(`${stack.baseUrl}/console`);
    expect(new URL(afterSignOut!.url()).pathname).toBe('/console/sign-in');
    await page.close();
  });
});
