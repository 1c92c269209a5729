/**
 * From the approved plan's frequencies to the review pipeline's duties. The plan's duty ids
 * (firewallRuleReview:officeEnvironment) become the duty kinds, because the same measure can run
 * at different speeds for hosted services (§7(1)) and the office (§7(3)) and the reviews area
 * keys a duty by kind + subject: with the bare kind the second scope would be dropped.
 */
import type { PlanDuty, TeamRole } from '../../domain/plan';
import { defaultPlanDuties, planDuties, teamRoleLabels } from '../../domain/plan';
import { complianceRoleLabels, type DutyDefinition } from '../../domain/reviews/duty';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { LocalizedText } from '../../domain/shared/localizedText';
import { mutationScopeOf, type TenantCommandContext } from '../application/commandContext';
import { syncDuties } from '../reviews/dutySync';
import type { TableRef } from '../store/tableRef';
import type { StoredPlanVersion } from './planEntities';
import { toVersionSummary } from './planModel';
import { loadApprovedVersion, toDomainVersion } from './planStore';

/**
 * The plan names team roles as in its §1 chart; the reviews area routes reminders by its own
 * role names for the same people (個資管理專職人員 = privacyOfficer).
 */
export const reviewRoleOf: Record<TeamRole, string> = {
  convener: 'convener',
  dedicatedOfficer: 'privacyOfficer',
  securityLead: 'securityLead',
  unitOfficer: 'unitPrivacyOfficer',
  member: 'member',
};

const scopeLabels: Record<NonNullable<PlanDuty['scope']>, LocalizedText> = {
  hostedServices: { zhTW: '代管及雲端服務', en: 'hosted services' },
  officeEnvironment: { zhTW: '辦公環境', en: 'office environment' },
};

export function scopedTitle(duty: PlanDuty): LocalizedText {
  if (!duty.scope) return duty.title;
  const scope = scopeLabels[duty.scope];
  return { zhTW: `${duty.title.zhTW}（${scope.zhTW}）`, en: `${duty.title.en} (${scope.en})` };
}

export function ownerRoleLabel(role: TeamRole): LocalizedText {
  return complianceRoleLabels[reviewRoleOf[role]] ?? teamRoleLabels[role];
}

/**
 * Owners go by role: the plan records names and titles but no e-mail addresses, and the reviews
 * area needs an address to remind a named person.
 */
export function planDutyDefinitions(duties: readonly PlanDuty[]): DutyDefinition[] {
  return duties.map((duty) => ({
    dutyKind: duty.dutyId,
    title: scopedTitle(duty),
    legalBasis: duty.legalBasis,
    frequency: duty.frequency,
    ownerRole: reviewRoleOf[duty.ownerRole],
  }));
}

/**
 * Brings the review duties in line with an approved version. The duties go in their own audited
 * batches (a plan can list more duties than one transaction holds), through the reviews area.
 */
export async function syncPlanDuties(context: TenantCommandContext, approved: StoredPlanVersion, asOf: IsoDate) {
  const duties = planDuties(toDomainVersion(approved).content);
  return syncDuties(mutationScopeOf(context), planDutyDefinitions(duties), { asOf, source: 'plan', retireFrom: ['plan', 'default'] });
}

/** GET /v1/plan/duties: the approved plan's duties, or the defaults before any approval. */
export async function planDutiesReport(table: TableRef) {
  const approved = await loadApprovedVersion(table);
  const duties = approved ? planDuties(toDomainVersion(approved).content) : defaultPlanDuties();
  return {
    source: approved ? ('plan' as const) : ('default' as const),
    planVersion: approved ? { versionNumber: approved.versionNumber, label: toVersionSummary(approved).label } : null,
    items: duties.map((duty) => ({
      dutyId: duty.dutyId,
      dutyKind: duty.dutyKind,
      ...(duty.scope ? { scope: duty.scope } : {}),
      title: scopedTitle(duty),
      frequency: duty.frequency,
      frequencyLabelZh: duty.frequencyLabelZh,
      ownerRole: duty.ownerRole,
      ownerRoleLabel: ownerRoleLabel(duty.ownerRole),
      ...(duty.owner ? { owner: duty.owner } : {}),
      legalBasis: duty.legalBasis,
      sourcePath: duty.sourcePath,
    })),
  };
}
