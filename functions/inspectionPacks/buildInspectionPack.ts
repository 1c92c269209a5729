/**
 * The inspection-pack builder: runs in-process locally and in its own Lambda in AWS (the docx and
 * exceljs renderers stay out of the API bundle). It moves the job queued → building, collects each
 * section through the areas' stores and renderers, records progress after every step (an audited
 * conditional write), zips everything with the manifest (fflate), stores the ZIP through the
 * object store under the tenant's prefix and records its size and SHA-256 on the job. Any error
 * marks the job failed with a reason; it is never left "building".
 */
import { zipSync, type Zippable } from 'fflate';
import {
  buildManifest,
  completeStep,
  inspectionPackSteps,
  manifestCsv,
  markFailed,
  markReady,
  MANIFEST_CSV_PATH,
  MANIFEST_JSON_PATH,
  packFile,
  sha256Hex,
  startBuilding,
  type AuditChainResult,
  type InspectionPackStep,
  type ListedOnlyFile,
  type PackMetadata,
  type PlanVersionInForce,
} from '../../domain/inspectionPack';
import { timeZoneOffsetMinutes, zonedDateOf } from '../../domain/shared/isoDate';
import type { LocalizedText } from '../../domain/shared/localizedText';
import type { TenantCommandContext } from '../application/commandContext';
import { CommandFailure } from '../application/failures';
import type { AppDeps } from '../http/appDeps';
import { getTenant } from '../platform/tenantStore';
import { jobContextOf } from '../reviews/reviewsTenant';
import { INSPECTION_PACK_OBJECT_TAG, inspectionPackObjectKey } from './inspectionPackEntities';
import type { StoredInspectionPack } from './inspectionPackStore';
import { transitionInspectionPack } from './inspectionPackTransitions';
import { evidenceSection } from './packEvidence';
import {
  assessmentSection,
  auditChainSection,
  incidentSection,
  inventorySection,
  planSection,
  requestFiguresSection,
  riskSection,
  trainingSection,
  vendorSection,
  type SectionFile,
  type SectionInput,
} from './packSections';

export type BuilderDeps = Pick<AppDeps, 'clock' | 'tenantDocumentClient' | 'dataKeys' | 'deadlineScheduler' | 'logger' | 'controlPlane' | 'objectStore'>;

export interface InspectionPackBuildRequest {
  tenantId: string;
  inspectionPackId: string;
}

/** The audit trail shows the builder (a system actor) moved the job; the manifest names who asked. */
export const BUILDER_ACTOR = 'inspectionPackBuilder';

const ZIP_MEDIA_TYPE = 'application/zip';

/**
 * Builds one pack. Returns the job as it ended, or undefined when there was nothing to build
 * (unknown tenant or job, or a job another invocation already started: Lambda may retry an
 * asynchronous invoke, and the second attempt must not build twice).
 */
