/**
 * The legal engine of issue #14 for data-subject requests: each test pins one rule of the PDPA
 * (or the Civil Code) that the request must follow.
 */
import { describe, expect, it } from 'vitest';
import { formatCaseNumber } from '../../../domain/dataSubjectRequest/caseNumber';
import { renderRequesterMessage } from '../../../domain/dataSubjectRequest/communications';
import {
  accuracyDisputeProcessingStatus,
  applyDataSubjectRequestEvent,
  currentDeadline,
  openDuties,
  type DataSubjectRequest,
  type MarketingStopTarget,
} from '../../../domain/dataSubjectRequest/dataSubjectRequest';
import { decisionDeadline, extendedDecisionDeadline, type PeriodSettings } from '../../../domain/dataSubjectRequest/deadlines';
import { dataSubjectRequestStatistics } from '../../../domain/dataSubjectRequest/statistics';
import type { RequestType } from '../../../domain/dataSubjectRequest/requestTypes';
import { apply, created, expectError, inProgress, taipei } from './fixtures';

const targets: MarketingStopTarget[] = [
  { id: 'newsletter', name: '電子報系統', kind: 'system', inventoryFileId: 'inv-newsletter' },
  { id: 'sms-vendor', name: '簡訊行銷供應商', kind: 'recipient' },
];
const withTargets = (types: RequestType[]) => created(types, {}, taipei('2025-03-03', '11:00'), { marketingStopTargets: targets });
const stop = (targetIds: string[], stoppedAt: string) => ({ type: 'recordMarketingStop' as const, actor: 'marketing', targetIds, stoppedAt });

describe('PDPA Art. 20 ¶2: a marketing objection is a duty to stop marketing use at once', () => {
  it('Art. 20 ¶2: the stop is due at receipt and stays open until recorded in every system or recipient named in the settings', () => {
    const request = withTargets(['marketingOptOut', 'inquiry']);
    const item = request.items[0]!;
    expect(item.decision).toMatchObject({ outcome: 'granted', decidedBy: 'system' });
    expect(item.marketingStop!.targets.map((t) => t.id)).toEqual(['newsletter', 'sms-vendor']);
    const duty = openDuties(request).find((d) => d.kind === 'marketingStop');
    expect(duty).toMatchObject({ itemType: 'marketingOptOut', dueAt: request.receivedAt, legalBasis: { en: 'PDPA Art. 20 ¶2' } });

    expectError(request, { type: 'fulfil', actor: 'marketing', itemTypes: ['marketingOptOut'], inventoryFileIds: ['inv-newsletter'] }, taipei('2025-03-03', '12:00'), 'MARKETING_STOP_INCOMPLETE');
    expectError(request, stop(['crm'], taipei('2025-03-03', '11:00')), taipei('2025-03-03', '12:00'), 'MARKETING_STOP_TARGET_UNKNOWN');
    expectError(request, stop(['newsletter'], taipei('2025-03-03', '13:00')), taipei('2025-03-03', '12:00'), 'TIME_IN_FUTURE');
    expectError(request, stop(['newsletter'], taipei('2025-03-03', '09:00')), taipei('2025-03-03', '12:00'), 'TIME_BEFORE_RECEIPT');

    const half = apply(request, stop(['newsletter'], taipei('2025-03-03', '10:30')), taipei('2025-03-03', '12:00'));
    expect(half.items[0]!.marketingStop!.targets[0]).toMatchObject({ stoppedAt: taipei('2025-03-03', '10:30'), recordedAt: taipei('2025-03-03', '12:00'), recordedBy: 'marketing' });
    expect(half.items[0]!.fulfilment).toBeUndefined();
    expect(openDuties(half).some((d) => d.kind === 'marketingStop')).toBe(true);
    expectError(half, stop(['newsletter'], taipei('2025-03-03', '10:30')), taipei('2025-03-03', '12:00'), 'MARKETING_STOP_ALREADY_RECORDED');

    const done = apply(half, stop(['sms-vendor'], taipei('2025-03-03', '11:30')), taipei('2025-03-03', '12:00'));
    expect(done.items[0]!.fulfilment).toMatchObject({ fulfilledAt: taipei('2025-03-03', '11:30'), inventoryFileIds: ['inv-newsletter'] });
    expect(openDuties(done).some((d) => d.kind === 'marketingStop')).toBe(false);
  });

  it('Art. 20 ¶2: an objection not carried out shows as overdue; once carried out it does not', () => {
    const request = withTargets(['marketingOptOut']);
    expect(request.status).toBe('decided');
    expect(dataSubjectRequestStatistics([request], taipei('2025-03-03', '12:00')).overdue).toBe(1);
    const carriedOut = apply(request, stop(['newsletter', 'sms-vendor'], taipei('2025-03-03', '10:05')), taipei('2025-03-03', '12:00'));
    expect(carriedOut.status).toBe('fulfilled');
    expect(dataSubjectRequestStatistics([carriedOut], taipei('2025-03-03', '12:00')).overdue).toBe(0);
  });

  it('Art. 20 ¶2: without named systems the stop is recorded by fulfilling the item, and is open until then', () => {
    const request = created(['marketingOptOut']);
    expect(openDuties(request).map((d) => d.kind)).toEqual(['marketingStop']);
    const done = apply(request, { type: 'fulfil', actor: 'marketing', itemTypes: ['marketingOptOut'], inventoryFileIds: ['inv-crm'], fulfilledAt: taipei('2025-03-03', '10:20') }, taipei('2025-03-03', '12:00'));
    expect(done.items[0]!.fulfilment!.fulfilledAt).toBe(taipei('2025-03-03', '10:20'));
    expect(openDuties(done)).toEqual([]);
  });
});

