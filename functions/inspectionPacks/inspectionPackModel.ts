/** API views of inspection packs (zod schemas: validation, types and docs). */
import { z } from '@hono/zod-openapi';
import { archiveExpiresAt, inspectionPackStatuses, inspectionPackStepLabels, inspectionPackSteps, MAX_PERIOD_YEARS, type InspectionPackJob } from '../../domain/inspectionPack';

const localized = z.object({ zhTW: z.string(), en: z.string() });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const requestInspectionPackSchema = z
  .object({
    periodFrom: isoDate.describe('First day of the period (tenant time), YYYY-MM-DD'),
    periodTo: isoDate.describe(`Last day of the period, not after today; at most ${MAX_PERIOD_YEARS} years after periodFrom`),
  })
  .strict()
  .openapi('InspectionPackRequest');
export type RequestInspectionPackInput = z.infer<typeof requestInspectionPackSchema>;

export const inspectionPackViewSchema = z
  .object({
    inspectionPackId: z.string(),
    period: z.object({ from: z.string(), to: z.string() }),
    status: z.enum(inspectionPackStatuses).describe('queued → building → ready | failed; a build past the builder\'s time limit reads as failed; a ready pack reads as expired once its ZIP is no longer kept (archiveExpiresAt)'),
    requestedAt: z.string(),
    requestedBy: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    progress: z.object({
      stepsDone: z.number().int(),
      totalSteps: z.number().int(),
      currentStep: z.enum(inspectionPackSteps).nullable(),
      currentStepLabel: localized.nullable(),
    }),
    archive: z
      .object({
        fileName: z.string(),
        sizeBytes: z.number().int(),
        sha256: z.string().describe('SHA-256 (hex) of the ZIP as stored'),
        fileCount: z.number().int(),
        listedOnlyCount: z.number().int().describe('Evidence files listed in the manifest (hash, storage key) instead of included'),
      })
      .optional(),
    archiveExpiresAt: z.string().optional().describe('Ready or expired packs: when the ZIP stops being kept (30 days after the build; the records themselves stay). Request a new pack after it'),
    download: z.object({ url: z.string(), expiresAt: z.string() }).optional().describe('Only on GET of a ready pack: a short-lived (15 minutes) link'),
    failure: z.object({ code: z.string(), reason: localized }).optional(),
  })
  .openapi('InspectionPack');
export type InspectionPackView = z.infer<typeof inspectionPackViewSchema>;

export function toInspectionPackView(job: InspectionPackJob, download?: { url: string; expiresAt: string }): InspectionPackView {
  const step = job.progress.currentStep;
  const expiresAt = archiveExpiresAt(job);
  return {
    inspectionPackId: job.inspectionPackId,
    period: { from: job.period.from, to: job.period.to },
    status: job.status,
    requestedAt: job.requestedAt,
    requestedBy: job.requestedBy,
    ...(job.startedAt ? { startedAt: job.startedAt } : {}),
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    progress: { stepsDone: job.progress.stepsDone, totalSteps: job.progress.totalSteps, currentStep: job.status === 'building' ? step : null, currentStepLabel: job.status === 'building' && step ? inspectionPackStepLabels[step] : null },
    ...(job.archive
      ? { archive: { fileName: job.archive.fileName, sizeBytes: job.archive.sizeBytes, sha256: job.archive.sha256, fileCount: job.archive.fileCount, listedOnlyCount: job.archive.listedOnlyCount } }
      : {}),
    ...(expiresAt ? { archiveExpiresAt: expiresAt } : {}),
    ...(download ? { download } : {}),
    ...(job.failure ? { failure: job.failure } : {}),
  };
}
