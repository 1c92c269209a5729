/**
 * The two ways a command commits, each one audited transaction (auditedCommit.ts):
 * - `commitChange`: writes prepared by the command (creates, multi-record changes); a failed
 *   condition becomes AlreadyExistsError (create) or StaleVersionError (update).
 * - `commitVersionedChange`: the common update of one record — require it → check If-Match →
 *   apply the change → next version → commit with its audit event and any related writes.
 */
import { commitAudited, WriteConflictError, type AuditedChange, type TransactItem } from '../store/auditedCommit';
import { putEntityWrite, requireEntity, type EntityKey } from '../store/entityModel';
import type { LocalizedText } from '../../domain/shared/localizedText';
import { mutationScopeOf, type TenantCommandContext } from './commandContext';
import { AlreadyExistsError, assertVersion, StaleVersionError } from './failures';
import type { MutationScope } from '../store/auditedCommit';

export interface PreparedChange {
  changes: AuditedChange[];
  writes: TransactItem[];
  /** The HTTP response this change produces, kept for idempotent replay. */
  response?: { status: number; body: unknown };
}

/** Commits prepared writes; `kind` says how a failed write condition reads to the caller. */
export async function commitChange(
  target: TenantCommandContext | MutationScope,
  change: PreparedChange,
  kind: 'create' | 'update' = 'update',
): Promise<void> {
  const scope = 'table' in target ? mutationScopeOf(target) : target;
  try {
    await commitAudited(scope, change);
  } catch (error) {
    if (error instanceof WriteConflictError) throw kind === 'create' ? new AlreadyExistsError() : new StaleVersionError();
    throw error;
  }
}

export interface VersionedChange<T extends { version: number }> {
  key: EntityKey;
  /** Names the record in a 404 (`找不到…` / `No such …`). */
  what: LocalizedText;
  /** From If-Match; undefined when the route does not require one. */
  expectedVersion: number | undefined;
  /** The next state (without the version: it is set here). May throw CommandFailure. */
  apply(current: T): T | Promise<T>;
  /** The storage item of a state (keys and index attributes included). */
  toItem(entity: T): Record<string, unknown> & EntityKey & { version: number };
  audit: { action: string; resourceType: string; resourceId: string; view(entity: T): unknown };
  /** Writes and audit changes that go with this one (deadlines, history rows). */
  related?(before: T, after: T): Promise<PreparedChange> | PreparedChange;
  response?(after: T): { status: number; body: unknown };
}

export async function commitVersionedChange<T extends { version: number }>(context: TenantCommandContext, change: VersionedChange<T>): Promise<{ before: T; after: T }> {
  const before = await requireEntity<T>(context.table, change.key, change.what);
  assertVersion(before.version, change.expectedVersion);
  const applied = await change.apply(before);
  const after = { ...applied, version: before.version + 1 } as T;
  const related = change.related ? await change.related(before, after) : { changes: [], writes: [] };
  await commitChange(context, {
    changes: [{ action: change.audit.action, resourceType: change.audit.resourceType, resourceId: change.audit.resourceId, before: change.audit.view(before), after: change.audit.view(after) }, ...related.changes],
    writes: [putEntityWrite(context.table.tableName, change.toItem(after), before.version), ...related.writes],
    response: change.response?.(after),
  });
  return { before, after };
}
