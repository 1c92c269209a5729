/**
 * Inspection packs (issue #17): one call builds an archive a regulator inspection can be answered
 * with, for a chosen period. POST answers 202 with the job (Location: the job); the build runs
 * asynchronously; GET shows its progress and, once ready, a 15-minute download link.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { jobAsOf } from '../../domain/inspectionPack';
import type { AccessPolicy } from '../../domain/access/roles';
import { commandContextOf, listBindingOf } from '../http/commandContext';
import type { ApiEnv } from '../http/context';
import { setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { routeTable } from '../http/route';
import { requestInspectionPack } from './commands/requestInspectionPack';
import { inspectionPackViewSchema, requestInspectionPackSchema, toInspectionPackView } from './inspectionPackModel';
import { listInspectionPacks, requireInspectionPack } from './inspectionPackStore';

const TAG = 'Inspection packs';
// The pack holds every compliance record of the period: the people who answer an inspection, not integrations.
const read: AccessPolicy = { plane: 'tenant', roles: ['owner', 'officer', 'auditor'] };
const write: AccessPolicy = { plane: 'tenant', roles: ['owner', 'officer'] };

/** How long a download link works. */
export const DOWNLOAD_LINK_SECONDS = 15 * 60;

const idParams = z.object({ inspectionPackId: z.string().regex(/^ipk_[0-9a-z]{26}$/).openapi({ param: { name: 'inspectionPackId', in: 'path' }, example: 'ipk_01jq3z5k8m9n0p1q2r3s4t5v6w' }) });

const route = routeTable([TAG]);

const routes = {
  request: route.post('/v1/inspection-packs', write, '製作檢查資料包 / Build an inspection pack for a period (asynchronous)', {
    body: requestInspectionPackSchema,
    description: 'The plan in force, the inventory (XLSX), the latest approved risk assessment, vendor checks and contract clause findings, training, assessments with findings and corrective actions, incidents with regulator forms and notices, data-subject request figures, evidence files and the audit-chain verification, with a manifest of SHA-256 hashes. Answers 202; follow Location.',
    202: [inspectionPackViewSchema, 'The job (queued); Location names it'],
  }),
  list: route.get('/v1/inspection-packs', read, '檢查資料包清單 / Inspection packs, newest first', { query: pageQuerySchema, 200: [pageSchema(inspectionPackViewSchema, 'InspectionPackPage'), 'Newest first'] }),
  get: route.get('/v1/inspection-packs/{inspectionPackId}', read, '檢查資料包（進度及下載連結）/ An inspection pack: progress, and when ready a short-lived download link', { params: idParams, 200: [inspectionPackViewSchema, 'The job; download appears when ready (valid 15 minutes)'] }),
};

export const inspectionPacksArea = {
  name: 'inspectionPacks',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(routes.request, async (c) => {
      const { view, version } = await requestInspectionPack(commandContextOf(c), c.req.valid('json'), c.get('deps').inspectionPackBuilds);
      setEtag(c, version);
      c.header('Location', `/v1/inspection-packs/${view.inspectionPackId}`);
      return c.json(view, 202);
    });

    app.openapi(routes.list, async (c) => {
      const context = commandContextOf(c);
      const { limit, cursor } = c.req.valid('query');
      const now = context.clock();
      return c.json(await listInspectionPacks(context.table, { limit, cursor }, listBindingOf(c, 'inspection-packs', {}), (job) => toInspectionPackView(jobAsOf(job, now))), 200);
    });

    app.openapi(routes.get, async (c) => {
      const context = commandContextOf(c);
      const stored = await requireInspectionPack(context.table, c.req.valid('param').inspectionPackId);
      const job = jobAsOf(stored, context.clock());
      const download = job.status === 'ready' && job.archive
        ? await c.get('deps').objectStore.presignDownload(job.archive.storageKey, { expiresInSeconds: DOWNLOAD_LINK_SECONDS, fileName: job.archive.fileName })
        : undefined;
      setEtag(c, stored.version);
      return c.json(toInspectionPackView(job, download), 200);
    });
  },
};
