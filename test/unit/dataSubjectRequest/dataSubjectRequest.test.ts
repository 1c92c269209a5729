import { describe, expect, it } from 'vitest';
import {
  accuracyDisputeProcessingStatus,
  applyDataSubjectRequestEvent,
  createDataSubjectRequest,
  currentDeadline,
  dataSubjectRequestErrorKinds,
  dataSubjectRequestEventSchema,
  newDataSubjectRequestSchema,
  type DataSubjectRequest,
  type FeeScheduleEntry,
} from '../../../domain/dataSubjectRequest/dataSubjectRequest';
import { refusalGroundCodes, refusalGrounds, requestTypes, type RefusalGroundCode, type RequestType } from '../../../domain/dataSubjectRequest/requestTypes';
import { apply, created, expectError, inProgress, newRequestInput, taipei } from './fixtures';

const copyFee: FeeScheduleEntry = { id: 'fee-copy-page', requestType: 'copy', description: { zhTW: '複製本每頁', en: 'copy per page' }, unitAmountTwd: 10 };
const decisionNotice = (at: string) => ({ type: 'recordCommunication' as const, actor: 'clerk', kind: 'decision' as const, sentAt: at, channel: 'email' as const });

describe('createDataSubjectRequest', () => {
  it('creates a received request with one deadline per type', () => {
    const request = created(['inquiry', 'deletion']);
    expect(request).toMatchObject({ status: 'received', version: 1, tenantId: 'tenant-1', id: 'DSR-2025-0001' });
    expect(request.items.map((i) => [i.type, i.deadline.lastDay])).toEqual([
      ['inquiry', '2025-03-18'],
      ['deletion', '2025-04-02'],
    ]);
    expect(request.periodSettings).toEqual({ timeZone: 'Asia/Taipei', mode: 'civilCode', calendar: { saturdayIsRestDay: true } });
    expect(request.requester).toMatchObject({ preferredLocale: 'zh-TW', actingAs: 'dataSubject' });
    expect(request.history).toEqual([{ at: taipei('2025-03-03', '11:00'), event: 'created', actor: 'clerk', toStatus: 'received' }]);
  });

  it('grants a marketing objection at receipt; alone it starts as decided', () => {
    const mixed = created(['marketingOptOut', 'deletion']);
    expect(mixed.status).toBe('received');
    expect(mixed.items[0]!.decision).toMatchObject({ outcome: 'granted', decidedBy: 'system', decidedAt: mixed.receivedAt, late: false });
    expect(mixed.items[0]!.deadline.dueAt).toBe(mixed.receivedAt);
    expect(created(['marketingOptOut']).status).toBe('decided');
  });

  it('defaults the receipt time to now and rejects a future one', () => {
    const now = taipei('2025-03-03', '11:00');
    const result = createDataSubjectRequest(newRequestInput(['inquiry'], { receivedAt: undefined }), { id: 'x', tenantId: 't', actor: 'web', now });
    expect(result.ok && result.value.receivedAt).toBe(now);
    const future = createDataSubjectRequest(newRequestInput(['inquiry'], { receivedAt: taipei('2025-03-03', '11:01') }), { id: 'x', tenantId: 't', actor: 'web', now });
    expect(future.ok || future.error.code).toBe('TIME_IN_FUTURE');
  });

  it('uses the Taipei date for a receipt late at night UTC', () => {
    const request = created(['inquiry'], { receivedAt: '2025-03-02T16:30:00Z' });
    expect(request.items[0]!.deadline.lastDay).toBe('2025-03-18');
    const utc = created(['inquiry'], { receivedAt: '2025-03-02T16:30:00Z', periodSettings: { timeZone: 'UTC' } });
    expect(utc.items[0]!.deadline.lastDay).toBe('2025-03-17');
  });

  it('rejects invalid submissions', () => {
    const base = newRequestInput(['inquiry']);
    const invalid = [
      { ...base, items: [] },
      { ...base, items: [{ type: 'inquiry' }, { type: 'inquiry' }] },
      { ...base, items: [{ type: 'portability' }] },
      { ...base, surprise: true },
      { ...base, requester: { name: '王小明' } },
      { ...base, requester: { name: '王小明', email: 'not-an-email' } },
      { ...base, requester: { name: '李代理', email: 'a@example.com', actingAs: 'agent' } },
      { ...base, requester: { name: '王小明', email: 'a@example.com', idNumber: 'A123456789' } },
      { ...base, receivedAt: '2025-03-03' },
    ];
    for (const input of invalid) {
      expect(newDataSubjectRequestSchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
      const result = createDataSubjectRequest(input as never, { id: 'x', tenantId: 't', actor: 'web', now: taipei('2025-03-04') });
      expect(result.ok || result.error.code).toBe('VALIDATION_FAILED');
      expect(result.ok || result.error.kind).toBe('invalid');
    }
  });
});

describe('identity verification', () => {
  it('moves received → identityVerification → inProgress', () => {
    let request = created(['inquiry']);
    request = apply(request, { type: 'startIdentityVerification', actor: 'clerk' }, taipei('2025-03-03', '12:00'));
    expect(request.status).toBe('identityVerification');
    request = apply(request, { type: 'recordIdentityVerification', actor: 'clerk', outcome: 'failed', method: 'knowledgeQuestions', evidence: 'call-note-1' }, taipei('2025-03-03', '12:30'));
    expect(request.status).toBe('identityVerification');
    expect(request.identityVerificationAttempts).toHaveLength(1);
    expect(request.identityVerification).toBeUndefined();
    request = apply(request, { type: 'recordIdentityVerification', actor: 'clerk', outcome: 'verified', method: 'governmentIdInPerson', evidence: 'counter-log-7' }, taipei('2025-03-03', '13:00'));
    expect(request.status).toBe('inProgress');
    expect(request.identityVerification).toMatchObject({ method: 'governmentIdInPerson', evidence: 'counter-log-7', verifiedBy: 'clerk' });
    expect(request.version).toBe(4);
    expect(request.history.map((h) => `${h.fromStatus ?? ''}>${h.toStatus}`)).toEqual(['>received', 'received>identityVerification', 'identityVerification>identityVerification', 'identityVerification>inProgress']);
  });

  it('rejects verification outside its state', () => {
    const request = created(['inquiry']);
    expectError(request, { type: 'recordIdentityVerification', actor: 'c', outcome: 'verified', method: 'accountLogin', evidence: 'e' }, taipei('2025-03-03', '12:00'), 'INVALID_TRANSITION');
    const verified = inProgress(['inquiry']);
    const error = expectError(verified, { type: 'startIdentityVerification', actor: 'c' }, taipei('2025-03-04'), 'INVALID_TRANSITION');
    expect(error.kind).toBe('conflict');
  });

  it('requires proof of authority from an agent', () => {
    const agentRequester = { name: '李代理', email: 'agent@example.com', actingAs: 'agent' as const, dataSubjectName: '王小明' };
    let request = created(['copy'], { requester: agentRequester });
    request = apply(request, { type: 'startIdentityVerification', actor: 'c' }, taipei('2025-03-03', '12:00'));
    const verify = { type: 'recordIdentityVerification' as const, actor: 'c', outcome: 'verified' as const, method: 'idDocumentCopy' as const, evidence: 'scan-1' };
    expectError(request, verify, taipei('2025-03-03', '13:00'), 'AGENT_AUTHORITY_REQUIRED');
    // A failed attempt needs no proof of authority.
    expect(apply(request, { ...verify, outcome: 'failed' }, taipei('2025-03-03', '13:00')).status).toBe('identityVerification');
    const ok = apply(request, { ...verify, agentAuthority: { kind: 'powerOfAttorney', evidence: 'poa-scan-1' } }, taipei('2025-03-03', '13:00'));
    expect(ok.status).toBe('inProgress');
    expect(ok.identityVerification!.agentAuthority).toEqual({ kind: 'powerOfAttorney', evidence: 'poa-scan-1' });
  });
});

describe('deadline extension', () => {
  const extend = (itemTypes: RequestType[], extensionDays: number, notifiedAt: string) => ({
    type: 'extendDeadline' as const,
    actor: 'dpo',
    itemTypes,
    extensionDays,
    reason: '資料分散於多個系統，需較長時間彙整',
    notifiedAt,
    notificationChannel: 'email' as const,
  });

  it('extends with a written notice sent before the original deadline', () => {
    const request = inProgress(['inquiry', 'deletion']);
    const next = apply(request, extend(['inquiry'], 15, taipei('2025-03-17')), taipei('2025-03-17', '11:00'));
    const inquiry = next.items[0]!;
    expect(inquiry.extensions).toHaveLength(1);
    expect(inquiry.extensions[0]).toMatchObject({ extensionDays: 15, reason: '資料分散於多個系統，需較長時間彙整', notifiedAt: taipei('2025-03-17') });
    expect(currentDeadline(inquiry).lastDay).toBe('2025-04-02');
    expect(inquiry.deadline.lastDay).toBe('2025-03-18');
    expect(next.items[1]!.extensions).toEqual([]);
    expect(next.communications).toEqual([{ kind: 'extensionNotice', sentAt: taipei('2025-03-17'), channel: 'email', recordedBy: 'dpo', itemTypes: ['inquiry'] }]);
    // The 15 days are used up: any further extension goes past the statutory total.
    expectError(next, extend(['inquiry'], 1, taipei('2025-03-18')), taipei('2025-03-18', '11:00'), 'EXTENSION_TOO_LONG');
  });

  it('accepts a notice up to the last millisecond of the last day and rejects one after', () => {
    const request = inProgress(['inquiry']);
    const dueAt = request.items[0]!.deadline.dueAt;
    expect(dueAt).toBe('2025-03-18T15:59:59.999Z');
    expect(apply(request, extend(['inquiry'], 15, dueAt), '2025-03-19T01:00:00Z').items[0]!.extensions[0]).toBeDefined();
    const error = expectError(request, extend(['inquiry'], 15, '2025-03-18T16:00:00.000Z'), '2025-03-19T01:00:00Z', 'EXTENSION_NOTICE_LATE');
    expect(error).toMatchObject({ kind: 'forbiddenByRule', field: 'items.inquiry' });
  });

  it('caps the extension at 15 or 30 days by type', () => {
    const request = inProgress(['copy', 'correction']);
    expectError(request, extend(['copy'], 16, taipei('2025-03-04')), taipei('2025-03-04'), 'EXTENSION_TOO_LONG');
    expect(apply(request, extend(['copy'], 15, taipei('2025-03-04')), taipei('2025-03-04')).items[0]!.extensions[0]!.extensionDays).toBe(15);
    expect(apply(request, extend(['correction'], 30, taipei('2025-03-04')), taipei('2025-03-04')).items[1]!.extensions[0]!.deadline.lastDay).toBe('2025-05-02');
    // One notice for both items fails as a whole when one of them cannot take it.
    expectError(request, extend(['correction', 'copy'], 20, taipei('2025-03-04')), taipei('2025-03-04'), 'EXTENSION_TOO_LONG');
    expectError(request, extend(['correction'], 31, taipei('2025-03-04')), taipei('2025-03-04'), 'VALIDATION_FAILED');
    expectError(request, extend(['correction'], 0, taipei('2025-03-04')), taipei('2025-03-04'), 'VALIDATION_FAILED');
    expectError(request, { ...extend(['correction'], 10, taipei('2025-03-04')), reason: '  ' }, taipei('2025-03-04'), 'VALIDATION_FAILED');
  });

  it('rejects extensions that make no sense', () => {
    const request = inProgress(['inquiry', 'marketingOptOut']);
    expectError(request, extend(['marketingOptOut'], 1, taipei('2025-03-04')), taipei('2025-03-04'), 'EXTENSION_NOT_APPLICABLE');
    expectError(request, extend(['deletion'], 1, taipei('2025-03-04')), taipei('2025-03-04'), 'ITEM_NOT_IN_REQUEST');
    expectError(request, extend(['inquiry'], 1, taipei('2025-03-05')), taipei('2025-03-04'), 'TIME_IN_FUTURE');
    expectError(request, extend(['inquiry'], 1, taipei('2025-03-03', '09:00')), taipei('2025-03-04'), 'TIME_BEFORE_RECEIPT');
    const decided = apply(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, taipei('2025-03-04'));
    expect(decided.status).toBe('decided');
    expectError(decided, extend(['inquiry'], 1, taipei('2025-03-04')), taipei('2025-03-04'), 'INVALID_TRANSITION');
  });

  it('allows an extension before identity is verified', () => {
    const request = created(['review']);
    expect(apply(request, extend(['review'], 5, taipei('2025-03-04')), taipei('2025-03-04')).items[0]!.extensions[0]!.deadline.lastDay).toBe('2025-03-24');
  });
});

describe('decisions', () => {
  const refuse = (itemType: RequestType, grounds: RefusalGroundCode[], reasonToRequester = '依法不予提供') => ({
    type: 'decide' as const,
    actor: 'dpo',
    decisions: [{ itemType, outcome: 'refused' as const, refusalGrounds: grounds, reasonToRequester }],
  });

  it('records per-type decisions and moves to decided when all are made', () => {
    let request = inProgress(['inquiry', 'copy']);
    request = apply(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, taipei('2025-03-05'));
    expect(request.status).toBe('inProgress');
    expect(request.items[0]!.decision).toMatchObject({ outcome: 'granted', refusalGrounds: [], decidedBy: 'dpo', late: false });
    request = apply(request, refuse('copy', ['art10_3_majorInterestOfCollectorOrThirdParty'], '涉及第三人隱私'), taipei('2025-03-06'));
    expect(request.status).toBe('decided');
    expect(request.items[1]!.decision).toMatchObject({ outcome: 'refused', refusalGrounds: ['art10_3_majorInterestOfCollectorOrThirdParty'], reasonToRequester: '涉及第三人隱私' });
    expectError(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'refused' }] }, taipei('2025-03-07'), 'ITEM_ALREADY_DECIDED');
  });

  it('flags a decision made after the deadline in force', () => {
    const request = inProgress(['inquiry']);
    const onTime = apply(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, '2025-03-18T15:59:59.999Z');
    expect(onTime.items[0]!.decision!.late).toBe(false);
    const late = apply(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, '2025-03-18T16:00:00.000Z');
    expect(late.items[0]!.decision!.late).toBe(true);
  });

  it('requires an applicable legal ground and reasons for a refusal', () => {
    const request = inProgress(['inquiry', 'correction', 'stopProcessing', 'deletion']);
    const now = taipei('2025-03-05');
    expectError(request, refuse('inquiry', []), now, 'REFUSAL_GROUND_REQUIRED');
    expectError(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'refused', refusalGrounds: ['art10_1_nationalInterest'] }] }, now, 'REFUSAL_REASON_REQUIRED');
    expectError(request, refuse('deletion', ['art10_1_nationalInterest']), now, 'REFUSAL_GROUND_NOT_APPLICABLE');
    expectError(request, refuse('inquiry', ['art11_3_necessaryForDuties']), now, 'REFUSAL_GROUND_NOT_APPLICABLE');
    expectError(request, refuse('correction', ['art11_3_writtenConsent']), now, 'REFUSAL_GROUND_NOT_APPLICABLE');
    expectError(request, refuse('deletion', ['art11_2_writtenConsentDisputeNoted']), now, 'REFUSAL_GROUND_NOT_APPLICABLE');
    expectError(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'granted', refusalGrounds: ['art10_1_nationalInterest'] }] }, now, 'GROUNDS_ON_GRANT');
    expectError(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'partiallyGranted' }] }, now, 'REFUSAL_GROUND_REQUIRED');
    expect(apply(request, refuse('deletion', ['art11_3_necessaryForDuties'], '依稅法須保存憑證5年'), now).items[3]!.decision!.outcome).toBe('refused');
    expect(apply(request, refuse('correction', ['rules19_noAdequateExplanation']), now).items[1]!.decision!.outcome).toBe('refused');
  });

  it('matches each ground to the types the law allows', () => {
    const expected: Record<RefusalGroundCode, RequestType[]> = {
      art10_1_nationalInterest: ['inquiry', 'review', 'copy'],
      art10_2_governmentDuty: ['inquiry', 'review', 'copy'],
      art10_3_majorInterestOfCollectorOrThirdParty: ['inquiry', 'review', 'copy'],
      art11_2_necessaryForDutiesDisputeNoted: ['stopProcessing'],
      art11_2_writtenConsentDisputeNoted: ['stopProcessing'],
      art11_3_necessaryForDuties: ['stopProcessing', 'deletion'],
      art11_3_writtenConsent: ['stopProcessing', 'deletion'],
      rules19_noAdequateExplanation: ['correction'],
      art11_1_dataVerifiedAccurate: ['correction'],
      identityNotVerified: ['inquiry', 'review', 'copy', 'correction', 'stopProcessing', 'deletion'],
    };
    expect(Object.keys(expected).sort()).toEqual([...refusalGroundCodes].sort());
    let withDispute = apply(inProgress(requestTypes.filter((t) => t !== 'marketingOptOut')), {
      type: 'flagAccuracyDispute', actor: 'dpo', disputeId: 'd1', dataDescription: '地址', raisedBy: 'dataSubject',
      exception: { kind: 'necessaryForDutiesOrBusiness', justification: '出貨需要' },
    }, taipei('2025-03-04'));
    withDispute = apply(withDispute, {
      type: 'flagAccuracyDispute', actor: 'dpo', disputeId: 'd2', dataDescription: '電話', raisedBy: 'dataSubject',
      exception: { kind: 'writtenConsent', justification: '當事人同意', consentEvidence: 'consent-1' },
    }, taipei('2025-03-04'));
    for (const code of refusalGroundCodes) {
      expect(refusalGrounds[code].text.zhTW.length).toBeGreaterThan(0);
      expect(refusalGrounds[code].legalBasis.en.length).toBeGreaterThan(0);
      for (const type of requestTypes.filter((t) => t !== 'marketingOptOut')) {
        const result = applyDataSubjectRequestEvent(withDispute, refuse(type, [code]), taipei('2025-03-05'));
        expect(result.ok, `${code} on ${type}`).toBe(expected[code].includes(type));
      }
    }
  });

  it('needs a noted accuracy dispute with its exception for the Art. 11 ¶2 proviso', () => {
    let request = inProgress(['stopProcessing']);
    const now = taipei('2025-03-05');
    expectError(request, refuse('stopProcessing', ['art11_2_necessaryForDutiesDisputeNoted']), now, 'REFUSAL_GROUND_NEEDS_NOTED_DISPUTE');
    request = apply(request, { type: 'flagAccuracyDispute', actor: 'dpo', disputeId: 'd1', dataDescription: '電話', raisedBy: 'dataSubject' }, now);
    expectError(request, refuse('stopProcessing', ['art11_2_necessaryForDutiesDisputeNoted']), now, 'REFUSAL_GROUND_NEEDS_NOTED_DISPUTE');
    request = apply(request, {
      type: 'flagAccuracyDispute', actor: 'dpo', disputeId: 'd2', dataDescription: '地址', raisedBy: 'company',
      exception: { kind: 'writtenConsent', justification: '當事人同意暫續使用', consentEvidence: 'consent-42' },
    }, now);
    expect(apply(request, refuse('stopProcessing', ['art11_2_writtenConsentDisputeNoted']), now).status).toBe('decided');
  });

  it('never refuses a marketing objection', () => {
    const request = inProgress(['marketingOptOut', 'inquiry']);
    expectError(request, refuse('marketingOptOut', ['identityNotVerified']), taipei('2025-03-05'), 'MARKETING_OPT_OUT_CANNOT_BE_REFUSED');
    expectError(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'marketingOptOut', outcome: 'granted' }] }, taipei('2025-03-05'), 'ITEM_ALREADY_DECIDED');
  });

  it('only lets an unverified request be refused for that reason', () => {
    let request = created(['inquiry', 'deletion']);
    expectError(request, refuse('inquiry', ['identityNotVerified']), taipei('2025-03-05'), 'INVALID_TRANSITION');
    request = apply(request, { type: 'startIdentityVerification', actor: 'c' }, taipei('2025-03-04'));
    expectError(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, taipei('2025-03-05'), 'IDENTITY_NOT_VERIFIED');
    expectError(request, refuse('inquiry', ['art10_1_nationalInterest']), taipei('2025-03-05'), 'IDENTITY_NOT_VERIFIED');
    const refused = apply(request, {
      type: 'decide', actor: 'dpo',
      decisions: [
        { itemType: 'inquiry', outcome: 'refused', refusalGrounds: ['identityNotVerified'], reasonToRequester: '未能提出身分證明' },
        { itemType: 'deletion', outcome: 'refused', refusalGrounds: ['identityNotVerified'], reasonToRequester: '未能提出身分證明' },
      ],
    }, taipei('2025-03-05'));
    expect(refused.status).toBe('decided');
    expectError(refused, { type: 'close', actor: 'dpo' }, taipei('2025-03-05', '11:00'), 'DECISION_NOT_NOTIFIED');
    const notified = apply(refused, decisionNotice(taipei('2025-03-05', '10:30')), taipei('2025-03-05', '11:00'));
    expect(apply(notified, { type: 'close', actor: 'dpo' }, taipei('2025-03-05', '11:00')).status).toBe('closed');
  });
});

