/**
 * Evidence records (佐證資料): the files that show the security maintenance plan is carried out.
 *
 * Why they are kept and for how long: the MAC regulation for designated non-government agencies
 * (seed 001, Art. 14 ¶1 ③) requires 「落實執行本計畫及處理方法之證據」 to be kept for at least five
 * years, and the plan example (seed 000 §11 (3)) sets 保存期限 5年 for that evidence. A record's
 * retention therefore runs to the end of the fifth calendar year after the year the evidence relates
 * to (evidence of 2025 is kept until 2030-12-31), longer when the tenant asks for more years, and
 * without end while a legal hold is on.
 *
 * Status: pending (metadata and a declared SHA-256; the file is being uploaded) → complete once the
 * server has read the stored bytes and their SHA-256 and size match the declaration, or rejected
 * when they do not. Only a complete record counts as evidence; a rejected one stays as the record
 * of a failed (possibly tampered) upload.
 */
import { addDays, compareIsoDate, formatIsoDate, parseIsoDate, type IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type Outcome } from '../shared/outcome';

/** The records evidence can support; the id is the record's own id (assessment items: `<cas_id>#<itemNumber>`). */
export const evidenceLinkKinds = ['duty', 'assessmentItem', 'incident', 'vendorCheck', 'trainingSession', 'planVersion'] as const;
export type EvidenceLinkKind = (typeof evidenceLinkKinds)[number];

export interface EvidenceLink {
  kind: EvidenceLinkKind;
  id: string;
}

/** The accepted file kinds: their media type and the file-name extensions that go with it. */
export const evidenceFileKinds = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  csv: { mediaType: 'text/csv', extensions: ['csv'] },
  txt: { mediaType: 'text/plain', extensions: ['txt'] },
  zip: { mediaType: 'application/zip', extensions: ['zip'] },
} as const;
export type EvidenceFileKind = keyof typeof evidenceFileKinds;
export const evidenceMediaTypes = Object.values(evidenceFileKinds).map((kind) => kind.mediaType);
export type EvidenceMediaType = (typeof evidenceFileKinds)[EvidenceFileKind]['mediaType'];

export const evidenceStatuses = ['pending', 'complete', 'rejected'] as const;
export type EvidenceStatus = (typeof evidenceStatuses)[number];

/** Seed 001 Art. 14 ¶1 and seed 000 §11: at least five years. */
export const MINIMUM_RETENTION_YEARS = 5;
export const MAXIMUM_RETENTION_YEARS = 30;
/** The server reads the whole file to hash it (in a Lambda), so one file stays well inside its memory. */
export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;
export const MAX_LINKS = 20;
/** The earliest year evidence may relate to: the PDPA's predecessor dates from 1995; older files are not plan evidence. */
export const EARLIEST_EVIDENCE_YEAR = 1995;

export const EVIDENCE_ID_PATTERN = /^evd_[0-9a-z]{26}$/;
const LINK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:#-]{0,159}$/;
const ASSESSMENT_ITEM_ID_PATTERN = /^cas_[0-9a-z]{26}#[0-9]+(\.[0-9]+)*$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export interface LegalHold {
  reason: string;
  by: string;
  since: string;
}

export interface EvidenceVerification {
  at: string;
  by: string;
  actualSha256: string;
  actualSizeBytes: number;
}

export interface EvidenceRecord {
  evidenceId: string;
  title: string;
  description?: string;
  supports: EvidenceLink[];
  fileName: string;
  mediaType: EvidenceMediaType;
  sizeBytes: number;
  /** Lower-case hex SHA-256 the uploader declared; the stored bytes must match it. */
  sha256: string;
  relatesToYear: number;
  retentionYears: number;
  status: EvidenceStatus;
  addedBy: string;
  addedAt: string;
  verification?: EvidenceVerification;
  legalHold?: LegalHold;
}

export type EvidenceCode =
  | 'TITLE_REQUIRED'
  | 'LINK_REQUIRED'
  | 'TOO_MANY_LINKS'
  | 'LINK_ID_INVALID'
  | 'DUPLICATE_LINK'
  | 'MEDIA_TYPE_NOT_ALLOWED'
  | 'FILE_NAME_INVALID'
  | 'FILE_EXTENSION_MISMATCH'
  | 'SIZE_INVALID'
  | 'SHA256_INVALID'
  | 'YEAR_INVALID'
  | 'RETENTION_TOO_SHORT'
  | 'EVIDENCE_ALREADY_VERIFIED'
  | 'EVIDENCE_NOT_UPLOADED'
  | 'LEGAL_HOLD_REASON_REQUIRED'
  | 'LEGAL_HOLD_ALREADY_ON'
  | 'LEGAL_HOLD_NOT_ON'
  | 'EVIDENCE_ON_LEGAL_HOLD'
  | 'EVIDENCE_RETENTION_NOT_ENDED';

