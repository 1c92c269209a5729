/** A tenant's owners manage its API keys; the keys live in the control plane, the audit in the tenant's chain. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { OWNER_ONLY, READ_ROLES } from '../../domain/access/roles';
import { tenantMutationScope, tenantOf, type ApiEnv } from '../http/context';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { decodeCursor, encodeCursor, listIdentity } from '../store/cursor';
import { ApiProblem } from '../http/problem';
import { defineRoute, jsonBody, jsonContent } from '../http/route';
import { toTenantView, tenantViewSchema } from '../platform/tenantModel';
import { commitAudited, WriteConflictError } from '../store/auditedCommit';
import { apiKeyViewSchema, createApiKeySchema, issuedApiKeySchema, toApiKeyView } from './apiKeyModel';
import { apiKeyItem, getApiKey, listApiKeys, newApiKeyRecord, revokeApiKeyWrite } from './apiKeyStore';

const ownerAccess = { plane: 'tenant', roles: OWNER_ONLY } as const;

const ownTenantRoute = defineRoute({
  method: 'get',
  path: '/v1/tenant',
  tags: ['Tenant'],
  summary: '本租戶資料與主管機關 / This tenant and its competent authority',
  access: { plane: 'tenant', roles: READ_ROLES },
  responses: { 200: jsonContent(tenantViewSchema, 'The caller\'s tenant') },
});

const createKeyRoute = defineRoute({
  method: 'post',
  path: '/v1/api-keys',
  tags: ['API keys'],
  summary: '建立 API 金鑰（僅顯示一次）/ Create an API key (shown once)',
  access: ownerAccess,
  request: { body: jsonBody(createApiKeySchema) },
  responses: { 201: jsonContent(issuedApiKeySchema, 'The key; `secret` is shown once') },
});

const listKeysRoute = defineRoute({
  method: 'get',
  path: '/v1/api-keys',
  tags: ['API keys'],
  summary: 'API 金鑰清單 / List API keys',
  access: ownerAccess,
  request: { query: pageQuerySchema },
  responses: { 200: jsonContent(pageSchema(apiKeyViewSchema, 'ApiKeyPage'), 'Keys (never their secrets)') },
});

const revokeKeyRoute = defineRoute({
  method: 'post',
  path: '/v1/api-keys/{keyId}/revoke',
  tags: ['API keys'],
  summary: '撤銷 API 金鑰 / Revoke an API key',
  access: ownerAccess,
  request: { params: z.object({ keyId: z.string().regex(/^[0-9a-z]{12}$/).openapi({ param: { name: 'keyId', in: 'path' } }) }) },
  responses: { 200: jsonContent(apiKeyViewSchema, 'The revoked key') },
});

export const keysArea = {
  name: 'keys',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(ownTenantRoute, (c) => c.json(toTenantView(tenantOf(c).profile), 200));

    app.openapi(createKeyRoute, async (c) => {
      const deps = c.get('deps');
      const tenant = tenantOf(c);
      const input = c.req.valid('json');
      const { record, secret } = newApiKeyRecord({
        tenantId: tenant.tenantId,
        role: input.role,
        name: input.name,
        scopes: input.scopes,
        expiresAt: input.expiresAt ?? null,
        createdBy: c.get('principal').actorId,
        now: deps.clock(),
      });
      const view = toApiKeyView(record);
      // The key row goes to the control plane, its audit event to the tenant's own chain — one transaction.
      await commitAudited(
        { ...tenantMutationScope(c), doc: deps.controlPlane.doc },
        {
          changes: [{ action: 'apiKey.create', resourceType: 'apiKey', resourceId: record.keyId, before: null, after: view }],
          writes: [{ Put: { TableName: deps.controlPlane.tableName, Item: apiKeyItem(record), ConditionExpression: 'attribute_not_exists(pk)' } }],
          response: { status: 201, body: { ...view, secret: null, secretRedacted: true } },
        },
      );
      return c.json({ ...view, secret }, 201);
    });

    app.openapi(listKeysRoute, async (c) => {
      const deps = c.get('deps');
      const tenant = tenantOf(c);
      const { limit, cursor } = c.req.valid('query');
      const binding = { tenant: tenant.tenantId, list: listIdentity('api-keys', {}) };
      const page = await listApiKeys(deps.controlPlane.doc, deps.controlPlane.tableName, tenant.tenantId, limit, decodeCursor(deps.cursorSecret, binding, cursor));
      return c.json({ items: page.items.map(toApiKeyView), nextCursor: encodeCursor(deps.cursorSecret, binding, page.lastKey) }, 200);
    });

    app.openapi(revokeKeyRoute, async (c) => {
      const deps = c.get('deps');
      const tenant = tenantOf(c);
      const key = await getApiKey(deps.controlPlane.doc, deps.controlPlane.tableName, c.req.valid('param').keyId);
      // Another tenant's key is indistinguishable from a missing one.
      if (!key || key.tenantId !== tenant.tenantId) throw new ApiProblem('notFound');
      if (key.revokedAt) return c.json(toApiKeyView(key), 200);
      const now = deps.clock().toISOString();
      const revoked = { ...key, revokedAt: now, version: key.version + 1 };
      try {
        await commitAudited(
          { ...tenantMutationScope(c), doc: deps.controlPlane.doc },
          {
            changes: [{ action: 'apiKey.revoke', resourceType: 'apiKey', resourceId: key.keyId, before: toApiKeyView(key), after: toApiKeyView(revoked) }],
            writes: [revokeApiKeyWrite(deps.controlPlane.tableName, key, now)],
            response: { status: 200, body: toApiKeyView(revoked) },
          },
        );
      } catch (error) {
        if (error instanceof WriteConflictError) throw new ApiProblem('preconditionFailed');
        throw error;
      }
      return c.json(toApiKeyView(revoked), 200);
    });
  },
};
