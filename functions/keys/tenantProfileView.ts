/**
 * A tenant's profile as the API shows it: to the tenant itself (GET /v1/tenant) and to the
 * platform operator (platform/routes.ts). Kept here, below the platform area, so the two areas
 * depend one way (platform → keys).
 */
import { z } from '@hono/zod-openapi';
import { authorityDirectory, sectorCodes } from '../../domain/tenant/sectors';
import { tenantStatuses } from '../../domain/tenant/tenantLifecycle';
import type { TenantRecord } from '../store/controlPlaneRecords';

export const contactSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    email: z.email().max(254),
    // The defaults the regulator form's reporter (通報人) takes when an incident names none.
    title: z.string().trim().max(100).optional().describe('職稱: default reporter title on incident notification forms'),
    phone: z.string().trim().max(50).optional().describe('電話: default reporter phone on incident notification forms'),
    address: z.string().trim().max(300).optional().describe('地址: default reporter address on incident notification forms'),
  })
  .strict()
  .openapi('TenantContact');

export const tenantViewSchema = z
  .object({
    tenantId: z.string(),
    companyName: z.string(),
    taxId: z.string(),
    sector: z.enum(sectorCodes),
    regulationPcode: z.string().nullable(),
    authority: z.object({ code: z.string(), nameZhTW: z.string(), nameEn: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
    paidInCapital: z.number(),
    personalDataRecordCount: z.number(),
    contact: contactSchema,
    timeZone: z.string(),
    locale: z.enum(['zh-TW', 'en']),
    status: z.enum(tenantStatuses),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
    offboarding: z.object({ archiveSha256: z.string(), itemCount: z.number(), at: z.string(), by: z.string() }).optional(),
  })
  .openapi('Tenant');

export type TenantView = z.infer<typeof tenantViewSchema>;

export function toTenantView(record: TenantRecord): TenantView {
  const authority = authorityDirectory[record.authorityCode] ?? authorityDirectory.other!;
  return {
    tenantId: record.tenantId,
    companyName: record.companyName,
    taxId: record.taxId,
    sector: record.sector,
    regulationPcode: record.regulationPcode,
    authority: { code: authority.code, nameZhTW: authority.name.zhTW, nameEn: authority.name.en, phone: authority.phone, email: authority.email },
    paidInCapital: record.paidInCapital,
    personalDataRecordCount: record.personalDataRecordCount,
    contact: record.contact,
    timeZone: record.timeZone,
    locale: record.locale,
    status: record.status,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    version: record.version,
    ...(record.offboarding ? { offboarding: record.offboarding } : {}),
  };
}
