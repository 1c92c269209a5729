import { sectorRegulationFor } from '../../../domain/plan';
import type { TenantCommandContext } from '../../application/commandContext';
import { assertVersion, refuse } from '../../application/failures';
import { commitChange } from '../../application/versionedChange';
import { describeRegulation, effectiveRegulation } from '../planEvaluation';
import type { RegulationView } from '../planModel';
import { loadSettings, settingsWrite } from '../planStore';

/**
 * Chooses the sector regulation the plan answers to: one of the in-force regulations. The
 * selection starts at revision 0 (never chosen), so the first choice sends If-Match "0".
 */
export async function selectPlanRegulation(context: TenantCommandContext, input: { pcode: string; expectedVersion: number | undefined }): Promise<{ view: RegulationView; version: number }> {
  const { pcode } = input;
  const settings = await loadSettings(context.table);
  const revision = settings?.version ?? 0;
  assertVersion(revision, input.expectedVersion);
  if (!sectorRegulationFor(pcode)) {
    refuse('invalid', 'REGULATION_NOT_IN_FORCE', { zhTW: `${pcode} 不是現行之安全維護管理辦法`, en: `${pcode} is not an in-force sector security regulation` }, { field: 'pcode' });
  }
  const before = await effectiveRegulation(context);
  const next = { regulationPcode: pcode, updatedAt: context.clock().toISOString(), updatedBy: context.actor.actorId, version: revision + 1 };
  const view = describeRegulation(pcode, 'plan', next.version);
  await commitChange(context, {
    changes: [{ action: 'plan.regulation.select', resourceType: 'planSettings', resourceId: 'regulation', before, after: view }],
    writes: [settingsWrite(context.table.tableName, next, revision)],
    response: { status: 200, body: view },
  });
  return { view, version: next.version };
}
