/**
 * Brings the stored duties in line with what a source asks for (the approved plan, the
 * defaults, a vendor's oversight check): creates, updates and retires duties and opens each new
 * duty's first task — one audited transaction per batch.
 */
import { reconcileDuties, type Duty, type DutyDefinition, type DutySource } from '../../domain/reviews/duty';
import { openTask } from '../../domain/reviews/reviewTask';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { TenantCommandContext } from '../application/commandContext';
import { commitChange } from '../application/versionedChange';
import type { MutationScope, TransactItem } from '../store/auditedCommit';
import { putEntityWrite, queryItems } from '../store/entityModel';
import type { TableRef } from '../store/tableRef';
import { dutyItem, taskItem, type StoredDuty, type StoredTask } from './dutyStore';
import { reviewAccess } from './reviewEntities';

export async function loadAllDuties(table: TableRef): Promise<StoredDuty[]> {
  return (await queryItems(table, reviewAccess.dutiesByKind())) as unknown as StoredDuty[];
}

const strip = ({ version: _v, ...duty }: StoredDuty): Duty => duty;

/** A new duty as first stored: version 1, with its first task open on the anchor date. */
export function newDutyRecords(duty: Duty): { duty: StoredDuty; task: StoredTask } {
  return { duty: { ...duty, version: 1 }, task: { ...openTask(duty, duty.anchorDate), version: 1, dueAt: null, resourcePath: null } };
}

/** The duties a sync would create (pure, after reading the stored ones). */
export function dutiesToCreate(existing: readonly StoredDuty[], desired: readonly DutyDefinition[], options: { asOf: IsoDate; source: DutySource; retireFrom: readonly DutySource[] }): Duty[] {
  return reconcileDuties(existing.map(strip), desired, options).create;
}

/**
 * Reconciles and commits. `retireFrom` limits which sources may be retired (a plan re-approval
 * retires plan/default duties only). Returns the counts for the caller's response. A batch that
 * meets a concurrent change fails with StaleVersionError.
 */
export async function syncDuties(
  target: TenantCommandContext | MutationScope,
  desired: readonly DutyDefinition[],
  options: { asOf: IsoDate; source: DutySource; retireFrom: readonly DutySource[] },
): Promise<{ created: number; updated: number; retired: number; unchanged: number }> {
  const table: TableRef = 'table' in target ? target.table : { doc: target.doc, tableName: target.tableName };
  const existing = await loadAllDuties(table);
  const versions = new Map(existing.map((duty) => [duty.dutyId, duty.version]));
  const plan = reconcileDuties(existing.map(strip), desired, options);
  const items: { writes: TransactItem[]; change: { action: string; resourceId: string; before: unknown; after: unknown } }[] = [];
  for (const duty of plan.create) {
    const created = newDutyRecords(duty);
    items.push({
      writes: [putEntityWrite(table.tableName, dutyItem(created.duty), null), putEntityWrite(table.tableName, taskItem(created.task), null)],
      change: { action: 'duty.create', resourceId: duty.dutyId, before: null, after: duty },
    });
  }
  for (const { before, after } of plan.update) {
    const version = versions.get(before.dutyId)!;
    items.push({ writes: [putEntityWrite(table.tableName, dutyItem({ ...after, version: version + 1 }), version)], change: { action: 'duty.update', resourceId: after.dutyId, before, after } });
  }
  for (const duty of plan.retire) {
    const version = versions.get(duty.dutyId)!;
    items.push({ writes: [putEntityWrite(table.tableName, dutyItem({ ...duty, version: version + 1 }), version)], change: { action: 'duty.retire', resourceId: duty.dutyId, before: { ...duty, retiredOn: null }, after: duty } });
  }
  // DynamoDB transactions hold 100 items; audit events and the head take some of them.
  const BATCH = 30;
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    await commitChange(target, {
      changes: batch.map((entry) => ({ ...entry.change, resourceType: 'duty' })),
      writes: batch.flatMap((entry) => entry.writes),
    });
  }
  return { created: plan.create.length, updated: plan.update.length, retired: plan.retire.length, unchanged: plan.unchanged.length };
}
