/**
 * Lambda: the daily review sweep. EventBridge Scheduler invokes it at 09:00 Asia/Taipei with
 * {kind: 'dailySweep'} (infra/constructs/schedulesAndMail.ts); `asOf`/`tenantId` in the event run
 * it "as of" another date, e.g. from the console for a catch-up. The run is idempotent per day, so
 * the scheduler's retries after a timeout send nothing twice.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { runReviewSweep, type SweepSummary } from '../reviews/sweep';
import { sesMailerFromEnvironment } from '../mail/sesMailer';
import { createAwsDeps } from '../runtime/awsDeps';
import { powertoolsLogger } from '../runtime/logger';
import { reminderMetrics } from '../runtime/metrics';

const logger = powertoolsLogger('pdpa-review-sweep');
const metrics = reminderMetrics('pdpa-review-sweep');
let deps: ReturnType<typeof createAwsDeps> | undefined;

export interface ReviewSweepEvent {
  kind?: 'dailySweep';
  asOf?: string;
  tenantId?: string;
}

async function handle(event: ReviewSweepEvent): Promise<Omit<SweepSummary, 'results'>> {
  deps ??= createAwsDeps(logger, { mailer: sesMailerFromEnvironment });
  const resolved = await deps;
  const asOf = event.asOf ? new Date(event.asOf) : resolved.clock();
  if (Number.isNaN(asOf.getTime())) throw new Error(`invalid asOf: ${event.asOf}`);
  const { results: _perTenant, ...summary } = await runReviewSweep(resolved, { asOf, tenantId: event.tenantId });
  metrics.record({ sent: summary.mailsSent, failed: summary.mailsFailed, tenantsFailed: summary.tenantsFailed });
  // A tenant that failed is retried by tomorrow's run; the alarm on errors tells the operator now.
  if (summary.tenantsFailed > 0) logger.error('review sweep had failing tenants', { tenantsFailed: summary.tenantsFailed });
  return summary;
}

export const handler = middy(handle).use(injectLambdaContext(logger.raw, { resetKeys: true }));
