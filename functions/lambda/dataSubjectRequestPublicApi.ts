/** Lambda: the public data-subject request form (no credential; rate limited per address and e-mail). */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { dataSubjectRequestPublicGroup } from '../apps/groups/dataSubjectRequestPublic';
import { createAreaHandler } from './areaHandler';
import { sesMailerFromEnvironment } from '../mail/sesMailer';

// The form mails its one-time confirmation link and the receipt.
export const handler = createAreaHandler('dataSubjectRequestPublic', dataSubjectRequestPublicGroup, { mailer: sesMailerFromEnvironment });
