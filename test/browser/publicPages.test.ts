/**
 * The public pages in a real Chromium against the local stack (issue #20 pages 4 and 5): a vendor
 * answers and submits the questionnaire from the e-mailed link, and the spent link then says so;
 * a person files a request through the company's public form, confirms it by the e-mailed link,
 * sees the case number and the statutory decision date, and the officer sees the request through
 * the API. No page requests anything outside the app; axe-core finds no serious or critical
 * violation; screenshots of each page under test-artifacts/screenshots/.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRocDateWithEra } from '../../domain/plan/rocDate';
import { guardOrigin, launchBrowser, screenshot, seriousViolations, startStack, type Stack } from './support/browser';

let stack: Stack;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
let outside: string[];
let tenant: Awaited<ReturnType<Stack['onboardTenant']>>;
const SLUG = 'fanli-shop';

beforeAll(async () => {
  // The harness serves the public pages at /p as npm start does (functions/console/public/publicConsoleApp.tsx).
  stack = await startStack();
  tenant = await stack.onboardTenant('範例購物股份有限公司');
  browser = await launchBrowser();
  context = browser.context;
  outside = await guardOrigin(context, stack.baseUrl);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
  return (await locator.first().innerText()).trim();
}

async function checkPage(page: Page, name: string) {
  await screenshot(page, name);
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** The first link matching a pattern in any outbox mail (decoded MIME parts). */
function linkInOutbox(pattern: RegExp): string | undefined {
  return stack.outboxMails().map((mail) => pattern.exec(mail)?.[0]).filter(Boolean).at(-1);
}

describe('the vendor questionnaire (public, by token)', () => {
  it('is e-mailed to the vendor contact, answered, saved as a draft and submitted once; the spent link says so', async () => {
    const vendor = await stack.call('POST', '/v1/vendors', tenant.ownerKey, {
      name: '雲端代管股份有限公司',
      registration: { kind: 'taiwanBusinessId', number: '22099131' },
      country: 'TW',
      services: ['雲端主機代管'],
      contact: { name: '陳經理', email: 'vendor.contact@example.com' },
      processingRegions: [{ country: 'TW' }],
      onboardedOn: '2026-01-01',
    });
    expect(vendor.status, JSON.stringify(vendor.body)).toBe(201);
    const issued = await stack.call('POST', `/v1/vendors/${vendor.body.id}/questionnaire-links`, tenant.ownerKey, { validForDays: 14 });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);

    // The contact's mail carries the page link with the token the officer was shown.
    const link = linkInOutbox(new RegExp(`${stack.baseUrl}/p/questionnaires/vqt_[A-Za-z0-9_-]{43}`));
    expect(link).toBe(`${stack.baseUrl}/p/questionnaires/${issued.body.token}`);

    const page = await context.newPage();
    await page.goto(link!);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('委外廠商個人資料保護自我檢查表');
    await checkPage(page, 'public-questionnaire');
    expect(await page.locator('input[type=file]').count()).toBe(0);

    // A draft: the first answer only, kept after saving.
    const questions = page.locator('fieldset');
    const count = await questions.count();
    expect(count).toBeGreaterThan(3);
    await questions.nth(0).getByLabel('是').check();
    await page.getByRole('button', { name: '暫存' }).click();
    expect(await textOf(page.getByRole('status'))).toBe('已暫存。');
    expect(await page.locator('fieldset').nth(0).getByLabel('是').isChecked()).toBe(true);

    // Submitting with questions unanswered is refused, with the reasons next to the questions.
    await page.getByRole('button', { name: /送出/ }).click();
    await page.locator('.field-error').first().waitFor({ state: 'visible' });
    await checkPage(page, 'public-questionnaire-refused');

    for (let index = 0; index < count; index += 1) {
      const question = page.locator('fieldset').nth(index);
      await question.getByLabel('是').check();
      const evidence = question.getByLabel(/佐證資料/);
      if (await evidence.count()) await evidence.fill(`ISMS-${index + 1} 程序書`);
    }
    await page.getByRole('button', { name: /送出/ }).click();
    await page.waitForLoadState();
    await expect.poll(async () => (await page.locator('.field-error, .problem').allInnerTexts()).join(' | ') || (await page.locator('h1').innerText())).toBe('已送出，謝謝');
    await checkPage(page, 'public-questionnaire-submitted');

    const responses = await stack.call('GET', `/v1/vendors/${vendor.body.id}/questionnaire-responses`, tenant.ownerKey);
    expect(responses.body.items[0].status).toBe('submitted');

    // The same link again: plainly spent, in zh-TW, and in English on the switch.
    await page.goto(link!);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('此連結已無法使用');
    expect(await textOf(page.getByRole('status'))).toContain('已送出');
    await checkPage(page, 'public-questionnaire-spent');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('This link no longer works');
    expect(await textOf(page.getByRole('status'))).toContain('submitted');
    await page.getByRole('link', { name: '中文' }).click();
    await page.close();
  });
});

