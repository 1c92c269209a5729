/**
 * Completeness of a plan version against the sector regulation's article-by-article
 * requirements. Q0010012 (seed 001) Arts. 3–15 are the baseline; each rule also names the
 * matching article of the other modelled regulations, and a rule with no article in the
 * selected regulation does not apply to it (e.g. the policy statement exists only in K0010162).
 * Rules are data (code, section, articles, message) plus a predicate; gaps are reported,
 * never thrown, and approval needs each remaining gap accepted with a reason.
 */
import { z } from 'zod';
import { frequencyInMonths, type Frequency } from '../shared/frequency';
import type { LocalizedText } from '../shared/localizedText';
import {
  isNotApplicable,
  partBody,
  planSectionKeys,
  planSectionTitles,
  sectionBody,
  trainingTopics,
  vendorContractClauses,
  type ItSecurityMeasures,
  type PlanContent,
  type PlanSectionKey,
  type Retention,
  type Schedule,
  type TeamRole,
} from './planContent';

export const modelledRegulations = ['Q0010012', 'K0010162', 'J0030130', 'J0080062'] as const;
export type ModelledRegulation = (typeof modelledRegulations)[number];
export const BASELINE_REGULATION: ModelledRegulation = 'Q0010012';

export interface ArticleCitation {
  /** pcode of the regulation in the national laws database. */
  regulation: string;
  article: string;
}

export interface PlanGap {
  code: PlanGapCode;
  article: ArticleCitation;
  section: PlanSectionKey;
  /** Dotted path into PlanContent, e.g. sections.incidentResponse.authorityNotification.authorityName */
  fieldPath: string;
  message: LocalizedText;
}

export interface CompletenessContext {
  /** Sector regulation the tenant falls under; unknown codes are checked against the baseline. */
  regulation?: string;
  /** Q0010012 Art. 9 / K0010162 Art. 11 ¶2 apply only to companies using information systems. */
  usesInformationSystems?: boolean;
  /** Rows in the data inventory (other module); 0 means an empty inventory. */
  inventoryItemCount?: number;
  /** Rows in the risk assessment (other module). */
  riskAssessmentCount?: number;
  /** The longest audit interval the obligations allow (e.g. 12 months under K0010162 Art. 18). */
  requiredAuditFrequency?: Frequency;
  /** The longest plan-review interval the obligations allow. */
  requiredReviewFrequency?: Frequency;
  /** Minimum record keeping; 5 years in every modelled regulation. */
  minimumRecordKeepingYears?: number;
  /** Hours within which the authority must be notified; 72 in every modelled regulation. */
  maximumNotificationHours?: number;
}

interface ResolvedContext {
  regulation: ModelledRegulation;
  citedRegulation: string;
  usesInformationSystems: boolean;
  inventoryItemCount?: number;
  riskAssessmentCount?: number;
  requiredAuditFrequency?: Frequency;
  requiredReviewFrequency?: Frequency;
  minimumRecordKeepingYears: number;
  maximumNotificationHours: number;
}

type Articles = Partial<Record<ModelledRegulation, string>>;

interface CompletenessRule {
  code: string;
  section: PlanSectionKey;
  articles: Articles;
  message: LocalizedText;
  appliesWhen?: (ctx: ResolvedContext) => boolean;
  /** The missing field paths (relative to the section); empty when satisfied. */
  missing: (content: PlanContent, ctx: ResolvedContext) => string[];
}

const filled = (value: string | undefined | null): boolean => typeof value === 'string' && value.trim().length > 0;
const filledList = (values: readonly string[] | undefined): boolean => (values ?? []).some(filled);
const need = (ok: boolean, path: string): string[] => (ok ? [] : [path]);
const hasSchedule = (schedule: Schedule | undefined): boolean => schedule !== undefined;
const longerThan = (schedule: Schedule | undefined, max: Frequency | undefined): boolean =>
  schedule !== undefined && max !== undefined && frequencyInMonths(schedule.frequency) > frequencyInMonths(max) + 1e-9;

/** IT measures count when either §7(1) hosted services or §7(3) office environment has them. */
function itParts(content: PlanContent): ItSecurityMeasures[] {
  const security = sectionBody(content, 'dataSecurity');
  return [partBody(security?.hostedServices), partBody(security?.officeEnvironment)].filter((p): p is ItSecurityMeasures => p !== undefined);
}
const itHas = (content: PlanContent, predicate: (part: ItSecurityMeasures) => boolean): boolean => itParts(content).some(predicate);
const IT_PATH = 'officeEnvironment';

/** Article numbers in Q0010012, K0010162, J0030130, J0080062; undefined = not required there. */
function arts(q?: string, k?: string, j3?: string, j8?: string): Articles {
  const result: Articles = {};
  if (q) result.Q0010012 = q;
  if (k) result.K0010162 = k;
  if (j3) result.J0030130 = j3;
  if (j8) result.J0080062 = j8;
  return result;
}
const usesIt = (ctx: ResolvedContext) => ctx.usesInformationSystems;
/** A role missing from a non-empty team (an empty team is already TEAM_MISSING). */
function teamLacks(content: PlanContent, role: TeamRole): string[] {
  const team = sectionBody(content, 'staffAndResources')?.team ?? [];
  return team.length > 0 && !team.some((m) => m.role === role) ? ['team'] : [];
}

function retentionTooShort(entries: Retention[], min: number, path: string): string[] {
  return entries.flatMap((entry, index) =>
    entry.periodYears !== undefined && entry.periodYears < min ? [`${path}.${index}.periodYears`] : [],
  );
}

