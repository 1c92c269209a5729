/**
 * The risk-type and countermeasure library of the example plan §4(3) (seed 000): for each of
 * five operating contexts (作業情境) the operations (作業內容), the risk types they carry and
 * the planned treatment (預計風險處理對策). Built-in ids are stable; tenants add their own
 * entries under a `tenant.` prefix so later built-in additions never collide with them.
 */
import { z } from 'zod';
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type Outcome } from '../shared/outcome';
import { securityMeasureKeySchema, type SecurityMeasureKey } from './securityMeasures';

export const operatingContexts = ['processing', 'internalTransfer', 'externalTransfer', 'custody', 'disposal'] as const;
export type OperatingContext = (typeof operatingContexts)[number];
export const operatingContextLabels: Record<OperatingContext, LocalizedText> = {
  processing: { zhTW: '加工', en: 'processing' },
  internalTransfer: { zhTW: '內部傳輸', en: 'internal transfer' },
  externalTransfer: { zhTW: '外部傳輸', en: 'external transfer' },
  custody: { zhTW: '保管', en: 'custody' },
  disposal: { zhTW: '廢棄', en: 'disposal' },
};
export const operatingContextSchema = z.enum(operatingContexts).describe('作業情境: processing, internalTransfer, externalTransfer, custody, disposal');

/** The example's operations (作業內容). */
export const builtInOperationLabels = {
  inputEdit: { zhTW: '輸入/編輯', en: 'input / editing' },
  outputPrint: { zhTW: '輸出/列印', en: 'output / printing' },
  scan: { zhTW: '掃描', en: 'scanning' },
  handDelivery: { zhTW: '人員親送', en: 'hand delivery' },
  email: { zhTW: 'Email', en: 'e-mail' },
  systemNetwork: { zhTW: '系統/網路', en: 'system / network' },
  api: { zhTW: 'API串接', en: 'API integration' },
  personalComputer: { zhTW: '個人電腦', en: 'personal computer' },
  databaseServer: { zhTW: '資料庫/主機伺服器', en: 'database / host server' },
  fileRoom: { zhTW: '檔案室/檔案櫃', en: 'file room / cabinet' },
  deleteDestroy: { zhTW: '刪除/銷毀', en: 'deletion / destruction' },
} as const satisfies Record<string, LocalizedText>;
export type BuiltInOperation = keyof typeof builtInOperationLabels;

export interface RiskLibraryEntry {
  id: string;
  context: OperatingContext;
  operation: string;
  operationLabel: LocalizedText;
  riskType: LocalizedText;
  countermeasure: LocalizedText;
  measures: SecurityMeasureKey[];
  origin: 'builtIn' | 'tenant';
}

function entry(
  id: string,
  context: OperatingContext,
  operation: BuiltInOperation,
  riskType: LocalizedText,
  countermeasure: LocalizedText,
  measures: SecurityMeasureKey[],
): RiskLibraryEntry {
  return { id, context, operation, operationLabel: builtInOperationLabels[operation], riskType, countermeasure, measures, origin: 'builtIn' };
}

const improperAccess = { zhTW: '不當存取', en: 'improper access' };
const permissionSetting = { zhTW: '權限設定', en: 'set permissions' };
const emailStolen = { zhTW: 'Email傳送中被竊取', en: 'e-mail intercepted in transit' };
const passwordAttachment = { zhTW: '將包含個資的文件以附加檔案方式加上設定密碼', en: 'send personal data only as password-protected attachments' };
const antivirusScan = { zhTW: '安裝防毒軟體並定期更新防毒碼、使用弱點掃描', en: 'install anti-virus with regular signature updates; run vulnerability scans' };

