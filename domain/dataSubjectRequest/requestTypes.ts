/**
 * The rights a data subject exercises (PDPA Art. 3, plus the Art. 20 ¶2 marketing objection),
 * the decision periods that apply to each (Art. 13) and the legal grounds on which a request
 * may be refused (Art. 10 and Art. 11 ¶2–3 provisos, Enforcement Rules Art. 19).
 */
import type { LocalizedText } from '../shared/localizedText';

export const requestTypes = [
  'inquiry',
  'review',
  'copy',
  'correction',
  'stopProcessing',
  'deletion',
  'marketingOptOut',
] as const;
export type RequestType = (typeof requestTypes)[number];

export const requestTypeNames: Record<RequestType, LocalizedText> = {
  inquiry: { zhTW: '查詢', en: 'inquiry' },
  review: { zhTW: '請求閱覽', en: 'review' },
  copy: { zhTW: '請求製給複製本', en: 'copy' },
  correction: { zhTW: '請求補充或更正', en: 'supplement or correction' },
  stopProcessing: { zhTW: '請求停止蒐集、處理或利用', en: 'stop of collection, processing or use' },
  deletion: { zhTW: '請求刪除', en: 'deletion' },
  marketingOptOut: { zhTW: '拒絕接受行銷', en: 'objection to marketing' },
};

/** Which decision-period rule a type falls under. */
export type DeadlineRule =
  | { kind: 'period'; days: number; maxExtensionDays: number; legalBasis: LocalizedText }
  | { kind: 'immediate'; legalBasis: LocalizedText };

const ARTICLE_10_PERIOD: DeadlineRule = {
  kind: 'period',
  days: 15,
  maxExtensionDays: 15,
  legalBasis: { zhTW: '個人資料保護法第13條第1項', en: 'PDPA Art. 13 ¶1' },
};
const ARTICLE_11_PERIOD: DeadlineRule = {
  kind: 'period',
  days: 30,
  maxExtensionDays: 30,
  legalBasis: { zhTW: '個人資料保護法第13條第2項', en: 'PDPA Art. 13 ¶2' },
};

export const deadlineRules: Record<RequestType, DeadlineRule> = {
  inquiry: ARTICLE_10_PERIOD,
  review: ARTICLE_10_PERIOD,
  copy: ARTICLE_10_PERIOD,
  correction: ARTICLE_11_PERIOD,
  stopProcessing: ARTICLE_11_PERIOD,
  deletion: ARTICLE_11_PERIOD,
  // 應即停止利用其個人資料行銷: no decision period, no extension, no refusal.
  marketingOptOut: { kind: 'immediate', legalBasis: { zhTW: '個人資料保護法第20條第2項', en: 'PDPA Art. 20 ¶2' } },
};

/** Art. 14: a necessary cost fee only for inquiry, review and copies. */
export const feeChargeableTypes: readonly RequestType[] = ['inquiry', 'review', 'copy'];

/** Art. 11 ¶5 concerns corrections; deletion of data passed on is treated the same way. */
export const downstreamNotificationTypes: readonly RequestType[] = ['correction', 'deletion'];

/** The fulfilment of these must list the data-inventory files it changed. */
export const inventoryFileTypes: readonly RequestType[] = ['deletion', 'marketingOptOut'];

export const refusalGroundCodes = [
  'art10_1_nationalInterest',
  'art10_2_governmentDuty',
  'art10_3_majorInterestOfCollectorOrThirdParty',
  'art11_2_necessaryForDutiesDisputeNoted',
  'art11_2_writtenConsentDisputeNoted',
  'art11_3_necessaryForDuties',
  'art11_3_writtenConsent',
  'rules19_noAdequateExplanation',
  'art11_1_dataVerifiedAccurate',
  'identityNotVerified',
] as const;
export type RefusalGroundCode = (typeof refusalGroundCodes)[number];

/** The two provisos of PDPA Art. 11 ¶2 that let processing of disputed data go on. */
export const accuracyDisputeExceptionKinds = ['necessaryForDutiesOrBusiness', 'writtenConsent'] as const;
export type AccuracyDisputeExceptionKind = (typeof accuracyDisputeExceptionKinds)[number];

export interface RefusalGround {
  code: RefusalGroundCode;
  legalBasis: LocalizedText;
  /** Wording of the law (PDPA I0050021 / Rules I0050022, official English translation). */
  text: LocalizedText;
  appliesTo: readonly RequestType[];
  /**
   * The Art. 11 ¶2 proviso only holds once the dispute is noted on the data, and each of its two
   * grounds needs its own exception: business necessity for the one, written consent for the other.
   */
  requiresNotedAccuracyDispute?: AccuracyDisputeExceptionKind;
}

const ARTICLE_10_TYPES: readonly RequestType[] = ['inquiry', 'review', 'copy'];
const ALL_REFUSABLE: readonly RequestType[] = ['inquiry', 'review', 'copy', 'correction', 'stopProcessing', 'deletion'];

