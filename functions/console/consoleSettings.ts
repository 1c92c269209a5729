/** How a deployment configures the console: the session key from a stored secret, OIDC from the environment. */
import { hkdfSync } from 'node:crypto';
import type { ConsoleOidcSettings } from './consoleContext';

/**
 * The session-sealing key, derived from a secret the deployment already keeps (the cursor secret
 * in Secrets Manager, the local secrets file locally) so no new secret is needed; the label keeps
 * it distinct from the cursor signing key made from the same secret.
 */
export function consoleSessionKey(secret: Uint8Array): Uint8Array {
  if (secret.length < 32) throw new RangeError('The console session key needs a secret of at least 32 bytes');
  return new Uint8Array(hkdfSync('sha256', secret, 'pdpa-console', 'console-session-cookie/A256GCM', 32));
}

/**
 * OIDC sign-in when CONSOLE_OIDC_CLIENT_ID is set, against the issuer the API trusts (OIDC_ISSUER)
 * with the same tenant and role claims (OIDC_TENANT_CLAIM, OIDC_ROLE_CLAIM).
 */
export function consoleOidcFromEnv(env: NodeJS.ProcessEnv, consoleBaseUrl: string): ConsoleOidcSettings | undefined {
  if (!env.CONSOLE_OIDC_CLIENT_ID || !env.OIDC_ISSUER) return undefined;
  const origin = consoleBaseUrl.replace(/\/+$/, '').replace(/\/console$/, '');
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.CONSOLE_OIDC_CLIENT_ID,
    ...(env.CONSOLE_OIDC_CLIENT_SECRET ? { clientSecret: env.CONSOLE_OIDC_CLIENT_SECRET } : {}),
    redirectUri: `${origin}/console/oidc/callback`,
    ...(env.CONSOLE_OIDC_SCOPES ? { scopes: env.CONSOLE_OIDC_SCOPES } : {}),
    tenantClaim: env.OIDC_TENANT_CLAIM ?? 'tenant_id',
    roleClaim: env.OIDC_ROLE_CLAIM ?? 'pdpa_role',
    apiToken: env.CONSOLE_OIDC_API_TOKEN === 'id_token' ? 'id_token' : 'access_token',
  };
}

/** Requests the console answers: its own pages, and the public pages under /p. */
export const isConsolePath = (pathname: string): boolean => pathname === '/console' || pathname.startsWith('/console/');
export const isPublicPagePath = (pathname: string): boolean => pathname.startsWith('/p/');

/**
 * The console's options in AWS from its environment and the stored secret (read here, in the
 * console's own folder, so the other Lambdas are not expected to carry these variables).
 */
export function consoleOptionsFromEnv(env: NodeJS.ProcessEnv, secret: Uint8Array) {
  const apiBaseUrl = env.PUBLIC_BASE_URL;
  if (!apiBaseUrl) throw new Error('missing environment variable PUBLIC_BASE_URL');
  return {
    apiBaseUrl,
    sessionKey: consoleSessionKey(secret),
    oidc: consoleOidcFromEnv(env, env.CONSOLE_BASE_URL ?? apiBaseUrl),
    // API keys are for integrations in AWS; people sign in through the identity provider.
    apiKeySignIn: env.CONSOLE_API_KEY_SIGN_IN === 'true',
  };
}
