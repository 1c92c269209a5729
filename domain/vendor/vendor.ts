/**
 * 受託者 (processor / vendor) master data and its criticality.
 * Enforcement Rules Art. 8 makes us supervise whoever collects, processes or uses personal data
 * on our behalf; how hard we look depends on what the vendor holds, so criticality reuses the
 * personal-data file value of the plan's risk assessment (seed 000 §4(2)).
 */
import { z } from 'zod';
import { isValidTaxId } from '../shared/taxId';
import { riskValue, type DataSensitivity, type SubjectAttribute } from '../risk/riskValue';

/** 統一編號 check: one implementation for tenants and vendors (domain/shared/taxId.ts). */
export const isValidTaiwanBusinessId = isValidTaxId;

/** ISO 3166-1 alpha-2, upper case ('TW', 'US', 'JP' …). */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, upper case')
  .describe('ISO 3166-1 alpha-2 country code, e.g. TW');

export const HOME_COUNTRY = 'TW';

export const vendorRegistrationSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('taiwanBusinessId'),
        number: z
          .string()
          .regex(/^\d{8}$/, '統一編號 is 8 digits')
          .refine(isValidTaiwanBusinessId, '統一編號 check digit does not match')
          .describe('統一編號 (8-digit Taiwan business administration number)'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('foreign'),
        country: countryCodeSchema,
        number: z.string().trim().min(1).max(64).describe('Registration number in the country of incorporation'),
      })
      .strict(),
  ])
  .describe('統一編號 or a foreign company registration');

export const vendorContactSchema = z
  .object({
    name: z.string().trim().min(1).max(100).describe('Contact person'),
    title: z.string().trim().max(100).optional().describe('Job title'),
    email: z.email().describe('Contact e-mail'),
    phone: z.string().trim().max(40).optional().describe('Contact phone'),
  })
  .strict();

export const dataSensitivities = ['general', 'sensitive', 'special'] as const satisfies readonly DataSensitivity[];
export const subjectAttributes = [
  'customerOrSupplierContact',
  'employee',
  'consumer',
  'hostedCustomersConsumer',
] as const satisfies readonly SubjectAttribute[];

/** What a vendor receives from one personal-data file: the inputs of the risk value. */
export const vendorDataHoldingSchema = z
  .object({
    fileId: z.string().min(1).optional().describe('Personal-data inventory file id'),
    dataCategories: z.array(z.string().trim().min(1)).min(1).describe('個人資料類別 (e.g. C001 辨識個人者)'),
    sensitivity: z.enum(dataSensitivities).describe('A: general / sensitive / special (PDPA Art. 6)'),
    subjectAttribute: z.enum(subjectAttributes).describe('B: whose data it is'),
    recordCount: z.number().int().min(0).describe('C: records the vendor receives'),
  })
  .strict();
export type VendorDataHolding = z.infer<typeof vendorDataHoldingSchema>;

export const processingRegionSchema = z
  .object({
    country: countryCodeSchema,
    description: z.string().trim().max(200).optional().describe('e.g. AWS ap-northeast-1 (Tokyo)'),
  })
  .strict();

export const vendorInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200).describe('受託者名稱'),
    registration: vendorRegistrationSchema,
    country: countryCodeSchema.describe('Country of incorporation'),
    services: z.array(z.string().trim().min(1).max(200)).min(1).describe('委外內容 (services entrusted)'),
    contact: vendorContactSchema,
    personalDataFileIds: z.array(z.string().min(1)).default([]).describe('Inventory files the vendor touches'),
    dataHoldings: z.array(vendorDataHoldingSchema).default([]).describe('Data categories and record counts received'),
    processingRegions: z.array(processingRegionSchema).min(1).describe('Where the vendor processes the data'),
    parentVendorId: z.string().min(1).optional().describe('Set for a sub-processor (複委託): the vendor that engaged it'),
    onboardedOn: z.iso.date().describe('Date the vendor started to receive personal data'),
  })
  .strict();
export type VendorInput = z.input<typeof vendorInputSchema>;

