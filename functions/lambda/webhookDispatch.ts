/**
 * Lambda: every minute (EventBridge Scheduler, infra/constructs/webhookDelivery.ts) drains each
 * active tenant's webhook outbox into events and deliveries, and hands every due delivery to the
 * delivery queue (SQS, with a dead-letter queue). Idempotent: a delivery re-read by the delivery
 * Lambda is sent only if still pending and due.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { runWebhookDispatch, type DispatchCounts } from '../webhooks/dispatcher';
import { createAwsDeps } from '../runtime/awsDeps';
import { powertoolsLogger } from '../runtime/logger';

const logger = powertoolsLogger('pdpa-webhook-dispatch');
let deps: ReturnType<typeof createAwsDeps> | undefined;
const sqs = new SQSClient({});

export interface WebhookDeliveryMessage {
  tenantId: string;
  eventId: string;
  endpointId: string;
}

async function handle(): Promise<DispatchCounts & { handedOff: number }> {
  deps ??= createAwsDeps(logger);
  const queueUrl = process.env.WEBHOOK_DELIVERY_QUEUE_URL;
  if (!queueUrl) throw new Error('WEBHOOK_DELIVERY_QUEUE_URL is not set');
  let handedOff = 0;
  const counts = await runWebhookDispatch(await deps, {
    async handOff(tenantId, keys) {
      for (let i = 0; i < keys.length; i += 10) {
        const entries = keys.slice(i, i + 10).map((key, index) => ({ Id: String(index), MessageBody: JSON.stringify({ tenantId, ...key } satisfies WebhookDeliveryMessage) }));
        const sent = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
        handedOff += sent.Successful?.length ?? 0;
        // A message not accepted stays pending in the table: the next minute hands it off again.
        if (sent.Failed?.length) logger.warn('webhook deliveries not queued', { tenantId, failed: sent.Failed.length });
      }
    },
  });
  logger.info('webhook dispatch done', { ...counts, handedOff });
  return { ...counts, handedOff };
}

export const handler = middy(handle).use(injectLambdaContext(logger.raw, { resetKeys: true }));
