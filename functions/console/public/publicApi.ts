/**
 * The public pages' API client: the same typed client as the console, with no credential (the
 * link secret in the path is the only one). The request-form routes are called through an
 * untyped view of the same client until the committed OpenAPI document (and so schema.d.ts)
 * carries them; their shapes are the API's own view types.
 */
import { createComplianceClient, ProblemError, type ComplianceClient } from '../../../openapi/client/index';
import type { ConsoleLocale } from '../consoleText';

export interface PublicPagesOptions {
  /** The API's own base URL (the pages call it like any integration). */
  apiBaseUrl: string;
  /** How requests reach the API; in-process locally, global fetch in AWS. */
  apiFetch?: (request: Request) => Response | Promise<Response>;
  clock?: () => Date;
}

export function publicClient(options: PublicPagesOptions, locale: ConsoleLocale): ComplianceClient {
  return createComplianceClient({
    baseUrl: options.apiBaseUrl,
    locale,
    ...(options.apiFetch ? { fetch: options.apiFetch } : {}),
    // A person is waiting: one quick retry at most, then the page says what happened.
    retry: { maxAttempts: 2, maxDelayMs: 2_000 },
  });
}

type UntypedInit = { params?: { path?: Record<string, string> }; body?: unknown; headers?: Record<string, string> };
type UntypedMethod = (url: string, init?: UntypedInit) => Promise<{ data: unknown; response: Response }>;

/** A call on a path the generated schema does not list yet; still throws ProblemError like the typed methods. */
export async function untypedCall<T>(api: ComplianceClient, method: 'GET' | 'POST', url: string, init: UntypedInit = {}): Promise<T> {
  const call = api[method] as unknown as UntypedMethod;
  const { data } = await call(url, init);
  return data as T;
}

export const isProblem = (error: unknown): error is ProblemError => error instanceof ProblemError;