export interface NewEvidenceInput {
  evidenceId: string;
  title: string;
  description?: string;
  supports: readonly EvidenceLink[];
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  relatesToYear: number;
  retentionYears?: number;
}

const invalidField = (code: EvidenceCode, field: string, message: LocalizedText) => fail('invalidInput', code, message, { field });

function linkIdProblem(link: EvidenceLink): LocalizedText | undefined {
  if (link.kind === 'assessmentItem') {
    return ASSESSMENT_ITEM_ID_PATTERN.test(link.id)
      ? undefined
      : { zhTW: '評估項目之編號須為「評估編號#項目編號」，例如 cas_…#1.1.1.1', en: 'An assessment item is "<assessment id>#<item number>", e.g. cas_…#1.1.1.1' };
  }
  return LINK_ID_PATTERN.test(link.id) ? undefined : { zhTW: '紀錄編號格式不正確', en: 'The record id is not well-formed' };
}

/** Checks one link (the list filter uses it too). */
export function checkEvidenceLink(link: EvidenceLink, field = 'supports'): Outcome<EvidenceLink, EvidenceCode> {
  if (!evidenceLinkKinds.includes(link.kind)) {
    return invalidField('LINK_ID_INVALID', `${field}.kind`, { zhTW: `支持之紀錄種類須為 ${evidenceLinkKinds.join('、')} 之一`, en: `The record kind must be one of ${evidenceLinkKinds.join(', ')}` });
  }
  const problem = linkIdProblem(link);
  return problem ? invalidField('LINK_ID_INVALID', `${field}.id`, problem) : ok({ kind: link.kind, id: link.id });
}

/** The file kind of a media type on the allow-list (parameters such as `; charset=utf-8` ignored). */
export function fileKindOf(mediaType: string): EvidenceFileKind | undefined {
  const bare = mediaType.split(';')[0]!.trim().toLowerCase();
  return (Object.keys(evidenceFileKinds) as EvidenceFileKind[]).find((kind) => evidenceFileKinds[kind].mediaType === bare);
}

function hasPathOrControlCharacter(text: string): boolean {
  return [...text].some((character) => character === '/' || character === '\\' || character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f);
}

