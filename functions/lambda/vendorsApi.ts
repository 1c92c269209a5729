/** Lambda: Vendor oversight (officer side). */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { vendorsGroup } from '../apps/groups/vendors';
import { createAreaHandler } from './areaHandler';
import { sesMailerFromEnvironment } from '../mail/sesMailer';

// A questionnaire link is mailed to the vendor's contact when it is issued.
export const handler = createAreaHandler('vendors', vendorsGroup, { mailer: sesMailerFromEnvironment });
