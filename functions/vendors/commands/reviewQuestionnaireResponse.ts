import { reviewResponse, type ResponseReviewInput } from '../../../domain/vendor/questionnaire';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import type { ResponseRecord } from '../vendorEntities';
import { toResponseView } from '../vendorModel';
import { recordOf } from '../vendorStore';
import { changeQuestionnaireResponse } from './questionnaireResponseChange';

/** The personal-data officer accepts a submitted self-assessment or asks for follow-up. */
export async function reviewQuestionnaireResponse(context: TenantCommandContext, vendorId: string, responseId: string, expectedVersion: number | undefined, input: ResponseReviewInput) {
  const now = context.clock().toISOString();
  const viewOf = (stored: ResponseRecord) => toResponseView(recordOf<ResponseRecord>(stored), now);
  const { after } = await changeQuestionnaireResponse(context, { vendorId, responseId }, expectedVersion, {
    action: 'vendorQuestionnaire.review',
    apply: (current) => ({ ...current, ...unwrap(reviewResponse(current, input, now)), updatedAt: now }),
    auditView: viewOf,
    response: (changed) => ({ status: 200, body: viewOf(changed) }),
  });
  return { view: viewOf(after), version: after.version };
}
