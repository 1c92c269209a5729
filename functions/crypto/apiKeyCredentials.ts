/**
 * API key format: `pdpa_<keyId>_<secret>`. The key id (12 chars) is public and identifies the
 * key (shown as its prefix); the secret (256 bits) is shown once and stored only as SHA-256 —
 * a high-entropy secret needs no slow hash. Comparison is constant-time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { newUlid } from '../store/ids';

const KEY_PATTERN = /^pdpa_([0-9a-z]{12})_([A-Za-z0-9_-]{43})$/;

export interface IssuedApiKey {
  keyId: string;
  prefix: string;
  secret: string;
  secretHash: string;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function issueApiKey(): IssuedApiKey {
  // Random part of a ULID: unguessable, not time-revealing.
  const keyId = newUlid().slice(-12);
  const secretPart = randomBytes(32).toString('base64url');
  const secret = `pdpa_${keyId}_${secretPart}`;
  return { keyId, prefix: `pdpa_${keyId}`, secret, secretHash: hashSecret(secret) };
}

export function parseApiKey(token: string): { keyId: string } | undefined {
  const match = KEY_PATTERN.exec(token);
  return match ? { keyId: match[1]! } : undefined;
}

export function secretMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
