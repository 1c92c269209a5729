/** The one way a questionnaire response record changes: versioned, audited, by its ids. */
import type { TenantCommandContext } from '../../application/commandContext';
import { commitVersionedChange } from '../../application/versionedChange';
import { vendorKeys, type ResponseRecord } from '../vendorEntities';
import { recordOf, responseItem, responseWhat } from '../vendorStore';

export interface ResponseChange {
  action: string;
  apply(current: ResponseRecord): ResponseRecord;
  auditView(response: ResponseRecord): unknown;
  response?(after: ResponseRecord): { status: number; body: unknown };
}

export function changeQuestionnaireResponse(
  context: TenantCommandContext,
  ids: { vendorId: string; responseId: string },
  expectedVersion: number | undefined,
  change: ResponseChange,
) {
  return commitVersionedChange<ResponseRecord>(context, {
    key: vendorKeys.response(ids.vendorId, ids.responseId),
    what: responseWhat,
    expectedVersion,
    apply: (stored) => change.apply(recordOf<ResponseRecord>(stored)),
    toItem: responseItem,
    audit: { action: change.action, resourceType: 'vendorQuestionnaireResponse', resourceId: ids.responseId, view: change.auditView },
    response: change.response,
  });
}
