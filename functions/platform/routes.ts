/** Platform-operator endpoints: onboarding, lifecycle and offboarding of tenants. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { authorityDirectory, sectorCodes, sectors } from '../../domain/tenant/sectors';
import { tenantStatuses } from '../../domain/tenant/tenantLifecycle';
import { platformMutationScope, type ApiContext, type ApiEnv } from '../http/context';
import { expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { routeTable } from '../http/route';
import { createApiKeySchema, issuedApiKeySchema } from '../keys/apiKeyModel';
import { changeTenantStatus } from './commands/changeTenantStatus';
import { exportTenant } from './commands/exportTenant';
import { issueTenantApiKey } from './commands/issueTenantApiKey';
import { offboardTenant } from './commands/offboardTenant';
import { onboardTenant } from './commands/onboardTenant';
import type { PlatformCommandContext } from './commands/platformCommandContext';
import { provisionTenant } from './commands/provisionTenant';
import { requireTenant } from './commands/tenantCommands';
import { updateTenant } from './commands/updateTenant';
import { createTenantSchema, tenantViewSchema, toTenantView, updateTenantSchema } from './tenantModel';
import { listTenants } from './tenantStore';

const platformOnly = { plane: 'platform', roles: ['platformOperator'] } as const;
const tenantIdParams = z.object({ tenantId: z.string().regex(/^tn_[0-9a-z]{26}$/).openapi({ param: { name: 'tenantId', in: 'path' }, example: 'tn_01jz8x6d3v2k9q4r7t1w5y8b0c' }) });

const route = routeTable(['Platform']);

const createTenant = route.post('/v1/platform/tenants', platformOnly, '建立租戶（建立專屬資料表）/ Onboard a tenant (creates its own table)', { body: createTenantSchema, 201: [tenantViewSchema, 'The tenant, active'] });

const listTenantsRoute = route.get('/v1/platform/tenants', platformOnly, '租戶清單 / List tenants', { query: pageQuerySchema.extend({ status: z.enum(tenantStatuses).optional() }), 200: [pageSchema(tenantViewSchema, 'TenantPage'), 'Tenants in creation order'] });

const getTenantRoute = route.get('/v1/platform/tenants/{tenantId}', platformOnly, '取得租戶 / Get a tenant', { params: tenantIdParams, 200: [tenantViewSchema, 'The tenant'] });

const updateTenantRoute = route.patch('/v1/platform/tenants/{tenantId}', platformOnly, '更新租戶資料 / Update a tenant profile', { params: tenantIdParams, body: updateTenantSchema, 200: [tenantViewSchema, 'The updated tenant'] });

const lifecycleRoute = (action: 'suspend' | 'reactivate', summary: string) =>
  route.post(`/v1/platform/tenants/{tenantId}/${action}`, platformOnly, summary, { params: tenantIdParams, 200: [tenantViewSchema, 'The tenant'] });
const suspendRoute = lifecycleRoute('suspend', '停用租戶 / Suspend a tenant');
const reactivateRoute = lifecycleRoute('reactivate', '恢復租戶 / Reactivate a tenant');

const provisionRoute = route.post('/v1/platform/tenants/{tenantId}/provision', platformOnly, '重試建立租戶資料表 / Retry provisioning a tenant table', { params: tenantIdParams, 200: [tenantViewSchema, 'The tenant, active'] });

const archiveSchema = z
  .object({
    format: z.literal('pdpa-tenant-archive/v1'),
    tenantId: z.string(),
    exportedAt: z.string(),
    itemCount: z.number(),
    itemsSha256: z.string(),
    encryption: z.object({ scheme: z.literal('AES-256-GCM'), aad: z.literal('<tenantId>|<field>'), wrappedDataKey: z.string() }).openapi({ description: 'How to read the encrypted identifiers in items' }),
    items: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('TenantArchive');

const exportRoute = route.get('/v1/platform/tenants/{tenantId}/export', platformOnly, '匯出租戶全部資料（須先停用）/ Export everything of a suspended tenant as one JSON archive', { params: tenantIdParams, 200: [archiveSchema, 'The archive'] });

const offboardRoute = route.post('/v1/platform/tenants/{tenantId}/offboard', platformOnly, '終止租戶並刪除資料表 / Offboard: delete the table after the archive was taken', { params: tenantIdParams, body: z.object({ archiveSha256: z.string().regex(/^[0-9a-f]{64}$/).openapi({ description: 'itemsSha256 of the archive you hold; proves it is current' }) }).strict(), 200: [tenantViewSchema, 'The tenant, offboarded'] });

const issueTenantKeyRoute = route.post('/v1/platform/tenants/{tenantId}/api-keys', platformOnly, '為租戶核發 API 金鑰（例如第一把 owner 金鑰）/ Issue an API key for a tenant', { params: tenantIdParams, body: createApiKeySchema, 201: [issuedApiKeySchema, 'The key; `secret` is shown once'] });

const sectorsRoute = route.get('/v1/platform/sectors', platformOnly, '產業別與主管機關名錄 / Sectors and the authority directory', { 200: [z.object({
        sectors: z.array(z.object({ code: z.enum(sectorCodes), nameZhTW: z.string(), nameEn: z.string(), regulationPcode: z.string().nullable(), authorityCode: z.string() })),
        authorities: z.array(z.object({ code: z.string(), nameZhTW: z.string(), nameEn: z.string(), phone: z.string().nullable(), email: z.string().nullable(), notificationFormZhTW: z.string(), source: z.string().nullable() })),
      }).openapi('SectorDirectory'), 'Sectors and authorities'] });

/** The operator's command context: the control plane, its audit chain and the provisioning services. */
function platformContextOf(c: ApiContext): PlatformCommandContext {
  const deps = c.get('deps');
  return { controlPlane: deps.controlPlane, scope: platformMutationScope(c), deps };
}

