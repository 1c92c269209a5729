import { saveResponseAnswers, type QuestionnaireAnswer } from '../../../domain/vendor/questionnaire';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import { vendorKeys, type ResponseRecord } from '../vendorEntities';
import { toPublicView } from '../vendorModel';
import { recordOf, responseItem, responseWhat } from '../vendorStore';

/** The vendor's side (token only): the link's one response, by its ids, and who asks for it. */
export interface OpenedLink {
  vendorId: string;
  responseId: string;
  requestedBy: string;
}

/** The vendor saves draft answers; partial answers are fine until submission. */
export async function saveQuestionnaireAnswers(context: TenantCommandContext, link: OpenedLink, expectedVersion: number | undefined, answers: QuestionnaireAnswer[]) {
  const { after } = await commitVersionedChange<ResponseRecord>(context, {
    key: vendorKeys.response(link.vendorId, link.responseId),
    what: responseWhat,
    expectedVersion,
    apply(stored) {
      const current = recordOf<ResponseRecord>(stored);
      const saved = unwrap(saveResponseAnswers(current, current.questionnaire, answers));
      return { ...current, answers: saved.answers, updatedAt: context.clock().toISOString() };
    },
    toItem: responseItem,
    audit: { action: 'vendorQuestionnaire.saveAnswers', resourceType: 'vendorQuestionnaireResponse', resourceId: link.responseId, view: (response) => ({ answers: response.answers }) },
  });
  return { view: toPublicView(after, link.requestedBy), version: after.version };
}