export const vendorSchema = vendorInputSchema.extend({ id: z.string().min(1), tenantId: z.string().min(1) }).strict();
export type Vendor = z.infer<typeof vendorSchema>;

/** Countries outside Taiwan where the vendor processes data: each is an international transfer (PDPA Art. 21). */
export function crossBorderCountries(vendor: Pick<Vendor, 'processingRegions'>): string[] {
  return [...new Set(vendor.processingRegions.map((r) => r.country).filter((c) => c !== HOME_COUNTRY))].sort();
}

export function isCrossBorder(vendor: Pick<Vendor, 'processingRegions'>): boolean {
  return crossBorderCountries(vendor).length > 0;
}

export type CriticalityBand = 'high' | 'medium' | 'low';

/**
 * Bands over the risk value 3..9. ≥ 7 needs at least one top score plus more (e.g. consumers'
 * data at 5,000+ records, or any special-category data of employees/consumers): these vendors get
 * the closest look. 5–6 is the middle of the scale; ≤ 4 is contact data in small volumes.
 */
export const criticalityThresholds = { high: 7, medium: 5 } as const;

export function criticalityBand(value: number): CriticalityBand {
  if (value >= criticalityThresholds.high) return 'high';
  if (value >= criticalityThresholds.medium) return 'medium';
  return 'low';
}

export interface VendorCriticality {
  /** Highest A+B+C over the vendor's holdings; null when it holds no personal data. */
  value: number | null;
  band: CriticalityBand;
  /** The holding that set the value. */
  decisiveHolding?: VendorDataHolding;
  a?: number;
  b?: number;
  c?: number;
}

/**
 * Highest risk value over what the vendor holds: one high-value file makes the whole vendor
 * critical, so values are not averaged. A vendor without holdings is low (nothing to protect),
 * with value null so reports can tell it apart from an assessed low.
 */
export function vendorCriticality(vendor: Pick<Vendor, 'dataHoldings'>): VendorCriticality {
  let best: VendorCriticality = { value: null, band: 'low' };
  for (const holding of vendor.dataHoldings) {
    const risk = riskValue(holding);
    if (best.value === null || risk.value > best.value) {
      best = { value: risk.value, band: criticalityBand(risk.value), decisiveHolding: holding, a: risk.a, b: risk.b, c: risk.c };
    }
  }
  return best;
}

export interface VendorHierarchyIssue {
  vendorId: string;
  code: 'PARENT_UNKNOWN' | 'PARENT_SELF' | 'PARENT_CYCLE';
}

/** Sub-processor links must point at a known vendor and never loop. */
export function vendorHierarchyIssues(vendors: readonly Pick<Vendor, 'id' | 'parentVendorId'>[]): VendorHierarchyIssue[] {
  const byId = new Map(vendors.map((v) => [v.id, v]));
  const issues: VendorHierarchyIssue[] = [];
  for (const vendor of vendors) {
    if (vendor.parentVendorId === undefined) continue;
    if (vendor.parentVendorId === vendor.id) {
      issues.push({ vendorId: vendor.id, code: 'PARENT_SELF' });
      continue;
    }
    if (!byId.has(vendor.parentVendorId)) {
      issues.push({ vendorId: vendor.id, code: 'PARENT_UNKNOWN' });
      continue;
    }
    const seen = new Set([vendor.id]);
    let current = byId.get(vendor.parentVendorId);
    while (current) {
      if (seen.has(current.id)) {
        issues.push({ vendorId: vendor.id, code: 'PARENT_CYCLE' });
        break;
      }
      seen.add(current.id);
      current = current.parentVendorId === undefined ? undefined : byId.get(current.parentVendorId);
    }
  }
  return issues;
}

/** Direct sub-processors (複委託) of a vendor. */
export function subProcessorsOf<V extends Pick<Vendor, 'id' | 'parentVendorId'>>(vendors: readonly V[], vendorId: string): V[] {
  return vendors.filter((v) => v.parentVendorId === vendorId);
}
