/**
 * Dashboard figures for data-subject requests at `now`. "Due within 3 days" and "overdue" look
 * at the open duties of open requests: Art. 13 decisions, the Art. 20 ¶2 marketing stop and the
 * Art. 11 ¶2 stop-or-justify duty of disputed data.
 */
import { daysBetween, zonedDateOf } from '../shared/isoDate';
import { openDuties, terminalStatuses, type DataSubjectRequest } from './dataSubjectRequest';
import { requestTypes, type RequestType } from './requestTypes';

export interface DataSubjectRequestStatistics {
  /** Requests neither closed nor withdrawn. */
  openCount: number;
  /** Open requests with an open duty due today or within the next 3 local calendar days. */
  dueWithin3Days: number;
  /** Open requests with an open duty whose deadline has passed. */
  overdue: number;
  /** Median local calendar days from receipt to decision, per type; null when none decided. */
  medianDaysToDecision: Record<RequestType, number | null>;
  /** Decided items that were decided after their deadline, per type. */
  decidedLate: Record<RequestType, number>;
}

export const DUE_SOON_DAYS = 3;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function dataSubjectRequestStatistics(requests: readonly DataSubjectRequest[], now: string): DataSubjectRequestStatistics {
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new RangeError(`Not an ISO instant: ${now}`);
  let openCount = 0;
  let dueWithin3Days = 0;
  let overdue = 0;
  const durations = Object.fromEntries(requestTypes.map((type) => [type, [] as number[]])) as Record<RequestType, number[]>;
  const decidedLate = Object.fromEntries(requestTypes.map((type) => [type, 0])) as Record<RequestType, number>;

  for (const request of requests) {
    const { timeZone } = request.periodSettings;
    const receivedDate = zonedDateOf(request.receivedAt, timeZone);
    for (const item of request.items) {
      if (!item.decision) continue;
      durations[item.type].push(daysBetween(receivedDate, zonedDateOf(item.decision.decidedAt, timeZone)));
      if (item.decision.late) decidedLate[item.type] += 1;
    }
    if (terminalStatuses.includes(request.status)) continue;
    openCount += 1;
    const undecided = openDuties(request);
    if (undecided.some((deadline) => Date.parse(deadline.dueAt) < nowMs)) {
      overdue += 1;
      continue;
    }
    const today = zonedDateOf(new Date(nowMs), timeZone);
    if (undecided.some((deadline) => daysBetween(today, deadline.lastDay) <= DUE_SOON_DAYS)) dueWithin3Days += 1;
  }

  const medianDaysToDecision = Object.fromEntries(requestTypes.map((type) => [type, median(durations[type])])) as Record<RequestType, number | null>;
  return { openCount, dueWithin3Days, overdue, medianDaysToDecision, decidedLate };
}
