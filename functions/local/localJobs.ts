/**
 * The background work `npm start` runs through the local scheduler. Areas with scheduled work
 * (the review sweep, deadline reminders) register here, the same handlers the Lambdas run.
 */
import type { AppDeps } from '../http/appDeps';
import type { DailyJob, DeadlineHandler } from './localScheduler';

export function localBackgroundJobs(deps: AppDeps, _options: { outboxDir: string }): { dailyJobs: DailyJob[]; onDeadline: DeadlineHandler } {
  return {
    dailyJobs: [],
    onDeadline: async (schedule) => {
      deps.logger.warn('no handler for deadline kind', { kind: schedule.target.kind, name: schedule.name });
    },
  };
}
