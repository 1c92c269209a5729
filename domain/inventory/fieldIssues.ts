/**
 * Failures of the inventory and risk checks list every field at fault. Their `details` keep the
 * issues (`{ path, message }`, what the import and the tests read) and the same list as
 * `fieldErrors` (`{ field, reason }`, dotted path), which the API answers one error per entry.
 */
import type { LocalizedText } from '../shared/localizedText';
import type { Outcome } from '../shared/outcome';

/** One problem with one field, addressed by its path in the checked record. */
export interface FieldIssue {
  path: (string | number)[];
  message: LocalizedText;
}

export interface FieldIssueDetails {
  issues: FieldIssue[];
  fieldErrors: { field: string; reason: LocalizedText }[];
}

export function fieldIssueDetails(issues: FieldIssue[]): FieldIssueDetails {
  return { issues, fieldErrors: issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', reason: issue.message })) };
}

/** The issues a check found (none when it passed). */
export function fieldIssuesOf(outcome: Outcome<unknown>): FieldIssue[] {
  return outcome.ok ? [] : ((outcome.error.details as Partial<FieldIssueDetails> | undefined)?.issues ?? []);
}
