/** Platform-operator endpoints: onboarding, lifecycle and offboarding of tenants. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { tenantRoles } from '../../domain/access/roles';
import { authorityDirectory, sectorCodes, sectors } from '../../domain/tenant/sectors';
import { nextTenantStatus, tenantStatuses, type TenantLifecycleAction } from '../../domain/tenant/tenantLifecycle';
import { platformMutationScope, type ApiEnv } from '../http/context';
import { assertVersion, expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { decodeCursor, encodeCursor, listIdentity } from '../store/cursor';
import { ApiProblem } from '../http/problem';
import { defineRoute, jsonBody, jsonContent } from '../http/route';
import { createApiKeySchema, issuedApiKeySchema } from '../keys/apiKeyModel';
import { createApiKey, listApiKeys, revokeApiKeyWrite } from '../keys/apiKeyStore';
import { commitAudited, WriteConflictError } from '../store/auditedCommit';
import { newId } from '../store/ids';
import { deleteTenantTable, provisionTenantTable } from '../store/tenantTableProvisioning';
import { tenantTableName } from '../store/tableDesign';
import { createTenantSchema, sectorDefaults, tenantViewSchema, toTenantView, updateTenantSchema, type TenantRecord } from './tenantModel';
import { exportTenantTable, getTenant, listTenants, saveTenant, claimTaxIdWrite } from './tenantStore';

const platformOnly = { plane: 'platform', roles: ['platformOperator'] } as const;
const tenantIdParams = z.object({ tenantId: z.string().regex(/^tn_[0-9a-z]{26}$/).openapi({ param: { name: 'tenantId', in: 'path' }, example: 'tn_01jz8x6d3v2k9q4r7t1w5y8b0c' }) });

const tenantNotFound = () => new ApiProblem('notFound', { detail: { zhTW: '找不到此租戶', en: 'No such tenant' } });

const createTenant = defineRoute({
  method: 'post',
  path: '/v1/platform/tenants',
  tags: ['Platform'],
  summary: '建立租戶（建立專屬資料表）/ Onboard a tenant (creates its own table)',
  access: platformOnly,
  request: { body: jsonBody(createTenantSchema) },
  responses: { 201: jsonContent(tenantViewSchema, 'The tenant, active') },
});

const listTenantsRoute = defineRoute({
  method: 'get',
  path: '/v1/platform/tenants',
  tags: ['Platform'],
  summary: '租戶清單 / List tenants',
  access: platformOnly,
  request: { query: pageQuerySchema.extend({ status: z.enum(tenantStatuses).optional() }) },
  responses: { 200: jsonContent(pageSchema(tenantViewSchema, 'TenantPage'), 'Tenants in creation order') },
});

const getTenantRoute = defineRoute({
  method: 'get',
  path: '/v1/platform/tenants/{tenantId}',
  tags: ['Platform'],
  summary: '取得租戶 / Get a tenant',
  access: platformOnly,
  request: { params: tenantIdParams },
  responses: { 200: jsonContent(tenantViewSchema, 'The tenant') },
});

const updateTenantRoute = defineRoute({
  method: 'patch',
  path: '/v1/platform/tenants/{tenantId}',
  tags: ['Platform'],
  summary: '更新租戶資料 / Update a tenant profile',
  access: platformOnly,
  request: { params: tenantIdParams, body: jsonBody(updateTenantSchema) },
  responses: { 200: jsonContent(tenantViewSchema, 'The updated tenant') },
});

const lifecycleRoute = (action: 'suspend' | 'reactivate', summary: string) =>
  defineRoute({
    method: 'post',
    path: `/v1/platform/tenants/{tenantId}/${action}`,
    tags: ['Platform'],
    summary,
    access: platformOnly,
    request: { params: tenantIdParams },
    responses: { 200: jsonContent(tenantViewSchema, 'The tenant') },
  });
const suspendRoute = lifecycleRoute('suspend', '停用租戶 / Suspend a tenant');
const reactivateRoute = lifecycleRoute('reactivate', '恢復租戶 / Reactivate a tenant');

const provisionRoute = defineRoute({
  method: 'post',
  path: '/v1/platform/tenants/{tenantId}/provision',
  tags: ['Platform'],
  summary: '重試建立租戶資料表 / Retry provisioning a tenant table',
  access: platformOnly,
  request: { params: tenantIdParams },
  responses: { 200: jsonContent(tenantViewSchema, 'The tenant, active') },
});

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

const exportRoute = defineRoute({
  method: 'get',
  path: '/v1/platform/tenants/{tenantId}/export',
  tags: ['Platform'],
  summary: '匯出租戶全部資料（須先停用）/ Export everything of a suspended tenant as one JSON archive',
  access: platformOnly,
  request: { params: tenantIdParams },
  responses: { 200: jsonContent(archiveSchema, 'The archive') },
});

const offboardRoute = defineRoute({
  method: 'post',
  path: '/v1/platform/tenants/{tenantId}/offboard',
  tags: ['Platform'],
  summary: '終止租戶並刪除資料表 / Offboard: delete the table after the archive was taken',
  access: platformOnly,
  request: {
    params: tenantIdParams,
    body: jsonBody(z.object({ archiveSha256: z.string().regex(/^[0-9a-f]{64}$/).openapi({ description: 'itemsSha256 of the archive you hold; proves it is current' }) }).strict()),
  },
  responses: { 200: jsonContent(tenantViewSchema, 'The tenant, offboarded') },
});

const issueTenantKeyRoute = defineRoute({
  method: 'post',
  path: '/v1/platform/tenants/{tenantId}/api-keys',
  tags: ['Platform'],
  summary: '為租戶核發 API 金鑰（例如第一把 owner 金鑰）/ Issue an API key for a tenant',
  access: platformOnly,
  request: { params: tenantIdParams, body: jsonBody(createApiKeySchema) },
  responses: { 201: jsonContent(issuedApiKeySchema, 'The key; `secret` is shown once') },
});

const sectorsRoute = defineRoute({
  method: 'get',
  path: '/v1/platform/sectors',
  tags: ['Platform'],
  summary: '產業別與主管機關名錄 / Sectors and the authority directory',
  access: platformOnly,
  responses: {
    200: jsonContent(
      z.object({
        sectors: z.array(z.object({ code: z.enum(sectorCodes), nameZhTW: z.string(), nameEn: z.string(), regulationPcode: z.string().nullable(), authorityCode: z.string() })),
        authorities: z.array(z.object({ code: z.string(), nameZhTW: z.string(), nameEn: z.string(), phone: z.string().nullable(), email: z.string().nullable(), notificationFormZhTW: z.string(), source: z.string().nullable() })),
      }).openapi('SectorDirectory'),
      'Sectors and authorities',
    ),
  },
});

async function requireTenant(c: Parameters<Parameters<OpenAPIHono<ApiEnv>['openapi']>[1]>[0], tenantId: string): Promise<TenantRecord> {
  const deps = c.get('deps');
  const tenant = await getTenant(deps.controlPlane.doc, deps.controlPlane.tableName, tenantId);
  if (!tenant) throw tenantNotFound();
  return tenant;
}

function conflictOnStaleWrite(error: unknown): never {
  if (error instanceof WriteConflictError) throw new ApiProblem('preconditionFailed');
  throw error;
}

export const platformArea = {
  name: 'platform',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(createTenant, async (c) => {
      const deps = c.get('deps');
      const input = c.req.valid('json');
      const now = deps.clock().toISOString();
      const tenantId = newId('tn');
      const { wrappedKey } = await deps.dataKeys.createTenantDataKey(tenantId);
      const record: TenantRecord = {
        tenantId,
        companyName: input.companyName,
        taxId: input.taxId,
        sector: input.sector,
        ...sectorDefaults(input.sector),
        paidInCapital: input.paidInCapital,
        personalDataRecordCount: input.personalDataRecordCount,
        contact: input.contact,
        timeZone: input.timeZone,
        locale: input.locale,
        status: 'provisioning',
        tableName: tenantTableName(deps.provisioning.tenantTablePrefix, tenantId),
        wrappedDataKey: wrappedKey,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      const scope = platformMutationScope(c);
      try {
        await saveTenant(scope, null, record, 'tenant.create', [claimTaxIdWrite(scope.tableName, record.taxId, tenantId)]);
      } catch (error) {
        if (error instanceof WriteConflictError && error.writeIndex === 1) {
          throw new ApiProblem('conflict', { code: 'taxIdTaken', errors: [{ field: 'taxId', reason: { zhTW: '此統一編號已有租戶', en: 'A tenant with this business number exists' } }] });
        }
        throw error;
      }
      const active = await provisionAndActivate(c, record);
      return c.json(toTenantView(active), 201);
    });

    app.openapi(listTenantsRoute, async (c) => {
      const deps = c.get('deps');
      const { limit, cursor, status } = c.req.valid('query');
      const binding = { tenant: 'platform', list: listIdentity('tenants', { status }) };
      const page = await listTenants(deps.controlPlane.doc, deps.controlPlane.tableName, { limit, status, startKey: decodeCursor(deps.cursorSecret, binding, cursor) });
      return c.json({ items: page.items.map(toTenantView), nextCursor: encodeCursor(deps.cursorSecret, binding, page.lastKey) }, 200);
    });

    app.openapi(getTenantRoute, async (c) => {
      const tenant = await requireTenant(c, c.req.valid('param').tenantId);
      setEtag(c, tenant.version);
      return c.json(toTenantView(tenant), 200);
    });

    app.openapi(updateTenantRoute, async (c) => {
      const expected = expectedVersion(c);
      const tenant = await requireTenant(c, c.req.valid('param').tenantId);
      assertVersion(tenant.version, expected);
      if (tenant.status === 'offboarded') throw new ApiProblem('conflict', { detail: { zhTW: '租戶已終止', en: 'The tenant is offboarded' } });
      const patch = c.req.valid('json');
      const updated: TenantRecord = {
        ...tenant,
        ...patch,
        ...(patch.sector ? sectorDefaults(patch.sector) : {}),
        updatedAt: c.get('deps').clock().toISOString(),
        version: tenant.version + 1,
      };
      await saveTenant(platformMutationScope(c), tenant, updated, 'tenant.update', [], { status: 200, body: toTenantView(updated) }).catch(conflictOnStaleWrite);
      setEtag(c, updated.version);
      return c.json(toTenantView(updated), 200);
    });

    const lifecycle = (action: TenantLifecycleAction) => async (c: Parameters<Parameters<OpenAPIHono<ApiEnv>['openapi']>[1]>[0]) => {
      const expected = expectedVersion(c, { required: false });
      const tenant = await requireTenant(c, c.req.param('tenantId')!);
      assertVersion(tenant.version, expected);
      const next = nextTenantStatus(tenant.status, action);
      if (!next) {
        throw new ApiProblem('conflict', { code: 'invalidTransition', detail: { zhTW: `租戶狀態為 ${tenant.status}，不可執行 ${action}`, en: `A ${tenant.status} tenant cannot ${action}` } });
      }
      const updated = { ...tenant, status: next, updatedAt: c.get('deps').clock().toISOString(), version: tenant.version + 1 };
      await saveTenant(platformMutationScope(c), tenant, updated, `tenant.${action}`, [], { status: 200, body: toTenantView(updated) }).catch(conflictOnStaleWrite);
      setEtag(c, updated.version);
      return c.json(toTenantView(updated), 200);
    };
    app.openapi(suspendRoute, lifecycle('suspend'));
    app.openapi(reactivateRoute, lifecycle('reactivate'));

    app.openapi(provisionRoute, async (c) => {
      const tenant = await requireTenant(c, c.req.valid('param').tenantId);
      if (tenant.status !== 'provisioning') throw new ApiProblem('conflict', { detail: { zhTW: '租戶資料表已建立', en: 'The tenant table is already provisioned' } });
      return c.json(toTenantView(await provisionAndActivate(c, tenant)), 200);
    });

    app.openapi(exportRoute, async (c) => {
      const deps = c.get('deps');
      const tenant = await requireTenant(c, c.req.valid('param').tenantId);
      if (tenant.status !== 'suspended') throw new ApiProblem('conflict', { detail: { zhTW: '請先停用租戶再匯出', en: 'Suspend the tenant before exporting' } });
      const doc = await deps.tenantDocumentClient(tenant.tenantId);
      return c.json(await exportTenantTable(doc, tenant.tableName, tenant.tenantId, deps.clock().toISOString(), tenant.wrappedDataKey), 200);
    });

    app.openapi(offboardRoute, async (c) => {
      const deps = c.get('deps');
      const tenant = await requireTenant(c, c.req.valid('param').tenantId);
      if (!nextTenantStatus(tenant.status, 'offboard')) throw new ApiProblem('conflict', { detail: { zhTW: '只有停用中的租戶可以終止', en: 'Only a suspended tenant can be offboarded' } });
      const doc = await deps.tenantDocumentClient(tenant.tenantId);
      const archive = await exportTenantTable(doc, tenant.tableName, tenant.tenantId, deps.clock().toISOString(), tenant.wrappedDataKey);
      if (archive.itemsSha256 !== c.req.valid('json').archiveSha256) {
        throw new ApiProblem('ruleViolation', {
          code: 'archiveOutdated',
          errors: [{ field: 'archiveSha256', reason: { zhTW: '與目前資料不符，請重新匯出後再終止', en: 'Does not match the current data; export again before offboarding' } }],
        });
      }
      // Revoke the tenant's keys first, so nothing authenticates against a table being deleted.
      const now = deps.clock().toISOString();
      const scope = platformMutationScope(c);
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await listApiKeys(deps.controlPlane.doc, deps.controlPlane.tableName, tenant.tenantId, 25, startKey);
        const active = page.items.filter((key) => !key.revokedAt);
        if (active.length) {
          await commitAuditedRevocations(scope, active, now);
        }
        startKey = page.lastKey;
      } while (startKey);
      await deleteTenantTable(deps.dynamo, tenant.tenantId, deps.provisioning);
      const offboarded: TenantRecord = {
        ...tenant,
        status: 'offboarded',
        updatedAt: now,
        version: tenant.version + 1,
        offboarding: { archiveSha256: archive.itemsSha256, itemCount: archive.itemCount, at: now, by: c.get('principal').actorId },
      };
      await saveTenant(scope, tenant, offboarded, 'tenant.offboard', [], { status: 200, body: toTenantView(offboarded) });
      return c.json(toTenantView(offboarded), 200);
    });

    app.openapi(issueTenantKeyRoute, async (c) => {
      const tenant = await requireTenant(c, c.req.valid('param').tenantId);
      if (tenant.status !== 'active') throw new ApiProblem('conflict', { detail: { zhTW: '租戶未啟用', en: 'The tenant is not active' } });
      const input = c.req.valid('json');
      if (!tenantRoles.includes(input.role)) throw new ApiProblem('validationError');
      const view = await createApiKey(platformMutationScope(c), {
        tenantId: tenant.tenantId,
        role: input.role,
        name: input.name,
        scopes: input.scopes,
        expiresAt: input.expiresAt ?? null,
        createdBy: c.get('principal').actorId,
        now: c.get('deps').clock(),
      });
      return c.json(view, 201);
    });

    app.openapi(sectorsRoute, (c) =>
      c.json({
        sectors: Object.values(sectors).map((s) => ({ code: s.code, nameZhTW: s.name.zhTW, nameEn: s.name.en, regulationPcode: s.regulationPcode, authorityCode: s.authorityCode })),
        authorities: Object.values(authorityDirectory).map((a) => ({ code: a.code, nameZhTW: a.name.zhTW, nameEn: a.name.en, phone: a.phone, email: a.email, notificationFormZhTW: a.notificationForm.zhTW, source: a.source })),
      }, 200),
    );
  },
};

async function commitAuditedRevocations(scope: ReturnType<typeof platformMutationScope>, keys: Awaited<ReturnType<typeof listApiKeys>>['items'], now: string) {
  await commitAudited(scope, {
    changes: keys.map((key) => ({ action: 'apiKey.revoke', resourceType: 'apiKey', resourceId: key.keyId, before: { revokedAt: null }, after: { revokedAt: now } })),
    writes: keys.map((key) => revokeApiKeyWrite(scope.tableName, key, now)),
  });
}

async function provisionAndActivate(c: Parameters<Parameters<OpenAPIHono<ApiEnv>['openapi']>[1]>[0], record: TenantRecord): Promise<TenantRecord> {
  const deps = c.get('deps');
  await provisionTenantTable(deps.dynamo, record.tenantId, {
    ...deps.provisioning,
    tags: { ...(deps.provisioning.tags ?? {}), tenantId: record.tenantId, dataClassification: 'personal-data' },
  });
  const active: TenantRecord = { ...record, status: 'active', updatedAt: deps.clock().toISOString(), version: record.version + 1 };
  await saveTenant(platformMutationScope(c), record, active, 'tenant.activate', [], { status: 201, body: toTenantView(active) });
  c.header('ETag', `"${active.version}"`);
  return active;
}

