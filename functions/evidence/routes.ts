/**
 * Evidence (issue #17; seed 000 §11, seed 001 Art. 14): records of the files that show the plan is
 * carried out — what each is, which records it supports, its SHA-256, size, media type and
 * retention — uploaded through a pre-signed URL, hash-checked by the server before they count,
 * kept at least five years after the year they relate to (longer on legal hold), and deleted only
 * after that, audited.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { EVIDENCE_ID_PATTERN, supportsFilterOf } from '../../domain/evidence';
import { OWNER_ONLY, READ_ROLES, WRITE_ROLES } from '../../domain/access/roles';
import { unwrap } from '../application/failures';
import { commandContextOf, listBindingOf } from '../http/commandContext';
import type { ApiEnv } from '../http/context';
import { expectedVersion, setEtag } from '../http/etag';
import { pageQuerySchema, pageSchema } from '../http/pagination';
import { routeTable } from '../http/route';
import { createEvidence } from './commands/createEvidence';
import { deleteEvidence } from './commands/deleteEvidence';
import { evidenceDownload } from './commands/evidenceDownload';
import { setLegalHold } from './commands/setLegalHold';
import { verifyEvidence } from './commands/verifyEvidence';
import {
  createdEvidenceSchema,
  createEvidenceSchema,
  evidenceDeletionSchema,
  evidenceViewSchema,
  evidenceWithDownloadSchema,
  legalHoldBodySchema,
  listEvidenceQuerySchema,
  toEvidenceView,
} from './evidenceModel';
import { listEvidence, requireEvidence } from './evidenceStore';

const TAG = 'Evidence';
const read = { plane: 'tenant', roles: READ_ROLES } as const;
const write = { plane: 'tenant', roles: WRITE_ROLES } as const;
// Deleting evidence ends what the tenant can show an inspector: the owner decides.
const ownerOnly = { plane: 'tenant', roles: OWNER_ONLY } as const;

const idParams = z.object({ evidenceId: z.string().regex(EVIDENCE_ID_PATTERN).openapi({ param: { name: 'evidenceId', in: 'path' }, example: 'evd_01jq3z5k8m9n0p1q2r3s4t5v6w' }) });

const route = routeTable([TAG]);

const routes = {
  create: route.post('/v1/evidence', write, '登錄佐證並取得上傳網址 / Register evidence and get its upload URL', { body: createEvidenceSchema, description: 'The record is pending until POST …/verification has checked the uploaded file against sha256 and sizeBytes.', 201: [createdEvidenceSchema, 'The pending record and a short-lived upload URL'] }),
  verify: route.post('/v1/evidence/{evidenceId}/verification', write, '驗證上傳檔案之雜湊值 / Check the uploaded file\'s SHA-256 and size', { params: idParams, description: 'complete when they match, rejected when not (a new record is needed then). Optional If-Match.', 200: [evidenceViewSchema, 'The record after the check'] }),
  list: route.get('/v1/evidence', read, '佐證清單 / Evidence, newest first', { query: pageQuerySchema.extend(listEvidenceQuerySchema.shape).strict(), description: 'supportsKind and supportsId together list the evidence supporting one record.', 200: [pageSchema(evidenceViewSchema, 'EvidencePage'), 'Newest first'] }),
  get: route.get('/v1/evidence/{evidenceId}', read, '佐證（含短效下載連結）/ Evidence with a short-lived download link', { params: idParams, 200: [evidenceWithDownloadSchema, 'The record; ETag is its version'] }),
  legalHold: route.post('/v1/evidence/{evidenceId}/legal-hold', write, '設定或解除法律保全 / Put on or lift a legal hold', { params: idParams, body: legalHoldBodySchema, description: 'While on hold the evidence cannot be deleted, whatever its retention. Optional If-Match.', 200: [evidenceViewSchema, 'The record'] }),
  delete: route.delete('/v1/evidence/{evidenceId}', ownerOnly, '刪除保存期限屆滿之佐證 / Delete evidence whose retention has ended (audited)', { params: idParams, description: 'Refused (422) on legal hold, and for complete evidence before retention.deletableFrom. If-Match required.', 200: [evidenceDeletionSchema, 'What was deleted, by whom and when'] }),
};

export const evidenceArea = {
  name: 'evidence',
  register(app: OpenAPIHono<ApiEnv>) {
    app.openapi(routes.create, async (c) => {
      const { body, version } = await createEvidence(commandContextOf(c), c.get('deps').objectStore, c.req.valid('json'));
      setEtag(c, version);
      return c.json(body, 201);
    });

    app.openapi(routes.verify, async (c) => {
      const { view, version } = await verifyEvidence(commandContextOf(c), c.get('deps').objectStore, c.req.valid('param').evidenceId, expectedVersion(c, { required: false }));
      setEtag(c, version);
      return c.json(view, 200);
    });

    app.openapi(routes.list, async (c) => {
      const { limit, cursor, supportsKind, supportsId } = c.req.valid('query');
      const supports = unwrap(supportsFilterOf(supportsKind, supportsId));
      const list = listBindingOf(c, 'evidence', { supportsKind: supportsKind ?? null, supportsId: supportsId ?? null });
      return c.json(await listEvidence(commandContextOf(c).table, { supports }, { limit, cursor }, list, toEvidenceView), 200);
    });

    app.openapi(routes.get, async (c) => {
      const context = commandContextOf(c);
      const record = await requireEvidence(context.table, c.req.valid('param').evidenceId);
      setEtag(c, record.version);
      return c.json({ ...toEvidenceView(record), download: await evidenceDownload(context, c.get('deps').objectStore, record) }, 200);
    });

    app.openapi(routes.legalHold, async (c) => {
      const { view, version } = await setLegalHold(commandContextOf(c), c.get('deps').objectStore, c.req.valid('param').evidenceId, c.req.valid('json'), expectedVersion(c, { required: false }));
      setEtag(c, version);
      return c.json(view, 200);
    });

    app.openapi(routes.delete, async (c) => {
      const receipt = await deleteEvidence(commandContextOf(c), c.get('deps').objectStore, c.req.valid('param').evidenceId, expectedVersion(c));
      return c.json(receipt, 200);
    });
  },
};
