/**
 * The page query and page shapes every list shares. Cursors themselves (signed, bound to the
 * tenant and the list) are made and checked by the store: functions/store/cursor.ts.
 */
import { z } from '@hono/zod-openapi';

export const MAX_PAGE_SIZE = 100;

export const pageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25).openapi({ description: 'Page size, at most 100' }),
    cursor: z.string().min(1).max(4096).optional().openapi({ description: 'Opaque cursor from the previous page' }),
  })
  .strict();

export function pageSchema<T extends z.ZodType>(itemSchema: T, name: string) {
  return z.object({ items: z.array(itemSchema), nextCursor: z.string().nullable() }).openapi(name);
}
