/**
 * What every console handler works with: the options the console was built with, the signed-in
 * person's session, their language, and an API client holding their own credential. The console
 * reaches data only through that client — it can do nothing an integration could not.
 */
import type { Context } from 'hono';
import { createComplianceClient, ProblemError, type ComplianceClient } from '../../openapi/client/index';
import { isIsoDate, timeZoneOffsetMinutes, zonedDateOf, zonedInstant } from '../../domain/shared/isoDate';
import type { ConsoleLocale } from './consoleText';
import type { ConsoleSession, SessionCookies } from './session';

export interface ConsoleOidcSettings {
  /** The issuer the API trusts (OIDC_ISSUER); its /.well-known/openid-configuration is read. */
  issuer: string;
  clientId: string;
  /** Confidential clients only; public clients rely on PKCE alone. */
  clientSecret?: string;
  /** The console's callback, e.g. https://api.example.com/console/oidc/callback. */
  redirectUri: string;
  scopes?: string;
  tenantClaim: string;
  roleClaim: string;
  /** Which token the API is given: the access token (default) or the ID token when the API's audience is this client. */
  apiToken?: 'access_token' | 'id_token';
  /** Fetch for discovery, token and JWKS calls (tests pass an in-process issuer). */
  fetch?: (request: Request) => Response | Promise<Response>;
}

export interface ConsoleOptions {
  /** The API's own base URL (the console calls it like any integration). */
  apiBaseUrl: string;
  /** How requests reach the API; in-process locally (no network hop), global fetch in AWS. */
  apiFetch?: (request: Request) => Response | Promise<Response>;
  /** 32-byte key sealing the session cookie (from the secrets store). */
  sessionKey: Uint8Array;
  oidc?: ConsoleOidcSettings;
  /** The API-key sign-in form (local runs and tests). */
  apiKeySignIn: boolean;
  clock?: () => Date;
}

export interface ConsoleEnv {
  Variables: {
    locale: ConsoleLocale;
    session: ConsoleSession | undefined;
  };
}

export type ConsoleContext = Context<ConsoleEnv>;

export interface ConsoleRuntime {
  options: ConsoleOptions;
  cookies: SessionCookies;
  clock: () => Date;
}

export function apiClientFor(runtime: ConsoleRuntime, credential: ConsoleSession['credential'] | undefined, locale: ConsoleLocale): ComplianceClient {
  return createComplianceClient({
    baseUrl: runtime.options.apiBaseUrl,
    ...(credential ? { credential } : {}),
    locale,
    ...(runtime.options.apiFetch ? { fetch: runtime.options.apiFetch } : {}),
    // A person is waiting: one quick retry at most, then the page says what happened.
    retry: { maxAttempts: 2, maxDelayMs: 2_000 },
  });
}

/** Everything an item page handler needs. */
export interface PageRequest {
  c: ConsoleContext;
  runtime: ConsoleRuntime;
  session: ConsoleSession;
  locale: ConsoleLocale;
  api: ComplianceClient;
  now: Date;
  today: string;
  /** May this person change anything? (auditors only read) */
  canWrite: boolean;
}

export function pageRequestOf(c: ConsoleContext, runtime: ConsoleRuntime): PageRequest {
  const session = c.get('session');
  if (!session) throw new Error('pageRequestOf needs a signed-in session');
  const locale = c.get('locale');
  const now = runtime.clock();
  return {
    c,
    runtime,
    session,
    locale,
    api: apiClientFor(runtime, session.credential, locale),
    now,
    today: zonedDateOf(now, session.timeZone),
    canWrite: session.role !== 'auditor',
  };
}

/** A form's datetime-local value (tenant wall clock) as an ISO instant; undefined when empty or malformed. */
export function instantOfLocalInput(value: string | undefined, timeZone: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(value?.trim() ?? '');
  if (!match || !isIsoDate(match[1]!)) return undefined;
  return zonedInstant(match[1]!, match[2]!, timeZone);
}

/** An instant as the value of a datetime-local input in the tenant's zone. */
export function localInputOf(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + timeZoneOffsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 16);
}

export const isProblem = (error: unknown): error is ProblemError => error instanceof ProblemError;

/** Form fields as strings (one value each; repeated names keep all in `all`). */
export async function formOf(c: ConsoleContext): Promise<{ get(name: string): string | undefined; all(name: string): string[] }> {
  const body = await c.req.parseBody({ all: true });
  return {
    get(name) {
      const value = body[name];
      const first = Array.isArray(value) ? value[0] : value;
      return typeof first === 'string' ? first : undefined;
    },
    all(name) {
      const value = body[name];
      return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
    },
  };
}
