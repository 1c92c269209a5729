/** The plan document's §13 vendor table is filled from the vendor records. */
import { beforeAll, describe, expect, it } from 'vitest';
import examplePlan from '../../fixtures/plan/examplePlan.json';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

describe('plan document §13 vendors', () => {
  it('lists each vendor with its services and whether it was checked', async () => {
    const { ownerKey: key } = await api.onboardTenant();
    const vendor = await api.call('POST', '/v1/vendors', {
      key,
      body: {
        name: '雲端代管股份有限公司',
        registration: { kind: 'taiwanBusinessId', number: '22099131' },
        country: 'TW',
        services: ['會員資料庫代管'],
        contact: { name: '陳經理', email: 'pm@cloud.example.com' },
        personalDataFileIds: [],
        dataHoldings: [],
        processingRegions: [{ country: 'TW' }],
        onboardedOn: '2025-01-15',
      },
    });
    expect(vendor.status, JSON.stringify(vendor.body)).toBe(201);
    expect((await api.call('POST', '/v1/plan/versions', { key, body: { versionDate: '2025-01-02', content: examplePlan } })).status).toBe(201);
    const html = await api.app.request('/v1/plan/versions/1/document?format=html', { headers: { authorization: `Bearer ${key}` } });
    expect(html.status).toBe(200);
    const text = await html.text();
    expect(text).toContain('雲端代管股份有限公司');
    expect(text).toContain('會員資料庫代管');
    expect(text).toContain('尚未辦理年度監督');
  });
});
