/**
 * A sector regulation's plan obligations as DATA. Each version carries the date it takes
 * effect, so an amended or new regulation (e.g. the 2025 PDPA amendment's sub-rules) is added
 * as one more entry, never as engine code.
 */
import type { Frequency } from '../../shared/frequency';
import type { IsoDate } from '../../shared/isoDate';
import type { LocalizedText } from '../../shared/localizedText';

export interface RuleCitation {
  regulation: string;
  article: string;
  paragraph?: string;
  topic: LocalizedText;
}

/** Who must have a plan at all. */
export type PlanApplicability =
  /** Every business in the sector (K0010162 Art. 3). */
  | { kind: 'allInSector' }
  /** Holding at least `records` personal data records on a single day (Q0010012 / J0030130 Art. 2). */
  | { kind: 'recordThreshold'; records: number; recordScope: 'allPersonalData' | 'consumerData' }
  /** Capital of at least `capitalNtd` (J0080062 Art. 3). */
  | { kind: 'capitalThreshold'; capitalNtd: number };

export interface PlanRuleSetVersion {
  regulation: string;
  versionId: string;
  name: LocalizedText;
  authority: LocalizedText;
  /** First day this version applies. */
  effectiveFrom: IsoDate;
  /** Last day it applies (inclusive); open-ended when absent. */
  effectiveUntil?: IsoDate;
  /** The regulation's entry into force; "自本辦法施行之日起" periods count from it. */
  inForceSince: IsoDate;
  applicability: PlanApplicability;
  adoption: {
    /** Months after entry into force for businesses already covered then. */
    monthsAfterInForce: number;
    /** Months after becoming covered later (crossing a threshold). */
    monthsAfterThresholdMet?: number;
  };
  /** A stricter periodic cycle for larger businesses (K0010162 Art. 18). */
  periodicCycle?: {
    frequency: Frequency;
    capitalNtd?: number;
    records?: number;
    /** A business that meets a condition after entry into force starts this many months later. */
    monthsAfterConditionMet: number;
  };
  /** Stopping after a sustained drop below the record threshold, and resuming. */
  suspension?: {
    belowRecords: number;
    consecutiveYears: number;
    resumeWithinDays: number;
    /** What may stop: the whole plan (Q0010012, J0030130) or only the periodic cycle (K0010162). */
    suspends: 'plan' | 'periodicCycle';
  };
  /**
   * The incident report to the authority: its period in hours (a period in hours runs from the
   * moment, Civil Code Art. 120 ¶1), when the clock starts (知悉 learnedOf / 發現 discovered:
   * both are the incident's discoveredAt, the moment the business learned of it), and the form
   * the regulation prescribes. The authority is the version's `authority`.
   */
  incidentNotification: { hours: number; clockStartsAt: 'learnedOf' | 'discovered'; form: LocalizedText };
  recordKeepingYears: number;
  /** A fixed plan-review frequency set by the regulation itself (J0080062 Art. 17). */
  planReviewFrequency?: Frequency;
  citations: {
    applicability: RuleCitation;
    adoption: RuleCitation;
    periodicCycle?: RuleCitation;
    suspension?: RuleCitation;
    incidentNotification: RuleCitation;
    recordKeeping: RuleCitation;
    planReview?: RuleCitation;
  };
}

export interface PlanRuleSet {
  regulation: string;
  versions: readonly PlanRuleSetVersion[];
}

/** The version in force on `date`: the latest effectiveFrom ≤ date whose effectiveUntil has not passed. */
export function ruleSetVersionOn(ruleSet: PlanRuleSet, date: IsoDate): PlanRuleSetVersion | undefined {
  return [...ruleSet.versions]
    .filter((v) => v.effectiveFrom <= date && (v.effectiveUntil === undefined || date <= v.effectiveUntil))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0))[0];
}
