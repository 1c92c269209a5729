/** Records an Art. 11 ¶3 decision (delete, stop, keep) on a file whose purpose ended or retention expired. */
import { applyPurposeReview } from '../../../domain/inventory/purposeReview';
import type { PurposeReviewDecision } from '../../../domain/inventory/purposeReviewDecision';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { replaceLiveFile } from '../inventoryCommit';
import type { PersonalDataFileView, PurposeReviewRequest } from '../inventoryModel';

export async function recordPurposeReview(context: TenantCommandContext, fileId: string, input: PurposeReviewRequest, expectedVersion: number | undefined): Promise<PersonalDataFileView> {
  // Defaults: decided today (the tenant's calendar) by the caller.
  const decidedOn = input.decidedOn ?? tenantToday(context);
  const decidedBy = input.decidedBy ?? context.actor.actorId;
  const decision: PurposeReviewDecision =
    input.decision === 'keep'
      ? { decision: 'keep', decidedOn, decidedBy, reasonCategory: input.reasonCategory!, reason: input.reason!, ...(input.reviewAgainOn ? { reviewAgainOn: input.reviewAgainOn } : {}) }
      : { decision: input.decision, decidedOn, decidedBy, ...(input.reason ? { note: input.reason } : {}) };
  return replaceLiveFile(context, {
    fileId,
    action: 'personalDataFile.purposeReview',
    expectedVersion,
    decide: (current) => unwrap(applyPurposeReview(current.file, decision)),
  });
}
