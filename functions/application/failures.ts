/**
 * How a command says no. Domain functions return `Outcome`; a command that cannot go on throws a
 * `CommandFailure` carrying the domain error, and the HTTP layer turns it into a problem in one
 * place (http/problem.ts `problemOfDomainError`). Stale versions and lost create races are
 * `StaleVersionError` / `AlreadyExistsError`, mapped there too.
 */
import type { DomainError, DomainErrorKind, Outcome } from '../../domain/shared/outcome';
import type { LocalizedText } from '../../domain/shared/localizedText';

export class CommandFailure extends Error {
  constructor(readonly error: DomainError) {
    super(`${error.kind}: ${error.code}`);
  }
}

/** The caller's If-Match names a version other than the stored one (HTTP 412). */
export class StaleVersionError extends Error {
  constructor() {
    super('stale version');
  }
}

/** A create met an existing record with the same key (HTTP 409). */
export class AlreadyExistsError extends Error {
  constructor() {
    super('already exists');
  }
}

/** The value of a successful outcome, or a CommandFailure with its error. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new CommandFailure(outcome.error);
  return outcome.value;
}

/** Fails the command with a domain error made on the spot (rules that live next to a command). */
export function refuse(kind: DomainErrorKind, code: string, message: LocalizedText, extra: { field?: string; details?: unknown } = {}): never {
  throw new CommandFailure({ kind, code, message, ...extra });
}

/** If-Match check before any write; the write is conditioned on the version too. */
export function assertVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && current !== expected) throw new StaleVersionError();
}
