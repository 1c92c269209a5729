/**
 * Edges of the data-subject request rules that the main suite left open (mutation testing,
 * issue #15): the bounds of each time check, which refusal and which field each missing item
 * gets, the status settling with mixed outcomes, and the texts a refusal or a dispute shows.
 */
import { describe, expect, it } from 'vitest';
import {
  accuracyDisputeProcessingStatus,
  applyDataSubjectRequestEvent,
  createDataSubjectRequest,
  openDuties,
  quoteFollowsFeeSchedule,
  type AccuracyDispute,
  type DataSubjectRequest,
  type DataSubjectRequestEventInput,
  type FeeScheduleEntry,
  type MarketingStopTarget,
} from '../../../domain/dataSubjectRequest/dataSubjectRequest';
import { refusalGroundsFor, type RequestType } from '../../../domain/dataSubjectRequest/requestTypes';
import { apply, created, expectError, inProgress, newRequestInput, taipei } from './fixtures';

const receivedAt = taipei('2025-03-03');
const copyFee: FeeScheduleEntry = { id: 'fee-copy', requestType: 'copy', description: { zhTW: '複製本每頁', en: 'per page copied' }, unitAmountTwd: 5 };
const grant = (...types: RequestType[]): DataSubjectRequestEventInput => ({ type: 'decide', actor: 'dpo', decisions: types.map((itemType) => ({ itemType, outcome: 'granted' as const })) });

function refusal(request: DataSubjectRequest, event: DataSubjectRequestEventInput, now: string) {
  const result = applyDataSubjectRequestEvent(request, event, now);
  if (result.ok) throw new Error(`expected ${event.type} to be refused`);
  return result.error;
}

describe('creation', () => {
  it('keeps the details of an item, and grants a marketing objection with no grounds', () => {
    const request = created(['deletion', 'marketingOptOut'], { items: [{ type: 'deletion', details: '會員帳號' }, { type: 'marketingOptOut' }] });
    expect(request.items[0]!.details).toBe('會員帳號');
    expect(request.items[1]).not.toHaveProperty('details');
    expect(request.items[1]!.decision).toEqual({ outcome: 'granted', refusalGrounds: [], decidedAt: receivedAt, decidedBy: 'system', recordedAt: taipei('2025-03-03', '11:00'), late: false });
  });

  it('names the future receipt time in both languages', () => {
    const result = createDataSubjectRequest(newRequestInput(['inquiry'], { receivedAt: taipei('2025-03-03', '12:00') }), { id: 'r', tenantId: 't', actor: 'c', now: taipei('2025-03-03', '11:00') });
    if (result.ok) throw new Error('expected TIME_IN_FUTURE');
    expect(result.error).toMatchObject({ code: 'TIME_IN_FUTURE', message: { zhTW: '收件時間不得晚於現在', en: 'The receipt time cannot be in the future' } });
  });

  it('lists every invalid field with its path, or (root), separated by semicolons', () => {
    const result = createDataSubjectRequest({ ...newRequestInput(['inquiry']), requester: { name: ' ', email: 'x' } }, { id: 'r', tenantId: 't', actor: 'c', now: receivedAt });
    if (result.ok) throw new Error('expected VALIDATION_FAILED');
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.message.en).toMatch(/^Invalid input: requester\.name: [^;]+; requester\.email: [^;]+$/);
    expect(result.error.message.zhTW).toMatch(/^輸入資料不正確：requester\.name: .+; requester\.email: /);
    const root = createDataSubjectRequest(null as never, { id: 'r', tenantId: 't', actor: 'c', now: receivedAt });
    if (root.ok) throw new Error('expected VALIDATION_FAILED');
    expect(root.error.message.en).toMatch(/^Invalid input: \(root\): \S/);
  });
});

