/**
 * An API instance per test file: its own control-plane table and tenant-table prefix in the
 * shared DynamoDB Local, a bootstrap operator key, and helpers to onboard tenants and call the
 * app in-process (app.request — the same Hono app the server and the Lambdas run).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { OidcSettings } from '../../../functions/http/appDeps';
import { createApiApp, type ApiArea } from '../../../functions/http/app';
import { allAreas } from '../../../functions/apps/areas';
import { createLocalDeps } from '../../../functions/local/localDeps';
import { bootstrapPlatformOperator, ensureControlPlane } from '../../../functions/runtime/bootstrap';
import { silentLogger } from '../../../functions/runtime/logger';
import { localObjectRoutes } from '../../../functions/storage/localObjectRoutes';

export interface CallOptions {
  key?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A random 統一編號 that satisfies the classic rule (weighted digit sum a multiple of 10), built
 * here independently of the production validator so a broken validator cannot also break the
 * fixtures; such numbers are valid under the 2023 multiple-of-5 rule too.
 */
export function randomTaxId(): string {
  const weights = [1, 2, 1, 2, 1, 2, 4, 1];
  for (;;) {
    const digits = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10));
    if (digits[6] === 7) continue;
    const sum = digits.reduce((total, digit, index) => total + [...String(digit * weights[index])].reduce((s, c) => s + Number(c), 0), 0);
    if (sum % 10 === 0) return digits.join('');
  }
}

export interface TestApiOptions {
  clock?: () => Date;
  oidc?: OidcSettings;
  bodyLimitBytes?: number;
  areas?: readonly ApiArea[];
}

export async function createTestApi(options: TestApiOptions = {}) {
  const suffix = randomBytes(4).toString('hex');
  const deps = createLocalDeps({
    endpoint: inject('dynamoEndpoint'),
    controlPlaneTable: `cp-${suffix}`,
    tenantTablePrefix: `t${suffix}-`,
    masterKey: randomBytes(32),
    cursorSecret: randomBytes(32),
    logger: silentLogger,
    publicBaseUrl: 'http://localhost:3000',
    clock: options.clock,
    oidc: options.oidc,
    bodyLimitBytes: options.bodyLimitBytes,
    objectsDir: mkdtempSync(join(tmpdir(), 'pdpa-objects-')),
  });
  await ensureControlPlane(deps.dynamo, deps.controlPlane.tableName);
  const operatorKey = (await bootstrapPlatformOperator(deps.controlPlane.doc, deps.controlPlane.tableName, deps.clock))!;
  const app = createApiApp(deps, options.areas ?? allAreas);
  // Pre-signed evidence URLs point here, as on the local server.
  app.route('/', localObjectRoutes(deps.objectStore));

  async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await app.request(path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Non-JSON bodies (HTML, CSV, docx) stay as text.
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  async function onboardTenant(overrides: Record<string, unknown> = {}) {
    const created = await call('POST', '/v1/platform/tenants', {
      key: operatorKey,
      body: {
        companyName: '範例資訊股份有限公司',
        taxId: randomTaxId(),
        sector: 'digitalEconomy',
        paidInCapital: 20_000_000,
        personalDataRecordCount: 12_000,
        contact: { name: '王小明', email: 'dpo@example.com' },
        ...overrides,
      },
    });
    if (created.status !== 201) throw new Error(`onboarding failed: ${created.status} ${JSON.stringify(created.body)}`);
    const tenantId = created.body.tenantId as string;
    const issue = async (role: string, scopes: string[] = []) => {
      const issued = await call('POST', `/v1/platform/tenants/${tenantId}/api-keys`, { key: operatorKey, body: { name: `${role} key`, role, scopes } });
      if (issued.status !== 201) throw new Error(`key failed: ${issued.status} ${JSON.stringify(issued.body)}`);
      return issued.body.secret as string;
    };
    const ownerKey = await issue('owner');
    return { tenantId, tenant: created.body, ownerKey, issueKey: issue };
  }

  return { deps, app, call, operatorKey, onboardTenant };
}

export type TestApi = Awaited<ReturnType<typeof createTestApi>>;
