/** Lambda: The security maintenance plan: versions, completeness, obligations, documents. */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { planGroup } from '../apps/groups/plan';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('plan', planGroup);
