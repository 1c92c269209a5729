import { revokeQuestionnaireToken } from '../../../domain/vendor/questionnaire';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import type { ResponseRecord } from '../vendorEntities';
import { toResponseView } from '../vendorModel';
import { recordOf } from '../vendorStore';
import { changeQuestionnaireResponse } from './questionnaireResponseChange';

/** Revokes a link not yet used: the vendor's next request through it is refused (410). */
export async function revokeQuestionnaireLink(context: TenantCommandContext, vendorId: string, responseId: string, expectedVersion: number | undefined) {
  const now = context.clock().toISOString();
  const viewOf = (stored: ResponseRecord) => toResponseView(recordOf<ResponseRecord>(stored), now);
  const { after } = await changeQuestionnaireResponse(context, { vendorId, responseId }, expectedVersion, {
    action: 'vendorQuestionnaire.revokeLink',
    apply: (current) => ({ ...current, token: unwrap(revokeQuestionnaireToken(current.token, now)), updatedAt: now }),
    auditView: viewOf,
    response: (changed) => ({ status: 200, body: viewOf(changed) }),
  });
  return { view: viewOf(after), version: after.version };
}
