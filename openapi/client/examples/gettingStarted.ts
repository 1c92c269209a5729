/**
 * Getting started / 快速開始 — the first day with the PDPA compliance API, end to end, through the
 * typed client (@pdpa/compliance-client):
 *
 *   1 tenant → 2 keys → 3 the example plan → 4 inventory import → 5 risk assessment (and the plan
 *   approved) → 6 vendor and questionnaire → 7 a data-subject request to completion → 8 an incident
 *   and its regulator form → 9 the review sweep and the mails in the local outbox.
 *
 * Against `npm start` (another terminal):
 *   PDPA_OPERATOR_KEY=pdpa_… npx tsx openapi/client/examples/gettingStarted.ts
 * test/integration/gettingStarted/gettingStarted.test.ts runs these same steps against the
 * in-process app on every CI run and checks each step's result, so this guide cannot go stale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createComplianceClient, type ComplianceClient, type ComplianceClientOptions, type operations } from '../index';
import exampleInventory from '../../../test/fixtures/inventory/exampleInventory.json';
import exampleRisks from '../../../test/fixtures/inventory/exampleRisks.json';

type DataSubjectRequestEvent = operations['recordDataSubjectRequestEvent']['requestBody']['content']['application/json'];

export interface GuideSetup {
  /** `npm start`: http://localhost:3000 */
  baseUrl: string;
  /** The platform-operator key `npm start` prints on its first start. */
  operatorKey: string;
  /** Where reminder mails land (`npm start`: `.local/outbox`, or `$PDPA_LOCAL_DIR/outbox`). */
  outboxDir: string;
  /** The company's 統一編號; one tenant per number. */
  taxId: string;
  /** The API's clock (a test app may run on a fixed one). */
  now?: () => Date;
  /** Passed to every client (the test passes one that calls the in-process app). */
  fetch?: ComplianceClientOptions['fetch'];
}

const clientFor = (setup: GuideSetup, apiKey?: string): ComplianceClient =>
  createComplianceClient({ baseUrl: setup.baseUrl, fetch: setup.fetch, ...(apiKey ? { credential: { apiKey } } : {}) });

const nowOf = (setup: GuideSetup) => (setup.now ?? (() => new Date()))();
/** Today in Taiwan as YYYY-MM-DD: the API's dates are local dates in Asia/Taipei. */
const taipeiDate = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' }).format(instant);
const hoursBefore = (instant: Date, hours: number) => new Date(instant.getTime() - hours * 3_600_000).toISOString();

/** A valid 統一編號 nobody uses yet (weighted digit sum a multiple of 10), so the guide can run twice. */
export function randomTaxId(): string {
  const weights = [1, 2, 1, 2, 1, 2, 4, 1];
  for (;;) {
    const digits = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10));
    if (digits[6] === 7) continue;
    const sum = digits.reduce((total, digit, index) => total + [...String(digit * weights[index]!)].reduce((s, c) => s + Number(c), 0), 0);
    if (sum % 10 === 0) return digits.join('');
  }
}

// ── Step 1 · 建立租戶 / Onboard the tenant (platform operator) ─────────────────────────────────────
// The operator creates the company; the API provisions its own DynamoDB table.
export async function step1OnboardTenant(setup: GuideSetup) {
  const operator = clientFor(setup, setup.operatorKey);
  const { data: tenant } = await operator.POST('/v1/platform/tenants', {
    body: {
      companyName: '小叮噹股份有限公司',
      taxId: setup.taxId,
      sector: 'digitalEconomy',
      paidInCapital: 20_000_000,
      personalDataRecordCount: 12_000,
      contact: { name: '技安', email: 'dpo@example.com' },
    },
  });
  return { tenantId: tenant.tenantId, tenant };
}

// ── Step 2 · 核發金鑰 / Keys ──────────────────────────────────────────────────────────────────────
// The operator issues the tenant's first owner key (its secret is shown once); the owner issues the
// rest itself — here an officer (個資管理專責人員) key for the daily work.
export async function step2IssueKeys(setup: GuideSetup, tenantId: string) {
  const operator = clientFor(setup, setup.operatorKey);
  const { data: ownerKey } = await operator.POST('/v1/platform/tenants/{tenantId}/api-keys', {
    params: { path: { tenantId } },
    body: { name: '代表人 owner', role: 'owner' },
  });
  const owner = clientFor(setup, ownerKey.secret!);
  const { data: officerKey } = await owner.POST('/v1/api-keys', { body: { name: '個資專責 officer', role: 'officer' } });
  return { ownerKey: ownerKey.secret!, officerKey: officerKey.secret! };
}

