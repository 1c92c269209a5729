/**
 * OIDC sign-in to the console (authorization code + PKCE) against a test issuer the API trusts:
 * the person lands on the item they were sent to, with the role the token gives them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardOrigin, launchBrowser, screenshot, seriousViolations, startStack, type Stack } from './support/browser';
import { createTestIssuer } from './support/testIssuer';

let stack: Stack;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let outside: string[];
let issuer: Awaited<ReturnType<typeof createTestIssuer>>;

beforeAll(async () => {
  stack = await startStack({
    oidc: (baseUrl) => ({
      api: { jwksUrl: `${baseUrl}/issuer/jwks`, issuer: `${baseUrl}/issuer`, audience: 'pdpa-api', tenantClaim: 'tenant_id', roleClaim: 'pdpa_role', scopeClaim: 'scope' },
      console: { issuer: `${baseUrl}/issuer`, clientId: 'pdpa-console', redirectUri: `${baseUrl}/console/oidc/callback`, tenantClaim: 'tenant_id', roleClaim: 'pdpa_role' },
    }),
    mounts: async ({ baseUrl }) => {
      issuer = await createTestIssuer(`${baseUrl}/issuer`, { clientId: 'pdpa-console', apiAudience: 'pdpa-api' });
      return [issuer];
    },
  });
  browser = await launchBrowser();
  outside = await guardOrigin(browser.context, stack.baseUrl);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('OIDC sign-in', () => {
  it('signs an officer in with PKCE and opens the item the link named', async () => {
    const tenant = await stack.onboardTenant('單一登入股份有限公司');
    const created = await stack.call('POST', '/v1/data-subject-requests', tenant.officerKey, {
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      channel: 'email',
      requester: { name: '張小華', email: 'hua@example.net', preferredLocale: 'zh-TW', actingAs: 'dataSubject' },
      items: [{ type: 'inquiry' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    issuer.signInAs({ sub: 'u-officer', name: '林專員', tenantId: tenant.tenantId, role: 'officer' });
    const page = await browser.context.newPage();
    const itemPath = `/console/data-subject-requests/${created.body.id}`;
    await page.goto(`${stack.baseUrl}${itemPath}`);
    await screenshot(page, 'sign-in-oidc');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '以組織帳號登入' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(itemPath);
    expect((await page.locator('header').innerText()).includes('個資管理人員')).toBe(true);
    // Forms for a writer; the API accepted the access token.
    expect(await page.locator('main form').count()).toBeGreaterThan(0);
    await page.close();
    expect(outside).toEqual([]);
  });

  it('refuses a callback whose state is not the one it started', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${stack.baseUrl}/console/oidc/callback?code=forged&state=forged`);
    expect(response?.status()).toBe(400);
    expect(await page.locator('[role=alert]').innerText()).toContain('登入逾時或連結無效');
    await page.close();
  });
});