describe('fees (PDPA Art. 14)', () => {
  const quote = (itemType: RequestType, entry: FeeScheduleEntry = copyFee, quantity = 12) => ({ type: 'quoteFee' as const, actor: 'clerk', itemType, feeScheduleEntry: entry, quantity });

  it('quotes from the fee schedule and records payment', () => {
    let request = inProgress(['copy']);
    request = apply(request, quote('copy'), taipei('2025-03-04'));
    expect(request.items[0]!.fee!.quote).toMatchObject({ feeScheduleEntryId: 'fee-copy-page', unitAmountTwd: 10, quantity: 12, amountTwd: 120 });
    expectError(request, { type: 'recordFeePayment', actor: 'c', itemType: 'copy', amountTwd: 100, paidAt: taipei('2025-03-04'), paymentReference: 'r1' }, taipei('2025-03-04'), 'FEE_AMOUNT_MISMATCH');
    expectError(request, { type: 'recordFeePayment', actor: 'c', itemType: 'copy', amountTwd: 120, paidAt: taipei('2025-03-05'), paymentReference: 'r1' }, taipei('2025-03-04'), 'TIME_IN_FUTURE');
    request = apply(request, { type: 'recordFeePayment', actor: 'c', itemType: 'copy', amountTwd: 120, paidAt: taipei('2025-03-04'), paymentReference: 'r1' }, taipei('2025-03-04', '11:00'));
    expect(request.items[0]!.fee!.payment).toMatchObject({ amountTwd: 120, paymentReference: 'r1' });
    expectError(request, { type: 'waiveFee', actor: 'c', itemType: 'copy', reason: 'x' }, taipei('2025-03-04'), 'FEE_ALREADY_SETTLED');
    expectError(request, quote('copy'), taipei('2025-03-04'), 'FEE_ALREADY_SETTLED');
  });

  it('rejects a fee on any type other than inquiry, review and copies', () => {
    const request = inProgress(['correction', 'stopProcessing', 'deletion', 'marketingOptOut', 'copy']);
    for (const type of ['correction', 'stopProcessing', 'deletion', 'marketingOptOut'] as const) {
      const error = expectError(request, quote(type, { ...copyFee }), taipei('2025-03-04'), 'FEE_NOT_ALLOWED');
      expect(error.field).toBe(`items.${type}`);
    }
    // The schedule itself cannot hold a fee for another type.
    expectError(request, quote('copy', { ...copyFee, requestType: 'deletion' as never }), taipei('2025-03-04'), 'VALIDATION_FAILED');
    expectError(request, quote('copy', { ...copyFee, requestType: 'inquiry' }), taipei('2025-03-04'), 'FEE_ENTRY_TYPE_MISMATCH');
  });

  it('blocks fulfilment until the fee is paid or waived', () => {
    let request = inProgress(['review']);
    const reviewFee: FeeScheduleEntry = { ...copyFee, id: 'fee-review', requestType: 'review', unitAmountTwd: 50 };
    expectError(request, { type: 'recordFeePayment', actor: 'c', itemType: 'review', amountTwd: 50, paidAt: taipei('2025-03-04'), paymentReference: 'r' }, taipei('2025-03-04'), 'FEE_NOT_QUOTED');
    expectError(request, { type: 'waiveFee', actor: 'c', itemType: 'review', reason: '低收入戶' }, taipei('2025-03-04'), 'FEE_NOT_QUOTED');
    request = apply(request, quote('review', reviewFee, 1), taipei('2025-03-04'));
    request = apply(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'review', outcome: 'granted' }] }, taipei('2025-03-05'));
    expectError(request, { type: 'fulfil', actor: 'c', itemTypes: ['review'] }, taipei('2025-03-06'), 'FEE_UNPAID');
    request = apply(request, { type: 'waiveFee', actor: 'c', itemType: 'review', reason: '低收入戶' }, taipei('2025-03-06'));
    expect(request.items[0]!.fee!.waiver).toMatchObject({ reason: '低收入戶', waivedBy: 'c' });
    expect(apply(request, { type: 'fulfil', actor: 'c', itemTypes: ['review'] }, taipei('2025-03-06')).status).toBe('fulfilled');
  });

  it('does not block fulfilment for a zero fee', () => {
    let request = inProgress(['inquiry']);
    request = apply(request, quote('inquiry', { ...copyFee, requestType: 'inquiry', unitAmountTwd: 0 }, 1), taipei('2025-03-04'));
    request = apply(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, taipei('2025-03-05'));
    expect(apply(request, { type: 'fulfil', actor: 'c', itemTypes: ['inquiry'] }, taipei('2025-03-06')).status).toBe('fulfilled');
  });
});

