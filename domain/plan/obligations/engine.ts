/**
 * Generic plan-obligations engine: given a rule set (data), the tenant's record-count history
 * and capital, and the date to evaluate, it says whether a plan is required and which deadlines
 * and frequencies apply. No regulation is named here; everything comes from the rule set.
 *
 * Counting (Civil Code Arts. 120–121): a period in days or months set "from" an event does not
 * count the event's day, and ends at the end of the day before the corresponding day of the
 * last month (or that month's last day when it has no corresponding day). Moving a deadline
 * off a rest day (Art. 122) is calendar configuration and left to the caller.
 *
 * Interpretations (documented, not in the text):
 * - A history entry's count holds from its date until the next entry; before the first entry
 *   the count is 0; a later entry for the same date replaces an earlier one.
 * - "連續二年期間未達五千筆" is two full years of every day below the threshold, counting the
 *   first day below; stopping is allowed from the day after those two years.
 * - Under K0010162 Art. 18 the record-count exception cannot lift the 12-month cycle while the
 *   capital condition alone still requires it (the conservative reading).
 * - When the capital date is unknown, capital at or above a threshold is taken as met since the
 *   regulation entered into force.
 */
import { z } from 'zod';
import type { Frequency } from '../../shared/frequency';
import { addDays, daysInMonth, formatIsoDate, isIsoDate, maxIsoDate, minIsoDate, parseIsoDate, type IsoDate } from '../../shared/isoDate';
import { ruleSetVersionOn, type PlanRuleSet, type PlanRuleSetVersion, type RuleCitation } from './ruleSet';

const isoDateSchema = z.string().refine(isIsoDate, 'Expected a calendar date YYYY-MM-DD');

export const recordCountObservationSchema = z
  .object({
    date: isoDateSchema.describe('Day the count was observed'),
    count: z.number().int().min(0).describe('Personal data records held that day'),
  })
  .strict();
export type RecordCountObservation = z.infer<typeof recordCountObservationSchema>;

export const planObligationsQuerySchema = z
  .object({
    regulation: z.string().min(1).max(20).describe('Sector regulation pcode, e.g. K0010162'),
    recordCountHistory: z.array(recordCountObservationSchema).max(10_000).describe('Single-day record counts'),
    paidInCapital: z.number().int().min(0).optional().describe('Paid-in (or registered) capital in NT$'),
    capitalThresholdReachedOn: isoDateSchema.optional().describe('When capital reached the threshold, if later'),
    asOf: isoDateSchema.describe('Date to evaluate'),
  })
  .strict();
export type PlanObligationsQuery = z.infer<typeof planObligationsQuerySchema>;

export interface PlanObligationsInput {
  ruleSet: PlanRuleSet | PlanRuleSetVersion;
  recordCountHistory: readonly RecordCountObservation[];
  paidInCapital?: number;
  capitalThresholdReachedOn?: IsoDate;
  asOf: IsoDate;
}

export interface PlanObligations {
  regulation: string;
  ruleSetVersionId: string;
  planRequired: boolean;
  /** When the business became covered (threshold met, or entry into force if already covered). */
  thresholdCrossedOn: IsoDate | null;
  adoptionDeadline: IsoDate | null;
  /** asOf is after the adoption deadline (the deadline day itself still counts as in time). */
  adoptionDeadlinePassed: boolean;
  /** From when the plan (or the periodic cycle) may be stopped; null when it may not. */
  suspensionAllowedSince: IsoDate | null;
  /** When stopping will become allowed if the count stays below the threshold. */
  suspensionEligibleOn: IsoDate | null;
  /** Last day to resume after the count came back over the threshold. */
  resumeDeadline: IsoDate | null;
  resumeDeadlinePassed: boolean;
  /** A frequency the regulation fixes for audits and reviews; null when the plan sets it. */
  auditFrequency: Frequency | null;
  /** When that periodic cycle starts. */
  periodicCycleStartsOn: IsoDate | null;
  planReviewFrequency: Frequency | null;
  incidentNotificationHours: number;
  recordKeepingYears: number;
  citations: RuleCitation[];
}

/**
 * The last day of a period of `months` months whose first counted day is `firstDay`
 * (Civil Code Art. 121 ¶2 with its proviso).
 */
export function civilPeriodLastDay(firstDay: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(firstDay);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDayOfTarget = daysInMonth(targetYear, targetMonth);
  if (day > lastDayOfTarget) return formatIsoDate(targetYear, targetMonth, lastDayOfTarget);
  return addDays(formatIsoDate(targetYear, targetMonth, day), -1);
}

