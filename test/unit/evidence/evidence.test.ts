import { describe, expect, it } from 'vitest';
import {
  checkDeletion,
  checkEvidenceLink,
  createEvidence,
  deletableFrom,
  evidenceFileKinds,
  fileKindOf,
  MAX_EVIDENCE_BYTES,
  MAX_LINKS,
  retentionEndsOn,
  setLegalHold,
  supportsFilterOf,
  verifyEvidence,
  yearOf,
  type EvidenceRecord,
  type NewEvidenceInput,
} from '../../../domain/evidence';

const SHA = 'a'.repeat(64);
const by = { by: 'key_officer', at: '2026-03-02T01:30:00.000Z', thisYear: 2026 };

const input = (overrides: Partial<NewEvidenceInput> = {}): NewEvidenceInput => ({
  evidenceId: 'evd_01jq3z5k8m9n0p1q2r3s4t5v6w',
  title: ' 115年度教育訓練簽到表 ',
  supports: [{ kind: 'assessmentItem', id: 'cas_01jq3z5k8m9n0p1q2r3s4t5v6w#1.1.1.1' }],
  fileName: 'sign-in.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 1024,
  sha256: SHA,
  relatesToYear: 2025,
  ...overrides,
});

function created(overrides: Partial<NewEvidenceInput> = {}): EvidenceRecord {
  const outcome = createEvidence(input(overrides), by);
  if (!outcome.ok) throw new Error(`refused: ${outcome.error.code}`);
  return outcome.value;
}

const complete = (overrides: Partial<NewEvidenceInput> = {}): EvidenceRecord => {
  const record = created(overrides);
  const verified = verifyEvidence(record, { sha256: record.sha256, sizeBytes: record.sizeBytes }, { by: 'key_officer', at: '2026-03-02T02:00:00.000Z' });
  if (!verified.ok) throw new Error('verify refused');
  return verified.value;
};

