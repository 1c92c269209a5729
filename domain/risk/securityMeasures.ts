/**
 * Security measures a risk treatment relies on, keyed as in the plan's §7 data-security
 * measures (seed 000 §7–§10; MAC regulation Art. 8 and Table 2), so a treatment can be
 * checked against what the plan says is in place.
 */
import { z } from 'zod';
import type { LocalizedText } from '../shared/localizedText';

export const securityMeasureLabels = {
  accessControl: { zhTW: '存取權限控管', en: 'access control' },
  encryption: { zhTW: '資料加密', en: 'encryption at rest' },
  transportEncryption: { zhTW: '傳輸加密(SSL/TLS)', en: 'transport encryption (TLS)' },
  vpn: { zhTW: 'VPN', en: 'VPN' },
  masking: { zhTW: '個資隱碼', en: 'data masking' },
  backup: { zhTW: '備份保護', en: 'protected backups' },
  firewall: { zhTW: '防火牆', en: 'network firewall' },
  waf: { zhTW: '應用程式防火牆', en: 'web application firewall' },
  emailFiltering: { zhTW: '電子郵件過濾', en: 'e-mail filtering' },
  endpointProtection: { zhTW: '端點防護', en: 'endpoint protection' },
  antivirus: { zhTW: '防毒軟體及惡意程式檢測', en: 'anti-virus and malware scanning' },
  anomalyMonitoring: { zhTW: '異常存取監控', en: 'anomalous-access monitoring' },
  twoFactorAuth: { zhTW: '雙因子認證', en: 'two-factor authentication' },
  passwordPolicy: { zhTW: '密碼強度及定期變更', en: 'password policy' },
  ipRestriction: { zhTW: '限制登入IP', en: 'login IP restriction' },
  vulnerabilityScan: { zhTW: '弱點掃描', en: 'vulnerability scanning' },
  inputValidation: { zhTW: '輸入檢核', en: 'input validation' },
  environmentSeparation: { zhTW: '正式區、備份區及測試區區隔', en: 'separate production, backup and test environments' },
  testDataProtection: { zhTW: '避免以真實個資測試', en: 'no real personal data in tests' },
  logging: { zhTW: '軌跡紀錄保存', en: 'audit logging' },
  physicalAccessControl: { zhTW: '實體進出管制', en: 'physical access control' },
  softwareControl: { zhTW: '禁止安裝非法軟體及瀏覽非法網站', en: 'software and web-use restrictions' },
  awarenessTraining: { zhTW: '教育訓練', en: 'awareness training' },
  socialEngineeringDrill: { zhTW: '社交工程演練', en: 'social-engineering drills' },
  handoverRecords: { zhTW: '收發紀錄', en: 'hand-over records' },
  retentionSchedule: { zhTW: '保存期間規定', en: 'retention schedule' },
  secureDisposal: { zhTW: '確實刪除銷毀程序', en: 'secure deletion procedure' },
  disposalRecords: { zhTW: '刪除銷毀軌跡紀錄', en: 'deletion records' },
} as const satisfies Record<string, LocalizedText>;

export type SecurityMeasureKey = keyof typeof securityMeasureLabels;
export const securityMeasureKeys = Object.keys(securityMeasureLabels) as [SecurityMeasureKey, ...SecurityMeasureKey[]];
export const securityMeasureKeySchema = z.enum(securityMeasureKeys).describe('Security measure key (plan §7)');
