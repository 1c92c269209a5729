/**
 * What a tenant command runs with: the tenant's table, who acts, the clock, and the ports. Built
 * once per request by the HTTP layer (http/commandContext.ts) or by a job (the sweep, the
 * deadline handler), so commands never see Hono or `process.env`.
 */
import { zonedDateOf } from '../../domain/shared/isoDate';
import type { FieldCipher } from '../crypto/fieldEncryption';
import type { Actor, IdempotencyClaim, MutationScope } from '../store/auditedCommit';
import type { TenantRecord } from '../store/controlPlaneRecords';
import type { TableRef } from '../store/tableRef';
import type { DeadlineScheduler, StructuredLogger } from './ports';

export interface TenantCommandContext {
  table: TableRef;
  tenantId: string;
  profile: TenantRecord;
  actor: Actor;
  requestId: string;
  /** The clock (the request's, or an as-of clock in a simulation). */
  clock: () => Date;
  /** Present when the request carried an Idempotency-Key: the commit stores the response with the change. */
  idempotency?: IdempotencyClaim;
  fieldCipher(): Promise<FieldCipher>;
  scheduler: DeadlineScheduler;
  logger: StructuredLogger;
}

/** The tenant's calendar date now, in its own time zone: "today" for every date-only rule. */
export function tenantToday(context: Pick<TenantCommandContext, 'clock' | 'profile'>): string {
  return zonedDateOf(context.clock(), context.profile.timeZone || 'Asia/Taipei');
}

/** The audited-commit scope of a command: its table, actor, request and idempotency claim. */
export function mutationScopeOf(context: TenantCommandContext): MutationScope {
  return {
    doc: context.table.doc,
    tableName: context.table.tableName,
    actor: context.actor,
    requestId: context.requestId,
    now: context.clock,
    idempotency: context.idempotency,
  };
}