describe('creating an evidence record', () => {
  it('records what it is, what it supports, who added it and when, pending its upload', () => {
    const record = created({ description: ' 全體員工 ', sha256: SHA.toUpperCase() });
    expect(record).toEqual({
      evidenceId: 'evd_01jq3z5k8m9n0p1q2r3s4t5v6w',
      title: '115年度教育訓練簽到表',
      description: '全體員工',
      supports: [{ kind: 'assessmentItem', id: 'cas_01jq3z5k8m9n0p1q2r3s4t5v6w#1.1.1.1' }],
      fileName: 'sign-in.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 1024,
      sha256: SHA,
      relatesToYear: 2025,
      retentionYears: 5,
      status: 'pending',
      addedBy: 'key_officer',
      addedAt: '2026-03-02T01:30:00.000Z',
    });
  });

  it('leaves out an empty description', () => {
    expect(created({ description: '   ' })).not.toHaveProperty('description');
  });

  it.each([
    ['pdf', 'application/pdf', 'a.pdf'],
    ['png', 'image/png', 'a.PNG'],
    ['jpeg', 'image/jpeg', 'a.jpg'],
    ['jpeg', 'image/jpeg', 'a.jpeg'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'a.docx'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'a.xlsx'],
    ['csv', 'text/csv', 'a.csv'],
    ['txt', 'text/plain', 'log.txt'],
    ['zip', 'application/zip', 'logs.zip'],
  ])('accepts %s (%s) named %s', (kind, mediaType, fileName) => {
    expect(fileKindOf(mediaType)).toBe(kind);
    expect(created({ mediaType, fileName }).mediaType).toBe(mediaType);
  });

  it('normalises media-type parameters and case to the listed type', () => {
    expect(created({ mediaType: 'Text/Plain; charset=utf-8', fileName: 'a.txt' }).mediaType).toBe('text/plain');
  });

  it('lists exactly the eight allowed kinds', () => {
    expect(Object.keys(evidenceFileKinds)).toEqual(['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'csv', 'txt', 'zip']);
  });

  it.each([
    ['a media type off the allow-list', { mediaType: 'application/x-msdownload', fileName: 'a.exe' }, 'MEDIA_TYPE_NOT_ALLOWED', 'mediaType'],
    ['html', { mediaType: 'text/html', fileName: 'a.html' }, 'MEDIA_TYPE_NOT_ALLOWED', 'mediaType'],
    ['an extension that does not fit the type', { mediaType: 'application/pdf', fileName: 'a.docx' }, 'FILE_EXTENSION_MISMATCH', 'fileName'],
    ['no extension', { fileName: 'report' }, 'FILE_EXTENSION_MISMATCH', 'fileName'],
    ['a path as file name', { fileName: '../../etc/passwd.pdf' }, 'FILE_NAME_INVALID', 'fileName'],
    ['a backslash path', { fileName: 'C:\\docs\\a.pdf' }, 'FILE_NAME_INVALID', 'fileName'],
    ['a control character', { fileName: 'a\u0000.pdf' }, 'FILE_NAME_INVALID', 'fileName'],
    ['a hidden file name', { fileName: '.pdf' }, 'FILE_NAME_INVALID', 'fileName'],
    ['an empty title', { title: '  ' }, 'TITLE_REQUIRED', 'title'],
    ['a title over 200 characters', { title: '字'.repeat(201) }, 'TITLE_REQUIRED', 'title'],
    ['no supported record', { supports: [] }, 'LINK_REQUIRED', 'supports'],
    ['a malformed assessment item', { supports: [{ kind: 'assessmentItem', id: 'cas_x#1.1' }] }, 'LINK_ID_INVALID', 'supports.0.id'],
    ['an assessment item without item number', { supports: [{ kind: 'assessmentItem', id: 'cas_01jq3z5k8m9n0p1q2r3s4t5v6w' }] }, 'LINK_ID_INVALID', 'supports.0.id'],
    ['an id with spaces', { supports: [{ kind: 'incident', id: 'inc 1' }] }, 'LINK_ID_INVALID', 'supports.0.id'],
    ['an unknown kind', { supports: [{ kind: 'contract' as never, id: 'x' }] }, 'LINK_ID_INVALID', 'supports.0.kind'],
    ['the same record twice', { supports: [{ kind: 'incident', id: 'inc_1' }, { kind: 'incident', id: 'inc_1' }] }, 'DUPLICATE_LINK', 'supports.1'],
    ['a zero size', { sizeBytes: 0 }, 'SIZE_INVALID', 'sizeBytes'],
    ['a fractional size', { sizeBytes: 1.5 }, 'SIZE_INVALID', 'sizeBytes'],
    ['a size over the limit', { sizeBytes: MAX_EVIDENCE_BYTES + 1 }, 'SIZE_INVALID', 'sizeBytes'],
    ['a short hash', { sha256: 'abc' }, 'SHA256_INVALID', 'sha256'],
    ['a non-hex hash', { sha256: 'g'.repeat(64) }, 'SHA256_INVALID', 'sha256'],
    ['a future year', { relatesToYear: 2027 }, 'YEAR_INVALID', 'relatesToYear'],
    ['a year before the PDPA', { relatesToYear: 1990 }, 'YEAR_INVALID', 'relatesToYear'],
    ['retention under five years', { retentionYears: 4 }, 'RETENTION_TOO_SHORT', 'retentionYears'],
    ['retention over thirty years', { retentionYears: 31 }, 'RETENTION_TOO_SHORT', 'retentionYears'],
  ] as const)('refuses %s', (_name, overrides, code, field) => {
    const outcome = createEvidence(input(overrides as Partial<NewEvidenceInput>), by);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'invalidInput', code, field } });
    if (!outcome.ok) {
      expect(outcome.error.message.zhTW.length).toBeGreaterThan(0);
      expect(outcome.error.message.en.length).toBeGreaterThan(0);
    }
  });

  it(`accepts up to ${MAX_LINKS} supported records of every kind, and no more`, () => {
    const kinds = ['duty', 'incident', 'vendorCheck', 'trainingSession', 'planVersion'] as const;
    const links = Array.from({ length: MAX_LINKS }, (_, index) => ({ kind: kinds[index % kinds.length]!, id: `rec_${index}` }));
    expect(created({ supports: links }).supports).toHaveLength(MAX_LINKS);
    expect(createEvidence(input({ supports: [...links, { kind: 'duty', id: 'one_more' }] }), by)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_LINKS' } });
  });

  it('accepts this year and a longer retention', () => {
    expect(created({ relatesToYear: 2026, retentionYears: 10 })).toMatchObject({ relatesToYear: 2026, retentionYears: 10 });
  });
});

