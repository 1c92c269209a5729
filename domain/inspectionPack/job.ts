/**
 * The inspection-pack job (issue #17): one archive a regulator inspection can be answered with,
 * built asynchronously. queued → building (steps done / total, current step) → ready | failed.
 * Every transition is pure and returns an Outcome, so a second build attempt (an async invoke
 * retried by Lambda) meets `conflict` instead of building twice.
 */
import type { IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type Outcome } from '../shared/outcome';

export const inspectionPackStatuses = ['queued', 'building', 'ready', 'failed', 'expired'] as const;
export type InspectionPackStatus = (typeof inspectionPackStatuses)[number];

/** The builder's steps, in the order it runs them (and the order of the archive's folders). */
export const inspectionPackSteps = [
  'planDocuments',
  'inventory',
  'riskAssessment',
  'vendors',
  'training',
  'assessments',
  'incidents',
  'dataSubjectRequests',
  'evidence',
  'auditChain',
  'archive',
] as const;
export type InspectionPackStep = (typeof inspectionPackSteps)[number];

export const inspectionPackStepLabels: Record<InspectionPackStep, LocalizedText> = {
  planDocuments: { zhTW: '安全維護計畫', en: 'Security maintenance plan' },
  inventory: { zhTW: '個資盤點表', en: 'Personal-data inventory' },
  riskAssessment: { zhTW: '風險評估', en: 'Risk assessment' },
  vendors: { zhTW: '委外監督', en: 'Vendor oversight' },
  training: { zhTW: '教育訓練', en: 'Training' },
  assessments: { zhTW: '稽核及自我評估', en: 'Audits and self-assessments' },
  incidents: { zhTW: '個資事故', en: 'Incidents' },
  dataSubjectRequests: { zhTW: '當事人請求統計', en: 'Data-subject request figures' },
  evidence: { zhTW: '佐證資料', en: 'Evidence files' },
  auditChain: { zhTW: '稽核軌跡驗證', en: 'Audit-trail verification' },
  archive: { zhTW: '封裝及儲存', en: 'Archiving and storing' },
};

export interface InspectionPackPeriod {
  from: IsoDate;
  to: IsoDate;
}

export interface InspectionPackProgress {
  stepsDone: number;
  totalSteps: number;
  currentStep: InspectionPackStep | null;
}

/** The stored archive: where it is, how big, and its SHA-256 (hex), so a copy can be checked. */
export interface InspectionPackArchive {
  storageKey: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  /** Files inside the archive (manifest.json and 清單.csv included). */
  fileCount: number;
  /** Evidence files listed in the manifest with their hash and storage key instead of included. */
  listedOnlyCount: number;
}

export interface InspectionPackFailure {
  code: string;
  reason: LocalizedText;
}

export interface InspectionPackJob {
  inspectionPackId: string;
  period: InspectionPackPeriod;
  status: InspectionPackStatus;
  requestedAt: string;
  requestedBy: string;
  startedAt?: string;
  finishedAt?: string;
  updatedAt: string;
  progress: InspectionPackProgress;
  archive?: InspectionPackArchive;
  failure?: InspectionPackFailure;
}

export const inspectionPackJobErrorCodes = ['PACK_NOT_QUEUED', 'PACK_NOT_BUILDING', 'PACK_ALREADY_FINISHED', 'PACK_PROGRESS_INVALID'] as const;
export type InspectionPackJobErrorCode = (typeof inspectionPackJobErrorCodes)[number];

const TOTAL_STEPS = inspectionPackSteps.length;

export function queueInspectionPack(input: { inspectionPackId: string; period: InspectionPackPeriod; requestedAt: string; requestedBy: string }): InspectionPackJob {
  return {
    inspectionPackId: input.inspectionPackId,
    period: input.period,
    status: 'queued',
    requestedAt: input.requestedAt,
    requestedBy: input.requestedBy,
    updatedAt: input.requestedAt,
    progress: { stepsDone: 0, totalSteps: TOTAL_STEPS, currentStep: null },
  };
}

/** queued → building. A job already building or finished is not started again. */
export function startBuilding(job: InspectionPackJob, now: string): Outcome<InspectionPackJob, InspectionPackJobErrorCode> {
  if (job.status !== 'queued') {
    return fail('conflict', 'PACK_NOT_QUEUED', { zhTW: '此檢查資料包已開始或已結束製作。', en: 'This inspection pack is already being built or finished.' });
  }
  return ok({ ...job, status: 'building', startedAt: now, updatedAt: now, progress: { stepsDone: 0, totalSteps: TOTAL_STEPS, currentStep: inspectionPackSteps[0] } });
}

