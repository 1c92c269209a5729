/** The console's session cookie and the `next` target kept across sign-in. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { instantOfLocalInput } from '../../../functions/console/consoleContext';
import { consoleSessionKey } from '../../../functions/console/consoleSettings';
import { cookieIsSecure, safeNextPath, sessionCookies, SESSION_COOKIE, SESSION_LIFETIME_SECONDS } from '../../../functions/console/session';

describe('safeNextPath', () => {
  it.each([
    ['/console/data-subject-requests/dsr_1?lang=en', '/console/data-subject-requests/dsr_1?lang=en'],
    ['/console/tasks/duty%3Aplan%7Cx%232026-01-01', '/console/tasks/duty%3Aplan%7Cx%232026-01-01'],
    ['/console', '/console'],
  ])('keeps the console path %s', (next, kept) => expect(safeNextPath(next)).toBe(kept));

  it.each(['https://evil.example/console', '//evil.example/console', '/\\evil.example', '/v1/tenant', '/consolex', '/console/../v1/api-keys', 'javascript:alert(1)', '', undefined])('refuses %s', (next) => {
    expect(safeNextPath(next)).toBe('/console');
  });
});

describe('the session cookie', () => {
  const key = consoleSessionKey(Buffer.alloc(32, 7));
  const fields = { credential: { apiKey: 'pdpa_abcdefghijkl_secret' }, role: 'officer' as const, tenantId: 'tn_x', companyName: '範例', timeZone: 'Asia/Taipei', displayName: 'key:abcdefghijkl' };

  function appAt(now: () => Date) {
    const cookies = sessionCookies(key, now);
    const app = new Hono();
    app.post('/in', async (c) => c.json(await cookies.write(c, fields)));
    app.get('/me', async (c) => c.json((await cookies.read(c)) ?? null));
    return app;
  }

  it('is sealed (the key never shows), HttpOnly, SameSite=Lax, Secure except on localhost, and lasts 8 hours', async () => {
    let now = new Date('2026-12-06T00:00:00Z');
    const app = appAt(() => now);
    const signIn = await app.request('https://console.example.tw/in', { method: 'POST' });
    const setCookie = signIn.headers.get('set-cookie')!;
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain(`Max-Age=${SESSION_LIFETIME_SECONDS}`);
    expect(setCookie).not.toContain('abcdefghijkl');
    const cookie = setCookie.split(';')[0]!;
    const read = (await (await app.request('https://console.example.tw/me', { headers: { cookie } })).json()) as { credential: { apiKey: string }; csrfToken: string };
    expect(read.credential.apiKey).toBe(fields.credential.apiKey);
    expect(read.csrfToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // Tampered: signed out.
    const tampered = cookie.slice(0, -3) + (cookie.endsWith('AAA') ? 'BBB' : 'AAA');
    expect(await (await app.request('https://console.example.tw/me', { headers: { cookie: tampered } })).json()).toBeNull();
    // Sealed with another key: signed out.
    const other = sessionCookies(consoleSessionKey(Buffer.alloc(32, 8)), () => now);
    const otherApp = new Hono().get('/me', async (c) => c.json((await other.read(c)) ?? null));
    expect(await (await otherApp.request('https://console.example.tw/me', { headers: { cookie } })).json()).toBeNull();
    // Eight hours later, whatever the activity: signed out.
    now = new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000 + 1000);
    expect(await (await app.request('https://console.example.tw/me', { headers: { cookie } })).json()).toBeNull();
  });

  it('is not Secure on plain-http localhost only', () => {
    expect(cookieIsSecure('http://localhost:3000/console')).toBe(false);
    expect(cookieIsSecure('http://127.0.0.1:3000/console')).toBe(false);
    expect(cookieIsSecure('http://console.example.tw/console')).toBe(true);
    expect(cookieIsSecure('https://localhost/console')).toBe(true);
  });

  it('derives distinct keys from distinct secrets', () => {
    expect(Buffer.from(consoleSessionKey(Buffer.alloc(32, 1))).equals(Buffer.from(consoleSessionKey(Buffer.alloc(32, 1))))).toBe(true);
    expect(Buffer.from(consoleSessionKey(Buffer.alloc(32, 1))).equals(Buffer.from(consoleSessionKey(Buffer.alloc(32, 2))))).toBe(false);
    expect(() => consoleSessionKey(Buffer.alloc(16))).toThrow(RangeError);
  });
});

describe('instantOfLocalInput', () => {
  it('reads a datetime-local value in the tenant time zone', () => {
    expect(instantOfLocalInput('2026-12-06T14:30', 'Asia/Taipei')).toBe('2026-12-06T06:30:00.000Z');
    expect(instantOfLocalInput('2026-02-30T10:00', 'Asia/Taipei')).toBeUndefined();
    expect(instantOfLocalInput('yesterday', 'Asia/Taipei')).toBeUndefined();
  });
});
