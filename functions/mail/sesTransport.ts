/**
 * SES v2: the raw RFC 5322 message (Content.Raw), through the configuration set whose bounce and
 * complaint events come back to runtime/mailEventRecorder.ts. The tenant and our mail id go in
 * message tags (SES allows only [A-Za-z0-9_-] in tag values, so reminder keys are not tagged;
 * the reminder records hold the SES MessageId instead).
 */
import { SendEmailCommand, SESv2ServiceException, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { MailAddress } from '../../domain/reminders/rfc5322';
import { domainOf, PermanentMailError, type MailTransport } from './mailTransport';

export interface SesTransportSettings {
  from: MailAddress;
  configurationSetName?: string;
}

/** Rejections that retrying cannot fix; throttling, 5xx and network errors are retried. */
const PERMANENT_ERRORS = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'AccountSuspendedException', 'SendingPausedException', 'BadRequestException', 'NotFoundException']);

const tagValue = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256);

export function createSesTransport(client: SESv2Client, settings: SesTransportSettings): MailTransport {
  return {
    kind: 'ses',
    from: settings.from,
    messageIdDomain: domainOf(settings.from),
    async send(mail) {
      try {
        const result = await client.send(new SendEmailCommand({
          FromEmailAddress: settings.from.email,
          Destination: { ToAddresses: [mail.to] },
          Content: { Raw: { Data: Buffer.from(mail.raw, 'utf8') } },
          ConfigurationSetName: settings.configurationSetName,
          EmailTags: [
            { Name: 'tenantId', Value: tagValue(mail.tenantId) },
            { Name: 'mailId', Value: tagValue(mail.mailId) },
          ],
        }));
        return { providerMessageId: result.MessageId ?? null };
      } catch (error) {
        if (error instanceof SESv2ServiceException && PERMANENT_ERRORS.has(error.name)) throw new PermanentMailError(`${error.name}: ${error.message}`);
        throw error;
      }
    },
  };
}
