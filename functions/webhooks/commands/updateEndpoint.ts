/** Changes an endpoint's URL (checked again), description, event types or enabled state. */
import type { TenantCommandContext } from '../../application/commandContext';
import { commitVersionedChange } from '../../application/versionedChange';
import { toEndpointView } from '../webhookModel';
import { endpointItem, requireEndpoint, WEBHOOK_ENDPOINT, type StoredWebhookEndpoint } from '../webhookStore';
import { webhookKeys } from '../webhookEntities';
import { acceptableEndpointUrl } from './registerEndpointUrl';

export interface EndpointPatch {
  url?: string;
  description?: string;
  eventTypes?: string[];
  enabled?: boolean;
}

export async function updateEndpoint(context: TenantCommandContext, endpointId: string, patch: EndpointPatch, expectedVersion: number | undefined, options: { localMode: boolean }) {
  // Another tenant's id (or none) is a 404 before the URL is judged.
  await requireEndpoint(context.table, endpointId);
  const url = patch.url === undefined ? undefined : await acceptableEndpointUrl(patch.url, options.localMode);
  const now = context.clock().toISOString();
  const { after } = await commitVersionedChange<StoredWebhookEndpoint>(context, {
    key: webhookKeys.endpoint(endpointId),
    what: WEBHOOK_ENDPOINT,
    expectedVersion,
    apply(current) {
      const enabled = patch.enabled ?? current.enabled;
      const stateChanged = enabled !== current.enabled;
      return {
        ...current,
        ...(url !== undefined ? { url } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.eventTypes !== undefined ? { eventTypes: [...new Set(patch.eventTypes)] } : {}),
        enabled,
        disabledReason: enabled ? null : stateChanged ? 'byUser' : current.disabledReason,
        disabledAt: enabled ? null : stateChanged ? now : current.disabledAt,
        updatedAt: now,
      };
    },
    toItem: (endpoint) => endpointItem(endpoint),
    audit: { action: 'webhookEndpoint.update', resourceType: 'webhookEndpoint', resourceId: endpointId, view: (endpoint) => toEndpointView(endpoint) },
    response: (endpoint) => ({ status: 200, body: toEndpointView(endpoint) }),
  });
  return { view: toEndpointView(after), version: after.version };
}
