/**
 * The manifest of an inspection pack: every file in the archive (path, media type, size,
 * SHA-256 hex), the evidence files listed instead of included (too large: their hash and storage
 * key, so the stored object can be fetched and checked), and the pack's own metadata. It comes
 * twice: manifest.json for machines and 清單.csv (zh-TW, UTF-8 with BOM so Excel opens it) for
 * people. Neither lists itself or the other: a file cannot contain its own hash; the job records
 * the hash of the whole ZIP.
 */
import { createHash } from 'node:crypto';
import type { LocalizedText } from '../shared/localizedText';
import type { InspectionPackPeriod, InspectionPackStep } from './job';
import type { PlanVersionInForce } from './planInForce';

export const MANIFEST_JSON_PATH = 'manifest.json';
export const MANIFEST_CSV_PATH = '清單.csv';

export interface PackFile {
  path: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** Which part of the inspection it answers (the builder step that made it). */
  section: InspectionPackStep;
  /** The record it renders, e.g. `incident:inc_…`, so the manifest can be checked against the records. */
  source?: string;
}

export interface ListedOnlyFile {
  evidenceId: string;
  title: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  /** tooLarge / packBudget: the too-large rule; missing / hashMismatch: the stored object is gone or not the recorded bytes. */
  reason: ListedOnlyReason;
}

export type ListedOnlyReason = 'tooLarge' | 'packBudget' | 'missing' | 'hashMismatch';

const LISTED_ONLY_LABELS: Record<ListedOnlyReason, string> = {
  tooLarge: '檔案過大',
  packBudget: '超過資料包容量',
  missing: '儲存之檔案不存在',
  hashMismatch: '儲存之檔案雜湊值不符',
};

/** The audit trail's verification, as the pack reports it. */
export interface AuditChainResult {
  valid: boolean;
  eventsChecked: number;
  lastSequence?: number;
  lastHash?: string;
  brokenAtSequence?: number;
  reason?: string;
}

export interface PackMetadata {
  inspectionPackId: string;
  tenantId: string;
  companyName: string;
  taxId?: string;
  period: InspectionPackPeriod;
  builtAt: string;
  builtBy: string;
  timeZone: string;
  auditChain: AuditChainResult;
  planVersionsInForce: PlanVersionInForce[];
  /** Sections with nothing to show and why (e.g. no approved risk assessment yet). */
  notes: { section: InspectionPackStep; note: LocalizedText }[];
}

export interface InspectionPackManifest extends PackMetadata {
  manifestVersion: 1;
  files: PackFile[];
  listedOnly: ListedOnlyFile[];
  totals: { files: number; bytes: number; listedOnly: number; listedOnlyBytes: number };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Describes one file of the archive from its bytes. */
export function packFile(path: string, mediaType: string, bytes: Uint8Array, section: InspectionPackStep, source?: string): PackFile {
  return { path, mediaType, sizeBytes: bytes.byteLength, sha256: sha256Hex(bytes), section, ...(source ? { source } : {}) };
}

export function buildManifest(metadata: PackMetadata, files: readonly PackFile[], listedOnly: readonly ListedOnlyFile[]): InspectionPackManifest {
  const paths = new Set<string>();
  for (const file of files) {
    if (paths.has(file.path)) throw new Error(`duplicate archive path: ${file.path}`);
    if (file.path === MANIFEST_JSON_PATH || file.path === MANIFEST_CSV_PATH) throw new Error(`reserved archive path: ${file.path}`);
    paths.add(file.path);
  }
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    manifestVersion: 1,
    ...metadata,
    files: sorted,
    listedOnly: [...listedOnly],
    totals: {
      files: sorted.length,
      bytes: sorted.reduce((sum, file) => sum + file.sizeBytes, 0),
      listedOnly: listedOnly.length,
      listedOnlyBytes: listedOnly.reduce((sum, file) => sum + file.sizeBytes, 0),
    },
  };
}

const SECTION_LABELS: Record<InspectionPackStep, string> = {
  planDocuments: '安全維護計畫',
  inventory: '個資盤點表',
  riskAssessment: '風險評估',
  vendors: '委外監督',
  training: '教育訓練',
  assessments: '稽核及自我評估',
  incidents: '個資事故',
  dataSubjectRequests: '當事人請求統計',
  evidence: '佐證資料',
  auditChain: '稽核軌跡驗證',
  archive: '封裝',
};

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** 清單.csv: the same rows as manifest.json, headed in zh-TW, for the inspector's spreadsheet. */
export function manifestCsv(manifest: InspectionPackManifest): string {
  const rows: (string | number)[][] = [
    ['公司名稱', manifest.companyName],
    ['期間', `${manifest.period.from} 至 ${manifest.period.to}`],
    ['製作時間', manifest.builtAt],
    ['製作者', manifest.builtBy],
    ['稽核軌跡驗證', manifest.auditChain.valid ? `通過（${manifest.auditChain.eventsChecked} 筆）` : `未通過（第 ${manifest.auditChain.brokenAtSequence ?? '?'} 筆：${manifest.auditChain.reason ?? ''}）`],
    [],
    ['類別', '檔案路徑', '媒體類型', '大小（位元組）', 'SHA-256', '來源紀錄'],
    ...manifest.files.map((file) => [SECTION_LABELS[file.section], file.path, file.mediaType, file.sizeBytes, file.sha256, file.source ?? '']),
  ];
  if (manifest.listedOnly.length > 0) {
    rows.push([], ['未納入之佐證檔案（僅列清單）', '儲存位置', '媒體類型', '大小（位元組）', 'SHA-256', '原因']);
    for (const file of manifest.listedOnly) {
      rows.push([`${file.evidenceId} ${file.title}`, file.storageKey, file.mediaType, file.sizeBytes, file.sha256, LISTED_ONLY_LABELS[file.reason]]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
