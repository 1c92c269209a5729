/**
 * The command context the webhook jobs act in (drain, deliver, deadline warnings): the tenant's
 * table and cipher, with the job as the actor so the audit trail shows the system did it.
 */
import type { TenantCommandContext } from '../application/commandContext';
import { createFieldCipher, type FieldCipher } from '../crypto/fieldEncryption';
import type { AppDeps } from '../http/appDeps';
import type { TenantRecord } from '../store/controlPlaneRecords';
import { newId } from '../store/ids';

export const WEBHOOK_ACTOR = 'system:webhooks';

export type WebhookDeps = Pick<AppDeps, 'clock' | 'tenantDocumentClient' | 'dataKeys' | 'deadlineScheduler' | 'logger' | 'controlPlane' | 'mailer' | 'config'>;

export async function webhookJobContext(deps: WebhookDeps, profile: TenantRecord): Promise<TenantCommandContext> {
  const doc = await deps.tenantDocumentClient(profile.tenantId);
  let cipher: Promise<FieldCipher> | undefined;
  return {
    table: { doc, tableName: profile.tableName },
    tenantId: profile.tenantId,
    profile,
    actor: { actorId: WEBHOOK_ACTOR, role: 'system' },
    requestId: newId('job'),
    clock: deps.clock,
    fieldCipher() {
      cipher ??= deps.dataKeys.unwrapTenantDataKey(profile.tenantId, profile.wrappedDataKey).then((key) => createFieldCipher(profile.tenantId, key));
      return cipher;
    },
    scheduler: deps.deadlineScheduler,
    logger: deps.logger,
  };
}

export function localModeOf(deps: Pick<AppDeps, 'config'>): boolean {
  return deps.config.webhooks?.localMode === true;
}