/** One rule per requirement, in section order. */
const rules = [
  // §1 — Q0010012 Art. 3, K0010162 Art. 5, J0030130 Art. 3, J0080062 Arts. 4–5
  {
    code: 'TEAM_MISSING',
    section: 'staffAndResources',
    articles: arts('3', '5', '3', '5'),
    message: { zhTW: '未配置個資管理人員（個資小組）。', en: 'No data protection staff (team) is assigned.' },
    missing: (c) => need((sectionBody(c, 'staffAndResources')?.team ?? []).length > 0, 'team'),
  },
  {
    code: 'CONVENER_MISSING',
    section: 'staffAndResources',
    articles: arts('3', '5', '3'),
    message: { zhTW: '個資小組未指定總負責人（召集人）。', en: 'The team has no convener (overall lead).' },
    missing: (c) => teamLacks(c, 'convener'),
  },
  {
    code: 'DEDICATED_OFFICER_MISSING',
    section: 'staffAndResources',
    articles: arts('3', '5', '3', '5'),
    message: { zhTW: '未指定個資管理專責人員。', en: 'No dedicated data protection officer is designated.' },
    missing: (c) => teamLacks(c, 'dedicatedOfficer'),
  },
  {
    code: 'TEAM_MEMBER_INCOMPLETE',
    section: 'staffAndResources',
    articles: arts('3', '5', '3', '5'),
    message: { zhTW: '個資小組成員缺少職稱、姓名或工作職掌。', en: 'A team member lacks a title, name or duties.' },
    missing: (c) =>
      (sectionBody(c, 'staffAndResources')?.team ?? []).flatMap((m, i) =>
        filled(m.name) && filled(m.title) && filledList(m.duties) ? [] : [`team.${i}`],
      ),
  },
  {
    code: 'RESOURCES_MISSING',
    section: 'staffAndResources',
    articles: arts('3', '5', '3', '4'),
    message: { zhTW: '未載明配置之相當資源（預算）。', en: 'No resources (budget) are stated.' },
    missing: (c) =>
      need(
        (sectionBody(c, 'staffAndResources')?.budgets ?? []).some((b) => b.amountNtd !== undefined || filled(b.amountLabel)),
        'budgets',
      ),
  },
  // §2 — K0010162 Art. 4 (policy), contact points
  {
    code: 'POLICY_STATEMENTS_MISSING',
    section: 'policy',
    articles: arts(undefined, '4'),
    message: { zhTW: '未訂定對內公開周知之個人資料保護管理政策。', en: 'No internal data protection policy statements.' },
    missing: (c) => need(filledList(sectionBody(c, 'policy')?.statements), 'statements'),
  },
  {
    code: 'DATA_SUBJECT_CONTACT_MISSING',
    section: 'policy',
    articles: arts('7', '4', '7', '18'),
    message: {
      zhTW: '未設置供當事人行使權利、申訴與諮詢之聯絡窗口。',
      en: 'No contact point for data subjects to exercise rights, complain or enquire.',
    },
    missing: (c) => {
      const contact = sectionBody(c, 'policy')?.dataSubjectContact;
      return need(filled(contact?.email) || filled(contact?.phone), 'dataSubjectContact');
    },
  },
  {
    code: 'INCIDENT_CONTACT_MISSING',
    section: 'policy',
    articles: arts('6', '4', '6', '12'),
    message: { zhTW: '未設置事故通報聯絡窗口。', en: 'No contact point for incident reports.' },
    missing: (c) => {
      const contact = sectionBody(c, 'policy')?.incidentContact;
      return need(filled(contact?.email) || filled(contact?.phone), 'incidentContact');
    },
  },
  // §3 — Q0010012 Art. 4
  {
    code: 'INVENTORY_FREQUENCY_MISSING',
    section: 'inventory',
    articles: arts('4', '6', '4', '7'),
    message: { zhTW: '未訂定個人資料清查（盤點）頻率。', en: 'No frequency for the personal data inventory.' },
    missing: (c) => need(hasSchedule(sectionBody(c, 'inventory')?.schedule), 'schedule'),
  },
  {
    code: 'INVENTORY_SCOPE_MISSING',
    section: 'inventory',
    articles: arts('4', '6', '4', '7'),
    message: { zhTW: '未界定蒐集、處理或利用個資之屬性（範圍）。', en: 'The data subject categories in scope are not defined.' },
    missing: (c) => need((sectionBody(c, 'inventory')?.subjectAttributes ?? []).length > 0, 'subjectAttributes'),
  },
  {
    code: 'INVENTORY_EMPTY',
    section: 'inventory',
    articles: arts('4', '6', '4', '7'),
    message: { zhTW: '個資盤點表沒有任何個資檔案。', en: 'The data inventory lists no personal data files.' },
    appliesWhen: (ctx) => ctx.inventoryItemCount !== undefined,
    missing: (_c, ctx) => need((ctx.inventoryItemCount ?? 0) > 0, 'inventoryTable'),
  },
  // §4 — Q0010012 Art. 5
  {
    code: 'RISK_ASSESSMENT_FREQUENCY_MISSING',
    section: 'riskAssessment',
    articles: arts('5', '7', '5'),
    message: { zhTW: '未訂定風險評估頻率。', en: 'No risk assessment frequency.' },
    missing: (c) => need(hasSchedule(sectionBody(c, 'riskAssessment')?.schedule), 'schedule'),
  },
  {
    code: 'RISK_ASSESSMENT_EMPTY',
    section: 'riskAssessment',
    articles: arts('5', '7', '5'),
    message: { zhTW: '風險評估表沒有任何評估項目。', en: 'The risk assessment has no entries.' },
    appliesWhen: (ctx) => ctx.riskAssessmentCount !== undefined,
    missing: (_c, ctx) => need((ctx.riskAssessmentCount ?? 0) > 0, 'riskTable'),
  },
  // §5 — Q0010012 Art. 6
  {
    code: 'INCIDENT_RESPONSE_MEASURES_MISSING',
    section: 'incidentResponse',
    articles: arts('6', '8', '6', '12'),
    message: { zhTW: '未訂定事故發生後降低、控制當事人損害之應變措施。', en: 'No response measures to reduce and control harm to data subjects.' },
    missing: (c) => need(filledList(sectionBody(c, 'incidentResponse')?.remediation?.containment), 'remediation.containment'),
  },
  {
    code: 'INCIDENT_DATA_SUBJECT_NOTICE_MISSING',
    section: 'incidentResponse',
    articles: arts('6', '8', '6', '12'),
    message: { zhTW: '未訂定查明事故後通知當事人之方式及內容。', en: 'No method and content for notifying data subjects after an incident.' },
    missing: (c) => {
      const notice = sectionBody(c, 'incidentResponse')?.dataSubjectNotification;
      return [...need(filled(notice?.methods), 'dataSubjectNotification.methods'), ...need(filled(notice?.content), 'dataSubjectNotification.content')];
    },
  },
  {
    code: 'INCIDENT_NOTIFICATION_TARGET_MISSING',
    section: 'incidentResponse',
    articles: arts('6', '8', '6', '12'),
    message: { zhTW: '未載明事故應受通報之對象（主管機關）及通報方式。', en: 'No authority to notify of incidents, or how.' },
    missing: (c) => need(filled(sectionBody(c, 'incidentResponse')?.authorityNotification?.authorityName), 'authorityNotification.authorityName'),
  },
  {
    code: 'INCIDENT_NOTIFICATION_DEADLINE_MISSING',
    section: 'incidentResponse',
    articles: arts('6', '8', '6', '12'),
    message: { zhTW: '未載明事故通報時限（72小時內）。', en: 'No incident notification deadline (within 72 hours).' },
    missing: (c) => need(sectionBody(c, 'incidentResponse')?.authorityNotification?.withinHours !== undefined, 'authorityNotification.withinHours'),
  },
  {
    code: 'INCIDENT_NOTIFICATION_DEADLINE_TOO_LONG',
    section: 'incidentResponse',
    articles: arts('6', '8', '6', '12'),
    message: { zhTW: '事故通報時限超過法定72小時。', en: 'The incident notification deadline exceeds the statutory 72 hours.' },
    missing: (c, ctx) => {
      const hours = sectionBody(c, 'incidentResponse')?.authorityNotification?.withinHours;
      return need(hours === undefined || hours <= ctx.maximumNotificationHours, 'authorityNotification.withinHours');
    },
  },
  {
    code: 'INCIDENT_CORRECTIVE_MECHANISM_MISSING',
    section: 'incidentResponse',
    articles: arts('6', '8', '6', '12'),
    message: { zhTW: '未訂定事故後研議矯正預防措施之機制。', en: 'No mechanism for corrective and preventive measures after an incident.' },
    missing: (c) => need(filledList(sectionBody(c, 'incidentResponse')?.remediation?.correctivePrevention), 'remediation.correctivePrevention'),
  },
  {
    code: 'INCIDENT_DRILL_MISSING',
    section: 'incidentResponse',
    articles: arts(undefined, '11', undefined, '10'),
    message: { zhTW: '未訂定事故應變機制之定期演練頻率。', en: 'No frequency for incident response drills.' },
    missing: (c) => need(hasSchedule(sectionBody(c, 'incidentResponse')?.drill?.schedule), 'drill.schedule'),
  },
  // §6 — Q0010012 Art. 7 (nine internal procedures) and Art. 10 (international transfers)
  {
    code: 'SPECIAL_CATEGORY_CHECK_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7'),
    message: { zhTW: '未訂定特種個資是否符合個資法第6條但書之檢視程序。', en: 'No check of special-category data against PDPA Art. 6 ¶1 provisos.' },
    missing: (c) => need(filled(sectionBody(c, 'internalProcedures')?.legalRequirements?.specialCategoryBasis), 'legalRequirements.specialCategoryBasis'),
  },
  {
    code: 'LEGAL_BASIS_CHECK_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7'),
    message: { zhTW: '未訂定蒐集或處理是否符合個資法第19條之檢視程序。', en: 'No check of collection and processing against PDPA Art. 19.' },
    missing: (c) => need(filled(sectionBody(c, 'internalProcedures')?.legalRequirements?.generalBasis), 'legalRequirements.generalBasis'),
  },
  {
    code: 'PURPOSE_USE_CHECK_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7'),
    message: { zhTW: '未訂定利用是否符合特定目的及個資法第20條之檢視程序。', en: 'No check that use stays within purpose or meets PDPA Art. 20.' },
    missing: (c) => need(filled(sectionBody(c, 'internalProcedures')?.legalRequirements?.specificPurpose), 'legalRequirements.specificPurpose'),
  },
  {
    code: 'NOTICE_CHECK_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7', '8'),
    message: { zhTW: '未訂定個資法第8條、第9條告知義務之檢視程序。', en: 'No check of the PDPA Arts. 8/9 notice duty.' },
    missing: (c) => need(filled(sectionBody(c, 'internalProcedures')?.legalRequirements?.notice), 'legalRequirements.notice'),
  },
  {
    code: 'MARKETING_OPT_OUT_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7', '20'),
    message: { zhTW: '未訂定當事人拒絕行銷之處理程序。', en: 'No procedure for data subjects refusing marketing.' },
    missing: (c) => need(filledList(sectionBody(c, 'internalProcedures')?.dataSubjectRequests?.marketingOptOut), 'dataSubjectRequests.marketingOptOut'),
  },
  {
    code: 'RIGHTS_CHANNEL_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7', '18'),
    message: { zhTW: '未提供當事人行使個資法第3條權利之方式。', en: 'No way for data subjects to exercise PDPA Art. 3 rights.' },
    missing: (c) => need(filled(sectionBody(c, 'internalProcedures')?.dataSubjectRequests?.rightsChannels), 'dataSubjectRequests.rightsChannels'),
  },
  {
    code: 'IDENTITY_VERIFICATION_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7'),
    message: { zhTW: '未訂定確認當事人或其代理人身分之程序。', en: 'No procedure to verify the identity of the subject or agent.' },
    missing: (c) => need(filled(sectionBody(c, 'internalProcedures')?.dataSubjectRequests?.identityVerification), 'dataSubjectRequests.identityVerification'),
  },
  {
    code: 'REFUSAL_GROUNDS_CHECK_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7', '18'),
    message: { zhTW: '未訂定檢視個資法第10條、第11條但書拒絕事由之程序。', en: 'No check of refusal grounds under PDPA Arts. 10 and 11 provisos.' },
    missing: (c) => need(filled(sectionBody(c, 'internalProcedures')?.dataSubjectRequests?.refusalGroundsCheck), 'dataSubjectRequests.refusalGroundsCheck'),
  },
  {
    code: 'REFUSAL_REASONS_NOTICE_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7', '18'),
    message: { zhTW: '未訂定拒絕當事人請求時附理由通知之程序。', en: 'No procedure to give reasons when refusing a request.' },
    missing: (c) =>
      need(filled(sectionBody(c, 'internalProcedures')?.dataSubjectRequests?.refusalNoticeWithReasons), 'dataSubjectRequests.refusalNoticeWithReasons'),
  },
  {
    code: 'DECISION_DEADLINE_PROCEDURE_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7', '18'),
    message: {
      zhTW: '未訂定當事人請求之准駁決定及延長決定期間程序（個資法第13條）。',
      en: 'No procedure for deciding requests and extending the deadline (PDPA Art. 13).',
    },
    missing: (c) =>
      need(filled(sectionBody(c, 'internalProcedures')?.dataSubjectRequests?.decisionDeadlineProcedure), 'dataSubjectRequests.decisionDeadlineProcedure'),
  },
  {
    code: 'CORRECTION_EXPLANATION_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7'),
    message: { zhTW: '未載明當事人請求更正或補充時應釋明之事項。', en: 'No statement of what a correction request must explain.' },
    missing: (c) =>
      need(filled(sectionBody(c, 'internalProcedures')?.dataSubjectRequests?.correctionExplanation), 'dataSubjectRequests.correctionExplanation'),
  },
  {
    code: 'FEE_SCHEDULE_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7', '18'),
    message: { zhTW: '未明定查詢、閱覽或製給複製本之收費標準。', en: 'No fee schedule for inquiry, review or copies.' },
    missing: (c) => need(filled(sectionBody(c, 'internalProcedures')?.dataSubjectRequests?.feeSchedule), 'dataSubjectRequests.feeSchedule'),
  },
  {
    code: 'ACCURACY_MECHANISM_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7'),
    message: { zhTW: '未訂定維護個資正確性及處理正確性爭議之機制。', en: 'No mechanism to keep data accurate and handle disputed accuracy.' },
    missing: (c) =>
      need(filledList(sectionBody(c, 'internalProcedures')?.dataSubjectRequests?.accuracyMaintenance), 'dataSubjectRequests.accuracyMaintenance'),
  },
  {
    code: 'PURPOSE_EXPIRY_REVIEW_MISSING',
    section: 'internalProcedures',
    articles: arts('7', '9', '7', '7'),
    message: {
      zhTW: '未訂定定期檢視特定目的是否消失或期限是否屆滿之頻率。',
      en: 'No frequency for reviewing whether purposes have lapsed or periods expired.',
    },
    missing: (c) => need(hasSchedule(sectionBody(c, 'internalProcedures')?.purposeExpiryReview?.schedule), 'purposeExpiryReview.schedule'),
  },
  {
    code: 'INTERNATIONAL_TRANSFER_UNDECLARED',
    section: 'internalProcedures',
    articles: arts('10', '10', '9', '8'),
    message: { zhTW: '未勾選是否進行個人資料國際傳輸。', en: 'Whether personal data is transferred abroad is not declared.' },
    missing: (c) => need(sectionBody(c, 'internalProcedures')?.internationalTransfer !== undefined, 'internationalTransfer'),
  },
  {
    code: 'INTERNATIONAL_TRANSFER_INCOMPLETE',
    section: 'internalProcedures',
    articles: arts('10', '10', '9', '8'),
    message: {
      zhTW: '國際傳輸未載明傳輸區域、法令限制之檢視或告知當事人之方式。',
      en: 'An international transfer lacks its regions, the restriction check or how subjects are told.',
    },
    missing: (c) => {
      const transfer = sectionBody(c, 'internalProcedures')?.internationalTransfer;
      if (!transfer?.transfers) return [];
      return [
        ...need(filledList(transfer.regions), 'internationalTransfer.regions'),
        ...need(filled(transfer.restrictionCheck), 'internationalTransfer.restrictionCheck'),
        ...need(filled(transfer.dataSubjectNotice), 'internationalTransfer.dataSubjectNotice'),
      ];
    },
  },
  {
    code: 'INTERNATIONAL_RECIPIENT_SUPERVISION_MISSING',
    section: 'internalProcedures',
    articles: arts('10', '10', '9'),
    message: { zhTW: '國際傳輸未訂定對資料接收方之監督事項。', en: 'No supervision of the recipient of an international transfer.' },
    missing: (c) => {
      const transfer = sectionBody(c, 'internalProcedures')?.internationalTransfer;
      return transfer?.transfers ? need(filled(transfer.recipientSupervision), 'internationalTransfer.recipientSupervision') : [];
    },
  },
  // §7 — Q0010012 Arts. 8 ¶1 and 9
  {
    code: 'ENCRYPTION_MISSING',
    section: 'dataSecurity',
    articles: arts('8', '11', '8', '13'),
    message: { zhTW: '未訂定個人資料加密措施。', en: 'No encryption measures for personal data.' },
    missing: (c) => need(itHas(c, (p) => p.encryption?.enabled === true), IT_PATH),
  },
  {
    code: 'BACKUP_PROTECTION_MISSING',
    section: 'dataSecurity',
    articles: arts('8', '11', '8'),
    message: { zhTW: '未訂定備份資料之保護措施。', en: 'No protection of backup data.' },
    missing: (c) => need(itHas(c, (p) => p.backup?.enabled === true), IT_PATH),
  },
  {
    code: 'MEDIA_USAGE_RULES_MISSING',
    section: 'dataSecurity',
    articles: arts('8', undefined, undefined, '13'),
    message: {
      zhTW: '未訂定設備或儲存媒體之使用規範及報廢、轉作他用時之防洩措施。',
      en: 'No usage rules for devices and media, or leak prevention when scrapped or reused.',
    },
    missing: (c) => need(filled(sectionBody(c, 'dataSecurity')?.mediaUsageRules) || filled(sectionBody(c, 'equipment')?.obsoleteHandling), 'mediaUsageRules'),
  },
  {
    code: 'TRANSMISSION_SECURITY_MISSING',
    section: 'dataSecurity',
    articles: arts('9', '11', '8', '10'),
    message: { zhTW: '未訂定網際網路傳輸之安全加密機制。', en: 'No secure encryption for transmission over the internet.' },
    missing: (c) => need(itHas(c, (p) => filled(p.transmission?.measures)), IT_PATH),
  },
  {
    code: 'AUTHENTICATION_MISSING',
    section: 'dataSecurity',
    articles: arts('9', '11', '8', '10'),
    message: { zhTW: '未訂定使用者身分確認及保護機制（密碼複雜度、多因子認證）。', en: 'No user authentication (password complexity, multi-factor).' },
    appliesWhen: usesIt,
    missing: (c) => need(itHas(c, (p) => p.authentication?.passwordComplexity === true || p.authentication?.twoFactor === true), IT_PATH),
  },
  {
    code: 'MASKING_MISSING',
    section: 'dataSecurity',
    articles: arts('9', '11', undefined, '10'),
    message: { zhTW: '未訂定個人資料顯示之隱碼機制。', en: 'No masking of personal data on display.' },
    appliesWhen: usesIt,
    missing: (c) => need(itHas(c, (p) => filled(p.masking?.measures)), IT_PATH),
  },
  {
    code: 'ACCESS_MONITORING_MISSING',
    section: 'dataSecurity',
    articles: arts('9', '11', '8', '10'),
    message: { zhTW: '未設置個資檔案及資料庫之存取控制與異常存取監控機制。', en: 'No access control and anomalous-access monitoring for files and databases.' },
    appliesWhen: usesIt,
    missing: (c) => need(itHas(c, (p) => p.anomalyMonitoring?.accessMonitoring === true), IT_PATH),
  },
  {
    code: 'INTRUSION_PREVENTION_MISSING',
    section: 'dataSecurity',
    articles: arts('9', '11', '8', '10'),
    message: { zhTW: '未建置防止外部網路入侵對策（防火牆、WAF、郵件過濾等）。', en: 'No measures against external intrusion (firewall, WAF, mail filtering).' },
    appliesWhen: usesIt,
    missing: (c) =>
      need(
        itHas(c, (p) =>
          [p.firewall, p.waf, p.emailFiltering, p.endpointProtection, p.otherIntrusionDetection].some((m) => m?.enabled === true),
        ),
        IT_PATH,
      ),
  },
  {
    code: 'ANOMALY_RESPONSE_DRILL_MISSING',
    section: 'dataSecurity',
    articles: arts('9', '11', undefined, '10'),
    message: { zhTW: '未訂定異常存取行為之因應機制及演練頻率。', en: 'No response mechanism and drill frequency for anomalous access.' },
    appliesWhen: usesIt,
    missing: (c) => need(itHas(c, (p) => hasSchedule(p.anomalyMonitoring?.responseDrill)), IT_PATH),
  },
  {
    code: 'VULNERABILITY_SCAN_MISSING',
    section: 'dataSecurity',
    articles: arts(undefined, '11', '8'),
    message: { zhTW: '未訂定定期檢測及修補系統漏洞之頻率。', en: 'No frequency for vulnerability scanning and patching.' },
    appliesWhen: usesIt,
    missing: (c) => need(itHas(c, (p) => hasSchedule(p.vulnerabilityManagement?.scan)), IT_PATH),
  },
  {
    code: 'MALWARE_SCAN_MISSING',
    section: 'dataSecurity',
    articles: arts(undefined, '11', '8'),
    message: { zhTW: '未訂定防毒軟體更新及定期惡意程式檢測。', en: 'No antivirus updates or periodic malware scans.' },
    appliesWhen: usesIt,
    missing: (c) => need(itHas(c, (p) => hasSchedule(p.malware?.scan)), IT_PATH),
  },
  {
    code: 'TEST_DATA_RULES_MISSING',
    section: 'dataSecurity',
    articles: arts(undefined, '11', '8'),
    message: { zhTW: '未訂定測試時避免使用真實個資之規範。', en: 'No rule against real personal data in tests.' },
    appliesWhen: usesIt,
    missing: (c) => need(itHas(c, (p) => filled(p.testData)), IT_PATH),
  },
  {
    code: 'CHANGE_MANAGEMENT_MISSING',
    section: 'dataSecurity',
    articles: arts(undefined, '11', '8'),
    message: { zhTW: '未訂定資訊系統變更時確保安全性未降低之措施。', en: 'No control that system changes do not lower security.' },
    appliesWhen: usesIt,
    missing: (c) => need(itHas(c, (p) => filled(p.changeManagement)), IT_PATH),
  },
  {
    code: 'SYSTEM_REVIEW_MISSING',
    section: 'dataSecurity',
    articles: arts(undefined, '11', '8'),
    message: { zhTW: '未訂定定期檢視資通系統使用狀況及存取個資情形之頻率。', en: 'No frequency for reviewing system usage and access to personal data.' },
    appliesWhen: usesIt,
    missing: (c) => need(itHas(c, (p) => hasSchedule(p.systemReview?.schedule)), IT_PATH),
  },
  // §8 — Q0010012 Art. 11
  {
    code: 'CONFIDENTIALITY_MISSING',
    section: 'personnel',
    articles: arts('11', '12', '10', '9'),
    message: { zhTW: '未與所屬人員約定保密義務。', en: 'No confidentiality undertaking with staff.' },
    missing: (c) => need(filled(sectionBody(c, 'personnel')?.confidentiality), 'confidentiality'),
  },
  {
    code: 'PERSONNEL_IDENTIFICATION_MISSING',
    section: 'personnel',
    articles: arts('11', '12', '10', '9'),
    message: { zhTW: '未識別業務涉及個資之人員。', en: 'Staff who handle personal data are not identified.' },
    missing: (c) => need(filled(sectionBody(c, 'personnel')?.identification), 'identification'),
  },
  {
    code: 'ACCESS_RIGHTS_REVIEW_MISSING',
    section: 'personnel',
    articles: arts('11', '12', '10', '9'),
    message: { zhTW: '未設定人員接觸個資之權限或未定期檢視其適當性。', en: 'Staff access rights are not set or not reviewed periodically.' },
    missing: (c) => {
      const access = sectionBody(c, 'personnel')?.accessControl;
      const hasControl = filled(access?.description) || [access?.physicalAccess, access?.sharedFolderAccess, access?.other].some((m) => m?.enabled === true);
      return [...need(hasControl, 'accessControl'), ...need(hasSchedule(access?.review), 'accessControl.review')];
    },
  },
  {
    code: 'OFFBOARDING_MISSING',
    section: 'personnel',
    articles: arts('11', '12', '10', '9'),
    message: { zhTW: '未訂定人員離職時返還載體及刪除個資之程序。', en: 'No procedure for returning carriers and deleting data when staff leave.' },
    missing: (c) => need(filled(sectionBody(c, 'personnel')?.offboarding), 'offboarding'),
  },
  // §9 — Q0010012 Art. 8 ¶2
  {
    code: 'MEDIA_PROTECTION_MISSING',
    section: 'equipment',
    articles: arts('8', '14', '12', '13'),
    message: { zhTW: '未依儲存媒介物特性建置保護設備或技術。', en: 'No protection suited to the storage media.' },
    missing: (c) => {
      const equipment = sectionBody(c, 'equipment');
      return need(equipment?.mediaProtection?.enabled === true || equipment?.storageEnvironment?.enabled === true, 'mediaProtection');
    },
  },
  {
    code: 'CUSTODY_RULES_MISSING',
    section: 'equipment',
    articles: arts('8', '14', '12'),
    message: { zhTW: '未訂定人員保管儲存媒介物之管理規範。', en: 'No rules for staff keeping storage media.' },
    missing: (c) => need(filled(sectionBody(c, 'equipment')?.custodyRules), 'custodyRules'),
  },
  {
    code: 'ENTRY_CONTROL_MISSING',
    section: 'equipment',
    articles: arts('8', '14', '12'),
    message: { zhTW: '未對存放儲存媒介物之環境施以進出管制。', en: 'No entry control where storage media are kept.' },
    missing: (c) => need(filled(sectionBody(c, 'equipment')?.entryControl), 'entryControl'),
  },
  // §10 — Q0010012 Art. 12
  {
    code: 'TRAINING_MISSING',
    section: 'training',
    articles: arts('12', '13', '11', '11'),
    message: { zhTW: '未訂定全體員工定期認知宣導及教育訓練之頻率。', en: 'No frequency for periodic staff awareness training.' },
    missing: (c) => need(hasSchedule(sectionBody(c, 'training')?.general?.schedule), 'general.schedule'),
  },
  {
    code: 'TRAINING_TOPICS_INCOMPLETE',
    section: 'training',
    articles: arts('12', '13', '11', '11'),
    message: {
      zhTW: '教育訓練未涵蓋法令規定、所屬人員責任範圍及本計畫各項要求。',
      en: 'Training does not cover the law, staff responsibilities and the plan requirements.',
    },
    missing: (c) => {
      const topics = sectionBody(c, 'training')?.general?.topics ?? [];
      const required = trainingTopics.filter((t) => t === 'law' || t === 'responsibilities' || t === 'planRequirements');
      return need(required.every((t) => topics.includes(t)), 'general.topics');
    },
  },
  {
    code: 'LEADERSHIP_TRAINING_MISSING',
    section: 'training',
    articles: arts(undefined, '13'),
    message: { zhTW: '未訂定代表人及管理人員之定期教育訓練。', en: 'No periodic training for the representative and managers.' },
    missing: (c) => need(hasSchedule(sectionBody(c, 'training')?.leadership?.schedule), 'leadership.schedule'),
  },
  // §11 — Q0010012 Art. 14 ¶1
  {
    code: 'RECORD_KEEPING_MISSING',
    section: 'recordKeeping',
    articles: arts('14', '16', '14', '15'),
    message: {
      zhTW: '未載明蒐集處理利用紀錄、軌跡資料或執行證據之保存方式與期限。',
      en: 'Retention of processing records, system trails or evidence is not stated.',
    },
    missing: (c) => {
      const records = sectionBody(c, 'recordKeeping');
      const stated = (entries: Retention[] | undefined) => (entries ?? []).some((e) => e.periodYears !== undefined);
      return [
        ...need(stated(records?.processingRecords), 'processingRecords'),
        ...need(stated(records?.automatedTrails), 'automatedTrails'),
        ...need(records?.implementationEvidence?.periodYears !== undefined, 'implementationEvidence.periodYears'),
      ];
    },
  },
  {
    code: 'RECORD_KEEPING_TOO_SHORT',
    section: 'recordKeeping',
    articles: arts('14', '16', '14', '15'),
    message: { zhTW: '紀錄保存期限少於5年。', en: 'Records are kept for less than 5 years.' },
    missing: (c, ctx) => {
      const records = sectionBody(c, 'recordKeeping');
      const min = ctx.minimumRecordKeepingYears;
      return [
        ...retentionTooShort(records?.processingRecords ?? [], min, 'processingRecords'),
        ...retentionTooShort(records?.automatedTrails ?? [], min, 'automatedTrails'),
        ...need(!((records?.implementationEvidence?.periodYears ?? min) < min), 'implementationEvidence.periodYears'),
      ];
    },
  },
  // §12 — Q0010012 Art. 13
  {
    code: 'AUDIT_MISSING',
    section: 'audit',
    articles: arts('13', '15', '13', '14'),
    message: { zhTW: '未訂定資料安全稽核（檢查）頻率。', en: 'No frequency for data security audits.' },
    missing: (c) => need(hasSchedule(sectionBody(c, 'audit')?.schedule), 'schedule'),
  },
  {
    code: 'AUDIT_TYPE_MISSING',
    section: 'audit',
    articles: arts('13', '15', '13', '14'),
    message: { zhTW: '未選定稽核方式（自我檢查、內部稽核或第三方稽核）。', en: 'No audit type (self-check, internal or third-party).' },
    missing: (c) => need((sectionBody(c, 'audit')?.types ?? []).length > 0, 'types'),
  },
  {
    code: 'AUDITOR_MISSING',
    section: 'audit',
    articles: arts('13', '15', '13', '14'),
    message: { zhTW: '未指定檢查或稽核人員。', en: 'No auditors are designated.' },
    missing: (c) => need((sectionBody(c, 'audit')?.auditors ?? []).length > 0, 'auditors'),
  },
  {
    code: 'AUDIT_REPORT_MISSING',
    section: 'audit',
    articles: arts('13', '15', '13', '14'),
    message: { zhTW: '稽核結果未作成評估報告。', en: 'Audit results are not written up in an assessment report.' },
    missing: (c) => need((sectionBody(c, 'audit')?.resultHandling ?? []).includes('assessmentReport'), 'resultHandling'),
  },
  {
    code: 'AUDIT_TOO_INFREQUENT',
    section: 'audit',
    articles: arts('13', '18', '13', '14'),
    message: { zhTW: '稽核頻率低於法規要求（每12個月至少一次）。', en: 'Audits are less frequent than required (at least every 12 months).' },
    appliesWhen: (ctx) => ctx.requiredAuditFrequency !== undefined,
    missing: (c, ctx) => need(!longerThan(sectionBody(c, 'audit')?.schedule, ctx.requiredAuditFrequency), 'schedule'),
  },
  // §13 — Q0010012 Art. 7(6), Enforcement Rules Art. 8
  {
    code: 'VENDOR_CONTRACT_CLAUSES_INCOMPLETE',
    section: 'vendorOversight',
    articles: arts('7', '19', '7', '19'),
    message: {
      zhTW: '委外契約未約定施行細則第8條所列全部事項。',
      en: 'Processing contracts do not settle every item of Enforcement Rules Art. 8.',
    },
    missing: (c) => {
      const clauses = sectionBody(c, 'vendorOversight')?.contractClauses ?? [];
      return need(vendorContractClauses.every((clause) => clauses.includes(clause)), 'contractClauses');
    },
  },
  {
    code: 'VENDOR_OVERSIGHT_FREQUENCY_MISSING',
    section: 'vendorOversight',
    articles: arts('7', '19', '7', '19'),
    message: { zhTW: '未訂定定期確認受託者執行狀況之頻率。', en: 'No frequency for confirming how processors perform.' },
    missing: (c) => need(hasSchedule(sectionBody(c, 'vendorOversight')?.schedule), 'schedule'),
  },
  {
    code: 'VENDOR_OVERSIGHT_METHOD_MISSING',
    section: 'vendorOversight',
    articles: arts('7', '19', '7', '19'),
    message: { zhTW: '未訂定委外監督方式。', en: 'No method of overseeing processors.' },
    missing: (c) => need((sectionBody(c, 'vendorOversight')?.methods ?? []).length > 0, 'methods'),
  },
  // §14 — Q0010012 Art. 14 ¶2
  {
    code: 'DISPOSAL_DESTRUCTION_MISSING',
    section: 'terminationDisposal',
    articles: arts('14', '16', '14', '16'),
    message: {
      zhTW: '未訂定業務終止後銷毀之方法、時間、地點及證明方式。',
      en: 'No destruction method, time, place and proof after termination.',
    },
    missing: (c) => {
      const destruction = sectionBody(c, 'terminationDisposal')?.destruction;
      return [...need(filled(destruction?.method), 'destruction.method'), ...need(filled(destruction?.timePlaceAndProof), 'destruction.timePlaceAndProof')];
    },
  },
  {
    code: 'DISPOSAL_TRANSFER_RECORDS_MISSING',
    section: 'terminationDisposal',
    articles: arts('14', '16', '14', '16'),
    message: { zhTW: '未訂定移轉個資時應記錄之事項。', en: 'No record items for transfers of personal data.' },
    missing: (c) => need(filled(sectionBody(c, 'terminationDisposal')?.transferRecords), 'transferRecords'),
  },
  {
    code: 'DISPOSAL_OTHER_RECORDS_MISSING',
    section: 'terminationDisposal',
    articles: arts('14', '16', '14', '16'),
    message: { zhTW: '未訂定其他刪除、停止處理或利用之記錄方式。', en: 'No records for other deletion or stopping of processing.' },
    missing: (c) => need(filled(sectionBody(c, 'terminationDisposal')?.otherDeletionRecords), 'otherDeletionRecords'),
  },
  {
    code: 'DISPOSAL_RECORD_RETENTION_TOO_SHORT',
    section: 'terminationDisposal',
    articles: arts(undefined, '16', undefined, '16'),
    message: { zhTW: '業務終止後處理紀錄未保存至少5年。', en: 'Disposal records are not kept for at least 5 years.' },
    missing: (c, ctx) => {
      const years = sectionBody(c, 'terminationDisposal')?.recordRetentionYears;
      return need(years !== undefined && years >= ctx.minimumRecordKeepingYears, 'recordRetentionYears');
    },
  },
  // §15 — Q0010012 Art. 15
  {
    code: 'CORRECTIVE_ACTION_MISSING',
    section: 'continuousImprovement',
    articles: arts('15', '17', '15', '14'),
    message: { zhTW: '未訂定計畫未落實執行時之矯正預防措施。', en: 'No corrective and preventive action when the plan is not carried out.' },
    missing: (c) => need(filledList(sectionBody(c, 'continuousImprovement')?.correctiveActionProcedure), 'correctiveActionProcedure'),
  },
  {
    code: 'PLAN_REVIEW_FREQUENCY_MISSING',
    section: 'continuousImprovement',
    articles: arts('15', '17', '15', '17'),
    message: { zhTW: '未訂定定期檢視及修正本計畫之頻率。', en: 'No frequency for reviewing and revising the plan.' },
    missing: (c) => need(hasSchedule(sectionBody(c, 'continuousImprovement')?.planReview?.schedule), 'planReview.schedule'),
  },
  {
    code: 'PLAN_REVIEW_TOO_INFREQUENT',
    section: 'continuousImprovement',
    articles: arts('15', '18', '15', '17'),
    message: { zhTW: '計畫檢視頻率低於法規要求。', en: 'The plan is reviewed less often than required.' },
    appliesWhen: (ctx) => ctx.requiredReviewFrequency !== undefined,
    missing: (c, ctx) =>
      need(!longerThan(sectionBody(c, 'continuousImprovement')?.planReview?.schedule, ctx.requiredReviewFrequency), 'planReview.schedule'),
  },
] as const satisfies readonly CompletenessRule[];

