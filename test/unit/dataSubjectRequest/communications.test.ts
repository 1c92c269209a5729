import { describe, expect, it } from 'vitest';
import { renderRequesterMessage, requesterMessageKinds } from '../../../domain/dataSubjectRequest/communications';
import { refusalGrounds } from '../../../domain/dataSubjectRequest/requestTypes';
import { apply, created, inProgress, taipei } from './fixtures';

describe('renderRequesterMessage', () => {
  it('acknowledges with each right and its deadline, in zh-TW and English', () => {
    const request = created(['inquiry', 'deletion', 'marketingOptOut']);
    const message = renderRequesterMessage(request, 'acknowledgement')!;
    expect(message.subject).toEqual({ zhTW: '【個人資料請求受理通知】案號 DSR-1140303-0001', en: 'We have received your personal data request (ref. DSR-1140303-0001)' });
    expect(message.body.zhTW).toContain('王小明 您好：');
    expect(message.body.zhTW).toContain('本公司於 114年3月3日 收到');
    expect(message.body.zhTW).toContain('・查詢：將於 114年3月18日 前為准駁之決定（個人資料保護法第13條第1項）');
    expect(message.body.zhTW).toContain('・請求刪除：將於 114年4月2日 前為准駁之決定（個人資料保護法第13條第2項）');
    expect(message.body.zhTW).toContain('您的表示自 114年3月3日 10:00 起生效，本公司應即停止以您的個人資料進行行銷');
    expect(message.body.en).toContain('On 2025-03-03 we received');
    expect(message.body.en).toContain('- inquiry: we will decide by 2025-03-18 (PDPA Art. 13 ¶1)');
    expect(message.body.en).toContain('we must stop using your personal data for marketing at once');
    expect(message.body.zhTW).not.toContain('代理人');
  });

  it('asks an agent for proof of authority', () => {
    const request = created(['copy'], { requester: { name: '李代理', postalAddress: '臺北市中正區重慶南路一段122號', actingAs: 'agent', dataSubjectName: '王小明' } });
    const message = renderRequesterMessage(request, 'acknowledgement')!;
    expect(message.body.zhTW).toContain('請一併提出代理權限之證明文件');
    expect(message.body.en).toContain('proof of your authority');
  });

  it('states the extension, its reason and both dates', () => {
    const request = inProgress(['inquiry']);
    expect(renderRequesterMessage(request, 'extensionNotice')).toBeUndefined();
    const extended = apply(request, { type: 'extendDeadline', actor: 'dpo', itemTypes: ['inquiry'], extensionDays: 15, reason: '需調閱備份資料', notifiedAt: taipei('2025-03-10'), notificationChannel: 'email' }, taipei('2025-03-10'));
    const message = renderRequesterMessage(extended, 'extensionNotice')!;
    expect(message.subject.zhTW).toContain('延長通知');
    expect(message.body.zhTW).toContain('原定 114年3月18日 前決定，延長15日至 114年4月2日');
    expect(message.body.zhTW).toContain('延長原因：需調閱備份資料');
    expect(message.body.en).toContain('extended by 15 days to 2025-04-02');
  });

  it('gives each decision with its legal grounds, reasons and fee', () => {
    let request = inProgress(['copy', 'deletion']);
    expect(renderRequesterMessage(request, 'decision')).toBeUndefined();
    request = apply(request, { type: 'quoteFee', actor: 'c', itemType: 'copy', feeScheduleEntry: { id: 'f', requestType: 'copy', description: { zhTW: '複製本每頁', en: 'per page' }, unitAmountTwd: 5 }, quantity: 4 }, taipei('2025-03-04'));
    request = apply(request, {
      type: 'decide', actor: 'dpo',
      decisions: [
        { itemType: 'copy', outcome: 'granted' },
        { itemType: 'deletion', outcome: 'refused', refusalGrounds: ['art11_3_necessaryForDuties'], reasonToRequester: '交易紀錄依稅捐稽徵法須保存' },
      ],
    }, taipei('2025-03-05'));
    const message = renderRequesterMessage(request, 'decision')!;
    expect(message.body.zhTW).toContain('・請求製給複製本：准予');
    expect(message.body.zhTW).toContain('費用：新臺幣 20 元');
    expect(message.body.zhTW).toContain('・請求刪除：不予准許');
    expect(message.body.zhTW).toContain(`依據：個人資料保護法第11條第3項但書—${refusalGrounds.art11_3_necessaryForDuties.text.zhTW}`);
    expect(message.body.zhTW).toContain('理由：交易紀錄依稅捐稽徵法須保存');
    expect(message.body.zhTW).toContain('陳情或提起救濟');
    expect(message.body.en).toContain('- deletion: refused');
    expect(message.body.en).toContain('Ground: PDPA Art. 11 ¶3 proviso');
  });

  it('reports what was carried out, with downstream recipients', () => {
    let request = inProgress(['correction']);
    expect(renderRequesterMessage(request, 'fulfilment')).toBeUndefined();
    request = apply(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'correction', outcome: 'granted' }] }, taipei('2025-03-05'));
    request = apply(request, { type: 'fulfil', actor: 'c', itemTypes: ['correction'] }, taipei('2025-03-06'));
    request = apply(request, { type: 'recordDownstreamNotification', actor: 'dpo', itemType: 'correction', causedByCompany: true, recipients: [{ recipient: '物流商', notifiedAt: taipei('2025-03-06'), channel: 'email' }, { recipient: '客服外包', notifiedAt: taipei('2025-03-06'), channel: 'email' }] }, taipei('2025-03-06', '11:00'));
    const message = renderRequesterMessage(request, 'fulfilment')!;
    expect(message.body.zhTW).toContain('・請求補充或更正：已於 114年3月6日 完成；並已通知曾提供利用之對象 2 個');
    expect(message.body.en).toContain('carried out on 2025-03-06; the 2 recipient(s)');
  });

  it('renders every kind with non-empty texts in both languages', () => {
    let request = inProgress(['inquiry']);
    request = apply(request, { type: 'extendDeadline', actor: 'dpo', itemTypes: ['inquiry'], extensionDays: 5, reason: 'r', notifiedAt: taipei('2025-03-10'), notificationChannel: 'email' }, taipei('2025-03-10'));
    request = apply(request, { type: 'decide', actor: 'dpo', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] }, taipei('2025-03-11'));
    request = apply(request, { type: 'fulfil', actor: 'c', itemTypes: ['inquiry'] }, taipei('2025-03-11'));
    for (const kind of requesterMessageKinds) {
      const message = renderRequesterMessage(request, kind)!;
      expect(message.kind).toBe(kind);
      for (const text of [message.subject.zhTW, message.subject.en, message.body.zhTW, message.body.en]) expect(text.length).toBeGreaterThan(10);
      // Only the requester's own name and the staff's free text may be Chinese in the English body.
      expect(message.body.en.replaceAll('王小明', '')).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
