/**
 * Per-tenant data keys. In AWS a KMS key wraps them (GenerateDataKey / Decrypt with the tenant
 * id as encryption context); locally a master key file under .local/ does the wrapping. Either
 * way only the wrapped key is stored, in the tenant's control-plane record.
 */
import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface DataKeyProvider {
  createTenantDataKey(tenantId: string): Promise<{ wrappedKey: string; plaintextKey: Buffer }>;
  unwrapTenantDataKey(tenantId: string, wrappedKey: string): Promise<Buffer>;
}

/** Wraps data keys with a local 256-bit master key (AES-256-GCM, tenant id as AAD). */
export function createLocalDataKeyProvider(masterKey: Buffer): DataKeyProvider {
  if (masterKey.length !== 32) throw new Error('master key must be 256 bits');
  return {
    async createTenantDataKey(tenantId) {
      const plaintextKey = randomBytes(32);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
      cipher.setAAD(Buffer.from(tenantId));
      const wrapped = Buffer.concat([cipher.update(plaintextKey), cipher.final()]);
      return { wrappedKey: ['local', iv.toString('base64url'), wrapped.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.'), plaintextKey };
    },
    async unwrapTenantDataKey(tenantId, wrappedKey) {
      const [kind, iv, wrapped, tag] = wrappedKey.split('.');
      if (kind !== 'local' || !iv || !wrapped || !tag) throw new Error('not a locally wrapped key');
      const decipher = createDecipheriv('aes-256-gcm', masterKey, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(tenantId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(wrapped, 'base64url')), decipher.final()]);
    },
  };
}

export function createKmsDataKeyProvider(kms: KMSClient, keyId: string): DataKeyProvider {
  return {
    async createTenantDataKey(tenantId) {
      const generated = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: { tenantId } }));
      if (!generated.CiphertextBlob || !generated.Plaintext) throw new Error('KMS returned no data key');
      return { wrappedKey: `kms.${Buffer.from(generated.CiphertextBlob).toString('base64url')}`, plaintextKey: Buffer.from(generated.Plaintext) };
    },
    async unwrapTenantDataKey(tenantId, wrappedKey) {
      const [kind, blob] = wrappedKey.split('.');
      if (kind !== 'kms' || !blob) throw new Error('not a KMS-wrapped key');
      const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(blob, 'base64url'), EncryptionContext: { tenantId }, KeyId: keyId }));
      if (!decrypted.Plaintext) throw new Error('KMS returned no plaintext');
      return Buffer.from(decrypted.Plaintext);
    },
  };
}

/** Keeps unwrapped keys in memory for the life of the process (one KMS call per tenant per cold start). */
export function withDataKeyCache(provider: DataKeyProvider): DataKeyProvider {
  const cache = new Map<string, Promise<Buffer>>();
  return {
    createTenantDataKey: (tenantId) => provider.createTenantDataKey(tenantId),
    unwrapTenantDataKey(tenantId, wrappedKey) {
      const cacheKey = `${tenantId}|${wrappedKey}`;
      let key = cache.get(cacheKey);
      if (!key) {
        key = provider.unwrapTenantDataKey(tenantId, wrappedKey);
        key.catch(() => cache.delete(cacheKey));
        cache.set(cacheKey, key);
      }
      return key;
    },
  };
}
