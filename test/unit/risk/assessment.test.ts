import { describe, expect, it } from 'vitest';
import { personalDataFileSchema } from '../../../domain/inventory/personalDataFile';
import { applyPurposeReview } from '../../../domain/inventory/purposeReview';
import { approveAssessment, buildAssessment, compareAssessments, isAssessmentDue, personalDataFileValue, type Assessment } from '../../../domain/risk/assessment';
import { riskSchema, transitionRisk, type Risk } from '../../../domain/risk/riskRegister';
import { exampleCodeLists, exampleFiles, exampleRisks, exampleRiskTable } from '../../fixtures/inventory/loadExamples';

const lists = exampleCodeLists();
const files = exampleFiles();
const risks = exampleRisks();
const allIds = files.map((f) => f.id);

function build(id: string, assessedOn: string, riskList: Risk[] = risks, scope = allIds, fileList = files): Assessment {
  const result = buildAssessment(id, { assessedOn, assessor: '技安', scopeFileIds: scope }, fileList, riskList, lists);
  if (!result.ok) throw new Error(JSON.stringify(result.error.details));
  return result.value;
}

describe('file values from the inventory', () => {
  it.each(exampleRiskTable.map((row) => [row.fileId, row.name, row] as const))('%s %s reproduces the example table', (fileId, _name, row) => {
    const { value } = personalDataFileValue(files.find((f) => f.id === fileId)!, lists);
    expect(value).toEqual({ a: row.a, b: row.b, c: row.c, value: row.value });
  });

  it('scores the other employee files by what they hold: payroll sensitive, health checks special', () => {
    expect(personalDataFileValue(files.find((f) => f.id === '001-2')!, lists).value.value).toBe(5);
    expect(personalDataFileValue(files.find((f) => f.id === '001-3')!, lists).value.value).toBe(6);
  });
});

describe('buildAssessment', () => {
  const assessment = build('A-2025', '2025-01-02');

  it('records every file in scope, highest value first, with its risks', () => {
    expect(assessment.results.map((r) => [r.fileId, r.value.value])).toEqual([
      ['004', 8],
      ['001-3', 6],
      ['001-2', 5],
      ['001-1', 4],
      ['003', 4],
      ['002', 3],
    ]);
    expect(assessment.results.find((r) => r.fileId === '004')!.risks.map((r) => r.id)).toEqual(['R-004-1', 'R-004-2', 'R-004-3']);
    expect(assessment.results.find((r) => r.fileId === '001-2')!.risks.map((r) => r.id)).toEqual(['R-001']);
  });

  it('defaults to yearly and computes the next due date', () => {
    expect(assessment.frequency).toEqual({ every: 1, unit: 'year' });
    expect(assessment.nextDueOn).toBe('2026-01-02');
    const halfYearly = buildAssessment('A', { assessedOn: '2025-08-31', assessor: '技安', scopeFileIds: ['002'], frequency: { every: 6, unit: 'month' } }, files, risks, lists);
    expect(halfYearly.ok && halfYearly.value.nextDueOn).toBe('2026-02-28');
  });

  it('snapshots risks so later changes do not alter it', () => {
    const mutable = structuredClone(risks);
    const snapshot = build('A', '2025-01-02', mutable);
    mutable[0]!.owner = '別人';
    expect(snapshot.results.find((r) => r.fileId === '001-1')!.risks[0]!.owner).toBe('人資部主管');
  });

  it('limits itself to the scope and de-duplicates it', () => {
    const partial = build('A', '2025-01-02', risks, ['002', '002', '003']);
    expect(partial.scopeFileIds).toEqual(['002', '003']);
    expect(partial.results.map((r) => r.fileId)).toEqual(['003', '002']);
  });

  it('refuses unknown or deleted files and an invalid request', () => {
    const ended = personalDataFileSchema.parse({ ...files[3]!, purposeEndsOn: '2025-01-01' });
    const deleted = applyPurposeReview(ended, { decision: 'delete', decidedOn: '2025-01-02', decidedBy: '技安' });
    if (!deleted.ok) throw new Error('delete');
    const result = buildAssessment('A', { assessedOn: '2025-01-02', assessor: '技安', scopeFileIds: ['002', '099'] }, [deleted.value], risks, lists);
    expect(result).toMatchObject({ ok: false, error: { details: { issues: [{ message: { en: 'file 002 is deleted' } }, { message: { en: 'file 099 is not in the inventory' } }] } } });
    expect(buildAssessment('A', { assessedOn: '2025-01-02', assessor: '技安', scopeFileIds: [] }, files, risks, lists).ok).toBe(false);
    expect(buildAssessment('A', { assessedOn: '2025-1-2', assessor: '技安', scopeFileIds: ['002'] }, files, risks, lists).ok).toBe(false);
  });
});

