/**
 * The reporter (通報人) on the authority's form against DynamoDB Local: given with the incident
 * (create and PATCH), shown in the incident view, each blank field filled from the tenant
 * profile's contact, so the form can be complete; the form in the sector's table, ROC times.
 */
// The app first: @hono/zod-openapi must extend zod before any domain schema is built.
import { createTestApi, type TestApi } from '../support/testApi';
import { beforeAll, describe, expect, it } from 'vitest';

const DISCOVERED = '2026-03-02T09:00:00+08:00';
const now = new Date(Date.parse(DISCOVERED));
let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
});

const facts = {
  title: '會員資料庫遭未授權存取',
  discoveredAt: DISCOVERED,
  occurredAt: '2026-03-01T23:10:00+08:00',
  reportedBy: { name: '林資安' },
  kinds: ['intrusion', 'leak'],
  dataCategories: ['C001', 'C011'],
  estimatedRecords: { general: 12_000, special: 0 },
  summary: '攻擊者利用弱密碼登入後台並匯出會員資料',
  cause: '後台管理帳號使用弱密碼',
  damage: '會員姓名、電話外洩',
  possibleConsequences: '詐騙電話',
  plannedMeasures: ['全面啟用多因子驗證'],
  plannedSubjectNotification: { at: '2026-03-03T10:00:00+08:00', channels: ['email'] },
  endangersOperationsOrManySubjects: true,
};

describe('incident reporter fields (issue #14 point 10)', () => {
  it('takes the reporter from the incident and the rest from the tenant profile, so nothing is missing', async () => {
    const { ownerKey: key } = await api.onboardTenant({
      companyName: '通報人測試股份有限公司',
      contact: { name: '王小明', email: 'dpo@example.com', title: '個資管理專責人員', phone: '02-2722-0000', address: '臺北市信義區市府路1號' },
    });
    const created = await api.call('POST', '/v1/incidents', { key, body: { ...facts, reporter: { name: '陳大文', phone: '0912-345-678' } } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.reporter).toEqual({ name: '陳大文', phone: '0912-345-678' });
    const id = created.body.id as string;

    const form = await api.call('GET', `/v1/incidents/${id}/regulator-notification`, { key });
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      reporterName: '陳大文',
      reporterPhone: '0912-345-678',
      reporterTitle: '個資管理專責人員',
      reporterEmail: 'dpo@example.com',
      reporterAddress: '臺北市信義區市府路1號',
      formTitle: { zhTW: '業者個人資料外洩通報表' },
      formCaption: '附表二',
      dataTypes: ['C001 辨識個人者', 'C011 個人描述'],
    });
    expect(form.body.missingFields).toEqual([]);

    // PATCH changes one reporter field; the others stay.
    const patched = await api.call('PATCH', `/v1/incidents/${id}`, { key, body: { reporter: { title: '資安長' } }, headers: { 'if-match': created.headers.get('etag')! } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.reporter).toEqual({ name: '陳大文', phone: '0912-345-678', title: '資安長' });
    const html = await api.call('GET', `/v1/incidents/${id}/regulator-notification?format=html`, { key });
    expect(html.body).toContain('資安長');
    expect(html.body).toContain('民國115年3月2日 9時00分');
  });

  it('lists title, phone and address as missing when neither the incident nor the profile has them', async () => {
    const { ownerKey: key } = await api.onboardTenant({ companyName: '無預設股份有限公司' });
    const created = await api.call('POST', '/v1/incidents', { key, body: facts });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.reporter).toBeNull();
    const form = await api.call('GET', `/v1/incidents/${created.body.id}/regulator-notification`, { key });
    expect(form.body.missingFields).toEqual(['reporterTitle', 'reporterPhone', 'reporterAddress']);
  });
});