describe('accuracy disputes (PDPA Art. 11 ¶2)', () => {
  it('stops processing unless an exception is recorded, and resumes once resolved', () => {
    let request = inProgress(['correction']);
    request = apply(request, { type: 'flagAccuracyDispute', actor: 'dpo', disputeId: 'd1', dataDescription: '生日', inventoryFileId: 'inv-crm', raisedBy: 'dataSubject' }, taipei('2025-03-04'));
    const plain = request.accuracyDisputes[0]!;
    expect(plain).toMatchObject({ disputeNoted: true, inventoryFileId: 'inv-crm', raisedAt: taipei('2025-03-04') });
    expect(accuracyDisputeProcessingStatus(plain)).toMatchObject({ mayProcess: false });
    expect(accuracyDisputeProcessingStatus(plain).reason.zhTW).toContain('應停止處理或利用');
    request = apply(request, {
      type: 'flagAccuracyDispute', actor: 'dpo', disputeId: 'd2', dataDescription: '地址', raisedBy: 'company',
      exception: { kind: 'necessaryForDutiesOrBusiness', justification: '履約出貨' },
    }, taipei('2025-03-04'));
    const excepted = accuracyDisputeProcessingStatus(request.accuracyDisputes[1]!);
    expect(excepted.mayProcess).toBe(true);
    expect(excepted.reason.zhTW).toContain('並已註明其爭議');
    expectError(request, { type: 'flagAccuracyDispute', actor: 'dpo', disputeId: 'd1', dataDescription: 'x', raisedBy: 'company' }, taipei('2025-03-04'), 'DISPUTE_ALREADY_EXISTS');
    request = apply(request, { type: 'resolveAccuracyDispute', actor: 'dpo', disputeId: 'd1', resolution: 'corrected' }, taipei('2025-03-05'));
    expect(accuracyDisputeProcessingStatus(request.accuracyDisputes[0]!)).toMatchObject({ mayProcess: true });
    expectError(request, { type: 'resolveAccuracyDispute', actor: 'dpo', disputeId: 'd1', resolution: 'corrected' }, taipei('2025-03-05'), 'DISPUTE_ALREADY_RESOLVED');
    expectError(request, { type: 'resolveAccuracyDispute', actor: 'dpo', disputeId: 'nope', resolution: 'corrected' }, taipei('2025-03-05'), 'DISPUTE_NOT_FOUND');
  });

  it('needs evidence of written consent', () => {
    const request = inProgress(['correction']);
    expectError(request, {
      type: 'flagAccuracyDispute', actor: 'dpo', disputeId: 'd1', dataDescription: '地址', raisedBy: 'company',
      exception: { kind: 'writtenConsent', justification: '同意' },
    }, taipei('2025-03-04'), 'VALIDATION_FAILED');
  });
});

