/**
 * Which approved plan versions were in force during a period. A version takes effect when it is
 * approved (`approval.approvedAt`: the plan has no separate effective date — approval by the
 * representative or a person they authorise is what puts it in force, K0010162 Art. 5 ¶2) and
 * stops when the next approval supersedes it (`supersededAt`). Drafts, submitted and rejected
 * versions were never in force.
 */
import { compareIsoDate, zonedDateOf } from '../shared/isoDate';
import type { PlanVersion } from '../plan/planVersion';
import type { InspectionPackPeriod } from './job';

export type PlanVersionDates = Pick<PlanVersion, 'versionNumber' | 'status' | 'supersededAt'> & { approval?: Pick<NonNullable<PlanVersion['approval']>, 'approvedAt'> };

export interface PlanVersionInForce {
  versionNumber: number;
  /** First and last calendar day (tenant time) it was in force within the period. */
  from: string;
  to: string;
  /** In force on the period's last day: the version the inspection meets first. */
  inForceAtPeriodEnd: boolean;
}

/** The versions in force on at least one day of the period, oldest first. */
export function planVersionsInForce(versions: readonly PlanVersionDates[], period: InspectionPackPeriod, timeZone: string): PlanVersionInForce[] {
  const result: PlanVersionInForce[] = [];
  for (const version of versions) {
    if ((version.status !== 'approved' && version.status !== 'superseded') || !version.approval) continue;
    const effective = zonedDateOf(version.approval.approvedAt, timeZone);
    // Superseded versions without a supersededAt cannot be placed in time: left out rather than guessed.
    if (version.status === 'superseded' && !version.supersededAt) continue;
    const ended = version.supersededAt ? zonedDateOf(version.supersededAt, timeZone) : undefined;
    if (compareIsoDate(effective, period.to) > 0) continue;
    if (ended !== undefined && compareIsoDate(ended, period.from) < 0) continue;
    const from = compareIsoDate(effective, period.from) > 0 ? effective : period.from;
    const to = ended !== undefined && compareIsoDate(ended, period.to) < 0 ? ended : period.to;
    // A version superseded on the period's last day was still in force that morning; the one approved that day is the one in force at the end.
    result.push({ versionNumber: version.versionNumber, from, to, inForceAtPeriodEnd: ended === undefined || compareIsoDate(ended, period.to) > 0 });
  }
  return result.sort((a, b) => a.versionNumber - b.versionNumber);
}
