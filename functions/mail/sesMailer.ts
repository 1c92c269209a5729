/**
 * The SES v2 mailer, wired from the environment. Only the Lambdas that send reminder mail (the
 * daily sweep and the deadline handler) import this module, so the SES client is in their
 * bundles only (functions/runtime/awsDeps.ts `AwsDepsOptions.mailer`).
 */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DEFAULT_FROM, type MailTransport } from './mailTransport';
import { createSesTransport } from './sesTransport';

export function sesMailerFromEnvironment(region: string): MailTransport {
  const from = process.env.SES_FROM_ADDRESS;
  if (!from) throw new Error('missing environment variable SES_FROM_ADDRESS');
  return createSesTransport(new SESv2Client({ region }), {
    from: { name: process.env.SES_FROM_NAME ?? DEFAULT_FROM.name, email: from },
    configurationSetName: process.env.SES_CONFIGURATION_SET,
  });
}
