/** Onboards a tenant: its record and 統一編號 claim, its data key, then its own table. */
import { z } from '@hono/zod-openapi';
import { AlreadyExistsError, refuse } from '../../application/failures';
import type { TenantRecord } from '../../store/controlPlaneRecords';
import { newId } from '../../store/ids';
import { tenantTableName } from '../../store/tableDesign';
import { claimTaxIdWrite, saveTenant } from '../tenantStore';
import { createTenantSchema, sectorDefaults, toTenantView } from '../tenantModel';
import type { PlatformCommandContext } from './platformCommandContext';
import { provisionAndActivate } from './tenantCommands';

export async function onboardTenant(context: PlatformCommandContext, input: z.infer<typeof createTenantSchema>) {
  const { deps } = context;
  const now = deps.clock().toISOString();
  const tenantId = newId('tn');
  const { wrappedKey } = await deps.dataKeys.createTenantDataKey(tenantId);
  const record: TenantRecord = {
    tenantId,
    companyName: input.companyName,
    taxId: input.taxId,
    sector: input.sector,
    ...sectorDefaults(input.sector),
    paidInCapital: input.paidInCapital,
    personalDataRecordCount: input.personalDataRecordCount,
    contact: input.contact,
    timeZone: input.timeZone,
    locale: input.locale,
    status: 'provisioning',
    tableName: tenantTableName(deps.provisioning.tenantTablePrefix, tenantId),
    wrappedDataKey: wrappedKey,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  try {
    await saveTenant(context.scope, null, record, 'tenant.create', [claimTaxIdWrite(context.controlPlane.tableName, record.taxId, tenantId)]);
  } catch (error) {
    // The tenant id is new: only the 統一編號 claim can already exist.
    if (error instanceof AlreadyExistsError) {
      refuse('conflict', 'taxIdTaken', { zhTW: '此統一編號已有租戶', en: 'A tenant with this business number exists' }, { field: 'taxId' });
    }
    throw error;
  }
  const active = await provisionAndActivate(context, record, 201);
  return { view: toTenantView(active), version: active.version };
}
