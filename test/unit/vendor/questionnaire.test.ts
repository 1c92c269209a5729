import { describe, expect, it } from 'vitest';
import { contractClauseCatalog } from '../../../domain/vendor/contract';
import {
  defaultVendorQuestionnaire,
  deriveTenantQuestionnaire,
  issueQuestionnaireToken,
  markTokenSubmitted,
  questionnaireSchema,
  questionnaireTokenStatus,
  reviewResponse,
  reviseQuestionnaire,
  revokeQuestionnaireToken,
  saveResponseAnswers,
  startFollowUpResponse,
  startQuestionnaireResponse,
  submitResponse,
  validateAnswers,
  type QuestionnaireAnswer,
  type QuestionnaireToken,
} from '../../../domain/vendor/questionnaire';

const base = defaultVendorQuestionnaire;

function fullAnswers(): QuestionnaireAnswer[] {
  return base.questions.map((q) => ({ questionId: q.id, answer: 'yes', evidenceRefs: q.evidenceRequested ? ['doc.pdf'] : [] }));
}

describe('default questionnaire', () => {
  it('is valid, has unique stable ids and covers every Art. 12 ¶2 measure and Art. 8 items 1, 3, 4, 6', () => {
    expect(questionnaireSchema.safeParse(base).success).toBe(true);
    const covered = new Set(base.questions.map((q) => q.basedOnClauseId));
    const expected = contractClauseCatalog.filter((c) => c.requirement === 'required' && c.id !== 'reservedInstructions').map((c) => c.id);
    for (const id of expected) expect(covered).toContain(id);
    expect(base.questions[0]!.id).toBe('q.scope');
    for (const q of base.questions) expect(q.text.zhTW && q.text.en).toBeTruthy();
  });
});

describe('tenant copy and edits', () => {
  const copy = deriveTenantQuestionnaire(base, { id: 'tq1', tenantId: 't1' });
  it('copies without sharing question objects and records its origin', () => {
    expect(copy).toMatchObject({ id: 'tq1', tenantId: 't1', version: 1, derivedFrom: { id: base.id, version: 1 } });
    expect(copy.questions[0]).not.toBe(base.questions[0]);
  });
  it('refuses edits to the default questionnaire and to another tenant’s copy', () => {
    const change = { op: 'remove', questionId: 'q.scope' } as const;
    expect(reviseQuestionnaire(base, change, 't1')).toMatchObject({ ok: false, error: { code: 'QUESTIONNAIRE_NOT_EDITABLE', kind: 'conflict' } });
    expect(reviseQuestionnaire(copy, change, 't2')).toMatchObject({ ok: false, error: { code: 'QUESTIONNAIRE_NOT_EDITABLE' } });
  });
  it('adds after a given question, updates and removes, bumping the version each time', () => {
    const question = { id: 'q.extra', text: { zhTW: '是否投保資安險？', en: 'Do you hold cyber insurance?' }, required: false, evidenceRequested: false };
    const added = reviseQuestionnaire(copy, { op: 'add', question, afterQuestionId: 'q.scope' }, 't1');
    if (!added.ok) throw new Error('add failed');
    expect(added.value.version).toBe(2);
    expect(added.value.questions.map((q) => q.id).slice(0, 3)).toEqual(['q.scope', 'q.extra', 'q.instructionsOnly']);
    const updated = reviseQuestionnaire(added.value, { op: 'update', questionId: 'q.extra', required: true }, 't1');
    if (!updated.ok) throw new Error('update failed');
    expect(updated.value.questions[1]).toMatchObject({ id: 'q.extra', required: true, text: question.text });
    const removed = reviseQuestionnaire(updated.value, { op: 'remove', questionId: 'q.extra' }, 't1');
    expect(removed.ok && removed.value.version).toBe(4);
  });
  it('rejects duplicate ids, unknown ids and removing the last question', () => {
    const dup = reviseQuestionnaire(copy, { op: 'add', question: { ...base.questions[0]! } }, 't1');
    expect(dup).toMatchObject({ ok: false, error: { code: 'QUESTIONNAIRE_QUESTION_DUPLICATE' } });
    expect(reviseQuestionnaire(copy, { op: 'remove', questionId: 'q.none' }, 't1')).toMatchObject({ ok: false, error: { code: 'QUESTIONNAIRE_QUESTION_UNKNOWN' } });
    const single = { ...copy, questions: [copy.questions[0]!] };
    expect(reviseQuestionnaire(single, { op: 'remove', questionId: 'q.scope' }, 't1')).toMatchObject({ ok: false, error: { code: 'QUESTIONNAIRE_EMPTY' } });
  });
});

