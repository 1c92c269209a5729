/** Lambda: Data-subject requests with statutory deadlines. */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { dataSubjectRequestsGroup } from '../apps/groups/dataSubjectRequests';
import { createAreaHandler } from './areaHandler';
import { sesMailerFromEnvironment } from '../mail/sesMailer';

// The public request form mails its one-time confirmation link and the receipt.
export const handler = createAreaHandler('dataSubjectRequests', dataSubjectRequestsGroup, { mailer: sesMailerFromEnvironment });
