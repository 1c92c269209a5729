/**
 * Tenants in the control plane: the zod schemas are the single source of the API's validation,
 * types and documentation for tenant onboarding.
 */
import { z } from '@hono/zod-openapi';
import { isValidTaxId } from '../../domain/shared/taxId';
import { sectorCodes, sectors, type SectorCode } from '../../domain/tenant/sectors';
import { contactSchema } from '../keys/tenantProfileView';

// The tenant as the API shows it is shared with the tenant's own GET /v1/tenant (keys area).
export { contactSchema, tenantViewSchema, toTenantView, type TenantView } from '../keys/tenantProfileView';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const taxIdSchema = z
  .string()
  .regex(/^\d{8}$/, { message: 'Must be 8 digits' })
  .refine(isValidTaxId, { message: 'Checksum does not match', params: { zhTW: '統一編號檢查碼不正確', en: 'The business number checksum does not match' } })
  .openapi({ description: '統一編號 (8 digits, checked with the official checksum incl. the 7th-digit-7 rule)', example: '22099131' });

export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, { message: 'Unknown IANA time zone', params: { zhTW: '不是有效的 IANA 時區', en: 'Unknown IANA time zone' } })
  .openapi({ example: 'Asia/Taipei' });

export const createTenantSchema = z
  .object({
    companyName: z.string().trim().min(1).max(200).openapi({ example: '範例資訊股份有限公司' }),
    taxId: taxIdSchema,
    sector: z.enum(sectorCodes).openapi({ description: 'Sector; decides the governing regulation and the competent authority' }),
    paidInCapital: z.number().int().min(0).max(1e15).openapi({ description: 'Paid-in (or registered) capital in NT$' }),
    personalDataRecordCount: z.number().int().min(0).max(1e12).openapi({ description: 'Personal-data records held (single day)' }),
    contact: contactSchema,
    timeZone: timeZoneSchema.default('Asia/Taipei'),
    locale: z.enum(['zh-TW', 'en']).default('zh-TW'),
  })
  .strict()
  .openapi('CreateTenant');

export const updateTenantSchema = createTenantSchema
  .omit({ taxId: true })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'Nothing to update', params: { zhTW: '沒有要更新的欄位', en: 'Nothing to update' } })
  .openapi('UpdateTenant');

export type { TenantRecord } from '../store/controlPlaneRecords';

export function sectorDefaults(sector: SectorCode): { regulationPcode: string | null; authorityCode: string } {
  return { regulationPcode: sectors[sector].regulationPcode, authorityCode: sectors[sector].authorityCode };
}