describe('fulfilment, downstream notification and closing', () => {
  function decidedCorrectionAndDeletion(): DataSubjectRequest {
    const request = inProgress(['correction', 'deletion']);
    return apply(request, {
      type: 'decide', actor: 'dpo',
      decisions: [
        { itemType: 'correction', outcome: 'granted' },
        { itemType: 'deletion', outcome: 'partiallyGranted', refusalGrounds: ['art11_3_necessaryForDuties'], reasonToRequester: '交易憑證依法保存' },
      ],
    }, taipei('2025-03-10'));
  }

  it('requires the inventory files a deletion or marketing objection touched', () => {
    const request = decidedCorrectionAndDeletion();
    expectError(request, { type: 'fulfil', actor: 'c', itemTypes: ['deletion'] }, taipei('2025-03-11'), 'INVENTORY_FILES_REQUIRED');
    const done = apply(request, { type: 'fulfil', actor: 'c', itemTypes: ['deletion', 'correction'], inventoryFileIds: ['inv-crm', 'inv-crm', 'inv-newsletter'] }, taipei('2025-03-11'));
    expect(done.items[1]!.fulfilment).toMatchObject({ inventoryFileIds: ['inv-crm', 'inv-newsletter'], fulfilledBy: 'c' });
    expect(done.items[0]!.fulfilment!.inventoryFileIds).toEqual([]);
    expect(done.status).toBe('fulfilled');
    expectError(done, { type: 'fulfil', actor: 'c', itemTypes: ['correction'] }, taipei('2025-03-11'), 'ITEM_ALREADY_FULFILLED');
  });

  it('fulfils a marketing objection at once, before identity verification', () => {
    const request = created(['marketingOptOut', 'deletion']);
    expectError(request, { type: 'fulfil', actor: 'sales', itemTypes: ['marketingOptOut'] }, taipei('2025-03-03', '10:05'), 'INVENTORY_FILES_REQUIRED');
    const next = apply(request, { type: 'fulfil', actor: 'sales', itemTypes: ['marketingOptOut'], inventoryFileIds: ['inv-marketing'] }, taipei('2025-03-03', '10:05'));
    expect(next.status).toBe('received');
    expect(next.items[0]!.fulfilment!.inventoryFileIds).toEqual(['inv-marketing']);
    expectError(request, { type: 'fulfil', actor: 'sales', itemTypes: ['deletion'], inventoryFileIds: ['x'] }, taipei('2025-03-03', '10:05'), 'ITEM_NOT_DECIDED');
    let alone = created(['marketingOptOut']);
    alone = apply(alone, { type: 'fulfil', actor: 'sales', itemTypes: ['marketingOptOut'], inventoryFileIds: ['inv-marketing'] }, taipei('2025-03-03', '10:05'));
    expect(alone.status).toBe('fulfilled');
    expect(apply(alone, { type: 'close', actor: 'dpo' }, taipei('2025-03-03', '10:10')).status).toBe('closed');
  });

  it('does not fulfil a refused item', () => {
    const request = apply(inProgress(['copy']), { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'copy', outcome: 'refused', refusalGrounds: ['art10_2_governmentDuty'], reasonToRequester: '偵查中' }] }, taipei('2025-03-05'));
    expectError(request, { type: 'fulfil', actor: 'c', itemTypes: ['copy'] }, taipei('2025-03-06'), 'ITEM_REFUSED');
  });

  it('requires downstream recipients to be recorded before closing a correction or deletion', () => {
    let request = decidedCorrectionAndDeletion();
    request = apply(request, { type: 'fulfil', actor: 'c', itemTypes: ['correction', 'deletion'], inventoryFileIds: ['inv-crm'] }, taipei('2025-03-11'));
    request = apply(request, decisionNotice(taipei('2025-03-11')), taipei('2025-03-11'));
    expectError(request, { type: 'close', actor: 'dpo' }, taipei('2025-03-12'), 'DOWNSTREAM_NOTIFICATION_MISSING');
    const downstream = { type: 'recordDownstreamNotification' as const, actor: 'dpo', causedByCompany: true };
    expectError(request, { ...downstream, itemType: 'correction' }, taipei('2025-03-12'), 'DOWNSTREAM_RECIPIENTS_REQUIRED');
    expectError(request, { ...downstream, itemType: 'correction', recipients: [{ recipient: '物流商', notifiedAt: taipei('2025-03-13'), channel: 'email' }] }, taipei('2025-03-12'), 'TIME_IN_FUTURE');
    request = apply(request, { ...downstream, itemType: 'correction', recipients: [{ recipient: '物流商', notifiedAt: taipei('2025-03-12'), channel: 'email' }] }, taipei('2025-03-12', '11:00'));
    expectError(request, { type: 'close', actor: 'dpo' }, taipei('2025-03-12', '12:00'), 'DOWNSTREAM_NOTIFICATION_MISSING');
    request = apply(request, { ...downstream, itemType: 'deletion', causedByCompany: false }, taipei('2025-03-12', '12:00'));
    const closed = apply(request, { type: 'close', actor: 'dpo' }, taipei('2025-03-12', '12:00'));
    expect(closed).toMatchObject({ status: 'closed', closedAt: taipei('2025-03-12', '12:00') });
    expect(closed.items[0]!.downstreamNotification).toMatchObject({ causedByCompany: true, recipients: [{ recipient: '物流商' }] });
  });

  it('accepts a confirmation that the data was never provided to anyone', () => {
    const request = decidedCorrectionAndDeletion();
    const next = apply(request, { type: 'recordDownstreamNotification', actor: 'dpo', itemType: 'correction', causedByCompany: true, noRecipientsConfirmed: true }, taipei('2025-03-11'));
    expect(next.items[0]!.downstreamNotification).toMatchObject({ noRecipientsConfirmed: true, recipients: [] });
  });

  it('limits downstream records to granted corrections and deletions', () => {
    const request = inProgress(['inquiry', 'correction']);
    const event = { type: 'recordDownstreamNotification' as const, actor: 'dpo', causedByCompany: false };
    expectError(request, { ...event, itemType: 'inquiry' }, taipei('2025-03-04'), 'DOWNSTREAM_NOT_APPLICABLE');
    expectError(request, { ...event, itemType: 'correction' }, taipei('2025-03-04'), 'ITEM_NOT_DECIDED');
  });

  it('requires a decision notice sent after the last decision', () => {
    let request = inProgress(['inquiry', 'review']);
    expectError(request, decisionNotice(taipei('2025-03-04')), taipei('2025-03-04'), 'NOTHING_TO_COMMUNICATE');
    expectError(request, { ...decisionNotice(taipei('2025-03-04')), kind: 'fulfilment' }, taipei('2025-03-04'), 'NOTHING_TO_COMMUNICATE');
    request = apply(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'refused', refusalGrounds: ['art10_1_nationalInterest'], reasonToRequester: 'x' }] }, taipei('2025-03-05'));
    request = apply(request, decisionNotice(taipei('2025-03-05', '11:00')), taipei('2025-03-05', '11:00'));
    request = apply(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'review', outcome: 'refused', refusalGrounds: ['art10_2_governmentDuty'], reasonToRequester: 'y' }] }, taipei('2025-03-06'));
    expect(request.status).toBe('decided');
    expectError(request, { type: 'close', actor: 'dpo' }, taipei('2025-03-06', '11:00'), 'DECISION_NOT_NOTIFIED');
    request = apply(request, decisionNotice(taipei('2025-03-06', '11:00')), taipei('2025-03-06', '11:00'));
    expect(apply(request, { type: 'close', actor: 'dpo' }, taipei('2025-03-06', '11:00')).status).toBe('closed');
  });

  it('cannot close before everything granted is fulfilled', () => {
    const request = decidedCorrectionAndDeletion();
    expectError(request, { type: 'close', actor: 'dpo' }, taipei('2025-03-11'), 'INVALID_TRANSITION');
    expectError(inProgress(['inquiry']), { type: 'close', actor: 'dpo' }, taipei('2025-03-11'), 'INVALID_TRANSITION');
  });
});

