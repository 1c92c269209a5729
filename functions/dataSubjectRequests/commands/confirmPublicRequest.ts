/**
 * The person opens the one-time link: the data-subject request is created now (received time =
 * confirmation time), through the same create command as every other intake (deadlines from the
 * tenant's settings, requester sealed, case number, duties chased). In the same transaction the
 * link is spent and the identity check is recorded as STARTED — a confirmed e-mail address is not
 * a verified identity. The answer is the case number, the statutory decision date and a status link.
 */
import { confirm, IDENTITY_CHECK_STARTED_BY, publicCaseStatus, requestInputOf, statusLinkExpiry } from '../../../domain/dataSubjectRequest/publicIntake';
import { requestTypeNames } from '../../../domain/dataSubjectRequest/requestTypes';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import type { AppDeps } from '../../http/appDeps';
import { putEntityWrite } from '../../store/entityModel';
import type { TableRef } from '../../store/tableRef';
import { requireStoredRequest } from '../dataSubjectRequestStore';
import type { CreateDataSubjectRequestInput } from '../dataSubjectRequestModel';
import { mailCaseReceived, publicPageUrl } from '../publicIntakeMail';
import { publicStatusPath, toPublicCaseStatusView } from '../publicIntakeModel';
import { findSubmission, linkIndexWrite, newLinkSecret, submissionItem, unsealSubmission, type SubmissionRecord } from '../publicIntakeStore';
import { createDataSubjectRequest } from './createDataSubjectRequest';

export const publicStatusPagePath = (secret: string) => `/p/request-status/${secret}`;

export async function confirmPublicRequest(
  context: TenantCommandContext,
  deps: Pick<AppDeps, 'mailer' | 'clock' | 'logger' | 'config'> & { controlPlane: TableRef },
  submission: SubmissionRecord,
) {
  const now = context.clock().toISOString();
  // Used or expired: the domain says which (→ 410 with that reason).
  unwrap(confirm(submission, now));
  const cipher = await context.fieldCipher();
  const contact = unsealSubmission(cipher, submission.id, submission.sealed);
  const input = requestInputOf({ right: submission.right, preferredLocale: submission.preferredLocale, name: contact.name, email: contact.email, ...(contact.details ? { details: contact.details } : {}) });
  const status = newLinkSecret('status');
  const statusExpiresAt = statusLinkExpiry(now);
  const { view } = await createDataSubjectRequest(context, input as CreateDataSubjectRequestInput, {
    events: [{ type: 'startIdentityVerification', actor: IDENTITY_CHECK_STARTED_BY }],
    related: (request) => {
      const confirmed: SubmissionRecord = { ...submission, confirmedAt: now, requestId: request.id, caseNumber: request.caseNumber, statusHash: status.hash, statusExpiresAt, version: submission.version + 1 };
      return {
        // The conditional write on the submission's version is what makes the link single-use under a race.
        writes: [
          putEntityWrite(context.table.tableName, submissionItem(confirmed), submission.version),
          linkIndexWrite(deps.controlPlane.tableName, status.hash, { tenantId: context.tenantId, purpose: 'status', submissionId: submission.id, expiresAt: statusExpiresAt }),
        ],
        changes: [{ action: 'dataSubjectRequestIntake.confirm', resourceType: 'dataSubjectRequestIntake', resourceId: submission.id, before: { confirmedAt: null }, after: { confirmedAt: now, dataSubjectRequestId: request.id } }],
      };
    },
    commitDoc: deps.controlPlane.doc,
    // Opened twice at once: the other click used the link; this one is told so (410).
    explainConflict: async () => {
      const current = await findSubmission(context.table, submission.id);
      if (current) unwrap(confirm(current, now));
    },
  });
  const stored = await requireStoredRequest(context.table, view.id);
  const caseStatus = toPublicCaseStatusView(publicCaseStatus(stored.request), context.profile.companyName, (right) => requestTypeNames[right]);
  const item = caseStatus.items[0]!;
  await mailCaseReceived(deps, {
    tenantId: context.tenantId,
    companyName: context.profile.companyName,
    timeZone: context.profile.timeZone,
    to: { name: contact.name, email: contact.email },
    caseNumber: caseStatus.caseNumber,
    right: item.right,
    decisionDueDate: item.decisionDueDate,
    immediate: item.immediate,
    link: publicPageUrl(deps.config.consoleBaseUrl, publicStatusPagePath(status.secret)),
  });
  return { ...caseStatus, identityCheck: 'started' as const, statusToken: status.secret, statusPath: publicStatusPath(status.secret) };
}