describe('PDPA Art. 11 ¶2: disputed accuracy → stop processing, unless an exception for that ground is noted', () => {
  const refuseStop = (ground: 'art11_2_necessaryForDutiesDisputeNoted' | 'art11_2_writtenConsentDisputeNoted') => ({
    type: 'decide' as const, actor: 'dpo', decisions: [{ itemType: 'stopProcessing' as const, outcome: 'refused' as const, refusalGrounds: [ground], reasonToRequester: '依法得繼續處理' }],
  });
  const flag = (disputeId: string, exception?: { kind: 'necessaryForDutiesOrBusiness' | 'writtenConsent'; justification: string; consentEvidence?: string }) => ({
    type: 'flagAccuracyDispute' as const, actor: 'dpo', disputeId, dataDescription: '出生日期', raisedBy: 'dataSubject' as const, ...(exception ? { exception } : {}),
  });

  it('Art. 11 ¶2 proviso: each ground needs its own exception — business necessity is not written consent, nor the reverse', () => {
    const now = taipei('2025-03-05');
    const necessity = apply(inProgress(['stopProcessing']), flag('d1', { kind: 'necessaryForDutiesOrBusiness', justification: '履約必須' }), now);
    expectError(necessity, refuseStop('art11_2_writtenConsentDisputeNoted'), now, 'REFUSAL_GROUND_NEEDS_NOTED_DISPUTE');
    expect(apply(necessity, refuseStop('art11_2_necessaryForDutiesDisputeNoted'), now).status).toBe('decided');
    const consent = apply(inProgress(['stopProcessing']), flag('d1', { kind: 'writtenConsent', justification: '同意', consentEvidence: 'consent-9' }), now);
    expectError(consent, refuseStop('art11_2_necessaryForDutiesDisputeNoted'), now, 'REFUSAL_GROUND_NEEDS_NOTED_DISPUTE');
    expect(apply(consent, refuseStop('art11_2_writtenConsentDisputeNoted'), now).status).toBe('decided');
  });

  it('Art. 11 ¶2: a flagged dispute creates the stop-or-justify duty, due when raised, met by a recorded stop or a noted exception', () => {
    const request = apply(inProgress(['correction']), flag('d1'), taipei('2025-03-04'));
    expect(openDuties(request)).toContainEqual(expect.objectContaining({ kind: 'accuracyDispute', disputeId: 'd1', dueAt: taipei('2025-03-04'), lastDay: '2025-03-04' }));
    expect(dataSubjectRequestStatistics([request], taipei('2025-03-04', '11:00')).overdue).toBe(1);

    const stopped = apply(request, { type: 'recordDisputeProcessingStop', actor: 'dpo', disputeId: 'd1', stoppedAt: taipei('2025-03-04', '10:10') }, taipei('2025-03-04', '11:00'));
    expect(stopped.accuracyDisputes[0]!.processingStop).toEqual({ stoppedAt: taipei('2025-03-04', '10:10'), recordedAt: taipei('2025-03-04', '11:00'), recordedBy: 'dpo' });
    expect(openDuties(stopped).some((d) => d.kind === 'accuracyDispute')).toBe(false);
    expect(accuracyDisputeProcessingStatus(stopped.accuracyDisputes[0]!).mayProcess).toBe(false);
    expectError(stopped, { type: 'noteDisputeException', actor: 'dpo', disputeId: 'd1', exception: { kind: 'necessaryForDutiesOrBusiness', justification: 'x' } }, taipei('2025-03-04', '11:00'), 'DISPUTE_ALREADY_SETTLED');

    const justified = apply(request, { type: 'noteDisputeException', actor: 'dpo', disputeId: 'd1', exception: { kind: 'necessaryForDutiesOrBusiness', justification: '保險理賠必須' } }, taipei('2025-03-04', '11:00'));
    expect(justified.accuracyDisputes[0]!.exception).toMatchObject({ kind: 'necessaryForDutiesOrBusiness', notedAt: taipei('2025-03-04', '11:00'), notedBy: 'dpo' });
    expect(openDuties(justified).some((d) => d.kind === 'accuracyDispute')).toBe(false);
    expect(accuracyDisputeProcessingStatus(justified.accuracyDisputes[0]!).mayProcess).toBe(true);
    expectError(request, { type: 'noteDisputeException', actor: 'dpo', disputeId: 'nope', exception: { kind: 'necessaryForDutiesOrBusiness', justification: 'x' } }, taipei('2025-03-04', '11:00'), 'DISPUTE_NOT_FOUND');
  });

  it('Art. 11 ¶2: a request cannot close while a dispute is neither stopped nor justified', () => {
    let request = inProgress(['correction']);
    request = apply(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'correction', outcome: 'refused', refusalGrounds: ['art11_1_dataVerifiedAccurate'], reasonToRequester: '經查證正確' }] }, taipei('2025-03-05'));
    request = apply(request, { type: 'recordCommunication', actor: 'dpo', kind: 'decision', sentAt: taipei('2025-03-05', '11:00'), channel: 'email' }, taipei('2025-03-05', '11:00'));
    request = apply(request, flag('d1'), taipei('2025-03-05', '11:00'));
    expectError(request, { type: 'close', actor: 'dpo' }, taipei('2025-03-05', '12:00'), 'DISPUTE_DUTY_OPEN');
    request = apply(request, { type: 'recordDisputeProcessingStop', actor: 'dpo', disputeId: 'd1', stoppedAt: taipei('2025-03-05', '11:30') }, taipei('2025-03-05', '12:00'));
    expect(apply(request, { type: 'close', actor: 'dpo' }, taipei('2025-03-05', '12:00')).status).toBe('closed');
  });
});

