/**
 * The rows of the tables the plan document shows but other areas own (§3 inventory, §4 risk
 * assessment). The plan never reads those areas' items itself: the inventory area maps its
 * records onto the renderer's row shapes (functions/inventory/planTableRows.ts).
 *
 * §13 vendors come from the vendor area (functions/vendors/planTableRows.ts).
 * Tables are read live, so a re-rendered approved version shows today's inventory.
 */
import type { PlanTableRows } from '../../domain/plan';
import type { TenantScope } from '../http/context';
import { loadPlanTableRows } from '../inventory/planTableRows';
import { loadVendorRowsForPlan } from '../vendors/planTableRows';

export interface PlanTables {
  rows: PlanTableRows;
  /** Whether the rows come from the inventory; false would mean "unknown", not "empty". */
  available: boolean;
}

export async function loadPlanTables(tenant: TenantScope): Promise<PlanTables> {
  const [rows, vendors] = await Promise.all([loadPlanTableRows(tenant), loadVendorRowsForPlan(tenant)]);
  return { rows: { ...rows, vendors }, available: true };
}
