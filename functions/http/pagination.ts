/**
 * Cursor pagination. A cursor is the DynamoDB LastEvaluatedKey, bound to the tenant and the
 * list (route + filters) it came from and signed with HMAC-SHA256, so it cannot be forged,
 * edited, or replayed against another tenant or another list.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { canonicalJson } from '../../domain/audit/auditChain';
import { ApiProblem } from './problem';

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

interface CursorBinding {
  tenant: string;
  list: string;
}

function sign(secret: Buffer, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function encodeCursor(secret: Buffer, binding: CursorBinding, lastKey: Record<string, unknown> | undefined): string | null {
  if (!lastKey) return null;
  const payload = Buffer.from(canonicalJson({ ...binding, key: lastKey })).toString('base64url');
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

const invalidCursor = () => new ApiProblem('invalidCursor', { errors: [{ field: 'query.cursor', reason: { zhTW: '游標無效、遭竄改或不屬於此清單', en: 'The cursor is invalid, altered or belongs to another list' } }] });

export function decodeCursor(secret: Buffer, binding: CursorBinding, cursor: string | undefined): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  const [payload, signature] = cursor.split('.');
  if (!payload || !signature) throw invalidCursor();
  const expected = sign(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
  let decoded: { tenant?: string; list?: string; key?: Record<string, unknown> };
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (decoded.tenant !== binding.tenant || decoded.list !== binding.list || !decoded.key) throw invalidCursor();
  return decoded.key;
}

/** Identifies a list: the route plus its filters, so a cursor only continues the same list. */
export function listIdentity(route: string, filters: Record<string, unknown>): string {
  return `${route}?${canonicalJson(filters)}`;
}
