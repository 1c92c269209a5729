/** API views of webhook endpoints, events and deliveries (zod schemas = validation, types and docs). */
import { z } from '@hono/zod-openapi';
import { ALL_EVENT_TYPES, DEFAULT_ROTATION_OVERLAP_HOURS, MAX_ROTATION_OVERLAP_HOURS } from '../../domain/webhooks/endpoint';
import { MAX_URL_LENGTH } from '../../domain/webhooks/endpointUrl';
import { webhookEventTypes } from '../../domain/webhooks/eventCatalog';
import type { StoredWebhookDelivery, StoredWebhookEndpoint, StoredWebhookEvent } from './webhookStore';

const subscribable = webhookEventTypes.filter((type) => type !== 'webhook.test');
const eventTypeSchema = z.enum([ALL_EVENT_TYPES, ...subscribable] as [string, ...string[]]).openapi({ example: 'dataSubjectRequest.received' });

export const createEndpointSchema = z
  .object({
    url: z.string().min(1).max(MAX_URL_LENGTH).openapi({ description: 'https:// URL the events are POSTed to', example: 'https://crm.example.com.tw/hooks/pdpa' }),
    description: z.string().max(500).default('').openapi({ example: 'CRM 工單系統 / CRM ticketing' }),
    eventTypes: z.array(eventTypeSchema).min(1).max(subscribable.length + 1).openapi({ description: 'Event types to receive; "*" for all (present and future)', example: ['dataSubjectRequest.received', 'deadline.approaching'] }),
    enabled: z.boolean().default(true),
  })
  .strict()
  .openapi('WebhookEndpointCreate');

export const updateEndpointSchema = z
  .object({
    url: z.string().min(1).max(MAX_URL_LENGTH).optional().openapi({ example: 'https://crm.example.com.tw/hooks/pdpa' }),
    description: z.string().max(500).optional(),
    eventTypes: z.array(eventTypeSchema).min(1).max(subscribable.length + 1).optional(),
    enabled: z.boolean().optional().openapi({ description: 'Re-enabling an endpoint the product disabled resumes deliveries of new events; redeliver the missed ones' }),
  })
  .strict()
  .openapi('WebhookEndpointUpdate');

export const rotateSecretSchema = z
  .object({
    overlapHours: z.number().int().min(0).max(MAX_ROTATION_OVERLAP_HOURS).default(DEFAULT_ROTATION_OVERLAP_HOURS).openapi({ description: 'Hours the previous secret keeps signing (both signatures are sent)', example: 24 }),
  })
  .strict()
  .openapi('WebhookSecretRotation');

export const redeliverSchema = z
  .object({ webhookEndpointId: z.string().regex(/^whep_[0-9a-z]{26}$/).optional().openapi({ description: 'Only to this endpoint; all the event\'s endpoints when omitted', example: 'whep_01jq3z5k8m9n0p1q2r3s4t5v6w' }) })
  .strict()
  .openapi('WebhookRedelivery');

export const endpointViewSchema = z
  .object({
    id: z.string().openapi({ example: 'whep_01jq3z5k8m9n0p1q2r3s4t5v6w' }),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()),
    enabled: z.boolean(),
    disabledReason: z.enum(['byUser', 'deliveryFailing']).nullable(),
    disabledAt: z.string().nullable(),
    secretRotatedAt: z.string().nullable(),
    previousSecretExpiresAt: z.string().nullable().openapi({ description: 'Until then both the new and the previous secret sign' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('WebhookEndpoint');

export const endpointWithSecretSchema = endpointViewSchema
  .extend({ secret: z.string().openapi({ description: 'The signing secret (whsec_…), shown only in this answer', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }) })
  .openapi('WebhookEndpointWithSecret');

export const endpointListSchema = z.object({ items: z.array(endpointViewSchema) }).openapi('WebhookEndpointList');

export const attemptViewSchema = z.object({
  at: z.string(),
  status: z.number().int().nullable(),
  latencyMs: z.number().int(),
  outcome: z.enum(['delivered', 'httpError', 'networkError', 'timeout', 'refused']),
  excerpt: z.string(),
});

export const deliveryViewSchema = z
  .object({
    webhookEventId: z.string(),
    webhookEndpointId: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
    attemptCount: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    attempts: z.array(attemptViewSchema).openapi({ description: 'The last 20 attempts' }),
    createdAt: z.string(),
  })
  .openapi('WebhookDelivery');

export const deliveryListSchema = z.object({ items: z.array(deliveryViewSchema) }).openapi('WebhookDeliveryList');

export const eventViewSchema = z
  .object({
    id: z.string().openapi({ example: 'whevt_01jq3z5k8m9n0p1q2r3s4t5v6w' }),
    type: z.string(),
    schemaVersion: z.number().int(),
    occurredAt: z.string(),
    publishedAt: z.string(),
    data: z.record(z.string(), z.unknown()),
    webhookEndpointIds: z.array(z.string()),
  })
  .openapi('WebhookEvent');

export const testEventAcceptedSchema = z
  .object({ webhookEndpointId: z.string(), requestedAt: z.string(), note: z.string() })
  .openapi('WebhookTestEventAccepted');

export function toEndpointView(endpoint: StoredWebhookEndpoint): z.infer<typeof endpointViewSchema> {
  return {
    id: endpoint.endpointId,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    disabledAt: endpoint.disabledAt,
    secretRotatedAt: endpoint.secretRotatedAt,
    previousSecretExpiresAt: endpoint.previousSecret?.expiresAt ?? null,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
    version: endpoint.version,
  };
}

export function toDeliveryView(delivery: StoredWebhookDelivery): z.infer<typeof deliveryViewSchema> {
  return {
    webhookEventId: delivery.eventId,
    webhookEndpointId: delivery.endpointId,
    eventType: delivery.eventType,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    nextAttemptAt: delivery.nextAttemptAt,
    deliveredAt: delivery.deliveredAt,
    attempts: delivery.attempts,
    createdAt: delivery.createdAt,
  };
}

export function toEventView(event: StoredWebhookEvent): z.infer<typeof eventViewSchema> {
  return { id: event.eventId, type: event.type, schemaVersion: event.schemaVersion, occurredAt: event.occurredAt, publishedAt: event.publishedAt, data: event.data, webhookEndpointIds: event.endpointIds };
}
