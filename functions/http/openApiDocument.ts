/**
 * The published OpenAPI description, built from the routes' zod schemas at BUILD time
 * (`npm run openapi` writes openapi/openapi.json; infra/routeMap.ts reads the paths at synth):
 * the generated document plus the reference's parts — the getting-started introduction, tags in
 * reading order, license and examples. No Lambda builds it: the docs Lambda serves the committed
 * file (./apiReference.ts), so the generator and the examples stay out of every bundle.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './context';
import { addOperationExamples } from './operationExamples';
import { operationIdOf } from './operationIds';
import { problemSlug, problemTypes, PROBLEM_PATH, type ProblemType } from './problem';
import { DEFAULT_RATE_LIMITS, RATE_LIMIT_ENV } from './rateLimit';

const limits = DEFAULT_RATE_LIMITS.requestsPerWindow;
const rateWindow = DEFAULT_RATE_LIMITS.windowSeconds;

const problemList = (Object.keys(problemTypes) as ProblemType[])
  .map((type) => `| ${problemTypes[type].status} | [\`${problemSlug(type)}\`](${PROBLEM_PATH}${problemSlug(type)}) | ${problemTypes[type].title.zhTW} | ${problemTypes[type].title.en} |`)
  .join('\n');

/** What the reference opens on: how to make the first call, the conventions, the problem types. */
const gettingStarted = `個人資料檔案安全維護計畫、個資盤點與風險評估、委外監督、當事人權利行使、個資事故通報與定期檢視。

Security maintenance plans, inventory and risk assessment, vendor oversight, data-subject requests, incident notification and periodic reviews under Taiwan's Personal Data Protection Act.

## 快速開始 / Getting started

1. **取得金鑰 / Get a key.** 平台管理者建立租戶（\`onboardTenant\`）並核發第一把 owner 金鑰（\`issueTenantApiKey\`）；owner 再以 \`createApiKey\` 為同仁或系統整合核發金鑰（僅顯示一次）。 The platform operator onboards your organisation and issues its first owner key; the owner then creates keys for colleagues and integrations (each shown once).
2. **帶上金鑰 / Send it.** 每個請求附 \`Authorization: Bearer pdpa_…\`（或身分提供者簽發之 OIDC JWT）。 Every request carries \`Authorization: Bearer pdpa_…\` (or an OIDC JWT from the configured identity provider).
3. **第一個呼叫 / First call.** \`GET /v1/tenant\`（\`getOwnTenant\`）回傳貴組織資料與主管機關。 \`GET /v1/tenant\` returns your organisation and its competent authority.
4. **第一筆紀錄 / First record.** 例如以 \`POST /v1/data-subject-requests\`（\`createDataSubjectRequest\`）受理當事人請求，回應附法定期限。 For example, record a data-subject request with \`POST /v1/data-subject-requests\`; the reply carries its statutory deadlines.

每個操作列出可呼叫之角色（\`x-access\`）、請求範例與回應範例。 Each operation lists who may call it (\`x-access\`), a request example and a response example.

## 慣例 / Conventions

- 語言 / Language: \`Accept-Language: zh-TW\`（預設 / default）或 / or \`en\`。
- 建立與動作（POST）可附 \`Idempotency-Key\`：24 小時內以相同鍵與內容重試，回傳第一次之回應。 POST accepts \`Idempotency-Key\`: a retry with the same key and body within 24 h returns the first response.
- 修改（PUT／PATCH／DELETE）須附 \`If-Match\`（讀取時之 \`ETag\`）。 Updates require \`If-Match\` with the \`ETag\` you read.
- 建立成功（201）附 \`Location\`：新資源之路徑（無單獨讀取端點者，為其所屬資源或清單）。 A 201 carries \`Location\`: the created resource's path (or, for a record with no GET of its own, the resource or list it was added to).
- 以相同 \`Idempotency-Key\` 重送時，回應附 \`Idempotent-Replayed: true\`。 A replay of an idempotent POST carries \`Idempotent-Replayed: true\`.
- 讀取單一資源可附 \`If-None-Match\`（先前之 \`ETag\` 或 \`*\`，弱比較）；未變更時回應 \`304\`，無內容。 A GET of one resource honours \`If-None-Match\` (earlier \`ETag\`s or \`*\`, weak comparison): \`304\` without a body when nothing changed.
- 清單以不透明游標分頁（\`nextCursor\`，已加密並綁定租戶與篩選條件；請原樣傳回）。 Lists page with opaque cursors (\`nextCursor\`, encrypted and bound to the tenant and filters; pass it back unchanged).
- 請求限額依憑證計算，每 ${rateWindow} 秒：人員（owner、officer、auditor 金鑰及 OIDC 使用者）${limits.person} 次、系統整合金鑰 ${limits.integration} 次、平台管理者 ${limits.platformOperator} 次（營運者得以 \`${RATE_LIMIT_ENV.person}\`、\`${RATE_LIMIT_ENV.integration}\`、\`${RATE_LIMIT_ENV.platformOperator}\`、\`${RATE_LIMIT_ENV.windowSeconds}\` 調整）。每個已驗證之回應附 \`RateLimit-Limit\`、\`RateLimit-Remaining\`、\`RateLimit-Reset\`（秒）及 \`RateLimit-Policy\`；超過時回應 \`429\` 並附 \`Retry-After\`。 Requests are budgeted per credential, per ${rateWindow} seconds: people (owner, officer, auditor keys and OIDC users) ${limits.person}, integration keys ${limits.integration}, the platform operator ${limits.platformOperator} (operators may change them). Every authenticated response carries \`RateLimit-Limit\`, \`RateLimit-Remaining\`, \`RateLimit-Reset\` (seconds) and \`RateLimit-Policy\`; past the budget the answer is \`429\` with \`Retry-After\`.
- 瀏覽器僅限營運者設定之主控台來源（CORS）。 Browsers may call the API only from the console origins the operator configures (CORS).
- 版本與變更：見 \`openapi/CHANGELOG.md\` 及 \`openapi/VERSIONING.md\`（何謂不相容變更）。 Versions and changes: \`openapi/CHANGELOG.md\` and \`openapi/VERSIONING.md\` (what counts as breaking).
- 錯誤一律為 RFC 9457 \`application/problem+json\`；\`type\` 指向下列說明頁。 Errors are RFC 9457 \`application/problem+json\`; \`type\` points at the pages below.

## 錯誤類型 / Problem types

| HTTP | type | 中文 | English |
|---|---|---|---|
${problemList}
`;

