/** Lambda (sends mail: operators can run the review sweep): Tenant onboarding, lifecycle, the control-plane audit trail and operator review sweeps. */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { platformGroup } from '../apps/groups/platform';
import { sesMailerFromEnvironment } from '../mail/sesMailer';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('platform', platformGroup, { mailer: sesMailerFromEnvironment });
