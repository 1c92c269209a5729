/**
 * Typed outcomes of vendor-oversight transitions. `kind` tells the HTTP layer how to answer:
 * `conflict` (409) when the record's current state forbids the step, `invalid` (422) when the
 * request itself breaks a rule.
 */
import type { LocalizedText } from '../shared/localizedText';

export type VendorErrorCode =
  | 'CONTRACT_ALREADY_TERMINATED'
  | 'TERMINATION_BEFORE_CONTRACT_START'
  | 'OBLIGATION_ALREADY_CLOSED'
  | 'CONFIRMATION_BEFORE_OBLIGATION'
  | 'CONFIRMATION_EVIDENCE_REQUIRED'
  | 'QUESTIONNAIRE_QUESTION_DUPLICATE'
  | 'QUESTIONNAIRE_QUESTION_UNKNOWN'
  | 'QUESTIONNAIRE_EMPTY'
  | 'QUESTIONNAIRE_VERSION_MISMATCH'
  | 'QUESTIONNAIRE_NOT_EDITABLE'
  | 'ANSWERS_INVALID'
  | 'TOKEN_ALREADY_CLOSED'
  | 'RESPONSE_LOCKED'
  | 'RESPONSE_INCOMPLETE'
  | 'RESPONSE_NOT_SUBMITTED'
  | 'RESPONSE_ALREADY_REVIEWED'
  | 'REVIEW_COMMENT_REQUIRED'
  | 'TOKEN_NOT_VALID';

export interface VendorError {
  code: VendorErrorCode;
  kind: 'conflict' | 'invalid';
  message: LocalizedText;
  /** Extra machine-readable detail (e.g. the answer issues that blocked a submission). */
  details?: unknown;
}

export type VendorOutcome<T> = { ok: true; value: T } | { ok: false; error: VendorError };

export function vendorOk<T>(value: T): VendorOutcome<T> {
  return { ok: true, value };
}

export function vendorFail<T = never>(
  code: VendorErrorCode,
  kind: VendorError['kind'],
  zhTW: string,
  en: string,
  details?: unknown,
): VendorOutcome<T> {
  return { ok: false, error: details === undefined ? { code, kind, message: { zhTW, en } } : { code, kind, message: { zhTW, en }, details } };
}
