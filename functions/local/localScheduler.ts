/**
 * The local stand-in for EventBridge Scheduler: a daily job at a wall-clock time in a time zone
 * (the review sweep, 09:00 Asia/Taipei) and the one-time deadline schedules stored by
 * LocalDeadlineScheduler. Jobs are registered by the areas that own them.
 */
import { zonedDateOf, zonedInstant } from '../../domain/shared/isoDate';
import type { DeadlineSchedule, StructuredLogger } from '../http/appDeps';
import type { LocalDeadlineScheduler } from './localDeadlineScheduler';

export interface DailyJob {
  name: string;
  /** HH:mm wall-clock time. */
  at: string;
  timeZone: string;
  run(asOf: Date): Promise<void>;
}

export type DeadlineHandler = (schedule: DeadlineSchedule, firedAt: Date) => Promise<void>;

export interface LocalSchedulerOptions {
  deadlines: LocalDeadlineScheduler;
  dailyJobs: DailyJob[];
  onDeadline: DeadlineHandler;
  /** Jobs run on every tick (the webhook drainer), like a one-minute EventBridge schedule. */
  frequentJobs?: { name: string; run(now: Date): Promise<unknown> }[];
  logger: StructuredLogger;
  clock?: () => Date;
  pollMs?: number;
}

export function startLocalScheduler(options: LocalSchedulerOptions): { stop(): void; tick(): Promise<void> } {
  const clock = options.clock ?? (() => new Date());
  const lastRunDate = new Map<string, string>();
  let inFlight: Promise<void> | undefined;

  // Ticks never overlap: a tick requested while one runs waits for it, then runs itself.
  async function tick(): Promise<void> {
    while (inFlight) await inFlight;
    inFlight = runOnce().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  async function runOnce() {
    const now = clock();
    for (const job of options.dailyJobs) {
      const today = zonedDateOf(now, job.timeZone);
      const dueAt = new Date(zonedInstant(today, job.at, job.timeZone));
      if (now >= dueAt && lastRunDate.get(job.name) !== today) {
        lastRunDate.set(job.name, today);
        await job.run(now).catch((error: Error) => options.logger.error('daily job failed', { job: job.name, error: error.message }));
      }
    }
    for (const job of options.frequentJobs ?? []) {
      await job.run(now).catch((error: Error) => options.logger.error('frequent job failed', { job: job.name, error: error.message }));
    }
    for (const schedule of await options.deadlines.due(now)) {
      try {
        await options.onDeadline(schedule, now);
        // One-time schedules delete themselves after firing, like ActionAfterCompletion=DELETE.
        await options.deadlines.remove(schedule.name);
      } catch (error) {
        options.logger.error('deadline handler failed; will retry', { schedule: schedule.name, error: (error as Error).message });
      }
    }
  }

  const timer = setInterval(() => void tick(), options.pollMs ?? 15_000);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer), tick };
}
