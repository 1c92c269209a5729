/** Lambda: Webhook endpoints, events, deliveries and redelivery. */
// First, before any schema module: zod schemas get .openapi().
import '@hono/zod-openapi';
import { webhooksGroup } from '../apps/groups/webhooks';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('webhooks', webhooksGroup);
