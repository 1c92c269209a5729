/** Lambda: Incidents: the 72-hour clock, notifications, corrective actions, drills. */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { incidentsGroup } from '../apps/groups/incidents';
import { createAreaHandler } from './areaHandler';

export const handler = createAreaHandler('incidents', incidentsGroup);