/** Seed 000 §4(3), row for row; a blank operation cell there continues the row above. */
export const builtInRiskLibrary: readonly RiskLibraryEntry[] = [
  entry('processing.inputEdit.tampering', 'processing', 'inputEdit', { zhTW: '個資遭竄改', en: 'personal data altered' }, { zhTW: '限制輸入/編輯作業人員權限', en: 'restrict who may input or edit' }, ['accessControl']),
  entry('processing.outputPrint.improperAccess', 'processing', 'outputPrint', improperAccess, permissionSetting, ['accessControl']),
  entry('processing.scan.improperAccess', 'processing', 'scan', improperAccess, permissionSetting, ['accessControl']),
  entry(
    'internalTransfer.handDelivery.lostInHandover',
    'internalTransfer',
    'handDelivery',
    { zhTW: '收發記載不確實以致遺失', en: 'lost through inaccurate hand-over records' },
    { zhTW: '確認收受紀錄媒體內容、件數，雙方留存收受紀錄', en: 'check media contents and count on receipt; both sides keep receipt records' },
    ['handoverRecords'],
  ),
  entry(
    'internalTransfer.handDelivery.removableMediaLost',
    'internalTransfer',
    'handDelivery',
    { zhTW: 'USB等外接紀錄媒體遺失', en: 'USB or other removable media lost' },
    { zhTW: '將USB等外接紀錄媒體依儲存個資重要性加以密碼鎖碼或暗號化', en: 'password-lock or encrypt removable media according to the data held' },
    ['encryption'],
  ),
  entry('internalTransfer.email.intercepted', 'internalTransfer', 'email', emailStolen, passwordAttachment, ['encryption']),
  entry(
    'internalTransfer.systemNetwork.intercepted',
    'internalTransfer',
    'systemNetwork',
    { zhTW: '透過網路伺服器傳送時被竊取', en: 'intercepted when sent through a network server' },
    { zhTW: '個資檔案以VPN或SSL加密傳送', en: 'send personal-data files over VPN or TLS' },
    ['vpn', 'transportEncryption'],
  ),
  entry('externalTransfer.email.intercepted', 'externalTransfer', 'email', emailStolen, passwordAttachment, ['encryption']),
  entry(
    'externalTransfer.api.protocolVulnerability',
    'externalTransfer',
    'api',
    { zhTW: '串接協定有漏洞', en: 'vulnerable integration protocol' },
    { zhTW: '尋找漏洞修正協定、傳輸資料隱碼', en: 'find and fix protocol flaws; mask data in transit' },
    ['vulnerabilityScan', 'masking', 'transportEncryption'],
  ),
  entry(
    'custody.personalComputer.illegalSoftware',
    'custody',
    'personalComputer',
    { zhTW: '安裝非法軟體、上非法線上網站', en: 'illegal software installed or illegal websites visited' },
    { zhTW: '禁止上非法網站、禁止安裝非法軟體', en: 'forbid illegal websites and software' },
    ['softwareControl'],
  ),
  entry(
    'custody.personalComputer.improperAccess',
    'custody',
    'personalComputer',
    improperAccess,
    {
      zhTW: '處理權限設定、防範登錄帳號密碼被他人知悉、不使用密碼記憶功能、定期變更密碼、定期檢查有無不當存取',
      en: 'set permissions; keep credentials secret; no saved passwords; change passwords regularly; check for improper access regularly',
    },
    ['accessControl', 'passwordPolicy', 'anomalyMonitoring'],
  ),
  entry('custody.personalComputer.externalAttack', 'custody', 'personalComputer', { zhTW: '個人電腦遭外部攻擊', en: 'PC attacked from outside' }, antivirusScan, ['antivirus', 'vulnerabilityScan']),
  entry(
    'custody.databaseServer.credentialTheft',
    'custody',
    'databaseServer',
    { zhTW: '帳密遭竊致駭客合法登入', en: 'stolen credentials let an attacker log in' },
    { zhTW: '使用雙因子認證、鎖定登入IP', en: 'two-factor authentication; restrict login IPs' },
    ['twoFactorAuth', 'ipRestriction'],
  ),
  entry(
    'custody.databaseServer.improperAccess',
    'custody',
    'databaseServer',
    { zhTW: '不當存取資料', en: 'improper access to data' },
    { zhTW: '設定伺服器專用資料夾存取權限，並將存取權限限於該業管人員', en: 'restrict server folders to the staff in charge' },
    ['accessControl'],
  ),
  entry('custody.databaseServer.externalAttack', 'custody', 'databaseServer', { zhTW: '伺服器遭外部攻擊', en: 'server attacked from outside' }, antivirusScan, ['antivirus', 'vulnerabilityScan']),
  entry(
    'custody.fileRoom.unauthorisedEntry',
    'custody',
    'fileRoom',
    { zhTW: '進入檔案室/櫃取得資料', en: 'data taken from the file room or cabinet' },
    { zhTW: '限制人員進入檔案室、重要資訊應上鎖保管', en: 'restrict entry to the file room; lock up important records' },
    ['physicalAccessControl'],
  ),
  entry(
    'disposal.deleteDestroy.prematureDeletion',
    'disposal',
    'deleteDestroy',
    { zhTW: '未到期前過失刪除/銷毀', en: 'deleted or destroyed by mistake before expiry' },
    {
      zhTW: '規定各個個資的保存期間，並於確認後才銷燬，取得刪除/銷毀軌跡紀錄由部門主管檢查',
      en: 'set each retention period; destroy only after confirmation; department head checks the deletion records',
    },
    ['retentionSchedule', 'disposalRecords'],
  ),
  entry(
    'disposal.deleteDestroy.incompleteDeletion',
    'disposal',
    'deleteDestroy',
    { zhTW: '刪除/銷毀處理不夠確實致外洩', en: 'leak through incomplete deletion' },
    { zhTW: '規定刪除程序並依程序確實刪除', en: 'set a deletion procedure and follow it' },
    ['secureDisposal'],
  ),
];

