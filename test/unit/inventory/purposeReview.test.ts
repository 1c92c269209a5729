import { describe, expect, it } from 'vitest';
import { personalDataFileSchema, type PersonalDataFile } from '../../../domain/inventory/personalDataFile';
import { applyPurposeReview, filesDueForPurposeReview, keepReviewDueOn } from '../../../domain/inventory/purposeReview';
import { purposeReviewDecisionSchema } from '../../../domain/inventory/purposeReviewDecision';
import { exampleFiles } from '../../fixtures/inventory/loadExamples';

const supplier = exampleFiles().find((f) => f.id === '002')!;
const withDates = (id: string, dates: { purposeEndsOn?: string; retentionExpiresOn?: string }): PersonalDataFile => personalDataFileSchema.parse({ ...supplier, id, ...dates });

const keep = { decision: 'keep', decidedOn: '2025-07-01', decidedBy: '技安', reasonCategory: 'law', reason: '稅捐稽徵法規定保存' } as const;

describe('filesDueForPurposeReview (Art. 11 ¶3)', () => {
  const purpose = withDates('010', { purposeEndsOn: '2025-06-30' });
  const retention = withDates('011', { retentionExpiresOn: '2025-06-30' });

  it('the purpose trigger starts on purposeEndsOn itself', () => {
    expect(filesDueForPurposeReview([purpose], '2025-06-29')).toEqual([]);
    expect(filesDueForPurposeReview([purpose], '2025-06-30')).toEqual([
      { fileId: '010', fileName: '供應商聯絡資料', dueSince: '2025-06-30', triggers: [{ kind: 'purposeEnded', since: '2025-06-30' }] },
    ]);
  });

  it('retention runs to the end of its last day, so the trigger starts the next day', () => {
    expect(filesDueForPurposeReview([retention], '2025-06-30')).toEqual([]);
    expect(filesDueForPurposeReview([retention], '2025-07-01')).toEqual([
      { fileId: '011', fileName: '供應商聯絡資料', dueSince: '2025-07-01', triggers: [{ kind: 'retentionExpired', since: '2025-07-01' }] },
    ]);
  });

  it('lists both triggers and the earliest date, sorted by due date', () => {
    const both = withDates('012', { purposeEndsOn: '2025-03-01', retentionExpiresOn: '2025-04-30' });
    const due = filesDueForPurposeReview([retention, both, purpose], '2025-12-31');
    expect(due.map((d) => [d.fileId, d.dueSince])).toEqual([
      ['012', '2025-03-01'],
      ['010', '2025-06-30'],
      ['011', '2025-07-01'],
    ]);
    expect(due[0]!.triggers.map((t) => t.kind)).toEqual(['purposeEnded', 'retentionExpired']);
  });

  it('ignores files without dates and files already stopped or deleted', () => {
    const stopped = applyPurposeReview(purpose, { decision: 'stop', decidedOn: '2025-07-01', decidedBy: '技安' });
    const deleted = applyPurposeReview(retention, { decision: 'delete', decidedOn: '2025-07-02', decidedBy: '技安' });
    if (!stopped.ok || !deleted.ok) throw new Error('decision failed');
    expect(filesDueForPurposeReview([supplier, stopped.value, deleted.value], '2030-01-01')).toEqual([]);
  });

  it('a keep decision settles the review until its re-review date (default one year)', () => {
    const kept = applyPurposeReview(purpose, keep);
    if (!kept.ok) throw new Error(kept.error.message.en);
    expect(keepReviewDueOn(kept.value.purposeReview as typeof keep)).toBe('2026-07-01');
    expect(filesDueForPurposeReview([kept.value], '2026-06-30')).toEqual([]);
    expect(filesDueForPurposeReview([kept.value], '2026-07-01')).toEqual([
      { fileId: '010', fileName: '供應商聯絡資料', dueSince: '2026-07-01', triggers: [{ kind: 'keepDecisionDue', since: '2026-07-01' }] },
    ]);
  });

  it('a trigger arising after a keep decision reopens the review', () => {
    const file = withDates('013', { purposeEndsOn: '2025-06-30', retentionExpiresOn: '2025-09-30' });
    const kept = applyPurposeReview(file, { ...keep, reviewAgainOn: '2027-01-01' });
    if (!kept.ok) throw new Error(kept.error.message.en);
    expect(filesDueForPurposeReview([kept.value], '2025-09-30')).toEqual([]);
    expect(filesDueForPurposeReview([kept.value], '2025-10-01')[0]!.triggers).toEqual([{ kind: 'retentionExpired', since: '2025-10-01' }]);
  });
});

