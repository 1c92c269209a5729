/**
 * The value schemas every area shares, defined once: calendar dates, instants, bilingual text,
 * amounts in NT$, and the 統一編號. Areas compose these; the HTTP layer names them as OpenAPI
 * components (functions/http/sharedSchemas.ts).
 */
import { z } from 'zod';
import { isIsoDate } from './isoDate';
import { isValidTaxId } from './taxId';

export const isoDateSchema = z
  .string()
  .refine((value) => isIsoDate(value), { message: 'Expected a calendar date YYYY-MM-DD', params: { zhTW: '須為有效日期 YYYY-MM-DD', en: 'Must be a calendar date YYYY-MM-DD' } })
  .describe('Calendar date, YYYY-MM-DD');

export const instantSchema = z.iso.datetime({ offset: true }).describe('ISO 8601 timestamp with offset, e.g. 2025-03-01T09:30:00+08:00');

/** Text a person typed, in zh-TW and English; both required, trimmed, bounded. */
export function localizedTextSchemaOf(options: { maxLength?: number; trim?: boolean } = {}) {
  const text = () => {
    const base = options.trim === false ? z.string() : z.string().trim();
    return base.min(1).max(options.maxLength ?? 2000);
  };
  return z
    .object({
      zhTW: text().describe('Traditional Chinese (Taiwan) text'),
      en: text().describe('English text'),
    })
    .strict()
    .describe('Text in zh-TW and English');
}

export const localizedTextSchema = localizedTextSchemaOf();

/** Text the product itself produces (titles, explanations): no input bounds. */
export const localizedTextViewSchema = z.object({ zhTW: z.string(), en: z.string() });

/** An amount in New Taiwan dollars, whole dollars. */
export const amountTwdSchema = z.number().int().min(0).max(1_000_000_000_000).describe('Amount in NT$ (whole dollars)');

/** 統一編號: 8 digits with the official checksum (incl. the 7th-digit-7 rule). */
export const taxIdSchema = z
  .string()
  .regex(/^\d{8}$/, { message: 'Must be 8 digits' })
  .refine(isValidTaxId, { message: 'Checksum does not match', params: { zhTW: '統一編號檢查碼不正確', en: 'The business number checksum does not match' } });