export type PlanGapCode = (typeof rules)[number]['code'] | 'SECTION_NOT_APPLICABLE';
export const planGapCodes: readonly PlanGapCode[] = [...rules.map((r) => r.code), 'SECTION_NOT_APPLICABLE'];

/** The rule catalogue as data (code, section, articles per regulation, message), for docs and the UI. */
export const completenessRules: readonly { code: PlanGapCode; section: PlanSectionKey; articles: Articles; message: LocalizedText }[] = rules.map(
  ({ code, section, articles, message }) => ({ code, section, articles, message }),
);

/** J0080062 Art. 17 requires a yearly review whatever the obligations say. */
const YEARLY: Frequency = { every: 1, unit: 'year' };

function resolveContext(context: CompletenessContext): ResolvedContext {
  const known = (modelledRegulations as readonly string[]).includes(context.regulation ?? '');
  const regulation = known ? (context.regulation as ModelledRegulation) : BASELINE_REGULATION;
  return {
    regulation,
    citedRegulation: regulation,
    usesInformationSystems: context.usesInformationSystems ?? true,
    inventoryItemCount: context.inventoryItemCount,
    riskAssessmentCount: context.riskAssessmentCount,
    requiredAuditFrequency: context.requiredAuditFrequency,
    requiredReviewFrequency: context.requiredReviewFrequency ?? (regulation === 'J0080062' ? YEARLY : undefined),
    minimumRecordKeepingYears: context.minimumRecordKeepingYears ?? 5,
    maximumNotificationHours: context.maximumNotificationHours ?? 72,
  };
}

