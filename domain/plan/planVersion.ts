/**
 * Plan versions: draft → submitted → approved → superseded, and submitted → draft when the
 * approver rejects it. The plan must be approved by the representative (代表人) or a person they
 * authorise (K0010162 Art. 5 ¶2; Q0010012 Art. 3 ¶2 also allows 法定代理人 or an internal body).
 * An approved version is the plan in force and never changes; a change is a new version, and
 * approving it supersedes the one before. Every transition is a pure function returning an
 * Outcome: the new state, or an error whose kind says whether the state (conflict) or the
 * request (invalid, forbiddenByRule) stands in the way.
 */
import { z } from 'zod';
import type { IsoDate } from '../shared/isoDate';
import { isIsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type DomainErrorKind, type Outcome } from '../shared/outcome';
import { acceptedGapSchema, canApprove, type AcceptedGap, type PlanGap } from './completeness';
import type { PlanContent } from './planContent';
import type { PlanTableRows } from './render/rows';
import { formatRocVersionLabel } from './rocDate';

export const planVersionStatuses = ['draft', 'submitted', 'approved', 'superseded'] as const;
export type PlanVersionStatus = (typeof planVersionStatuses)[number];

/** Who may approve: the representative, a person they authorise, a legal representative, or an internal body (董事會). */
export const approverCapacities = ['representative', 'authorisedPerson', 'legalRepresentative', 'internalBody'] as const;
export type ApproverCapacity = (typeof approverCapacities)[number];
export const approverCapacityLabels: Record<ApproverCapacity, LocalizedText> = {
  representative: { zhTW: '代表人', en: 'Representative' },
  authorisedPerson: { zhTW: '代表人授權人員', en: 'Person authorised by the representative' },
  legalRepresentative: { zhTW: '法定代理人', en: 'Legal representative' },
  internalBody: { zhTW: '內部權責單位', en: 'Internal governing body' },
};

export interface PlanApproval {
  approverName: string;
  approverTitle: string;
  capacity: ApproverCapacity;
  /** Reference to the authorisation when approved by an authorised person. */
  authorisationReference?: string;
  approvedAt: string;
  acceptedGaps: AcceptedGap[];
}

export interface PlanVersion {
  versionNumber: number;
  /** The date in the version label (114年1月2日 7版). */
  versionDate: IsoDate;
  status: PlanVersionStatus;
  content: PlanContent;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  submittedBy?: string;
  rejection?: { rejectedAt: string; rejectedBy: string; reason: string };
  approval?: PlanApproval;
  supersededAt?: string;
  supersededByVersion?: number;
}

export const planVersionErrorCodes = [
  'VERSION_NOT_DRAFT',
  'VERSION_NOT_SUBMITTED',
  'VERSION_IMMUTABLE',
  'VERSION_NOT_FOUND',
  'DRAFT_ALREADY_OPEN',
  'GAPS_NOT_ACCEPTED',
  'INVALID_APPROVER',
  'INVALID_VERSION_DATE',
  'REJECTION_REASON_REQUIRED',
] as const;
export type PlanVersionErrorCode = (typeof planVersionErrorCodes)[number];

/** The state forbids the step (409), the request is invalid or the law forbids it (422), or the version is unknown (404). */
const errorKind: Record<PlanVersionErrorCode, DomainErrorKind> = {
  VERSION_NOT_DRAFT: 'conflict',
  VERSION_NOT_SUBMITTED: 'conflict',
  VERSION_IMMUTABLE: 'conflict',
  VERSION_NOT_FOUND: 'notFound',
  DRAFT_ALREADY_OPEN: 'conflict',
  GAPS_NOT_ACCEPTED: 'forbiddenByRule',
  INVALID_APPROVER: 'invalid',
  INVALID_VERSION_DATE: 'invalid',
  REJECTION_REASON_REQUIRED: 'invalid',
};

/**
 * What a refused approval carries besides its message: the gaps still without an accepted
 * reason, and one field error per gap (its field, code and article) for the answer.
 */
export interface UnacceptedGapsDetails {
  unacceptedGaps: PlanGap[];
  fieldErrors: { field: string; reason: LocalizedText }[];
}

function gapFieldError(gap: PlanGap): { field: string; reason: LocalizedText } {
  return {
    field: gap.fieldPath,
    reason: {
      zhTW: `${gap.code}（${gap.article.regulation} 第${gap.article.article}條）：${gap.message.zhTW}`,
      en: `${gap.code} (${gap.article.regulation} Art. ${gap.article.article}): ${gap.message.en}`,
    },
  };
}

export type PlanVersionOutcome<T> = Outcome<T, PlanVersionErrorCode>;

const refuse = (code: PlanVersionErrorCode, message: LocalizedText, extra: { field?: string; details?: UnacceptedGapsDetails } = {}) =>
  fail(errorKind[code], code, message, extra);

const nonBlank = (value: string | undefined) => typeof value === 'string' && value.trim().length > 0;

