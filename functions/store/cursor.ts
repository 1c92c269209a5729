/**
 * List cursors: the DynamoDB LastEvaluatedKey, bound to the tenant and the list (route +
 * filters) it came from and signed with HMAC-SHA256, so it cannot be forged, edited, or replayed
 * against another tenant or another list.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../../domain/audit/auditChain';

export interface CursorBinding {
  tenant: string;
  list: string;
}

/** A cursor that is malformed, altered or from another list; the HTTP layer answers 400. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
  }
}

function sign(secret: Buffer, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function encodeCursor(secret: Buffer, binding: CursorBinding, lastKey: Record<string, unknown> | undefined): string | null {
  if (!lastKey) return null;
  const payload = Buffer.from(canonicalJson({ ...binding, key: lastKey })).toString('base64url');
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

export function decodeCursor(secret: Buffer, binding: CursorBinding, cursor: string | undefined): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  const [payload, signature] = cursor.split('.');
  if (!payload || !signature) throw new InvalidCursorError();
  const expected = sign(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidCursorError();
  let decoded: { tenant?: string; list?: string; key?: Record<string, unknown> };
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (decoded.tenant !== binding.tenant || decoded.list !== binding.list || !decoded.key) throw new InvalidCursorError();
  return decoded.key;
}

/** Identifies a list: the route plus its filters, so a cursor only continues the same list. */
export function listIdentity(route: string, filters: Record<string, unknown>): string {
  return `${route}?${canonicalJson(filters)}`;
}