export const refusalGrounds: Record<RefusalGroundCode, RefusalGround> = {
  art10_1_nationalInterest: {
    code: 'art10_1_nationalInterest',
    legalBasis: { zhTW: '個人資料保護法第10條但書第1款', en: 'PDPA Art. 10 proviso, subpara. 1' },
    text: {
      zhTW: '妨害國家安全、外交及軍事機密、整體經濟利益或其他國家重大利益。',
      en: 'National security, diplomatic or military secrets, overall economic interests or other material national interests may be harmed.',
    },
    appliesTo: ARTICLE_10_TYPES,
  },
  art10_2_governmentDuty: {
    code: 'art10_2_governmentDuty',
    legalBasis: { zhTW: '個人資料保護法第10條但書第2款', en: 'PDPA Art. 10 proviso, subpara. 2' },
    text: { zhTW: '妨害公務機關執行法定職務。', en: 'A government agency may be prevented from performing its statutory duties.' },
    appliesTo: ARTICLE_10_TYPES,
  },
  art10_3_majorInterestOfCollectorOrThirdParty: {
    code: 'art10_3_majorInterestOfCollectorOrThirdParty',
    legalBasis: { zhTW: '個人資料保護法第10條但書第3款、施行細則第18條', en: 'PDPA Art. 10 proviso, subpara. 3; Enforcement Rules Art. 18' },
    text: {
      zhTW: '妨害該蒐集機關或第三人之重大利益（第三人之重大利益指有害於第三人個人之生命、身體、自由、財產或其他重大利益）。',
      en: "The vital interests of the data collector or any third party may be adversely affected (for a third party: its life, body, freedom, property or other material interests may be harmed).",
    },
    appliesTo: ARTICLE_10_TYPES,
  },
  art11_2_necessaryForDutiesDisputeNoted: {
    code: 'art11_2_necessaryForDutiesDisputeNoted',
    legalBasis: { zhTW: '個人資料保護法第11條第2項但書', en: 'PDPA Art. 11 ¶2 proviso' },
    text: {
      zhTW: '個人資料正確性有爭議，因執行職務或業務所必須，並經註明其爭議。',
      en: 'The accuracy of the data is disputed, and its processing or use is necessary for the performance of an official or business duty, and the dispute has been recorded.',
    },
    appliesTo: ['stopProcessing'],
    requiresNotedAccuracyDispute: 'necessaryForDutiesOrBusiness',
  },
  art11_2_writtenConsentDisputeNoted: {
    code: 'art11_2_writtenConsentDisputeNoted',
    legalBasis: { zhTW: '個人資料保護法第11條第2項但書', en: 'PDPA Art. 11 ¶2 proviso' },
    text: {
      zhTW: '個人資料正確性有爭議，經當事人書面同意，並經註明其爭議。',
      en: 'The accuracy of the data is disputed, and its processing or use has been agreed to by the data subject in writing, and the dispute has been recorded.',
    },
    appliesTo: ['stopProcessing'],
    requiresNotedAccuracyDispute: 'writtenConsent',
  },
  art11_3_necessaryForDuties: {
    code: 'art11_3_necessaryForDuties',
    legalBasis: { zhTW: '個人資料保護法第11條第3項但書', en: 'PDPA Art. 11 ¶3 proviso' },
    text: {
      zhTW: '特定目的消失或期限屆滿，但因執行職務或業務所必須。',
      en: 'The specific purpose no longer exists or the period has expired, but processing or use is necessary for the performance of an official or business duty.',
    },
    appliesTo: ['stopProcessing', 'deletion'],
  },
  art11_3_writtenConsent: {
    code: 'art11_3_writtenConsent',
    legalBasis: { zhTW: '個人資料保護法第11條第3項但書', en: 'PDPA Art. 11 ¶3 proviso' },
    text: {
      zhTW: '特定目的消失或期限屆滿，但經當事人書面同意。',
      en: 'The specific purpose no longer exists or the period has expired, but the data subject has agreed in writing.',
    },
    appliesTo: ['stopProcessing', 'deletion'],
  },
  rules19_noAdequateExplanation: {
    code: 'rules19_noAdequateExplanation',
    legalBasis: { zhTW: '個人資料保護法施行細則第19條', en: 'Enforcement Rules Art. 19' },
    text: {
      zhTW: '請求更正或補充個人資料時，未為適當之釋明。',
      en: 'The data subject did not provide an adequate explanation for the correction or supplement requested.',
    },
    appliesTo: ['correction'],
  },
  art11_1_dataVerifiedAccurate: {
    code: 'art11_1_dataVerifiedAccurate',
    legalBasis: { zhTW: '個人資料保護法第11條第1項', en: 'PDPA Art. 11 ¶1' },
    text: {
      zhTW: '經查證所保有之個人資料正確，無更正或補充之必要。',
      en: 'The personal data held was verified as accurate; no correction or supplement is needed.',
    },
    appliesTo: ['correction'],
  },
  identityNotVerified: {
    code: 'identityNotVerified',
    legalBasis: { zhTW: '個人資料保護法第3條（權利專屬當事人）', en: 'PDPA Art. 3 (rights belong to the data subject)' },
    text: {
      zhTW: '無法確認請求人為當事人本人或其合法代理人。',
      en: 'The requester could not be verified as the data subject or an authorised agent.',
    },
    appliesTo: ALL_REFUSABLE,
  },
};

export function refusalGroundsFor(type: RequestType): RefusalGround[] {
  return Object.values(refusalGrounds).filter((ground) => ground.appliesTo.includes(type));
}