// ── Step 3 · 範例安全維護計畫 / The example security maintenance plan ────────────────────────────────
// One call: the worked example of the plan template (seed 000) becomes the first draft, under your
// company name; completeness lists what is still missing (the inventory and risk tables come next).
export async function step3LoadExamplePlan(setup: GuideSetup, ownerKey: string) {
  const owner = clientFor(setup, ownerKey);
  const { data: draft } = await owner.POST('/v1/plan/versions/from-template', {
    body: { template: 'seed000WorkedExample', versionDate: taipeiDate(nowOf(setup)) },
  });
  const { data: completeness } = await owner.GET('/v1/plan/versions/{versionNumber}/completeness', {
    params: { path: { versionNumber: String(draft.versionNumber) } },
  });
  return { versionNumber: draft.versionNumber, draft, completeness };
}

// ── Step 4 · 匯入個資盤點表 / Import the inventory ───────────────────────────────────────────────────
// The inventory table as a spreadsheet exports it (CSV here; XLSX works the same). A tenant's own
// data-category codes are added first, then the file goes in whole or not at all.
export async function step4ImportInventory(setup: GuideSetup, officerKey: string) {
  const officer = clientFor(setup, officerKey);
  for (const category of exampleInventory.tenantCodeLists.dataCategories) {
    await officer.POST('/v1/inventory/code-lists/dataCategories', { body: category as never });
  }
  const csv = readFileSync(fileURLToPath(new URL('./exampleInventory.csv', import.meta.url)), 'utf8');
  const { data: imported } = await officer.POST('/v1/inventory/imports', {
    params: { query: { mode: 'createOnly' } },
    body: csv,
    bodySerializer: (body: string) => body,
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
  const files = [];
  for await (const file of officer.paginate('/v1/personal-data-files', { params: { query: { limit: 4 } } })) files.push(file);
  return { imported, files };
}

// ── Step 5 · 風險評估 / Risk assessment, and the plan approved ────────────────────────────────────
// Risks from the example's risk table (with the company's own library entries), one assessment
// over every file (risk value = A + B + C), approved by the officer; with the tables filled the
// owner, as the representative (代表人), approves the plan.
export async function step5AssessRisks(setup: GuideSetup, keys: { officerKey: string; ownerKey: string }, planVersion: number) {
  const officer = clientFor(setup, keys.officerKey);
  const owner = clientFor(setup, keys.ownerKey);
  const today = taipeiDate(nowOf(setup));
  for (const entry of exampleRisks.tenantLibrary) await officer.POST('/v1/risk/library', { body: entry as never });
  for (const risk of exampleRisks.risks) await officer.POST('/v1/risks', { body: risk as never });
  const { data: assessment } = await officer.POST('/v1/risk/assessments', { body: { assessedOn: today, assessor: '技安' } });
  const { data: approvedAssessment } = await officer.POST('/v1/risk/assessments/{assessmentId}/approve', {
    params: { path: { assessmentId: assessment.id } },
    body: { approvedBy: '技安', approvedOn: today },
  });

  const path = { versionNumber: String(planVersion) };
  const { data: completeness } = await owner.GET('/v1/plan/versions/{versionNumber}/completeness', { params: { path } });
  await owner.POST('/v1/plan/versions/{versionNumber}/submit', { params: { path } });
  const { data: plan } = await owner.POST('/v1/plan/versions/{versionNumber}/approve', {
    params: { path },
    body: {
      approverName: '小叮噹',
      approverTitle: '總經理',
      capacity: 'representative',
      // Anything still open is accepted knowingly, with the reason on record.
      acceptedGaps: completeness.gaps.map((gap) => ({ code: gap.code, reason: '首日導入，下次修訂時補正' })),
    },
  });
  return { assessment, approvedAssessment, completenessBeforeApproval: completeness, plan };
}

// ── Step 6 · 委外廠商與自評問卷 / Vendor and questionnaire ─────────────────────────────────────────────
// The cloud host of file 004; a questionnaire link the vendor answers with the token alone (no
// account), then the officer's review.
export async function step6VendorQuestionnaire(setup: GuideSetup, officerKey: string) {
  const officer = clientFor(setup, officerKey);
  const { data: vendor } = await officer.POST('/v1/vendors', {
    body: {
      name: '雲端代管股份有限公司',
      registration: { kind: 'taiwanBusinessId', number: '22099131' },
      country: 'TW',
      services: ['消費者資料庫代管'],
      contact: { name: '陳經理', email: 'pm@cloud.example.com' },
      personalDataFileIds: ['004'],
      dataHoldings: [{ fileId: '004', dataCategories: ['C001 辨識個人者', 'C002 辨識財務者'], sensitivity: 'general', subjectAttribute: 'consumer', recordCount: 12_000 }],
      processingRegions: [{ country: 'TW', description: 'asia-east1' }],
      onboardedOn: taipeiDate(nowOf(setup)),
    },
  });
  const { data: link } = await officer.POST('/v1/vendors/{vendorId}/questionnaire-links', { params: { path: { vendorId: vendor.id } }, body: { validForDays: 14 } });

  // The vendor's side: only the token from the link.
  const vendorSide = clientFor(setup);
  // The token is shown once, in this answer (a replay of the request returns it redacted).
  const token = { params: { path: { token: link.token! } } };
  const { data: opened } = await vendorSide.GET('/v1/public/vendor-questionnaires/{token}', token);
  const answers = opened.questionnaire.questions.map((question) => ({
    questionId: question.id,
    answer: 'yes' as const,
    evidenceRefs: question.evidenceRequested ? [`evidence/${question.id}.pdf`] : [],
  }));
  await vendorSide.PUT('/v1/public/vendor-questionnaires/{token}/answers', { ...token, body: { answers } });
  const { data: submitted } = await vendorSide.POST('/v1/public/vendor-questionnaires/{token}/submit', token);

  const { data: reviewed } = await officer.POST('/v1/vendors/{vendorId}/questionnaire-responses/{responseId}/review', {
    params: { path: { vendorId: vendor.id, responseId: link.responseId } },
    body: { reviewer: '技安', decision: 'accepted' },
  });
  return { vendor, link, questionCount: answers.length, submitted, reviewed };
}

// ── Step 7 · 當事人權利行使 / A data-subject request to completion ────────────────────────────────────
// An inquiry (Art. 10) with its 15-day deadline: identity checked, decided, fulfilled, the
// decision sent, closed. Each step is one event; the client keeps the request's ETag.
export async function step7DataSubjectRequest(setup: GuideSetup, officerKey: string) {
  const officer = clientFor(setup, officerKey);
  const { data: created } = await officer.POST('/v1/data-subject-requests', {
    body: {
      channel: 'webForm',
      requester: { name: '王小明', email: 'xiaoming.wang@example.com', phone: '0912-345-678' },
      identifiers: { nationalId: 'A123456789', otherIdentifiers: [{ kind: 'memberNumber', value: 'M-20250001234' }] },
      items: [{ type: 'inquiry' }],
    },
  });
  const id = { params: { path: { dataSubjectRequestId: created.id } } };
  const event = async (body: DataSubjectRequestEvent) => (await officer.POST('/v1/data-subject-requests/{dataSubjectRequestId}/events', { ...id, body })).data;
  const actor = '個資專員 技安';
  await event({ actor, type: 'startIdentityVerification' });
  await event({ actor, type: 'recordIdentityVerification', outcome: 'verified', method: 'oneTimeCodeToRegisteredContact', evidence: 'OTP log #4411' });
  const decided = await event({ actor, type: 'decide', decisions: [{ itemType: 'inquiry', outcome: 'granted' }] });
  await event({ actor, type: 'fulfil', itemTypes: ['inquiry'] });
  await event({ actor, type: 'recordCommunication', kind: 'decision', sentAt: nowOf(setup).toISOString(), channel: 'email' });
  const closed = await event({ actor, type: 'close' });
  const { data: letter } = await officer.GET('/v1/data-subject-requests/{dataSubjectRequestId}/communications/{communicationKind}', {
    params: { path: { dataSubjectRequestId: created.id, communicationKind: 'decision' } },
  });
  return { created, decided, closed, letter };
}

// ── Step 8 · 個資事故與通報表 / An incident and its regulator form ─────────────────────────────────────
// Reported an hour after discovery; the 72-hour clock runs from discovery. The form is the
// sector's own table (JSON here; ?format=html or docx for the filled-in document); recording the
// notification settles the deadline.
export async function step8Incident(setup: GuideSetup, officerKey: string) {
  const officer = clientFor(setup, officerKey);
  const now = nowOf(setup);
  const { data: incident } = await officer.POST('/v1/incidents', {
    body: {
      title: '會員資料庫遭未授權存取',
      discoveredAt: hoursBefore(now, 1),
      occurredAt: hoursBefore(now, 10),
      reportedBy: { name: '阿福', unit: '資訊部', contact: 'sec@example.com' },
      kinds: ['intrusion', 'leak'],
      dataCategories: ['C001 辨識個人者'],
      estimatedRecords: { general: 1_200, special: 0 },
      dataSubjectKinds: ['customers'],
      summary: '攻擊者利用弱密碼登入後台並匯出客戶聯繫資料',
      cause: '後台管理帳號使用弱密碼且未啟用多因子驗證',
      damage: '約一千二百筆客戶姓名、電話及電子郵件外洩',
      possibleConsequences: '客戶可能收到詐騙電話或釣魚郵件',
      containmentMeasures: [{ at: hoursBefore(now, 0.5), description: '停用遭盜用帳號並封鎖來源 IP' }],
      plannedMeasures: ['全面啟用多因子驗證'],
      endangersOperationsOrManySubjects: true,
    },
  });
  const incidentPath = { params: { path: { incidentId: incident.id } } };
  const { data: formAnswer } = await officer.GET('/v1/incidents/{incidentId}/regulator-notification', incidentPath);
  // JSON unless ?format=html or docx is asked for.
  const form = formAnswer as Exclude<typeof formAnswer, string>;
  const { data: notified } = await officer.POST('/v1/incidents/{incidentId}/regulator-notification', {
    ...incidentPath,
    body: { notifiedAt: now.toISOString(), method: 'email', reference: 'MODA-首日演練' },
  });
  return { incident, form, notified };
}

// ── Step 9 · 定期檢視與提醒信 / The review sweep and its mails ─────────────────────────────────────────
// The daily sweep (09:00 Asia/Taipei in AWS) run "as of" a date a year ahead: the yearly duties the
// approved plan and the risk assessment set are due, and reminders go out — locally as .eml files.
// Same call as `npm run sweep -- --as-of <date>`.
export async function step9SweepAndMails(setup: GuideSetup, tenantId: string) {
  const operator = clientFor(setup, setup.operatorKey);
  const asOf = taipeiDate(new Date(nowOf(setup).getTime() + 380 * 86_400_000));
  const { data: sweep } = await operator.POST('/v1/platform/review-sweeps', { body: { asOf, tenantId } });
  const mails = readdirSync(setup.outboxDir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => readFileSync(join(setup.outboxDir, name), 'utf8'));
  return { asOf, sweep, mails };
}

/** The whole first day, step by step, printing what each step did. */
export async function runGettingStarted(setup: GuideSetup) {
  const { tenantId } = await step1OnboardTenant(setup);
  console.log(`1 租戶 tenant ............ ${tenantId}`);
  const keys = await step2IssueKeys(setup, tenantId);
  console.log(`2 金鑰 keys .............. owner ${keys.ownerKey.slice(0, 20)}…, officer ${keys.officerKey.slice(0, 20)}…`);
  const plan = await step3LoadExamplePlan(setup, keys.ownerKey);
  console.log(`3 計畫草稿 plan draft .... version ${plan.versionNumber}, ${plan.completeness.gapCount} gap(s)`);
  const inventory = await step4ImportInventory(setup, keys.officerKey);
  console.log(`4 盤點 inventory ......... ${inventory.files.length} files`);
  const risk = await step5AssessRisks(setup, keys, plan.versionNumber);
  console.log(`5 風險評估 risk .......... ${risk.assessment.results.length} files assessed; plan ${risk.plan.status}`);
  const vendor = await step6VendorQuestionnaire(setup, keys.officerKey);
  console.log(`6 廠商 vendor ............ ${vendor.vendor.id}, questionnaire ${vendor.reviewed.status}`);
  const request = await step7DataSubjectRequest(setup, keys.officerKey);
  console.log(`7 當事人請求 DSR ......... ${request.created.id} ${request.closed.status}`);
  const incident = await step8Incident(setup, keys.officerKey);
  console.log(`8 事故 incident .......... ${incident.incident.id}, notified to ${incident.form.authorityCode}`);
  const sweep = await step9SweepAndMails(setup, tenantId);
  console.log(`9 檢視 sweep as of ${sweep.asOf}: ${sweep.sweep.remindersSent} reminders, ${sweep.sweep.mailsSent} mails; outbox ${setup.outboxDir}`);
  return { tenantId, keys, plan, inventory, risk, vendor, request, incident, sweep };
}

// `npx tsx openapi/client/examples/gettingStarted.ts` runs the guide against `npm start`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const operatorKey = process.env.PDPA_OPERATOR_KEY;
  if (!operatorKey) {
    console.error('平台管理者金鑰未提供 / Set PDPA_OPERATOR_KEY to the key the first `npm start` printed.');
    process.exit(2);
  }
  await runGettingStarted({
    baseUrl: process.env.PDPA_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    operatorKey,
    outboxDir: join(process.env.PDPA_LOCAL_DIR ?? '.local', 'outbox'),
    taxId: process.env.PDPA_TAX_ID ?? randomTaxId(),
  });
}