/**
 * Gaps of a plan version against the regulation. A section marked not applicable yields one
 * SECTION_NOT_APPLICABLE gap (when the regulation requires it) instead of its rule gaps, so the
 * approver must explicitly accept the exclusion.
 */
export function checkPlanCompleteness(content: PlanContent, context: CompletenessContext = {}): PlanGap[] {
  const ctx = resolveContext(context);
  const gaps: PlanGap[] = [];
  for (const section of planSectionKeys) {
    const sectionRules = (rules as readonly CompletenessRule[]).filter(
      (rule) => rule.section === section && rule.articles[ctx.regulation] !== undefined && (rule.appliesWhen?.(ctx) ?? true),
    );
    if (sectionRules.length === 0) continue;
    if (isNotApplicable(content.sections[section])) {
      const title = planSectionTitles[section];
      gaps.push({
        code: 'SECTION_NOT_APPLICABLE',
        article: { regulation: ctx.citedRegulation, article: sectionRules[0]!.articles[ctx.regulation]! },
        section,
        fieldPath: `sections.${section}`,
        message: { zhTW: `「${title.zhTW}」標示為不適用，但法規要求訂定。`, en: `"${title.en}" is marked not applicable although the regulation requires it.` },
      });
      continue;
    }
    for (const rule of sectionRules) {
      for (const path of rule.missing(content, ctx)) {
        gaps.push({
          code: rule.code as PlanGapCode,
          article: { regulation: ctx.citedRegulation, article: rule.articles[ctx.regulation]! },
          section,
          fieldPath: `sections.${section}.${path}`,
          message: rule.message,
        });
      }
    }
  }
  return gaps;
}

