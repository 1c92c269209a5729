/** A tenant's owners manage its API keys; the keys live in the control plane, the audit in the tenant's chain. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { OWNER_ONLY, READ_ROLES } from '../../domain/access/roles';
import { commandContextOf, listBindingOf } from '../http/commandContext';
import type { ApiEnv } from '../http/context';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { routeTable } from '../http/route';
import { toTenantView, tenantViewSchema } from './tenantProfileView';
import { apiKeyViewSchema, createApiKeySchema, issuedApiKeySchema } from './apiKeyModel';
import { listApiKeys } from './apiKeyStore';
import { createApiKey } from './commands/createApiKey';
import { revokeApiKey } from './commands/revokeApiKey';

const ownerAccess = { plane: 'tenant', roles: OWNER_ONLY } as const;

const tenantRoute = routeTable(['Tenant']);
const keyRoute = routeTable(['API keys']);

const ownTenantRoute = tenantRoute.get('/v1/tenant', { plane: 'tenant', roles: READ_ROLES }, '本租戶資料與主管機關 / This tenant and its competent authority', { 200: [tenantViewSchema, 'The caller\'s tenant'] });

/** Who the credential is: consoles show the person's role and hide what it may not do. */
const callerSchema = z
  .object({
    tenantId: z.string(),
    companyName: z.string(),
    role: z.enum(['owner', 'officer', 'auditor']).describe('owner: everything incl. keys and approvals; officer: records and duties; auditor: reads only'),
    credential: z.object({ kind: z.enum(['apiKey', 'oidc']), id: z.string().describe('The actor id the audit trail records: key:<key id>, or the token subject') }),
  })
  .openapi('Caller');

const callerRoute = tenantRoute.get('/v1/me', { plane: 'tenant', roles: READ_ROLES }, '目前憑證之身分與角色 / Who the calling credential is', { description: 'The tenant, company and role the credential acts as. Integration keys see their scopes on the key list instead.', 200: [callerSchema, 'The caller'] });

const createKeyRoute = keyRoute.post('/v1/api-keys', ownerAccess, '建立 API 金鑰（僅顯示一次）/ Create an API key (shown once)', { body: createApiKeySchema, 201: [issuedApiKeySchema, 'The key; `secret` is shown once'] });

const listKeysRoute = keyRoute.get('/v1/api-keys', ownerAccess, 'API 金鑰清單 / List API keys', { query: pageQuerySchema, 200: [pageSchema(apiKeyViewSchema, 'ApiKeyPage'), 'Keys (never their secrets)'] });

const revokeKeyRoute = keyRoute.post('/v1/api-keys/{keyId}/revoke', ownerAccess, '撤銷 API 金鑰 / Revoke an API key', { params: z.object({ keyId: z.string().regex(/^[0-9a-z]{12}$/).openapi({ param: { name: 'keyId', in: 'path' } }) }), 200: [apiKeyViewSchema, 'The revoked key'] });

export const keysArea = {
  name: 'keys',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(ownTenantRoute, (c) => c.json(toTenantView(commandContextOf(c).profile), 200));

    app.openapi(callerRoute, (c) => {
      const context = commandContextOf(c);
      const principal = c.get('principal');
      return c.json({ tenantId: context.tenantId, companyName: context.profile.companyName, role: principal.role as 'owner' | 'officer' | 'auditor', credential: { kind: principal.kind, id: principal.actorId } }, 200);
    });

    app.openapi(createKeyRoute, async (c) => {
      const issued = await createApiKey(commandContextOf(c), c.get('deps').controlPlane, c.req.valid('json'));
      return c.json(issued, 201);
    });

    app.openapi(listKeysRoute, async (c) => {
      const context = commandContextOf(c);
      const { limit, cursor } = c.req.valid('query');
      return c.json(await listApiKeys(c.get('deps').controlPlane, context.tenantId, { limit, cursor }, listBindingOf(c, 'api-keys', {})), 200);
    });

    app.openapi(revokeKeyRoute, async (c) => {
      return c.json(await revokeApiKey(commandContextOf(c), c.get('deps').controlPlane, c.req.valid('param').keyId), 200);
    });
  },
};
