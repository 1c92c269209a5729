/**
 * Replaces the tenant's data-subject request settings: the Art. 14 fee schedule, how periods
 * are counted, where marketing use must stop on an objection (Art. 20 ¶2) and which channels
 * count as written (Art. 13). They apply to requests received afterwards; a request keeps the settings it was
 * received under. Until the first save the defaults stand as version 0.
 */
import { mutationScopeOf, type TenantCommandContext } from '../../application/commandContext';
import { assertVersion, refuse } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import type { TransactItem } from '../../store/auditedCommit';
import type { TableRef } from '../../store/tableRef';
import type { SettingsInput } from '../dataSubjectRequestModel';
import { loadSettings, settingsView, settingsWrite, type SettingsView, type StoredSettings } from '../dataSubjectRequestStore';
import { findFormTenant, formIndexDelete, formIndexWrite } from '../publicIntakeStore';

export async function updateSettings(
  context: TenantCommandContext,
  input: SettingsInput,
  expectedVersion: number | undefined,
  /** The control plane, where the public form's slug is claimed (unique across tenants). */
  controlPlane?: TableRef,
): Promise<{ view: SettingsView; version: number }> {
  const current = await loadSettings(context.table, context.profile.timeZone);
  assertVersion(current.version, expectedVersion);
  const next: StoredSettings = {
    feeSchedule: input.feeSchedule,
    periodSettings: input.periodSettings,
    marketingStopTargets: input.marketingStopTargets,
    writtenNoticeChannels: input.writtenNoticeChannels,
    publicRequestForm: input.publicRequestForm,
    updatedAt: context.clock().toISOString(),
    updatedBy: context.actor.actorId,
    version: current.version + 1,
  };
  const view = settingsView(next);
  const formWrites = controlPlane ? await publicFormSlugWrites(context, controlPlane, current.publicRequestForm.slug, next.publicRequestForm.slug) : [];
  // The slug row lives in the control plane, so the commit goes through its client (as questionnaire links do).
  await commitChange(formWrites.length && controlPlane ? { ...mutationScopeOf(context), doc: controlPlane.doc } : context, {
    changes: [{ action: 'dataSubjectRequestSettings.update', resourceType: 'dataSubjectRequestSettings', resourceId: 'settings', before: settingsView(current), after: view }],
    writes: [settingsWrite(context.table.tableName, next, current.version), ...formWrites],
  }, 'update');
  return { view, version: next.version };
}

/**
 * The slug is claimed in the control plane so a public URL finds its tenant; another tenant's slug
 * is refused here (409), and the transaction's condition catches the race.
 */
async function publicFormSlugWrites(context: TenantCommandContext, controlPlane: TableRef, before: string | null, after: string | null): Promise<TransactItem[]> {
  if (before === after) return [];
  if (after) {
    const holder = await findFormTenant(controlPlane, after);
    if (holder && holder.tenantId !== context.tenantId) {
      refuse('conflict', 'REQUEST_FORM_SLUG_TAKEN', { zhTW: '此表單網址代稱已被使用，請另選一個', en: 'This form slug is taken; choose another' }, { field: 'publicRequestForm.slug' });
    }
  }
  return [
    ...(before ? [formIndexDelete(controlPlane.tableName, before, context.tenantId)] : []),
    ...(after ? [formIndexWrite(controlPlane.tableName, after, context.tenantId)] : []),
  ];
}
