/** Removes an endpoint; its pending deliveries are cancelled when their time comes. */
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { webhookKeys } from '../webhookEntities';
import { toEndpointView } from '../webhookModel';
import { requireEndpoint } from '../webhookStore';

export async function deleteEndpoint(context: TenantCommandContext, endpointId: string, expectedVersion: number | undefined): Promise<void> {
  const current = await requireEndpoint(context.table, endpointId);
  assertVersion(current.version, expectedVersion);
  await commitChange(context, {
    changes: [{ action: 'webhookEndpoint.delete', resourceType: 'webhookEndpoint', resourceId: endpointId, before: toEndpointView(current), after: null }],
    writes: [{
      Delete: {
        TableName: context.table.tableName,
        Key: webhookKeys.endpoint(endpointId),
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': current.version },
      },
    }],
  });
}
