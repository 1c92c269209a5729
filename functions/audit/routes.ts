/** Audit trail endpoints: a tenant reads and verifies its own chain; the operator the control plane's. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { READ_ROLES } from '../../domain/access/roles';
import { tenantOf, type ApiContext, type ApiEnv } from '../http/context';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { decodeCursor, encodeCursor, listIdentity } from '../store/cursor';
import { defineRoute, jsonContent } from '../http/route';
import { ApiProblem } from '../http/problem';
import { queryAuditEvents, verifyStoredChain } from './auditQueries';

const auditEventSchema = z
  .object({
    sequence: z.number().int(),
    at: z.string(),
    actorId: z.string(),
    actorRole: z.string(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string(),
    requestId: z.string(),
    beforeDigest: z.string().nullable(),
    afterDigest: z.string().nullable(),
    previousHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEvent');

const auditQuerySchema = pageQuerySchema
  .extend({
    resourceType: z.string().max(64).optional(),
    resourceId: z.string().max(128).optional(),
    actorId: z.string().max(200).optional(),
    from: z.iso.datetime().optional().openapi({ description: 'Inclusive lower bound (ISO 8601, UTC)' }),
    to: z.iso.datetime().optional().openapi({ description: 'Inclusive upper bound (ISO 8601, UTC)' }),
    order: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict();

const verificationSchema = z
  .object({
    valid: z.boolean(),
    eventsChecked: z.number().int(),
    firstSequence: z.number().int().nullable(),
    lastSequence: z.number().int().optional(),
    lastHash: z.string().optional(),
    brokenAtSequence: z.number().int().optional(),
    reason: z.string().optional(),
  })
  .openapi('AuditChainVerification');

function auditRoutes(prefix: string, plane: 'tenant' | 'platform', tag: string) {
  const access = plane === 'tenant' ? ({ plane, roles: READ_ROLES } as const) : ({ plane, roles: ['platformOperator'] } as const);
  return {
    list: defineRoute({
      method: 'get',
      path: `${prefix}/audit-events`,
      tags: [tag],
      summary: '稽核軌跡查詢 / Query the audit trail (filter by resource, actor, time)',
      access,
      request: { query: auditQuerySchema },
      responses: { 200: jsonContent(pageSchema(auditEventSchema, plane === 'tenant' ? 'AuditEventPage' : 'PlatformAuditEventPage'), 'Audit events in chain order') },
    }),
    verify: defineRoute({
      method: 'get',
      path: `${prefix}/audit-events/verify`,
      tags: [tag],
      summary: '驗證稽核雜湊鏈 / Verify the hash chain',
      access,
      responses: { 200: jsonContent(verificationSchema, 'Whether the chain is intact') },
    }),
  };
}

function storeFor(c: ApiContext, plane: 'tenant' | 'platform') {
  if (plane === 'tenant') {
    const tenant = tenantOf(c);
    return { doc: tenant.doc, tableName: tenant.tableName, binding: tenant.tenantId };
  }
  const deps = c.get('deps');
  return { doc: deps.controlPlane.doc, tableName: deps.controlPlane.tableName, binding: 'platform' };
}

function register(app: OpenAPIHono<ApiEnv>, plane: 'tenant' | 'platform') {
  const routes = plane === 'tenant' ? auditRoutes('/v1', 'tenant', 'Audit trail') : auditRoutes('/v1/platform', 'platform', 'Platform');
  app.openapi(routes.list, async (c) => {
    const { limit, cursor, order, ...filter } = c.req.valid('query');
    if ((filter.resourceType === undefined) !== (filter.resourceId === undefined) && filter.resourceId !== undefined) {
      throw new ApiProblem('validationError', { errors: [{ field: 'query.resourceType', reason: { zhTW: '以 resourceId 篩選時須同時提供 resourceType', en: 'resourceId needs resourceType' } }] });
    }
    const store = storeFor(c, plane);
    const secret = c.get('deps').cursorSecret;
    const binding = { tenant: store.binding, list: listIdentity('audit-events', { ...filter, order }) };
    const page = await queryAuditEvents(store.doc, store.tableName, filter, { limit, descending: order === 'desc', startKey: decodeCursor(secret, binding, cursor) });
    return c.json({ items: page.items, nextCursor: encodeCursor(secret, binding, page.lastKey) }, 200);
  });
  app.openapi(routes.verify, async (c) => {
    const store = storeFor(c, plane);
    return c.json(await verifyStoredChain(store.doc, store.tableName), 200);
  });
}

export const auditArea = { name: 'audit', register: (app: OpenAPIHono<ApiEnv>) => register(app, 'tenant') };
export const platformAuditArea = { name: 'platformAudit', register: (app: OpenAPIHono<ApiEnv>) => register(app, 'platform') };
