import type { IsoDate } from '../../../domain/shared/isoDate';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { refuse } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import type { RecordCountEntry } from '../planEntities';
import { toRecordCountView, type RecordCountView } from '../planModel';
import { loadRecordCount, recordCountWrite } from '../planStore';
import { withConcurrentChangeRefused } from './planVersionChange';

/**
 * Records the personal data records held on one day (it feeds the plan's obligations). A later
 * entry for the same day replaces the earlier one, whoever wrote it (inventory or by hand).
 */
export async function recordPersonalDataCount(
  context: TenantCommandContext,
  input: { date: IsoDate; count: number; note?: string },
): Promise<{ view: RecordCountView; replaced: boolean }> {
  if (input.date > tenantToday(context)) {
    refuse('invalid', 'RECORD_COUNT_IN_FUTURE', { zhTW: '不可登錄未來日期之筆數', en: 'A count cannot be recorded for a future day' }, { field: 'date' });
  }
  const existing = await loadRecordCount(context.table, input.date);
  const entry: RecordCountEntry & { version: number } = {
    date: input.date,
    count: input.count,
    source: 'manual',
    ...(input.note ? { note: input.note } : {}),
    recordedAt: context.clock().toISOString(),
    recordedBy: context.actor.actorId,
    version: (existing?.version ?? 0) + 1,
  };
  const view = toRecordCountView(entry);
  await withConcurrentChangeRefused(undefined, () =>
    commitChange(context, {
      changes: [{ action: existing ? 'recordCount.replace' : 'recordCount.record', resourceType: 'recordCount', resourceId: input.date, before: existing ? toRecordCountView(existing) : null, after: view }],
      writes: [recordCountWrite(context.table.tableName, entry, existing)],
      response: { status: existing ? 200 : 201, body: view },
    }),
  );
  return { view, replaced: existing !== undefined };
}
