/**
 * Which incident regime applies to an incident, as data:
 * - `pdpa-2023`: PDPA as amended 2023 (Art. 12: notify data subjects after investigating) with
 *   the tenant's sector regulation for the report to the authority (its hours, clock start,
 *   authority and form, from the tenant's plan rule set).
 * - `pdpa-2025`: the amendment promulgated 2025-11-11, in force on the date the Executive Yuan
 *   sets. Data subjects are notified without waiting for the investigation; the incident is
 *   reported to the Personal Data Protection Commission (個人資料保護委員會) when it falls
 *   within the reportable scope its sub-rules define; incident records are kept for inspection;
 *   new fine ranges. Everything not yet announced (the effective date, the scope, the time limit,
 *   the form, the fines) is operator configuration, unset until published.
 *
 * The regime is chosen once, by when the incident was discovered (local Taipei date) against
 * the configured effective date, and stored with the incident: an incident discovered before
 * the effective date keeps its regime. Changing regime is data (the configuration), not code.
 */
import { z } from 'zod';
import type { PlanRuleSetVersion } from '../plan/obligations/ruleSet';
import { isIsoDate, zonedDateOf } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { incidentKinds, type IncidentFacts } from './incident';
import type { IncidentRegime, IncidentReportClock } from './incidentRegimeTypes';

export type { FineRange, IncidentRegime, IncidentRegimeId, IncidentReportClock } from './incidentRegimeTypes';

const localized = z.object({ zhTW: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) }).strict();

/** Operator configuration of the 2025 amendment (PUT /v1/platform/legal-regimes/pdpa-2025-amendment). */
export const pdpaAmendment2025ConfigSchema = z
  .object({
    effectiveDate: z
      .string()
      .refine(isIsoDate, { message: 'Expected a calendar date YYYY-MM-DD' })
      .refine((date) => date >= '2025-11-11', { message: 'Cannot take effect before its promulgation on 2025-11-11' })
      .nullable()
      .describe('Set by the Executive Yuan; null until announced'),
    commissionReport: z
      .object({
        hours: z.number().int().min(1).max(720).nullable().describe('Time limit of the report to the Commission; null until the sub-rules are published'),
        reportableScope: z
          .object({
            minAffectedRecords: z.number().int().min(1).nullable().describe('Reportable from this many affected records (general + special)'),
            anySpecialCategoryRecords: z.boolean().describe('Reportable when any PDPA Art. 6 record is affected'),
            endangersOperationsOrManySubjects: z.boolean().describe('Reportable when it endangers operations or many data subjects'),
            kinds: z.array(z.enum(incidentKinds)).max(incidentKinds.length).describe('Reportable kinds'),
          })
          .strict()
          .nullable()
          .describe('The sub-rules’ reportable scope; null until published (then every incident is treated as reportable)'),
        form: localized.nullable().describe('The prescribed form, once published'),
      })
      .strict(),
    fines: z
      .array(z.object({ article: z.string().trim().min(1).max(40), minNtd: z.number().int().min(0), maxNtd: z.number().int().min(1), description: localized }).strict().refine((f) => f.minNtd <= f.maxNtd, { message: 'minNtd must not exceed maxNtd', path: ['minNtd'] }))
      .max(30)
      .describe('The amended fine ranges, as published'),
    source: z.string().trim().min(1).max(500).nullable().describe('Where the configured values come from'),
  })
  .strict()
  .describe('Configuration of the 2025 PDPA amendment (unset values are not yet announced)');
export type PdpaAmendment2025Config = z.infer<typeof pdpaAmendment2025ConfigSchema>;

export const unsetPdpaAmendment2025: PdpaAmendment2025Config = {
  effectiveDate: null,
  commissionReport: { hours: null, reportableScope: null, form: null },
  fines: [],
  source: null,
};

export const PERSONAL_DATA_PROTECTION_COMMISSION: LocalizedText = { zhTW: '個人資料保護委員會', en: 'Personal Data Protection Commission' };

/** Incidents are dated in Taiwan time: the amendment takes effect on a Taiwan calendar day. */
const REGIME_TIME_ZONE = 'Asia/Taipei';

/** The sector report clock, straight from the tenant's rule set version. */
export function sectorReportClock(version: PlanRuleSetVersion): IncidentReportClock {
  const rule = version.incidentNotification;
  const citation = version.citations.incidentNotification;
  return {
    hours: rule.hours,
    clockStartsAt: rule.clockStartsAt,
    authority: version.authority,
    form: rule.form,
    legalBasis: {
      zhTW: `${citation.regulation} 第${citation.article}條${citation.paragraph ? `第${citation.paragraph}項` : ''}：${citation.topic.zhTW}`,
      en: `${citation.regulation} Art. ${citation.article}${citation.paragraph ? ` ¶${citation.paragraph}` : ''}: ${citation.topic.en}`,
    },
    source: { kind: 'sectorRuleSet', ruleSetVersionId: version.versionId },
    provisional: false,
  };
}