export function planVersionLabel(version: Pick<PlanVersion, 'versionDate' | 'versionNumber'>): string {
  return formatRocVersionLabel(version.versionDate, version.versionNumber);
}

/** The version currently in force, if any. */
export function currentApprovedVersion(versions: readonly PlanVersion[]): PlanVersion | undefined {
  return versions.find((v) => v.status === 'approved');
}

/**
 * Opens a new draft numbered after the highest existing version. Only one draft or submitted
 * version may be open at a time, so two editors cannot race separate drafts.
 */
export function createDraftVersion(
  versions: readonly PlanVersion[],
  input: { content: PlanContent; versionDate: IsoDate; now: string },
): PlanVersionOutcome<PlanVersion> {
  if (!isIsoDate(input.versionDate)) {
    return refuse('INVALID_VERSION_DATE', { zhTW: '版本日期格式錯誤。', en: 'The version date is not a valid date.' }, { field: 'versionDate' });
  }
  if (versions.some((v) => v.status === 'draft' || v.status === 'submitted')) {
    return refuse('DRAFT_ALREADY_OPEN', { zhTW: '已有尚未核定之版本。', en: 'A version is already being drafted or awaiting approval.' });
  }
  const versionNumber = versions.reduce((max, v) => Math.max(max, v.versionNumber), 0) + 1;
  return ok({ versionNumber, versionDate: input.versionDate, status: 'draft', content: input.content, createdAt: input.now, updatedAt: input.now });
}

export function updateDraftVersion(
  version: PlanVersion,
  input: { content: PlanContent; versionDate?: IsoDate; now: string },
): PlanVersionOutcome<PlanVersion> {
  if (version.status === 'approved' || version.status === 'superseded') {
    return refuse('VERSION_IMMUTABLE', { zhTW: '已核定之版本不得修改，請建立新版本。', en: 'An approved version cannot change; create a new version.' });
  }
  if (version.status !== 'draft') {
    return refuse('VERSION_NOT_DRAFT', { zhTW: '僅草稿可修改。', en: 'Only a draft can be edited.' });
  }
  if (input.versionDate !== undefined && !isIsoDate(input.versionDate)) {
    return refuse('INVALID_VERSION_DATE', { zhTW: '版本日期格式錯誤。', en: 'The version date is not a valid date.' }, { field: 'versionDate' });
  }
  return ok({ ...version, content: input.content, versionDate: input.versionDate ?? version.versionDate, updatedAt: input.now });
}

export function submitVersion(version: PlanVersion, input: { submittedBy: string; now: string }): PlanVersionOutcome<PlanVersion> {
  if (version.status !== 'draft') {
    return refuse('VERSION_NOT_DRAFT', { zhTW: '僅草稿可送核。', en: 'Only a draft can be submitted.' });
  }
  return ok({ ...version, status: 'submitted', submittedAt: input.now, submittedBy: input.submittedBy, updatedAt: input.now });
}

export const rejectionInputSchema = z
  .object({
    rejectedBy: z.string().min(1).max(200).describe('Who rejected'),
    reason: z.string().min(1).max(2000).describe('Why it goes back to draft'),
  })
  .strict();

/** The approver sends a submitted version back to draft with a reason. */
export function rejectVersion(version: PlanVersion, input: { rejectedBy: string; reason: string; now: string }): PlanVersionOutcome<PlanVersion> {
  if (version.status !== 'submitted') {
    return refuse('VERSION_NOT_SUBMITTED', { zhTW: '僅送核中之版本可退回。', en: 'Only a submitted version can be rejected.' });
  }
  if (!nonBlank(input.reason)) {
    return refuse('REJECTION_REASON_REQUIRED', { zhTW: '退回須附理由。', en: 'A rejection needs a reason.' }, { field: 'reason' });
  }
  return ok({
    ...version,
    status: 'draft',
    rejection: { rejectedAt: input.now, rejectedBy: input.rejectedBy, reason: input.reason },
    updatedAt: input.now,
  });
}

export const approvalInputSchema = z
  .object({
    approverName: z.string().min(1).max(200).describe('Name of the approver'),
    approverTitle: z.string().min(1).max(200).describe('Title, e.g. 總經理'),
    capacity: z.enum(approverCapacities).describe('代表人 or authorised person'),
    authorisationReference: z.string().max(500).optional().describe('Authorisation document, for an authorised person'),
    acceptedGaps: z.array(acceptedGapSchema).max(200).optional().describe('Gaps accepted with reasons'),
  })
  .strict();
export type ApprovalInput = z.infer<typeof approvalInputSchema>;

/**
 * Approves the submitted version `versionNumber`. `gaps` are the completeness gaps of that
 * version (checkPlanCompleteness); each must be accepted with a reason. Returns every version
 * that changed: the approved one and, if there was one, the superseded predecessor.
 */
