/**
 * The four modelled sector regulations, read article by article from their texts in the National
 * Laws & Regulations Database (全國法規資料庫, law.moj.gov.tw; snapshot 2024-10-24): K0010162,
 * J0030130, J0080062 and the baseline Q0010012, each cited by pcode below. Dates are the
 * promulgation dates in each regulation's history (each says 自發布日施行). Only the text in force in the snapshot is
 * modelled; earlier texts (e.g. J0030130 before its 2021-12-30 amendment) are not.
 */
import { YEARLY } from '../../shared/frequency';
import { inForceSectorRegulations, type SectorRegulation } from './sectorRegulations.generated';
import type { PlanRuleSet, PlanRuleSetVersion, RuleCitation } from './ruleSet';

const cite = (regulation: string, article: string, zhTW: string, en: string, paragraph?: string): RuleCitation => ({
  regulation,
  article,
  ...(paragraph ? { paragraph } : {}),
  topic: { zhTW, en },
});

export const digitalEconomyRuleSet: PlanRuleSet = {
  regulation: 'K0010162',
  versions: [
    {
      regulation: 'K0010162',
      versionId: 'K0010162@2023-10-12',
      name: { zhTW: '數位經濟相關產業個人資料檔案安全維護管理辦法', en: 'Digital economy industries personal data security regulation' },
      authority: { zhTW: '數位發展部', en: 'Ministry of Digital Affairs' },
      effectiveFrom: '2023-10-12',
      inForceSince: '2023-10-12',
      applicability: { kind: 'allInSector' },
      adoption: { monthsAfterInForce: 3 },
      periodicCycle: { frequency: YEARLY, capitalNtd: 10_000_000, records: 5000, monthsAfterConditionMet: 6 },
      suspension: { belowRecords: 5000, consecutiveYears: 2, resumeWithinDays: 30, suspends: 'periodicCycle' },
      incidentNotification: { hours: 72, clockStartsAt: 'learnedOf', form: { zhTW: '附表二格式（K0010162第8條第2項）', en: 'the format of Table 2 (K0010162 Art. 8 ¶2)' } },
      recordKeepingYears: 5,
      citations: {
        applicability: cite('K0010162', '2', '附表一所列行業之業者', 'Businesses in the industries of Table 1'),
        adoption: cite('K0010162', '3', '施行之日起三個月內完成安全維護計畫', 'Plan within 3 months of entry into force', '1'),
        periodicCycle: cite('K0010162', '18', '資本額一千萬元以上或五千筆以上者每十二個月至少實施及檢討一次', 'Capital ≥ NT$10M or ≥ 5,000 records: every 12 months', '1-2'),
        suspension: cite('K0010162', '18', '連續二年未達五千筆得不適用；達五千筆三十日內恢復', 'Two years below 5,000 may stop; resume within 30 days', '4'),
        incidentNotification: cite('K0010162', '8', '知悉事故後七十二小時內通報', 'Notify within 72 hours of learning of it', '2'),
        recordKeeping: cite('K0010162', '16', '紀錄保存至少五年', 'Keep records at least 5 years'),
      },
    },
  ],
};

export const manufacturingRuleSet: PlanRuleSet = {
  regulation: 'J0030130',
  versions: [
    {
      regulation: 'J0030130',
      versionId: 'J0030130@2021-12-30',
      name: { zhTW: '製造業及技術服務業個人資料檔案安全維護管理辦法', en: 'Manufacturing and technical services personal data security regulation' },
      authority: { zhTW: '經濟部', en: 'Ministry of Economic Affairs' },
      effectiveFrom: '2021-12-30',
      inForceSince: '2016-07-28',
      applicability: { kind: 'recordThreshold', records: 5000, recordScope: 'consumerData' },
      adoption: { monthsAfterInForce: 6, monthsAfterThresholdMet: 6 },
      suspension: { belowRecords: 5000, consecutiveYears: 2, resumeWithinDays: 30, suspends: 'plan' },
      incidentNotification: { hours: 72, clockStartsAt: 'learnedOf', form: { zhTW: '附表二格式（J0030130第6條第2項）', en: 'the format of Table 2 (J0030130 Art. 6 ¶2)' } },
      recordKeepingYears: 5,
      citations: {
        applicability: cite('J0030130', '2', '保有消費者個資達五千筆以上', 'Holding consumer data of 5,000 records or more', '1'),
        adoption: cite('J0030130', '2', '施行或達五千筆之日起六個月內完成', 'Within 6 months of entry into force or reaching 5,000', '2'),
        suspension: cite('J0030130', '2', '連續二年未達五千筆得停止；達五千筆三十日內恢復', 'Two years below 5,000 may stop; resume within 30 days', '3'),
        incidentNotification: cite('J0030130', '6', '知悉事故後七十二小時內通報經濟部', 'Notify the ministry within 72 hours', '2'),
        recordKeeping: cite('J0030130', '14', '紀錄保存至少五年', 'Keep records at least 5 years'),
      },
    },
  ],
};

