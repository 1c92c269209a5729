/** The short-lived download link of complete evidence (none for a pending or rejected record). */
import type { TenantCommandContext } from '../../application/commandContext';
import type { ObjectStore } from '../../storage/objectStore';
import { objectKeyOf } from '../evidenceEntities';
import type { StoredEvidence } from '../evidenceStore';

/** Long enough to start a download, short enough that a forwarded link soon stops working. */
export const DOWNLOAD_URL_SECONDS = 5 * 60;

export async function evidenceDownload(context: Pick<TenantCommandContext, 'tenantId'>, objects: ObjectStore, record: StoredEvidence) {
  if (record.status !== 'complete') return null;
  return objects.presignDownload(objectKeyOf(context.tenantId, record.evidenceId), { expiresInSeconds: DOWNLOAD_URL_SECONDS, fileName: record.fileName });
}
