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

export const PROBLEM_BASE = 'https://pdpa-compliance.example/problems/';

export const problemTypes = {
  validationError: { status: 400, title: { zhTW: '請求內容不正確', en: 'The request is not valid' } },
  bodyTooComplex: { status: 400, title: { zhTW: '請求內容結構超出限制', en: 'The request body is nested or sized beyond the limits' } },
  malformedRequest: { status: 400, title: { zhTW: 'HTTP 請求格式錯誤', en: 'Malformed HTTP request' } },
  malformedJson: { status: 400, title: { zhTW: 'JSON 格式錯誤', en: 'Malformed JSON' } },
  invalidCursor: { status: 400, title: { zhTW: '分頁游標無效', en: 'Invalid pagination cursor' } },
  unauthenticated: { status: 401, title: { zhTW: '未提供有效憑證', en: 'No valid credential' } },
  forbidden: { status: 403, title: { zhTW: '權限不足', en: 'Not allowed' } },
  tenantSuspended: { status: 403, title: { zhTW: '租戶已停用', en: 'Tenant is suspended' } },
  methodNotAllowed: { status: 405, title: { zhTW: '此端點不支援此 HTTP 方法', en: 'Method not allowed on this endpoint' } },
  notFound: { status: 404, title: { zhTW: '找不到資源', en: 'Resource not found' } },
  conflict: { status: 409, title: { zhTW: '資源狀態衝突', en: 'Conflict with the resource state' } },
  idempotencyInProgress: { status: 409, title: { zhTW: '相同冪等鍵的請求處理中', en: 'A request with this idempotency key is in progress' } },
  gone: { status: 410, title: { zhTW: '資源已失效', en: 'No longer available' } },
  preconditionFailed: { status: 412, title: { zhTW: '資源已被變更（ETag 不符）', en: 'The resource has changed (ETag mismatch)' } },
  payloadTooLarge: { status: 413, title: { zhTW: '請求內容過大', en: 'Request body too large' } },
  unsupportedMediaType: { status: 415, title: { zhTW: '不支援的內容類型', en: 'Unsupported media type' } },
  idempotencyKeyReused: { status: 422, title: { zhTW: '冪等鍵已用於不同的請求內容', en: 'Idempotency key reused with a different request' } },
  ruleViolation: { status: 422, title: { zhTW: '違反法遵規則', en: 'The request breaks a compliance rule' } },
  preconditionRequired: { status: 428, title: { zhTW: '更新須附 If-Match 標頭', en: 'Updates require an If-Match header' } },
  tooManyRequests: { status: 429, title: { zhTW: '請求過於頻繁', en: 'Too many requests' } },
  methodNotImplemented: { status: 501, title: { zhTW: '不支援此 HTTP 方法', en: 'Method not implemented' } },
  temporarilyBusy: { status: 503, title: { zhTW: '系統忙碌，請稍後重試', en: 'Busy, retry shortly' } },
  internalError: { status: 500, title: { zhTW: '系統錯誤', en: 'Internal error' } },
} as const satisfies Record<string, { status: number; title: LocalizedText }>;

export type ProblemType = keyof typeof problemTypes;

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

export function renderProblem(problem: ApiProblem, locale: Locale, context: { instance?: string; requestId?: string }): ProblemBody {
  const definition = problemTypes[problem.problemType];
  const body: ProblemBody = {
    type: PROBLEM_BASE + problem.problemType.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
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
