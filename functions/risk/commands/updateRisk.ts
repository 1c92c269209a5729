/**
 * Merge-patch of a risk (status moves go through transitions): given fields replace, null
 * removes; the merged risk must pass the schema (an input error, 400) and its references.
 */
import { parseMergedRisk, type Risk } from '../../../domain/risk/riskRegister';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { changeRisk, requireKnownReferences } from '../riskCommit';
import type { RiskPatch, RiskView } from '../riskModel';

function applyPatch(current: Risk, patch: RiskPatch): unknown {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return merged;
}

export async function updateRisk(context: TenantCommandContext, riskId: string, patch: RiskPatch, expectedVersion: number | undefined): Promise<RiskView> {
  return changeRisk(context, {
    riskId,
    action: 'risk.update',
    expectedVersion,
    decide: async (current) => requireKnownReferences(context, unwrap(parseMergedRisk(applyPatch(current, patch)))),
  });
}
