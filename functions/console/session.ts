/**
 * The console session: an encrypted cookie (JWE, dir + A256GCM) holding the signed-in person's own
 * API credential. The console keeps no server-side state, so the cookie is the session: it is
 * HttpOnly (no script can read the credential), SameSite=Lax, Secure except on localhost, and
 * expires a fixed time after sign-in whatever the activity (no idle extension).
 */
import { randomBytes } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'pdpa_console_session';
/** Sign-in in flight (OIDC state, PKCE verifier, nonce, where to go next): ten minutes. */
export const SIGN_IN_COOKIE = 'pdpa_console_sign_in';
export const SESSION_LIFETIME_SECONDS = 8 * 60 * 60;
const SIGN_IN_LIFETIME_SECONDS = 10 * 60;

export type ConsoleRole = 'owner' | 'officer' | 'auditor';

export interface ConsoleSession {
  credential: { apiKey: string } | { bearerToken: string };
  role: ConsoleRole;
  tenantId: string;
  companyName: string;
  timeZone: string;
  /** Who is signed in, as the API records actors (key id or OIDC subject). */
  displayName: string;
  /** Per-session token every form carries in a hidden field (with hono/csrf's origin check). */
  csrfToken: string;
  /** Absolute end of the session (epoch seconds). */
  expiresAt: number;
}

export interface PendingSignIn {
  state: string;
  codeVerifier: string;
  nonce: string;
  next: string;
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

async function seal(payload: Record<string, unknown>, key: Uint8Array, lifetimeSeconds: number, now: Date): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new EncryptJWT(payload)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .encrypt(key);
}

async function open<T>(token: string | undefined, key: Uint8Array, now: Date): Promise<T | undefined> {
  if (!token) return undefined;
  try {
    const { payload } = await jwtDecrypt(token, key, { currentDate: now, keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    return payload as T;
  } catch {
    // Tampered, expired or sealed with a rotated key: treated as signed out.
    return undefined;
  }
}

/** Secure on every origin but plain-http localhost (a local `npm start`). */
export function cookieIsSecure(requestUrl: string): boolean {
  const url = new URL(requestUrl);
  return !(url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1'));
}

export interface SessionCookies {
  read(c: Context): Promise<ConsoleSession | undefined>;
  write(c: Context, session: Omit<ConsoleSession, 'csrfToken' | 'expiresAt'>): Promise<ConsoleSession>;
  clear(c: Context): void;
  readPendingSignIn(c: Context): Promise<PendingSignIn | undefined>;
  writePendingSignIn(c: Context, pending: PendingSignIn): Promise<void>;
  clearPendingSignIn(c: Context): void;
}

export function sessionCookies(key: Uint8Array, clock: () => Date): SessionCookies {
  if (key.length !== 32) throw new RangeError('The console session key must be 32 bytes (A256GCM)');
  const options = (c: Context, maxAge: number) => ({ httpOnly: true, secure: cookieIsSecure(c.req.url), sameSite: 'Lax' as const, path: '/', maxAge });
  return {
    async read(c) {
      const session = await open<ConsoleSession>(getCookie(c, SESSION_COOKIE), key, clock());
      return session && session.expiresAt * 1000 > clock().getTime() ? session : undefined;
    },
    async write(c, fields) {
      const session: ConsoleSession = { ...fields, csrfToken: newCsrfToken(), expiresAt: Math.floor(clock().getTime() / 1000) + SESSION_LIFETIME_SECONDS };
      setCookie(c, SESSION_COOKIE, await seal({ ...session }, key, SESSION_LIFETIME_SECONDS, clock()), options(c, SESSION_LIFETIME_SECONDS));
      return session;
    },
    clear(c) {
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: cookieIsSecure(c.req.url) });
    },
    async readPendingSignIn(c) {
      return open<PendingSignIn>(getCookie(c, SIGN_IN_COOKIE), key, clock());
    },
    async writePendingSignIn(c, pending) {
      setCookie(c, SIGN_IN_COOKIE, await seal({ ...pending }, key, SIGN_IN_LIFETIME_SECONDS, clock()), options(c, SIGN_IN_LIFETIME_SECONDS));
    },
    clearPendingSignIn(c) {
      deleteCookie(c, SIGN_IN_COOKIE, { path: '/', secure: cookieIsSecure(c.req.url) });
    },
  };
}

/**
 * Where to go after sign-in: only a same-origin path inside the console, so a crafted link
 * (`?next=https://evil.example`, `//evil.example`, `/\evil`) cannot send a person elsewhere.
 */
export function safeNextPath(next: string | undefined | null): string {
  const fallback = '/console';
  if (!next || !next.startsWith('/console') || next.startsWith('//') || /[\\\s]/.test(next)) return fallback;
  try {
    const url = new URL(next, 'http://console.invalid');
    if (url.origin !== 'http://console.invalid' || !(url.pathname === '/console' || url.pathname.startsWith('/console/'))) return fallback;
    return `${url.pathname}${url.search}`;
  } catch {
    return fallback;
  }
}
