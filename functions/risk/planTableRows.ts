/**
 * The inventory and risk tables of the security maintenance plan (§3(3), §4(2)), mapped onto
 * the plan renderer's row shapes. The plan area calls these; it never reads our items itself.
 */
import { inventoryFileToCells } from '../../domain/inventory/inventoryTable';
import type { InventoryRow, RiskRow } from '../../domain/plan/render/rows';
import type { Assessment } from '../../domain/risk/assessment';
import { operatingContextLabels, type RiskLibrary } from '../../domain/risk/riskLibrary';
import type { Risk } from '../../domain/risk/riskRegister';
import { compareFileIds, loadCodeLists, loadLiveFiles } from '../inventory/inventoryStore';
import type { TableRef } from '../store/tableRef';
import { loadAllAssessments, loadRiskLibrary } from './riskStore';

/** Files the plan lists: in the inventory and not deleted (a deleted file holds no data). */
async function planFiles(table: TableRef) {
  return (await loadLiveFiles(table)).filter((f) => f.status !== 'deleted').sort((a, b) => compareFileIds(a.id, b.id));
}

/** The assessment the plan shows: the latest approved one, else the latest draft. */
function planAssessment(assessments: readonly Assessment[]): Assessment | undefined {
  const byDate = [...assessments].sort((a, b) => (a.assessedOn === b.assessedOn ? b.id.localeCompare(a.id) : b.assessedOn.localeCompare(a.assessedOn)));
  return byDate.find((a) => a.approval) ?? byDate[0];
}

function scenarioText(risk: Risk): string {
  const context = operatingContextLabels[risk.context].zhTW;
  return risk.scenario.startsWith(context) ? risk.scenario : `${context}(${risk.scenario})`;
}

function riskTypeText(risk: Risk, library: RiskLibrary): string {
  if (risk.description) return risk.description;
  return risk.libraryEntryIds.map((id) => library.get(id)?.riskType.zhTW ?? id).join('、');
}

function countermeasureText(risk: Risk, library: RiskLibrary): string {
  if (risk.treatments.length > 0) return risk.treatments.map((t) => t.countermeasure).join('\n');
  return risk.libraryEntryIds.map((id) => library.get(id)?.countermeasure.zhTW ?? '').filter(Boolean).join('\n');
}

/** One risk-table row per (file, risk), highest value first; a file without risks gets one row. */
export function riskRowsOf(assessment: Assessment | undefined, library: RiskLibrary): RiskRow[] {
  if (!assessment) return [];
  return assessment.results.flatMap((result) => {
    const scores = { fileName: `${result.fileId} ${result.fileName}`, categoryScore: result.value.a, attributeScore: result.value.b, recordCountScore: result.value.c, value: result.value.value };
    if (result.risks.length === 0) return [{ ...scores, scenario: '', riskType: '', countermeasure: '' }];
    return result.risks.map((risk) => ({ ...scores, scenario: scenarioText(risk), riskType: riskTypeText(risk, library), countermeasure: countermeasureText(risk, library) }));
  });
}

export async function loadPlanTableRows(tenant: TableRef): Promise<{ inventory: InventoryRow[]; risks: RiskRow[] }> {
  const [files, codeLists, library, assessments] = await Promise.all([planFiles(tenant), loadCodeLists(tenant), loadRiskLibrary(tenant), loadAllAssessments(tenant)]);
  const inventory = files.map((file): InventoryRow => {
    // The same wording as the exported table, so the plan and the spreadsheet agree cell for cell.
    const cells = inventoryFileToCells(file, codeLists);
    return {
      fileId: file.id,
      name: file.name,
      purpose: cells[1]!,
      dataCategories: cells[2]!,
      processing: cells[3]!,
      legalBasis: cells[4]!,
      region: cells[5]!,
      retentionPeriod: cells[6]!,
      recordCount: file.recordCount,
      trailLocation: cells[8]!,
    };
  });
  return { inventory, risks: riskRowsOf(planAssessment(assessments.map((r) => r.assessment)), library) };
}

/** For the plan's completeness check: rows of the inventory table and of the risk table. */
export async function countInventoryAndAssessments(tenant: TableRef): Promise<{ inventoryItemCount: number; riskAssessmentCount: number }> {
  const rows = await loadPlanTableRows(tenant);
  return { inventoryItemCount: rows.inventory.length, riskAssessmentCount: rows.risks.length };
}
