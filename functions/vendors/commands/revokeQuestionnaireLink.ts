import { revokeQuestionnaireToken } from '../../../domain/vendor/questionnaire';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import { vendorKeys, type ResponseRecord } from '../vendorEntities';
import { toResponseView } from '../vendorModel';
import { recordOf, responseItem, responseWhat } from '../vendorStore';

/** Revokes a link not yet used: the vendor's next request through it is refused (410). */
export async function revokeQuestionnaireLink(context: TenantCommandContext, vendorId: string, responseId: string, expectedVersion: number | undefined) {
  const now = context.clock().toISOString();
  const viewOf = (stored: ResponseRecord) => toResponseView(recordOf<ResponseRecord>(stored), now);
  const { after } = await commitVersionedChange<ResponseRecord>(context, {
    key: vendorKeys.response(vendorId, responseId),
    what: responseWhat,
    expectedVersion,
    apply(stored) {
      const current = recordOf<ResponseRecord>(stored);
      return { ...current, token: unwrap(revokeQuestionnaireToken(current.token, now)), updatedAt: now };
    },
    toItem: responseItem,
    audit: { action: 'vendorQuestionnaire.revokeLink', resourceType: 'vendorQuestionnaireResponse', resourceId: responseId, view: viewOf },
    response: (after) => ({ status: 200, body: viewOf(after) }),
  });
  return { view: viewOf(after), version: after.version };
}
