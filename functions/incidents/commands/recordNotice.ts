/** Records a notice sent to data subjects or customers (all five contents required). */
import { notInFuture, recordNotice as noticeRecorded, type NoticeInput } from '../../../domain/incident';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { newId } from '../../store/ids';
import { toNoticeView } from '../incidentModel';
import { incidentWrite, nextStoredIncident, noticeWrite, requireIncident } from '../incidentStore';
import { unwrapIncident } from './incidentRefusals';

export async function recordNotice(context: TenantCommandContext, incidentId: string, input: NoticeInput, expectedVersion: number | undefined) {
  const loaded = await requireIncident(context.table, incidentId);
  assertVersion(loaded.stored.version, expectedVersion);
  const at = context.clock();
  unwrapIncident(notInFuture(input.sentAt, at, 'sentAt'));
  const next = unwrapIncident(noticeRecorded(loaded.incident, input, newId('ntc', at.getTime())), 'sentAt');
  const notice = { ...next.notices[next.notices.length - 1]!, version: 1 };
  const stored = nextStoredIncident(loaded.stored, next, at.toISOString());
  const view = toNoticeView(notice);
  await commitChange(context, {
    // The notice's recipients are counted, never named; the content is the organisation's text.
    changes: [{ action: 'incident.recordNotice', resourceType: 'incident', resourceId: next.id, before: loaded.stored, after: { ...stored, noticeId: notice.id } }],
    writes: [incidentWrite(context.table.tableName, stored, loaded.stored.version), noticeWrite(context.table.tableName, next.id, notice)],
    response: { status: 201, body: view },
  });
  return { view };
}