export function approveVersion(
  versions: readonly PlanVersion[],
  input: { versionNumber: number; approval: ApprovalInput; gaps: readonly PlanGap[]; now: string },
): PlanVersionOutcome<{ approved: PlanVersion; superseded?: PlanVersion }> {
  const target = versions.find((v) => v.versionNumber === input.versionNumber);
  if (!target) return refuse('VERSION_NOT_FOUND', { zhTW: '找不到此版本。', en: 'No such version.' });
  if (target.status === 'approved' || target.status === 'superseded') {
    return refuse('VERSION_IMMUTABLE', { zhTW: '此版本已核定。', en: 'This version is already approved.' });
  }
  if (target.status !== 'submitted') {
    return refuse('VERSION_NOT_SUBMITTED', { zhTW: '版本須先送核才能核定。', en: 'A version must be submitted before it is approved.' });
  }
  const { approval } = input;
  if (!nonBlank(approval.approverName) || !nonBlank(approval.approverTitle)) {
    return refuse('INVALID_APPROVER', { zhTW: '核定須載明核定人姓名及職稱。', en: 'The approval needs the approver\u2019s name and title.' });
  }
  if (approval.capacity === 'authorisedPerson' && !nonBlank(approval.authorisationReference)) {
    return refuse('INVALID_APPROVER', {
      zhTW: '由授權人員核定時，須載明代表人之授權依據。',
      en: 'An authorised person must cite the representative\u2019s authorisation.',
    });
  }
  const acceptedGaps = approval.acceptedGaps ?? [];
  const check = canApprove(input.gaps, acceptedGaps);
  if (!check.allowed) {
    return refuse(
      'GAPS_NOT_ACCEPTED',
      { zhTW: '計畫尚有缺漏，須逐項敘明理由接受後始得核定。', en: 'The plan has gaps; each must be accepted with a reason before approval.' },
      { details: { unacceptedGaps: check.unacceptedGaps, fieldErrors: check.unacceptedGaps.map(gapFieldError) } },
    );
  }
  const approved: PlanVersion = {
    ...target,
    status: 'approved',
    updatedAt: input.now,
    approval: {
      approverName: approval.approverName,
      approverTitle: approval.approverTitle,
      capacity: approval.capacity,
      ...(approval.authorisationReference ? { authorisationReference: approval.authorisationReference } : {}),
      approvedAt: input.now,
      acceptedGaps: acceptedGaps.filter((a) => nonBlank(a.reason)),
    },
  };
  const previous = currentApprovedVersion(versions);
  if (!previous) return ok({ approved });
  const superseded: PlanVersion = { ...previous, status: 'superseded', supersededAt: input.now, supersededByVersion: approved.versionNumber };
  return ok({ approved, superseded });
}

/** Applies a transition's changed versions to the full list (for stores that keep them together). */
export function replaceVersions(versions: readonly PlanVersion[], changed: readonly PlanVersion[]): PlanVersion[] {
  return versions.map((v) => changed.find((c) => c.versionNumber === v.versionNumber) ?? v);
}

// Frozen tables ---------------------------------------------------------------------------------

/**
 * The inventory, risk and vendor rows as they stood when a version was approved. The approved
 * version is the plan in force and never changes, and its tables are part of what was approved:
 * a file added to the inventory afterwards belongs to the next version, not to this one.
 */
export interface FrozenPlanTables {
  versionNumber: number;
  frozenAt: string;
  rows: PlanTableRows;
}

export function freezePlanTables(approved: Pick<PlanVersion, 'versionNumber' | 'status' | 'approval'>, rows: PlanTableRows): FrozenPlanTables {
  if (approved.status !== 'approved' || !approved.approval) throw new RangeError(`Only an approved version freezes its tables (version ${approved.versionNumber} is ${approved.status})`);
  const copy = <T>(list: readonly T[] | undefined): T[] => (list ?? []).map((row) => ({ ...row }));
  return { versionNumber: approved.versionNumber, frozenAt: approved.approval.approvedAt, rows: { inventory: copy(rows.inventory), risks: copy(rows.risks), vendors: copy(rows.vendors) } };
}

/** `asApproved`: the plan as approved (frozen tables); `currentDraft`: today's live tables. */
export const planTableViews = ['asApproved', 'currentDraft'] as const;
export type PlanTableView = (typeof planTableViews)[number];

export type PlanTablesSource = { source: 'frozenAtApproval'; frozenAt: string } | { source: 'live' };

/**
 * Which rows a version's document shows. An approved or superseded version shows its frozen
 * tables unless the current-draft view is asked for; a draft or submitted version has nothing
 * frozen and shows the live tables. A version approved before tables were frozen has no
 * snapshot: it shows the live tables, labelled as such rather than passed off as approved.
 */
export function documentTablesOf(
  version: Pick<PlanVersion, 'status'>,
  frozen: FrozenPlanTables | undefined,
  live: PlanTableRows,
  view: PlanTableView = 'asApproved',
): { rows: PlanTableRows; tables: PlanTablesSource } {
  const approvedOnce = version.status === 'approved' || version.status === 'superseded';
  if (approvedOnce && view === 'asApproved' && frozen) return { rows: frozen.rows, tables: { source: 'frozenAtApproval', frozenAt: frozen.frozenAt } };
  return { rows: live, tables: { source: 'live' } };
}
