/**
 * Where each record goes in the archive: numbered folders in the order of the inspection
 * (plan first, audit trail last), zh-TW names, and file names safe on every system a regulator
 * might unpack on (no separators, no reserved characters, bounded length).
 */
import type { InspectionPackStep } from './job';

export const sectionFolders: Record<Exclude<InspectionPackStep, 'archive'>, string> = {
  planDocuments: '01_安全維護計畫',
  inventory: '02_個資盤點',
  riskAssessment: '03_風險評估',
  vendors: '04_委外監督',
  training: '05_教育訓練',
  assessments: '06_稽核及自我評估',
  incidents: '07_個資事故',
  dataSubjectRequests: '08_當事人請求統計',
  evidence: '09_佐證資料',
  auditChain: '10_稽核軌跡',
};

/** A file-name part: path separators, reserved and control characters become `_`; at most 80 characters. */
export function safeNamePart(value: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '_').trim();
  return [...(cleaned || '_')].slice(0, 80).join('');
}

export function archivePath(section: Exclude<InspectionPackStep, 'archive'>, ...names: string[]): string {
  return [sectionFolders[section], ...names.map(safeNamePart)].join('/');
}