describe('time bounds of events', () => {
  it('accepts an event at the very instant of receipt, and acts dated then', () => {
    const request = created(['copy']);
    expect(apply(request, { type: 'startIdentityVerification', actor: 'c' }, receivedAt).status).toBe('identityVerification');
    let quoted = apply(inProgress(['copy']), { type: 'quoteFee', actor: 'c', itemType: 'copy', feeScheduleEntry: copyFee, quantity: 2 }, taipei('2025-03-04'));
    quoted = apply(quoted, { type: 'recordFeePayment', actor: 'c', itemType: 'copy', amountTwd: 10, paidAt: receivedAt, paymentReference: 'R-1' }, taipei('2025-03-04'));
    expect(quoted.items[0]!.fee!.payment!.paidAt).toBe(receivedAt);
  });

  it('names the time that is wrong in each refusal', () => {
    const before = taipei('2025-03-03', '09:00');
    const now = taipei('2025-03-06');
    const labels = (request: DataSubjectRequest, event: DataSubjectRequestEventInput) => {
      const error = refusal(request, event, now);
      expect(error.code, event.type).toBe('TIME_BEFORE_RECEIPT');
      return error.message;
    };
    let copy = apply(inProgress(['copy']), { type: 'quoteFee', actor: 'c', itemType: 'copy', feeScheduleEntry: copyFee, quantity: 1 }, taipei('2025-03-04'));
    expect(labels(copy, { type: 'recordFeePayment', actor: 'c', itemType: 'copy', amountTwd: 5, paidAt: before, paymentReference: 'R' })).toEqual({ zhTW: '繳費時間早於收件時間', en: 'The payment time is before the receipt of the request' });
    const disputed = apply(inProgress(['correction']), { type: 'flagAccuracyDispute', actor: 'dpo', disputeId: 'd1', dataDescription: '生日', raisedBy: 'dataSubject' }, taipei('2025-03-04'));
    expect(labels(disputed, { type: 'recordDisputeProcessingStop', actor: 'dpo', disputeId: 'd1', stoppedAt: before })).toEqual({ zhTW: '停止處理時間早於收件時間', en: 'The time processing stopped is before the receipt of the request' });
    const correction = apply(inProgress(['correction']), grant('correction'), taipei('2025-03-04'));
    expect(labels(correction, { type: 'recordDownstreamNotification', actor: 'dpo', itemType: 'correction', causedByCompany: true, recipients: [{ recipient: '物流商', notifiedAt: before, channel: 'email' }] })).toEqual({ zhTW: '通知時間早於收件時間', en: 'The notification time is before the receipt of the request' });
    expect(labels(correction, { type: 'recordCommunication', actor: 'dpo', kind: 'decision', sentAt: before, channel: 'email' })).toEqual({ zhTW: '寄送時間早於收件時間', en: 'The sending time is before the receipt of the request' });
    expect(labels(inProgress(['inquiry']), { type: 'extendDeadline', actor: 'dpo', itemTypes: ['inquiry'], extensionDays: 5, reason: 'r', notifiedAt: before, notificationChannel: 'email' })).toEqual({ zhTW: '延長通知時間早於收件時間', en: 'The extension notice time is before the receipt of the request' });
    expect(labels(inProgress(['inquiry']), { type: 'decide', actor: 'dpo', decidedAt: before, decisions: [{ itemType: 'inquiry', outcome: 'granted' }] })).toEqual({ zhTW: '決定時間早於收件時間', en: 'The decision time is before the receipt of the request' });
    expect(labels(correction, { type: 'fulfil', actor: 'c', itemTypes: ['correction'], fulfilledAt: before })).toEqual({ zhTW: '完成時間早於收件時間', en: 'The time it was carried out is before the receipt of the request' });
    const marketing = created(['marketingOptOut'], {}, taipei('2025-03-03', '11:00'), { marketingStopTargets: [{ id: 'crm', name: 'CRM', kind: 'system' }] });
    expect(labels(marketing, { type: 'recordMarketingStop', actor: 'm', targetIds: ['crm'], stoppedAt: before })).toEqual({ zhTW: '停止行銷時間早於收件時間', en: 'The time marketing stopped is before the receipt of the request' });
    copy = apply(copy, { type: 'waiveFee', actor: 'c', itemType: 'copy', reason: '弱勢' }, taipei('2025-03-04'));
    expect(copy.items[0]!.fee!.waiver).toBeDefined();
  });

  it('refuses a communication dated in the future', () => {
    expectError(inProgress(['inquiry']), { type: 'recordCommunication', actor: 'c', kind: 'acknowledgement', sentAt: taipei('2025-03-05'), channel: 'email' }, taipei('2025-03-04'), 'TIME_IN_FUTURE');
  });

  it('says whether the request is closed or withdrawn', () => {
    const withdrawn = apply(created(['inquiry']), { type: 'withdraw', actor: 'c' }, taipei('2025-03-04'));
    expect(refusal(withdrawn, { type: 'close', actor: 'c' }, taipei('2025-03-05')).message).toEqual({ zhTW: '請求已撤回，不得再變更', en: 'The request is withdrawn and can no longer change' });
    let closed = apply(inProgress(['inquiry']), grant('inquiry'), taipei('2025-03-04'));
    closed = apply(closed, { type: 'fulfil', actor: 'c', itemTypes: ['inquiry'] }, taipei('2025-03-04'));
    closed = apply(closed, { type: 'recordCommunication', actor: 'c', kind: 'decision', sentAt: taipei('2025-03-04'), channel: 'email' }, taipei('2025-03-04'));
    closed = apply(closed, { type: 'close', actor: 'c' }, taipei('2025-03-05'));
    expect(refusal(closed, { type: 'withdraw', actor: 'c' }, taipei('2025-03-05')).message).toEqual({ zhTW: '請求已結案，不得再變更', en: 'The request is closed and can no longer change' });
  });
});

