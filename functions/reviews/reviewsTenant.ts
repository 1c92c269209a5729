/**
 * What the background jobs (the sweep, one-time schedules) and the API share about a tenant's
 * reviews: the command context a job acts in, the default duties a tenant has before it has an
 * approved plan, and who receives reminders for a team role.
 */
import { DEFAULT_DUTY_DEFINITIONS } from '../../domain/reviews/defaultDuties';
import { ESCALATION_ROLES } from '../../domain/reviews/duty';
import type { ReminderRecipient, RoleDirectory } from '../../domain/reviews/sweep';
import { zonedDateOf, type IsoDate } from '../../domain/shared/isoDate';
import type { TenantCommandContext } from '../application/commandContext';
import { createFieldCipher, type FieldCipher } from '../crypto/fieldEncryption';
import type { AppDeps } from '../http/appDeps';
import type { TenantRecord } from '../store/controlPlaneRecords';
import { newId } from '../store/ids';

export type JobDeps = Pick<AppDeps, 'clock' | 'tenantDocumentClient' | 'dataKeys' | 'deadlineScheduler' | 'logger'>;

/**
 * A tenant's command context for a background job. The actor is the job (the audit trail shows
 * the sweep, not a person, did it); `clock` lets an "as of" run date what it records.
 */
export async function jobContextOf(deps: JobDeps, profile: TenantRecord, actorId: string, clock: () => Date = deps.clock): Promise<TenantCommandContext> {
  const doc = await deps.tenantDocumentClient(profile.tenantId);
  let cipher: Promise<FieldCipher> | undefined;
  return {
    table: { doc, tableName: profile.tableName },
    tenantId: profile.tenantId,
    profile,
    actor: { actorId, role: 'system' },
    requestId: newId('job'),
    clock,
    fieldCipher() {
      cipher ??= deps.dataKeys.unwrapTenantDataKey(profile.tenantId, profile.wrappedDataKey).then((key) => createFieldCipher(profile.tenantId, key));
      return cipher;
    },
    scheduler: deps.deadlineScheduler,
    logger: deps.logger,
  };
}

export const defaultDutyDefinitions = DEFAULT_DUTY_DEFINITIONS.map(({ frequencyLabel: _label, citation: _citation, ...definition }) => definition);

/**
 * The date a tenant's default duties count from: its onboarding day (tenant time). Fixed, so the
 * duties a read shows before they are written are the ones the first write stores.
 */
export function defaultDutiesAsOf(profile: Pick<TenantRecord, 'createdAt' | 'timeZone'>): IsoDate {
  return zonedDateOf(profile.createdAt, profile.timeZone || 'Asia/Taipei');
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
