/**
 * Rotates an endpoint's signing secret: the new one signs at once and is shown once; the old one
 * keeps signing for the overlap, so receivers can switch without losing a delivery.
 */
import { rotateSecret as rotate } from '../../../domain/webhooks/endpoint';
import type { TenantCommandContext } from '../../application/commandContext';
import { commitVersionedChange } from '../../application/versionedChange';
import { webhookKeys } from '../webhookEntities';
import { toEndpointView } from '../webhookModel';
import { newSigningSecret, sealSecret } from '../webhookSecrets';
import { endpointItem, WEBHOOK_ENDPOINT, type StoredWebhookEndpoint } from '../webhookStore';

export async function rotateEndpointSecret(context: TenantCommandContext, endpointId: string, overlapHours: number, expectedVersion: number | undefined) {
  const now = context.clock();
  const secret = newSigningSecret();
  const sealed = sealSecret(await context.fieldCipher(), secret);
  const { after } = await commitVersionedChange<StoredWebhookEndpoint>(context, {
    key: webhookKeys.endpoint(endpointId),
    what: WEBHOOK_ENDPOINT,
    expectedVersion,
    apply(current) {
      const rotated = rotate({ current: current.sealedSecret, previous: null }, sealed, now, overlapHours);
      return { ...current, sealedSecret: rotated.current, previousSecret: rotated.previous ? { sealed: rotated.previous.secret, expiresAt: rotated.previous.expiresAt } : null, secretRotatedAt: now.toISOString(), updatedAt: now.toISOString() };
    },
    toItem: (endpoint) => endpointItem(endpoint),
    audit: { action: 'webhookEndpoint.rotateSecret', resourceType: 'webhookEndpoint', resourceId: endpointId, view: (endpoint) => toEndpointView(endpoint) },
    response: (endpoint) => ({ status: 201, body: { ...toEndpointView(endpoint), secret } }),
  });
  return { view: { ...toEndpointView(after), secret }, version: after.version };
}
