/**
 * The exact letters sent to a requester (mutation testing, issue #15): every line, its order and
 * the line breaks, so a dropped line, a lost separator or a wrong branch of a sentence shows.
 */
import { describe, expect, it } from 'vitest';
import { renderRequesterMessage } from '../../../domain/dataSubjectRequest/communications';
import { apply, created, inProgress, taipei } from './fixtures';

const HEAD_ZH = ['王小明 您好：', '本公司於 114年3月3日 收到您依個人資料保護法提出之請求（案號 DSR-1140303-0001）。'];
const HEAD_EN = ['Dear 王小明,', 'On 2025-03-03 we received your request under the Personal Data Protection Act (reference DSR-1140303-0001).'];
const CLOSING_ZH = '如有疑問，請回覆本通知並註明案號。';
const CLOSING_EN = 'If you have any questions, please reply to this notice quoting the reference.';
const letter = (head: string[], lines: string[], closing: string) => [...head, ...lines, closing].join('\n');

const quote = (itemType: 'inquiry' | 'review' | 'copy', unitAmountTwd: number) => ({
  type: 'quoteFee' as const,
  actor: 'c',
  itemType,
  feeScheduleEntry: { id: `fee-${itemType}`, requestType: itemType, description: { zhTW: '每件', en: 'each' }, unitAmountTwd },
  quantity: 2,
});

