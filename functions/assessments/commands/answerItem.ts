/** Records the answer to one item (result, notes, evidence references, who and when); refused once signed off. */
import { answerItem as recordAnswer, catalogById } from '../../../domain/assessment';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import { assessmentKeys } from '../assessmentEntities';
import { toAssessmentView, type AnswerBody } from '../assessmentModel';
import { ASSESSMENT_WHAT, assessmentItem, type StoredAssessment } from '../assessmentStore';

export async function answerItem(context: TenantCommandContext, assessmentId: string, itemNumber: string, answer: AnswerBody, expectedVersion: number | undefined) {
  const now = context.clock().toISOString();
  let view: ReturnType<typeof toAssessmentView> | undefined;
  const { after } = await commitVersionedChange<StoredAssessment>(context, {
    key: assessmentKeys.assessment(assessmentId),
    what: ASSESSMENT_WHAT,
    expectedVersion,
    apply(current) {
      const catalog = unwrap(catalogById(current.catalogId));
      const next = unwrap(recordAnswer(current, catalog, { itemNumber, ...answer }, { userId: context.actor.actorId, at: now }));
      return { ...current, ...next, updatedAt: now };
    },
    toItem: assessmentItem,
    audit: { action: 'complianceAssessment.answer', resourceType: 'complianceAssessment', resourceId: assessmentId, view: (a) => ({ itemNumber, answer: a.answers[itemNumber] ?? null, status: a.status }) },
    response: (a) => ({ status: 200, body: (view = toAssessmentView(a, unwrap(catalogById(a.catalogId)))) }),
  });
  return { view: view ?? toAssessmentView(after, unwrap(catalogById(after.catalogId))), version: after.version };
}
