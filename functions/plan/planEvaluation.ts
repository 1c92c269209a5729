/**
 * What the plan is measured against: the tenant's sector regulation, the obligations its rule
 * set derives from capital and record-count history, and the completeness context built from
 * both. Completeness (GET …/completeness) and approval use the same function, so an approver
 * accepts exactly the gaps the check showed.
 */
import {
  BASELINE_REGULATION,
  canApprove,
  checkPlanCompleteness,
  computePlanObligations,
  modelledRegulations,
  planSectionTitles,
  ruleSetVersionOn,
  sectorRegulationFor,
  sectorRuleSetFor,
  type CompletenessContext,
  type PlanContent,
  type PlanGap,
  type PlanObligations,
} from '../../domain/plan';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { LocalizedText } from '../../domain/shared/localizedText';
import { tenantToday, type TenantCommandContext } from '../application/commandContext';
import { toVersionSummary, type RegulationView } from './planModel';
import { loadPlanTables } from './planTables';
import { loadRecordCountHistory, loadSettings, requireVersion, toDomainVersion } from './planStore';

/** What the plan is evaluated from: the tenant's table and its profile (sector, paid-in capital, time zone). */
type PlanSource = Pick<TenantCommandContext, 'table' | 'profile'>;

export function isModelled(pcode: string | null): boolean {
  return pcode !== null && (modelledRegulations as readonly string[]).includes(pcode) && sectorRuleSetFor(pcode) !== undefined;
}

export function describeRegulation(pcode: string | null, source: RegulationView['source'], revision: number): RegulationView {
  const index = pcode ? sectorRegulationFor(pcode) : undefined;
  const modelled = isModelled(pcode);
  return {
    pcode,
    name: index?.name ?? null,
    url: index?.url ?? null,
    source,
    modelled,
    completenessBasis: modelled ? pcode! : BASELINE_REGULATION,
    revision,
  };
}

export async function effectiveRegulation(tenant: PlanSource): Promise<RegulationView> {
  const settings = await loadSettings(tenant.table);
  // The plan's own choice wins; otherwise the regulation the tenant's sector maps to.
  if (settings?.regulationPcode) return describeRegulation(settings.regulationPcode, 'plan', settings.version);
  const fromProfile = tenant.profile.regulationPcode ?? null;
  return describeRegulation(fromProfile, fromProfile ? 'tenantProfile' : 'none', settings?.version ?? 0);
}

export interface ObligationsOutcome {
  computed: boolean;
  notice: LocalizedText | null;
  obligations: PlanObligations | null;
  inputs: { paidInCapital: number; recordCountEntries: number; latestRecordCount: { date: string; count: number } | null };
}

export async function obligationsFor(tenant: PlanSource, regulation: RegulationView, asOf: IsoDate): Promise<ObligationsOutcome> {
  const history = await loadRecordCountHistory(tenant.table, asOf);
  const latest = history.at(-1) ?? null;
  const inputs = { paidInCapital: tenant.profile.paidInCapital, recordCountEntries: history.length, latestRecordCount: latest };
  if (regulation.pcode === null) {
    return {
      computed: false,
      notice: {
        zhTW: '尚未選定適用之安全維護管理辦法，請以 PUT /v1/plan/regulation 指定。',
        en: 'No sector regulation is selected; choose one with PUT /v1/plan/regulation.',
      },
      obligations: null,
      inputs,
    };
  }
  const ruleSet = sectorRuleSetFor(regulation.pcode);
  if (!ruleSet) {
    const name = regulation.name ?? regulation.pcode;
    return {
      computed: false,
      notice: {
        zhTW: `「${name}」尚未建立義務規則，無法自動計算訂定期限及稽核頻率；請依該辦法條文自行確認。`,
        en: `No obligation rules are modelled for ${regulation.pcode}; deadlines and audit frequency are not computed — check the regulation's text.`,
      },
      obligations: null,
      inputs,
    };
  }
  if (!ruleSetVersionOn(ruleSet, asOf)) {
    return {
      computed: false,
      notice: {
        zhTW: `${asOf} 時「${regulation.name ?? regulation.pcode}」之現行條文尚未生效或未建模。`,
        en: `No modelled text of ${regulation.pcode} is in force on ${asOf}.`,
      },
      obligations: null,
      inputs,
    };
  }
  const obligations = computePlanObligations({ ruleSet, recordCountHistory: history, paidInCapital: tenant.profile.paidInCapital, asOf });
  return { computed: true, notice: null, obligations, inputs };
}

