/**
 * Brings the stored duties in line with what a source asks for (the approved plan, the
 * defaults, a vendor's oversight check): creates, updates and retires duties and opens each new
 * duty's first task — one audited transaction per batch.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { reconcileDuties, type Duty, type DutyDefinition, type DutySource } from '../../domain/reviews/duty';
import { openTask } from '../../domain/reviews/reviewTask';
import type { IsoDate } from '../../domain/shared/isoDate';
import { commitAudited, type MutationScope, type TransactItem } from '../store/auditedCommit';
import { tenantTableIndexes } from '../store/tableDesign';
import { dutyItem, taskItem, type StoredDuty } from './dutyStore';

export async function loadAllDuties(scope: Pick<MutationScope, 'doc' | 'tableName'>): Promise<StoredDuty[]> {
  const duties: StoredDuty[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await scope.doc.send(new QueryCommand({
      TableName: scope.tableName,
      IndexName: tenantTableIndexes.byResource.name,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': 'DUTIES' },
      ExclusiveStartKey: startKey,
    }));
    duties.push(...((page.Items ?? []) as StoredDuty[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return duties;
}

function versioned(tableName: string, duty: StoredDuty, expected: number | null): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: dutyItem(duty),
      ...(expected === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expected } }),
    },
  };
}

const strip = ({ version: _v, ...duty }: StoredDuty): Duty => duty;

/**
 * Reconciles and commits. `retireFrom` limits which sources may be retired (a plan re-approval
 * retires plan/default duties only). Returns the counts for the caller's response.
 */
export async function syncDuties(
  scope: MutationScope,
  desired: readonly DutyDefinition[],
  options: { asOf: IsoDate; source: DutySource; retireFrom: readonly DutySource[] },
): Promise<{ created: number; updated: number; retired: number; unchanged: number }> {
  const existing = await loadAllDuties(scope);
  const versions = new Map(existing.map((duty) => [duty.dutyId, duty.version]));
  const plan = reconcileDuties(existing.map(strip), desired, options);
  const items: { writes: TransactItem[]; change: { action: string; resourceId: string; before: unknown; after: unknown } }[] = [];
  for (const duty of plan.create) {
    const stored: StoredDuty = { ...duty, version: 1 };
    const task = { ...openTask(duty, duty.anchorDate), version: 1, dueAt: null, resourcePath: null };
    items.push({
      writes: [versioned(scope.tableName, stored, null), { Put: { TableName: scope.tableName, Item: taskItem(task), ConditionExpression: 'attribute_not_exists(pk)' } }],
      change: { action: 'duty.create', resourceId: duty.dutyId, before: null, after: duty },
    });
  }
  for (const { before, after } of plan.update) {
    const version = versions.get(before.dutyId)!;
    items.push({ writes: [versioned(scope.tableName, { ...after, version: version + 1 }, version)], change: { action: 'duty.update', resourceId: after.dutyId, before, after } });
  }
  for (const duty of plan.retire) {
    const version = versions.get(duty.dutyId)!;
    items.push({ writes: [versioned(scope.tableName, { ...duty, version: version + 1 }, version)], change: { action: 'duty.retire', resourceId: duty.dutyId, before: { ...duty, retiredOn: null }, after: duty } });
  }
  // DynamoDB transactions hold 100 items; audit events and the head take some of them.
  const BATCH = 30;
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    await commitAudited(scope, {
      changes: batch.map((entry) => ({ ...entry.change, resourceType: 'duty' })),
      writes: batch.flatMap((entry) => entry.writes),
    });
  }
  return { created: plan.create.length, updated: plan.update.length, retired: plan.retire.length, unchanged: plan.unchanged.length };
}
