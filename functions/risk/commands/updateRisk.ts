/**
 * Merge-patch of a risk (status moves go through transitions): given fields replace, null
 * removes; the merged risk must pass the schema (an input error, 400) and its references.
 */
import { parseMergedRisk } from '../../../domain/risk/riskRegister';
import { mergePatch } from '../../../domain/shared/mergePatch';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { changeRisk, requireKnownReferences } from '../riskCommit';
import type { RiskPatch, RiskView } from '../riskModel';

export async function updateRisk(context: TenantCommandContext, riskId: string, patch: RiskPatch, expectedVersion: number | undefined): Promise<RiskView> {
  return changeRisk(context, {
    riskId,
    action: 'risk.update',
    expectedVersion,
    decide: async (current) => requireKnownReferences(context, unwrap(parseMergedRisk(mergePatch(current, patch)))),
  });
}