/** A new record, pending its upload. `thisYear` bounds relatesToYear (evidence of a future year is not evidence yet). */
export function createEvidence(input: NewEvidenceInput, context: { by: string; at: string; thisYear: number }): Outcome<EvidenceRecord, EvidenceCode> {
  const title = input.title.trim();
  if (title.length === 0 || title.length > 200) return invalidField('TITLE_REQUIRED', 'title', { zhTW: '須填寫佐證名稱（至多 200 字）', en: 'A title of at most 200 characters is required' });
  if (input.supports.length === 0) return invalidField('LINK_REQUIRED', 'supports', { zhTW: '須指明此佐證支持之紀錄（至少一筆）', en: 'Name at least one record this evidence supports' });
  if (input.supports.length > MAX_LINKS) return invalidField('TOO_MANY_LINKS', 'supports', { zhTW: `支持之紀錄至多 ${MAX_LINKS} 筆`, en: `At most ${MAX_LINKS} supported records` });
  const supports: EvidenceLink[] = [];
  for (const [index, link] of input.supports.entries()) {
    const checked = checkEvidenceLink(link, `supports.${index}`);
    if (!checked.ok) return checked;
    if (supports.some((seen) => seen.kind === link.kind && seen.id === link.id)) {
      return invalidField('DUPLICATE_LINK', `supports.${index}`, { zhTW: '同一紀錄重複列出', en: 'The same record is listed twice' });
    }
    supports.push(checked.value);
  }
  const kind = fileKindOf(input.mediaType);
  if (!kind) {
    return invalidField('MEDIA_TYPE_NOT_ALLOWED', 'mediaType', {
      zhTW: `檔案類型須為 ${Object.keys(evidenceFileKinds).join('、')} 之一`,
      en: `The file type must be one of ${Object.keys(evidenceFileKinds).join(', ')}`,
    });
  }
  const fileName = input.fileName.trim();
  // A name, not a path: it becomes the download's file name.
  if (fileName.length === 0 || fileName.length > 200 || hasPathOrControlCharacter(fileName) || fileName.startsWith('.')) {
    return invalidField('FILE_NAME_INVALID', 'fileName', { zhTW: '檔名須為 1 至 200 字、不含路徑或控制字元', en: 'The file name is 1 to 200 characters with no path or control characters' });
  }
  const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : '';
  const extensions: readonly string[] = evidenceFileKinds[kind].extensions;
  if (!extensions.includes(extension)) {
    return invalidField('FILE_EXTENSION_MISMATCH', 'fileName', { zhTW: `檔名副檔名須為 .${extensions.join(' 或 .')}（與檔案類型相符）`, en: `The extension must be .${extensions.join(' or .')} to match the file type` });
  }
  if (!Number.isInteger(input.sizeBytes) || input.sizeBytes < 1 || input.sizeBytes > MAX_EVIDENCE_BYTES) {
    return invalidField('SIZE_INVALID', 'sizeBytes', { zhTW: `檔案大小須為 1 至 ${MAX_EVIDENCE_BYTES} 位元組`, en: `The size must be 1 to ${MAX_EVIDENCE_BYTES} bytes` });
  }
  const sha256 = input.sha256.trim().toLowerCase();
  if (!SHA256_PATTERN.test(sha256)) return invalidField('SHA256_INVALID', 'sha256', { zhTW: 'SHA-256 須為 64 位十六進位字元', en: 'The SHA-256 is 64 hexadecimal characters' });
  if (!Number.isInteger(input.relatesToYear) || input.relatesToYear < EARLIEST_EVIDENCE_YEAR || input.relatesToYear > context.thisYear) {
    return invalidField('YEAR_INVALID', 'relatesToYear', { zhTW: `所屬年度須介於 ${EARLIEST_EVIDENCE_YEAR} 與 ${context.thisYear} 之間`, en: `The year must be between ${EARLIEST_EVIDENCE_YEAR} and ${context.thisYear}` });
  }
  const retentionYears = input.retentionYears ?? MINIMUM_RETENTION_YEARS;
  if (!Number.isInteger(retentionYears) || retentionYears < MINIMUM_RETENTION_YEARS || retentionYears > MAXIMUM_RETENTION_YEARS) {
    return invalidField('RETENTION_TOO_SHORT', 'retentionYears', {
      zhTW: `保存年限須為 ${MINIMUM_RETENTION_YEARS} 至 ${MAXIMUM_RETENTION_YEARS} 年（安全維護辦法第 14 條：至少五年）`,
      en: `Retention is ${MINIMUM_RETENTION_YEARS} to ${MAXIMUM_RETENTION_YEARS} years (regulation Art. 14: at least five years)`,
    });
  }
  const description = input.description?.trim();
  return ok({
    evidenceId: input.evidenceId,
    title,
    ...(description ? { description } : {}),
    supports,
    fileName,
    mediaType: evidenceFileKinds[kind].mediaType,
    sizeBytes: input.sizeBytes,
    sha256,
    relatesToYear: input.relatesToYear,
    retentionYears,
    status: 'pending',
    addedBy: context.by,
    addedAt: context.at,
  });
}

/** The last day of retention: 31 December of the year `retentionYears` after the year the evidence relates to. */
export function retentionEndsOn(record: Pick<EvidenceRecord, 'relatesToYear' | 'retentionYears'>): IsoDate {
  return formatIsoDate(record.relatesToYear + record.retentionYears, 12, 31);
}

/** The first day the record may be deleted (when not on legal hold). */
export function deletableFrom(record: Pick<EvidenceRecord, 'relatesToYear' | 'retentionYears'>): IsoDate {
  return addDays(retentionEndsOn(record), 1);
}

/** The year of a calendar date (the tenant's "this year"). */
export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

/**
 * Compares the stored bytes' SHA-256 and size with the declaration: complete when both match,
 * rejected otherwise. `stored` is undefined while nothing has been uploaded.
 */