describe('retention (seed 001 Art. 14, seed 000 §11: at least five years)', () => {
  it('runs to 31 December of the fifth year after the year the evidence relates to', () => {
    expect(retentionEndsOn({ relatesToYear: 2025, retentionYears: 5 })).toBe('2030-12-31');
    expect(deletableFrom({ relatesToYear: 2025, retentionYears: 5 })).toBe('2031-01-01');
    expect(retentionEndsOn({ relatesToYear: 2020, retentionYears: 7 })).toBe('2027-12-31');
  });

  it('reads the tenant\'s year from a date', () => {
    expect(yearOf('2026-12-31')).toBe(2026);
  });
});

describe('verification: pending → complete or rejected', () => {
  const context = { by: 'key_officer', at: '2026-03-02T02:00:00.000Z' };

  it('completes when the stored SHA-256 and size match the declaration (hash compared case-insensitively)', () => {
    const record = created();
    expect(verifyEvidence(record, { sha256: SHA.toUpperCase(), sizeBytes: 1024 }, context)).toEqual({
      ok: true,
      value: { ...record, status: 'complete', verification: { at: context.at, by: 'key_officer', actualSha256: SHA, actualSizeBytes: 1024 } },
    });
  });

  it('rejects a different hash (a tampered file) and keeps what was found', () => {
    const outcome = verifyEvidence(created(), { sha256: 'b'.repeat(64), sizeBytes: 1024 }, context);
    expect(outcome).toMatchObject({ ok: true, value: { status: 'rejected', verification: { actualSha256: 'b'.repeat(64), actualSizeBytes: 1024 } } });
  });

  it('rejects a different size even with the declared hash', () => {
    expect(verifyEvidence(created(), { sha256: SHA, sizeBytes: 1023 }, context)).toMatchObject({ ok: true, value: { status: 'rejected' } });
  });

  it('refuses while nothing is uploaded', () => {
    expect(verifyEvidence(created(), undefined, context)).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'EVIDENCE_NOT_UPLOADED' } });
  });

  it('verifies once: complete and rejected records are final', () => {
    const done = complete();
    expect(verifyEvidence(done, { sha256: SHA, sizeBytes: 1024 }, context)).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'EVIDENCE_ALREADY_VERIFIED' } });
    const rejected = verifyEvidence(created(), { sha256: 'b'.repeat(64), sizeBytes: 1024 }, context);
    if (!rejected.ok) throw new Error('refused');
    expect(verifyEvidence(rejected.value, { sha256: SHA, sizeBytes: 1024 }, context)).toMatchObject({ ok: false, error: { code: 'EVIDENCE_ALREADY_VERIFIED' } });
  });
});

describe('legal hold', () => {
  const context = { by: 'key_owner', at: '2026-05-01T00:00:00.000Z' };

  it('goes on with a reason and comes off with one', () => {
    const held = setLegalHold(complete(), { on: true, reason: ' 主管機關行政檢查 ' }, context);
    expect(held).toMatchObject({ ok: true, value: { legalHold: { reason: '主管機關行政檢查', by: 'key_owner', since: context.at } } });
    if (!held.ok) return;
    const lifted = setLegalHold(held.value, { on: false, reason: '檢查結案' }, context);
    expect(lifted.ok).toBe(true);
    if (lifted.ok) expect(lifted.value).not.toHaveProperty('legalHold');
  });

  it('needs a reason either way', () => {
    expect(setLegalHold(complete(), { on: true, reason: ' ' }, context)).toMatchObject({ ok: false, error: { kind: 'invalidInput', code: 'LEGAL_HOLD_REASON_REQUIRED', field: 'reason' } });
  });

  it('refuses to put on a hold twice or lift one that is not on', () => {
    const held = setLegalHold(complete(), { on: true, reason: '訴訟' }, context);
    if (!held.ok) throw new Error('refused');
    expect(setLegalHold(held.value, { on: true, reason: '另案' }, context)).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'LEGAL_HOLD_ALREADY_ON' } });
    expect(setLegalHold(complete(), { on: false, reason: '結案' }, context)).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'LEGAL_HOLD_NOT_ON' } });
  });
});

