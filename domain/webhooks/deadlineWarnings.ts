/**
 * Which deadline event a duty's open task calls for at a moment: the sweep (daily) and the
 * one-time schedules (exact moments) ask this, then record the warning once per (task,
 * threshold) with a conditional write. Each kind of duty has its own clock: a data-subject
 * request warns 3 days and 1 day ahead, the incident report 24 h and 6 h ahead, a recurring
 * review 7 days ahead; every kind warns once it is missed or overdue.
 */
import { addDays, zonedInstant, type IsoDate } from '../shared/isoDate';
import type { DeadlinePayload, WebhookEventType } from './eventCatalog';

type Threshold = DeadlinePayload['threshold'];

interface DeadlineClock {
  approaching: WebhookEventType | null;
  /** Longest first. */
  thresholds: readonly (readonly [Threshold, number])[];
  missed: WebhookEventType | null;
  missedThreshold: 'missed' | 'overdue';
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const dsrClock: DeadlineClock = { approaching: 'deadline.approaching', thresholds: [['3d', 3 * DAY], ['1d', DAY]], missed: 'deadline.missed', missedThreshold: 'missed' };

/** Duty kinds as the areas name them (functions/<area>/*Deadlines.ts). */
const clocks: Record<string, DeadlineClock> = {
  dataSubjectRequestDecision: dsrClock,
  dataSubjectRequestMarketingStop: dsrClock,
  dataSubjectRequestAccuracyDispute: dsrClock,
  incidentAuthorityNotification: { approaching: 'incident.regulatorDeadline.approaching', thresholds: [['24h', 24 * HOUR], ['6h', 6 * HOUR]], missed: 'incident.regulatorDeadline.missed', missedThreshold: 'missed' },
  vendorOversight: { approaching: null, thresholds: [], missed: 'vendorCheck.overdue', missedThreshold: 'overdue' },
  vendorCertificateExpiry: { approaching: 'vendorCertificate.expiring', thresholds: [['30d', 30 * DAY], ['7d', 7 * DAY]], missed: null, missedThreshold: 'overdue' },
  correctiveAction: { approaching: null, thresholds: [], missed: 'correctiveAction.overdue', missedThreshold: 'overdue' },
};
const recurringReview: DeadlineClock = { approaching: 'reviewTask.dueSoon', thresholds: [['7d', 7 * DAY]], missed: 'reviewTask.overdue', missedThreshold: 'overdue' };

export function deadlineClockOf(dutyKind: string): DeadlineClock {
  return clocks[dutyKind] ?? recurringReview;
}

/** The instant a task is due: its exact instant, or the end of its due date in the tenant's zone. */
export function dueInstantOf(dueDate: IsoDate, dueAt: string | null | undefined, timeZone: string): Date {
  return new Date(dueAt ?? zonedInstant(addDays(dueDate, 1), '00:00', timeZone));
}

/** The most urgent warning reached at `now` (null when none is due yet). */
export function deadlineWarningAt(dutyKind: string, due: Date, now: Date): { type: WebhookEventType; threshold: Threshold } | null {
  const clock = deadlineClockOf(dutyKind);
  const left = due.getTime() - now.getTime();
  if (left <= 0) return clock.missed ? { type: clock.missed, threshold: clock.missedThreshold } : null;
  if (!clock.approaching) return null;
  let reached: Threshold | null = null;
  for (const [threshold, window] of clock.thresholds) if (left <= window) reached = threshold;
  return reached ? { type: clock.approaching, threshold: reached } : null;
}
