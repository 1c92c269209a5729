/**
 * Rate limiting per credential: RateLimit-* on every authenticated response, 429 + Retry-After
 * problem past the budget, budgets by kind of credential, and a DynamoDB-backed store that two
 * app instances (two Lambda instances) share.
 */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { allAreas } from '../../../functions/apps/areas';
import { createApiApp } from '../../../functions/http/app';
import type { RateLimitSettings } from '../../../functions/http/rateLimit';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

/** Another app over the same tables (another process or Lambda instance) with its own rate-limit settings. */
function instanceWith(rateLimit: RateLimitSettings) {
  const app = createApiApp({ ...api.deps, config: { ...api.deps.config, rateLimit } }, allAreas);
  return async (path: string, key?: string) => {
    const response = await app.request(path, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
}

const memory = (person: number, integration: number): RateLimitSettings => ({ requestsPerWindow: { person, integration, platformOperator: 50 }, windowSeconds: 60, store: { kind: 'memory' } });

describe('rate limiting per credential (in memory)', () => {
  it('counts down in RateLimit-* headers, then answers 429 problem+json with Retry-After', async () => {
    const { ownerKey } = await api.onboardTenant();
    const get = instanceWith(memory(3, 10));
    const remaining: string[] = [];
    for (let call = 0; call < 3; call += 1) {
      const response = await get('/v1/tenant', ownerKey);
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      expect(response.headers.get('ratelimit-policy')).toBe('3;w=60');
      expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      expect(Number(response.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
      remaining.push(response.headers.get('ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await get('/v1/tenant', ownerKey);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.body.type).toContain('too-many-requests');
    expect(refused.body.code).toBe('rateLimitExceeded');
  });

  it('budgets each credential separately, by kind: an integration key has its own, larger budget', async () => {
    const { ownerKey, issueKey } = await api.onboardTenant();
    const auditorKey = await issueKey('auditor');
    const integrationKey = await issueKey('integration', ['inventory:read']);
    const get = instanceWith(memory(2, 4));
    await get('/v1/tenant', ownerKey);
    await get('/v1/tenant', ownerKey);
    expect((await get('/v1/tenant', ownerKey)).status).toBe(429);
    const auditor = await get('/v1/tenant', auditorKey);
    expect(auditor.status).toBe(200);
    expect(auditor.headers.get('ratelimit-remaining')).toBe('1');
    const integration = await get('/v1/personal-data-files', integrationKey);
    expect(integration.headers.get('ratelimit-limit')).toBe('4');
  });

  it('sets the headers on every authenticated response, refusals included, and not before authentication', async () => {
    const { issueKey } = await api.onboardTenant();
    const auditorKey = await issueKey('auditor');
    const get = instanceWith(memory(100, 100));
    const missing = await get('/v1/vendors/vnd_00000000000000000000000000', auditorKey);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('ratelimit-remaining')).toBe('99');
    const forbidden = await get('/v1/platform/tenants', auditorKey);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('ratelimit-remaining')).toBe('98');
    const anonymous = await get('/v1/tenant');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('ratelimit-limit')).toBeNull();
  });

  it('is documented: RateLimit-* on success responses, 429 with Retry-After', async () => {
    const document = (await api.call('GET', '/openapi.json')).body;
    const operation = document.paths['/v1/tenant'].get;
    for (const name of ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy']) {
      expect(operation.responses['200'].headers[name].$ref).toBe(`#/components/headers/${name}`);
      expect(document.components.headers[name].description).toBeTruthy();
    }
    expect(operation.responses['429'].$ref).toBe('#/components/responses/RateLimited');
    expect(document.components.responses.RateLimited.headers['Retry-After'].$ref).toBe('#/components/headers/Retry-After');
    expect(document.info.description).toContain('RateLimit-Limit');
  });
});

describe('rate limiting shared through DynamoDB (RateLimiterDynamo)', () => {
  it('two app instances draw on one budget per credential', async () => {
    const tableName = `rl-${randomBytes(4).toString('hex')}`;
    await api.deps.dynamo.send(new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'key', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'key', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }));
    const { ownerKey } = await api.onboardTenant();
    const settings: RateLimitSettings = { requestsPerWindow: { person: 3, integration: 3, platformOperator: 3 }, windowSeconds: 60, store: { kind: 'dynamo', tableName } };
    const first = instanceWith(settings);
    const second = instanceWith(settings);
    expect((await first('/v1/tenant', ownerKey)).headers.get('ratelimit-remaining')).toBe('2');
    expect((await second('/v1/tenant', ownerKey)).headers.get('ratelimit-remaining')).toBe('1');
    expect((await first('/v1/tenant', ownerKey)).headers.get('ratelimit-remaining')).toBe('0');
    const refused = await second('/v1/tenant', ownerKey);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
