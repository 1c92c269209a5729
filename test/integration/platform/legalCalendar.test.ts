/**
 * The operator's legal calendar against DynamoDB Local: a calendar year loaded (validated,
 * audited) replaces the built-in provisional year for tenants' statutory deadlines at once, a
 * declared closure moves a deadline (Civil Code Art. 122), and a bad payload is a 400
 * problem+json naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetOfficialCalendar } from '../../../domain/calendar/officialCalendar';
import { installPdpaAmendment2025 } from '../../../domain/incident/incidentRegime';
import { expireLegalData } from '../../../functions/store/legalDataRecords';
import { newRequestBody, taipei } from '../dataSubjectRequests/support';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
let tenant: Awaited<ReturnType<TestApi['onboardTenant']>>;

const year2027 = {
  status: 'published',
  source: '行政院人事行政總處 116年政府行政機關辦公日曆表 (test data)',
  restDays: [
    { date: '2027-01-01', nameZh: '中華民國開國紀念日', nameEn: 'Founding Day' },
    { date: '2027-03-16', nameZh: '測試放假日', nameEn: 'Test rest day' },
  ],
  makeUpWorkingDays: [],
};

beforeAll(async () => {
  api = await createTestApi({ clock: () => new Date('2027-05-10T02:00:00Z') });
  tenant = await api.onboardTenant();
});

afterAll(() => {
  expireLegalData();
  resetOfficialCalendar();
  installPdpaAmendment2025(null);
});

async function inquiryDeadline(receivedOn: string) {
  const created = await api.call('POST', '/v1/data-subject-requests', { key: tenant.ownerKey, body: newRequestBody(['inquiry'], { receivedAt: taipei(receivedOn) }) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.items[0].deadline as { lastDay: string; explanation: { zhTW: string; en: string }[] };
}

describe('operator calendar years (Civil Code Art. 122 rest days as validated data)', () => {
  it('refuses a year whose rest day lies outside it: 400 problem+json naming the field, nothing stored', async () => {
    const bad = await api.call('POST', '/v1/platform/legal-calendar/years/2027', {
      key: api.operatorKey,
      body: { ...year2027, restDays: [...year2027.restDays, { date: '2028-01-01', nameZh: '錯', nameEn: 'Wrong' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('restDays[2].date');

    const malformed = await api.call('POST', '/v1/platform/legal-calendar/years/2027', { key: api.operatorKey, body: { ...year2027, status: 'final' } });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body.errors)).toContain('status');

    const view = await api.call('GET', '/v1/platform/legal-calendar', { key: api.operatorKey });
    expect(view.body.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({ status: 'provisional', origin: 'builtIn' });
  });

  it('is for the operator only', async () => {
    expect((await api.call('POST', '/v1/platform/legal-calendar/years/2027', { key: tenant.ownerKey, body: year2027 })).status).toBe(403);
  });

  it('a loaded year replaces the provisional one for tenant deadlines at once, and is audited', async () => {
    const before = await inquiryDeadline('2027-03-01');
    expect(before.lastDay).toBe('2027-03-16');
    expect(before.explanation.some((e) => e.en.includes('provisional'))).toBe(true);

    const loaded = await api.call('POST', '/v1/platform/legal-calendar/years/2027', { key: api.operatorKey, body: year2027 });
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    expect(loaded.body).toMatchObject({ year: 2027, status: 'published', origin: 'operator', version: 1 });

    const after = await inquiryDeadline('2027-03-01');
    expect(after.lastDay).toBe('2027-03-17');
    expect(after.explanation.some((e) => e.en.includes('provisional'))).toBe(false);

    const audit = await api.call('GET', '/v1/platform/audit-events?resourceType=calendarYear&resourceId=2027', { key: api.operatorKey });
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('legalCalendar.loadYear');

    // A correction needs the current version when given.
    const stale = await api.call('POST', '/v1/platform/legal-calendar/years/2027', { key: api.operatorKey, body: year2027, headers: { 'If-Match': '"7"' } });
    expect(stale.status).toBe(412);
  });

  it('a nationwide declared closure moves a deadline ending on it, and can be withdrawn (both audited)', async () => {
    expect((await inquiryDeadline('2027-03-31')).lastDay).toBe('2027-04-15');
    const declared = await api.call('POST', '/v1/platform/legal-calendar/closures/2027-04-15', {
      key: api.operatorKey,
      body: { areas: ['TW'], nameZh: '颱風停止上班', nameEn: 'Typhoon day, work suspended', source: 'test announcement' },
    });
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
    const moved = await inquiryDeadline('2027-03-31');
    expect(moved.lastDay).toBe('2027-04-16');
    expect(moved.explanation.some((e) => e.zhTW.includes('颱風停止上班'))).toBe(true);

    const badArea = await api.call('POST', '/v1/platform/legal-calendar/closures/2027-04-16', { key: api.operatorKey, body: { areas: ['TW-XXX'], nameZh: 'x', nameEn: 'x', source: 'x' } });
    expect(badArea.status).toBe(400);
    expect(JSON.stringify(badArea.body.errors)).toContain('areas');

    const withdrawn = await api.call('DELETE', '/v1/platform/legal-calendar/closures/2027-04-15', { key: api.operatorKey, headers: { 'If-Match': '"1"' } });
    expect(withdrawn.status).toBe(200);
    expect((await inquiryDeadline('2027-03-31')).lastDay).toBe('2027-04-15');
    const audit = await api.call('GET', '/v1/platform/audit-events?resourceType=declaredClosure&resourceId=2027-04-15', { key: api.operatorKey });
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['legalCalendar.declareClosure', 'legalCalendar.withdrawClosure']);
  });

  it('configures the 2025 amendment (audited); an effective date before promulgation is a 400 naming effectiveDate', async () => {
    const config = { effectiveDate: null, commissionReport: { hours: null, reportableScope: null, form: null }, fines: [], source: null };
    const bad = await api.call('POST', '/v1/platform/legal-regimes/pdpa-2025-amendment', { key: api.operatorKey, body: { ...config, effectiveDate: '2025-01-01' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('effectiveDate');
    const saved = await api.call('POST', '/v1/platform/legal-regimes/pdpa-2025-amendment', { key: api.operatorKey, body: { ...config, effectiveDate: '2026-06-01', source: 'test' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ effectiveDate: '2026-06-01', version: 1 });
    const audit = await api.call('GET', '/v1/platform/audit-events?resourceType=legalRegime&resourceId=pdpa-2025-amendment', { key: api.operatorKey });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('legalRegime.configure');
  });
});
