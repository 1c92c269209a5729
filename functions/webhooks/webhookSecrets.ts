/**
 * Signing secrets in the Standard Webhooks format (`whsec_` + base64 of 32 random bytes), sealed
 * at rest with the tenant's field encryption (crypto/fieldEncryption.ts) and shown in clear only
 * in the answer that creates or rotates them.
 */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { signingSecrets } from '../../domain/webhooks/endpoint';
import type { FieldCipher } from '../crypto/fieldEncryption';
import type { StoredWebhookEndpoint } from './webhookStore';

const SECRET_FIELD = 'webhookSigningSecret';

export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function sealSecret(cipher: FieldCipher, secret: string): string {
  return cipher.encrypt(SECRET_FIELD, secret);
}

/** The secrets that sign now: the current one, and the previous one during its overlap. */
export function activeSecrets(cipher: FieldCipher, endpoint: Pick<StoredWebhookEndpoint, 'sealedSecret' | 'previousSecret'>, now: Date): string[] {
  const sealed = signingSecrets({ current: endpoint.sealedSecret, previous: endpoint.previousSecret ? { secret: endpoint.previousSecret.sealed, expiresAt: endpoint.previousSecret.expiresAt } : null }, now);
  return sealed.map((value) => cipher.decrypt(SECRET_FIELD, value));
}

/** The Standard Webhooks headers; several secrets give several space-separated signatures. */
export function signedHeaders(secrets: readonly string[], messageId: string, timestamp: Date, body: string): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(' '),
  };
}
