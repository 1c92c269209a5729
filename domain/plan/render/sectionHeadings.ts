/** The 15 section headings in the order and wording of the seed example. */
import type { LocalizedText } from '../../shared/localizedText';
import { planSectionKeys, planSectionTitles, type PlanSectionKey } from '../planContent';

export interface PlanSectionHeading {
  key: PlanSectionKey;
  number: number;
  /** As printed: `1、配置管理人員及相當資源` */
  headingZh: string;
  title: LocalizedText;
}


export const planSectionHeadings: readonly PlanSectionHeading[] = planSectionKeys.map((key, index) => ({
  key,
  number: index + 1,
  headingZh: `${index + 1}、${planSectionTitles[key].zhTW}`,
  title: planSectionTitles[key],
}));
