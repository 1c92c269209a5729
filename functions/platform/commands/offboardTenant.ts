/**
 * Offboards a suspended tenant once the operator proves they hold the current archive: its keys
 * are revoked first (nothing authenticates against a table being deleted), then its table is
 * deleted and the tenant recorded as offboarded.
 */
import { nextTenantStatus } from '../../../domain/tenant/tenantLifecycle';
import { refuse } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import type { TenantRecord } from '../../store/controlPlaneRecords';
import { deleteTenantTable } from '../../store/tenantTableProvisioning';
import { allApiKeys, revokeApiKeyWrite } from '../../keys/apiKeyStore';
import { exportTenantTable, saveTenant } from '../tenantStore';
import { toTenantView } from '../tenantModel';
import type { PlatformCommandContext } from './platformCommandContext';
import { requireTenant } from './tenantCommands';

/** Revocations per audited transaction (each is a write and an audit event). */
const REVOCATIONS_PER_COMMIT = 25;

export async function offboardTenant(context: PlatformCommandContext, input: { tenantId: string; archiveSha256: string }) {
  const { deps, scope } = context;
  const tenant = await requireTenant(context, input.tenantId);
  if (!nextTenantStatus(tenant.status, 'offboard')) refuse('conflict', 'tenantNotSuspended', { zhTW: '只有停用中的租戶可以終止', en: 'Only a suspended tenant can be offboarded' });
  const table = { doc: await deps.tenantDocumentClient(tenant.tenantId), tableName: tenant.tableName };
  const archive = await exportTenantTable(table, tenant.tenantId, deps.clock().toISOString(), tenant.wrappedDataKey);
  if (archive.itemsSha256 !== input.archiveSha256) {
    refuse('invalid', 'archiveOutdated', { zhTW: '與目前資料不符，請重新匯出後再終止', en: 'Does not match the current data; export again before offboarding' }, { field: 'archiveSha256' });
  }
  const now = deps.clock().toISOString();
  const active = (await allApiKeys(context.controlPlane, tenant.tenantId)).filter((key) => !key.revokedAt);
  for (let i = 0; i < active.length; i += REVOCATIONS_PER_COMMIT) {
    const batch = active.slice(i, i + REVOCATIONS_PER_COMMIT);
    await commitChange(scope, {
      changes: batch.map((key) => ({ action: 'apiKey.revoke', resourceType: 'apiKey', resourceId: key.keyId, before: { revokedAt: null }, after: { revokedAt: now } })),
      writes: batch.map((key) => revokeApiKeyWrite(scope.tableName, key, now)),
    });
  }
  await deleteTenantTable(deps.dynamo, tenant.tenantId, deps.provisioning);
  const offboarded: TenantRecord = {
    ...tenant,
    status: 'offboarded',
    updatedAt: now,
    version: tenant.version + 1,
    offboarding: { archiveSha256: archive.itemsSha256, itemCount: archive.itemCount, at: now, by: scope.actor.actorId },
  };
  await saveTenant(scope, tenant, offboarded, 'tenant.offboard', [], { status: 200, body: toTenantView(offboarded) });
  return toTenantView(offboarded);
}
