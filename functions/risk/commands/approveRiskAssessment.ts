/** The officer signs an assessment off, once, on or after its date. */
import { approveAssessment, type AssessmentApproval } from '../../../domain/risk/assessment';
import type { TenantCommandContext } from '../../application/commandContext';
import { refuse, unwrap } from '../../application/failures';
import { commitVersionedChange } from '../../application/versionedChange';
import { riskKeys } from '../riskEntities';
import { toAssessmentView, type AssessmentView } from '../riskModel';
import { assessmentItem, assessmentRecordOf, assessmentWhat } from '../riskStore';

type AssessmentItem = ReturnType<typeof assessmentItem>;

export async function approveRiskAssessment(context: TenantCommandContext, assessmentId: string, approval: AssessmentApproval, expectedVersion: number | undefined): Promise<AssessmentView> {
  const { after } = await commitVersionedChange<AssessmentItem>(context, {
    key: riskKeys.assessment(assessmentId),
    what: assessmentWhat,
    expectedVersion,
    apply: (current) => {
      const record = assessmentRecordOf(current);
      // Checked before the approval itself, with the API's long-standing wording.
      if (record.assessment.approval) refuse('conflict', 'assessmentAlreadyApproved', { zhTW: '此評估已核定', en: 'The assessment is already approved' });
      return assessmentItem({ ...record, assessment: unwrap(approveAssessment(record.assessment, approval)) });
    },
    toItem: (item) => assessmentItem(assessmentRecordOf(item)),
    audit: { action: 'riskAssessment.approve', resourceType: 'riskAssessment', resourceId: assessmentId, view: (item) => item.assessment.approval ?? null },
    response: (item) => ({ status: 200, body: toAssessmentView(assessmentRecordOf(item)) }),
  });
  return toAssessmentView(assessmentRecordOf(after));
}
