/**
 * Notices at their edges (mutation testing, issue #15): the exact letter in both languages and
 * to both audiences, what a refused notice names, and which notice marks the timeline.
 */
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../domain/incident/incident';
import { noticeContentIssues, recordNotice, renderNotice, type NoticeInput } from '../../../domain/incident/notices';
import { content, incident } from './fixtures';

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const DISCOVERED = '2025-03-01T09:30:00+08:00';
const notice = (overrides: Partial<NoticeInput> = {}): NoticeInput => ({ audience: 'dataSubjects', channel: 'email', sentAt: '2025-03-02T12:00:00+08:00', audienceSize: 100, locale: 'zh-TW', customerIds: [], content: content(), ...overrides });
const empty = { whatHappened: '', emergencyMeasures: '', causeInvestigation: '', remediation: '', authoritiesNotified: '', assistance: '', contact: { name: '', phone: '' } };

describe('renderNotice', () => {
  const full = content({ contact: { name: '個資專員 王小明', phone: '02-1234-5678', email: 'dpo@example.com' }, antiFraudReminder: '本公司不會要求操作ATM' });

  it('writes the zh-TW letter to customers with the time, the help offered and the reminder', () => {
    const rendered = renderNotice(full, { organisationName: '範例公司', audience: 'customers', locale: 'zh-TW', occurredAt: '2025-03-01T02:10:00Z' });
    expect(rendered.subject).toBe('範例公司個人資料事故通知');
    expect(rendered.body.split('\n')).toEqual([
      '貴客戶您好：',
      '',
      '範例公司於2025-03-01 10:10（台北時間）發生個人資料事故：本公司系統遭不明駭客入侵，導致會員個資外洩。',
      '本公司已立即採取以下措施：已封鎖入侵來源並刪除木馬程式。',
      '',
      '1. 事故原因：駭客利用未修補之系統弱點。',
      '2. 修補措施：已修補弱點並加強存取控制。',
      '3. 通報情形：已通報數位發展部，並向165報案。',
      '4. 協助措施：如接獲可疑來電請勿提供資料。',
      '5. 聯絡窗口：個資專員 王小明，02-1234-5678，dpo@example.com',
      '',
      '如需通知 貴客戶之當事人，本公司將配合協助。',
      '',
      '提醒：本公司不會要求操作ATM',
      '',
      '本公司再次向您致歉。',
      '範例公司',
    ]);
  });

  it('writes the plain zh-TW letter to data subjects without time, help or reminder', () => {
    const body = renderNotice(content({ antiFraudReminder: '  ' }), { organisationName: '範例公司', audience: 'dataSubjects', locale: 'zh-TW' }).body.split('\n');
    expect(body[0]).toBe('親愛的用戶您好：');
    expect(body[2]).toBe('範例公司發生個人資料事故：本公司系統遭不明駭客入侵，導致會員個資外洩。');
    expect(body[9]).toBe('5. 聯絡窗口：個資專員 王小明，02-1234-5678');
    expect(body.slice(10)).toEqual(['', '本公司再次向您致歉。', '範例公司']);
  });

  it('writes the English letter to customers, and the plain one to data subjects', () => {
    const rendered = renderNotice(full, { organisationName: 'Example Ltd', audience: 'customers', locale: 'en', occurredAt: '2025-03-01T02:10:00Z' });
    expect(rendered.subject).toBe('Example Ltd: personal-data incident notice');
    expect(rendered.body.split('\n')).toEqual([
      'Dear customer,',
      '',
      'Example Ltd has had a personal-data incident on 2025-03-01 10:10 (Taipei time): 本公司系統遭不明駭客入侵，導致會員個資外洩。',
      'We immediately took these measures: 已封鎖入侵來源並刪除木馬程式。',
      '',
      '1. Cause: 駭客利用未修補之系統弱點。',
      '2. Fixes: 已修補弱點並加強存取控制。',
      '3. Authorities notified: 已通報數位發展部，並向165報案。',
      '4. How we help: 如接獲可疑來電請勿提供資料。',
      '5. Contact: 個資專員 王小明, 02-1234-5678, dpo@example.com',
      '',
      'We will help you notify your own data subjects where needed.',
      '',
      'Please note: 本公司不會要求操作ATM',
      '',
      'We sincerely apologise.',
      'Example Ltd',
    ]);
    const plain = renderNotice(content({ contact: { name: 'DPO', phone: ' ' } }), { organisationName: 'Example Ltd', audience: 'dataSubjects', locale: 'en' }).body.split('\n');
    expect(plain[0]).toBe('Dear user,');
    expect(plain[2]).toBe('Example Ltd has had a personal-data incident: 本公司系統遭不明駭客入侵，導致會員個資外洩。');
    expect(plain[9]).toBe('5. Contact: DPO');
    expect(plain.slice(10)).toEqual(['', 'We sincerely apologise.', 'Example Ltd']);
  });
});

