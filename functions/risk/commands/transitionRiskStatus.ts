/** Moves a risk to a new status by the register's rules (domain/risk/riskRegister.ts). */
import { transitionRisk, type RiskTransition } from '../../../domain/risk/riskRegister';
import type { TenantCommandContext } from '../../application/commandContext';
import { unwrap } from '../../application/failures';
import { changeRisk } from '../riskCommit';
import type { RiskView } from '../riskModel';

export async function transitionRiskStatus(context: TenantCommandContext, riskId: string, transition: RiskTransition, expectedVersion: number | undefined): Promise<RiskView> {
  return changeRisk(context, {
    riskId,
    action: `risk.transition.${transition.to}`,
    expectedVersion,
    decide: (current) => unwrap(transitionRisk(current, transition)),
  });
}
