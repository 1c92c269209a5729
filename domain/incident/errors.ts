/**
 * The codes of every incident refusal. Decisions return `Outcome<T, IncidentErrorCode>`
 * (domain/shared/outcome.ts): `conflict` when the incident's state forbids the step, `invalid`
 * when the request breaks a rule, `invalidInput` when the facts fail the incident schema.
 */
export type IncidentErrorCode =
  | 'INCIDENT_FACTS_INVALID'
  | 'INCIDENT_CLOSED'
  | 'BEFORE_DISCOVERY'
  | 'IN_THE_FUTURE'
  | 'CLOCK_SETTLED'
  | 'STEP_ALREADY_RECORDED'
  | 'STEP_NOT_APPLICABLE_REFUSED'
  | 'STEP_NOT_MANUAL'
  | 'LATE_WITHOUT_DELAY_REASON'
  | 'NOTICE_CONTENT_INCOMPLETE'
  | 'UNKNOWN_CUSTOMER'
  | 'CANNOT_CLOSE'
  | 'ACTION_UNKNOWN'
  | 'ACTION_TRANSITION_REFUSED'
  | 'VERIFIER_IS_OWNER'
  | 'DRILL_IN_FUTURE';
