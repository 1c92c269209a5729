/**
 * The background work `npm start` runs through the local scheduler — the same handlers the
 * Lambdas run: the daily review sweep at 09:00 Asia/Taipei and the one-time deadline schedules
 * (urgent reminders, mail retries). Mail goes to the outbox folder as .eml files.
 */
import type { AppDeps } from '../http/appDeps';
import { createOutboxTransport } from '../mail/outboxTransport';
import { handleDeadline } from '../reviews/deadlineHandler';
import { runReviewSweep } from '../reviews/sweep';
import { runWebhookDispatch } from '../webhooks/dispatcher';
import type { DailyJob, DeadlineHandler } from './localScheduler';

/** The same wall-clock time as the EventBridge schedule (infra SWEEP_SCHEDULE). */
export const DAILY_SWEEP = { at: '09:00', timeZone: 'Asia/Taipei' } as const;

export function localBackgroundJobs(deps: AppDeps, options: { outboxDir: string }): { dailyJobs: DailyJob[]; onDeadline: DeadlineHandler; frequentJobs: { name: string; run(now: Date): Promise<unknown> }[] } {
  // The API's platform sweep endpoint shares this deps object, so its mails land in the outbox too.
  if (deps.mailer.kind === 'memory') deps.mailer = createOutboxTransport(options.outboxDir, deps.mailer.from);
  return {
    dailyJobs: [
      {
        name: 'reviewSweep',
        at: DAILY_SWEEP.at,
        timeZone: DAILY_SWEEP.timeZone,
        run: async (asOf) => {
          await runReviewSweep(deps, { asOf });
        },
      },
    ],
    // Webhook outboxes drained and due deliveries sent on every scheduler tick (in AWS: each minute).
    frequentJobs: [{ name: 'webhookDispatch', run: () => runWebhookDispatch(deps) }],
    onDeadline: async (schedule, firedAt) => {
      await handleDeadline(deps, schedule, firedAt);
    },
  };
}