/** "Within n months from event day D": D is not counted. */
export function monthsDeadlineFrom(eventDay: IsoDate, months: number): IsoDate {
  return civilPeriodLastDay(addDays(eventDay, 1), months);
}

/** "Within n days from event day D": D is not counted, so the last day is D + n. */
export function daysDeadlineFrom(eventDay: IsoDate, days: number): IsoDate {
  return addDays(eventDay, days);
}

interface RecordEpisodes {
  firstMetOn: IsoDate | null;
  belowSince: IsoDate | null;
  lastResumedOn: IsoDate | null;
}

/** Walks the count history from `start` to `asOf` against `threshold`, tracking drops and returns. */
function recordEpisodes(history: readonly RecordCountObservation[], threshold: number, start: IsoDate, asOf: IsoDate, years: number): RecordEpisodes {
  // A later entry for the same date corrects the earlier one.
  const byDate = new Map<IsoDate, number>();
  for (const e of history) if (e.date <= asOf) byDate.set(e.date, e.count);
  const sorted = [...byDate].map(([date, count]) => ({ date, count })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const countOn = (date: IsoDate) => sorted.filter((e) => e.date <= date).at(-1)?.count ?? 0;
  const events = start <= asOf ? [{ date: start, count: countOn(start) }, ...sorted.filter((e) => e.date > start)] : [];
  let firstMetOn: IsoDate | null = null;
  let belowSince: IsoDate | null = null;
  let lastResumedOn: IsoDate | null = null;
  for (const event of events) {
    const met = event.count >= threshold;
    if (met) {
      if (firstMetOn === null) firstMetOn = event.date;
      else if (belowSince !== null) {
        if (suspensionFrom(belowSince, years) <= event.date) lastResumedOn = event.date;
        belowSince = null;
      }
    } else if (firstMetOn !== null && belowSince === null) {
      belowSince = event.date;
    }
  }
  if (belowSince !== null && suspensionFrom(belowSince, years) <= asOf) lastResumedOn = null;
  return { firstMetOn, belowSince, lastResumedOn };
}

function suspensionFrom(belowSince: IsoDate, years: number): IsoDate {
  return addDays(civilPeriodLastDay(belowSince, years * 12), 1);
}

function resolveVersion(ruleSet: PlanRuleSet | PlanRuleSetVersion, asOf: IsoDate): PlanRuleSetVersion {
  if ('versions' in ruleSet) {
    const version = ruleSetVersionOn(ruleSet, asOf);
    if (!version) throw new RangeError(`No version of ${ruleSet.regulation} is in force on ${asOf}`);
    return version;
  }
  return ruleSet;
}

export function computePlanObligations(input: PlanObligationsInput): PlanObligations {
  const { asOf } = input;
  if (!isIsoDate(asOf)) throw new RangeError(`asOf is not a date: ${asOf}`);
  const rules = resolveVersion(input.ruleSet, asOf);
  const start = rules.inForceSince;
  const capital = input.paidInCapital ?? 0;
  const citations: RuleCitation[] = [rules.citations.applicability, rules.citations.adoption];

  const capitalThreshold = rules.applicability.kind === 'capitalThreshold' ? rules.applicability.capitalNtd : rules.periodicCycle?.capitalNtd;
  const capitalMetOn =
    capitalThreshold !== undefined && capital >= capitalThreshold ? maxIsoDate(input.capitalThresholdReachedOn ?? start, start) : null;

  const recordThreshold = rules.applicability.kind === 'recordThreshold' ? rules.applicability.records : (rules.suspension?.belowRecords ?? rules.periodicCycle?.records);
  const years = rules.suspension?.consecutiveYears ?? 2;
  const episodes =
    recordThreshold !== undefined
      ? recordEpisodes(input.recordCountHistory, recordThreshold, start, asOf, years)
      : { firstMetOn: null, belowSince: null, lastResumedOn: null };

  const adoptionFrom = (metOn: IsoDate) =>
    metOn <= start
      ? monthsDeadlineFrom(start, rules.adoption.monthsAfterInForce)
      : monthsDeadlineFrom(metOn, rules.adoption.monthsAfterThresholdMet ?? rules.adoption.monthsAfterInForce);

  // Suspension bookkeeping, shared by both kinds of suspension.
  const eligibleOn = rules.suspension && episodes.belowSince ? suspensionFrom(episodes.belowSince, years) : null;
  let suspensionAllowedSince = eligibleOn !== null && eligibleOn <= asOf ? eligibleOn : null;
  let suspensionEligibleOn = eligibleOn !== null && eligibleOn > asOf ? eligibleOn : null;
  let resumeDeadline = rules.suspension && episodes.lastResumedOn ? daysDeadlineFrom(episodes.lastResumedOn, rules.suspension.resumeWithinDays) : null;

  let planRequired: boolean;
  let thresholdCrossedOn: IsoDate | null;
  let adoptionDeadline: IsoDate | null;
  switch (rules.applicability.kind) {
    case 'allInSector':
      planRequired = true;
      thresholdCrossedOn = null;
      adoptionDeadline = monthsDeadlineFrom(start, rules.adoption.monthsAfterInForce);
      break;
    case 'recordThreshold':
      thresholdCrossedOn = episodes.firstMetOn;
      adoptionDeadline = episodes.firstMetOn ? adoptionFrom(episodes.firstMetOn) : null;
      planRequired = episodes.firstMetOn !== null && !(rules.suspension?.suspends === 'plan' && suspensionAllowedSince !== null);
      break;
    case 'capitalThreshold':
      thresholdCrossedOn = capitalMetOn;
      adoptionDeadline = capitalMetOn ? adoptionFrom(capitalMetOn) : null;
      planRequired = capitalMetOn !== null;
      break;
  }

  // The stricter periodic cycle (K0010162 Art. 18).
  let auditFrequency: Frequency | null = null;
  let periodicCycleStartsOn: IsoDate | null = null;
  const cycle = rules.periodicCycle;
  if (cycle && planRequired) {
    const recordsMetOn = cycle.records !== undefined ? episodes.firstMetOn : null;
    const recordsCurrentlyCount = recordsMetOn !== null && suspensionAllowedSince === null;
    const conditionMetOn = [capitalMetOn, recordsCurrentlyCount ? recordsMetOn : null]
      .filter((d): d is IsoDate => d !== null)
      .reduce<IsoDate | null>((earliest, d) => (earliest === null ? d : minIsoDate(earliest, d)), null);
    if (conditionMetOn !== null) {
      auditFrequency = cycle.frequency;
      // "自符合條件之日起六個月後" (K0010162 Art. 18 ¶2): the six months end on their last day
      // (Civil Code Art. 121 ¶2), and the cycle starts the day after, not on that last day.
      periodicCycleStartsOn = conditionMetOn <= start ? adoptionDeadline : addDays(monthsDeadlineFrom(conditionMetOn, cycle.monthsAfterConditionMet), 1);
      if (rules.applicability.kind === 'allInSector') thresholdCrossedOn = conditionMetOn;
      if (capitalMetOn !== null) {
        // Capital alone keeps the cycle; the record-count exception does not lift it.
        suspensionAllowedSince = null;
        suspensionEligibleOn = null;
        resumeDeadline = null;
      }
      if (rules.citations.periodicCycle) citations.push(rules.citations.periodicCycle);
    } else if (recordsMetOn !== null && rules.applicability.kind === 'allInSector') {
      thresholdCrossedOn = recordsMetOn;
    }
  }
  if (rules.suspension?.suspends === 'periodicCycle' && (!cycle || capitalMetOn !== null)) {
    suspensionAllowedSince = null;
    suspensionEligibleOn = null;
    resumeDeadline = null;
  }
  if (rules.citations.suspension && (suspensionAllowedSince || suspensionEligibleOn || resumeDeadline)) citations.push(rules.citations.suspension);

  const planReviewFrequency = rules.planReviewFrequency ?? auditFrequency;
  citations.push(rules.citations.incidentNotification, rules.citations.recordKeeping);
  if (rules.planReviewFrequency && rules.citations.planReview) citations.push(rules.citations.planReview);

  return {
    regulation: rules.regulation,
    ruleSetVersionId: rules.versionId,
    planRequired,
    thresholdCrossedOn,
    adoptionDeadline,
    adoptionDeadlinePassed: adoptionDeadline !== null && asOf > adoptionDeadline,
    suspensionAllowedSince,
    suspensionEligibleOn,
    resumeDeadline,
    resumeDeadlinePassed: resumeDeadline !== null && asOf > resumeDeadline,
    auditFrequency,
    periodicCycleStartsOn,
    planReviewFrequency,
    incidentNotificationHours: rules.incidentNotification.hours,
    recordKeepingYears: rules.recordKeepingYears,
    citations,
  };
}