describe('approval and due dates', () => {
  const assessment = build('A-2025', '2025-01-02');

  it('the officer approves on or after the assessment date, once', () => {
    expect(approveAssessment(assessment, { approvedBy: '代表人', approvedOn: '2025-01-01' }).ok).toBe(false);
    const approved = approveAssessment(assessment, { approvedBy: '代表人', approvedOn: '2025-01-02' });
    expect(approved).toMatchObject({ ok: true, value: { approval: { approvedBy: '代表人', approvedOn: '2025-01-02' } } });
    if (!approved.ok) return;
    expect(approveAssessment(approved.value, { approvedBy: '代表人', approvedOn: '2025-01-03' })).toMatchObject({ ok: false, error: { message: { en: 'the assessment is already approved' } } });
    expect(approveAssessment(assessment, { approvedBy: '', approvedOn: '2025-01-03' }).ok).toBe(false);
  });

  it('is due from the next due date, and at once when none exists', () => {
    expect(isAssessmentDue(undefined, '2025-01-01')).toBe(true);
    expect(isAssessmentDue(assessment, '2026-01-01')).toBe(false);
    expect(isAssessmentDue(assessment, '2026-01-02')).toBe(true);
  });
});

describe('compareAssessments', () => {
  const previous = build('A-2025', '2025-01-02');

  it('identical assessments show no differences', () => {
    expect(compareAssessments(previous, build('A-2026', '2026-01-02'))).toEqual({
      newRisks: [],
      changedRisks: [],
      closedRisks: [],
      droppedRisks: [],
      valueChanges: [],
      addedFileIds: [],
      removedFileIds: [],
    });
  });

  it('finds new, changed, closed and dropped risks and value changes', () => {
    const next = structuredClone(risks);
    const closed = transitionRisk(next[0]!, { to: 'closed', on: '2025-06-01', by: '技安' });
    if (!closed.ok) throw new Error(closed.error.message.en);
    next[0] = closed.value;
    next[1] = riskSchema.parse({ ...next[1]!, owner: '資安長', targetDate: '2026-03-31' });
    // Reordering id lists is no change.
    next[3] = { ...next[3]!, libraryEntryIds: [...next[3]!.libraryEntryIds].reverse() };
    const added = riskSchema.parse({ ...next[2]!, id: 'R-003-2', scenario: '傳輸(簡訊)' });
    const withoutR0043 = next.filter((r) => r.id !== 'R-004-3');
    const grownFiles = files.map((f) => (f.id === '002' ? personalDataFileSchema.parse({ ...f, recordCount: 101 }) : f));
    const current = build('A-2026', '2026-01-02', [...withoutR0043, added], allIds, grownFiles);

    const diff = compareAssessments(previous, current);
    expect(diff.newRisks.map((r) => r.id)).toEqual(['R-003-2']);
    expect(diff.closedRisks.map((r) => r.id)).toEqual(['R-001']);
    expect(diff.droppedRisks.map((r) => r.id)).toEqual(['R-004-3']);
    expect(diff.changedRisks).toEqual([
      {
        risk: expect.objectContaining({ id: 'R-002' }),
        changes: [
          { field: 'owner', from: '資訊部主管', to: '資安長' },
          { field: 'targetDate', from: undefined, to: '2026-03-31' },
        ],
      },
    ]);
    expect(diff.valueChanges).toEqual([{ fileId: '002', from: 3, to: 4 }]);
  });

  it('a status change short of closing is a change', () => {
    const next = structuredClone(risks);
    const treating = transitionRisk(next[1]!, { to: 'treating', on: '2025-03-01', by: '技安', targetDate: '2025-09-30' });
    if (!treating.ok) throw new Error(treating.error.message.en);
    next[1] = treating.value;
    const diff = compareAssessments(previous, build('B', '2026-01-02', next));
    expect(diff.closedRisks).toEqual([]);
    expect(diff.changedRisks[0]!.changes.map((c) => c.field)).toEqual(['status', 'targetDate']);
  });

  it('an already closed risk is not closed again', () => {
    const next = structuredClone(risks);
    const closed = transitionRisk(next[0]!, { to: 'closed', on: '2025-06-01', by: '技安' });
    if (!closed.ok) throw new Error('close');
    next[0] = closed.value;
    const a = build('A', '2025-07-01', next);
    expect(compareAssessments(a, build('B', '2026-07-01', next)).closedRisks).toEqual([]);
  });

  it('reports files added to and removed from the scope', () => {
    const narrow = build('A', '2025-01-02', risks, ['001-1', '002']);
    const wide = build('B', '2026-01-02', risks, ['002', '003']);
    const diff = compareAssessments(narrow, wide);
    expect(diff.addedFileIds).toEqual(['003']);
    expect(diff.removedFileIds).toEqual(['001-1']);
    expect(diff.droppedRisks.map((r) => r.id)).toEqual(['R-001']);
    expect(diff.newRisks.map((r) => r.id)).toEqual(['R-003']);
  });
});
