/**
 * The evidence section: complete evidence records that relate to the period (the year they relate
 * to, or added in it), copied from the object store into the pack — unless the too-large rule
 * lists them instead — each checked against its recorded SHA-256 on the way, so the pack never
 * carries bytes other than those the record vouches for.
 */
import {
  archivePath,
  dateWithin,
  parseYearRange,
  placeEvidence,
  sha256Hex,
  type ListedOnlyFile,
} from '../../domain/inspectionPack';
import { zonedDateOf } from '../../domain/shared/isoDate';
import { evidenceAccess, objectKeyOf } from '../evidence/evidenceEntities';
import { toEvidenceView } from '../evidence/evidenceModel';
import { toStoredEvidence, type StoredEvidence } from '../evidence/evidenceStore';
import type { ObjectStore } from '../storage/objectStore';
import { queryAll } from '../store/entityModel';
import { jsonFile, type SectionFile, type SectionInput, type SectionOutput } from './packSections';

const REGISTER_MAX_ITEMS = 10_000;

export async function evidenceSection(input: SectionInput, objectStore: ObjectStore): Promise<SectionOutput & { listedOnly: ListedOnlyFile[] }> {
  const { context, period } = input;
  const years = parseYearRange(period);
  const records = (await queryAll(context.table, evidenceAccess.newestFirst(), { max: REGISTER_MAX_ITEMS })).items
    .map(toStoredEvidence)
    .filter((record) => record.status === 'complete')
    .filter((record) => (record.relatesToYear >= years.first && record.relatesToYear <= years.last) || dateWithin(zonedDateOf(record.addedAt, input.timeZone), period))
    .sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.evidenceId.localeCompare(b.evidenceId));
  const placement = placeEvidence(records);
  const listedOnly: ListedOnlyFile[] = placement.listOnly.map(({ file, reason }) => listed(context.tenantId, file, reason));
  const files: SectionFile[] = [];
  for (const record of placement.include) {
    const bytes = await objectStore.get(objectKeyOf(context.tenantId, record.evidenceId));
    if (!bytes) listedOnly.push(listed(context.tenantId, record, 'missing'));
    else if (sha256Hex(bytes) !== record.sha256) listedOnly.push(listed(context.tenantId, record, 'hashMismatch'));
    else files.push({ path: archivePath('evidence', `${record.evidenceId}_${record.fileName}`), mediaType: record.mediaType, bytes, source: `evidence:${record.evidenceId}` });
  }
  files.push(jsonFile(archivePath('evidence', '佐證清冊.json'), { period, evidence: records.map(toEvidenceView) }, `evidence:${records.length}`));
  const notes = records.length === 0 ? [{ zhTW: '期間內無已完成驗證之佐證資料。', en: 'No verified evidence relates to the period.' }] : [];
  return { files, notes, listedOnly };
}

function listed(tenantId: string, record: StoredEvidence, reason: ListedOnlyFile['reason']): ListedOnlyFile {
  return { evidenceId: record.evidenceId, title: record.title, mediaType: record.mediaType, sizeBytes: record.sizeBytes, sha256: record.sha256, storageKey: objectKeyOf(tenantId, record.evidenceId), reason };
}
