/**
 * Registers a webhook endpoint: the URL passes the SSRF rules after DNS resolution, the tenant
 * stays within its endpoint limit, and a fresh signing secret is sealed with the tenant's key
 * and returned once (an idempotent replay redacts it).
 */
import { canRegisterAnother } from '../../../domain/webhooks/endpoint';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { newId } from '../../store/ids';
import { toEndpointView } from '../webhookModel';
import { newSigningSecret, sealSecret } from '../webhookSecrets';
import { endpointWrite, listEndpoints, type StoredWebhookEndpoint } from '../webhookStore';
import { acceptableEndpointUrl } from './registerEndpointUrl';

export interface CreateEndpointInput {
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
}

export async function createEndpoint(context: TenantCommandContext, input: CreateEndpointInput, options: { localMode: boolean }) {
  const url = await acceptableEndpointUrl(input.url, options.localMode);
  unwrap(canRegisterAnother((await listEndpoints(context.table)).length));
  const now = context.clock().toISOString();
  const secret = newSigningSecret();
  const endpoint: StoredWebhookEndpoint = {
    endpointId: newId('whep'),
    url,
    description: input.description,
    eventTypes: [...new Set(input.eventTypes)],
    enabled: input.enabled,
    disabledReason: input.enabled ? null : 'byUser',
    disabledAt: input.enabled ? null : now,
    sealedSecret: sealSecret(await context.fieldCipher(), secret),
    previousSecret: null,
    secretRotatedAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const view = { ...toEndpointView(endpoint), secret };
  await commitChange(context, {
    changes: [{ action: 'webhookEndpoint.create', resourceType: 'webhookEndpoint', resourceId: endpoint.endpointId, before: null, after: toEndpointView(endpoint) }],
    writes: [endpointWrite(context.table.tableName, endpoint, null)],
    response: { status: 201, body: view },
  }, 'create');
  return { view, version: endpoint.version };
}
