import { saveResponseAnswers, type QuestionnaireAnswer } from '../../../domain/vendor/questionnaire';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { toPublicView } from '../vendorModel';
import { changeQuestionnaireResponse } from './questionnaireResponseChange';

/** The vendor's side (token only): the link's one response, by its ids, and who asks for it. */
export interface OpenedLink {
  vendorId: string;
  responseId: string;
  requestedBy: string;
}

/** The vendor saves draft answers; partial answers are fine until submission. */
export async function saveQuestionnaireAnswers(context: TenantCommandContext, link: OpenedLink, expectedVersion: number | undefined, answers: QuestionnaireAnswer[]) {
  const { after } = await changeQuestionnaireResponse(context, link, expectedVersion, {
    action: 'vendorQuestionnaire.saveAnswers',
    apply(current) {
      const saved = unwrap(saveResponseAnswers(current, current.questionnaire, answers));
      return { ...current, answers: saved.answers, updatedAt: context.clock().toISOString() };
    },
    auditView: (response) => ({ answers: response.answers }),
  });
  return { view: toPublicView(after, link.requestedBy), version: after.version };
}