export const TENANT_ENTRY_ID_PATTERN = /^tenant\.[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

const localized = (max: number) =>
  z
    .object({
      zhTW: z.string().trim().min(1).max(max).describe('Traditional Chinese'),
      en: z.string().trim().min(1).max(max).describe('English'),
    })
    .strict();

export const tenantRiskLibraryEntrySchema = z
  .object({
    id: z.string().regex(TENANT_ENTRY_ID_PATTERN, 'tenant entries start with "tenant."').describe('Stable id, e.g. tenant.custody.hostedSystem.sqlInjection'),
    context: operatingContextSchema,
    operation: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,49}$/, 'camelCase key').describe('作業內容 key: a built-in one or the tenant’s own'),
    operationLabel: localized(100).optional().describe('Label of a tenant operation (built-in operations have theirs)'),
    riskType: localized(500).describe('可能風險類型'),
    countermeasure: localized(1000).describe('預計風險處理對策'),
    measures: z.array(securityMeasureKeySchema).min(1).max(20).describe('Security measures the countermeasure relies on'),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!(value.operation in builtInOperationLabels) && !value.operationLabel)
      ctx.addIssue({ code: 'custom', path: ['operationLabel'], message: 'a tenant operation needs its label' });
  });
export type TenantRiskLibraryEntryInput = z.input<typeof tenantRiskLibraryEntrySchema>;

export type RiskLibrary = ReadonlyMap<string, RiskLibraryEntry>;

/** A tenant entry that cannot join the library, by its position in the tenant's list. */
export interface RiskLibraryEntryError {
  index: number;
  message: LocalizedText;
  duplicate: boolean;
}

/**
 * Built-in entries plus the tenant's; fails on a repeated or malformed tenant entry, with every
 * entry error in `details` (RiskLibraryEntryError[]) and the first one as the message.
 */
export function mergeRiskLibrary(tenantEntries: readonly unknown[] = []): Outcome<RiskLibrary, 'libraryEntryExists' | 'libraryEntryInvalid'> {
  const library = new Map<string, RiskLibraryEntry>(builtInRiskLibrary.map((e) => [e.id, e]));
  const errors: RiskLibraryEntryError[] = [];
  tenantEntries.forEach((raw, index) => {
    const parsed = tenantRiskLibraryEntrySchema.safeParse(raw);
    if (!parsed.success) {
      errors.push({ index, duplicate: false, message: { zhTW: '風險類型資料不完整或格式不符', en: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } });
      return;
    }
    const value = parsed.data;
    if (library.has(value.id)) {
      errors.push({ index, duplicate: true, message: { zhTW: `風險類型代號 ${value.id} 重複`, en: `duplicate library id ${value.id}` } });
      return;
    }
    const operationLabel = value.operationLabel ?? builtInOperationLabels[value.operation as BuiltInOperation];
    library.set(value.id, { ...value, operationLabel, origin: 'tenant' });
  });
  const first = errors[0];
  if (!first) return ok(library);
  return first.duplicate ? fail('conflict', 'libraryEntryExists', first.message, { details: errors }) : fail('invalid', 'libraryEntryInvalid', first.message, { details: errors });
}

export function libraryEntriesFor(library: RiskLibrary, context: OperatingContext, operation?: string): RiskLibraryEntry[] {
  return [...library.values()].filter((e) => e.context === context && (operation === undefined || e.operation === operation));
}
