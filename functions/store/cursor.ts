/**
 * List cursors: the DynamoDB LastEvaluatedKey, encrypted with AES-256-GCM so a cursor is opaque —
 * it shows neither the table's keys nor the tenant id — and cannot be forged or edited. The
 * tenant and the list (route + filters) it came from are the cipher's associated data, so a cursor
 * replayed against another tenant or another list fails authentication like a tampered one.
 *
 * Layout (base64url of the bytes): version (1) · key id (8) · IV (12) · tag (16) · ciphertext.
 * The key id lets the secret rotate: the first secret encrypts, every secret given still decrypts
 * the cursors it made; a cursor under a retired secret is refused and the client starts over.
 * node:crypto rather than a compact JWE (jose): a JWE's protected header is readable JSON, and
 * this stays synchronous for the stores that page (store/entityModel.ts, reviews/reviewStore.ts).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { canonicalJson } from '../../domain/audit/auditChain';

export interface CursorBinding {
  tenant: string;
  list: string;
}

/** The secret from the secrets port, or the current one first followed by those still accepted. */
export type CursorSecret = Buffer | readonly Buffer[];

/** A cursor that is malformed, altered or from another list; the HTTP layer answers 400. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
  }
}

const VERSION = 1;
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES + IV_BYTES + TAG_BYTES;

interface CursorKey {
  id: Buffer;
  key: Buffer;
}

const derived = new WeakMap<Buffer, CursorKey>();

/** Derives the cipher key and its id from the secret (HKDF), so the secret itself is never the key. */
function cursorKeyOf(secret: Buffer): CursorKey {
  let key = derived.get(secret);
  if (!key) {
    key = {
      key: Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'pdpa list cursor v1: key', 32)),
      id: Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'pdpa list cursor v1: key id', KEY_ID_BYTES)),
    };
    derived.set(secret, key);
  }
  return key;
}

const keysOf = (secret: CursorSecret): Buffer[] => (Buffer.isBuffer(secret) ? [secret] : [...secret]);

function associatedData(binding: CursorBinding, header: Buffer): Buffer {
  return Buffer.concat([header, Buffer.from(canonicalJson({ tenant: binding.tenant, list: binding.list }))]);
}

export function encodeCursor(secret: CursorSecret, binding: CursorBinding, lastKey: Record<string, unknown> | undefined): string | null {
  if (!lastKey) return null;
  const current = keysOf(secret)[0];
  if (!current) throw new Error('no cursor secret configured');
  const { id, key } = cursorKeyOf(current);
  const iv = randomBytes(IV_BYTES);
  const prefix = Buffer.concat([Buffer.of(VERSION), id]);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(binding, prefix));
  const ciphertext = Buffer.concat([cipher.update(canonicalJson(lastKey), 'utf8'), cipher.final()]);
  return Buffer.concat([prefix, iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

export function decodeCursor(secret: CursorSecret, binding: CursorBinding, cursor: string | undefined): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.length <= HEADER_BYTES || bytes[0] !== VERSION) throw new InvalidCursorError();
  const prefix = bytes.subarray(0, 1 + KEY_ID_BYTES);
  const keyId = prefix.subarray(1);
  const match = keysOf(secret).map(cursorKeyOf).find((candidate) => candidate.id.equals(keyId));
  if (!match) throw new InvalidCursorError();
  const iv = bytes.subarray(1 + KEY_ID_BYTES, 1 + KEY_ID_BYTES + IV_BYTES);
  const tag = bytes.subarray(1 + KEY_ID_BYTES + IV_BYTES, HEADER_BYTES);
  let plaintext: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', match.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(binding, prefix));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    // Wrong tenant or list (associated data), an edited byte, or a foreign key: all fail the tag.
    throw new InvalidCursorError();
  }
  const key: unknown = JSON.parse(plaintext);
  if (!key || typeof key !== 'object' || Array.isArray(key)) throw new InvalidCursorError();
  return key as Record<string, unknown>;
}

/** Identifies a list: the route plus its filters, so a cursor only continues the same list. */
export function listIdentity(route: string, filters: Record<string, unknown>): string {
  return `${route}?${canonicalJson(filters)}`;
}
