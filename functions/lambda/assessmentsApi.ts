/** Lambda: compliance assessments, training, evidence and inspection packs. */
// First, before any schema module: zod schemas get .openapi() (a public-questionnaire schema calls it at load).
import '@hono/zod-openapi';
import { assessmentsGroup } from '../apps/groups/assessments';
import { createAreaHandler } from './areaHandler';
import { lambdaBuildsFromEnvironment } from '../inspectionPacks/lambdaBuilds';
import { s3ObjectStoreFromEnvironment } from '../storage/s3ObjectStore';

// Evidence and inspection packs live in this group: it alone carries the S3 client.
export const handler = createAreaHandler('assessments', assessmentsGroup, { objectStore: s3ObjectStoreFromEnvironment }, { inspectionPackBuilds: lambdaBuildsFromEnvironment() });
