/**
 * What the background jobs and the API share about a tenant's reviews: the tenant's table and
 * client, the default duties a tenant gets before it has an approved plan, and who receives
 * reminders for a team role.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_DUTY_DEFINITIONS } from '../../domain/reviews/defaultDuties';
import { ESCALATION_ROLES } from '../../domain/reviews/duty';
import type { ReminderRecipient, RoleDirectory } from '../../domain/reviews/sweep';
import type { IsoDate } from '../../domain/shared/isoDate';
import type { AppDeps } from '../http/appDeps';
import type { TenantRecord } from '../store/controlPlaneRecords';
import { commitAudited, WriteConflictError, type MutationScope } from '../store/auditedCommit';
import { newId } from '../store/ids';
import { loadAllDuties, syncDuties } from './dutySync';
import { createOnlyPut, reminderKeys } from './reminderStore';

export interface ReviewsTenant {
  tenantId: string;
  tableName: string;
  doc: DynamoDBDocumentClient;
  profile: TenantRecord;
}

/** The actor background jobs write as; the audit trail shows the sweep, not a person, did it. */
export function systemScope(deps: Pick<AppDeps, 'clock'>, tenant: ReviewsTenant, actorId: string, clock: () => Date = deps.clock): MutationScope {
  return { doc: tenant.doc, tableName: tenant.tableName, actor: { actorId, role: 'system' }, requestId: newId('job'), now: clock };
}

export async function reviewsTenantOf(deps: Pick<AppDeps, 'tenantDocumentClient'>, profile: TenantRecord): Promise<ReviewsTenant> {
  return { tenantId: profile.tenantId, tableName: profile.tableName, doc: await deps.tenantDocumentClient(profile.tenantId), profile };
}

export const defaultDutyDefinitions = DEFAULT_DUTY_DEFINITIONS.map(({ frequencyLabel: _label, citation: _citation, ...definition }) => definition);

/**
 * A tenant without an approved plan gets the example plan's duties on its first sweep or first
 * read. A marker item records that this was decided once, so later reads cost one GetItem; a
 * tenant whose plan was approved first (plan or default duties already there) gets none.
 * Returns the number of duties created.
 */
export async function ensureDefaultDuties(scope: MutationScope, asOf: IsoDate): Promise<number> {
  const marker = await scope.doc.send(new GetCommand({ TableName: scope.tableName, Key: reminderKeys.defaultsApplied() }));
  if (marker.Item) return 0;
  const existing = await loadAllDuties(scope);
  let created = 0;
  if (!existing.some((duty) => duty.source === 'plan' || duty.source === 'default')) {
    try {
      // retireFrom [] — the defaults never retire anything another source created.
      created = (await syncDuties(scope, defaultDutyDefinitions, { asOf, source: 'default', retireFrom: [] })).created;
    } catch (error) {
      // A concurrent first read created them a moment earlier: the result is the same.
      if (!(error instanceof WriteConflictError)) throw error;
    }
  }
  try {
    await commitAudited(scope, {
      changes: [{ action: 'reviews.defaultDuties', resourceType: 'dutySet', resourceId: 'default', before: null, after: { asOf, created } }],
      writes: [createOnlyPut(scope.tableName, { ...reminderKeys.defaultsApplied(), entity: 'DefaultDutiesMarker', appliedOn: asOf, created, version: 1 })],
    });
  } catch (error) {
    if (!(error instanceof WriteConflictError)) throw error;
  }
  return created;
}

/**
 * The directory the reminders use: the tenant's team directory, and for every role nobody is
 * listed under (a new tenant has no directory yet) the tenant's registered contact, so a
 * reminder is never silently dropped. `fallbackRoles` names the roles that were filled.
 */
export function effectiveDirectory(stored: RoleDirectory, roles: Iterable<string>, profile: Pick<TenantRecord, 'contact' | 'locale'>): { directory: RoleDirectory; fallbackRoles: string[] } {
  const contact: ReminderRecipient = { name: profile.contact.name, email: profile.contact.email, locale: profile.locale };
  const directory: Record<string, readonly ReminderRecipient[]> = { ...stored };
  const fallbackRoles: string[] = [];
  for (const role of new Set([...roles, ...ESCALATION_ROLES])) {
    if ((directory[role] ?? []).length > 0) continue;
    directory[role] = [contact];
    fallbackRoles.push(role);
  }
  return { directory, fallbackRoles };
}
