/**
 * The §13 vendor table of the plan document (委外廠商、委外內容、契約期間、稽核方式), from the
 * vendor records: each vendor with its latest contract and how it was last checked. Three
 * Queries on the vendor partitions; no Scan.
 */
import type { VendorRow } from '../../domain/plan';
import type { TableRef } from '../store/tableRef';
import { loadChecks, loadContracts, loadVendors, type CheckRecord, type ContractRecord } from './vendorStore';

const methodLabel: Record<CheckRecord['method']['kind'], string> = {
  onSiteAudit: '實地稽核',
  thirdPartyReport: '第三方稽核報告或證書',
  selfAssessmentQuestionnaire: '自評問卷',
};

export async function loadVendorRowsForPlan(table: TableRef): Promise<VendorRow[]> {
  const [vendors, contracts, checks] = await Promise.all([loadVendors(table), loadContracts(table), loadChecks(table)]);
  const latestContract = new Map<string, ContractRecord>();
  for (const contract of contracts) {
    const current = latestContract.get(contract.vendorId);
    if (!current || contract.period.start > current.period.start) latestContract.set(contract.vendorId, contract);
  }
  const latestCheck = new Map<string, CheckRecord>();
  for (const check of checks) {
    const current = latestCheck.get(check.vendorId);
    if (!current || check.date > current.date) latestCheck.set(check.vendorId, check);
  }
  return [...vendors]
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-TW'))
    .map((vendor) => {
      const contract = latestContract.get(vendor.id);
      const check = latestCheck.get(vendor.id);
      return {
        name: vendor.name,
        ...(contract ? { contractFrom: contract.period.start, ...(contract.period.end ? { contractTo: contract.period.end } : {}) } : {}),
        scope: contract?.scope.description ?? vendor.services.join('、'),
        oversightMethod: check ? `${methodLabel[check.method.kind]}（${check.date}）` : '尚未辦理年度監督',
      };
    });
}
