/**
 * The notification clocks. The report period is a period in hours, which runs from the moment
 * (Civil Code Art. 120 ¶1): discoveredAt + exactly `hours` × 3,600 s, with no rounding to the
 * end of a day. Taiwan has kept UTC+8 without daylight saving since 1979, so no local-time
 * correction applies.
 *
 * The hours come from the incident's regime (incidentRegime.ts), chosen when the incident was
 * recorded from the tenant's rule set and the configured 2025 amendment; they are not a
 * constant here. An incident stored before regimes were recorded has none and runs on
 * LEGACY_REPORT_HOURS, the 72 hours every modelled regulation set then.
 */
import { fail, ok, type Outcome } from '../shared/outcome';
import type { IncidentErrorCode } from './errors';
import type { Incident, IncidentFacts } from './incident';
import type { IncidentRegime } from './incidentRegimeTypes';

export const HOUR_MS = 3_600_000;
/** Only for incidents recorded before the regime was stored with them (see above). */
export const LEGACY_REPORT_HOURS = 72;
/** @deprecated the clock comes from the incident's regime; kept for callers not yet moved. */
export const REGULATOR_DEADLINE_HOURS = LEGACY_REPORT_HOURS;
/** Seed 000 §5(2)1 note: when the media already reported it, report within 24 hours (advice, not law). */
export const MEDIA_ADVISED_HOURS = 24;

/** An incident, or just its discovery instant (an incident without a stored regime). */
export type ClockSource = string | { discoveredAt: string; regime?: IncidentRegime | null };

function instant(ms: number): string {
  return new Date(ms).toISOString();
}

function discoveredAtOf(source: ClockSource): string {
  return typeof source === 'string' ? source : source.discoveredAt;
}

/** The report period in hours of this incident: its regime's, else the legacy 72. */
export function reportHoursOf(source: ClockSource): number {
  return typeof source === 'string' ? LEGACY_REPORT_HOURS : (source.regime?.report?.hours ?? LEGACY_REPORT_HOURS);
}

export function regulatorDeadline(source: ClockSource): string {
  return instant(Date.parse(discoveredAtOf(source)) + reportHoursOf(source) * HOUR_MS);
}

type MediaFacts = Pick<IncidentFacts, 'discoveredAt' | 'mediaReported' | 'mediaReportedAt'> & { regime?: IncidentRegime | null };

/**
 * Advised deadline when the incident is in the news: 24 h from when we learned of it, or from the
 * media report if that came later, never after the legal deadline. Null when not media-reported.
 */
export function advisedDeadline(incident: MediaFacts): string | null {
  if (!incident.mediaReported) return null;
  const discovered = Date.parse(incident.discoveredAt);
  const reported = incident.mediaReportedAt === undefined ? discovered : Date.parse(incident.mediaReportedAt);
  const advised = Math.max(discovered, reported) + MEDIA_ADVISED_HOURS * HOUR_MS;
  return instant(Math.min(advised, Date.parse(regulatorDeadline(incident))));
}

export type ReminderKind = 'discovered' | 'advisedDeadline' | '24hLeft' | '6hLeft' | 'deadline';

export interface Reminder {
  at: string;
  kind: ReminderKind;
}

/** Reminder moments for the regulator report: at discovery, 24 h left, 6 h left, at the deadline (+ the media advice). */
export function notificationReminders(incident: MediaFacts): Reminder[] {
  const deadline = Date.parse(regulatorDeadline(incident));
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
export function pendingReminders(incident: Pick<Incident, 'discoveredAt' | 'mediaReported' | 'mediaReportedAt' | 'timeline' | 'status' | 'regime'>, now: string): Reminder[] {
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

export function notificationTiming(source: ClockSource, notifiedAt: string): NotificationTiming {
  const discoveredAt = discoveredAtOf(source);
  const deadline = regulatorDeadline(source);
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