describe('withdrawal and terminal states', () => {
  const withdraw = { type: 'withdraw' as const, actor: 'clerk', reason: '當事人來電撤回' };

  it('withdraws from every non-terminal state', () => {
    const received = created(['inquiry']);
    const verifying = apply(received, { type: 'startIdentityVerification', actor: 'c' }, taipei('2025-03-03', '12:00'));
    const working = inProgress(['inquiry']);
    const decided = apply(working, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, taipei('2025-03-04'));
    const fulfilled = apply(decided, { type: 'fulfil', actor: 'c', itemTypes: ['inquiry'] }, taipei('2025-03-04'));
    for (const request of [received, verifying, working, decided, fulfilled]) {
      const next = apply(request, withdraw, taipei('2025-03-05'));
      expect(next.status, request.status).toBe('withdrawn');
      expect(next.withdrawal).toEqual({ withdrawnAt: taipei('2025-03-05'), withdrawnBy: 'clerk', reason: '當事人來電撤回' });
      expect(next.history.at(-1)).toMatchObject({ event: 'withdraw', fromStatus: request.status, toStatus: 'withdrawn' });
    }
  });

  it('rejects every event once closed or withdrawn', () => {
    const withdrawn = apply(created(['inquiry']), withdraw, taipei('2025-03-04'));
    let closed = apply(created(['marketingOptOut']), { type: 'fulfil', actor: 's', itemTypes: ['marketingOptOut'], inventoryFileIds: ['inv'] }, taipei('2025-03-04'));
    closed = apply(closed, { type: 'close', actor: 'dpo' }, taipei('2025-03-04'));
    for (const request of [withdrawn, closed]) {
      const error = expectError(request, withdraw, taipei('2025-03-05'), 'REQUEST_TERMINAL');
      expect(error.kind).toBe('conflict');
      expectError(request, { type: 'close', actor: 'dpo' }, taipei('2025-03-05'), 'REQUEST_TERMINAL');
    }
  });

  it('rejects an event time before receipt and malformed events', () => {
    const request = created(['inquiry']);
    expectError(request, withdraw, taipei('2025-03-03', '09:59'), 'TIME_BEFORE_RECEIPT');
    expectError(request, { type: 'withdraw', actor: 'c', extra: 1 } as never, taipei('2025-03-04'), 'VALIDATION_FAILED');
    expectError(request, { type: 'teleport', actor: 'c' } as never, taipei('2025-03-04'), 'VALIDATION_FAILED');
    expectError(request, { type: 'withdraw', actor: '' }, taipei('2025-03-04'), 'VALIDATION_FAILED');
    expectError(request, withdraw, 'not-a-time', 'VALIDATION_FAILED');
  });

  it('maps every error code to a kind answered with 409 or 422', () => {
    for (const kind of Object.values(dataSubjectRequestErrorKinds)) expect(['conflict', 'invalid', 'forbiddenByRule']).toContain(kind);
    expect(dataSubjectRequestEventSchema.safeParse({ type: 'close', actor: 'x' }).success).toBe(true);
  });

  it('never modifies the request it is given', () => {
    const request = inProgress(['inquiry']);
    const snapshot = structuredClone(request);
    const next = apply(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, taipei('2025-03-04'));
    expect(request).toEqual(snapshot);
    expect(next.version).toBe(request.version + 1);
  });
});