describe('an item the request does not hold', () => {
  it('is refused as ITEM_NOT_IN_REQUEST naming the item, by every item event', () => {
    const request = inProgress(['inquiry']);
    const now = taipei('2025-03-04');
    const events: DataSubjectRequestEventInput[] = [
      { type: 'quoteFee', actor: 'c', itemType: 'copy', feeScheduleEntry: copyFee, quantity: 1 },
      { type: 'recordFeePayment', actor: 'c', itemType: 'copy', amountTwd: 5, paidAt: now, paymentReference: 'R' },
      { type: 'waiveFee', actor: 'c', itemType: 'copy', reason: 'r' },
      { type: 'recordDownstreamNotification', actor: 'c', itemType: 'deletion', causedByCompany: false, noRecipientsConfirmed: true },
      { type: 'recordMarketingStop', actor: 'c', targetIds: ['crm'], stoppedAt: now },
      { type: 'decide', actor: 'c', decisions: [{ itemType: 'review', outcome: 'granted' }] },
      { type: 'fulfil', actor: 'c', itemTypes: ['review'] },
    ];
    for (const event of events) {
      const error = expectError(request, event, now, 'ITEM_NOT_IN_REQUEST');
      expect(error.field, event.type).toMatch(/^items\.(copy|deletion|marketingOptOut|review)$/);
    }
  });
});

describe('fees', () => {
  it('follows the fee schedule only with the same id, type and unit amount', () => {
    const schedule: FeeScheduleEntry[] = [{ ...copyFee, id: 'other', unitAmountTwd: 9 }, copyFee];
    expect(quoteFollowsFeeSchedule(copyFee, schedule)).toEqual({ ok: true, value: copyFee });
    for (const quoted of [{ ...copyFee, id: 'missing' }, { ...copyFee, requestType: 'review' as const }, { ...copyFee, unitAmountTwd: 4 }]) {
      const result = quoteFollowsFeeSchedule(quoted, schedule);
      expect(result.ok, JSON.stringify(quoted)).toBe(false);
      if (result.ok) continue;
      expect(result.error).toMatchObject({ kind: 'forbiddenByRule', code: 'FEE_ENTRY_NOT_IN_SCHEDULE', field: 'feeScheduleEntry' });
      expect(result.error.message.zhTW).toBe('報價須依本公司已訂定之收費標準（個人資料保護法第14條）');
      expect(result.error.message.en).toContain('PDPA Art. 14');
    }
    expect(quoteFollowsFeeSchedule(copyFee, []).ok).toBe(false);
  });

  it('cannot quote a fulfilled item, nor waive a fee already paid or waived', () => {
    const fulfilled = apply(apply(inProgress(['copy']), grant('copy'), taipei('2025-03-04')), { type: 'fulfil', actor: 'c', itemTypes: ['copy'] }, taipei('2025-03-05'));
    const error = expectError(fulfilled, { type: 'quoteFee', actor: 'c', itemType: 'copy', feeScheduleEntry: copyFee, quantity: 1 }, taipei('2025-03-05'), 'ITEM_ALREADY_FULFILLED');
    expect(error.message).toEqual({ zhTW: '已完成之項目不得報價', en: 'The item is already fulfilled' });
    const quoted = apply(inProgress(['copy']), { type: 'quoteFee', actor: 'c', itemType: 'copy', feeScheduleEntry: copyFee, quantity: 1 }, taipei('2025-03-04'));
    const paid = apply(quoted, { type: 'recordFeePayment', actor: 'c', itemType: 'copy', amountTwd: 5, paidAt: taipei('2025-03-04'), paymentReference: 'R' }, taipei('2025-03-04'));
    expect(expectError(paid, { type: 'waiveFee', actor: 'c', itemType: 'copy', reason: 'r' }, taipei('2025-03-04'), 'FEE_ALREADY_SETTLED').message).toEqual({ zhTW: '費用已繳納或免收', en: 'The fee is already paid or waived' });
    const waived = apply(quoted, { type: 'waiveFee', actor: 'c', itemType: 'copy', reason: 'r' }, taipei('2025-03-04'));
    expectError(waived, { type: 'waiveFee', actor: 'c', itemType: 'copy', reason: 'r' }, taipei('2025-03-04'), 'FEE_ALREADY_SETTLED');
    // Nor can a payment be recorded twice, or after the fee was waived.
    const pay = { type: 'recordFeePayment' as const, actor: 'c', itemType: 'copy' as const, amountTwd: 5, paidAt: taipei('2025-03-04'), paymentReference: 'R2' };
    expect(expectError(paid, pay, taipei('2025-03-04'), 'FEE_ALREADY_SETTLED').message).toEqual({ zhTW: '費用已繳納或免收', en: 'The fee is already paid or waived' });
    expectError(waived, pay, taipei('2025-03-04'), 'FEE_ALREADY_SETTLED');
  });
});