/** Tags in reading order (the operator-only section last), each with what it covers. */
const tagDescriptions: [name: string, description: string][] = [
  ['Tenant', '本組織資料與主管機關 / Your organisation and its competent authority'],
  ['API keys', 'API 金鑰之核發與撤銷 / Issuing and revoking API keys'],
  ['Security maintenance plan', '個人資料檔案安全維護計畫：版本、完整性、義務與文件 / The security maintenance plan: versions, completeness, obligations, documents'],
  ['Inventory 個資盤點', '個資檔案盤點清冊 / The personal-data file inventory'],
  ['Risk 風險評估', '風險清冊與風險評估 / The risk register and risk assessments'],
  ['Vendor oversight', '委託蒐集、處理或利用個資之監督（個資法施行細則第8條）/ Oversight of vendors that process personal data (Enforcement Rules Art. 8)'],
  ['Vendor oversight reports', '委外監督報表 / Vendor oversight reports'],
  ['Vendor self-assessment (public)', '受託者以單次連結填寫自我檢查表（無須帳號）/ Vendors answer the self-assessment through a single-use link (no account)'],
  ['Data-subject requests', '當事人權利行使（個資法第3條、第13條）/ Data-subject requests (PDPA Arts. 3 and 13)'],
  ['Incidents', '個資事故：72 小時通報、通知當事人、矯正預防與演練 / Incidents: the 72-hour report, notices, corrective actions, drills'],
  ['Compliance assessments', '自我檢查、內部稽核與第三方稽核：檢查表作答、簽核、缺失與矯正預防 / Self-checks, internal and third-party audits: answers, sign-off, findings and corrective actions'],
  ['Periodic reviews', '法遵義務、定期檢視工作與行事曆 / Duties, periodic review tasks and the compliance calendar'],
  ['Audit trail', '稽核軌跡與雜湊鏈驗證 / The audit trail and its hash-chain verification'],
  ['Platform', '平台管理者專用：租戶、法定日曆、稽核與掃描 / Platform operator only: tenants, legal calendar, audit and sweeps'],
];

