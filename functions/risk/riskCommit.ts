/** What the risk register's commands share: the reference check and the versioned change of one risk. */
import { checkRiskReferences, type Risk } from '../../domain/risk/riskRegister';
import { tenantToday, type TenantCommandContext } from '../application/commandContext';
import { unwrap } from '../application/failures';
import { commitVersionedChange } from '../application/versionedChange';
import { loadLiveFiles } from '../inventory/inventoryStore';
import { riskKeys } from './riskEntities';
import { toRiskView, type RiskView } from './riskModel';
import { loadRiskLibrary, riskItem, riskRecordOf, riskWhat, type RiskItem } from './riskStore';

/** The risk's library entries exist and fit its context; its files are in the inventory. */
export async function requireKnownReferences(context: TenantCommandContext, risk: Risk): Promise<Risk> {
  const [library, files] = await Promise.all([loadRiskLibrary(context.table), loadLiveFiles(context.table)]);
  return unwrap(checkRiskReferences(risk, library, new Set(files.map((f) => f.id))));
}

/** Changes one risk under If-Match: `decide` gives the next risk (and may refuse). */
export async function changeRisk(
  context: TenantCommandContext,
  change: { riskId: string; action: string; expectedVersion: number | undefined; decide(current: Risk): Risk | Promise<Risk> },
): Promise<RiskView> {
  const today = tenantToday(context);
  const updatedAt = context.clock().toISOString();
  const { after } = await commitVersionedChange<RiskItem>(context, {
    key: riskKeys.risk(change.riskId),
    what: riskWhat,
    expectedVersion: change.expectedVersion,
    apply: async (current) => {
      const record = riskRecordOf(current);
      return riskItem({ ...record, risk: await change.decide(record.risk), updatedAt });
    },
    toItem: (item) => riskItem(riskRecordOf(item)),
    audit: { action: change.action, resourceType: 'risk', resourceId: change.riskId, view: (item) => riskRecordOf(item).risk },
    response: (item) => ({ status: 200, body: toRiskView(riskRecordOf(item), today) }),
  });
  return toRiskView(riskRecordOf(after), today);
}