describe('noticeContentIssues', () => {
  it('names each missing content with its item number, blank counting as missing', () => {
    const issues = noticeContentIssues({ ...content(), remediation: '   ', contact: { name: '王', phone: '' } });
    expect(issues).toEqual([
      { item: 3, field: 'remediation', message: { zhTW: '通知內容缺少：事後修補措施（第3項）', en: 'The notice lacks the fixes (item 3)' } },
      { item: 5, field: 'contact.phone', message: { zhTW: '通知內容缺少：聯絡電話（第5項）', en: 'The notice lacks the contact phone (item 5)' } },
    ]);
    expect(noticeContentIssues(empty).map((i) => i.field)).toEqual(['whatHappened', 'emergencyMeasures', 'causeInvestigation', 'remediation', 'authoritiesNotified', 'assistance', 'contact.name', 'contact.phone']);
  });
});

describe('recordNotice', () => {
  it('refuses on a closed incident', () => {
    const closed: Incident = { ...incident(), status: 'closed' };
    expect(recordNotice(closed, notice(), 'n1')).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'INCIDENT_CLOSED', message: { zhTW: '事故已結案', en: 'The incident is closed' } } });
  });

  it('points at each missing content field, and calls out an anti-fraud reminder alone', () => {
    const partial = recordNotice(incident(), notice({ content: { ...content(), assistance: '' } }), 'n1');
    if (partial.ok) throw new Error('expected NOTICE_CONTENT_INCOMPLETE');
    expect(partial.error.message).toEqual({ zhTW: '通知內容不完整，須包含五項內容', en: 'The notice is incomplete; it needs all five contents' });
    expect((partial.error.details as { fieldErrors: unknown[] }).fieldErrors).toEqual([{ field: 'content.assistance', reason: { zhTW: '通知內容缺少：協助當事人因應（第5項）', en: 'The notice lacks how we help (item 5)' } }]);
    const fraudOnly = recordNotice(incident(), notice({ content: { ...empty, antiFraudReminder: '請小心詐騙' } }), 'n1');
    expect(fraudOnly).toMatchObject({ ok: false, error: { message: { zhTW: '僅有反詐騙宣導不符合個資法規範，通知須包含五項內容', en: 'An anti-fraud reminder alone does not comply; the notice needs all five contents' } } });
    // Missing everything without a reminder is merely incomplete.
    expect(recordNotice(incident(), notice({ content: empty }), 'n1')).toMatchObject({ ok: false, error: { message: { en: 'The notice is incomplete; it needs all five contents' } } });
    // A reminder with only some contents missing is incomplete, not "reminder alone".
    expect(recordNotice(incident(), notice({ content: { ...content(), assistance: '', antiFraudReminder: '請小心詐騙' } }), 'n1')).toMatchObject({ ok: false, error: { message: { en: 'The notice is incomplete; it needs all five contents' } } });
  });

  it('accepts a notice at the moment of discovery, and refuses one before it', () => {
    // No customer is affected: a data-subject notice says nothing about customers.
    expect(unwrap(recordNotice(incident(), notice({ sentAt: DISCOVERED }), 'n1')).timeline).toEqual({ subjectsNotified: { status: 'done', at: DISCOVERED } });
    expect(recordNotice(incident(), notice({ sentAt: '2025-03-01T09:29:59.999+08:00' }), 'n1')).toMatchObject({
      ok: false,
      error: { kind: 'invalid', code: 'BEFORE_DISCOVERY', message: { zhTW: '通知時間不得早於發現事故時間', en: 'A notice cannot precede the discovery' } },
    });
  });

  it('keeps the first data-subject notice as the time subjects were told, and no customer ids on it', () => {
    const first = unwrap(recordNotice(incident({ customersAffected: [{ customerId: 'cu1', name: '甲' }] }), notice({ customerIds: ['cu1'] }), 'n1'));
    expect(first.notices[0]).toMatchObject({ id: 'n1', audience: 'dataSubjects', customerIds: [] });
    expect(first.timeline.customersNotified).toBeUndefined();
    const second = unwrap(recordNotice(first, notice({ sentAt: '2025-03-03T12:00:00+08:00' }), 'n2'));
    expect(second.timeline.subjectsNotified).toEqual({ status: 'done', at: '2025-03-02T12:00:00+08:00' });
    expect(second.notices.map((n) => n.id)).toEqual(['n1', 'n2']);
  });

  it('needs a customer notice to name affected customers only', () => {
    const withCustomers = incident({ customersAffected: [{ customerId: 'cu1', name: '甲' }] });
    const none = recordNotice(withCustomers, notice({ audience: 'customers', customerIds: [] }), 'n1');
    expect(none).toMatchObject({ ok: false, error: { kind: 'invalid', code: 'UNKNOWN_CUSTOMER', message: { zhTW: '客戶通知須列出受影響之客戶', en: 'A customer notice must name affected customers' }, details: { unknown: [] } } });
    expect(recordNotice(withCustomers, notice({ audience: 'customers', customerIds: ['cu1', 'cu9'] }), 'n1')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CUSTOMER', details: { unknown: ['cu9'] } } });
    const told = unwrap(recordNotice(withCustomers, notice({ audience: 'customers', customerIds: ['cu1'] }), 'n1'));
    expect(told.timeline).toEqual({ customersNotified: { status: 'done', at: '2025-03-02T12:00:00+08:00' } });
    // A later customer notice does not move the time customers were told.
    const again = unwrap(recordNotice(told, notice({ audience: 'customers', customerIds: ['cu1'], sentAt: '2025-03-04T12:00:00+08:00' }), 'n2'));
    expect(again.timeline.customersNotified).toEqual({ status: 'done', at: '2025-03-02T12:00:00+08:00' });
  });
});
