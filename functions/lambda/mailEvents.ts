/**
 * Lambda: SES bounce/complaint/reject events (via the configuration set's SNS topic) are
 * recorded into the tenant's table, next to the reminder they concern, so the product knows a
 * reminder did not reach its owner. The tenant comes from the message tags we set when sending.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SNSEvent } from 'aws-lambda';
import { createAwsDeps } from '../runtime/awsDeps';
import { powertoolsLogger } from '../runtime/logger';
import { recordMailEvent, parseSesNotification } from '../runtime/mailEventRecorder';

const logger = powertoolsLogger('pdpa-mail-events');
let deps: ReturnType<typeof createAwsDeps> | undefined;

async function handle(event: SNSEvent) {
  deps ??= createAwsDeps(logger);
  const resolved = await deps;
  for (const record of event.Records) {
    const notification = parseSesNotification(record.Sns.Message);
    if (!notification) {
      logger.warn('ignored SNS message that is not an SES event', { messageId: record.Sns.MessageId });
      continue;
    }
    await recordMailEvent(resolved, notification);
  }
}

export const handler = middy(handle).use(injectLambdaContext(logger.raw, { resetKeys: true }));
