/**
 * The ports commands are given (ports and adapters): the clock, the deadline scheduler, the
 * logger. Local (`functions/local/`) and AWS (`functions/runtime/`) wire different adapters.
 */

/** A one-time deadline (EventBridge Scheduler `at(...)` in AWS, the local scheduler locally). */
export interface DeadlineSchedule {
  name: string;
  tenantId: string;
  at: string;
  target: { kind: string; resourceId: string; detail?: Record<string, unknown> };
}

export interface DeadlineScheduler {
  upsert(schedule: DeadlineSchedule): Promise<void>;
  remove(name: string): Promise<void>;
}

export interface StructuredLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