const tagGroups: { name: string; tags: string[] }[] = [
  { name: '組織與存取 / Organisation and access', tags: ['Tenant', 'API keys', 'Audit trail'] },
  { name: '法遵紀錄 / Compliance records', tags: ['Security maintenance plan', 'Inventory 個資盤點', 'Risk 風險評估', 'Vendor oversight', 'Vendor oversight reports', 'Data-subject requests', 'Incidents', 'Compliance assessments', 'Periodic reviews'] },
  { name: '受託者 / Vendors (public)', tags: ['Vendor self-assessment (public)'] },
  { name: '平台管理 / Platform operator', tags: ['Platform'] },
];

export const API_INFO = {
  title: 'PDPA Compliance API（個人資料保護法法遵 API）',
  // The release being prepared (openapi/VERSIONING.md); released documents are in openapi/releases/.
  version: '0.2.0',
  description: gettingStarted,
  // Not open source: a custom SPDX reference rather than a made-up URL.
  license: { name: 'Proprietary — all rights reserved', identifier: 'LicenseRef-Proprietary' },
  contact: { name: 'PDPA Compliance API' },
};

type OpenApiDocument = ReturnType<OpenAPIHono<ApiEnv>['getOpenAPI31Document']>;

type DocumentShape = {
  info?: unknown;
  servers?: unknown;
  tags?: { name: string; description?: string }[];
  paths?: Record<string, Record<string, { tags?: string[] }>>;
  'x-tagGroups'?: unknown;
};

/** The tags the operations use, in reading order; a tag the list does not know goes before Platform. */
function tagsOf(document: DocumentShape) {
  const used = new Set(Object.values(document.paths ?? {}).flatMap((item) => Object.values(item).flatMap((operation) => operation.tags ?? [])));
  const known = tagDescriptions.filter(([name]) => used.has(name));
  const unknown = [...used].filter((name) => !tagDescriptions.some(([known]) => known === name)).sort();
  const ordered = [...known.filter(([name]) => name !== 'Platform'), ...unknown.map((name) => [name, name] as [string, string]), ...known.filter(([name]) => name === 'Platform')];
  const groups = tagGroups.map((group) => ({ ...group, tags: group.tags.filter((tag) => used.has(tag)) }));
  if (unknown.length) groups.splice(groups.length - 1, 0, { name: '其他 / Other', tags: unknown });
  return { tags: ordered.map(([name, description]) => ({ name, description })), groups: groups.filter((group) => group.tags.length > 0) };
}

/** Keys an operation lists before its operationId (the published documents' order). */
const KEYS_BEFORE_OPERATION_ID = new Set(['tags', 'summary', 'description']);

/**
 * Names every operation (./operationIds.ts) here, at build time, rather than on the route: the
 * names are documentation, so no Lambda carries the table.
 */
function withOperationIds(document: DocumentShape): void {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      const operationId = operationIdOf(method, path);
      if (!operationId || 'operationId' in operation) continue;
      const entries: [string, unknown][] = Object.entries(operation);
      const at = entries.findIndex(([key]) => !KEYS_BEFORE_OPERATION_ID.has(key));
      entries.splice(at < 0 ? entries.length : at, 0, ['operationId', operationId]);
      item[method] = Object.fromEntries(entries);
    }
  }
}

/**
 * The published description: the generated one plus the reference's parts (introduction, tags,
 * license, examples). `serverUrl` is the API's base URL; the committed file uses '/', the host
 * that serves it.
 */
export function describeApi(app: OpenAPIHono<ApiEnv>, serverUrl: string, serverDescription?: string): OpenApiDocument {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: API_INFO,
    servers: [{ url: serverUrl, ...(serverDescription ? { description: serverDescription } : {}) }],
  }) as OpenApiDocument & DocumentShape;
  withOperationIds(document);
  const { tags, groups } = tagsOf(document);
  const { openapi, info, servers, ...rest } = document;
  return addOperationExamples({ openapi, info, servers, tags, 'x-tagGroups': groups, ...rest }) as OpenApiDocument;
}

/** The OpenAPI document of an app's routes, without serving it (the committed file, the route map, the route-walk tests). */
export function openApiDocument(app: OpenAPIHono<ApiEnv>, publicBaseUrl: string, serverDescription?: string) {
  return describeApi(app, publicBaseUrl, serverDescription);
}