describe('validateAnswers', () => {
  it('accepts a complete set', () => {
    expect(validateAnswers(base, fullAnswers(), { complete: true })).toEqual([]);
  });
  it('flags unknown and duplicate answers even in a draft, but not gaps', () => {
    const answers: QuestionnaireAnswer[] = [
      { questionId: 'q.scope', answer: 'yes', evidenceRefs: [] },
      { questionId: 'q.scope', answer: 'no', evidenceRefs: [] },
      { questionId: 'q.nope', answer: 'yes', evidenceRefs: [] },
    ];
    expect(validateAnswers(base, answers, { complete: false }).map((i) => i.code)).toEqual(['DUPLICATE_ANSWER', 'UNKNOWN_QUESTION']);
  });
  it('requires a comment for no, partial and notApplicable, but not for yes', () => {
    for (const answer of ['no', 'partial', 'notApplicable'] as const) {
      const answers = fullAnswers().map((a) => (a.questionId === 'q.scope' ? { ...a, answer } : a));
      expect(validateAnswers(base, answers, { complete: true })).toMatchObject([{ questionId: 'q.scope', code: 'COMMENT_REQUIRED' }]);
      const explained = answers.map((a) => (a.questionId === 'q.scope' ? { ...a, comment: '說明' } : a));
      expect(validateAnswers(base, explained, { complete: true })).toEqual([]);
    }
  });
  it('requires evidence for yes/partial where asked, not for no', () => {
    const id = 'q.measures.awarenessTraining';
    const without = fullAnswers().map((a) => (a.questionId === id ? { ...a, evidenceRefs: [] } : a));
    expect(validateAnswers(base, without, { complete: true })).toMatchObject([{ questionId: id, code: 'EVIDENCE_REQUIRED' }]);
    const no = without.map((a) => (a.questionId === id ? { ...a, answer: 'no' as const, comment: '尚未辦理' } : a));
    expect(validateAnswers(base, no, { complete: true })).toEqual([]);
  });
  it('reports unanswered required questions on submission', () => {
    const issues = validateAnswers(base, fullAnswers().slice(1), { complete: true });
    expect(issues).toMatchObject([{ questionId: 'q.scope', code: 'REQUIRED_UNANSWERED' }]);
  });
});

describe('response lifecycle', () => {
  const draft = startQuestionnaireResponse({ id: 'r1', tenantId: 't1', vendorId: 'v1', questionnaire: base });
  const now = '2025-03-01T10:00:00+08:00';

  it('saves a partial draft, refuses to submit it incomplete, submits when complete and then locks', () => {
    const partial = saveResponseAnswers(draft, base, fullAnswers().slice(0, 3));
    if (!partial.ok) throw new Error('save failed');
    const refused = submitResponse(partial.value, base, now);
    expect(refused).toMatchObject({ ok: false, error: { code: 'RESPONSE_INCOMPLETE', kind: 'invalid' } });
    const complete = saveResponseAnswers(partial.value, base, fullAnswers());
    if (!complete.ok) throw new Error('save failed');
    const submitted = submitResponse(complete.value, base, now);
    if (!submitted.ok) throw new Error('submit failed');
    expect(submitted.value).toMatchObject({ status: 'submitted', submittedAt: now });
    expect(saveResponseAnswers(submitted.value, base, [])).toMatchObject({ ok: false, error: { code: 'RESPONSE_LOCKED', kind: 'conflict' } });
    expect(submitResponse(submitted.value, base, now)).toMatchObject({ ok: false, error: { code: 'RESPONSE_LOCKED' } });
  });
  it('refuses answers against another questionnaire version', () => {
    const v2 = { ...base, version: 2 };
    expect(saveResponseAnswers(draft, v2, [])).toMatchObject({ ok: false, error: { code: 'QUESTIONNAIRE_VERSION_MISMATCH' } });
  });
  it('reviews only submitted responses, once; follow-up needs a comment and opens a new round', () => {
    expect(reviewResponse(draft, { reviewer: 'DPO', decision: 'accepted' }, now)).toMatchObject({ ok: false, error: { code: 'RESPONSE_NOT_SUBMITTED' } });
    const submitted = { ...draft, answers: fullAnswers(), status: 'submitted' as const, submittedAt: now };
    expect(reviewResponse(submitted, { reviewer: 'DPO', decision: 'followUpRequired' }, now)).toMatchObject({ ok: false, error: { code: 'REVIEW_COMMENT_REQUIRED' } });
    const follow = reviewResponse(submitted, { reviewer: 'DPO', decision: 'followUpRequired', comment: '請補附教育訓練紀錄' }, now);
    if (!follow.ok) throw new Error('review failed');
    expect(follow.value).toMatchObject({ status: 'followUpRequired', review: { reviewer: 'DPO', decidedAt: now } });
    expect(reviewResponse(follow.value, { reviewer: 'DPO', decision: 'accepted' }, now)).toMatchObject({ ok: false, error: { code: 'RESPONSE_ALREADY_REVIEWED' } });
    const round2 = startFollowUpResponse(follow.value, 'r2');
    expect(round2.ok && round2.value).toMatchObject({ id: 'r2', status: 'draft', followUpOf: 'r1', answers: fullAnswers() });
    expect(round2.ok && 'review' in round2.value).toBe(false);
    const accepted = reviewResponse(submitted, { reviewer: 'DPO', decision: 'accepted' }, now);
    expect(accepted.ok && accepted.value.status).toBe('accepted');
    expect(accepted.ok && startFollowUpResponse(accepted.value, 'r3').ok).toBe(false);
  });
});