export const mainlandAffairsRuleSet: PlanRuleSet = {
  regulation: 'Q0010012',
  versions: [
    {
      regulation: 'Q0010012',
      versionId: 'Q0010012@2021-12-28',
      name: { zhTW: '大陸委員會指定非公務機關個人資料檔案安全維護辦法', en: 'Mainland Affairs Council designated non-government agencies security regulation' },
      authority: { zhTW: '大陸委員會', en: 'Mainland Affairs Council' },
      effectiveFrom: '2021-12-28',
      inForceSince: '2021-12-28',
      applicability: { kind: 'recordThreshold', records: 5000, recordScope: 'allPersonalData' },
      adoption: { monthsAfterInForce: 6, monthsAfterThresholdMet: 6 },
      suspension: { belowRecords: 5000, consecutiveYears: 2, resumeWithinDays: 30, suspends: 'plan' },
      incidentNotification: { hours: 72, clockStartsAt: 'discovered', form: { zhTW: '「個人資料侵害事故通報與紀錄表」（附表1）', en: 'the incident notification and record form (Table 1)' } },
      recordKeepingYears: 5,
      citations: {
        applicability: cite('Q0010012', '2', '保有個資達五千筆以上', 'Holding 5,000 records or more', '1'),
        adoption: cite('Q0010012', '2', '施行或達五千筆之日起六個月內完成', 'Within 6 months of entry into force or reaching 5,000', '2'),
        suspension: cite('Q0010012', '2', '連續二年未達五千筆得停止；達五千筆三十日內恢復', 'Two years below 5,000 may stop; resume within 30 days', '3'),
        incidentNotification: cite('Q0010012', '6', '發現事故後七十二小時內通報本會', 'Notify the Council within 72 hours of discovery', '2'),
        recordKeeping: cite('Q0010012', '14', '紀錄保存至少五年', 'Keep records at least 5 years'),
      },
    },
  ],
};

export const generalMerchandiseRetailRuleSet: PlanRuleSet = {
  regulation: 'J0080062',
  versions: [
    {
      regulation: 'J0080062',
      versionId: 'J0080062@2023-08-01',
      name: { zhTW: '綜合商品零售業個人資料檔案安全維護管理辦法', en: 'General merchandise retail personal data security regulation' },
      authority: { zhTW: '經濟部', en: 'Ministry of Economic Affairs' },
      effectiveFrom: '2023-08-01',
      inForceSince: '2023-08-01',
      applicability: { kind: 'capitalThreshold', capitalNtd: 10_000_000 },
      adoption: { monthsAfterInForce: 6 },
      incidentNotification: { hours: 72, clockStartsAt: 'discovered', form: { zhTW: '通報紀錄格式如附表（J0080062第12條第2項）', en: 'the notification record format of the annexed table (J0080062 Art. 12 ¶2)' } },
      recordKeepingYears: 5,
      planReviewFrequency: YEARLY,
      citations: {
        applicability: cite('J0080062', '3', '資本額達一千萬元以上並有招募會員或可取得交易對象個資', 'Capital ≥ NT$10M with members or customer data'),
        adoption: cite('J0080062', '21', '發布施行之日起六個月內完成', 'Within 6 months of promulgation', '1'),
        incidentNotification: cite('J0080062', '12', '發現事故時起七十二小時內通報', 'Notify within 72 hours of discovery', '1'),
        recordKeeping: cite('J0080062', '15', '紀錄保存至少五年', 'Keep records at least 5 years', '2'),
        planReview: cite('J0080062', '17', '每年檢視安全維護計畫之合宜性', 'Review the plan every year'),
      },
    },
  ],
};

export const modelledRuleSets: readonly PlanRuleSet[] = [
  digitalEconomyRuleSet,
  manufacturingRuleSet,
  mainlandAffairsRuleSet,
  generalMerchandiseRetailRuleSet,
];

/** The modelled rule set for a regulation, or undefined for the other in-force regulations. */
export function sectorRuleSetFor(pcode: string, ruleSets: readonly PlanRuleSet[] = modelledRuleSets): PlanRuleSet | undefined {
  return ruleSets.find((r) => r.regulation === pcode);
}

/** Index entry of one of the 58 in-force sector regulations. */
export function sectorRegulationFor(pcode: string): SectorRegulation | undefined {
  return inForceSectorRegulations.find((r) => r.pcode === pcode);
}

/** Adds a version (e.g. an amendment) to a rule set without touching the engine. */
export function withVersion(ruleSet: PlanRuleSet, version: PlanRuleSetVersion): PlanRuleSet {
  if (version.regulation !== ruleSet.regulation) throw new RangeError(`Version of ${version.regulation} added to ${ruleSet.regulation}`);
  return { ...ruleSet, versions: [...ruleSet.versions, version] };
}

export { inForceSectorRegulations, type SectorRegulation };
