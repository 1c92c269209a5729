/**
 * Records one event on a data-subject request (identity check, extension, decision, fee, dispute,
 * downstream notice, communication, fulfilment, closing, withdrawal). The domain decides whether
 * the event is allowed; a fee quote must also follow the tenant's Art. 14 schedule. The decision
 * deadlines follow the change in the same commit; their reminders are moved after it.
 */
import {
  applyDataSubjectRequestEvent,
  quoteFollowsFeeSchedule,
  type DataSubjectRequestEvent,
} from '../../../domain/dataSubjectRequest/dataSubjectRequest';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import { applyDeadlineSchedules, noDeadlineChanges } from '../../reviews/chaseDeadline';
import { dataSubjectRequestKeys } from '../dataSubjectRequestEntities';
import { decisionDeadlineOwner, planDecisionDeadlines } from '../dataSubjectRequestDeadlines';
import type { DataSubjectRequestView } from '../dataSubjectRequestModel';
import {
  DATA_SUBJECT_REQUEST,
  fromRequestItem,
  loadSettings,
  requestItem,
  storedRequestView,
  type DataSubjectRequestRecord,
} from '../dataSubjectRequestStore';

export async function recordEvent(
  context: TenantCommandContext,
  requestId: string,
  event: DataSubjectRequestEvent,
  expectedVersion: number | undefined,
): Promise<{ view: DataSubjectRequestView; version: number }> {
  const now = context.clock();
  const viewOf = (record: DataSubjectRequestRecord) => storedRequestView(fromRequestItem(record), now);
  let deadlines = noDeadlineChanges();
  const { after } = await commitVersionedChange<DataSubjectRequestRecord>(context, {
    key: dataSubjectRequestKeys.request(requestId),
    what: DATA_SUBJECT_REQUEST,
    expectedVersion,
    async apply(record) {
      const stored = fromRequestItem(record);
      const settings = event.type === 'quoteFee' || event.type === 'extendDeadline' ? await loadSettings(context.table, context.profile.timeZone) : undefined;
      if (event.type === 'quoteFee') unwrap(quoteFollowsFeeSchedule(event.feeScheduleEntry, settings!.feeSchedule));
      // What counts as a written notice is the tenant's setting at the time of the notice.
      const policy = settings ? { writtenNoticeChannels: settings.writtenNoticeChannels } : {};
      const request = unwrap(applyDataSubjectRequestEvent(stored.request, event, now.toISOString(), policy));
      return requestItem({ ...stored, request, updatedAt: now.toISOString() });
    },
    toItem: (record) => record,
    audit: { action: `dataSubjectRequest.${event.type}`, resourceType: 'dataSubjectRequest', resourceId: requestId, view: viewOf },
    async related(before, after) {
      const stored = fromRequestItem(before);
      // The deadline records are signed by the staff member the event names, as the event is.
      deadlines = await planDecisionDeadlines(
        { table: context.table, tenantId: context.tenantId, actorId: event.actor, now },
        stored.request,
        fromRequestItem(after).request,
        decisionDeadlineOwner(stored),
      );
      return deadlines;
    },
    response: (record) => ({ status: 200, body: viewOf(record) }),
  });
  await applyDeadlineSchedules(context, deadlines);
  const view = viewOf(after);
  return { view, version: view.version };
}
