/**
 * How incident commands say no: a domain refusal becomes a CommandFailure naming the request
 * field it is about (so clients can point at it), and facts that fail the incident schema are an
 * `invalidInput` refusal (HTTP 400) with one field error per zod issue.
 */
import { incidentInputSchema, type IncidentErrorCode, type IncidentFacts } from '../../../domain/incident';
import type { Outcome } from '../../../domain/shared/outcome';
import { CommandFailure, refuse } from '../../application/failures';
import { fieldErrorsFromZod } from '../../http/zodIssues';

/** The request field of refusals whose field the domain does not name (paths are the API's). */
const fieldOfCode: Partial<Record<IncidentErrorCode, string>> = {
  LATE_WITHOUT_DELAY_REASON: 'delayReason',
  STEP_ALREADY_RECORDED: 'path.step',
  STEP_NOT_APPLICABLE_REFUSED: 'path.step',
  STEP_NOT_MANUAL: 'path.step',
  UNKNOWN_CUSTOMER: 'customerIds',
  ACTION_TRANSITION_REFUSED: 'to',
  VERIFIER_IS_OWNER: 'by',
};

/**
 * The value of an incident outcome, or a CommandFailure. `timeField` names the instant a
 * BEFORE_DISCOVERY refusal is about (notifiedAt, sentAt, at …), which differs per step.
 */
export function unwrapIncident<T>(outcome: Outcome<T, IncidentErrorCode>, timeField?: string): T {
  if (outcome.ok) return outcome.value;
  const { error } = outcome;
  const field = error.field ?? (error.code === 'BEFORE_DISCOVERY' ? timeField : fieldOfCode[error.code]);
  throw new CommandFailure(field === undefined ? error : { ...error, field });
}

/**
 * The domain's cross-field rules (occurredAt ≤ discoveredAt, "other" described) run here, on the
 * merged facts of an update too, so they are found only after loading: a 400 per field.
 */
export function parseIncidentFacts(input: unknown): IncidentFacts {
  const parsed = incidentInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const code: IncidentErrorCode = 'INCIDENT_FACTS_INVALID';
  return refuse('invalidInput', code, { zhTW: '事故資料不正確', en: 'The incident facts are not valid' }, { details: { fieldErrors: fieldErrorsFromZod(parsed.error) } });
}
