/** API views of evidence records (zod schemas: validation, types and docs). */
import { z } from '@hono/zod-openapi';
import {
  deletableFrom,
  EARLIEST_EVIDENCE_YEAR,
  evidenceLinkKinds,
  evidenceMediaTypes,
  evidenceStatuses,
  MAX_EVIDENCE_BYTES,
  MAX_LINKS,
  MAXIMUM_RETENTION_YEARS,
  MINIMUM_RETENTION_YEARS,
  retentionEndsOn,
} from '../../domain/evidence';
import type { StoredEvidence } from './evidenceStore';

const mediaTypes = evidenceMediaTypes as unknown as [string, ...string[]];

// ------------------------------------------------------------------------------------- inputs

export const evidenceLinkSchema = z
  .object({
    kind: z.enum(evidenceLinkKinds).describe('The kind of record the evidence supports'),
    id: z.string().trim().min(1).max(160).describe('The record\'s id; an assessment item is <complianceAssessmentId>#<itemNumber>'),
  })
  .strict()
  .openapi('EvidenceLink');

export const createEvidenceSchema = z
  .object({
    title: z.string().trim().min(1).max(200).describe('What the evidence is, e.g. 114年度個資教育訓練簽到表'),
    description: z.string().trim().max(2000).optional(),
    supports: z.array(evidenceLinkSchema).min(1).max(MAX_LINKS).describe('The records this evidence supports'),
    fileName: z.string().trim().min(1).max(200).describe('The file\'s name (its extension must fit mediaType); used for downloads'),
    mediaType: z.enum(mediaTypes).describe('pdf, png, jpeg, docx, xlsx, csv, txt or zip'),
    sizeBytes: z.number().int().min(1).max(MAX_EVIDENCE_BYTES).describe('The exact size of the file in bytes'),
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/).describe('SHA-256 of the file, hexadecimal; the upload is accepted only if it matches'),
    relatesToYear: z.number().int().min(EARLIEST_EVIDENCE_YEAR).max(9999).describe('The (Gregorian) year the evidence is about; retention runs from the end of it'),
    retentionYears: z.number().int().min(MINIMUM_RETENTION_YEARS).max(MAXIMUM_RETENTION_YEARS).optional().describe('Years kept after that year ends; at least 5 (regulation Art. 14), default 5'),
  })
  .strict()
  .openapi('EvidenceCreate');
export type CreateEvidenceInput = z.infer<typeof createEvidenceSchema>;

export const legalHoldBodySchema = z
  .object({
    on: z.boolean().describe('true puts the hold on, false lifts it'),
    reason: z.string().trim().min(1).max(1000).describe('Why (e.g. the inspection, dispute or litigation it is kept for), or why it is lifted'),
  })
  .strict()
  .openapi('EvidenceLegalHold');

export const listEvidenceQuerySchema = z.object({
  supportsKind: z.enum(evidenceLinkKinds).optional().describe('With supportsId: only evidence supporting this record'),
  supportsId: z.string().trim().min(1).max(160).optional().describe('The record\'s id (an assessment item: <complianceAssessmentId>#<itemNumber>, with # as %23)'),
});

// -------------------------------------------------------------------------------------- views

export const evidenceViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().optional(),
    supports: z.array(evidenceLinkSchema),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string().describe('The declared SHA-256'),
    status: z.enum(evidenceStatuses).describe('pending until the server has checked the uploaded file; complete when its SHA-256 and size match, rejected when not'),
    relatesToYear: z.number().int(),
    retention: z.object({
      years: z.number().int(),
      endsOn: z.string().describe('The last day it must be kept (31 Dec of relatesToYear + years)'),
      deletableFrom: z.string().describe('The first day it may be deleted, unless on legal hold'),
    }),
    legalHold: z.object({ reason: z.string(), by: z.string(), since: z.string() }).nullable(),
    verification: z.object({ at: z.string(), by: z.string(), actualSha256: z.string(), actualSizeBytes: z.number().int() }).nullable(),
    addedBy: z.string(),
    addedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Evidence');
export type EvidenceView = z.infer<typeof evidenceViewSchema>;

export const uploadInstructionSchema = z
  .object({
    url: z.string().describe('PUT the file\'s bytes here, with these headers, before expiresAt'),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  })
  .openapi('EvidenceUpload');

export const createdEvidenceSchema = z
  .object({
    evidence: evidenceViewSchema,
    upload: uploadInstructionSchema,
    next: z.string().describe('What to do after the upload'),
  })
  .openapi('EvidenceCreated');

export const evidenceWithDownloadSchema = evidenceViewSchema
  .extend({
    download: z.object({ url: z.string(), expiresAt: z.string() }).nullable().describe('A short-lived link to the file; only for complete evidence'),
  })
  .openapi('EvidenceWithDownload');

export const evidenceDeletionSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    sha256: z.string(),
    status: z.enum(evidenceStatuses),
    deletedAt: z.string(),
    deletedBy: z.string(),
    retentionEnded: z.boolean().describe('false only for a pending or rejected record, which never counted as evidence'),
  })
  .openapi('EvidenceDeletion');

export function toEvidenceView(record: StoredEvidence): EvidenceView {
  return {
    id: record.evidenceId,
    title: record.title,
    ...(record.description ? { description: record.description } : {}),
    supports: record.supports.map((link) => ({ kind: link.kind, id: link.id })),
    fileName: record.fileName,
    mediaType: record.mediaType,
    sizeBytes: record.sizeBytes,
    sha256: record.sha256,
    status: record.status,
    relatesToYear: record.relatesToYear,
    retention: { years: record.retentionYears, endsOn: retentionEndsOn(record), deletableFrom: deletableFrom(record) },
    legalHold: record.legalHold ?? null,
    verification: record.verification ?? null,
    addedBy: record.addedBy,
    addedAt: record.addedAt,
    version: record.version,
  };
}
