import { describe, expect, it } from 'vitest';
import { noticeContentIssues, noticeContentSchema, recordNotice, renderNotice, type NoticeInput } from '../../../domain/incident/notices';
import { content, incident } from './fixtures';

const input = (overrides: Partial<NoticeInput> = {}): NoticeInput => ({
  audience: 'dataSubjects',
  channel: 'sms',
  sentAt: '2025-03-02T12:00:00+08:00',
  audienceSize: 12000,
  locale: 'zh-TW',
  customerIds: [],
  content: content(),
  ...overrides,
});

describe('notice content (five contents of the 經濟部 leaflet)', () => {
  it('accepts a notice with all five contents', () => {
    expect(noticeContentIssues(content())).toEqual([]);
  });
  it.each([
    ['whatHappened', 1],
    ['emergencyMeasures', 1],
    ['causeInvestigation', 2],
    ['remediation', 3],
    ['authoritiesNotified', 4],
    ['assistance', 5],
  ] as const)('reports a blank %s as missing item %i', (field, item) => {
    expect(noticeContentIssues(content({ [field]: '  ' }))).toMatchObject([{ field, item }]);
  });
  it('requires a contact name and phone (item 5)', () => {
    expect(noticeContentIssues(content({ contact: { name: '', phone: '' } })).map((i) => i.field)).toEqual(['contact.name', 'contact.phone']);
  });
  it('rejects an anti-fraud reminder alone with a specific message', () => {
    const onlyFraud = noticeContentSchema.parse({ antiFraudReminder: '請小心詐騙電話', contact: {} });
    const result = recordNotice(incident(), input({ content: onlyFraud }), 'n1');
    expect(result).toMatchObject({ ok: false, error: { code: 'NOTICE_CONTENT_INCOMPLETE', kind: 'invalid' } });
    if (!result.ok) {
      expect(result.error.message.zhTW).toContain('僅有反詐騙宣導');
      expect((result.error.details as { issues: unknown[] }).issues).toHaveLength(8);
    }
  });
  it('rejects a notice missing one content with the generic message', () => {
    const result = recordNotice(incident(), input({ content: content({ remediation: '' }) }), 'n1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.zhTW).not.toContain('反詐騙');
  });
});

describe('recordNotice', () => {
  it('records channel, time and audience size and marks subjects notified at the first notice', () => {
    const r = recordNotice(incident(), input(), 'n1');
    if (!r.ok) throw new Error('failed');
    expect(r.value.notices[0]).toMatchObject({ id: 'n1', channel: 'sms', audienceSize: 12000, sentAt: '2025-03-02T12:00:00+08:00' });
    expect(r.value.timeline.subjectsNotified).toEqual({ status: 'done', at: '2025-03-02T12:00:00+08:00' });
    const again = recordNotice(r.value, input({ channel: 'websiteNotice', sentAt: '2025-03-03T12:00:00+08:00' }), 'n2');
    expect(again.ok && again.value.timeline.subjectsNotified).toEqual({ status: 'done', at: '2025-03-02T12:00:00+08:00' });
  });
  it('refuses a notice before discovery, and customer notices naming unknown or no customers', () => {
    expect(recordNotice(incident(), input({ sentAt: '2025-03-01T09:00:00+08:00' }), 'n1')).toMatchObject({ ok: false, error: { code: 'BEFORE_DISCOVERY' } });
    const i = incident({ customersAffected: [{ customerId: 'cu1', name: '甲' }] });
    expect(recordNotice(i, input({ audience: 'customers', customerIds: ['zz'] }), 'n1')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CUSTOMER', details: { unknown: ['zz'] } } });
    expect(recordNotice(i, input({ audience: 'customers', customerIds: [] }), 'n1')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CUSTOMER' } });
  });
});

describe('renderNotice', () => {
  it('renders every content in zh-TW with Taipei time', () => {
    const c = content({ antiFraudReminder: '本公司不會來電要求操作ATM' });
    const { subject, body } = renderNotice(c, { organisationName: 'OO公司', audience: 'dataSubjects', locale: 'zh-TW', occurredAt: '2025-02-28T16:10:00Z' });
    expect(subject).toBe('OO公司個人資料事故通知');
    for (const part of [c.whatHappened, c.emergencyMeasures, c.causeInvestigation, c.remediation, c.authoritiesNotified, c.assistance, '02-1234-5678', '2025-03-01 00:10', c.antiFraudReminder!]) {
      expect(body).toContain(part);
    }
  });
  it('renders the English customer template asking to help notify their subjects', () => {
    const { body } = renderNotice(content(), { organisationName: 'OO Ltd', audience: 'customers', locale: 'en' });
    expect(body.startsWith('Dear customer,')).toBe(true);
    expect(body).toContain('help you notify your own data subjects');
    expect(body).not.toContain('Please note');
  });
});
