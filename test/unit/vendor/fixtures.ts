import { contractClauseCatalog, type Contract, type ContractClauseStatus } from '../../../domain/vendor/contract';
import type { OversightCheck } from '../../../domain/vendor/oversight';
import type { Vendor, VendorDataHolding } from '../../../domain/vendor/vendor';

export function holding(overrides: Partial<VendorDataHolding> = {}): VendorDataHolding {
  return { dataCategories: ['C001 辨識個人者'], sensitivity: 'general', subjectAttribute: 'customerOrSupplierContact', recordCount: 50, ...overrides };
}

export function vendor(overrides: Partial<Vendor> = {}): Vendor {
  return {
    id: 'v1',
    tenantId: 't1',
    name: '雲端服務股份有限公司',
    registration: { kind: 'taiwanBusinessId', number: '22099131' },
    country: 'TW',
    services: ['CRM SaaS'],
    contact: { name: '王小明', email: 'dpo@vendor.example' },
    personalDataFileIds: ['f1'],
    dataHoldings: [holding()],
    processingRegions: [{ country: 'TW' }],
    onboardedOn: '2024-01-15',
    ...overrides,
  };
}

export function allPresentClauses(): ContractClauseStatus[] {
  return contractClauseCatalog.map((c, i) => ({ clauseId: c.id, status: 'present', location: `第${i + 1}條` }));
}

export function contract(overrides: Partial<Contract> = {}): Contract {
  return {
    id: 'c1',
    tenantId: 't1',
    vendorId: 'v1',
    title: 'CRM 委外服務契約',
    period: { start: '2024-01-01', end: '2024-12-31', autoRenewal: false },
    scope: { description: 'CRM 代管', purposes: ['〇九〇 消費者、客戶管理與服務'], dataCategories: ['C001'], personalDataFileIds: [] },
    clauses: allPresentClauses(),
    ...overrides,
  };
}

export function check(overrides: Partial<OversightCheck> = {}): OversightCheck {
  return {
    id: 'k1',
    tenantId: 't1',
    vendorId: 'v1',
    method: { kind: 'onSiteAudit', auditedBy: 'us' },
    date: '2024-06-30',
    reviewer: '個資管理專責人員',
    result: 'satisfactory',
    findings: [],
    evidenceRefs: ['audit-2024.pdf'],
    ...overrides,
  } as OversightCheck;
}

export function certificateCheck(id: string, vendorId: string, standard: 'iso27001' | 'soc2', validUntil: string): OversightCheck {
  return check({
    id,
    vendorId,
    method: { kind: 'thirdPartyReport', certificate: { standard, certificateNumber: `N-${id}`, issuer: 'BSI', scope: 'CRM', validUntil } },
  });
}
