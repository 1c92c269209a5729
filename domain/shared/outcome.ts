/**
 * The one way a domain decision says yes or no. Every domain module returns `Outcome<T, Code>`;
 * the HTTP layer maps each error kind to one status in one place
 * (functions/http/problem.ts `problemOfDomainError`). No HTTP status lives in domain/.
 */
import type { LocalizedText } from './localizedText';

/**
 * - `invalidInput`: a field's value is malformed in a way only the domain can tell (400, per field).
 * - `invalid`: the request itself breaks a rule (a late notice without a reason, an incomplete answer).
 * - `forbiddenByRule`: the law or the record's rules forbid the step (gaps not accepted, a ground that does not apply).
 * - `conflict`: the record's current state forbids the step (already closed, already recorded).
 * - `notFound`: something the step refers to does not exist (an unknown version or item).
 */
export type DomainErrorKind = 'invalidInput' | 'invalid' | 'forbiddenByRule' | 'conflict' | 'notFound';

export interface DomainError<Code extends string = string> {
  kind: DomainErrorKind;
  code: Code;
  message: LocalizedText;
  /** The input field the error is about, when there is one (e.g. `items.copy`). */
  field?: string;
  /**
   * Machine-readable detail (e.g. the answer issues that blocked a submission). `fieldErrors`
   * (`{ field, reason }[]`) lists every field at fault; the problem answer shows each.
   */
  details?: unknown;
}

export type Success<T> = { ok: true; value: T };
export type Failure<Code extends string = string> = { ok: false; error: DomainError<Code> };
export type Outcome<T, Code extends string = string> = Success<T> | Failure<Code>;

export function ok<T>(value: T): Success<T> {
  return { ok: true, value };
}

export function fail<Code extends string>(
  kind: DomainErrorKind,
  code: Code,
  message: LocalizedText,
  extra: { field?: string; details?: unknown } = {},
): Failure<Code> {
  const error: DomainError<Code> = { kind, code, message };
  if (extra.field !== undefined) error.field = extra.field;
  if (extra.details !== undefined) error.details = extra.details;
  return { ok: false, error };
}

/** Chains a step that may fail after one that succeeded. */
export function andThen<T, U, Code extends string>(outcome: Outcome<T, Code>, next: (value: T) => Outcome<U, Code>): Outcome<U, Code> {
  return outcome.ok ? next(outcome.value) : outcome;
}