describe('PDPA Art. 13: the decision is taken when staff say, not when it is typed in', () => {
  const decide = (decidedAt?: string) => ({ type: 'decide' as const, actor: 'dpo', ...(decidedAt ? { decidedAt } : {}), decisions: [{ itemType: 'inquiry' as const, outcome: 'granted' as const }] });

  it('Art. 13 ¶1: a decision taken in time but recorded after the deadline is not late; recordedAt is kept apart', () => {
    const request = inProgress(['inquiry']);
    expect(currentDeadline(request.items[0]!).lastDay).toBe('2025-03-18');
    const next = apply(request, decide(taipei('2025-03-17', '16:00')), taipei('2025-03-20', '09:00'));
    expect(next.items[0]!.decision).toMatchObject({ decidedAt: taipei('2025-03-17', '16:00'), recordedAt: taipei('2025-03-20', '09:00'), late: false });
    expect(apply(request, decide(taipei('2025-03-19', '09:00')), taipei('2025-03-20', '09:00')).items[0]!.decision!.late).toBe(true);
    expectError(request, decide(taipei('2025-03-21')), taipei('2025-03-20', '09:00'), 'TIME_IN_FUTURE');
    expectError(request, decide(taipei('2025-03-03', '09:00')), taipei('2025-03-20', '09:00'), 'TIME_BEFORE_RECEIPT');
  });

  it('Art. 13 ¶1: a decision notice sent after the deadline is flagged on the decision and the notice', () => {
    const decided = apply(inProgress(['inquiry']), decide(taipei('2025-03-17')), taipei('2025-03-17', '11:00'));
    const notice = (sentAt: string) => ({ type: 'recordCommunication' as const, actor: 'dpo', kind: 'decision' as const, sentAt, channel: 'postalMail' as const });
    const late = apply(decided, notice(taipei('2025-03-19')), taipei('2025-03-19', '11:00'));
    expect(late.items[0]!.decision).toMatchObject({ notifiedAt: taipei('2025-03-19'), notifiedLate: true, late: false });
    expect(late.communications.at(-1)).toMatchObject({ kind: 'decision', late: true, itemTypes: ['inquiry'] });
    const onTime = apply(decided, notice(taipei('2025-03-18', '17:00')), taipei('2025-03-19', '11:00'));
    expect(onTime.items[0]!.decision).toMatchObject({ notifiedLate: false });
    expect(onTime.communications.at(-1)!.late).toBeUndefined();
  });
});

