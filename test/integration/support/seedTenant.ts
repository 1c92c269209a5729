/**
 * Creates one of each kind of resource for a tenant and returns their ids by path-parameter
 * name. The route walk uses it to prove another tenant cannot reach them. Each area adds its
 * resources here.
 */
import { createHash } from 'node:crypto';
import type { TestApi } from './testApi';
import { runWebhookDispatch } from '../../../functions/webhooks/dispatcher';

export type SeededIds = Record<string, string>;

export async function seedTenantResources(api: TestApi, tenant: { tenantId: string; ownerKey: string }): Promise<SeededIds> {
  const ids: SeededIds = { tenantId: tenant.tenantId };
  const key = await api.call('POST', '/v1/api-keys', { key: tenant.ownerKey, body: { name: 'seeded', role: 'auditor' } });
  ids.keyId = key.body.keyId;
  // Vendor oversight: a vendor, its contract and a questionnaire response (via a link).
  const vendor = await api.call('POST', '/v1/vendors', {
    key: tenant.ownerKey,
    body: {
      name: '種子雲端股份有限公司',
      registration: { kind: 'taiwanBusinessId', number: '22099131' },
      country: 'TW',
      services: ['雲端主機代管'],
      contact: { name: '陳經理', email: 'vendor@example.com' },
      processingRegions: [{ country: 'TW' }],
      onboardedOn: '2026-01-01',
    },
  });
  ids.vendorId = vendor.body.id;
  const contract = await api.call('POST', `/v1/vendors/${ids.vendorId}/contracts`, {
    key: tenant.ownerKey,
    body: {
      title: '種子委外契約',
      period: { start: '2026-01-01', end: '2027-12-31', autoRenewal: false },
      scope: { description: '主機代管', purposes: ['〇九〇 消費者、客戶管理與服務'], dataCategories: ['C001'] },
      clauses: [],
    },
  });
  ids.contractId = contract.body.id;
  const link = await api.call('POST', `/v1/vendors/${ids.vendorId}/questionnaire-links`, { key: tenant.ownerKey, body: {} });
  ids.responseId = link.body.responseId;
  // Incidents: an incident with one corrective action (the drills list has no path ids).
  const incident = await api.call('POST', '/v1/incidents', {
    key: tenant.ownerKey,
    body: {
      title: '種子事故',
      // Relative to the API's clock: some test files run on a fixed clock.
      discoveredAt: new Date(api.deps.clock().getTime() - 3_600_000).toISOString(),
      reportedBy: { name: '資安值班' },
      kinds: ['leak'],
      estimatedRecords: { general: 10, special: 0 },
      endangersOperationsOrManySubjects: false,
    },
  });
  if (incident.status !== 201) throw new Error(`seeding an incident failed: ${incident.status} ${JSON.stringify(incident.body)}`);
  ids.incidentId = incident.body.id;
  const action = await api.call('POST', `/v1/incidents/${ids.incidentId}/corrective-actions`, {
    key: tenant.ownerKey,
    body: { kind: 'corrective', title: '種子矯正措施', owner: '資訊部', dueDate: '2026-12-31' },
  });
  ids.actionId = action.body.id;
  // Plan: a draft version and a manual record count. The version number (1) is not returned as
  // `versionNumber`: the walk searches responses for every seeded value, and "1" is in any text.
  // A unique organisation name stands in for it, so no plan content of A may reach B.
  const planMarker = `種子計畫-${tenant.tenantId.slice(-8)}股份有限公司`;
  await api.call('POST', '/v1/plan/versions', { key: tenant.ownerKey, body: { versionDate: '2025-01-02', content: { organisationName: planMarker, sections: {} } } });
  await api.call('POST', '/v1/record-counts', { key: tenant.ownerKey, body: { date: '2025-01-02', count: 5000 } });
  ids.planMarker = planMarker;
  // Inventory and risk: a personal-data file, a risk on it and an assessment. The ids are
  // unusual on purpose: the walk searches B's responses for them, and "001" is inside "C001".
  const seedFile = await api.call('POST', '/v1/personal-data-files', {
    key: tenant.ownerKey,
    body: {
      id: '987-65',
      name: '種子會員資料',
      specificPurposes: ['〇九〇'],
      dataCategories: [{ code: 'C001', content: '姓名、電話' }],
      intendedUse: '會員服務',
      legalBasis: { art19: [2] },
      subjectAttribute: 'consumer',
      regions: [{ country: 'TW' }],
      retention: { period: '契約終止後3年' },
      recordCount: 42,
      recordCountAsOf: '2025-01-02',
      logLocation: '會員系統LOG',
    },
  });
  ids.fileId = seedFile.body.id;
  const seedRisk = await api.call('POST', '/v1/risks', {
    key: tenant.ownerKey,
    body: {
      id: 'R-seed-qz7',
      fileIds: ['987-65'],
      context: 'custody',
      operation: 'databaseServer',
      scenario: '保管(種子資料庫)',
      libraryEntryIds: ['custody.databaseServer.improperAccess'],
      owner: '種子資訊部',
    },
  });
  ids.riskId = seedRisk.body.id;
  const seedAssessment = await api.call('POST', '/v1/risk/assessments', { key: tenant.ownerKey, body: { assessedOn: '2025-01-02', assessor: '種子評估人' } });
  ids.assessmentId = seedAssessment.body.id;
  // Compliance assessments: a self-check of the sector regulation's catalog (item numbers are
  // left unseeded: the same numbers are in every tenant's catalog).
  const complianceAssessment = await api.call('POST', '/v1/assessments', { key: tenant.ownerKey, body: { catalogId: 'regulation:K0010162', kind: 'selfCheck', title: `種子自評-${tenant.tenantId.slice(-8)}` } });
  if (complianceAssessment.status !== 201) throw new Error(`seeding an assessment failed: ${complianceAssessment.status} ${JSON.stringify(complianceAssessment.body)}`);
  ids.complianceAssessmentId = complianceAssessment.body.id;
  // Reviews: the incident's 72-hour report task (its ids embed the incident id, so unlike the
  // default duties — the same ids in every tenant — they are A's alone). Ids are percent-encoded
  // because they contain ':', '|' and '#'.
  const reviewTasks = await api.call('GET', '/v1/review-tasks?kind=incidentAuthorityNotification&limit=100', { key: tenant.ownerKey });
  const reviewTask = (reviewTasks.body.items ?? [])[0] as { taskId: string; dutyId: string } | undefined;
  if (!reviewTask) throw new Error(`seeding reviews: no incident review task (${reviewTasks.status})`);
  ids.taskId = encodeURIComponent(reviewTask.taskId);
  ids.dutyId = encodeURIComponent(reviewTask.dutyId);
  // Data-subject requests: one request (its notices are reached through {communicationKind},
  // which is left unseeded: a word like "decision" would appear in unrelated responses).
  const dsr = await api.call('POST', '/v1/data-subject-requests', {
    key: tenant.ownerKey,
    body: { channel: 'webForm', requester: { name: '種子請求人', email: 'seed-requester@example.com' }, items: [{ type: 'inquiry' }] },
  });
  if (dsr.status !== 201) throw new Error(`seeding data-subject requests: ${dsr.status}`);
  ids.dataSubjectRequestId = dsr.body.id;
  // Evidence: one file uploaded through its signed URL and hash-checked (complete, so GET also hands out a download link).
  const evidenceBytes = Buffer.from(`種子佐證 ${tenant.tenantId}`, 'utf8');
  const evidence = await api.call('POST', '/v1/evidence', {
    key: tenant.ownerKey,
    body: {
      title: `種子佐證-${tenant.tenantId.slice(-8)}`,
      supports: [{ kind: 'incident', id: ids.incidentId }],
      fileName: 'seed.txt',
      mediaType: 'text/plain',
      sizeBytes: evidenceBytes.byteLength,
      sha256: createHash('sha256').update(evidenceBytes).digest('hex'),
      relatesToYear: api.deps.clock().getUTCFullYear() - 1,
    },
  });
  if (evidence.status !== 201) throw new Error(`seeding evidence failed: ${evidence.status} ${JSON.stringify(evidence.body)}`);
  await api.app.request(evidence.body.upload.url, { method: 'PUT', headers: evidence.body.upload.headers, body: evidenceBytes });
  await api.call('POST', `/v1/evidence/${evidence.body.evidence.id}/verification`, { key: tenant.ownerKey });
  ids.evidenceId = evidence.body.evidence.id;
  // Training: one session with a named attendee (the name is unique per tenant, so is the person id).
  const training = await api.call('POST', '/v1/training/sessions', {
    key: tenant.ownerKey,
    body: {
      title: `種子教育訓練-${tenant.tenantId.slice(-8)}`,
      audience: 'allStaff',
      heldOn: new Date(api.deps.clock().getTime() - 86_400_000).toISOString().slice(0, 10),
      topics: ['law'],
      trainer: '種子講師',
      durationMinutes: 60,
      attendees: [{ name: `種子學員-${tenant.tenantId.slice(-8)}` }],
      evidenceKinds: ['attendanceSheet'],
    },
  });
  if (training.status !== 201) throw new Error(`seeding training: ${training.status} ${JSON.stringify(training.body)}`);
  ids.trainingSessionId = training.body.id;
  ids.personId = training.body.attendees[0].personId;
  // Inspection packs: one pack of the 30 days before the API's clock, built before the walk.
  const packTo = new Date(api.deps.clock().getTime() - 86_400_000).toISOString().slice(0, 10);
  const packFrom = new Date(api.deps.clock().getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
  const pack = await api.call('POST', '/v1/inspection-packs', { key: tenant.ownerKey, body: { periodFrom: packFrom, periodTo: packTo } });
  if (pack.status !== 202) throw new Error(`seeding an inspection pack failed: ${pack.status} ${JSON.stringify(pack.body)}`);
  ids.inspectionPackId = pack.body.inspectionPackId;
  await api.deps.inspectionPackBuilds.settled();
  // Webhooks: an endpoint (subscribed to nothing the seed emits) and the newest event, published by the drainer.
  const webhookEndpoint = await api.call('POST', '/v1/webhook-endpoints', { key: tenant.ownerKey, body: { url: 'http://127.0.0.1:9/seed-hook', eventTypes: ['planVersion.approved'] } });
  if (webhookEndpoint.status !== 201) throw new Error(`seeding a webhook endpoint failed: ${webhookEndpoint.status} ${JSON.stringify(webhookEndpoint.body)}`);
  ids.webhookEndpointId = webhookEndpoint.body.id;
  await runWebhookDispatch(api.deps, { tenantId: tenant.tenantId });
  const webhookEvents = await api.call('GET', '/v1/webhook-events?limit=1', { key: tenant.ownerKey });
  if (!webhookEvents.body.items?.[0]) throw new Error(`seeding webhook events: none published (${webhookEvents.status})`);
  ids.webhookEventId = webhookEvents.body.items[0].id;
  return ids;
}
