/**
 * Merge-patch of a live file: given fields replace, null removes; the merged file is checked as
 * a whole, and its schema and cross-field rules are input errors (400) since the caller wrote them.
 */
import { parseMergedPersonalDataFile } from '../../../domain/inventory/personalDataFile';
import { mergePatch } from '../../../domain/shared/mergePatch';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { replaceLiveFile } from '../inventoryCommit';
import type { PersonalDataFilePatch, PersonalDataFileView } from '../inventoryModel';

export async function updatePersonalDataFile(context: TenantCommandContext, fileId: string, patch: PersonalDataFilePatch, expectedVersion: number | undefined): Promise<PersonalDataFileView> {
  return replaceLiveFile(context, {
    fileId,
    action: 'personalDataFile.update',
    expectedVersion,
    decide: (current) => unwrap(parseMergedPersonalDataFile(mergePatch(current.file, patch))),
  });
}
