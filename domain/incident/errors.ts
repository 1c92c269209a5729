/**
 * Typed outcomes of incident transitions: `conflict` → HTTP 409 (the incident's state forbids
 * the step), `invalid` → HTTP 422 (the request breaks a rule).
 */
import type { LocalizedText } from '../shared/localizedText';

export type IncidentErrorCode =
  | 'INCIDENT_CLOSED'
  | 'BEFORE_DISCOVERY'
  | 'STEP_ALREADY_RECORDED'
  | 'STEP_NOT_APPLICABLE_REFUSED'
  | 'STEP_NOT_MANUAL'
  | 'LATE_WITHOUT_DELAY_REASON'
  | 'NOTICE_CONTENT_INCOMPLETE'
  | 'UNKNOWN_CUSTOMER'
  | 'CANNOT_CLOSE'
  | 'ACTION_UNKNOWN'
  | 'ACTION_TRANSITION_REFUSED'
  | 'VERIFIER_IS_OWNER';

export interface IncidentError {
  code: IncidentErrorCode;
  kind: 'conflict' | 'invalid';
  message: LocalizedText;
  details?: unknown;
}

export type IncidentOutcome<T> = { ok: true; value: T } | { ok: false; error: IncidentError };

export function incidentOk<T>(value: T): IncidentOutcome<T> {
  return { ok: true, value };
}

export function incidentFail<T = never>(
  code: IncidentErrorCode,
  kind: IncidentError['kind'],
  zhTW: string,
  en: string,
  details?: unknown,
): IncidentOutcome<T> {
  return { ok: false, error: details === undefined ? { code, kind, message: { zhTW, en } } : { code, kind, message: { zhTW, en }, details } };
}
