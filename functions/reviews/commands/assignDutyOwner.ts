/** Assigns a duty's owner (a person or a team role); its open tasks move to the new owner with it. */
import { sameOwner, type DutyOwner } from '../../../domain/reviews/duty';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { commitVersionedChange } from '../../application/versionedChange';
import type { AuditedChange, TransactItem } from '../../store/auditedCommit';
import { putEntityWrite, queryItems } from '../../store/entityModel';
import { dutyItem, dutyKeys, storedDutyFrom, storedTaskFrom, taskItem, type StoredDuty, type StoredTask } from '../dutyStore';
import { reviewAccess } from '../reviewEntities';
import { toDutyView, toTaskView } from '../reviewModel';
import { dutyNotFound, requireReviewItem } from './reviewTaskTransition';

/** A transaction holds 100 items; the duty, the audit events and the chain head need some. */
const MAX_TASKS_MOVED = 40;

export async function assignDutyOwner(context: TenantCommandContext, input: { dutyId: string; owner: DutyOwner; expectedVersion: number | undefined }) {
  const { dutyId, owner } = input;
  // A default duty not written yet is written first, so it is assigned like any other.
  await requireReviewItem(context, dutyKeys.duty(dutyId), (pending) => pending.duties.some((duty) => duty.dutyId === dutyId), dutyNotFound);
  const today = tenantToday(context);
  const { after } = await commitVersionedChange<StoredDuty>(context, {
    key: dutyKeys.duty(dutyId),
    what: dutyNotFound,
    expectedVersion: input.expectedVersion,
    apply: (current) => ({ ...storedDutyFrom(current as unknown as Record<string, unknown>), owner }),
    toItem: dutyItem,
    audit: { action: 'duty.assignOwner', resourceType: 'duty', resourceId: dutyId, view: (duty) => toDutyView(storedDutyFrom(duty as unknown as Record<string, unknown>)) },
    related: async () => {
      // A duty's tasks share its partition: its open ones move to the new owner with it.
      const openTasks = (await queryItems(context.table, reviewAccess.openTasksOfDuty(dutyId)))
        .map(storedTaskFrom)
        .filter((task) => !sameOwner(task.owner, owner))
        .slice(0, MAX_TASKS_MOVED);
      const writes: TransactItem[] = [];
      const changes: AuditedChange[] = [];
      for (const task of openTasks) {
        const moved: StoredTask = { ...task, owner, version: task.version + 1 };
        writes.push(putEntityWrite(context.table.tableName, taskItem(moved), task.version));
        changes.push({ action: 'reviewTask.reassign', resourceType: 'reviewTask', resourceId: task.taskId, before: toTaskView(task, today), after: toTaskView(moved, today) });
      }
      return { writes, changes };
    },
    response: (duty) => ({ status: 200, body: toDutyView(duty) }),
  });
  return { view: toDutyView(after), version: after.version };
}
