/**
 * The event catalogue in the OpenAPI document (3.1 `webhooks`): one entry per event type with
 * its Standard Webhooks headers and its versioned payload schema, so integrators generate
 * receiver types from the same document as their client.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { webhookEventSummaries, webhookEventTypes, webhookPayloadSchemas, WEBHOOK_SCHEMA_VERSION, type WebhookEventType } from '../../domain/webhooks/eventCatalog';
import type { ApiEnv } from '../http/context';

const signatureHeaders = z.object({
  'webhook-id': z.string().openapi({ description: 'The event id; the same on every retry and redelivery (de-duplicate on it)', example: 'whevt_01jq3z5k8m9n0p1q2r3s4t5v6w' }),
  'webhook-timestamp': z.string().openapi({ description: 'Unix seconds of this attempt; refuse beyond a 5-minute tolerance', example: '1772415000' }),
  'webhook-signature': z.string().openapi({ description: 'Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two during a secret rotation', example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=' }),
});

function operationIdOf(type: WebhookEventType): string {
  return `on${type.split('.').map((part) => part[0]!.toUpperCase() + part.slice(1)).join('')}`;
}

export function envelopeSchemaOf(type: WebhookEventType) {
  return z.object({
    type: z.literal(type),
    timestamp: z.string().openapi({ description: 'When the change or deadline happened (ISO 8601)' }),
    schemaVersion: z.literal(WEBHOOK_SCHEMA_VERSION),
    data: webhookPayloadSchemas[type],
  });
}

export function registerWebhookDocs(app: OpenAPIHono<ApiEnv>): void {
  for (const type of webhookEventTypes) {
    app.openAPIRegistry.registerWebhook({
      method: 'post',
      path: type,
      operationId: operationIdOf(type),
      summary: webhookEventSummaries[type],
      description: `Payload schema version ${WEBHOOK_SCHEMA_VERSION}. Verify the signature with the \`standardwebhooks\` package before trusting the body (README: "Webhooks: verifying a delivery"). Ids and masked data only.`,
      tags: ['Webhooks'],
      security: [],
      request: { headers: signatureHeaders, body: { required: true, content: { 'application/json': { schema: envelopeSchemaOf(type) } } } },
      responses: {
        200: { description: 'Any 2xx acknowledges the event; anything else (or no answer within 5 s) is retried with backoff for about 3 days' },
        400: { description: 'The receiver refused it (e.g. the signature did not verify); retried like any failure' },
      },
    });
  }
}