describe('status settling', () => {
  it('stays decided until every granted item is fulfilled', () => {
    const decided = apply(inProgress(['inquiry', 'copy']), grant('inquiry', 'copy'), taipei('2025-03-04'));
    expect(decided.status).toBe('decided');
    const half = apply(decided, { type: 'fulfil', actor: 'c', itemTypes: ['inquiry'] }, taipei('2025-03-05'));
    expect(half.status).toBe('decided');
    expect(apply(half, { type: 'fulfil', actor: 'c', itemTypes: ['copy'] }, taipei('2025-03-05')).status).toBe('fulfilled');
  });

  it('is fulfilled once the granted items are, whatever was refused', () => {
    let request = apply(inProgress(['inquiry', 'deletion']), {
      type: 'decide', actor: 'dpo',
      decisions: [{ itemType: 'inquiry', outcome: 'granted' }, { itemType: 'deletion', outcome: 'refused', refusalGrounds: ['art11_3_necessaryForDuties'], reasonToRequester: '法定保存' }],
    }, taipei('2025-03-04'));
    // Decided, but a granted item is not carried out: not closable yet.
    request = apply(request, { type: 'recordCommunication', actor: 'c', kind: 'decision', sentAt: taipei('2025-03-04'), channel: 'email' }, taipei('2025-03-04'));
    const early = expectError(request, { type: 'close', actor: 'c' }, taipei('2025-03-05'), 'INVALID_TRANSITION');
    expect(early.message.en).toBe('close is not allowed while the request is decided');
    request = apply(request, { type: 'fulfil', actor: 'c', itemTypes: ['inquiry'] }, taipei('2025-03-05'));
    expect(request.status).toBe('fulfilled');
  });
});

describe('open duties', () => {
  it('has none once the request is withdrawn', () => {
    const open = created(['inquiry']);
    expect(openDuties(open)).toEqual([expect.objectContaining({ kind: 'decision', itemType: 'inquiry' })]);
    expect(openDuties(apply(open, { type: 'withdraw', actor: 'c' }, taipei('2025-03-04')))).toEqual([]);
  });

  it('owes a marketing objection a stop, never a decision', () => {
    // A stored objection whose automatic grant is missing still owes only the stop.
    const request = created(['marketingOptOut']);
    const { decision: _granted, ...undecided } = request.items[0]!;
    expect(openDuties({ ...request, items: [undecided] }).map((duty) => duty.kind)).toEqual(['marketingStop']);
  });
});

