/** Audit trail endpoints: a tenant reads and verifies its own chain; the operator the control plane's. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { READ_ROLES } from '../../domain/access/roles';
import { tenantOf, type ApiContext, type ApiEnv } from '../http/context';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { routeTable } from '../http/route';
import { ApiProblem } from '../http/problem';
import type { TableRef } from '../store/tableRef';
import { queryAuditEvents, verifyStoredChain } from './auditStore';

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
    shard: z.number().int().optional().openapi({ description: 'The chain shard this event is on (absent: the main chain). Writers spill to shards under contention; anchors link the shards.' }),
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
    brokenAtShard: z.number().int().optional(),
    shards: z.record(z.string(), z.object({ sequence: z.number().int(), hash: z.string() })).optional().openapi({ description: 'Head of each shard chain verified' }),
    anchorsChecked: z.number().int().optional(),
    reason: z.string().optional(),
  })
  .openapi('AuditChainVerification');

function auditRoutes(prefix: string, plane: 'tenant' | 'platform', tag: string) {
  const route = routeTable([tag]);
  const access = plane === 'tenant' ? ({ plane, roles: READ_ROLES } as const) : ({ plane, roles: ['platformOperator'] } as const);
  return {
    list: route.get(`${prefix}/audit-events`, access, '稽核軌跡查詢 / Query the audit trail (filter by resource, actor, time)', {
      query: auditQuerySchema,
      200: [pageSchema(auditEventSchema, plane === 'tenant' ? 'AuditEventPage' : 'PlatformAuditEventPage'), 'Audit events in chain order'],
    }),
    verify: route.get(`${prefix}/audit-events/verify`, access, '驗證稽核雜湊鏈 / Verify the hash chain', { 200: [verificationSchema, 'Whether the chain is intact'] }),
  };
}

/** The chain a plane reads: the caller's tenant table, or the control plane (cursors bound to 'platform'). */
function chainOf(c: ApiContext, plane: 'tenant' | 'platform'): { table: TableRef; binding: string } {
  if (plane === 'tenant') {
    const tenant = tenantOf(c);
    return { table: { doc: tenant.doc, tableName: tenant.tableName }, binding: tenant.tenantId };
  }
  return { table: c.get('deps').controlPlane, binding: 'platform' };
}

function register(app: OpenAPIHono<ApiEnv>, plane: 'tenant' | 'platform') {
  const routes = plane === 'tenant' ? auditRoutes('/v1', 'tenant', 'Audit trail') : auditRoutes('/v1/platform', 'platform', 'Platform');
  app.openapi(routes.list, async (c) => {
    const { limit, cursor, order, ...filter } = c.req.valid('query');
    if ((filter.resourceType === undefined) !== (filter.resourceId === undefined) && filter.resourceId !== undefined) {
      throw new ApiProblem('validationError', { errors: [{ field: 'query.resourceType', reason: { zhTW: '以 resourceId 篩選時須同時提供 resourceType', en: 'resourceId needs resourceType' } }] });
    }
    // An inverted range would reach DynamoDB as an invalid BETWEEN: refuse it here.
    if (filter.from && filter.to && Date.parse(filter.from) > Date.parse(filter.to)) {
      throw new ApiProblem('validationError', { errors: [{ field: 'query.from', reason: { zhTW: '起始時間不得晚於結束時間（to）', en: 'from must not be later than to' } }] });
    }
    const chain = chainOf(c, plane);
    const list = { secret: c.get('deps').cursorSecret, tenant: chain.binding, listName: 'audit-events', filters: { ...filter, order } };
    return c.json(await queryAuditEvents(chain.table, filter, { limit, cursor, descending: order === 'desc' }, list), 200);
  });
  app.openapi(routes.verify, async (c) => c.json(await verifyStoredChain(chainOf(c, plane).table), 200));
}

export const auditArea = { name: 'audit', register: (app: OpenAPIHono<ApiEnv>) => register(app, 'tenant') };
export const platformAuditArea = { name: 'platformAudit', register: (app: OpenAPIHono<ApiEnv>) => register(app, 'platform') };
