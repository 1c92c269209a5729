/** Keeps sent messages in memory: the default when no outbox is configured, and for unit tests. */
import type { MailAddress } from '../../domain/reminders/rfc5322';
import { DEFAULT_FROM, domainOf, type MailTransport, type OutgoingMail } from './mailTransport';

export interface MemoryTransport extends MailTransport {
  readonly sent: OutgoingMail[];
}

export function createMemoryTransport(from: MailAddress = DEFAULT_FROM): MemoryTransport {
  const sent: OutgoingMail[] = [];
  return {
    kind: 'memory',
    from,
    messageIdDomain: domainOf(from),
    sent,
    async send(mail) {
      sent.push(mail);
      return { providerMessageId: null };
    },
  };
}
