/**
 * Signs an assessment off and locks it. The signer acknowledges the consistency warnings (checked
 * against the tenant's other records); the sign-off completes the catalog's assessment duty and
 * sets the next one from the audit cycle.
 */
import { catalogById, signOff } from '../../../domain/assessment';
import type { TenantCommandContext } from '../../application/commandContext';
import { tenantToday } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import { noDeadlineChanges } from '../../reviews/chaseDeadline';
import { assessmentSignedOffDeadline } from '../assessmentDeadlines';
import { assessmentKeys } from '../assessmentEntities';
import { recordFactsFor } from '../assessmentFacts';
import { toAssessmentView } from '../assessmentModel';
import { ASSESSMENT_WHAT, assessmentItem, type StoredAssessment } from '../assessmentStore';

export async function signOffAssessment(context: TenantCommandContext, assessmentId: string, input: { acknowledgeWarnings: boolean }, expectedVersion: number | undefined) {
  const now = context.clock().toISOString();
  const facts = await recordFactsFor(context, assessmentId);
  let deadline = noDeadlineChanges();
  const { after } = await commitVersionedChange<StoredAssessment>(context, {
    key: assessmentKeys.assessment(assessmentId),
    what: ASSESSMENT_WHAT,
    expectedVersion,
    apply(current) {
      const catalog = unwrap(catalogById(current.catalogId));
      return { ...current, ...unwrap(signOff(current, catalog, { by: context.actor.actorId, at: now, acknowledgeWarnings: input.acknowledgeWarnings, facts })), updatedAt: now };
    },
    toItem: assessmentItem,
    audit: { action: 'complianceAssessment.signOff', resourceType: 'complianceAssessment', resourceId: assessmentId, view: (a) => ({ status: a.status, signedOff: a.signedOff ?? null }) },
    async related(_before, signed) {
      const catalog = unwrap(catalogById(signed.catalogId));
      deadline = (await assessmentSignedOffDeadline(context, signed, catalog.title.zhTW, { by: context.actor.actorId, at: now, on: tenantToday(context) })).changes;
      return deadline;
    },
    response: (a) => ({ status: 200, body: toAssessmentView(a, unwrap(catalogById(a.catalogId))) }),
  });
  return { view: toAssessmentView(after, unwrap(catalogById(after.catalogId))), version: after.version };
}