export function verifyEvidence(
  record: EvidenceRecord,
  stored: { sha256: string; sizeBytes: number } | undefined,
  context: { by: string; at: string },
): Outcome<EvidenceRecord, EvidenceCode> {
  if (record.status !== 'pending') {
    return fail('conflict', 'EVIDENCE_ALREADY_VERIFIED', { zhTW: `此佐證已驗證（${record.status === 'complete' ? '相符' : '不符'}），不得重複驗證`, en: `This evidence was already verified (${record.status}); it is not verified twice` });
  }
  if (!stored) {
    return fail('conflict', 'EVIDENCE_NOT_UPLOADED', { zhTW: '尚未收到檔案內容，請先以上傳網址上傳後再驗證', en: 'No file has been uploaded yet; upload it through the upload URL, then verify' });
  }
  const actualSha256 = stored.sha256.toLowerCase();
  const matches = actualSha256 === record.sha256 && stored.sizeBytes === record.sizeBytes;
  return ok({
    ...record,
    status: matches ? 'complete' : 'rejected',
    verification: { at: context.at, by: context.by, actualSha256, actualSizeBytes: stored.sizeBytes },
  });
}

/** Puts a legal hold on (with the reason) or lifts it (with the reason for lifting). */
export function setLegalHold(
  record: EvidenceRecord,
  change: { on: boolean; reason: string },
  context: { by: string; at: string },
): Outcome<EvidenceRecord, EvidenceCode> {
  const reason = change.reason.trim();
  if (reason.length === 0) {
    return invalidField('LEGAL_HOLD_REASON_REQUIRED', 'reason', { zhTW: '設定或解除法律保全須載明理由', en: 'Putting on or lifting a legal hold needs a reason' });
  }
  if (change.on && record.legalHold) {
    return fail('conflict', 'LEGAL_HOLD_ALREADY_ON', { zhTW: `此佐證自 ${record.legalHold.since} 起已在法律保全中`, en: `This evidence has been on legal hold since ${record.legalHold.since}` });
  }
  if (!change.on && !record.legalHold) {
    return fail('conflict', 'LEGAL_HOLD_NOT_ON', { zhTW: '此佐證未在法律保全中', en: 'This evidence is not on legal hold' });
  }
  if (change.on) return ok({ ...record, legalHold: { reason, by: context.by, since: context.at } });
  const { legalHold: _lifted, ...rest } = record;
  return ok(rest);
}

/**
 * Whether the record may be deleted today. Never while on legal hold. Complete evidence only after its
 * retention has ended (the refusal names the date). A pending or rejected record never counted as
 * evidence, so it may be withdrawn at any time; the audit trail keeps the withdrawal.
 */
export function checkDeletion(record: EvidenceRecord, today: IsoDate): Outcome<{ retentionEnded: boolean }, EvidenceCode> {
  if (record.legalHold) {
    return fail('forbiddenByRule', 'EVIDENCE_ON_LEGAL_HOLD', {
      zhTW: `此佐證在法律保全中（${record.legalHold.reason}），解除前不得刪除`,
      en: `This evidence is on legal hold (${record.legalHold.reason}); it cannot be deleted until the hold is lifted`,
    });
  }
  const endsOn = retentionEndsOn(record);
  const retentionEnded = compareIsoDate(today, endsOn) > 0;
  if (record.status === 'complete' && !retentionEnded) {
    return fail(
      'forbiddenByRule',
      'EVIDENCE_RETENTION_NOT_ENDED',
      {
        zhTW: `保存期限至 ${endsOn} 止（安全維護辦法第 14 條：至少保存五年），${deletableFrom(record)} 起始得刪除`,
        en: `Retention runs until ${endsOn} (regulation Art. 14: kept at least five years); it can be deleted from ${deletableFrom(record)}`,
      },
      { details: { retentionEndsOn: endsOn, deletableFrom: deletableFrom(record) } },
    );
  }
  return ok({ retentionEnded });
}

/** The link's index value: one string per supported record. */
export function linkKeyOf(link: EvidenceLink): string {
  return `${link.kind}#${link.id}`;
}

/** The list filter "evidence supporting this record": both parts or neither. */
export function supportsFilterOf(kind: EvidenceLinkKind | undefined, id: string | undefined): Outcome<EvidenceLink | undefined, EvidenceCode> {
  if (kind === undefined && id === undefined) return ok(undefined);
  if (kind === undefined || id === undefined) {
    return invalidField('LINK_REQUIRED', kind === undefined ? 'query.supportsKind' : 'query.supportsId', { zhTW: 'supportsKind 與 supportsId 須同時提供', en: 'Give supportsKind and supportsId together' });
  }
  return checkEvidenceLink({ kind, id }, 'query.supports');
}
