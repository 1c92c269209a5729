import { reviewResponse, type ResponseReviewInput } from '../../../domain/vendor/questionnaire';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import { vendorKeys, type ResponseRecord } from '../vendorEntities';
import { toResponseView } from '../vendorModel';
import { recordOf, responseItem, responseWhat } from '../vendorStore';

/** The personal-data officer accepts a submitted self-assessment or asks for follow-up. */
export async function reviewQuestionnaireResponse(context: TenantCommandContext, vendorId: string, responseId: string, expectedVersion: number | undefined, input: ResponseReviewInput) {
  const now = context.clock().toISOString();
  const viewOf = (stored: ResponseRecord) => toResponseView(recordOf<ResponseRecord>(stored), now);
  const { after } = await commitVersionedChange<ResponseRecord>(context, {
    key: vendorKeys.response(vendorId, responseId),
    what: responseWhat,
    expectedVersion,
    apply(stored) {
      const current = recordOf<ResponseRecord>(stored);
      return { ...current, ...unwrap(reviewResponse(current, input, now)), updatedAt: now };
    },
    toItem: responseItem,
    audit: { action: 'vendorQuestionnaire.review', resourceType: 'vendorQuestionnaireResponse', resourceId: responseId, view: viewOf },
    response: (after) => ({ status: 200, body: viewOf(after) }),
  });
  return { view: viewOf(after), version: after.version };
}
