/**
 * The notification clocks. "72 hours" is a period in hours, which runs from the moment (Civil
 * Code Art. 120 ¶1): discoveredAt + exactly 72 × 3,600 s, with no rounding to the end of a day.
 * Taiwan has kept UTC+8 without daylight saving since 1979, so no local-time correction applies.
 */
import { fail, ok, type Outcome } from '../shared/outcome';
import type { IncidentErrorCode } from './errors';
import type { Incident, IncidentFacts } from './incident';

export const HOUR_MS = 3_600_000;
/** Q0010012 Art. 6 ¶2, K0010162 Art. 8 ¶2, J0030130: report within 72 hours of learning of it. */
export const REGULATOR_DEADLINE_HOURS = 72;
/** Seed 000 §5(2)1 note: when the media already reported it, report within 24 hours (advice, not law). */
export const MEDIA_ADVISED_HOURS = 24;

function instant(ms: number): string {
  return new Date(ms).toISOString();
}

export function regulatorDeadline(discoveredAt: string): string {
  return instant(Date.parse(discoveredAt) + REGULATOR_DEADLINE_HOURS * HOUR_MS);
}

/**
 * Advised deadline when the incident is in the news: 24 h from when we learned of it, or from the
 * media report if that came later, never after the legal deadline. Null when not media-reported.
 */
export function advisedDeadline(incident: Pick<IncidentFacts, 'discoveredAt' | 'mediaReported' | 'mediaReportedAt'>): string | null {
  if (!incident.mediaReported) return null;
  const discovered = Date.parse(incident.discoveredAt);
  const reported = incident.mediaReportedAt === undefined ? discovered : Date.parse(incident.mediaReportedAt);
  const advised = Math.max(discovered, reported) + MEDIA_ADVISED_HOURS * HOUR_MS;
  return instant(Math.min(advised, discovered + REGULATOR_DEADLINE_HOURS * HOUR_MS));
}

export type ReminderKind = 'discovered' | 'advisedDeadline' | '24hLeft' | '6hLeft' | 'deadline';

export interface Reminder {
  at: string;
  kind: ReminderKind;
}

/** Reminder moments for the regulator report: at discovery, 24 h left, 6 h left, at the deadline (+ the media advice). */
export function notificationReminders(incident: Pick<IncidentFacts, 'discoveredAt' | 'mediaReported' | 'mediaReportedAt'>): Reminder[] {
  const deadline = Date.parse(regulatorDeadline(incident.discoveredAt));
  const reminders: Reminder[] = [
    { at: instant(Date.parse(incident.discoveredAt)), kind: 'discovered' },
    { at: instant(deadline - 24 * HOUR_MS), kind: '24hLeft' },
    { at: instant(deadline - 6 * HOUR_MS), kind: '6hLeft' },
    { at: instant(deadline), kind: 'deadline' },
  ];
  const advised = advisedDeadline(incident);
  if (advised !== null) reminders.push({ at: advised, kind: 'advisedDeadline' });
  // Stable order: by time, then by the order above.
  const order: ReminderKind[] = ['discovered', 'advisedDeadline', '24hLeft', '6hLeft', 'deadline'];
  return reminders.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || order.indexOf(a.kind) - order.indexOf(b.kind));
}

/**
 * Reminders still to send at `now` (at ≥ now). None once the authority has been notified, the
 * report was ruled not applicable, or the incident is closed.
 */
export function pendingReminders(incident: Pick<Incident, 'discoveredAt' | 'mediaReported' | 'mediaReportedAt' | 'timeline' | 'status'>, now: string): Reminder[] {
  if (incident.status === 'closed' || incident.timeline.regulatorNotified !== undefined) return [];
  const at = Date.parse(now);
  return notificationReminders(incident).filter((r) => Date.parse(r.at) >= at);
}

export interface NotificationTiming {
  deadline: string;
  /** Notified at or before the deadline ("72 小時內" includes the bound). */
  withinDeadline: boolean;
  /** Hours (fractional) from discovery to notification. */
  hoursAfterDiscovery: number;
}

export function notificationTiming(discoveredAt: string, notifiedAt: string): NotificationTiming {
  const deadline = regulatorDeadline(discoveredAt);
  return {
    deadline,
    withinDeadline: Date.parse(notifiedAt) <= Date.parse(deadline),
    hoursAfterDiscovery: (Date.parse(notifiedAt) - Date.parse(discoveredAt)) / HOUR_MS,
  };
}

/** Taipei wall-clock time, e.g. "2025-03-01 09:30", for forms and notices (fixed UTC+8). */
export function formatTaipeiTime(value: string): string {
  const shifted = new Date(Date.parse(value) + 8 * HOUR_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** Instants may not lie in the future beyond a little clock skew between the caller and us. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** An instant the caller says already happened (`field` names it in the refusal). */
export function notInFuture(instant: string, now: Date, field: string): Outcome<string, IncidentErrorCode> {
  if (Date.parse(instant) > now.getTime() + CLOCK_SKEW_MS) {
    return fail('invalid', 'IN_THE_FUTURE', { zhTW: '時間不得晚於現在', en: 'The time cannot be in the future' }, { field });
  }
  return ok(instant);
}
