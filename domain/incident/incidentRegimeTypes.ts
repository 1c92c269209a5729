/** The shape of an incident regime (chosen in incidentRegime.ts, stored with the incident). */
import type { IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';

export type IncidentRegimeId = 'pdpa-2023' | 'pdpa-2025';

/** The report clock an incident runs on. */
export interface IncidentReportClock {
  hours: number;
  /** 知悉 / 發現: both start at the incident's discoveredAt (when the business learned of it). */
  clockStartsAt: 'learnedOf' | 'discovered';
  authority: LocalizedText;
  form: LocalizedText;
  legalBasis: LocalizedText;
  /** Where the clock comes from: the sector rule set version, or the amendment's configuration. */
  source: { kind: 'sectorRuleSet'; ruleSetVersionId: string } | { kind: 'pdpaAmendment2025' };
  /** True while a value it relies on is configuration, not published law (e.g. the scope). */
  provisional: boolean;
}

export interface FineRange {
  article: string;
  minNtd: number;
  maxNtd: number;
  description: LocalizedText;
}

export interface IncidentRegime {
  regimeId: IncidentRegimeId;
  /** Local (Asia/Taipei) date of discovery, compared with the effective date. */
  discoveredOn: IsoDate;
  /** The amendment's effective date as configured when the regime was chosen (null: unset). */
  amendmentEffectiveDate: IsoDate | null;
  /** The report to the authority; null when the incident is outside the reportable scope. */
  report: IncidentReportClock | null;
  subjectNotice: { timing: 'afterInvestigation' | 'withoutWaitingForInvestigation'; legalBasis: LocalizedText };
  /** Incident records kept for the authority's inspection (2025 amendment). */
  recordsKeptForInspection: boolean;
  fines: FineRange[];
  explanation: LocalizedText[];
}

