/**
 * Local mail: each message becomes one RFC 5322 `.eml` file in the outbox folder, openable in
 * any mail client. The file is written under a temporary name and renamed, so a reader (a test,
 * a person watching the folder) never sees half a message.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MailAddress } from '../../domain/reminders/rfc5322';
import { DEFAULT_FROM, domainOf, type MailTransport } from './mailTransport';

export function createOutboxTransport(outboxDir: string, from: MailAddress = DEFAULT_FROM): MailTransport {
  mkdirSync(outboxDir, { recursive: true });
  return {
    kind: 'outbox',
    from,
    messageIdDomain: domainOf(from),
    async send(mail) {
      // The mail id is time-sortable, so the folder lists messages in the order they were queued.
      const file = join(outboxDir, `${mail.mailId}.eml`);
      const temporary = `${file}.part`;
      writeFileSync(temporary, mail.raw, 'utf8');
      renameSync(temporary, file);
      return { providerMessageId: null };
    },
  };
}