describe('PDPA Art. 13 extensions and Civil Code Art. 122', () => {
  const extend = (days: number, notifiedAt: string, channel: string = 'email') => ({
    type: 'extendDeadline' as const, actor: 'dpo', itemTypes: ['inquiry' as const], extensionDays: days, reason: '需調閱備份', notifiedAt, notificationChannel: channel as 'email',
  });
  const settings: PeriodSettings = { timeZone: 'Asia/Taipei', mode: 'civilCode', calendar: {} };

  it('Art. 13: the reason must be notified in writing — an in-person or "other" notice is refused, written channels follow the settings', () => {
    const request = inProgress(['inquiry']);
    const at = taipei('2025-03-10');
    expectError(request, extend(5, at, 'inPerson'), at, 'EXTENSION_NOTICE_NOT_WRITTEN');
    expectError(request, extend(5, at, 'other'), at, 'EXTENSION_NOTICE_NOT_WRITTEN');
    for (const channel of ['email', 'postalMail', 'electronicDocument', 'sms']) expect(apply(request, extend(5, at, channel), at).items[0]!.extensions).toHaveLength(1);
    const noSms = applyDataSubjectRequestEvent(request, extend(5, at, 'sms'), at, { writtenNoticeChannels: ['postalMail', 'email'] });
    expect(noSms.ok || noSms.error.code).toBe('EXTENSION_NOTICE_NOT_WRITTEN');
  });

  it('Art. 13 ¶1: a second extension is allowed within the 15-day total; the law caps the total, not the count', () => {
    let request = inProgress(['inquiry']);
    request = apply(request, extend(10, taipei('2025-03-10')), taipei('2025-03-10'));
    expectError(request, extend(6, taipei('2025-03-20')), taipei('2025-03-20'), 'EXTENSION_TOO_LONG');
    request = apply(request, extend(5, taipei('2025-03-20')), taipei('2025-03-20'));
    const [first, second] = request.items[0]!.extensions;
    expect(first!.deadline.lastDay).toBe('2025-03-28');
    // 2025-03-28 + 5 = 2025-04-02; the total equals one 15-day extension.
    expect(second!.deadline.lastDay).toBe('2025-04-02');
    expect(currentDeadline(request.items[0]!).lastDay).toBe('2025-04-02');
    expect(second!.deadline.explanation[0]!.zhTW).toContain('累計延長15日');
    expect(request.communications.filter((c) => c.kind === 'extensionNotice')).toHaveLength(2);
  });

  it('Civil Code Art. 122 moves only the end: the extension counts from the unmoved last day, then Art. 122 applies to the new end', () => {
    // Received Fri 2025-03-07: day 15 is Sat 03-22, moved to Mon 03-24.
    const original = decisionDeadline('inquiry', taipei('2025-03-07'), settings);
    expect(original).toMatchObject({ nominalLastDay: '2025-03-22', lastDay: '2025-03-24' });
    // 10 days from 03-22 is Tue 04-01 (counting from the moved 03-24 would give 04-03, a holiday, → 04-07).
    expect(extendedDecisionDeadline('inquiry', original, 10, settings).lastDay).toBe('2025-04-01');
    // 15 days from 03-22 is Sun 04-06 → Art. 122 → Mon 04-07; both steps are explained.
    const full = extendedDecisionDeadline('inquiry', original, 15, settings);
    expect(full).toMatchObject({ nominalLastDay: '2025-04-06', lastDay: '2025-04-07' });
    const steps = full.explanation.map((step) => step.zhTW).join('\n');
    expect(steps).toContain('自原期限末日 2025-03-22 屆滿後起算');
    expect(steps).toContain('延長仍自未順延之末日起算');
    expect(steps).toContain('順延至 2025-04-07');
    expect(full.explanation.map((step) => step.en).join('\n')).toContain('counts from the unmoved last day');
  });
});

describe('letters to the requester', () => {
  it('use a case number people can read out (DSR-<ROC date>-<sequence>), the requester\'s own name and ROC dates', () => {
    expect(formatCaseNumber('2026-03-02', 7)).toBe('DSR-1150302-0007');
    expect(formatCaseNumber('2025-12-31', 12345)).toBe('DSR-1141231-12345');
    expect(() => formatCaseNumber('2026-03-02', 0)).toThrow(RangeError);
    const request: DataSubjectRequest = created(['inquiry']);
    const letter = renderRequesterMessage({ ...request, requester: { ...request.requester, name: '王小明' } }, 'acknowledgement')!;
    expect(letter.subject.zhTW).toBe('【個人資料請求受理通知】案號 DSR-1140303-0001');
    expect(letter.body.zhTW).toContain('王小明 您好');
    expect(letter.body.zhTW).toContain('114年3月18日');
    expect(letter.body.zhTW).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