describe('questionnaire token', () => {
  const token: QuestionnaireToken = issueQuestionnaireToken({ tokenId: 'h1', responseId: 'r1', vendorId: 'v1', now: '2025-03-01T00:00:00.000Z', validForDays: 14 });
  it('expires exactly 14 days after issue by default arithmetic', () => {
    expect(token.expiresAt).toBe('2025-03-15T00:00:00.000Z');
  });
  it('is valid a millisecond before expiresAt and expired exactly at it', () => {
    expect(questionnaireTokenStatus(token, '2025-03-14T23:59:59.999Z')).toBe('valid');
    expect(questionnaireTokenStatus(token, '2025-03-15T00:00:00.000Z')).toBe('expired');
    expect(questionnaireTokenStatus(token, '2025-03-15T08:00:00+08:00')).toBe('expired'); // same instant, other offset
    expect(questionnaireTokenStatus(token, '2025-03-15T07:59:59+08:00')).toBe('valid');
  });
  it('is revoked from revokedAt on, and submitted wins over revocation and expiry', () => {
    const revoked = { ...token, revokedAt: '2025-03-05T00:00:00.000Z' };
    expect(questionnaireTokenStatus(revoked, '2025-03-04T23:59:59.999Z')).toBe('valid');
    expect(questionnaireTokenStatus(revoked, '2025-03-05T00:00:00.000Z')).toBe('revoked');
    expect(questionnaireTokenStatus(revoked, '2025-04-01T00:00:00.000Z')).toBe('revoked');
    const submitted = { ...token, submittedAt: '2025-03-02T00:00:00.000Z' };
    expect(questionnaireTokenStatus(submitted, '2025-04-01T00:00:00.000Z')).toBe('submitted');
  });
  it('lets a valid token submit once, never at expiresAt', () => {
    const used = markTokenSubmitted(token, '2025-03-14T23:59:59.999Z');
    expect(used.ok).toBe(true);
    expect(markTokenSubmitted(token, '2025-03-15T00:00:00.000Z')).toMatchObject({ ok: false, error: { code: 'TOKEN_NOT_VALID', details: { status: 'expired' } } });
    if (used.ok) expect(markTokenSubmitted(used.value, '2025-03-14T23:59:59.999Z')).toMatchObject({ ok: false, error: { details: { status: 'submitted' } } });
  });
  it('revokes an open token but not a submitted or revoked one', () => {
    const r = revokeQuestionnaireToken(token, '2025-03-02T00:00:00.000Z');
    expect(r.ok).toBe(true);
    if (r.ok) expect(revokeQuestionnaireToken(r.value, '2025-03-03T00:00:00.000Z').ok).toBe(false);
    expect(revokeQuestionnaireToken({ ...token, submittedAt: '2025-03-01T01:00:00.000Z' }, '2025-03-02T00:00:00.000Z').ok).toBe(false);
  });
  it('rejects a non-positive validity', () => {
    expect(() => issueQuestionnaireToken({ tokenId: 'h', responseId: 'r', vendorId: 'v', now: '2025-03-01T00:00:00Z', validForDays: 0 })).toThrow(RangeError);
  });
});
