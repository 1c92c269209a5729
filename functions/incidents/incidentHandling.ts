/**
 * Shared steps of the incident handlers: load-or-404, domain errors as problems, and the commit
 * of a changed incident (incident item + child items + deadline writes + the audit event).
 */
import type { IncidentError, IncidentOutcome, CloseBlocker, NoticeContentIssue } from '../../domain/incident';
import type { LocalizedText } from '../../domain/shared/localizedText';
import { tenantMutationScope, tenantOf, type ApiContext } from '../http/context';
import { ApiProblem, type FieldError } from '../http/problem';
import { commitAudited, type AuditedChange, type TransactItem } from '../store/auditedCommit';
import { mapWriteConflict } from '../store/entityStore';
import { loadIncident, type LoadedIncident } from './incidentStore';

export const INCIDENT_WHAT = { zhTW: '此個資事故', en: 'incident' };

export async function requireIncident(c: ApiContext, incidentId: string): Promise<LoadedIncident> {
  const tenant = tenantOf(c);
  const loaded = await loadIncident(tenant.doc, tenant.tableName, incidentId);
  // Another tenant's id reads as none: the table is the caller's own.
  if (!loaded) throw new ApiProblem('notFound', { detail: { zhTW: `找不到${INCIDENT_WHAT.zhTW}`, en: `No such ${INCIDENT_WHAT.en}` } });
  return loaded;
}

/** Which request field each domain refusal is about, so clients can point at it. */
const fieldOfCode: Partial<Record<IncidentError['code'], string>> = {
  LATE_WITHOUT_DELAY_REASON: 'delayReason',
  STEP_ALREADY_RECORDED: 'path.step',
  STEP_NOT_APPLICABLE_REFUSED: 'path.step',
  STEP_NOT_MANUAL: 'path.step',
  UNKNOWN_CUSTOMER: 'customerIds',
  ACTION_TRANSITION_REFUSED: 'to',
  VERIFIER_IS_OWNER: 'by',
};

/** Turns a domain refusal into a problem: conflict → 409, invalid → 422, with per-field reasons. */
export function incidentProblem(error: IncidentError, timeField?: string): ApiProblem {
  let errors: FieldError[] | undefined;
  if (error.code === 'NOTICE_CONTENT_INCOMPLETE') {
    errors = (error.details as NoticeContentIssue[]).map((issue) => ({ field: `content.${issue.field}`, reason: issue.message }));
  } else if (error.code === 'CANNOT_CLOSE') {
    errors = (error.details as CloseBlocker[]).map((blocker) => ({
      field: blocker.step === 'correctiveActions' ? 'correctiveActions' : `timeline.${blocker.step}`,
      reason: blocker.message,
    }));
  } else {
    const field = error.code === 'BEFORE_DISCOVERY' ? timeField : fieldOfCode[error.code];
    if (field) errors = [{ field, reason: error.message }];
  }
  return new ApiProblem(error.kind === 'conflict' ? 'conflict' : 'ruleViolation', { code: error.code, detail: error.message, errors });
}

export function unwrap<T>(outcome: IncidentOutcome<T>, timeField?: string): T {
  if (!outcome.ok) throw incidentProblem(outcome.error, timeField);
  return outcome.value;
}

export function refuse(code: string, field: string, reason: LocalizedText, type: 'ruleViolation' | 'conflict' = 'ruleViolation'): never {
  throw new ApiProblem(type, { code, detail: reason, errors: [{ field, reason }] });
}

/** Instants may not lie in the future beyond a little clock skew between the caller and us. */
const CLOCK_SKEW_MS = 5 * 60_000;
export function assertNotFuture(instant: string, now: Date, field: string): void {
  if (Date.parse(instant) > now.getTime() + CLOCK_SKEW_MS) {
    refuse('IN_THE_FUTURE', field, { zhTW: '時間不得晚於現在', en: 'The time cannot be in the future' });
  }
}

export async function commitIncidentChange(
  c: ApiContext,
  mutation: { changes: AuditedChange[]; writes: TransactItem[]; response: { status: number; body: unknown } },
  kind: 'create' | 'update' = 'update',
): Promise<void> {
  try {
    await commitAudited(tenantMutationScope(c), mutation);
  } catch (error) {
    // Every write is conditioned on what was read: losing a race is a stale ETag (or a duplicate create).
    mapWriteConflict(error, kind);
  }
}

export const closedIncident = () =>
  new ApiProblem('conflict', { code: 'INCIDENT_CLOSED', detail: { zhTW: '事故已結案，不得再變更', en: 'The incident is closed and cannot change' } });
