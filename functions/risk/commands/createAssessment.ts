/** Makes a dated risk assessment: the value A+B+C of each file in scope and the risks on it. */
import { buildAssessment } from '../../../domain/risk/assessment';
import type { TenantCommandContext } from '../../application/commandContext';
import { refuse, unwrap } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { loadCodeLists, loadLiveFiles } from '../../inventory/inventoryStore';
import { putEntityWrite } from '../../store/entityModel';
import { newId } from '../../store/ids';
import { toAssessmentView, type AssessmentView, type CreateAssessmentRequest } from '../riskModel';
import { assessmentItem, loadAllRisks, type AssessmentRecord } from '../riskStore';

// A snapshot item must stay under DynamoDB's 400 KB item limit; refuse politely instead of failing.
const MAX_ASSESSMENT_BYTES = 350_000;

export async function createAssessment(context: TenantCommandContext, input: CreateAssessmentRequest): Promise<AssessmentView> {
  const { table } = context;
  const [files, risks, codeLists] = await Promise.all([loadLiveFiles(table), loadAllRisks(table), loadCodeLists(table)]);
  // Default scope: every file of the inventory that still holds data.
  const scopeFileIds = input.scopeFileIds ?? files.filter((f) => f.status !== 'deleted').map((f) => f.id);
  if (scopeFileIds.length === 0) refuse('forbiddenByRule', 'emptyInventory', { zhTW: '盤點清冊沒有可評估的個資檔案', en: 'The inventory has no file to assess' });
  const now = context.clock();
  const assessment = unwrap(buildAssessment(newId('ras', now.getTime()), { ...input, scopeFileIds }, files, risks, codeLists));
  const record: AssessmentRecord = { assessment, version: 1, createdAt: now.toISOString(), createdBy: context.actor.actorId };
  const item = assessmentItem(record);
  if (Buffer.byteLength(JSON.stringify(item)) > MAX_ASSESSMENT_BYTES)
    refuse('invalid', 'assessmentTooLarge', { zhTW: '評估範圍過大，請分次評估', en: 'The assessment is too large; assess fewer files at a time' });
  const view = toAssessmentView(record);
  await commitChange(
    context,
    {
      changes: [{ action: 'riskAssessment.create', resourceType: 'riskAssessment', resourceId: assessment.id, before: null, after: assessment }],
      writes: [putEntityWrite(table.tableName, item, null)],
      response: { status: 201, body: view },
    },
    'create',
  );
  return view;
}
