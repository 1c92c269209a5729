/**
 * A person files a request through the tenant's public form. Nothing is received yet: the contact
 * data is sealed and kept with a one-time confirmation secret (only its SHA-256 stored), and the
 * link is e-mailed to the address given. The answer is the same for every address, so the form
 * tells no one whether a person already has requests.
 */
import { confirmationExpiry, type PublicSubmission } from '../../../domain/dataSubjectRequest/publicIntake';
import { mutationScopeOf, type TenantCommandContext } from '../../application/commandContext';
import { commitChange } from '../../application/versionedChange';
import type { AppDeps } from '../../http/appDeps';
import { putEntityWrite } from '../../store/entityModel';
import { newId } from '../../store/ids';
import type { TableRef } from '../../store/tableRef';
import { mailConfirmationLink, publicPageUrl } from '../publicIntakeMail';
import { submissionAccepted } from '../publicIntakeModel';
import { linkIndexWrite, newLinkSecret, sealSubmission, submissionItem, type SubmissionRecord } from '../publicIntakeStore';
import { CONFIRMATION_VALID_HOURS } from '../../../domain/dataSubjectRequest/publicIntake';

export const publicConfirmationPagePath = (secret: string) => `/p/request-confirmations/${secret}`;

export async function submitPublicRequest(
  context: TenantCommandContext,
  deps: Pick<AppDeps, 'mailer' | 'clock' | 'logger' | 'config'> & { controlPlane: TableRef },
  submission: PublicSubmission,
) {
  const now = context.clock().toISOString();
  const submissionId = newId('dsi', context.clock().getTime());
  const { secret, hash } = newLinkSecret('confirmation');
  const cipher = await context.fieldCipher();
  const record: SubmissionRecord = {
    id: submissionId,
    right: submission.right,
    preferredLocale: submission.preferredLocale,
    sealed: sealSubmission(cipher, submissionId, { name: submission.name, email: submission.email, ...(submission.details ? { details: submission.details } : {}) }),
    submittedAt: now,
    confirmationHash: hash,
    expiresAt: confirmationExpiry(now),
    version: 1,
  };
  // One transaction across the tenant table (submission + audit) and the control plane (link row).
  await commitChange({ ...mutationScopeOf(context), doc: deps.controlPlane.doc }, {
    // The audit names the right and the expiry only: contact data stays sealed in the submission.
    changes: [{ action: 'dataSubjectRequestIntake.submit', resourceType: 'dataSubjectRequestIntake', resourceId: submissionId, before: null, after: { right: record.right, expiresAt: record.expiresAt } }],
    writes: [
      putEntityWrite(context.table.tableName, submissionItem(record), null),
      linkIndexWrite(deps.controlPlane.tableName, hash, { tenantId: context.tenantId, purpose: 'confirmation', submissionId, expiresAt: record.expiresAt }),
    ],
    response: { status: 202, body: submissionAccepted },
  }, 'create');
  await mailConfirmationLink(deps, {
    tenantId: context.tenantId,
    companyName: context.profile.companyName,
    timeZone: context.profile.timeZone,
    to: { name: submission.name, email: submission.email },
    right: submission.right,
    link: publicPageUrl(deps.config.consoleBaseUrl, publicConfirmationPagePath(secret)),
    validHours: CONFIRMATION_VALID_HOURS,
  });
  return submissionAccepted;
}
