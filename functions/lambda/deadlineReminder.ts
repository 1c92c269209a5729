/**
 * Lambda: one-time schedules fire here (EventBridge Scheduler `at(...)`, input
 * {kind: 'deadline', schedule} from runtime/eventBridgeDeadlineScheduler.ts): urgent reminders at
 * exact deadline moments and retries of failed reminder mails. Idempotent by reminder key, so a
 * redelivered event sends nothing twice.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DeadlineSchedule } from '../http/appDeps';
import { handleDeadline, type DeadlineOutcome } from '../reviews/deadlineHandler';
import { sesMailerFromEnvironment } from '../mail/sesMailer';
import { createAwsDeps } from '../runtime/awsDeps';
import { powertoolsLogger } from '../runtime/logger';
import { reminderMetrics } from '../runtime/metrics';

const metrics = reminderMetrics('pdpa-deadline-reminder');
const logger = powertoolsLogger('pdpa-deadline-reminder');
let deps: ReturnType<typeof createAwsDeps> | undefined;

export interface DeadlineEvent {
  kind: 'deadline';
  schedule: DeadlineSchedule;
}

async function handle(event: DeadlineEvent): Promise<DeadlineOutcome> {
  if (event?.kind !== 'deadline' || !event.schedule?.tenantId || !event.schedule.target) throw new Error('not a deadline schedule event');
  deps ??= createAwsDeps(logger, { mailer: sesMailerFromEnvironment });
  const resolved = await deps;
  const outcome = await handleDeadline(resolved, event.schedule, resolved.clock());
  logger.info('deadline handled', { schedule: event.schedule.name, kind: event.schedule.target.kind, reason: outcome.reason, sent: outcome.mails.sent, failed: outcome.mails.failed });
  metrics.record({ sent: outcome.mails.sent, failed: outcome.mails.failed, deadLettered: outcome.mails.deadLettered });
  return outcome;
}

export const handler = middy(handle).use(injectLambdaContext(logger.raw, { resetKeys: true }));
