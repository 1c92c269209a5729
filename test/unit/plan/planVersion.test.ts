import { describe, expect, it } from 'vitest';
import type { PlanGap } from '../../../domain/plan/completeness';
import { examplePlanContent } from '../../../domain/plan/examplePlan';
import {
  approveVersion,
  createDraftVersion,
  currentApprovedVersion,
  planVersionLabel,
  rejectVersion,
  replaceVersions,
  submitVersion,
  updateDraftVersion,
  type ApprovalInput,
  type PlanVersion,
  type PlanVersionOutcome,
  type UnacceptedGapsDetails,
} from '../../../domain/plan/planVersion';

const T0 = '2025-01-01T01:00:00.000Z';
const T1 = '2025-01-02T02:00:00.000Z';
const T2 = '2025-03-01T02:00:00.000Z';
const approver: ApprovalInput = { approverName: '小叮噹', approverTitle: '總經理', capacity: 'representative' };

function value<T>(result: PlanVersionOutcome<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}`);
  return result.value;
}

function approvedFirstVersion(): PlanVersion {
  const draft = value(createDraftVersion([], { content: examplePlanContent, versionDate: '2025-01-02', now: T0 }));
  const submitted = value(submitVersion(draft, { submittedBy: 'officer', now: T0 }));
  return value(approveVersion([submitted], { versionNumber: 1, approval: approver, gaps: [], now: T1 })).approved;
}

const gap = (code: PlanGap['code'], section: PlanGap['section'] = 'audit'): PlanGap => ({
  code,
  section,
  article: { regulation: 'Q0010012', article: '13' },
  fieldPath: `sections.${section}`,
  message: { zhTW: 'x', en: 'x' },
});

describe('plan versions', () => {
  it('creates draft 1, then numbers the next draft after the highest version', () => {
    const first = approvedFirstVersion();
    expect(first.versionNumber).toBe(1);
    const second = value(createDraftVersion([first], { content: examplePlanContent, versionDate: '2025-03-01', now: T2 }));
    expect(second).toMatchObject({ versionNumber: 2, status: 'draft', createdAt: T2 });
    expect(planVersionLabel(second)).toBe('114年3月1日 2版');
  });

  it('refuses a second open draft (409)', () => {
    const draft = value(createDraftVersion([], { content: examplePlanContent, versionDate: '2025-01-02', now: T0 }));
    const result = createDraftVersion([draft], { content: examplePlanContent, versionDate: '2025-01-03', now: T0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'DRAFT_ALREADY_OPEN', kind: 'conflict' });
    const submitted = value(submitVersion(draft, { submittedBy: 'a', now: T0 }));
    expect(createDraftVersion([submitted], { content: examplePlanContent, versionDate: '2025-01-03', now: T0 }).ok).toBe(false);
  });

  it('rejects an invalid version date (422)', () => {
    const result = createDraftVersion([], { content: examplePlanContent, versionDate: '2025-02-30', now: T0 });
    expect(result.ok || result.error.kind).toBe('invalid');
  });

  it('draft → submitted → draft on rejection, keeping the reason', () => {
    const draft = value(createDraftVersion([], { content: examplePlanContent, versionDate: '2025-01-02', now: T0 }));
    const submitted = value(submitVersion(draft, { submittedBy: 'officer', now: T1 }));
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: 'officer', submittedAt: T1 });
    const rejected = value(rejectVersion(submitted, { rejectedBy: 'ceo', reason: '預算未填', now: T2 }));
    expect(rejected.status).toBe('draft');
    expect(rejected.rejection).toEqual({ rejectedAt: T2, rejectedBy: 'ceo', reason: '預算未填' });
    expect(submitted.status).toBe('submitted'); // inputs are not mutated
  });

  it('requires a rejection reason and a submitted version to reject', () => {
    const draft = value(createDraftVersion([], { content: examplePlanContent, versionDate: '2025-01-02', now: T0 }));
    const notSubmitted = rejectVersion(draft, { rejectedBy: 'ceo', reason: 'x', now: T1 });
    expect(notSubmitted.ok || notSubmitted.error.code).toBe('VERSION_NOT_SUBMITTED');
    const submitted = value(submitVersion(draft, { submittedBy: 'o', now: T0 }));
    const blank = rejectVersion(submitted, { rejectedBy: 'ceo', reason: '  ', now: T1 });
    expect(blank.ok || blank.error).toMatchObject({ code: 'REJECTION_REASON_REQUIRED', kind: 'invalid' });
  });

  it('only a draft can be edited or submitted; approved versions are immutable', () => {
    const approved = approvedFirstVersion();
    const edit = updateDraftVersion(approved, { content: examplePlanContent, now: T2 });
    expect(edit.ok || edit.error).toMatchObject({ code: 'VERSION_IMMUTABLE', kind: 'conflict' });
    const submit = submitVersion(approved, { submittedBy: 'o', now: T2 });
    expect(submit.ok || submit.error.code).toBe('VERSION_NOT_DRAFT');
    const draft = value(createDraftVersion([], { content: examplePlanContent, versionDate: '2025-01-02', now: T0 }));
    const submitted = value(submitVersion(draft, { submittedBy: 'o', now: T0 }));
    const editSubmitted = updateDraftVersion(submitted, { content: examplePlanContent, now: T1 });
    expect(editSubmitted.ok || editSubmitted.error.code).toBe('VERSION_NOT_DRAFT');
    const edited = value(updateDraftVersion(draft, { content: { sections: {} }, versionDate: '2025-01-05', now: T1 }));
    expect(edited).toMatchObject({ versionDate: '2025-01-05', updatedAt: T1, content: { sections: {} } });
  });

  it('approval needs a submitted version and records approver, title, capacity and time', () => {
    const draft = value(createDraftVersion([], { content: examplePlanContent, versionDate: '2025-01-02', now: T0 }));
    const early = approveVersion([draft], { versionNumber: 1, approval: approver, gaps: [], now: T1 });
    expect(early.ok || early.error.code).toBe('VERSION_NOT_SUBMITTED');
    const missing = approveVersion([draft], { versionNumber: 9, approval: approver, gaps: [], now: T1 });
    expect(missing.ok || missing.error.kind).toBe('notFound');
    const approved = approvedFirstVersion();
    expect(approved.status).toBe('approved');
    expect(approved.approval).toEqual({ approverName: '小叮噹', approverTitle: '總經理', capacity: 'representative', approvedAt: T1, acceptedGaps: [] });
    const again = approveVersion([approved], { versionNumber: 1, approval: approver, gaps: [], now: T2 });
    expect(again.ok || again.error.code).toBe('VERSION_IMMUTABLE');
  });

  it('an authorised person must cite the authorisation; name and title are required', () => {
    const draft = value(createDraftVersion([], { content: examplePlanContent, versionDate: '2025-01-02', now: T0 }));
    const submitted = value(submitVersion(draft, { submittedBy: 'o', now: T0 }));
    const noRef = approveVersion([submitted], { versionNumber: 1, approval: { ...approver, capacity: 'authorisedPerson' }, gaps: [], now: T1 });
    expect(noRef.ok || noRef.error).toMatchObject({ code: 'INVALID_APPROVER', kind: 'invalid' });
    const withRef = approveVersion([submitted], {
      versionNumber: 1,
      approval: { ...approver, capacity: 'authorisedPerson', authorisationReference: '授權書 113-01' },
      gaps: [],
      now: T1,
    });
    expect(withRef.ok && withRef.value.approved.approval?.authorisationReference).toBe('授權書 113-01');
    const noTitle = approveVersion([submitted], { versionNumber: 1, approval: { ...approver, approverTitle: ' ' }, gaps: [], now: T1 });
    expect(noTitle.ok || noTitle.error.code).toBe('INVALID_APPROVER');
  });

  it('a version with gaps is approved only when every gap is accepted with a reason', () => {
    const draft = value(createDraftVersion([], { content: examplePlanContent, versionDate: '2025-01-02', now: T0 }));
    const submitted = value(submitVersion(draft, { submittedBy: 'o', now: T0 }));
    const gaps = [gap('AUDIT_MISSING'), gap('TRAINING_MISSING', 'training')];
    const refused = approveVersion([submitted], { versionNumber: 1, approval: { ...approver, acceptedGaps: [{ code: 'AUDIT_MISSING', reason: '首年度' }] }, gaps, now: T1 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toMatchObject({ code: 'GAPS_NOT_ACCEPTED', kind: 'forbiddenByRule' });
      expect((refused.error.details as UnacceptedGapsDetails | undefined)?.unacceptedGaps.map((g) => g.code)).toEqual(['TRAINING_MISSING']);
    }
    const accepted = approveVersion([submitted], {
      versionNumber: 1,
      approval: { ...approver, acceptedGaps: [{ code: 'AUDIT_MISSING', reason: '首年度' }, { code: 'TRAINING_MISSING', reason: '第二季排定' }] },
      gaps,
      now: T1,
    });
    expect(accepted.ok && accepted.value.approved.approval?.acceptedGaps.length).toBe(2);
  });

  it('approving a new version supersedes the previous approved one', () => {
    const first = approvedFirstVersion();
    const draft = value(createDraftVersion([first], { content: examplePlanContent, versionDate: '2025-03-01', now: T2 }));
    const submitted = value(submitVersion(draft, { submittedBy: 'o', now: T2 }));
    const result = value(approveVersion([first, submitted], { versionNumber: 2, approval: approver, gaps: [], now: T2 }));
    expect(result.approved.status).toBe('approved');
    expect(result.superseded).toMatchObject({ versionNumber: 1, status: 'superseded', supersededAt: T2, supersededByVersion: 2 });
    expect(result.superseded?.approval).toEqual(first.approval);
    const all = replaceVersions([first, submitted], [result.approved, result.superseded!]);
    expect(currentApprovedVersion(all)?.versionNumber).toBe(2);
    expect(all.filter((v) => v.status === 'approved')).toHaveLength(1);
  });
});