describe('the data-subject request form (public, one per tenant)', () => {
  it('is filed, confirmed by the e-mailed link, shows the case number and decision date, and the officer sees it', async () => {
    const page = await context.newPage();
    await page.goto(`${stack.baseUrl}/p/${SLUG}/request`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('找不到此頁');

    const current = await stack.call('GET', '/v1/data-subject-request-settings', tenant.ownerKey);
    // Switched on in the settings (If-Match: the settings' version; the harness's call sends no headers).
    const saved = await fetch(`${stack.baseUrl}/v1/data-subject-request-settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tenant.ownerKey}`, 'content-type': 'application/json', 'if-match': `"${current.body.version}"` },
      body: JSON.stringify({ publicRequestForm: { enabled: true, slug: SLUG } }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);

    await page.goto(`${stack.baseUrl}/p/${SLUG}/request`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('個人資料權利行使申請');
    expect(await textOf(page.locator('header .brand'))).toBe('範例購物股份有限公司');
    await checkPage(page, 'public-request-form');

    await page.getByLabel(/請求刪除/).check();
    await page.getByLabel('姓名').fill('陳美玲');
    await page.getByLabel(/電子郵件/).fill('meiling.chen@example.net');
    await page.getByLabel(/請求內容/).fill('請刪除本人之會員帳號資料');
    await page.getByRole('button', { name: '送出並寄送確認信' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('請至電子郵件確認');
    await checkPage(page, 'public-request-check-email');
    // Nothing is received before the confirmation.
    expect((await stack.call('GET', '/v1/data-subject-requests', tenant.ownerKey)).body.items).toHaveLength(0);

    const confirmLink = linkInOutbox(new RegExp(`${stack.baseUrl}/p/request-confirmations/dsc_[A-Za-z0-9_-]{43}`));
    expect(confirmLink).toBeDefined();
    await page.goto(confirmLink!);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('確認您的請求');
    await checkPage(page, 'public-request-confirm');
    await page.getByRole('button', { name: '確認送出' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('已受理您的請求');
    const caseNumber = await textOf(page.locator('[data-case-number]'));
    expect(caseNumber).toMatch(/^DSR-\d{7}-\d{4}$/);
    await checkPage(page, 'public-request-confirmed');

    // The officer sees it, with the same case number and the date the page showed.
    const list = await stack.call('GET', '/v1/data-subject-requests', tenant.officerKey);
    expect(list.body.items).toHaveLength(1);
    const request = (await stack.call('GET', `/v1/data-subject-requests/${list.body.items[0].id}`, tenant.officerKey)).body;
    expect(request.caseNumber).toBe(caseNumber);
    expect(request.status).toBe('identityVerification');
    const lastDay = request.items[0].currentDeadline.lastDay as string;
    const shown = page.locator('[data-decision-date] time');
    expect(await textOf(shown)).toBe(formatRocDateWithEra(lastDay));
    expect(await shown.getAttribute('datetime')).toBe(lastDay);

    // The status link from the page (also e-mailed) shows this case only.
    await page.getByRole('link', { name: '查詢本案進度' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(`案件進度 ${caseNumber}`);
    expect(await page.content()).not.toContain('陳美玲');
    await checkPage(page, 'public-request-status');
    expect(linkInOutbox(new RegExp(`${stack.baseUrl}/p/request-status/dss_[A-Za-z0-9_-]{43}`))).toBe(page.url());

    // The confirmation link works once.
    await page.goto(confirmLink!);
    await page.getByRole('button', { name: '確認送出' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('此連結已無法使用');
    expect((await stack.call('GET', '/v1/data-subject-requests', tenant.ownerKey)).body.items).toHaveLength(1);
    await page.close();
  });

  it('made no request outside the app', () => {
    expect(outside).toEqual([]);
  });
});