describe('identity and extensions', () => {
  it('extends while identity is being verified', () => {
    const verifying = apply(created(['inquiry']), { type: 'startIdentityVerification', actor: 'c' }, taipei('2025-03-03', '12:00'));
    const extended = apply(verifying, { type: 'extendDeadline', actor: 'dpo', itemTypes: ['inquiry'], extensionDays: 5, reason: 'r', notifiedAt: taipei('2025-03-04'), notificationChannel: 'email' }, taipei('2025-03-04'));
    expect(extended.items[0]!.extensions).toHaveLength(1);
  });

  it('cannot extend an item already decided, even when another is open', () => {
    const request = apply(inProgress(['inquiry', 'copy']), grant('inquiry'), taipei('2025-03-04'));
    expect(request.status).toBe('inProgress');
    const error = expectError(request, { type: 'extendDeadline', actor: 'dpo', itemTypes: ['inquiry'], extensionDays: 5, reason: 'r', notifiedAt: taipei('2025-03-04'), notificationChannel: 'email' }, taipei('2025-03-04'), 'ITEM_ALREADY_DECIDED');
    expect(error).toMatchObject({ field: 'items.inquiry', message: { zhTW: '「查詢」已作成決定，無從延長', en: 'The inquiry item is already decided' } });
  });

  it('lists the written channels of the settings in a refusal', () => {
    const error = expectError(inProgress(['inquiry']), { type: 'extendDeadline', actor: 'dpo', itemTypes: ['inquiry'], extensionDays: 5, reason: 'r', notifiedAt: taipei('2025-03-04'), notificationChannel: 'inPerson' }, taipei('2025-03-04'), 'EXTENSION_NOTICE_NOT_WRITTEN');
    expect(error.message.zhTW).toContain('（postalMail、email、electronicDocument、sms）');
    expect(error.message.en).toContain('(postalMail, email, electronicDocument, sms)');
  });

  it('while identity is pending, refuses any ground besides identity even alongside it', () => {
    const verifying = apply(created(['inquiry']), { type: 'startIdentityVerification', actor: 'c' }, taipei('2025-03-03', '12:00'));
    expectError(verifying, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'refused', refusalGrounds: ['identityNotVerified', 'art10_2_governmentDuty'], reasonToRequester: 'r' }] }, taipei('2025-03-04'), 'IDENTITY_NOT_VERIFIED');
    const refused = apply(verifying, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'refused', refusalGrounds: ['identityNotVerified'], reasonToRequester: 'r' }] }, taipei('2025-03-04'));
    expect(refused.status).toBe('decided');
  });

  it('names the exception each Art. 11 ¶2 proviso ground needs', () => {
    const request = inProgress(['stopProcessing']);
    const refuse = (ground: 'art11_2_writtenConsentDisputeNoted' | 'art11_2_necessaryForDutiesDisputeNoted') =>
      expectError(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'stopProcessing', outcome: 'refused', refusalGrounds: [ground], reasonToRequester: 'r' }] }, taipei('2025-03-04'), 'REFUSAL_GROUND_NEEDS_NOTED_DISPUTE').message;
    expect(refuse('art11_2_writtenConsentDisputeNoted')).toEqual({
      zhTW: '依第11條第2項但書（經當事人書面同意）拒絕，須先登記正確性爭議並註明此一例外事由',
      en: 'Relying on the Art. 11 ¶2 proviso (written consent of the data subject) needs a recorded accuracy dispute noting that exception',
    });
    expect(refuse('art11_2_necessaryForDutiesDisputeNoted')).toEqual({
      zhTW: '依第11條第2項但書（執行職務或業務所必須）拒絕，須先登記正確性爭議並註明此一例外事由',
      en: 'Relying on the Art. 11 ¶2 proviso (necessity for an official or business duty) needs a recorded accuracy dispute noting that exception',
    });
  });

  it('lists the grounds that apply to each type', () => {
    expect(refusalGroundsFor('correction').map((g) => g.code)).toEqual(['rules19_noAdequateExplanation', 'art11_1_dataVerifiedAccurate', 'identityNotVerified']);
    expect(refusalGroundsFor('marketingOptOut')).toEqual([]);
  });
});