// Approval with accepted gaps ------------------------------------------------------------------

export const acceptedGapSchema = z
  .object({
    code: z.string().min(1).max(80).describe('Gap code accepted'),
    section: z.enum(planSectionKeys).optional().describe('Limit the acceptance to one section'),
    reason: z.string().max(2000).describe('Why the gap is accepted'),
  })
  .strict();
export type AcceptedGap = z.infer<typeof acceptedGapSchema>;

export interface ApprovalCheck {
  allowed: boolean;
  /** Gaps with no valid acceptance. */
  unacceptedGaps: PlanGap[];
  /** Acceptances rejected because their reason is blank. */
  acceptancesWithoutReason: AcceptedGap[];
}

/** A version with gaps may be approved only when every gap is accepted with a non-empty reason. */
export function canApprove(gaps: readonly PlanGap[], acceptedGaps: readonly AcceptedGap[] = []): ApprovalCheck {
  const valid = acceptedGaps.filter((a) => filled(a.reason));
  const acceptancesWithoutReason = acceptedGaps.filter((a) => !filled(a.reason));
  const unacceptedGaps = gaps.filter((gap) => !valid.some((a) => a.code === gap.code && (a.section === undefined || a.section === gap.section)));
  return { allowed: unacceptedGaps.length === 0, unacceptedGaps, acceptancesWithoutReason };
}
