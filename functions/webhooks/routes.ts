/**
 * Webhooks (issue #19): endpoints a tenant registers (HTTPS, SSRF-checked, a signing secret shown
 * once and rotatable with overlap), the events its changes and deadlines produced, every delivery
 * attempt, redelivery and test events. Signing follows Standard Webhooks; verification: README.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { OWNER_ONLY, READ_ROLES } from '../../domain/access/roles';
import { commandContextOf, listBindingOf } from '../http/commandContext';
import type { ApiEnv } from '../http/context';
import { expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { routeTable } from '../http/route';
import { createEndpoint } from './commands/createEndpoint';
import { registerWebhookDocs } from './openapiWebhooks';
import { deleteEndpoint } from './commands/deleteEndpoint';
import { redeliverEvent } from './commands/redeliver';
import { rotateEndpointSecret } from './commands/rotateSecret';
import { sendTestEvent } from './commands/sendTestEvent';
import { updateEndpoint } from './commands/updateEndpoint';
import {
  createEndpointSchema,
  deliveryListSchema,
  deliveryViewSchema,
  endpointListSchema,
  endpointViewSchema,
  endpointWithSecretSchema,
  eventViewSchema,
  redeliverSchema,
  rotateSecretSchema,
  testEventAcceptedSchema,
  toDeliveryView,
  toEndpointView,
  toEventView,
  updateEndpointSchema,
} from './webhookModel';
import { deliveriesOfEvent, endpointDeliveriesPage, eventsPage, listEndpoints, requireEndpoint, requireEvent } from './webhookStore';

const TAG = 'Webhooks';
const read = { plane: 'tenant', roles: [...READ_ROLES, 'integration'], integrationScope: 'webhooks:manage' } as const;
// Endpoints hold signing secrets and decide where records' events go: the owner's call, or an
// integration key the owner gave the webhooks:manage scope (a system registering its own receiver).
const manage = { plane: 'tenant', roles: [...OWNER_ONLY, 'integration'], integrationScope: 'webhooks:manage' } as const;

const endpointParams = z.object({ webhookEndpointId: z.string().regex(/^whep_[0-9a-z]{26}$/).openapi({ param: { name: 'webhookEndpointId', in: 'path' }, example: 'whep_01jq3z5k8m9n0p1q2r3s4t5v6w' }) });
const eventParams = z.object({ webhookEventId: z.string().regex(/^whevt_[0-9a-z]{26}$/).openapi({ param: { name: 'webhookEventId', in: 'path' }, example: 'whevt_01jq3z5k8m9n0p1q2r3s4t5v6w' }) });

const route = routeTable([TAG]);

const routes = {
  create: route.post('/v1/webhook-endpoints', manage, '登錄 webhook 端點 / Register a webhook endpoint (the signing secret is shown once)', { body: createEndpointSchema, description: 'https:// only; the host must resolve to public addresses only (checked again at every delivery).', 201: [endpointWithSecretSchema, 'The endpoint with its signing secret'] }),
  list: route.get('/v1/webhook-endpoints', read, 'webhook 端點清單 / Webhook endpoints', { 200: [endpointListSchema, 'Every endpoint (at most 10)'] }),
  get: route.get('/v1/webhook-endpoints/{webhookEndpointId}', read, 'webhook 端點 / A webhook endpoint', { params: endpointParams, 200: [endpointViewSchema, 'The endpoint; ETag is its version'] }),
  update: route.patch('/v1/webhook-endpoints/{webhookEndpointId}', manage, '修改 webhook 端點 / Change URL, description, event types or enabled', { params: endpointParams, body: updateEndpointSchema, 200: [endpointViewSchema, 'The endpoint'] }),
  remove: route.delete('/v1/webhook-endpoints/{webhookEndpointId}', manage, '刪除 webhook 端點 / Delete a webhook endpoint', { params: endpointParams, 200: [endpointViewSchema, 'The deleted endpoint'] }),
  rotate: route.post('/v1/webhook-endpoints/{webhookEndpointId}/secret-rotations', manage, '輪替簽章密鑰 / Rotate the signing secret (both sign during the overlap)', { params: endpointParams, body: rotateSecretSchema, 201: [endpointWithSecretSchema, 'The endpoint with its new secret'] }),
  test: route.post('/v1/webhook-endpoints/{webhookEndpointId}/test-events', manage, '送出測試事件 / Send a webhook.test event to this endpoint', { params: endpointParams, 202: [testEventAcceptedSchema, 'Accepted; delivered like every event'] }),
  endpointDeliveries: route.get('/v1/webhook-endpoints/{webhookEndpointId}/deliveries', read, '端點之傳送紀錄 / Deliveries to an endpoint, newest first', { params: endpointParams, query: pageQuerySchema, 200: [pageSchema(deliveryViewSchema, 'WebhookDeliveryPage'), 'Each with its attempts'] }),
  events: route.get('/v1/webhook-events', read, 'webhook 事件 / Webhook events, newest first', { query: pageQuerySchema, 200: [pageSchema(eventViewSchema, 'WebhookEventPage'), 'Events kept 90 days'] }),
  event: route.get('/v1/webhook-events/{webhookEventId}', read, 'webhook 事件 / A webhook event', { params: eventParams, 200: [eventViewSchema, 'The event as delivered'] }),
  eventDeliveries: route.get('/v1/webhook-events/{webhookEventId}/deliveries', read, '事件之傳送紀錄 / Deliveries of an event', { params: eventParams, 200: [deliveryListSchema, 'One per endpoint, with every attempt'] }),
  redeliver: route.post('/v1/webhook-events/{webhookEventId}/redeliveries', manage, '重送事件 / Redeliver an event (same webhook-id)', { params: eventParams, body: redeliverSchema, 202: [deliveryListSchema, 'The deliveries put back in the queue'] }),
};

const localModeOf = (c: Parameters<Parameters<OpenAPIHono<ApiEnv>['openapi']>[1]>[0]) => c.get('deps').config.webhooks?.localMode === true;

export const webhooksArea = {
  name: 'webhooks',
  register(app: OpenAPIHono<ApiEnv>) {
    registerWebhookDocs(app);

    app.openapi(routes.create, async (c) => {
      const { view, version } = await createEndpoint(commandContextOf(c), c.req.valid('json'), { localMode: localModeOf(c) });
      setEtag(c, version);
      return c.json(view, 201);
    });

    app.openapi(routes.list, async (c) => c.json({ items: (await listEndpoints(commandContextOf(c).table)).map(toEndpointView) }, 200));

    app.openapi(routes.get, async (c) => {
      const endpoint = await requireEndpoint(commandContextOf(c).table, c.req.valid('param').webhookEndpointId);
      setEtag(c, endpoint.version);
      return c.json(toEndpointView(endpoint), 200);
    });

    app.openapi(routes.update, async (c) => {
      const { view, version } = await updateEndpoint(commandContextOf(c), c.req.valid('param').webhookEndpointId, c.req.valid('json'), expectedVersion(c), { localMode: localModeOf(c) });
      setEtag(c, version);
      return c.json(view, 200);
    });

    app.openapi(routes.remove, async (c) => {
      const context = commandContextOf(c);
      const { webhookEndpointId } = c.req.valid('param');
      const endpoint = await requireEndpoint(context.table, webhookEndpointId);
      await deleteEndpoint(context, webhookEndpointId, expectedVersion(c));
      return c.json(toEndpointView(endpoint), 200);
    });

    app.openapi(routes.rotate, async (c) => {
      const { view, version } = await rotateEndpointSecret(commandContextOf(c), c.req.valid('param').webhookEndpointId, c.req.valid('json').overlapHours, expectedVersion(c, { required: false }));
      setEtag(c, version);
      return c.json(view, 201);
    });

    app.openapi(routes.test, async (c) => c.json(await sendTestEvent(commandContextOf(c), c.req.valid('param').webhookEndpointId), 202));

    app.openapi(routes.endpointDeliveries, async (c) => {
      const context = commandContextOf(c);
      const { webhookEndpointId } = c.req.valid('param');
      await requireEndpoint(context.table, webhookEndpointId);
      const { limit, cursor } = c.req.valid('query');
      return c.json(await endpointDeliveriesPage(context.table, webhookEndpointId, { limit, cursor }, listBindingOf(c, 'webhook-endpoint-deliveries', { webhookEndpointId }), toDeliveryView), 200);
    });

    app.openapi(routes.events, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await eventsPage(commandContextOf(c).table, { limit, cursor }, listBindingOf(c, 'webhook-events', {}), toEventView), 200);
    });

    app.openapi(routes.event, async (c) => c.json(toEventView(await requireEvent(commandContextOf(c).table, c.req.valid('param').webhookEventId)), 200));

    app.openapi(routes.eventDeliveries, async (c) => {
      const table = commandContextOf(c).table;
      const { webhookEventId } = c.req.valid('param');
      await requireEvent(table, webhookEventId);
      return c.json({ items: (await deliveriesOfEvent(table, webhookEventId)).map(toDeliveryView) }, 200);
    });

    app.openapi(routes.redeliver, async (c) => c.json(await redeliverEvent(commandContextOf(c), c.req.valid('param').webhookEventId, c.req.valid('json').webhookEndpointId), 202));
  },
};