export interface CompletenessOutcome {
  gaps: PlanGap[];
  context: {
    inventoryItemCount: number | null;
    riskAssessmentCount: number | null;
    requiredAuditFrequency: PlanObligations['auditFrequency'];
    requiredReviewFrequency: PlanObligations['planReviewFrequency'];
    minimumRecordKeepingYears: number | null;
    maximumNotificationHours: number | null;
  };
  notes: LocalizedText[];
}

/** Gaps of `content` as of `asOf`, against the regulation and the obligations on that day. */
export async function completenessFor(tenant: PlanSource, regulation: RegulationView, content: PlanContent, asOf: IsoDate): Promise<CompletenessOutcome> {
  const [outcome, tables] = await Promise.all([obligationsFor(tenant, regulation, asOf), loadPlanTables(tenant.table)]);
  const obligations = outcome.obligations;
  const context: CompletenessContext = {
    regulation: regulation.completenessBasis,
    ...(tables.available ? { inventoryItemCount: tables.rows.inventory?.length ?? 0, riskAssessmentCount: tables.rows.risks?.length ?? 0 } : {}),
    ...(obligations?.auditFrequency ? { requiredAuditFrequency: obligations.auditFrequency } : {}),
    ...(obligations?.planReviewFrequency ? { requiredReviewFrequency: obligations.planReviewFrequency } : {}),
    ...(obligations ? { minimumRecordKeepingYears: obligations.recordKeepingYears, maximumNotificationHours: obligations.incidentNotificationHours } : {}),
  };
  const notes: LocalizedText[] = [];
  if (!regulation.modelled) {
    notes.push({
      zhTW: `適用辦法未建模，完整性依基準辦法 ${BASELINE_REGULATION} 逐條檢查。`,
      en: `The regulation is not modelled; completeness is checked article by article against the baseline ${BASELINE_REGULATION}.`,
    });
  }
  if (outcome.notice) notes.push(outcome.notice);
  if (!tables.available) {
    notes.push({
      zhTW: '尚無法讀取個資盤點及風險評估表，未檢查其是否為空。',
      en: 'The inventory and risk assessment tables are not available to the plan; whether they are empty was not checked.',
    });
  }
  return {
    gaps: checkPlanCompleteness(content, context),
    context: {
      inventoryItemCount: context.inventoryItemCount ?? null,
      riskAssessmentCount: context.riskAssessmentCount ?? null,
      requiredAuditFrequency: context.requiredAuditFrequency ?? null,
      requiredReviewFrequency: context.requiredReviewFrequency ?? null,
      minimumRecordKeepingYears: context.minimumRecordKeepingYears ?? null,
      maximumNotificationHours: context.maximumNotificationHours ?? null,
    },
    notes,
  };
}

/** GET …/completeness: the version's gaps today, and which of them its approval accepted. */
export async function completenessReport(context: PlanSource & Pick<TenantCommandContext, 'clock'>, versionNumber: number) {
  const stored = await requireVersion(context.table, versionNumber);
  const version = toDomainVersion(stored);
  const today = tenantToday(context);
  const regulation = await effectiveRegulation(context);
  const outcome = await completenessFor(context, regulation, version.content, today);
  const accepted = version.approval?.acceptedGaps ?? [];
  const unaccepted = new Set(canApprove(outcome.gaps, accepted).unacceptedGaps);
  return {
    versionNumber: stored.versionNumber,
    label: toVersionSummary(stored).label,
    status: stored.status,
    checkedOn: today,
    regulation,
    context: outcome.context,
    complete: outcome.gaps.length === 0,
    approvable: unaccepted.size === 0,
    gapCount: outcome.gaps.length,
    gaps: outcome.gaps.map((gap) => ({ ...gap, sectionTitle: planSectionTitles[gap.section], acceptedAtApproval: !unaccepted.has(gap) })),
    notes: outcome.notes,
  };
}

/** GET /v1/plan/obligations: the obligations on `asOf`, or why they cannot be computed. */
export async function obligationsReport(context: PlanSource, asOf: IsoDate) {
  const regulation = await effectiveRegulation(context);
  const outcome = await obligationsFor(context, regulation, asOf);
  return { asOf, regulation, computed: outcome.computed, notice: outcome.notice, inputs: outcome.inputs, obligations: outcome.obligations };
}