export async function buildInspectionPack(deps: BuilderDeps, request: InspectionPackBuildRequest): Promise<StoredInspectionPack | undefined> {
  const profile = await getTenant(deps.controlPlane, request.tenantId);
  if (!profile) {
    deps.logger.warn('inspection pack for an unknown tenant', { ...request });
    return undefined;
  }
  const context = await jobContextOf(deps, profile, BUILDER_ACTOR);
  const { inspectionPackId } = request;
  let job: StoredInspectionPack;
  try {
    job = await transitionInspectionPack(context, inspectionPackId, 'start', (current) => startBuilding(current, context.clock().toISOString()));
  } catch (error) {
    if (error instanceof CommandFailure) {
      deps.logger.info('inspection pack not started again', { ...request, code: error.error.code });
      return undefined;
    }
    throw error;
  }
  try {
    return await runSteps(deps, context, job);
  } catch (error) {
    deps.logger.error('inspection pack build failed', { ...request, jobRequestId: context.requestId, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    const failure = {
      code: 'BUILD_FAILED',
      reason: {
        zhTW: `製作過程發生錯誤，請重新申請；若持續發生請洽系統管理者（處理編號 ${context.requestId}）。`,
        en: `The build failed; request the pack again, and if it keeps failing contact the operator (job reference ${context.requestId}).`,
      },
    };
    return transitionInspectionPack(context, inspectionPackId, 'fail', (current) => markFailed(current, failure, context.clock().toISOString()));
  }
}

async function runSteps(deps: BuilderDeps, context: TenantCommandContext, started: StoredInspectionPack): Promise<StoredInspectionPack> {
  let job = started;
  const id = job.inspectionPackId;
  const timeZone = context.profile.timeZone || 'Asia/Taipei';
  const input: SectionInput = { context, period: job.period, today: zonedDateOf(context.clock(), timeZone), timeZone };
  const collected: (SectionFile & { section: InspectionPackStep })[] = [];
  const notes: PackMetadata['notes'] = [];
  let listedOnly: ListedOnlyFile[] = [];
  let planVersions: PlanVersionInForce[] = [];
  let auditChain: AuditChainResult = { valid: false, eventsChecked: 0 };

  const keep = (section: InspectionPackStep, result: { files: SectionFile[]; notes: LocalizedText[] }) => {
    collected.push(...result.files.map((file) => ({ ...file, section })));
    notes.push(...result.notes.map((note) => ({ section, note })));
  };
  const done = async (step: InspectionPackStep) => {
    job = await transitionInspectionPack(context, id, 'progress', (current) => completeStep(current, step, context.clock().toISOString()));
  };

  for (const step of inspectionPackSteps) {
    switch (step) {
      case 'planDocuments': {
        const result = await planSection(input);
        planVersions = result.inForce;
        keep(step, result);
        break;
      }
      case 'inventory':
        keep(step, await inventorySection(input));
        break;
      case 'riskAssessment':
        keep(step, await riskSection(input));
        break;
      case 'vendors':
        keep(step, await vendorSection(input));
        break;
      case 'training':
        keep(step, await trainingSection(input));
        break;
      case 'assessments':
        keep(step, await assessmentSection(input));
        break;
      case 'incidents':
        keep(step, await incidentSection(input));
        break;
      case 'dataSubjectRequests':
        keep(step, await requestFiguresSection(input));
        break;
      case 'evidence': {
        const result = await evidenceSection(input, deps.objectStore);
        listedOnly = result.listedOnly;
        keep(step, result);
        break;
      }
      case 'auditChain': {
        const result = await auditChainSection(input);
        auditChain = result.result;
        keep(step, result);
        break;
      }
      case 'archive': {
        const archive = await storeArchive(deps, context, job, { collected, notes, listedOnly, planVersions, auditChain, timeZone });
        await done(step);
        return transitionInspectionPack(context, id, 'ready', (current) => markReady(current, archive, context.clock().toISOString()));
      }
    }
    await done(step);
  }
  // The loop returns at 'archive', the last step.
  throw new Error('inspection pack steps ended without the archive step');
}

interface ArchiveParts {
  collected: (SectionFile & { section: InspectionPackStep })[];
  notes: PackMetadata['notes'];
  listedOnly: ListedOnlyFile[];
  planVersions: PlanVersionInForce[];
  auditChain: AuditChainResult;
  timeZone: string;
}

/** Already-compressed formats are stored, the rest deflated. */
const STORED_TYPES = new Set(['application/zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'image/png', 'image/jpeg']);

async function storeArchive(deps: BuilderDeps, context: TenantCommandContext, job: StoredInspectionPack, parts: ArchiveParts) {
  const builtAt = context.clock();
  const metadata: PackMetadata = {
    inspectionPackId: job.inspectionPackId,
    tenantId: context.tenantId,
    companyName: context.profile.companyName,
    ...(context.profile.taxId ? { taxId: context.profile.taxId } : {}),
    period: job.period,
    builtAt: builtAt.toISOString(),
    builtBy: job.requestedBy,
    timeZone: parts.timeZone,
    auditChain: parts.auditChain,
    planVersionsInForce: parts.planVersions,
    notes: parts.notes,
  };
  const manifest = buildManifest(metadata, parts.collected.map((file) => packFile(file.path, file.mediaType, file.bytes, file.section, file.source)), parts.listedOnly);
  const encoder = new TextEncoder();
  const entries: Zippable = {};
  // ZIP times are local wall-clock fields: written in the tenant's zone so the inspector sees the build time.
  const mtime = new Date(builtAt.getTime() + zoneOffsetMs(builtAt, parts.timeZone));
  for (const file of parts.collected) entries[file.path] = [file.bytes, { level: STORED_TYPES.has(file.mediaType) ? 0 : 6, mtime }];
  entries[MANIFEST_JSON_PATH] = [encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`), { level: 6, mtime }];
  entries[MANIFEST_CSV_PATH] = [encoder.encode(manifestCsv(manifest)), { level: 6, mtime }];
  const zip = zipSync(entries);
  const storageKey = inspectionPackObjectKey(context.tenantId, job.inspectionPackId);
  await deps.objectStore.put(storageKey, zip, ZIP_MEDIA_TYPE, { tags: { [INSPECTION_PACK_OBJECT_TAG.key]: INSPECTION_PACK_OBJECT_TAG.value } });
  return {
    storageKey,
    fileName: `個資檢查資料包_${job.period.from}_${job.period.to}.zip`,
    sizeBytes: zip.byteLength,
    sha256: sha256Hex(zip),
    fileCount: Object.keys(entries).length,
    listedOnlyCount: parts.listedOnly.length,
  };
}

/** fflate reads mtime with the host's local-time getters; shift so those getters give the tenant's wall clock. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  return (timeZoneOffsetMinutes(instant, timeZone) + instant.getTimezoneOffset()) * 60_000;
}
