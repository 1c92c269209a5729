/** Lambda: Incidents: the 72-hour clock, notifications, corrective actions, drills. */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { incidentsGroup } from '../apps/groups/incidents';
import { createAreaHandler } from './areaHandler';
import { lambdaBuildsFromEnvironment } from '../inspectionPacks/lambdaBuilds';
import { s3ObjectStoreFromEnvironment } from '../storage/s3ObjectStore';

// Evidence and inspection packs live in this group: it alone carries the S3 client.
export const handler = createAreaHandler('incidents', incidentsGroup, { objectStore: s3ObjectStoreFromEnvironment }, { inspectionPackBuilds: lambdaBuildsFromEnvironment() });
