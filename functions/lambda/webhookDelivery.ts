/**
 * Lambda: one webhook delivery attempt per SQS message (functions/webhooks/dispatcher.ts
 * `deliverOne`): signed, SSRF-checked, recorded; an endpoint whose retry window is spent is
 * disabled and the tenant's contact e-mailed. A message whose handling throws is reported as a
 * batch item failure: SQS retries it, then moves it to the dead-letter queue.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { sesMailerFromEnvironment } from '../mail/sesMailer';
import { getTenant } from '../platform/tenantStore';
import { createAwsDeps } from '../runtime/awsDeps';
import { powertoolsLogger } from '../runtime/logger';
import { deliverOne } from '../webhooks/dispatcher';
import { webhookJobContext } from '../webhooks/webhookJobs';
import type { WebhookDeliveryMessage } from './webhookDispatch';

const logger = powertoolsLogger('pdpa-webhook-delivery');
let deps: ReturnType<typeof createAwsDeps> | undefined;

async function handle(event: SQSEvent): Promise<SQSBatchResponse> {
  deps ??= createAwsDeps(logger, { mailer: sesMailerFromEnvironment });
  const resolved = await deps;
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const message = JSON.parse(record.body) as WebhookDeliveryMessage;
      const profile = await getTenant(resolved.controlPlane, message.tenantId);
      if (profile?.status !== 'active') continue;
      const after = await deliverOne(resolved, await webhookJobContext(resolved, profile), { eventId: message.eventId, endpointId: message.endpointId });
      logger.info('webhook delivery', { tenantId: message.tenantId, eventId: message.eventId, endpointId: message.endpointId, status: after?.status ?? 'notDue' });
    } catch (error) {
      logger.error('webhook delivery failed', { messageId: record.messageId, error: (error as Error).message });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}

export const handler = middy(handle).use(injectLambdaContext(logger.raw, { resetKeys: true }));
