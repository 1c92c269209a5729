/** Registers a risk in the register. */
import type { Risk } from '../../../domain/risk/riskRegister';
import { tenantToday, type TenantCommandContext } from '../../application/commandContext';
import { commitChange } from '../../application/versionedChange';
import { requireKnownReferences } from '../riskCommit';
import { toRiskView, type RiskView } from '../riskModel';
import { putRiskWrite, type RiskRecord } from '../riskStore';

export async function createRisk(context: TenantCommandContext, input: Risk): Promise<RiskView> {
  const risk = await requireKnownReferences(context, input);
  const now = context.clock().toISOString();
  const record: RiskRecord = { risk, version: 1, createdAt: now, updatedAt: now };
  const view = toRiskView(record, tenantToday(context));
  await commitChange(
    context,
    {
      changes: [{ action: 'risk.create', resourceType: 'risk', resourceId: risk.id, before: null, after: risk }],
      writes: [putRiskWrite(context.table.tableName, record, null)],
      response: { status: 201, body: view },
    },
    'create',
  );
  return view;
}
