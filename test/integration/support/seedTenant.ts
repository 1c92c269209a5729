/**
 * Creates one of each kind of resource for a tenant and returns their ids by path-parameter
 * name. The route walk uses it to prove another tenant cannot reach them. Each area adds its
 * resources here.
 */
import type { TestApi } from './testApi';

export type SeededIds = Record<string, string>;

export async function seedTenantResources(api: TestApi, tenant: { tenantId: string; ownerKey: string }): Promise<SeededIds> {
  const ids: SeededIds = { tenantId: tenant.tenantId };
  const key = await api.call('POST', '/v1/api-keys', { key: tenant.ownerKey, body: { name: 'seeded', role: 'auditor' } });
  ids.keyId = key.body.keyId;
  return ids;
}
