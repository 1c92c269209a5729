/**
 * The control-plane records the request path reads before any area runs: the tenant (which table,
 * which data key, which time zone) and the API key a credential names.
 */
import type { Principal } from '../../domain/access/roles';
import type { SectorCode } from '../../domain/tenant/sectors';
import type { TenantStatus } from '../../domain/tenant/tenantLifecycle';

export interface TenantRecord {
  tenantId: string;
  companyName: string;
  taxId: string;
  sector: SectorCode;
  regulationPcode: string | null;
  authorityCode: string;
  paidInCapital: number;
  personalDataRecordCount: number;
  /** title, phone and address: defaults for the reporter on incident notification forms. */
  contact: { name: string; email: string; title?: string; phone?: string; address?: string };
  timeZone: string;
  locale: 'zh-TW' | 'en';
  status: TenantStatus;
  tableName: string;
  wrappedDataKey: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  offboarding?: { archiveSha256: string; itemCount: number; at: string; by: string };
}

export interface ApiKeyRecord {
  keyId: string;
  prefix: string;
  name: string;
  tenantId: string | null;
  role: Principal['role'];
  scopes: string[];
  secretHash: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  version: number;
}
