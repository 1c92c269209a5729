/** CORS for the configured console origins only (none by default). */
import { beforeAll, describe, expect, it } from 'vitest';
import { allAreas } from '../../../functions/apps/areas';
import { createApiApp } from '../../../functions/http/app';
import { consoleOriginsFromEnv } from '../../../functions/http/cors';
import { createTestApi, type TestApi } from '../support/testApi';

const CONSOLE = 'https://console.pdpa.example.tw';
let api: TestApi;
let ownerKey: string;
beforeAll(async () => {
  api = await createTestApi();
  ({ ownerKey } = await api.onboardTenant());
});

const appWith = (consoleOrigins: readonly string[] | undefined) => createApiApp({ ...api.deps, config: { ...api.deps.config, consoleOrigins } }, allAreas);

describe('CORS', () => {
  it('answers a console preflight with the allowed methods and headers', async () => {
    const app = appWith([CONSOLE]);
    const preflight = await app.request('/v1/vendors', {
      method: 'OPTIONS',
      headers: { origin: CONSOLE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-match');
  });

  it('lets the console read the conventions\' headers, on success and on problems', async () => {
    const app = appWith([CONSOLE]);
    const read = await app.request('/v1/tenant', { headers: { origin: CONSOLE, authorization: `Bearer ${ownerKey}` } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    const exposed = (read.headers.get('access-control-expose-headers') ?? '').split(',');
    for (const header of ['ETag', 'Location', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Idempotent-Replayed', 'X-Request-Id']) expect(exposed).toContain(header);
    const problem = await app.request('/v1/tenant', { headers: { origin: CONSOLE } });
    expect(problem.status).toBe(401);
    expect(problem.headers.get('access-control-allow-origin')).toBe(CONSOLE);
  });

  it('gives another origin no CORS header at all, preflight or not', async () => {
    const app = appWith([CONSOLE]);
    const other = 'https://evil.example.com';
    const preflight = await app.request('/v1/vendors', { method: 'OPTIONS', headers: { origin: other, 'access-control-request-method': 'POST' } });
    const read = await app.request('/v1/tenant', { headers: { origin: other, authorization: `Bearer ${ownerKey}` } });
    expect(read.status).toBe(200);
    for (const response of [preflight, read]) {
      expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    expect(read.headers.get('vary')).toContain('Origin');
  });

  it('allows no origin by default', async () => {
    expect(consoleOriginsFromEnv({})).toEqual([]);
    expect(consoleOriginsFromEnv({ PDPA_CONSOLE_ORIGINS: ` ${CONSOLE}/ , http://localhost:5173` })).toEqual([CONSOLE, 'http://localhost:5173']);
    const app = appWith([]);
    const read = await app.request('/v1/tenant', { headers: { origin: CONSOLE, authorization: `Bearer ${ownerKey}` } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});
