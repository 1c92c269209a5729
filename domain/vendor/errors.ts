/**
 * The codes vendor-oversight rules say no with. Transitions return `Outcome<T, VendorErrorCode>`
 * (domain/shared/outcome.ts): `conflict` (409) when the record's current state forbids the step,
 * `invalid` (422) when the request itself breaks a rule.
 */
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
