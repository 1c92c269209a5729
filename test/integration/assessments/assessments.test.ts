/**
 * A class I e-commerce supplier's self-assessment end to end (issue #17): catalog cut to class I →
 * answers with evidence references → consistency warnings → findings → corrective actions chased
 * by the review sweep → sign-off locks it → comparison with the previous one → audited reopen.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReviewSweep } from '../../../functions/reviews/sweep';
import { createTestApi, type TestApi } from '../support/testApi';

let api: TestApi;
let now = new Date('2026-03-10T02:00:00Z');
let owner: string;
let tenantId: string;
const enc = encodeURIComponent;

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  const tenant = await api.onboardTenant({ sector: 'ecommerceSupplierClassI' });
  owner = tenant.ownerKey;
  tenantId = tenant.tenantId;
}, 60_000);

const answer = (id: string, item: string, body: Record<string, unknown>, etag: string) =>
  api.call('PUT', `/v1/assessments/${id}/items/${item}`, { key: owner, body, headers: { 'if-match': etag } });

describe('a class I supplier self-assessment', () => {
  it('runs from the class I catalog to a locked, compared assessment', async () => {
    // Catalogs: the supplier checklist cut to class I (皆適用 items only) and the sector regulation's self-check.
    const catalogs = await api.call('GET', '/v1/assessment-catalogs', { key: owner });
    expect(catalogs.status).toBe(200);
    const supplier = catalogs.body.items.find((c: { catalogId: string }) => c.catalogId === 'ecommerceSupplier');
    expect(supplier).toMatchObject({ businessClass: 'I', applicableItems: 47 });
    expect(catalogs.body.items.map((c: { catalogId: string }) => c.catalogId)).toEqual(['ecommerceSupplier', 'regulation:K0010162']);
    expect((await api.call('GET', '/v1/assessment-catalogs/ecommercePlatform', { key: owner })).status).toBe(404);
    const catalog = await api.call('GET', '/v1/assessment-catalogs/ecommerceSupplier', { key: owner });
    const checkItems = catalog.body.goals.flatMap((g: any) => g.managementItems.flatMap((m: any) => m.requirements.flatMap((r: any) => r.checkItems)));
    expect(checkItems).toHaveLength(47);
    expect(checkItems.every((i: { applicableClass: string }) => i.applicableClass === 'all')).toBe(true);

    // A third-party audit names its auditor.
    const noAuditor = await api.call('POST', '/v1/assessments', { key: owner, body: { catalogId: 'ecommerceSupplier', kind: 'thirdPartyAudit' } });
    expect(noAuditor.body.code).toBe('AUDITOR_REQUIRED');

    // The earlier assessment (signed off this March): the first three items compliant.
    const previous = await api.call('POST', '/v1/assessments', { key: owner, body: { catalogId: 'ecommerceSupplier', kind: 'selfCheck', title: '114年度自評' } });
    expect(previous.status, JSON.stringify(previous.body)).toBe(201);
    const previousId: string = previous.body.id;
    let etag = previous.headers.get('etag')!;
    for (const item of ['1.3.1.1', '1.3.1.2', '1.3.1.3']) {
      const r = await answer(previousId, item, { result: 'compliant', evidenceRefs: ['DOC-2025-01'] }, etag);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      etag = r.headers.get('etag')!;
    }
    const previousSigned = await api.call('POST', `/v1/assessments/${previousId}/sign-off`, { key: owner, body: { acknowledgeWarnings: true } });
    expect(previousSigned.status, JSON.stringify(previousSigned.body)).toBe(200);

    // This year's.
    now = new Date('2026-04-01T02:00:00Z');
    const created = await api.call('POST', '/v1/assessments', { key: owner, body: { catalogId: 'ecommerceSupplier', kind: 'selfCheck' } });
    const id: string = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', businessClass: 'I', progress: { answered: 0, applicable: 47 } });
    etag = created.headers.get('etag')!;
    expect((await api.call('PUT', `/v1/assessments/${id}/items/1.3.1.1`, { key: owner, body: { result: 'compliant' } })).status).toBe(428);
    const noReason = await answer(id, '1.3.1.3', { result: 'notApplicable' }, etag);
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('NOT_APPLICABLE_REASON_REQUIRED');
    expect((await answer(id, '9.9.9.9', { result: 'compliant' }, etag)).status).toBe(404);

    let r = await answer(id, '1.3.1.1', { result: 'compliant', notes: '已訂定', evidenceRefs: ['ISMS-POL-01 v3', 'https://intranet.example/policy'] }, etag);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    r = await answer(id, '1.3.1.2', { result: 'nonCompliant', notes: '本年度尚未辦理' }, r.headers.get('etag')!);
    r = await answer(id, '1.3.1.3', { result: 'notApplicable', notApplicableReason: '無實體門市' }, r.headers.get('etag')!);
    expect(r.status).toBe(200);
    expect((await answer(id, '1.3.1.1', { result: 'compliant' }, '"1"')).status).toBe(412);
    const got = await api.call('GET', `/v1/assessments/${id}`, { key: owner });
    expect(got.body.answers[0]).toMatchObject({ itemNumber: '1.3.1.1', result: 'compliant', evidenceRefs: ['ISMS-POL-01 v3', 'https://intranet.example/policy'], answeredAt: now.toISOString() });
    expect(got.body.progress).toEqual({ answered: 2, applicable: 46 });
    expect(got.body.score.overall.baseline.compliant).toBe(1);
    expect(got.body.score.byGoal.length).toBeGreaterThan(0);

    // Evidence for the answered item: uploaded through its signed URL, hash-checked by the server, then referenced from the answer.
    const policyFile = Buffer.from('個人資料保護政策 v3（114年12月核定）', 'utf8');
    const evidence = await api.call('POST', '/v1/evidence', {
      key: owner,
      body: { title: '個人資料保護政策 v3', supports: [{ kind: 'assessmentItem', id: `${id}#1.3.1.1` }], fileName: 'policy-v3.txt', mediaType: 'text/plain', sizeBytes: policyFile.byteLength, sha256: createHash('sha256').update(policyFile).digest('hex'), relatesToYear: 2026 },
    });
    expect(evidence.status, JSON.stringify(evidence.body)).toBe(201);
    const evidenceId: string = evidence.body.evidence.id;
    expect((await api.app.request(evidence.body.upload.url, { method: 'PUT', headers: evidence.body.upload.headers, body: policyFile })).status).toBe(200);
    expect((await api.call('POST', `/v1/evidence/${evidenceId}/verification`, { key: owner })).body.status).toBe('complete');
    r = await answer(id, '1.3.1.1', { result: 'compliant', notes: '已訂定', evidenceRefs: ['ISMS-POL-01 v3', evidenceId] }, got.headers.get('etag')!);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.answers.find((a: { itemNumber: string }) => a.itemNumber === '1.3.1.1').evidenceRefs).toEqual(['ISMS-POL-01 v3', evidenceId]);
    const forItem = await api.call('GET', `/v1/evidence?supportsKind=assessmentItem&supportsId=${enc(`${id}#1.3.1.1`)}`, { key: owner });
    expect(forItem.body.items.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([[evidenceId, 'complete']]);

    // Warnings before sign-off; sign-off needs them acknowledged.
    const warnings = await api.call('GET', `/v1/assessments/${id}/warnings`, { key: owner });
    expect(warnings.status).toBe(200);
    expect(warnings.body.items.map((w: { code: string }) => w.code)).toContain('BASELINE_UNANSWERED');
    expect(warnings.body.facts).toMatchObject({ incidentDrillHeldThisYear: false, internalAuditHeldThisYear: true, riskAssessedThisYear: false });
    expect(warnings.body.facts).toMatchObject({ trainingHeldThisYear: false });
    const unacknowledged = await api.call('POST', `/v1/assessments/${id}/sign-off`, { key: owner, body: {} });
    expect(unacknowledged.status).toBe(422);
    expect(unacknowledged.body.code).toBe('WARNINGS_NOT_ACKNOWLEDGED');

    // Findings and their corrective actions, chased by the sweep.
    const findings = await api.call('GET', `/v1/assessments/${id}/findings`, { key: owner });
    expect(findings.body.items.map((f: { itemNumber: string }) => f.itemNumber)).toEqual(['1.3.1.2']);
    expect((await api.call('POST', `/v1/assessments/${id}/findings/1.3.1.1/corrective-actions`, { key: owner, body: { kind: 'corrective', title: 'x', owner: 'y', dueDate: '2026-04-30' } })).status).toBe(404);
    const action = await api.call('POST', `/v1/assessments/${id}/findings/1.3.1.2/corrective-actions`, {
      key: owner,
      body: { kind: 'corrective', title: '辦理年度資安教育訓練', description: '原因：未排入年度計畫', owner: 'hr-lead@example.com', dueDate: '2026-04-30' },
    });
    expect(action.status, JSON.stringify(action.body)).toBe(201);
    const actionId: string = action.body.id;
    const taskId = `duty:correctiveAction|assessment|${id}/1.3.1.2/${actionId}#2026-04-30`;
    const sweep = await runReviewSweep(api.deps, { asOf: new Date('2026-05-05T01:00:00Z'), tenantId });
    expect(sweep.tenantsFailed).toBe(0);
    const reminders = await api.call('GET', `/v1/review-tasks/${enc(taskId)}/reminders`, { key: owner });
    expect(reminders.status, JSON.stringify(reminders.body)).toBe(200);
    expect(reminders.body.items.length).toBeGreaterThan(0);
    expect(reminders.body.items[0].recipient).toMatchObject({ email: 'hr-lead@example.com' });

    // Sign-off locks it; the next assessment of the catalog becomes a duty.
    const signed = await api.call('POST', `/v1/assessments/${id}/sign-off`, { key: owner, body: { acknowledgeWarnings: true } });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.status).toBe('signedOff');
    expect(signed.body.signedOff.acknowledgedWarnings.length).toBeGreaterThan(0);
    const locked = await answer(id, '1.3.1.1', { result: 'nonCompliant' }, signed.headers.get('etag')!);
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('ASSESSMENT_SIGNED_OFF');
    const duties = await api.call('GET', '/v1/duties?kind=nextAssessment', { key: owner });
    expect(duties.body.items).toEqual([expect.objectContaining({ source: 'assessment', subject: { kind: 'assessment', id: 'ecommerceSupplier' } })]);

    // The finding's action is done, then verified by someone else (effectiveness review).
    now = new Date('2026-05-06T02:00:00Z');
    const move = (to: string, by: string) => api.call('POST', `/v1/assessments/${id}/corrective-actions/${actionId}/transitions`, { key: owner, body: { to, at: now.toISOString(), by } });
    expect((await move('done', 'hr-lead@example.com')).status).toBe(200);
    const self = await move('verified', 'hr-lead@example.com');
    expect(self.status).toBe(422);
    expect(self.body.errors[0].field).toBe('by');
    expect((await move('verified', '稽核小組')).body.status).toBe('verified');

    // Item by item against last year's.
    const comparison = await api.call('GET', `/v1/assessments/${id}/comparison?with=${previousId}`, { key: owner });
    expect(comparison.status, JSON.stringify(comparison.body)).toBe(200);
    const byItem = Object.fromEntries(comparison.body.items.map((i: { itemNumber: string }) => [i.itemNumber, i]));
    expect(byItem['1.3.1.1']).toMatchObject({ before: 'compliant', after: 'compliant', change: 'same' });
    expect(byItem['1.3.1.2']).toMatchObject({ before: 'compliant', after: 'nonCompliant', change: 'worsened' });
    expect(byItem['1.3.1.3']).toMatchObject({ before: 'compliant', after: 'notApplicable', change: 'changed' });

    // An audited reopen makes a new revision; the signed-off one stays as it was.
    const reopened = await api.call('POST', `/v1/assessments/${id}/reopen`, { key: owner, body: { reason: '補充佐證' } });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(201);
    expect(reopened.body).toMatchObject({ status: 'inProgress', revision: 2, previousRevisionId: id, reopenReason: '補充佐證' });
    expect(reopened.body.answers).toHaveLength(3);
    expect((await api.call('GET', `/v1/assessments/${id}`, { key: owner })).body.status).toBe('signedOff');
    const audit = await api.call('GET', `/v1/audit-events?resourceType=complianceAssessment&resourceId=${id}`, { key: owner });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['complianceAssessment.create', 'complianceAssessment.signOff', 'complianceAssessment.reopen']));
    const list = await api.call('GET', '/v1/assessments?catalogId=ecommerceSupplier', { key: owner });
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([reopened.body.id, id, previousId]);
  });
});
