/**
 * The rows of the tables the plan document shows but other areas own (§3 inventory, §4 risk
 * assessment). The plan never reads those areas' items itself: the risk area maps the inventory's
 * and its own records onto the renderer's row shapes (functions/risk/planTableRows.ts).
 *
 * §13 vendors come from the vendor area (functions/vendors/planTableRows.ts).
 * These are the live tables: a draft's document and the current-draft view show them; approval
 * freezes them with the version (planStore.frozenTablesWrites), so an approved document does not change.
 */
import type { PlanTableRows } from '../../domain/plan';
import type { TableRef } from '../store/tableRef';
import { loadPlanTableRows } from '../risk/planTableRows';
import { loadVendorRowsForPlan } from '../vendors/planTableRows';

export interface PlanTables {
  rows: PlanTableRows;
  /** Whether the rows come from the inventory; false would mean "unknown", not "empty". */
  available: boolean;
}

export async function loadPlanTables(table: TableRef): Promise<PlanTables> {
  const [rows, vendors] = await Promise.all([loadPlanTableRows(table), loadVendorRowsForPlan(table)]);
  return { rows: { ...rows, vendors }, available: true };
}
