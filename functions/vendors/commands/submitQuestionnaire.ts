import { markTokenSubmitted, submitResponse } from '../../../domain/vendor/questionnaire';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { toPublicView } from '../vendorModel';
import { changeQuestionnaireResponse } from './questionnaireResponseChange';
import type { OpenedLink } from './saveQuestionnaireAnswers';

/**
 * The vendor submits: the answers lock and the link closes in one conditional write on the one
 * item, so a second submit (or a replayed token) finds the response no longer a draft.
 */
export async function submitQuestionnaire(context: TenantCommandContext, link: OpenedLink, expectedVersion: number | undefined) {
  const now = context.clock().toISOString();
  const { after } = await changeQuestionnaireResponse(context, link, expectedVersion, {
    action: 'vendorQuestionnaire.submit',
    apply(current) {
      const submitted = unwrap(submitResponse(current, current.questionnaire, now));
      const token = unwrap(markTokenSubmitted(current.token, now));
      return { ...current, ...submitted, token, updatedAt: now };
    },
    auditView: (response) => (response.submittedAt ? { status: response.status, submittedAt: response.submittedAt } : { status: response.status }),
  });
  return { view: toPublicView(after, link.requestedBy), version: after.version };
}
