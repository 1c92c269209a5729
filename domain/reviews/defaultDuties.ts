/**
 * Duties a tenant gets before it has an approved plan: the periodic reviews of the example
 * plan (seed 000, "小叮噹股份有限公司個人資料安全維護計畫", 114年1月2日 7版), each at the
 * frequency that plan writes, with the article of the security maintenance regulation
 * (seed 001) it answers. Once a plan is approved, reconcileDuties replaces them by key.
 */
import { parseFrequencyLabel, type Frequency } from '../shared/frequency';
import type { IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { reconcileDuties, type Duty, type DutyDefinition } from './duty';

export interface PlanCitation {
  /** Seed document id (000 = example plan). */
  document: '000';
  /** Plan section, e.g. '§3(1)'. */
  section: string;
  /** Approximate line in the seed text. */
  line: number;
  /** The sentence the frequency is read from, verbatim. */
  quote: string;
}

export interface DefaultDutyDefinition extends DutyDefinition {
  frequency: Frequency;
  /** The plan's own frequency wording; `frequency` is parseFrequencyLabel(frequencyLabel). */
  frequencyLabel: string;
  citation: PlanCitation;
}

interface Entry {
  dutyKind: string;
  title: LocalizedText;
  legalBasis: LocalizedText;
  ownerRole: string;
  frequencyLabel: string;
  citation: Omit<PlanCitation, 'document'>;
}

// The Enforcement Rules Art. 12 ¶2 items are what every sector's regulation implements; the
// article numbers are those of the regulation in seed 001 (same structure across sectors).
const entries: readonly Entry[] = [
  {
    dutyKind: 'dataInventory',
    title: { zhTW: '個資盤點', en: 'Personal data inventory' },
    legalBasis: {
      zhTW: '個資法第27條、施行細則第12條第2項第2款；安全維護辦法第4條：定期清查所保有之個人資料檔案與筆數',
      en: 'PDPA Art. 27; Enforcement Rules Art. 12(2)(ii); security maintenance regulation Art. 4: periodically inventory personal data files and record counts',
    },
    ownerRole: 'privacyOfficer',
    frequencyLabel: '每年',
    citation: { section: '§3(1)', line: 55, quote: '清查（盤點）及界定頻率： 每年 進行清查盤點及界定一次。' },
  },
  {
    dutyKind: 'riskAssessment',
    title: { zhTW: '個資風險評估', en: 'Personal data risk assessment' },
    legalBasis: {
      zhTW: '施行細則第12條第2項第3款；安全維護辦法第5條：依界定之個資範圍定期評估風險並採取適當安全管理措施',
      en: 'Enforcement Rules Art. 12(2)(iii); security maintenance regulation Art. 5: periodically assess risks to the inventoried data and take measures',
    },
    ownerRole: 'privacyOfficer',
    frequencyLabel: '每年',
    citation: { section: '§4(1)', line: 146, quote: '評估頻率： 每年 進行評估一次。' },
  },
  {
    dutyKind: 'incidentDrill',
    title: { zhTW: '個資事故通報及應變演練', en: 'Incident notification and response drill' },
    legalBasis: {
      zhTW: '施行細則第12條第2項第4款；安全維護辦法第6條：事故之應變、通報及預防機制',
      en: 'Enforcement Rules Art. 12(2)(iv); security maintenance regulation Art. 6: incident response, notification and prevention',
    },
    ownerRole: 'convener',
    frequencyLabel: '每年',
    citation: { section: '§5(6)', line: 396, quote: '定期檢視頻率： 每年 定期演練\t一次。' },
  },
  {
    dutyKind: 'purposeExpiryReview',
    title: { zhTW: '特定目的消失及期限屆滿檢視', en: 'Review of lapsed purposes and expired retention periods' },
    legalBasis: {
      zhTW: '個資法第11條第3項；安全維護辦法第7條第9款：定期檢視特定目的是否已消失或期限是否已屆滿',
      en: 'PDPA Art. 11(3); security maintenance regulation Art. 7(ix): periodically check whether purposes have lapsed or periods expired',
    },
    ownerRole: 'privacyOfficer',
    frequencyLabel: '每半年',
    citation: { section: '§6(1)6.(1)', line: 473, quote: '每半年  定期利用個資盤點表檢視個人資料蒐集之特定目的是否已消失，或期限是否已屆滿。' },
  },
  {
    dutyKind: 'hostedFirewallUpdate',
    title: { zhTW: '代管系統防火牆及應用程式防火牆更新', en: 'Firewall and WAF update for hosted systems' },
    legalBasis: {
      zhTW: '安全維護辦法第9條第5款：防止外部網路入侵對策',
      en: 'Security maintenance regulation Art. 9(v): measures against external network intrusion',
    },
    ownerRole: 'securityLead',
    frequencyLabel: '每半年',
    citation: { section: '§7(1)4.', line: 542, quote: '網路防火牆只開放必要的通訊埠對外連線，並  每半年  定期更新一次。' },
  },
  {
    dutyKind: 'officeFirewallUpdate',
    title: { zhTW: '公司OA區防火牆及郵件過濾更新', en: 'Office firewall, WAF and e-mail filter update' },
    legalBasis: {
      zhTW: '安全維護辦法第9條第5款：防止外部網路入侵對策',
      en: 'Security maintenance regulation Art. 9(v): measures against external network intrusion',
    },
    ownerRole: 'securityLead',
    frequencyLabel: '每3個月',
    citation: { section: '§7(3)4.', line: 604, quote: '網路防火牆只開放必要的通訊埠對外連線 ，並 3個月定期更新一次。' },
  },
  {
    dutyKind: 'abnormalAccessDrill',
    title: { zhTW: '異常存取行為因應演練', en: 'Abnormal access response drill' },
    legalBasis: {
      zhTW: '安全維護辦法第9條第6款：非法或異常使用行為之監控與因應機制',
      en: 'Security maintenance regulation Art. 9(vi): monitoring of and response to unlawful or abnormal use',
    },
    ownerRole: 'securityLead',
    frequencyLabel: '每1年',
    citation: { section: '§7(1)5.(2)', line: 549, quote: '異常行為因應演練：  每1年  定期演練異常存取資料行為因應機制。' },
  },
  {
    dutyKind: 'vulnerabilityScan',
    title: { zhTW: '系統弱點掃描及修補', en: 'Vulnerability scan and remediation' },
    legalBasis: {
      zhTW: '安全維護辦法第9條及附表2：系統漏洞之檢測及修補',
      en: 'Security maintenance regulation Art. 9 and Table 2: detecting and fixing system vulnerabilities',
    },
    ownerRole: 'securityLead',
    frequencyLabel: '每1年',
    citation: { section: '§7(1)6.(2)', line: 552, quote: '每1年  【註：通常每半年或1年】定期一次 透過系統網站弱點掃描、主機弱點掃描 檢測伺服器及相關系統漏洞' },
  },
  {
    dutyKind: 'malwareScan',
    title: { zhTW: '惡意程式檢測', en: 'Malware scan' },
    legalBasis: {
      zhTW: '安全維護辦法第9條及附表2：防毒軟體及惡意程式檢測',
      en: 'Security maintenance regulation Art. 9 and Table 2: anti-virus and malware detection',
    },
    ownerRole: 'securityLead',
    frequencyLabel: '每1年',
    citation: { section: '§7(1)7.(2)', line: 555, quote: '每1年  定期執行惡意程式檢測一次。' },
  },
  {
    dutyKind: 'systemAccessCheck',
    title: { zhTW: '資通系統使用及存取個資情形檢查', en: 'Check of system use and personal data access' },
    legalBasis: {
      zhTW: '安全維護辦法第9條第4款：個人資料檔案及資料庫之存取控制與保護監控機制',
      en: 'Security maintenance regulation Art. 9(iv): access control and monitoring of personal data files and databases',
    },
    ownerRole: 'securityLead',
    frequencyLabel: '每1年',
    citation: { section: '§7(1)11.', line: 563, quote: '定期檢查：  每1年  一次定期檢視處理個資之資通系統，檢查其使用狀況及存取個資之情形' },
  },
  {
    dutyKind: 'staffTraining',
    title: { zhTW: '全體員工個資保護教育訓練', en: 'Data protection training for all staff' },
    legalBasis: {
      zhTW: '施行細則第12條第2項第7款；安全維護辦法第12條：定期施以認知宣導及教育訓練',
      en: 'Enforcement Rules Art. 12(2)(vii); security maintenance regulation Art. 12: periodic awareness and training',
    },
    ownerRole: 'privacyOfficer',
    frequencyLabel: '每年',
    citation: { section: '§10 1.', line: 648, quote: '定期舉辦全體員工ㄧ般訓練，  每年   至少一次。' },
  },
  {
    dutyKind: 'teamTraining',
    title: { zhTW: '個資小組特殊訓練', en: 'Specialist training for the data protection team' },
    legalBasis: {
      zhTW: '安全維護辦法第12條：定期施以認知宣導及教育訓練',
      en: 'Security maintenance regulation Art. 12: periodic awareness and training',
    },
    ownerRole: 'convener',
    frequencyLabel: '每年',
    citation: { section: '§10 2.', line: 655, quote: '定期舉辦個資小組人員（代表人、負責人及管理人員）特殊訓練，  每年   至少一次。' },
  },
  {
    dutyKind: 'itStaffTraining',
    title: { zhTW: '資訊人員特殊訓練', en: 'Specialist training for IT staff' },
    legalBasis: {
      zhTW: '安全維護辦法第12條：定期施以認知宣導及教育訓練',
      en: 'Security maintenance regulation Art. 12: periodic awareness and training',
    },
    ownerRole: 'securityLead',
    frequencyLabel: '每年',
    citation: { section: '§10 3.', line: 656, quote: '資訊人員定期參加特殊訓練，  每年  至少一次。' },
  },
  {
    dutyKind: 'securityAudit',
    title: { zhTW: '個資安全稽核（自我檢查）', en: 'Data security audit (self-check)' },
    legalBasis: {
      zhTW: '施行細則第12條第2項第9款；安全維護辦法第13條：定期或不定期檢查本計畫執行狀況並提出評估報告',
      en: 'Enforcement Rules Art. 12(2)(ix); security maintenance regulation Art. 13: check the plan is carried out and report',
    },
    ownerRole: 'convener',
    frequencyLabel: '每年',
    citation: { section: '§12(1)', line: 690, quote: '每年   定期檢查或稽核一次' },
  },
  {
    dutyKind: 'vendorOversight',
    title: { zhTW: '委外廠商個資安全維護確認', en: 'Vendor data protection check' },
    legalBasis: {
      zhTW: '個資法第4條、施行細則第8條：委託機關應對受託者為適當之監督',
      en: 'PDPA Art. 4; Enforcement Rules Art. 8: appropriate supervision of processors',
    },
    ownerRole: 'privacyOfficer',
    frequencyLabel: '每年',
    citation: { section: '§13(2)1.', line: 750, quote: '每年　一次定期確認委外廠商執行個資安全維護措施之狀況，並紀錄確認結果。' },
  },
  {
    dutyKind: 'planReview',
    title: { zhTW: '安全維護計畫檢視及修正', en: 'Security maintenance plan review' },
    legalBasis: {
      zhTW: '施行細則第12條第2項第11款；安全維護辦法第15條第2款：定期檢視或修正本計畫',
      en: 'Enforcement Rules Art. 12(2)(xi); security maintenance regulation Art. 15(ii): periodically review or revise the plan',
    },
    ownerRole: 'convener',
    frequencyLabel: '每年',
    citation: { section: '§15(2)', line: 821, quote: '定期檢視頻率：　每年　　定期檢視及修正本計畫一次。' },
  },
];

function frequencyOf(label: string): Frequency {
  const frequency = parseFrequencyLabel(label);
  if (!frequency) throw new Error(`Unreadable frequency label ${label}`);
  return frequency;
}

export const DEFAULT_DUTY_DEFINITIONS: readonly DefaultDutyDefinition[] = entries.map((entry) => ({
  dutyKind: entry.dutyKind,
  title: entry.title,
  legalBasis: entry.legalBasis,
  ownerRole: entry.ownerRole,
  frequency: frequencyOf(entry.frequencyLabel),
  frequencyLabel: entry.frequencyLabel,
  citation: { document: '000', ...entry.citation },
}));

/** The default duties for a tenant without an approved plan, first due one period after asOf. */
export function defaultDuties(asOf: IsoDate): Duty[] {
  const definitions = DEFAULT_DUTY_DEFINITIONS.map(({ frequencyLabel: _label, citation: _citation, ...definition }) => definition);
  return reconcileDuties([], definitions, { asOf, source: 'default' }).create;
}