export const platformArea = {
  name: 'platform',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(createTenant, async (c) => {
      const result = await onboardTenant(platformContextOf(c), c.req.valid('json'));
      setEtag(c, result.version);
      return c.json(result.view, 201);
    });

    app.openapi(listTenantsRoute, async (c) => {
      const deps = c.get('deps');
      const { limit, cursor, status } = c.req.valid('query');
      const list = { secret: deps.cursorSecret, tenant: 'platform', listName: 'tenants', filters: { status } };
      return c.json(await listTenants(deps.controlPlane, { status }, { limit, cursor }, list), 200);
    });

    app.openapi(getTenantRoute, async (c) => {
      const tenant = await requireTenant(platformContextOf(c), c.req.valid('param').tenantId);
      setEtag(c, tenant.version);
      return c.json(toTenantView(tenant), 200);
    });

    app.openapi(updateTenantRoute, async (c) => {
      const expected = expectedVersion(c);
      const result = await updateTenant(platformContextOf(c), { tenantId: c.req.valid('param').tenantId, patch: c.req.valid('json'), expectedVersion: expected });
      setEtag(c, result.version);
      return c.json(result.view, 200);
    });

    const lifecycle = (action: 'suspend' | 'reactivate') => async (c: ApiContext) => {
      const result = await changeTenantStatus(platformContextOf(c), { tenantId: c.req.param('tenantId')!, action, expectedVersion: expectedVersion(c, { required: false }) });
      setEtag(c, result.version);
      return c.json(result.view, 200);
    };
    app.openapi(suspendRoute, lifecycle('suspend'));
    app.openapi(reactivateRoute, lifecycle('reactivate'));

    app.openapi(provisionRoute, async (c) => {
      const result = await provisionTenant(platformContextOf(c), c.req.valid('param').tenantId);
      setEtag(c, result.version);
      return c.json(result.view, 200);
    });

    app.openapi(exportRoute, async (c) => c.json(await exportTenant(platformContextOf(c), c.req.valid('param').tenantId), 200));

    app.openapi(offboardRoute, async (c) => {
      return c.json(await offboardTenant(platformContextOf(c), { tenantId: c.req.valid('param').tenantId, archiveSha256: c.req.valid('json').archiveSha256 }), 200);
    });

    app.openapi(issueTenantKeyRoute, async (c) => {
      const issued = await issueTenantApiKey(platformContextOf(c), { tenantId: c.req.valid('param').tenantId, ...c.req.valid('json') });
      return c.json(issued, 201);
    });

    app.openapi(sectorsRoute, (c) =>
      c.json({
        sectors: Object.values(sectors).map((s) => ({ code: s.code, nameZhTW: s.name.zhTW, nameEn: s.name.en, regulationPcode: s.regulationPcode, authorityCode: s.authorityCode })),
        authorities: Object.values(authorityDirectory).map((a) => ({ code: a.code, nameZhTW: a.name.zhTW, nameEn: a.name.en, phone: a.phone, email: a.email, notificationFormZhTW: a.notificationForm.zhTW, source: a.source })),
      }, 200),
    );
  },
};
