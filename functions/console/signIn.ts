/**
 * Signing a person in: OIDC authorization code with PKCE against the issuer the API trusts, or
 * (locally) an API key typed into a form. Either way the console ends up holding the person's own
 * credential and learns who they are from the API itself.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { ProblemError } from '../../openapi/client/index';
import { apiClientFor, type ConsoleOidcSettings, type ConsoleRuntime } from './consoleContext';
import type { ConsoleRole, ConsoleSession, PendingSignIn } from './session';

export type SignInFailure = { kind: 'rejected'; zhTW: string; en: string };

type SessionFields = Omit<ConsoleSession, 'csrfToken' | 'expiresAt'>;

const PERSON_ROLES: readonly ConsoleRole[] = ['owner', 'officer', 'auditor'];

/** The tenant the credential belongs to, read through the API (401/403 → not a person's credential). */
async function tenantOf(runtime: ConsoleRuntime, credential: SessionFields['credential']) {
  const api = apiClientFor(runtime, credential, 'zh-TW');
  try {
    const { data } = await api.GET('/v1/tenant');
    return { api, tenant: data };
  } catch (error) {
    if (error instanceof ProblemError && (error.status === 401 || error.status === 403)) return undefined;
    throw error;
  }
}

/** The role of an API key, as the API reports it (GET /v1/me). */
async function roleOfApiKey(runtime: ConsoleRuntime, credential: SessionFields['credential']): Promise<ConsoleRole> {
  const { data } = await apiClientFor(runtime, credential, 'zh-TW').GET('/v1/me');
  return data.role;
}

export async function signInWithApiKey(runtime: ConsoleRuntime, apiKey: string): Promise<SessionFields | SignInFailure> {
  const key = apiKey.trim();
  const refused: SignInFailure = { kind: 'rejected', zhTW: 'API 金鑰無效、已撤銷，或不是人員使用之角色（owner、officer、auditor）', en: 'The API key is not valid, was revoked, or is not a person\'s role (owner, officer, auditor)' };
  if (!/^pdpa_[0-9a-z]{12}_[A-Za-z0-9_-]{20,}$/.test(key)) return refused;
  const credential = { apiKey: key };
  const found = await tenantOf(runtime, credential);
  if (!found) return refused;
  const role = await roleOfApiKey(runtime, credential);
  return { credential, role, tenantId: found.tenant.tenantId, companyName: found.tenant.companyName, timeZone: found.tenant.timeZone, displayName: `key:${key.split('_')[1]}` };
}

// OIDC -------------------------------------------------------------------------------------------

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  issuer: string;
}

const discoveryCache = new Map<string, { at: number; value: Discovery }>();
const jwksCache = new Map<string, { at: number; value: ReturnType<typeof createLocalJWKSet> }>();
const CACHE_MS = 10 * 60_000;

const oidcFetch = (oidc: ConsoleOidcSettings, input: string, init?: RequestInit) => Promise.resolve((oidc.fetch ?? ((request: Request) => fetch(request)))(new Request(input, init)));

async function discover(oidc: ConsoleOidcSettings): Promise<Discovery> {
  const cached = discoveryCache.get(oidc.issuer);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  const response = await oidcFetch(oidc, `${oidc.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OIDC discovery failed: ${response.status}`);
  const value = (await response.json()) as Discovery;
  // The document must be the configured issuer's own (OIDC Discovery §4.3).
  if (value.issuer !== oidc.issuer) throw new Error('OIDC discovery names another issuer');
  discoveryCache.set(oidc.issuer, { at: Date.now(), value });
  return value;
}

async function keysOf(oidc: ConsoleOidcSettings, jwksUri: string) {
  const cached = jwksCache.get(jwksUri);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  const response = await oidcFetch(oidc, jwksUri);
  if (!response.ok) throw new Error(`JWKS fetch failed: ${response.status}`);
  const value = createLocalJWKSet((await response.json()) as JSONWebKeySet);
  jwksCache.set(jwksUri, { at: Date.now(), value });
  return value;
}

const base64Url = (bytes: Buffer) => bytes.toString('base64url');

/** Where to send the browser, and what to remember until it comes back. */
export async function startOidcSignIn(oidc: ConsoleOidcSettings, next: string): Promise<{ location: string; pending: PendingSignIn }> {
  const discovery = await discover(oidc);
  const pending: PendingSignIn = { state: base64Url(randomBytes(24)), codeVerifier: base64Url(randomBytes(48)), nonce: base64Url(randomBytes(24)), next };
  const url = new URL(discovery.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set('redirect_uri', oidc.redirectUri);
  url.searchParams.set('scope', oidc.scopes ?? 'openid profile email');
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  url.searchParams.set('code_challenge', base64Url(createHash('sha256').update(pending.codeVerifier).digest()));
  url.searchParams.set('code_challenge_method', 'S256');
  return { location: url.toString(), pending };
}

const claimOf = (payload: JWTPayload, path: string): unknown => path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);

export async function finishOidcSignIn(runtime: ConsoleRuntime, oidc: ConsoleOidcSettings, pending: PendingSignIn | undefined, query: { code?: string; state?: string; error?: string }): Promise<SessionFields | SignInFailure> {
  const failed = (zhTW: string, en: string): SignInFailure => ({ kind: 'rejected', zhTW, en });
  if (query.error) return failed(`身分提供者拒絕登入（${query.error}）`, `The identity provider refused the sign-in (${query.error})`);
  if (!pending || !query.state || query.state !== pending.state || !query.code) return failed('登入逾時或連結無效，請重新登入', 'The sign-in expired or the link is not valid; sign in again');
  const discovery = await discover(oidc);
  const form = new URLSearchParams({ grant_type: 'authorization_code', code: query.code, redirect_uri: oidc.redirectUri, client_id: oidc.clientId, code_verifier: pending.codeVerifier });
  if (oidc.clientSecret) form.set('client_secret', oidc.clientSecret);
  const tokenResponse = await oidcFetch(oidc, discovery.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: form.toString() });
  if (!tokenResponse.ok) return failed('無法向身分提供者換取權杖', 'The identity provider did not issue tokens');
  const tokens = (await tokenResponse.json()) as { id_token?: string; access_token?: string };
  if (!tokens.id_token) return failed('身分提供者未回傳 ID 權杖', 'The identity provider returned no ID token');
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(tokens.id_token, await keysOf(oidc, discovery.jwks_uri), { issuer: oidc.issuer, audience: oidc.clientId, currentDate: runtime.clock() }));
  } catch {
    return failed('ID 權杖驗證失敗', 'The ID token did not verify');
  }
  if (claims.nonce !== pending.nonce) return failed('ID 權杖與本次登入不符', 'The ID token is not for this sign-in');
  const role = claimOf(claims, oidc.roleClaim);
  const apiToken = oidc.apiToken === 'id_token' ? tokens.id_token : tokens.access_token;
  if (!apiToken || typeof role !== 'string' || !PERSON_ROLES.includes(role as ConsoleRole)) return failed('此帳號沒有主控台可用之角色', 'This account has no role the console serves');
  const credential = { bearerToken: apiToken };
  const found = await tenantOf(runtime, credential);
  if (!found || found.tenant.tenantId !== claimOf(claims, oidc.tenantClaim)) return failed('API 不接受此帳號之權杖', 'The API does not accept this account\'s token');
  const name = typeof claims.name === 'string' ? claims.name : typeof claims.email === 'string' ? claims.email : `oidc:${claims.sub}`;
  return { credential, role: role as ConsoleRole, tenantId: found.tenant.tenantId, companyName: found.tenant.companyName, timeZone: found.tenant.timeZone, displayName: name };
}
