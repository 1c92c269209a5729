/**
 * How reminder e-mails leave the product: a port with one method, chosen by configuration —
 * the local outbox folder (`npm start`, tests), SES v2 in AWS, or memory (unit tests). Every
 * transport receives the same complete RFC 5322 bytes (domain/reminders/rfc5322.ts), so what
 * the outbox shows locally is exactly what SES sends.
 */
import type { MailAddress } from '../../domain/reminders/rfc5322';

export interface OutgoingMail {
  /** Our id of the queued message (MAIL#<mailId> in the tenant table). */
  mailId: string;
  tenantId: string;
  /** The Message-ID header, without angle brackets. */
  messageId: string;
  to: string;
  /** The complete message, CRLF line endings. */
  raw: string;
}

export interface MailSendResult {
  /** The provider's id (SES MessageId); null when the transport has none. */
  providerMessageId: string | null;
}

export interface MailTransport {
  readonly kind: 'outbox' | 'ses' | 'memory';
  /** The From address every reminder is sent from. */
  readonly from: MailAddress;
  /** The domain the Message-IDs are minted under. */
  readonly messageIdDomain: string;
  send(mail: OutgoingMail): Promise<MailSendResult>;
}

/**
 * A failure retrying cannot fix (the address or the message was rejected): the delivery is
 * dead-lettered at once instead of retried (domain/reminders/delivery.ts recordSendFailure).
 */
export class PermanentMailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentMailError';
  }
}

export const DEFAULT_FROM: MailAddress = { name: '個資法遵提醒 PDPA Compliance', email: 'no-reply@pdpa-compliance.localhost' };

export function domainOf(address: MailAddress): string {
  return address.email.slice(address.email.lastIndexOf('@') + 1);
}