describe('review decisions', () => {
  const ended = withDates('010', { purposeEndsOn: '2025-06-30' });

  it('keep requires a reason category and a reason text', () => {
    expect(purposeReviewDecisionSchema.safeParse({ ...keep, reasonCategory: undefined }).success).toBe(false);
    expect(purposeReviewDecisionSchema.safeParse({ ...keep, reason: ' ' }).success).toBe(false);
    expect(purposeReviewDecisionSchema.safeParse({ ...keep, reasonCategory: 'convenience' }).success).toBe(false);
    expect(applyPurposeReview(ended, { ...keep, reason: undefined })).toMatchObject({ ok: false, error: { message: { en: expect.stringContaining('reason') } } });
  });

  it.each(['law', 'businessNecessity', 'writtenConsent'] as const)('keep with %s', (reasonCategory) => {
    const result = applyPurposeReview(ended, { ...keep, reasonCategory });
    expect(result).toMatchObject({ ok: true, value: { status: 'active', purposeReview: { decision: 'keep', reasonCategory } } });
  });

  it('delete and stop set the file status', () => {
    expect(applyPurposeReview(ended, { decision: 'delete', decidedOn: '2025-07-01', decidedBy: '技安' })).toMatchObject({ ok: true, value: { status: 'deleted' } });
    expect(applyPurposeReview(ended, { decision: 'stop', decidedOn: '2025-07-01', decidedBy: '技安', note: '停止行銷' })).toMatchObject({
      ok: true,
      value: { status: 'processingStopped', purposeReview: { note: '停止行銷' } },
    });
  });

  it('the result is a valid file and the input is not mutated', () => {
    const result = applyPurposeReview(ended, { decision: 'stop', decidedOn: '2025-07-01', decidedBy: '技安' });
    if (!result.ok) throw new Error(result.error.message.en);
    expect(personalDataFileSchema.parse(result.value)).toEqual(result.value);
    expect(ended.status).toBe('active');
  });

  it('keep is refused while nothing has ended', () => {
    expect(applyPurposeReview(ended, { ...keep, decidedOn: '2025-06-29' })).toMatchObject({ ok: false, error: { message: { en: expect.stringContaining('no keep decision') } } });
    expect(applyPurposeReview(supplier, keep).ok).toBe(false);
  });

  it('a re-review date must follow the decision', () => {
    expect(applyPurposeReview(ended, { ...keep, reviewAgainOn: '2025-07-01' }).ok).toBe(false);
    expect(applyPurposeReview(ended, { ...keep, reviewAgainOn: '2025-07-02' }).ok).toBe(true);
  });

  it('a deleted file takes no more decisions, and decisions do not go back in time', () => {
    const deleted = applyPurposeReview(ended, { decision: 'delete', decidedOn: '2025-07-01', decidedBy: '技安' });
    if (!deleted.ok) throw new Error('delete failed');
    expect(applyPurposeReview(deleted.value, keep)).toMatchObject({ ok: false, error: { message: { en: 'the file is already deleted' } } });
    const kept = applyPurposeReview(ended, keep);
    if (!kept.ok) throw new Error('keep failed');
    expect(applyPurposeReview(kept.value, { decision: 'delete', decidedOn: '2025-06-30', decidedBy: '技安' }).ok).toBe(false);
    expect(applyPurposeReview(kept.value, { decision: 'delete', decidedOn: '2025-07-01', decidedBy: '技安' }).ok).toBe(true);
  });
});
