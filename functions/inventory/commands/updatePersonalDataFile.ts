/**
 * Merge-patch of a live file: given fields replace, null removes; the merged file is checked as
 * a whole, and its schema and cross-field rules are input errors (400) since the caller wrote them.
 */
import { parseMergedPersonalDataFile, type PersonalDataFile } from '../../../domain/inventory/personalDataFile';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { replaceLiveFile } from '../inventoryCommit';
import type { PersonalDataFilePatch, PersonalDataFileView } from '../inventoryModel';

function applyPatch(current: PersonalDataFile, patch: PersonalDataFilePatch): unknown {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return merged;
}

export async function updatePersonalDataFile(context: TenantCommandContext, fileId: string, patch: PersonalDataFilePatch, expectedVersion: number | undefined): Promise<PersonalDataFileView> {
  return replaceLiveFile(context, {
    fileId,
    action: 'personalDataFile.update',
    expectedVersion,
    decide: (current) => unwrap(parseMergedPersonalDataFile(applyPatch(current.file, patch))),
  });
}
