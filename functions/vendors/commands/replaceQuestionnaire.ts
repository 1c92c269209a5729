import { DEFAULT_QUESTIONNAIRE_ID, defaultVendorQuestionnaire } from '../../../domain/vendor/questionnaire';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { putEntityWrite } from '../../store/entityModel';
import type { TenantQuestionnaireRecord } from '../vendorEntities';
import { toQuestionnaireView, type PutQuestionnaireInput } from '../vendorModel';
import { currentQuestionnaire, questionnaireItem, TENANT_QUESTIONNAIRE_ID } from '../vendorStore';

/** Replaces the tenant's questionnaire; links already sent keep the version they were issued with. */
export async function replaceQuestionnaire(context: TenantCommandContext, expectedVersion: number | undefined, input: PutQuestionnaireInput) {
  const { questionnaire: current, stored } = await currentQuestionnaire(context.table, context.tenantId);
  assertVersion(current.version, expectedVersion);
  const next: TenantQuestionnaireRecord = {
    id: TENANT_QUESTIONNAIRE_ID,
    tenantId: context.tenantId,
    version: current.version + 1,
    title: input.title,
    derivedFrom: current.derivedFrom ?? { id: DEFAULT_QUESTIONNAIRE_ID, version: defaultVendorQuestionnaire.version },
    questions: input.questions,
    updatedAt: context.clock().toISOString(),
    updatedBy: context.actor.actorId,
  };
  const view = toQuestionnaireView(next);
  await commitChange(context, {
    changes: [{ action: 'vendorQuestionnaire.update', resourceType: 'vendorQuestionnaire', resourceId: TENANT_QUESTIONNAIRE_ID, before: toQuestionnaireView(current), after: view }],
    // The questionnaire's own version doubles as the item version (the default copy is version 1, never stored).
    writes: [putEntityWrite(context.table.tableName, questionnaireItem(next), stored ? current.version : null)],
  });
  return { view, version: next.version };
}
