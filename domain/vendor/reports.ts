/** Vendor-oversight reports: pure aggregations over vendors, contracts and checks. */
import type { IsoDate } from '../shared/isoDate';
import type { Frequency } from '../shared/frequency';
import { contractFindings, contractState, type Contract, type ContractFinding } from './contract';
import { certificatesExpiringWithin, overdueOversight, DEFAULT_OVERSIGHT_FREQUENCY, type CertificateAlert, type OversightCheck, type OversightStatus } from './oversight';
import { crossBorderCountries, subProcessorsOf, vendorCriticality, type CriticalityBand, type Vendor, type VendorCriticality } from './vendor';

export interface VendorsByCriticalityRow {
  band: CriticalityBand;
  vendors: Array<{ vendorId: string; name: string; criticality: VendorCriticality }>;
}

/** High first; within a band by value (highest first) then name. */
export function vendorsByCriticality(vendors: readonly Vendor[]): VendorsByCriticalityRow[] {
  const bands: CriticalityBand[] = ['high', 'medium', 'low'];
  const rated = vendors.map((v) => ({ vendorId: v.id, name: v.name, criticality: vendorCriticality(v) }));
  return bands.map((band) => ({
    band,
    vendors: rated
      .filter((r) => r.criticality.band === band)
      .sort((x, y) => (y.criticality.value ?? 0) - (x.criticality.value ?? 0) || x.name.localeCompare(y.name)),
  }));
}

export function overdueChecksReport(
  vendors: readonly Vendor[],
  checks: readonly OversightCheck[],
  asOf: IsoDate,
  frequency: Frequency = DEFAULT_OVERSIGHT_FREQUENCY,
): OversightStatus[] {
  return overdueOversight(vendors, checks, asOf, frequency);
}

/**
 * Clause findings of every contract in force (not terminated, not expired) on `asOf`; a contract
 * that has ended is handled by the return/deletion obligation instead.
 */
export function missingClausesReport(contracts: readonly Contract[], vendors: readonly Vendor[], asOf: IsoDate): ContractFinding[] {
  return contracts
    .filter((c) => {
      const state = contractState(c, asOf);
      return state === 'active' || state === 'notStarted';
    })
    .flatMap((c) => contractFindings(c, { hasSubProcessors: subProcessorsOf(vendors, c.vendorId).length > 0 }));
}

export function expiringCertificatesReport(checks: readonly OversightCheck[], asOf: IsoDate, days = 60): CertificateAlert[] {
  return certificatesExpiringWithin(checks, asOf, days);
}

export interface CrossBorderRow {
  country: string;
  vendors: Array<{ vendorId: string; name: string }>;
  /** Records sent to vendors processing in that country (a vendor in several countries counts in each). */
  recordCount: number;
  hasSpecialCategoryData: boolean;
}

/** International transfers (PDPA Art. 21) by destination country, largest volume first. */
export function crossBorderTransfersByCountry(vendors: readonly Vendor[]): CrossBorderRow[] {
  const rows = new Map<string, CrossBorderRow>();
  for (const vendor of vendors) {
    for (const country of crossBorderCountries(vendor)) {
      const row = rows.get(country) ?? { country, vendors: [], recordCount: 0, hasSpecialCategoryData: false };
      row.vendors.push({ vendorId: vendor.id, name: vendor.name });
      row.recordCount += vendor.dataHoldings.reduce((sum, h) => sum + h.recordCount, 0);
      row.hasSpecialCategoryData ||= vendor.dataHoldings.some((h) => h.sensitivity === 'special');
      rows.set(country, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.recordCount - a.recordCount || a.country.localeCompare(b.country));
}