describe('requester letters, line by line', () => {
  it('acknowledges a marketing objection already carried out, with both moments', () => {
    const request = created(['marketingOptOut'], {}, taipei('2025-03-03', '11:00'), { marketingStopTargets: [{ id: 'crm', name: 'CRM', kind: 'system' }] });
    const stopped = apply(request, { type: 'recordMarketingStop', actor: 'm', targetIds: ['crm'], stoppedAt: taipei('2025-03-03', '10:30') }, taipei('2025-03-03', '12:00'));
    const body = renderRequesterMessage(stopped, 'acknowledgement')!.body;
    expect(body.zhTW).toBe(letter(HEAD_ZH, [
      '請求項目及處理期限如下：',
      '・拒絕接受行銷：您的表示自 114年3月3日 10:00 起生效，本公司應即停止以您的個人資料進行行銷，並已於 114年3月3日 10:30 停止（個人資料保護法第20條第2項）',
      '為保護您的個人資料，我們將先確認您的身分。如有必要延長處理期間，將於期限屆滿前以書面告知原因。',
    ], CLOSING_ZH));
    expect(body.en).toBe(letter(HEAD_EN, [
      'Your request and when we will answer:',
      '- objection to marketing: effective 2025-03-03 10:00 (Asia/Taipei); we must stop using your personal data for marketing at once and stopped on 2025-03-03 10:30 (Asia/Taipei) (PDPA Art. 20 ¶2)',
      'To protect your data we will first verify your identity. If we need more time, we will tell you why in writing before the deadline.',
    ], CLOSING_EN));
  });

  it('acknowledges a marketing objection not yet carried out without a stop time', () => {
    const body = renderRequesterMessage(created(['marketingOptOut']), 'acknowledgement')!.body;
    expect(body.zhTW.split('\n')[3]).toBe('・拒絕接受行銷：您的表示自 114年3月3日 10:00 起生效，本公司應即停止以您的個人資料進行行銷（個人資料保護法第20條第2項）');
    expect(body.en.split('\n')[3]).toBe('- objection to marketing: effective 2025-03-03 10:00 (Asia/Taipei); we must stop using your personal data for marketing at once (PDPA Art. 20 ¶2)');
  });

  it('asks an agent for proof in a sentence of its own', () => {
    const request = created(['copy'], { requester: { name: 'Lee', postalAddress: '臺北市', actingAs: 'agent', dataSubjectName: '王小明' } });
    const body = renderRequesterMessage(request, 'acknowledgement')!.body;
    expect(body.en.split('\n')).toEqual([
      'Dear Lee,',
      HEAD_EN[1],
      'Your request and when we will answer:',
      '- copy: we will decide by 2025-03-18 (PDPA Art. 13 ¶1)',
      'To protect your data we will first verify your identity. As an agent, please also provide proof of your authority. If we need more time, we will tell you why in writing before the deadline.',
      CLOSING_EN,
    ]);
    expect(body.zhTW.split('\n')[4]).toBe('為保護您的個人資料，我們將先確認您的身分。您係代理人，請一併提出代理權限之證明文件。如有必要延長處理期間，將於期限屆滿前以書面告知原因。');
  });

  it('states each outcome, ground, reason and fee, and the remedy when not all is granted', () => {
    let request = inProgress(['inquiry', 'review', 'copy']);
    request = apply(request, quote('inquiry', 10), taipei('2025-03-04'));
    request = apply(request, quote('review', 0), taipei('2025-03-04'));
    request = apply(request, quote('copy', 5), taipei('2025-03-04'));
    request = apply(request, { type: 'recordFeePayment', actor: 'c', itemType: 'inquiry', amountTwd: 20, paidAt: taipei('2025-03-04'), paymentReference: 'R' }, taipei('2025-03-04'));
    request = apply(request, {
      type: 'decide', actor: 'dpo',
      decisions: [
        { itemType: 'inquiry', outcome: 'granted' },
        { itemType: 'review', outcome: 'partiallyGranted', refusalGrounds: ['art10_2_governmentDuty'], reasonToRequester: '部分涉及公務' },
        // A refused copy owes no fee, so none is mentioned.
        { itemType: 'copy', outcome: 'refused', refusalGrounds: ['art10_2_governmentDuty'], reasonToRequester: '涉及公務' },
      ],
    }, taipei('2025-03-05'));
    const body = renderRequesterMessage(request, 'decision')!.body;
    expect(body.zhTW).toBe(letter(HEAD_ZH, [
      '經審查，決定如下：',
      '・查詢：准予',
      '  費用：新臺幣 20 元，已收訖',
      '・請求閱覽：部分准予',
      '  依據：個人資料保護法第10條但書第2款—妨害公務機關執行法定職務。',
      '  理由：部分涉及公務',
      '・請求製給複製本：不予准許',
      '  依據：個人資料保護法第10條但書第2款—妨害公務機關執行法定職務。',
      '  理由：涉及公務',
      '您如對本決定有所不服，得依法向目的事業主管機關陳情或提起救濟。',
    ], CLOSING_ZH));
    expect(body.en).toBe(letter(HEAD_EN, [
      'Having reviewed your request, we decided as follows:',
      '- inquiry: granted',
      '  Fee: NT$20, received',
      '- review: partly granted',
      '  Ground: PDPA Art. 10 proviso, subpara. 2 - A government agency may be prevented from performing its statutory duties.',
      '  Reasons: 部分涉及公務',
      '- copy: refused',
      '  Ground: PDPA Art. 10 proviso, subpara. 2 - A government agency may be prevented from performing its statutory duties.',
      '  Reasons: 涉及公務',
      'If you disagree with this decision, you may complain to the competent authority or seek a remedy under the law.',
    ], CLOSING_EN));
  });

  it('asks for an unpaid fee before providing, and names no remedy when all is granted', () => {
    let request = apply(inProgress(['copy']), quote('copy', 5), taipei('2025-03-04'));
    request = apply(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'copy', outcome: 'granted' }] }, taipei('2025-03-05'));
    const body = renderRequesterMessage(request, 'decision')!.body;
    expect(body.en).toBe(letter(HEAD_EN, ['Having reviewed your request, we decided as follows:', '- copy: granted', '  Fee: NT$10 (each, PDPA Art. 14), payable before we provide the data'], CLOSING_EN));
    expect(body.zhTW).toBe(letter(HEAD_ZH, ['經審查，決定如下：', '・請求製給複製本：准予', '  費用：新臺幣 10 元（每件，個人資料保護法第14條），繳納後提供'], CLOSING_ZH));
  });

  it('extends from the deadline the latest notice replaced', () => {
    let request = inProgress(['inquiry']);
    request = apply(request, { type: 'extendDeadline', actor: 'dpo', itemTypes: ['inquiry'], extensionDays: 5, reason: '第一次', notifiedAt: taipei('2025-03-10'), notificationChannel: 'email' }, taipei('2025-03-10'));
    request = apply(request, { type: 'extendDeadline', actor: 'dpo', itemTypes: ['inquiry'], extensionDays: 10, reason: '第二次', notifiedAt: taipei('2025-03-11'), notificationChannel: 'email' }, taipei('2025-03-11'));
    const body = renderRequesterMessage(request, 'extensionNotice')!.body;
    // 3-18 + 5 = 3-23, a Sunday, moved to 3-24; the second extension counts from the unmoved 3-23.
    expect(body.zhTW).toBe(letter(HEAD_ZH, ['・查詢：原定 114年3月24日 前決定，延長10日至 114年4月2日（個人資料保護法第13條第1項）', '  延長原因：第二次'], CLOSING_ZH));
    expect(body.en).toBe(letter(HEAD_EN, ['- inquiry: the decision due by 2025-03-24 is extended by 10 days to 2025-04-02 (PDPA Art. 13 ¶1)', '  Reason for the extension: 第二次'], CLOSING_EN));
  });

  it('reports what was carried out, without recipients when none were told', () => {
    let request = apply(inProgress(['inquiry']), { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, taipei('2025-03-05'));
    request = apply(request, { type: 'fulfil', actor: 'c', itemTypes: ['inquiry'] }, taipei('2025-03-06'));
    const body = renderRequesterMessage(request, 'fulfilment')!.body;
    expect(body.zhTW).toBe(letter(HEAD_ZH, ['下列事項已處理完成：', '・查詢：已於 114年3月6日 完成'], CLOSING_ZH));
    expect(body.en).toBe(letter(HEAD_EN, ['We have carried out the following:', '- inquiry: carried out on 2025-03-06'], CLOSING_EN));
  });
});
