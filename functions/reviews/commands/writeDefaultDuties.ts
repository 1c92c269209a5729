/**
 * Writes a tenant's default duties (the example plan's periodic reviews) if it has none yet.
 * A tenant without an approved plan has them from onboarding: reads show them computed
 * (reviewStore.pendingDefaultDuties) until this command writes them — from the daily sweep, or
 * from the first change to one of them (completing, skipping, assigning an owner). A marker item
 * records that this was decided once; a tenant whose plan was approved first gets none.
 * Returns the number of duties created.
 */
import { AlreadyExistsError, StaleVersionError } from '../../application/failures';
import type { TenantCommandContext } from '../../application/commandContext';
import { commitChange } from '../../application/versionedChange';
import { getEntity, putEntityWrite } from '../../store/entityModel';
import { syncDuties } from '../dutySync';
import { reminderKeys } from '../reviewEntities';
import { defaultDutiesAsOf, defaultDutyDefinitions } from '../reviewsTenant';
import { pendingDefaultDuties } from '../reviewStore';

export const DEFAULT_DUTIES_ACTOR = 'system:defaultDuties';

export async function writeDefaultDuties(context: TenantCommandContext): Promise<number> {
  if (await getEntity(context.table, reminderKeys.defaultsApplied())) return 0;
  // Written as the system, not as whoever's change needed them.
  const system: TenantCommandContext = { ...context, actor: { actorId: DEFAULT_DUTIES_ACTOR, role: 'system' }, idempotency: undefined };
  const asOf = defaultDutiesAsOf(context.profile);
  let created = 0;
  if (await pendingDefaultDuties(context.table, context.profile)) {
    try {
      // retireFrom [] — the defaults never retire anything another source created.
      created = (await syncDuties(system, defaultDutyDefinitions, { asOf, source: 'default', retireFrom: [] })).created;
    } catch (error) {
      // A concurrent first write created them a moment earlier: the result is the same.
      if (!(error instanceof StaleVersionError)) throw error;
    }
  }
  try {
    await commitChange(system, {
      changes: [{ action: 'reviews.defaultDuties', resourceType: 'dutySet', resourceId: 'default', before: null, after: { asOf, created } }],
      writes: [putEntityWrite(context.table.tableName, { ...reminderKeys.defaultsApplied(), entity: 'DefaultDutiesMarker', appliedOn: asOf, created, version: 1 }, null)],
    }, 'create');
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
  }
  return created;
}