/** Records that `step` is done; the next step becomes current. Steps finish in order, each once. */
export function completeStep(job: InspectionPackJob, step: InspectionPackStep, now: string): Outcome<InspectionPackJob, InspectionPackJobErrorCode> {
  if (job.status !== 'building') {
    return fail('conflict', 'PACK_NOT_BUILDING', { zhTW: '此檢查資料包不在製作中。', en: 'This inspection pack is not being built.' });
  }
  const index = inspectionPackSteps.indexOf(step);
  if (index !== job.progress.stepsDone) {
    return fail('invalid', 'PACK_PROGRESS_INVALID', { zhTW: `步驟 ${step} 不是目前之步驟。`, en: `Step ${step} is not the current step.` });
  }
  const stepsDone = index + 1;
  return ok({ ...job, updatedAt: now, progress: { stepsDone, totalSteps: TOTAL_STEPS, currentStep: inspectionPackSteps[stepsDone] ?? null } });
}

/** building → ready, once every step is done; the archive is recorded with its size and hash. */
export function markReady(job: InspectionPackJob, archive: InspectionPackArchive, now: string): Outcome<InspectionPackJob, InspectionPackJobErrorCode> {
  if (job.status !== 'building') {
    return fail('conflict', 'PACK_NOT_BUILDING', { zhTW: '此檢查資料包不在製作中。', en: 'This inspection pack is not being built.' });
  }
  if (job.progress.stepsDone !== TOTAL_STEPS) {
    return fail('invalid', 'PACK_PROGRESS_INVALID', { zhTW: '尚有步驟未完成。', en: 'Not every step is done.' });
  }
  return ok({ ...job, status: 'ready', finishedAt: now, updatedAt: now, archive, progress: { ...job.progress, currentStep: null } });
}

/** queued | building → failed with a reason; a finished job stays as it is. */
export function markFailed(job: InspectionPackJob, failure: InspectionPackFailure, now: string): Outcome<InspectionPackJob, InspectionPackJobErrorCode> {
  if (job.status === 'ready' || job.status === 'failed' || job.status === 'expired') {
    return fail('conflict', 'PACK_ALREADY_FINISHED', { zhTW: '此檢查資料包已結束製作。', en: 'This inspection pack is already finished.' });
  }
  return ok({ ...job, status: 'failed', finishedAt: now, updatedAt: now, failure });
}

/**
 * The longest a build may run: the builder Lambda's timeout (infra/constructs/inspectionPackBuilder.ts
 * uses the same constant). Lambda's own limit is 15 minutes.
 */
export const BUILDER_TIMEOUT_SECONDS = 900;
/** Margin for the invoke to start and a last write to land, so a live build is never called stale. */
const STALE_MARGIN_SECONDS = 120;

export const BUILD_TIMED_OUT: InspectionPackFailure = {
  code: 'BUILD_TIMED_OUT',
  reason: {
    zhTW: '製作逾時或中斷（超過製作程序之時限仍未完成），請重新申請。',
    en: 'The build timed out or was interrupted (not finished within the builder\'s time limit); request a new pack.',
  },
};

/**
 * Days a built pack's ZIP is kept. A pack copies personal-data records (evidence files, incident
 * notices) for one inspection: once it has served, the copy goes (data minimisation, PDPA Art. 5 and
 * Art. 11 III); the records themselves stay. The storage deletes it a day later
 * (infra/constructs/evidenceStorage.ts), so a link issued on the last day still works.
 */
export const INSPECTION_PACK_ARCHIVE_DAYS = 30;

/** When a built pack's ZIP stops being offered (finishedAt + INSPECTION_PACK_ARCHIVE_DAYS). */
export function archiveExpiresAt(job: Pick<InspectionPackJob, 'status' | 'finishedAt'>): string | undefined {
  if (job.status !== 'ready' && job.status !== 'expired') return undefined;
  if (!job.finishedAt) return undefined;
  return new Date(Date.parse(job.finishedAt) + INSPECTION_PACK_ARCHIVE_DAYS * 86_400_000).toISOString();
}

/**
 * The job as it reads at `now`: a job still queued or building after the builder's timeout can
 * no longer finish (the Lambda was stopped), so it reads as failed instead of "building" forever;
 * a ready pack past its archive days reads as expired (its hash and size stay on the record).
 */
export function jobAsOf(job: InspectionPackJob, now: Date): InspectionPackJob {
  if (job.status === 'ready') {
    const expiresAt = archiveExpiresAt(job);
    return expiresAt !== undefined && now.getTime() >= Date.parse(expiresAt) ? { ...job, status: 'expired' } : job;
  }
  if (job.status !== 'queued' && job.status !== 'building') return job;
  const since = Date.parse(job.startedAt ?? job.requestedAt);
  if (now.getTime() - since <= (BUILDER_TIMEOUT_SECONDS + STALE_MARGIN_SECONDS) * 1000) return job;
  return { ...job, status: 'failed', failure: BUILD_TIMED_OUT };
}
