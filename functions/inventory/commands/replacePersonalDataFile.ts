/** Replaces a live file as a whole (PUT); ids never change. */
import type { PersonalDataFile } from '../../../domain/inventory/personalDataFile';
import type { TenantCommandContext } from '../../application/commandContext';
import { refuse } from '../../application/failures';
import { replaceLiveFile } from '../inventoryCommit';
import type { PersonalDataFileView } from '../inventoryModel';

export async function replacePersonalDataFile(context: TenantCommandContext, fileId: string, file: PersonalDataFile, expectedVersion: number | undefined): Promise<PersonalDataFileView> {
  if (file.id !== fileId)
    refuse('invalidInput', 'personalDataFileIdChanged', { zhTW: '編號須與路徑相同（編號不可變更）', en: 'The id must match the path (ids do not change)' }, { field: 'id' });
  return replaceLiveFile(context, { fileId, action: 'personalDataFile.replace', expectedVersion, decide: () => file });
}