describe('communications', () => {
  it('records an acknowledgement and other notices without touching the decisions', () => {
    const request = inProgress(['inquiry']);
    const acknowledged = apply(request, { type: 'recordCommunication', actor: 'c', kind: 'acknowledgement', sentAt: taipei('2025-03-03', '12:30'), channel: 'email' }, taipei('2025-03-04'));
    expect(acknowledged.communications).toEqual([{ kind: 'acknowledgement', sentAt: taipei('2025-03-03', '12:30'), channel: 'email', recordedBy: 'c' }]);
    const decided = apply(request, grant('inquiry'), taipei('2025-03-04'));
    const again = apply(decided, { type: 'recordCommunication', actor: 'c', kind: 'acknowledgement', sentAt: taipei('2025-03-04'), channel: 'email' }, taipei('2025-03-04'));
    expect(again.items[0]!.decision!.notifiedAt).toBeUndefined();
    expect(again.communications.at(-1)).toEqual({ kind: 'acknowledgement', sentAt: taipei('2025-03-04'), channel: 'email', recordedBy: 'c' });
  });

  it('reports a fulfilment once any item is carried out', () => {
    const decided = apply(inProgress(['inquiry', 'copy']), grant('inquiry', 'copy'), taipei('2025-03-04'));
    expectError(decided, { type: 'recordCommunication', actor: 'c', kind: 'fulfilment', sentAt: taipei('2025-03-04'), channel: 'email' }, taipei('2025-03-04'), 'NOTHING_TO_COMMUNICATE');
    const half = apply(decided, { type: 'fulfil', actor: 'c', itemTypes: ['copy'] }, taipei('2025-03-05'));
    expect(apply(half, { type: 'recordCommunication', actor: 'c', kind: 'fulfilment', sentAt: taipei('2025-03-05'), channel: 'email' }, taipei('2025-03-05')).communications.at(-1)).toMatchObject({ kind: 'fulfilment' });
  });

  it('a decision notice tells the human decisions taken by then, at their instant included', () => {
    let request = inProgress(['inquiry', 'copy', 'marketingOptOut']);
    request = apply(request, { type: 'decide', actor: 'dpo', decidedAt: taipei('2025-03-04', '09:00'), decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, taipei('2025-03-04', '11:00'));
    request = apply(request, { type: 'decide', actor: 'dpo', decidedAt: taipei('2025-03-04', '10:00'), decisions: [{ itemType: 'copy', outcome: 'granted' }] }, taipei('2025-03-04', '11:00'));
    request = apply(request, { type: 'recordCommunication', actor: 'c', kind: 'decision', sentAt: taipei('2025-03-04', '09:00'), channel: 'email' }, taipei('2025-03-04', '12:00'));
    expect(request.communications.at(-1)).toEqual({ kind: 'decision', sentAt: taipei('2025-03-04', '09:00'), channel: 'email', recordedBy: 'c', itemTypes: ['inquiry'] });
    expect(request.items.map((item) => item.decision!.notifiedAt)).toEqual([taipei('2025-03-04', '09:00'), undefined, undefined]);
    expect(request.items[0]!.decision!.notifiedLate).toBe(false);
  });

  it('a decision notice at the last instant of the deadline is not late', () => {
    const decided = apply(inProgress(['inquiry']), grant('inquiry'), taipei('2025-03-04'));
    const dueAt = decided.items[0]!.deadline.dueAt;
    const told = apply(decided, { type: 'recordCommunication', actor: 'c', kind: 'decision', sentAt: dueAt, channel: 'email' }, dueAt);
    expect(told.items[0]!.decision).toMatchObject({ notifiedAt: dueAt, notifiedLate: false });
    expect(told.communications.at(-1)).not.toHaveProperty('late');
  });
});

describe('closing', () => {
  const fulfilledInquiry = () => apply(apply(inProgress(['inquiry']), { ...grant('inquiry'), decidedAt: taipei('2025-03-04', '09:00') } as DataSubjectRequestEventInput, taipei('2025-03-04', '10:00')), { type: 'fulfil', actor: 'c', itemTypes: ['inquiry'] }, taipei('2025-03-04', '10:00'));

  it('needs a decision notice, not just any notice', () => {
    const request = apply(fulfilledInquiry(), { type: 'recordCommunication', actor: 'c', kind: 'fulfilment', sentAt: taipei('2025-03-04', '10:00'), channel: 'email' }, taipei('2025-03-04', '11:00'));
    expectError(request, { type: 'close', actor: 'c' }, taipei('2025-03-04', '11:00'), 'DECISION_NOT_NOTIFIED');
  });

  it('accepts a decision notice sent at the instant of the decision', () => {
    // Recorded before the decision's own time is known: the notice is dated at the decision.
    const request = fulfilledInquiry();
    const told = { ...request, communications: [{ kind: 'decision' as const, sentAt: taipei('2025-03-04', '09:00'), channel: 'email' as const, recordedBy: 'c' }] };
    expect(apply(told, { type: 'close', actor: 'c' }, taipei('2025-03-04', '11:00')).status).toBe('closed');
  });
});

describe('marketing stops', () => {
  const targets: MarketingStopTarget[] = [
    { id: 'newsletter', name: '電子報系統', kind: 'system' },
    { id: 'sms', name: '簡訊供應商', kind: 'recipient' },
    { id: 'ads', name: '廣告平台', kind: 'recipient' },
  ];
  const objection = () => created(['marketingOptOut'], {}, taipei('2025-03-03', '11:00'), { marketingStopTargets: targets });
  const stop = (targetIds: string[], time: string): DataSubjectRequestEventInput => ({ type: 'recordMarketingStop', actor: 'm', targetIds, stoppedAt: taipei('2025-03-03', time) });

  it('is carried out when the last place stopped, whatever order they were recorded in', () => {
    let request = apply(objection(), stop(['newsletter'], '12:00'), taipei('2025-03-03', '13:00'));
    request = apply(request, stop(['sms'], '11:00'), taipei('2025-03-03', '13:00'));
    request = apply(request, stop(['ads'], '11:30'), taipei('2025-03-03', '13:00'));
    expect(request.items[0]!.fulfilment!.fulfilledAt).toBe(taipei('2025-03-03', '12:00'));
  });

  it('names the item and the places still to stop', () => {
    const request = apply(objection(), stop(['sms'], '11:00'), taipei('2025-03-03', '13:00'));
    expect(expectError(request, stop(['crm'], '11:00'), taipei('2025-03-03', '13:00'), 'MARKETING_STOP_TARGET_UNKNOWN').field).toBe('items.marketingOptOut');
    expect(expectError(request, stop(['sms'], '11:00'), taipei('2025-03-03', '13:00'), 'MARKETING_STOP_ALREADY_RECORDED').field).toBe('items.marketingOptOut');
    const incomplete = expectError(request, { type: 'fulfil', actor: 'm', itemTypes: ['marketingOptOut'], inventoryFileIds: ['inv'] }, taipei('2025-03-03', '13:00'), 'MARKETING_STOP_INCOMPLETE');
    expect(incomplete.message).toEqual({ zhTW: '尚未記錄下列系統或對象停止行銷：電子報系統、廣告平台', en: 'The stop is not yet recorded for: 電子報系統, 廣告平台' });
  });

  it('refuses a stop for places never named, when none were', () => {
    expectError(created(['marketingOptOut']), stop(['crm'], '11:00'), taipei('2025-03-03', '13:00'), 'MARKETING_STOP_TARGET_UNKNOWN');
  });
});

describe('fulfilment and disputes', () => {
  it('keeps a note and checks the time carried out', () => {
    const decided = apply(inProgress(['inquiry']), grant('inquiry'), taipei('2025-03-04'));
    expectError(decided, { type: 'fulfil', actor: 'c', itemTypes: ['inquiry'], fulfilledAt: taipei('2025-03-05') }, taipei('2025-03-04'), 'TIME_IN_FUTURE');
    const done = apply(decided, { type: 'fulfil', actor: 'c', itemTypes: ['inquiry'], note: '已寄出查詢結果', fulfilledAt: taipei('2025-03-04', '09:00') }, taipei('2025-03-04'));
    expect(done.items[0]!.fulfilment).toEqual({ fulfilledAt: taipei('2025-03-04', '09:00'), fulfilledBy: 'c', note: '已寄出查詢結果', inventoryFileIds: [] });
  });

  it('records the resolution of a dispute, and nothing more can be noted once resolved', () => {
    let request = apply(inProgress(['correction']), { type: 'flagAccuracyDispute', actor: 'dpo', disputeId: 'd1', dataDescription: '生日', raisedBy: 'dataSubject' }, taipei('2025-03-04'));
    expectError(request, { type: 'recordDisputeProcessingStop', actor: 'dpo', disputeId: 'd1', stoppedAt: taipei('2025-03-05') }, taipei('2025-03-04'), 'TIME_IN_FUTURE');
    request = apply(request, { type: 'resolveAccuracyDispute', actor: 'dpo', disputeId: 'd1', resolution: 'confirmedAccurate', note: '戶籍資料相符' }, taipei('2025-03-05'));
    expect(request.accuracyDisputes[0]!.resolution).toEqual({ resolution: 'confirmedAccurate', resolvedAt: taipei('2025-03-05'), resolvedBy: 'dpo', note: '戶籍資料相符' });
    const stop = expectError(request, { type: 'recordDisputeProcessingStop', actor: 'dpo', disputeId: 'd1', stoppedAt: taipei('2025-03-05') }, taipei('2025-03-05'), 'DISPUTE_ALREADY_RESOLVED');
    expect(stop.message).toEqual({ zhTW: '此爭議已處理完畢', en: 'The dispute is already resolved' });
    expectError(request, { type: 'noteDisputeException', actor: 'dpo', disputeId: 'd1', exception: { kind: 'necessaryForDutiesOrBusiness', justification: 'j' } }, taipei('2025-03-05'), 'DISPUTE_ALREADY_RESOLVED');
  });

  it('explains whether disputed data may be processed, case by case', () => {
    const base: AccuracyDispute = { disputeId: 'd', dataDescription: '地址', raisedBy: 'dataSubject', raisedAt: receivedAt, recordedBy: 'dpo', disputeNoted: true };
    expect(accuracyDisputeProcessingStatus({ ...base, resolution: { resolution: 'corrected', resolvedAt: receivedAt, resolvedBy: 'dpo' } })).toEqual({ mayProcess: true, reason: { zhTW: '資料已更正，爭議終結', en: 'The data was corrected; the dispute is over' } });
    expect(accuracyDisputeProcessingStatus({ ...base, resolution: { resolution: 'confirmedAccurate', resolvedAt: receivedAt, resolvedBy: 'dpo' } })).toEqual({ mayProcess: true, reason: { zhTW: '資料經查證正確，爭議終結', en: 'The data was verified as accurate; the dispute is over' } });
    expect(accuracyDisputeProcessingStatus({ ...base, processingStop: { stoppedAt: '2025-03-04T02:00:00.000Z', recordedAt: receivedAt, recordedBy: 'dpo' }, exception: { kind: 'writtenConsent', justification: 'j' } })).toEqual({
      mayProcess: false,
      reason: { zhTW: '正確性有爭議，已於 2025-03-04T02:00:00.000Z 停止處理或利用（個人資料保護法第11條第2項）', en: 'Accuracy is disputed; processing and use stopped at 2025-03-04T02:00:00.000Z (PDPA Art. 11 ¶2)' },
    });
    expect(accuracyDisputeProcessingStatus({ ...base, exception: { kind: 'writtenConsent', justification: 'j' } })).toEqual({
      mayProcess: true,
      reason: {
        zhTW: '正確性有爭議，但經當事人書面同意，並已註明其爭議，得繼續處理或利用（個人資料保護法第11條第2項但書）',
        en: 'Accuracy is disputed, but the data subject agreed in writing and the dispute is noted, so processing may continue (PDPA Art. 11 ¶2 proviso)',
      },
    });
    expect(accuracyDisputeProcessingStatus({ ...base, exception: { kind: 'necessaryForDutiesOrBusiness', justification: 'j' } }).reason).toEqual({
      zhTW: '正確性有爭議，但因執行職務或業務所必須，並已註明其爭議，得繼續處理或利用（個人資料保護法第11條第2項但書）',
      en: 'Accuracy is disputed, but it is necessary for the performance of a business duty and the dispute is noted, so processing may continue (PDPA Art. 11 ¶2 proviso)',
    });
    expect(accuracyDisputeProcessingStatus(base)).toEqual({ mayProcess: false, reason: { zhTW: '正確性有爭議，應停止處理或利用（個人資料保護法第11條第2項）', en: 'Accuracy is disputed: stop processing and use (PDPA Art. 11 ¶2)' } });
  });
});