describe('deletion', () => {
  it('refuses complete evidence up to and including the last day of retention, naming the date', () => {
    const outcome = checkDeletion(complete(), '2030-12-31');
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'forbiddenByRule', code: 'EVIDENCE_RETENTION_NOT_ENDED', details: { retentionEndsOn: '2030-12-31', deletableFrom: '2031-01-01' } } });
    if (!outcome.ok) {
      expect(outcome.error.message.zhTW).toContain('2030-12-31');
      expect(outcome.error.message.en).toContain('2031-01-01');
    }
  });

  it('allows it from the day after retention ends', () => {
    expect(checkDeletion(complete(), '2031-01-01')).toEqual({ ok: true, value: { retentionEnded: true } });
  });

  it('follows a longer retention', () => {
    expect(checkDeletion(complete({ retentionYears: 7 }), '2031-01-01')).toMatchObject({ ok: false, error: { code: 'EVIDENCE_RETENTION_NOT_ENDED' } });
    expect(checkDeletion(complete({ retentionYears: 7 }), '2033-01-01')).toMatchObject({ ok: true });
  });

  it('refuses anything on legal hold, even after retention', () => {
    const held = setLegalHold(complete(), { on: true, reason: '訴訟' }, { by: 'o', at: '2026-01-01T00:00:00Z' });
    if (!held.ok) throw new Error('refused');
    expect(checkDeletion(held.value, '2040-01-01')).toMatchObject({ ok: false, error: { kind: 'forbiddenByRule', code: 'EVIDENCE_ON_LEGAL_HOLD' } });
    const heldPending = setLegalHold(created(), { on: true, reason: '訴訟' }, { by: 'o', at: '2026-01-01T00:00:00Z' });
    if (!heldPending.ok) throw new Error('refused');
    expect(checkDeletion(heldPending.value, '2026-06-01')).toMatchObject({ ok: false, error: { code: 'EVIDENCE_ON_LEGAL_HOLD' } });
  });

  it('lets a pending or rejected record (never evidence) be withdrawn before retention ends', () => {
    expect(checkDeletion(created(), '2026-06-01')).toEqual({ ok: true, value: { retentionEnded: false } });
    const rejected = verifyEvidence(created(), { sha256: 'b'.repeat(64), sizeBytes: 1024 }, { by: 'o', at: '2026-01-01T00:00:00Z' });
    if (!rejected.ok) throw new Error('refused');
    expect(checkDeletion(rejected.value, '2026-06-01')).toEqual({ ok: true, value: { retentionEnded: false } });
  });
});

describe('links and the list filter', () => {
  it('checks one link on its own', () => {
    expect(checkEvidenceLink({ kind: 'duty', id: 'duty:annualAudit' })).toEqual({ ok: true, value: { kind: 'duty', id: 'duty:annualAudit' } });
    expect(checkEvidenceLink({ kind: 'planVersion', id: '' })).toMatchObject({ ok: false, error: { code: 'LINK_ID_INVALID' } });
  });

  it('takes both parts of the filter or neither', () => {
    expect(supportsFilterOf(undefined, undefined)).toEqual({ ok: true, value: undefined });
    expect(supportsFilterOf('incident', 'inc_1')).toEqual({ ok: true, value: { kind: 'incident', id: 'inc_1' } });
    expect(supportsFilterOf('incident', undefined)).toMatchObject({ ok: false, error: { kind: 'invalidInput', field: 'query.supportsId' } });
    expect(supportsFilterOf(undefined, 'inc_1')).toMatchObject({ ok: false, error: { kind: 'invalidInput', field: 'query.supportsKind' } });
    expect(supportsFilterOf('assessmentItem', 'cas_1')).toMatchObject({ ok: false, error: { code: 'LINK_ID_INVALID', field: 'query.supports.id' } });
  });
});
