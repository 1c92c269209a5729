/**
 * Sends a `webhook.test` event to one endpoint: an audited change whose outbox event targets
 * only that endpoint, delivered (and retried) like every other event.
 */
import { testEventAction } from '../../../domain/webhooks/eventCatalog';
import type { TenantCommandContext } from '../../application/commandContext';
import { refuse } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { requireEndpoint } from '../webhookStore';

export async function sendTestEvent(context: TenantCommandContext, endpointId: string) {
  const endpoint = await requireEndpoint(context.table, endpointId);
  if (!endpoint.enabled) refuse('conflict', 'WEBHOOK_ENDPOINT_DISABLED', { zhTW: '此端點已停用，請先啟用', en: 'The endpoint is disabled; enable it first' });
  const requestedAt = context.clock().toISOString();
  const view = { webhookEndpointId: endpointId, requestedAt, note: '測試事件將於數秒內送出 / The test event is sent within seconds' };
  await commitChange(context, {
    changes: [{ action: testEventAction, resourceType: 'webhookEndpoint', resourceId: endpointId, before: null, after: { requestedAt } }],
    writes: [],
    response: { status: 202, body: view },
  });
  return view;
}
