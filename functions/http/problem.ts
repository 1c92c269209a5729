/**
 * RFC 9457 problem details. Every error the API returns is one of these, with a stable `type`,
 * a title in the caller's language and, for input errors, one entry per field.
 */
import type { LocalizedText, Locale } from '../../domain/shared/localizedText';
import type { DomainError, DomainErrorKind } from '../../domain/shared/outcome';
import { AlreadyExistsError, CommandFailure, StaleVersionError } from '../application/failures';
import { ChainContentionError } from '../store/auditedCommit';
import { InvalidCursorError } from '../store/cursor';
import { EntityNotFoundError } from '../store/entityModel';
import { localize } from './locale';

/**
 * Each type has a page under the API's own `/problems/<slug>` (zh-TW and en, served by the app),
 * so a `type` URI in a response resolves to what it means and what to do about it.
 */
export const PROBLEM_PATH = '/problems/';

type ProblemDefinition = { status: number; title: LocalizedText; meaning: LocalizedText; remedy: LocalizedText };

export const problemTypes = {
  validationError: {
    status: 400, title: { zhTW: '請求內容不正確', en: 'The request is not valid' },
    meaning: { zhTW: '一個或多個欄位不符合規格；`errors` 逐欄列出欄位路徑與原因（中英文）。', en: 'One or more fields do not match the schema; `errors` lists each field path with its reason (zh-TW and en).' },
    remedy: { zhTW: '依 `errors` 修正各欄位後重送；欄位規格見 API 參考文件之請求結構。', en: 'Fix each field named in `errors` and send again; the request schema in the reference gives every field\'s rules.' },
  },
  bodyTooComplex: {
    status: 400, title: { zhTW: '請求內容之巢狀層數、陣列或字串長度超出限制', en: 'The request body is nested or sized beyond the limits' },
    meaning: { zhTW: '請求內容之巢狀層數、陣列元素數或字串長度超過上限；`code` 指出哪一項（depth、arrayLength、stringLength）。', en: 'The body is nested too deep, has an array with too many elements or a string too long; `code` says which (depth, arrayLength, stringLength).' },
    remedy: { zhTW: '縮減請求內容，或拆成數個請求分批送出。', en: 'Send less, or split it into several requests.' },
  },
  malformedRequest: {
    status: 400, title: { zhTW: 'HTTP 請求格式錯誤', en: 'Malformed HTTP request' },
    meaning: { zhTW: 'HTTP 請求本身無法解析（例如標頭或請求列格式錯誤）。', en: 'The HTTP request itself could not be parsed (for example a malformed header or request line).' },
    remedy: { zhTW: '檢查所用之 HTTP 用戶端程式庫與送出之標頭。', en: 'Check the HTTP client library and the headers it sends.' },
  },
  malformedJson: {
    status: 400, title: { zhTW: 'JSON 格式錯誤', en: 'Malformed JSON' },
    meaning: { zhTW: '請求內容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
    remedy: { zhTW: '以 JSON 序列化程式產生內容，並以 Content-Type: application/json 送出。', en: 'Produce the body with a JSON serialiser and send it with Content-Type: application/json.' },
  },
  invalidCursor: {
    status: 400, title: { zhTW: '分頁游標無效', en: 'Invalid pagination cursor' },
    meaning: { zhTW: '分頁游標遭修改、已過期，或屬於另一份清單（其他篩選條件或其他租戶）。', en: 'The pagination cursor was altered, expired, or belongs to another list (other filters or another tenant).' },
    remedy: { zhTW: '只使用前一頁回應之 `nextCursor`，並保持相同之篩選條件；或不帶游標從第一頁重新開始。', en: 'Pass only the `nextCursor` of the previous page with the same filters, or start again from the first page without a cursor.' },
  },
  unauthenticated: {
    status: 401, title: { zhTW: '未提供有效憑證', en: 'No valid credential' },
    meaning: { zhTW: '缺少 Authorization 標頭，或 API 金鑰、OIDC 權杖無效、已過期或已撤銷。', en: 'The Authorization header is missing, or the API key or OIDC token is invalid, expired or revoked.' },
    remedy: { zhTW: '以 `Authorization: Bearer <API 金鑰或 JWT>` 送出有效憑證。', en: 'Send a valid credential as `Authorization: Bearer <API key or JWT>`.' },
  },
  forbidden: {
    status: 403, title: { zhTW: '權限不足', en: 'Not allowed' },
    meaning: { zhTW: '憑證有效，但其角色或整合權限範圍不可執行此操作；`detail` 列出可呼叫之角色與所需權限範圍，API 參考文件之 `x-access` 亦同。', en: 'The credential is valid but its role or integration scope may not perform this operation; `detail` names the roles that may call it and the scope it needs, as does `x-access` in the reference.' },
    remedy: { zhTW: '改用具備所列角色之憑證，或請租戶擁有者核發具備所需權限範圍之整合金鑰。', en: 'Use a credential with one of the listed roles, or ask the tenant owner for an integration key with the needed scope.' },
  },
  tenantSuspended: {
    status: 403, title: { zhTW: '租戶已停用', en: 'Tenant is suspended' },
    meaning: { zhTW: '此憑證所屬租戶已被平台管理者停用，所有租戶端操作均被拒絕。', en: 'The platform operator suspended the tenant this credential belongs to; every tenant operation is refused.' },
    remedy: { zhTW: '請洽平台管理者恢復租戶。', en: 'Ask the platform operator to reactivate the tenant.' },
  },
  methodNotAllowed: {
    status: 405, title: { zhTW: '此端點不支援此 HTTP 方法', en: 'Method not allowed on this endpoint' },
    meaning: { zhTW: '路徑存在，但不支援所用之 HTTP 方法；`Allow` 標頭列出支援之方法。', en: 'The path exists but not with this HTTP method; the `Allow` header lists the methods it supports.' },
    remedy: { zhTW: '改用 `Allow` 標頭所列之方法。', en: 'Use one of the methods in the `Allow` header.' },
  },
  notFound: {
    status: 404, title: { zhTW: '找不到資源', en: 'Resource not found' },
    meaning: { zhTW: '沒有此端點，或此租戶沒有此編號之資源（其他租戶之資源一律回應 404）。', en: 'No such endpoint, or this tenant has no resource with this id (another tenant\'s resources always answer 404).' },
    remedy: { zhTW: '確認路徑與資源編號；編號取自建立或清單回應。', en: 'Check the path and the id; take ids from the create or list responses.' },
  },
  conflict: {
    status: 409, title: { zhTW: '請求與資源目前之狀態衝突', en: 'Conflict with the resource state' },
    meaning: { zhTW: '請求與資源目前之狀態不相容（例如資源已存在，或狀態已不允許此動作）；`code` 指出原因。', en: 'The request does not fit the resource\'s current state (for example it already exists, or its status no longer allows this action); `code` says why.' },
    remedy: { zhTW: '重新讀取資源，依其目前狀態決定下一步。', en: 'Read the resource again and decide from its current state.' },
  },
  idempotencyInProgress: {
    status: 409, title: { zhTW: '相同冪等鍵的請求處理中', en: 'A request with this idempotency key is in progress' },
    meaning: { zhTW: '使用相同 Idempotency-Key 之前一個請求仍在處理中。', en: 'An earlier request with the same Idempotency-Key is still being processed.' },
    remedy: { zhTW: '稍候以相同冪等鍵與相同內容重試，即取得第一次之回應。', en: 'Retry shortly with the same key and body to receive the first request\'s response.' },
  },
  gone: {
    status: 410, title: { zhTW: '資源已失效', en: 'No longer available' },
    meaning: { zhTW: '資源曾經存在但已不再提供（例如自我檢查表連結已過期、已送出或已撤銷）；`code` 指出原因。', en: 'The resource existed but is no longer offered (for example a questionnaire link that expired, was submitted or was revoked); `code` says which.' },
    remedy: { zhTW: '請資源提供者重新核發（例如請委託機關重新寄送連結）。', en: 'Ask whoever issued it for a new one (for example a new link from the organisation).' },
  },
  preconditionFailed: {
    status: 412, title: { zhTW: '資源已被變更（ETag 不符）', en: 'The resource has changed (ETag mismatch)' },
    meaning: { zhTW: 'If-Match 所附之 ETag 不是資源目前之版本；他人已先行修改。', en: 'The ETag in If-Match is not the resource\'s current version; someone changed it first.' },
    remedy: { zhTW: '重新讀取資源取得新 ETag，確認變更後再送出。', en: 'Read the resource again for its new ETag, reconcile, and send the change again.' },
  },
  payloadTooLarge: {
    status: 413, title: { zhTW: '請求內容過大', en: 'Request body too large' },
    meaning: { zhTW: '請求內容超過大小上限；`detail` 註明上限位元組數。', en: 'The body is larger than the limit; `detail` gives the limit in bytes.' },
    remedy: { zhTW: '縮減請求內容，或拆成數個請求分批送出。', en: 'Send less, or split it into several requests.' },
  },
  unsupportedMediaType: {
    status: 415, title: { zhTW: '不支援的內容類型', en: 'Unsupported media type' },
    meaning: { zhTW: '請求內容之 Content-Type 不是此端點接受之類型。', en: 'The body\'s Content-Type is not one this endpoint accepts.' },
    remedy: { zhTW: '以 Content-Type: application/json 送出（匯入端點另接受 CSV 與 Excel）。', en: 'Send Content-Type: application/json (the import endpoint also accepts CSV and Excel).' },
  },
  idempotencyKeyReused: {
    status: 422, title: { zhTW: '冪等鍵已用於不同的請求內容', en: 'Idempotency key reused with a different request' },
    meaning: { zhTW: '此 Idempotency-Key 於 24 小時內已用於內容不同之請求。', en: 'This Idempotency-Key was used within 24 hours for a request with a different body.' },
    remedy: { zhTW: '每個不同之請求使用新的冪等鍵；只有重試同一請求時才沿用。', en: 'Use a new key for each distinct request; reuse a key only to retry the same request.' },
  },
  ruleViolation: {
    status: 422, title: { zhTW: '請求違反法遵規則', en: 'The request breaks a compliance rule' },
    meaning: { zhTW: '請求格式正確，但違反個資法或其施行細則、安全維護管理辦法之規則；`code` 與 `detail` 指出哪一條規則。', en: 'The request is well-formed but breaks a rule of the PDPA, its Enforcement Rules or a sector regulation; `code` and `detail` name the rule.' },
    remedy: { zhTW: '依 `detail` 補正內容（例如補附遲延理由或缺漏之法定事項）後重送。', en: 'Supply what `detail` asks for (for example a delay reason or a missing statutory item) and send again.' },
  },
  preconditionRequired: {
    status: 428, title: { zhTW: '更新須附 If-Match 標頭', en: 'Updates require an If-Match header' },
    meaning: { zhTW: '修改資源之請求必須附 If-Match，以免覆蓋他人之變更。', en: 'A request that changes a resource must carry If-Match so it cannot overwrite someone else\'s change.' },
    remedy: { zhTW: '讀取資源，將回應之 ETag 置於 If-Match 標頭後送出。', en: 'Read the resource and send its ETag in the If-Match header.' },
  },
  tooManyRequests: {
    status: 429, title: { zhTW: '請求過於頻繁', en: 'Too many requests' },
    meaning: { zhTW: '此來源或憑證之請求（或驗證失敗次數）超過限額。', en: 'This address or credential sent too many requests, or too many failed authentications.' },
    remedy: { zhTW: '依 `Retry-After` 標頭等待後再試。', en: 'Wait as long as the `Retry-After` header says, then try again.' },
  },
  methodNotImplemented: {
    status: 501, title: { zhTW: '不支援此 HTTP 方法', en: 'Method not implemented' },
    meaning: { zhTW: '伺服器不支援所用之 HTTP 方法（任何路徑皆然）。', en: 'The server supports this HTTP method on no path at all.' },
    remedy: { zhTW: '改用 GET、POST、PUT、PATCH 或 DELETE。', en: 'Use GET, POST, PUT, PATCH or DELETE.' },
  },
  temporarilyBusy: {
    status: 503, title: { zhTW: '系統忙碌，請稍後重試', en: 'Busy, retry shortly' },
    meaning: { zhTW: '同時寫入過多，此請求未寫入任何資料。', en: 'Too many concurrent writes; this request wrote nothing.' },
    remedy: { zhTW: '依 `Retry-After` 等待後，以相同 Idempotency-Key 重試。', en: 'Wait as long as `Retry-After` says, then retry with the same Idempotency-Key.' },
  },
  internalError: {
    status: 500, title: { zhTW: '系統錯誤', en: 'Internal error' },
    meaning: { zhTW: '伺服器發生未預期之錯誤；請求可能未完成。', en: 'The server failed unexpectedly; the request may not have completed.' },
    remedy: { zhTW: '以相同 Idempotency-Key 重試；仍失敗時請提供 `requestId` 給客服。', en: 'Retry with the same Idempotency-Key; if it still fails, quote `requestId` to support.' },
  },
} as const satisfies Record<string, ProblemDefinition>;

export type ProblemType = keyof typeof problemTypes;

/** `notFound` → `not-found`: the last segment of the type URI and of its page. */
export const problemSlug = (type: ProblemType): string => type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const problemTypeOfSlug = (slug: string): ProblemType | undefined =>
  (Object.keys(problemTypes) as ProblemType[]).find((type) => problemSlug(type) === slug);

/** The type URI: absolute under the API's base URL when known, else relative to the API's host. */
export const problemTypeUri = (type: ProblemType, baseUrl?: string): string =>
  `${baseUrl ? baseUrl.replace(/\/+$/, '') : ''}${PROBLEM_PATH}${problemSlug(type)}`;

export interface FieldError {
  field: string;
  reason: LocalizedText;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  code?: string;
  errors?: { field: string; reason: string; reasonZhTW: string; reasonEn: string }[];
}

/** Thrown anywhere in a request; the app's error handler renders it. */
export class ApiProblem extends Error {
  constructor(
    readonly problemType: ProblemType,
    readonly options: { detail?: LocalizedText; errors?: FieldError[]; code?: string; status?: number; retryAfterSeconds?: number } = {},
  ) {
    super(problemType);
  }

  get status(): number {
    return this.options.status ?? problemTypes[this.problemType].status;
  }
}

export function renderProblem(problem: ApiProblem, locale: Locale, context: { instance?: string; requestId?: string; baseUrl?: string }): ProblemBody {
  const definition = problemTypes[problem.problemType];
  const body: ProblemBody = {
    type: problemTypeUri(problem.problemType, context.baseUrl),
    title: localize(definition.title, locale),
    status: problem.status,
  };
  if (problem.options.detail) body.detail = localize(problem.options.detail, locale);
  if (problem.options.code) body.code = problem.options.code;
  if (context.instance) body.instance = context.instance;
  if (context.requestId) body.requestId = context.requestId;
  if (problem.options.errors?.length) {
    body.errors = problem.options.errors.map((error) => ({
      field: error.field,
      reason: localize(error.reason, locale),
      reasonZhTW: error.reason.zhTW,
      reasonEn: error.reason.en,
    }));
  }
  return body;
}

/** Domain rule errors carry a code and a bilingual message; this turns one into a problem. */
export function ruleViolation(error: { code: string; message: LocalizedText; field?: string }, type: ProblemType = 'ruleViolation'): ApiProblem {
  return new ApiProblem(type, {
    code: error.code,
    detail: error.message,
    errors: error.field ? [{ field: error.field, reason: error.message }] : undefined,
  });
}

/** The one place a domain error kind becomes an HTTP status. */
const problemTypeOfKind: Record<DomainErrorKind, ProblemType> = {
  invalidInput: 'validationError',
  invalid: 'ruleViolation',
  forbiddenByRule: 'ruleViolation',
  conflict: 'conflict',
  notFound: 'notFound',
};

/** A domain error may name several fields, each with its own reason, in `details.fieldErrors`. */
function fieldErrorsOf(error: DomainError): FieldError[] {
  const listed = (error.details as { fieldErrors?: unknown } | undefined)?.fieldErrors;
  if (Array.isArray(listed) && listed.length > 0) return listed as FieldError[];
  return [{ field: error.field ?? '(body)', reason: error.message }];
}

export function problemOfDomainError(error: DomainError): ApiProblem {
  return new ApiProblem(problemTypeOfKind[error.kind], { code: error.code, detail: error.message, errors: fieldErrorsOf(error) });
}

/** Errors raised below the HTTP layer (commands, stores) as the problems they stand for. */
export function problemOfApplicationError(error: unknown): ApiProblem | undefined {
  if (error instanceof ApiProblem) return error;
  if (error instanceof CommandFailure) return problemOfDomainError(error.error);
  if (error instanceof StaleVersionError) return new ApiProblem('preconditionFailed');
  if (error instanceof AlreadyExistsError) return new ApiProblem('conflict', { detail: { zhTW: '資源已存在', en: 'The resource already exists' } });
  if (error instanceof EntityNotFoundError) return new ApiProblem('notFound', { detail: { zhTW: `找不到${error.what.zhTW}`, en: `No such ${error.what.en}` } });
  if (error instanceof ChainContentionError) {
    return new ApiProblem('temporarilyBusy', { retryAfterSeconds: 1, detail: { zhTW: '同時寫入過多，未寫入任何資料；請稍後以相同冪等鍵重試', en: 'Too many concurrent writes; nothing was written. Retry shortly with the same Idempotency-Key' } });
  }
  if (error instanceof InvalidCursorError) {
    return new ApiProblem('invalidCursor', { errors: [{ field: 'query.cursor', reason: { zhTW: '游標無效、遭竄改或不屬於此清單', en: 'The cursor is invalid, altered or belongs to another list' } }] });
  }
  return undefined;
}
