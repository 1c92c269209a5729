/**
 * An approved plan version is frozen, tables included: its document shows the inventory, risk
 * and vendor tables as they were at approval, while `tables=currentDraft` shows today's.
 * Against DynamoDB Local through the HTTP API.
 */
// The app first: @hono/zod-openapi must extend zod before any domain schema is built.
import { createTestApi, type TestApi } from '../support/testApi';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanContent } from '../../../domain/plan';
import exampleInventory from '../../fixtures/inventory/exampleInventory.json';
import examplePlan from '../../fixtures/plan/examplePlan.json';

let api: TestApi;
let now = new Date('2025-01-02T02:00:00Z');

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
});

const approval = {
  approverName: '小叮噹',
  approverTitle: '總經理',
  capacity: 'representative',
  acceptedGaps: [{ code: 'RISK_ASSESSMENT_EMPTY', reason: '風險評估另行辦理' }],
};

async function raw(path: string, key: string): Promise<Buffer> {
  const response = await api.app.request(path, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('approved plan version: tables frozen at approval (issue #14 point 11)', () => {
  it('does not change when a file is added after approval; the current-draft view does', async () => {
    const { ownerKey: key } = await api.onboardTenant({ companyName: '凍結表格股份有限公司' });
    const first = exampleInventory.files[0]!;
    expect((await api.call('POST', '/v1/personal-data-files', { key, body: first })).status).toBe(201);

    const created = await api.call('POST', '/v1/plan/versions', { key, body: { versionDate: '2025-01-02', content: examplePlan as unknown as PlanContent } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await api.call('POST', '/v1/plan/versions/1/submit', { key })).status).toBe(200);
    const approved = await api.call('POST', '/v1/plan/versions/1/approve', { key, body: approval });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const markdownAtApproval = (await api.call('GET', '/v1/plan/versions/1/document?format=markdown', { key })).body as string;
    const docxAtApproval = await raw('/v1/plan/versions/1/document?format=docx', key);
    expect(markdownAtApproval).toContain(first.name);
    expect(markdownAtApproval).toContain('本表為本版本核定時');

    now = new Date('2025-02-03T02:00:00Z');
    const added = { ...first, id: '009-1', name: '會員電子報名單' };
    const file = await api.call('POST', '/v1/personal-data-files', { key, body: added });
    expect(file.status, JSON.stringify(file.body)).toBe(201);

    const markdownLater = (await api.call('GET', '/v1/plan/versions/1/document?format=markdown', { key })).body as string;
    expect(markdownLater).toBe(markdownAtApproval);
    expect(markdownLater).not.toContain('會員電子報名單');
    expect((await raw('/v1/plan/versions/1/document?format=docx', key)).equals(docxAtApproval)).toBe(true);

    const currentDraft = (await api.call('GET', '/v1/plan/versions/1/document?format=markdown&tables=currentDraft', { key })).body as string;
    expect(currentDraft).toContain('會員電子報名單');
    expect(currentDraft).toContain(first.name);
    expect(currentDraft).toContain('非核定時之內容');
  });
});