function withinReportableScope(facts: Pick<IncidentFacts, 'estimatedRecords' | 'endangersOperationsOrManySubjects' | 'kinds'>, scope: NonNullable<PdpaAmendment2025Config['commissionReport']['reportableScope']>): boolean {
  const total = facts.estimatedRecords.general + facts.estimatedRecords.special;
  return (
    (scope.minAffectedRecords !== null && total >= scope.minAffectedRecords) ||
    (scope.anySpecialCategoryRecords && facts.estimatedRecords.special > 0) ||
    (scope.endangersOperationsOrManySubjects && facts.endangersOperationsOrManySubjects) ||
    facts.kinds.some((kind) => scope.kinds.includes(kind))
  );
}

export interface IncidentRegimeInput {
  facts: Pick<IncidentFacts, 'discoveredAt' | 'estimatedRecords' | 'endangersOperationsOrManySubjects' | 'kinds'>;
  /** The tenant's sector rule set version in force on the discovery date. */
  sectorVersion: PlanRuleSetVersion;
  amendment: PdpaAmendment2025Config;
}

/** The regime of an incident: by its discovery date against the configured effective date. */
export function incidentRegimeFor(input: IncidentRegimeInput): IncidentRegime {
  const { facts, sectorVersion, amendment } = input;
  const discoveredOn = zonedDateOf(facts.discoveredAt, REGIME_TIME_ZONE);
  const sector = sectorReportClock(sectorVersion);
  const effective = amendment.effectiveDate;
  if (effective === null || discoveredOn < effective) {
    return {
      regimeId: 'pdpa-2023',
      discoveredOn,
      amendmentEffectiveDate: effective,
      report: sector,
      subjectNotice: {
        timing: 'afterInvestigation',
        legalBasis: { zhTW: '個人資料保護法第12條：查明後以適當方式通知當事人', en: 'PDPA Art. 12: notify the data subjects by appropriate means after investigating' },
      },
      recordsKeptForInspection: false,
      fines: [],
      explanation: [
        effective === null
          ? { zhTW: '2025年修正條文施行日尚未公布，適用現行規定', en: 'The effective date of the 2025 amendment is not yet announced: the current rules apply' }
          : { zhTW: `事故發現日 ${discoveredOn} 早於2025年修正條文施行日 ${effective}，適用修正前規定`, en: `Discovered on ${discoveredOn}, before the 2025 amendment took effect on ${effective}: the earlier rules apply` },
        { zhTW: `通報${sector.authority.zhTW}：${sector.hours}小時內（${sector.legalBasis.zhTW}）`, en: `Report to the ${sector.authority.en} within ${sector.hours} hours (${sector.legalBasis.en})` },
      ],
    };
  }
  const config = amendment.commissionReport;
  const scope = config.reportableScope;
  const reportable = scope === null || withinReportableScope(facts, scope);
  const provisional = scope === null || config.hours === null || config.form === null;
  const report: IncidentReportClock | null = reportable
    ? {
        // Until the Commission's time limit is published, the sector regulation's limit is the nearest rule in force.
        hours: config.hours ?? sector.hours,
        clockStartsAt: config.hours === null ? sector.clockStartsAt : 'learnedOf',
        authority: PERSONAL_DATA_PROTECTION_COMMISSION,
        form: config.form ?? sector.form,
        legalBasis: { zhTW: '個人資料保護法（2025年11月11日修正公布）：事故通報個人資料保護委員會', en: 'PDPA as amended (promulgated 2025-11-11): report the incident to the Personal Data Protection Commission' },
        source: { kind: 'pdpaAmendment2025' },
        provisional,
      }
    : null;
  const explanation: LocalizedText[] = [
    { zhTW: `事故發現日 ${discoveredOn} 在2025年修正條文施行日 ${effective} 以後，適用修正後規定`, en: `Discovered on ${discoveredOn}, on or after the 2025 amendment took effect on ${effective}: the amended rules apply` },
    { zhTW: '毋須待查明即應通知當事人', en: 'Notify the data subjects without waiting for the investigation' },
    reportable
      ? { zhTW: `通報個人資料保護委員會：${report!.hours}小時內${provisional ? '（暫定：範圍、時限或格式尚待子法公布）' : ''}`, en: `Report to the Personal Data Protection Commission within ${report!.hours} hours${provisional ? ' (provisional: scope, time limit or form awaits the sub-rules)' : ''}` }
      : { zhTW: '不屬子法所定應通報範圍', en: 'Outside the reportable scope of the sub-rules' },
    { zhTW: '事故紀錄應留存備查', en: 'Keep the incident records for inspection' },
  ];
  return {
    regimeId: 'pdpa-2025',
    discoveredOn,
    amendmentEffectiveDate: effective,
    report,
    subjectNotice: {
      timing: 'withoutWaitingForInvestigation',
      legalBasis: { zhTW: '個人資料保護法（2025年修正）：毋須待查明即通知當事人', en: 'PDPA as amended 2025: notify data subjects without waiting for the investigation' },
    },
    recordsKeptForInspection: true,
    fines: amendment.fines,
    explanation,
  };
}

let installedAmendment: PdpaAmendment2025Config = unsetPdpaAmendment2025;

/** The amendment configuration in effect (installed per request from the control plane). */
export function currentPdpaAmendment2025(): PdpaAmendment2025Config {
  return installedAmendment;
}

export function installPdpaAmendment2025(config: PdpaAmendment2025Config | null): void {
  installedAmendment = config ?? unsetPdpaAmendment2025;
}
