/** One call starts a draft from the worked example (seed 000) with the tenant's own company name. */
import { beforeAll, describe, expect, it } from 'vitest';
import { examplePlanContent } from '../../../domain/plan';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

describe('POST /v1/plan/versions/from-template', () => {
  it('creates draft 1 from the worked example under the tenant company name, once', async () => {
    const tenant = await api.onboardTenant();
    const key = tenant.ownerKey;
    const profile = await api.call('GET', '/v1/tenant', { key });
    const companyName: string = profile.body.companyName;
    const created = await api.call('POST', '/v1/plan/versions/from-template', { key, body: { template: 'seed000WorkedExample', versionDate: '2026-12-01' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('location')).toBe('/v1/plan/versions/1');
    expect(created.body.status).toBe('draft');
    expect(created.body.content.organisationName).toBe(companyName);
    expect(created.body.content.preamble).toContain(companyName);
    expect(created.body.content.preamble).not.toContain('小叮噹股份有限公司');
    // The rest is the example as written: same sections, same team.
    expect(created.body.content.sections.staffAndResources).toEqual(examplePlanContent.sections.staffAndResources);
    // The shared example is not changed by the call.
    expect(examplePlanContent.organisationName).toBe('小叮噹股份有限公司');
    const again = await api.call('POST', '/v1/plan/versions/from-template', { key, body: { template: 'seed000WorkedExample' } });
    expect(again.status).toBe(409);
  });

  it('names the field of an unknown template in zh-TW and en', async () => {
    const { ownerKey: key } = await api.onboardTenant();
    const refused = await api.call('POST', '/v1/plan/versions/from-template', { key, body: { template: 'somethingElse' } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(refused.body)).toContain('template');
  });
});
