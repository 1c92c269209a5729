/** GET /v1/me names the tenant and role the credential acts as (consoles hide what a role may not do). */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

describe('GET /v1/me', () => {
  it('answers each person role with its own tenant and role, and refuses an operator key and no credential', async () => {
    const tenant = await api.onboardTenant();
    const other = await api.onboardTenant();
    for (const role of ['officer', 'auditor'] as const) {
      const key = await tenant.issueKey(role);
      const me = await api.call('GET', '/v1/me', { key });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ tenantId: tenant.tenantId, role, credential: { kind: 'apiKey' } });
      expect(me.body.credential.id).toBe(`key:${key.split('_')[1]}`);
    }
    const owner = await api.call('GET', '/v1/me', { key: tenant.ownerKey });
    expect(owner.body).toMatchObject({ tenantId: tenant.tenantId, role: 'owner' });
    expect((await api.call('GET', '/v1/me', { key: other.ownerKey })).body.tenantId).toBe(other.tenantId);
    expect((await api.call('GET', '/v1/me', { key: api.operatorKey })).status).toBe(403);
    expect((await api.call('GET', '/v1/me', {})).status).toBe(401);
  });
});
