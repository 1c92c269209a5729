/**
 * Field-level encryption of data subjects' identifiers: AES-256-GCM with the tenant's own data
 * key, the tenant id and field name as additional authenticated data (a value copied to another
 * tenant or field does not decrypt). Lookups use a keyed hash (HMAC-SHA256 with a key derived
 * from the data key) so "does this e-mail have an open request?" needs no clear text at rest.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface FieldCipher {
  encrypt(field: string, plaintext: string): string;
  decrypt(field: string, sealed: string): string;
  /** Deterministic keyed hash for equality lookups (normalise the value first). */
  lookupHash(field: string, normalisedValue: string): string;
}

export function createFieldCipher(tenantId: string, dataKey: Buffer): FieldCipher {
  if (dataKey.length !== 32) throw new Error('data key must be 256 bits');
  const lookupKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(tenantId), Buffer.from('pdpa-lookup-hash'), 32));
  const aad = (field: string) => Buffer.from(`${tenantId}|${field}`, 'utf8');
  return {
    encrypt(field, plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
      cipher.setAAD(aad(field));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    decrypt(field, sealed) {
      const [version, iv, ciphertext, tag] = sealed.split('.');
      if (version !== VERSION || !iv || ciphertext === undefined || !tag) throw new Error('not an encrypted field value');
      const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv, 'base64url'));
      decipher.setAAD(aad(field));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
    lookupHash(field, normalisedValue) {
      return createHmac('sha256', lookupKey).update(`${field}|${normalisedValue}`, 'utf8').digest('base64url');
    },
  };
}
