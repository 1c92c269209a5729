/**
 * Replaces the tenant's data-subject request settings: the Art. 14 fee schedule, how periods
 * are counted, where marketing use must stop on an objection (Art. 20 ¶2) and which channels
 * count as written (Art. 13). They apply to requests received afterwards; a request keeps the settings it was
 * received under. Until the first save the defaults stand as version 0.
 */
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import type { SettingsInput } from '../dataSubjectRequestModel';
import { loadSettings, settingsView, settingsWrite, type SettingsView, type StoredSettings } from '../dataSubjectRequestStore';

export async function updateSettings(
  context: TenantCommandContext,
  input: SettingsInput,
  expectedVersion: number | undefined,
): Promise<{ view: SettingsView; version: number }> {
  const current = await loadSettings(context.table, context.profile.timeZone);
  assertVersion(current.version, expectedVersion);
  const next: StoredSettings = {
    feeSchedule: input.feeSchedule,
    periodSettings: input.periodSettings,
    marketingStopTargets: input.marketingStopTargets,
    writtenNoticeChannels: input.writtenNoticeChannels,
    updatedAt: context.clock().toISOString(),
    updatedBy: context.actor.actorId,
    version: current.version + 1,
  };
  const view = settingsView(next);
  await commitChange(context, {
    changes: [{ action: 'dataSubjectRequestSettings.update', resourceType: 'dataSubjectRequestSettings', resourceId: 'settings', before: settingsView(current), after: view }],
    writes: [settingsWrite(context.table.tableName, next, current.version)],
  }, 'update');
  return { view, version: next.version };
}
