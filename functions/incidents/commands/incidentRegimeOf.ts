/**
 * The regime of an incident for this tenant: the tenant's sector rule set (its report hours,
 * clock start, authority and form) and the configured 2025 amendment, by discovery date. The
 * amendment configuration is operator data installed per request (functions/store/legalDataRecords.ts).
 */
import { currentPdpaAmendment2025, incidentRegimeFor, type IncidentFacts, type IncidentRegime, type PdpaAmendment2025Config } from '../../../domain/incident';
import { mainlandAffairsRuleSet, ruleSetVersionOn, sectorRuleSetFor, type PlanRuleSetVersion } from '../../../domain/plan/obligations';
import { zonedDateOf } from '../../../domain/shared/isoDate';
import type { TenantRecord } from '../../store/controlPlaneRecords';
import { tenantAuthority } from '../incidentDocuments';

/**
 * The tenant's rule set version in force on the discovery date. A regulation that is not
 * modelled (or none) falls back to the baseline rule set (Q0010012: 72 hours of discovery)
 * addressed to the tenant's own authority and form.
 */
export function sectorVersionFor(profile: Pick<TenantRecord, 'regulationPcode' | 'sector'>, discoveredAt: string): PlanRuleSetVersion {
  const discoveredOn = zonedDateOf(discoveredAt, 'Asia/Taipei');
  const modelled = profile.regulationPcode ? sectorRuleSetFor(profile.regulationPcode) : undefined;
  const version = modelled ? ruleSetVersionOn(modelled, discoveredOn) : undefined;
  if (version) return version;
  const baseline = ruleSetVersionOn(mainlandAffairsRuleSet, discoveredOn) ?? mainlandAffairsRuleSet.versions[0]!;
  const authority = tenantAuthority(profile);
  return {
    ...baseline,
    authority: authority.name,
    incidentNotification: { ...baseline.incidentNotification, form: { zhTW: authority.formName, en: authority.formName } },
  };
}

export function incidentRegimeOf(
  profile: Pick<TenantRecord, 'regulationPcode' | 'sector'>,
  facts: Pick<IncidentFacts, 'discoveredAt' | 'estimatedRecords' | 'endangersOperationsOrManySubjects' | 'kinds'>,
  amendment: PdpaAmendment2025Config = currentPdpaAmendment2025(),
): IncidentRegime {
  return incidentRegimeFor({ facts, sectorVersion: sectorVersionFor(profile, facts.discoveredAt), amendment });
}
