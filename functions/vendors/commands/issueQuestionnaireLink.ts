import { issueQuestionnaireToken, startFollowUpResponse, startQuestionnaireResponse, type Questionnaire, type QuestionnaireResponse } from '../../../domain/vendor/questionnaire';
import { mutationScopeOf, type TenantCommandContext } from '../../application/commandContext';
import { CommandFailure } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { putEntityWrite } from '../../store/entityModel';
import { newId } from '../../store/ids';
import type { TableRef } from '../../store/tableRef';
import { newQuestionnaireToken, publicQuestionnairePath } from '../questionnaireTokens';
import type { ResponseRecord } from '../vendorEntities';
import { TOKEN_ID_PREFIX_LENGTH, toResponseView, type CreateQuestionnaireLinkInput } from '../vendorModel';
import { currentQuestionnaire, requireResponse, requireVendor, responseItem, tokenIndexItem } from '../vendorStore';
import { vendorExistsCheck } from './vendorRules';
import { mailQuestionnaireLink, type QuestionnaireMailDeps } from './mailQuestionnaireLink';

/**
 * Starts a draft response (or a follow-up round) and issues its single-use, expiring link. The
 * secret is returned once; only its hash is stored.
 */
export async function issueQuestionnaireLink(context: TenantCommandContext, controlPlane: TableRef, vendorId: string, input: CreateQuestionnaireLinkInput, mail?: QuestionnaireMailDeps) {
  const vendor = await requireVendor(context.table, vendorId);
  const now = context.clock().toISOString();
  const responseId = newId('vqr');
  let response: QuestionnaireResponse;
  let questionnaire: Questionnaire;
  if (input.followUpOf) {
    // A follow-up round keeps the questionnaire version the vendor answered, pre-filled with its answers.
    const previous = await requireResponse(context.table, vendorId, input.followUpOf);
    const { questionnaire: snapshot, token: _t, createdAt: _c, updatedAt: _u, version: _v, ...previousResponse } = previous;
    const started = startFollowUpResponse(previousResponse, responseId);
    if (!started.ok) throw new CommandFailure({ ...started.error, field: 'followUpOf' });
    response = started.value;
    questionnaire = snapshot;
  } else {
    questionnaire = (await currentQuestionnaire(context.table, context.tenantId)).questionnaire;
    response = startQuestionnaireResponse({ id: responseId, tenantId: context.tenantId, vendorId: vendor.id, questionnaire });
  }
  const { token, tokenHash } = newQuestionnaireToken();
  const tokenRecord = issueQuestionnaireToken({ tokenId: tokenHash, responseId, vendorId: vendor.id, now, validForDays: input.validForDays });
  const record: ResponseRecord = { ...response, questionnaire, token: tokenRecord, createdAt: now, updatedAt: now, version: 1 };
  const view = toResponseView(record, now);
  const link = { responseId, vendorId: vendor.id, tokenIdPrefix: tokenHash.slice(0, TOKEN_ID_PREFIX_LENGTH), expiresAt: tokenRecord.expiresAt };
  // One transaction across the tenant table (response + audit) and the control plane (token index),
  // like API keys: the control-plane client may write both; the tenant-scoped one only the tenant's.
  await commitChange({ ...mutationScopeOf(context), doc: controlPlane.doc }, {
    changes: [{ action: 'vendorQuestionnaire.issueLink', resourceType: 'vendorQuestionnaireResponse', resourceId: responseId, before: null, after: view }],
    writes: [
      putEntityWrite(context.table.tableName, responseItem(record), null),
      { Put: { TableName: controlPlane.tableName, Item: tokenIndexItem(tokenHash, { tenantId: context.tenantId, vendorId: vendor.id, responseId, expiresAt: tokenRecord.expiresAt }), ConditionExpression: 'attribute_not_exists(pk)' } },
      vendorExistsCheck(context.table.tableName, vendor.id),
    ],
    // A replay never shows the secret again.
    response: { status: 201, body: { ...link, token: null, tokenRedacted: true, path: null } },
  }, 'create');
  // After the commit: the vendor's contact gets the link (the officer can still copy it from the answer).
  if (mail && vendor.contact?.email) {
    await mailQuestionnaireLink(mail, { tenantId: context.tenantId, companyName: context.profile.companyName, timeZone: context.profile.timeZone, vendorName: vendor.name, to: { name: vendor.contact.name, email: vendor.contact.email }, token, expiresAt: tokenRecord.expiresAt });
  }
  return { ...link, token, path: publicQuestionnairePath(token) };
}
