/**
 * A risk assessment (風險評估, MAC regulation Art. 5; example plan §4): a dated snapshot of the
 * value of each file in scope and the risks on it, made by an assessor and approved by the
 * officer. Assessments are repeated (default yearly, plan §4(1) 每年) and compared with the
 * previous one to show what is new, what changed and what was closed.
 */
import { z } from 'zod';
import { advanceByFrequency, frequencySchema, YEARLY, type Frequency } from '../shared/frequency';
import { compareIsoDate, isIsoDate, type IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type Outcome } from '../shared/outcome';
import type { CodeLists } from '../inventory/codeLists';
import { fieldIssueDetails } from '../inventory/fieldIssues';
import { fileSensitivity, type PersonalDataFile } from '../inventory/personalDataFile';
import type { Risk } from './riskRegister';
import { riskValue, type RiskValue, type RiskValueInput } from './riskValue';

const isoDate = z.string().refine(isIsoDate, 'a calendar date YYYY-MM-DD');

export const assessmentRequestSchema = z
  .object({
    assessedOn: isoDate.describe('Date of the assessment'),
    assessor: z.string().trim().min(1).max(200).describe('Who assessed'),
    scopeFileIds: z.array(z.string().regex(/^\d{3}(?:-\d{1,3})?$/)).min(1).max(1000).describe('Inventory files assessed'),
    frequency: frequencySchema.default(YEARLY).describe('How often it is repeated (default yearly)'),
  })
  .strict();
export type AssessmentRequest = z.input<typeof assessmentRequestSchema>;

export const assessmentApprovalSchema = z
  .object({
    approvedBy: z.string().trim().min(1).max(200).describe('The officer approving'),
    approvedOn: isoDate.describe('Date of approval'),
  })
  .strict();
export type AssessmentApproval = z.output<typeof assessmentApprovalSchema>;

export interface FileAssessmentResult {
  fileId: string;
  fileName: string;
  inputs: RiskValueInput;
  value: RiskValue;
  /** Snapshots of the risks touching this file when assessed. */
  risks: Risk[];
}

export interface Assessment {
  id: string;
  assessedOn: IsoDate;
  assessor: string;
  scopeFileIds: string[];
  frequency: Frequency;
  nextDueOn: IsoDate;
  /** Highest value first, as the example treats higher values first. */
  results: FileAssessmentResult[];
  approval?: AssessmentApproval;
}

/** A file's A+B+C inputs: A from its categories (code list), B its subjects, C its record count. */
export function personalDataFileValue(file: PersonalDataFile, codeLists: CodeLists): { inputs: RiskValueInput; value: RiskValue } {
  const inputs: RiskValueInput = { sensitivity: fileSensitivity(file, codeLists), subjectAttribute: file.subjectAttribute, recordCount: file.recordCount };
  return { inputs, value: riskValue(inputs) };
}

/** A failed build lists every scope problem in `details` (FieldIssueDetails, all on `scopeFileIds`). */
export type BuildAssessmentResult = Outcome<Assessment, 'assessmentScopeInvalid'>;

function scopeInvalid(reasons: LocalizedText[]) {
  return fail('invalid', 'assessmentScopeInvalid', reasons[0]!, { field: 'scopeFileIds', details: fieldIssueDetails(reasons.map((message) => ({ path: ['scopeFileIds'], message }))) });
}

export function buildAssessment(
  id: string,
  requestInput: AssessmentRequest,
  files: readonly PersonalDataFile[],
  risks: readonly Risk[],
  codeLists: CodeLists,
): BuildAssessmentResult {
  const parsed = assessmentRequestSchema.safeParse(requestInput);
  if (!parsed.success) return scopeInvalid(parsed.error.issues.map((i) => ({ zhTW: '評估資料不完整或格式不符', en: `${i.path.join('.')}: ${i.message}` })));
  const request = parsed.data;
  const byId = new Map(files.map((f) => [f.id, f]));
  const errors: LocalizedText[] = [];
  const scope = [...new Set(request.scopeFileIds)];
  for (const fileId of scope) {
    const file = byId.get(fileId);
    if (!file) errors.push({ zhTW: `個資檔案 ${fileId} 不在盤點清冊中`, en: `file ${fileId} is not in the inventory` });
    else if (file.status === 'deleted') errors.push({ zhTW: `個資檔案 ${fileId} 已刪除`, en: `file ${fileId} is deleted` });
  }
  if (errors.length > 0) return scopeInvalid(errors);
  const results = scope.map((fileId): FileAssessmentResult => {
    const file = byId.get(fileId)!;
    return {
      fileId,
      fileName: file.name,
      ...personalDataFileValue(file, codeLists),
      risks: risks.filter((r) => r.fileIds.includes(fileId)).map((r) => structuredClone(r)),
    };
  });
  results.sort((a, b) => b.value.value - a.value.value || a.fileId.localeCompare(b.fileId));
  return ok({
    id,
    assessedOn: request.assessedOn,
    assessor: request.assessor,
    scopeFileIds: scope,
    frequency: request.frequency,
    nextDueOn: advanceByFrequency(request.assessedOn, request.frequency),
    results,
  });
}

export type ApproveAssessmentResult = Outcome<Assessment, 'approvalRejected' | 'assessmentAlreadyApproved'>;

export function approveAssessment(assessment: Assessment, approvalInput: AssessmentApproval): ApproveAssessmentResult {
  const parsed = assessmentApprovalSchema.safeParse(approvalInput);
  if (!parsed.success)
    return fail('invalid', 'approvalRejected', { zhTW: '核定資料不完整', en: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }, { field: 'approvedOn' });
  if (assessment.approval) return fail('conflict', 'assessmentAlreadyApproved', { zhTW: '此評估已核定', en: 'the assessment is already approved' });
  if (compareIsoDate(parsed.data.approvedOn, assessment.assessedOn) < 0)
    return fail('invalid', 'approvalRejected', { zhTW: '核定日期不能早於評估日期', en: 'approval cannot predate the assessment' }, { field: 'approvedOn' });
  return ok({ ...assessment, approval: parsed.data });
}

/** Due on or after `nextDueOn`; with no assessment at all it is due now. */
export function isAssessmentDue(latest: Assessment | undefined, asOf: IsoDate): boolean {
  return latest === undefined || compareIsoDate(latest.nextDueOn, asOf) <= 0;
}

export type RiskField = 'status' | 'owner' | 'targetDate' | 'fileIds' | 'libraryEntryIds' | 'treatments' | 'acceptanceReason' | 'description' | 'scenario' | 'context' | 'operation';
const comparedFields: readonly RiskField[] = ['status', 'owner', 'targetDate', 'fileIds', 'libraryEntryIds', 'treatments', 'acceptanceReason', 'description', 'scenario', 'context', 'operation'];

export interface RiskChange {
  field: RiskField;
  from: unknown;
  to: unknown;
}

export interface AssessmentComparison {
  /** Risks in the current assessment that the previous one did not have. */
  newRisks: Risk[];
  /** Risks in both whose fields changed, other than being closed. */
  changedRisks: { risk: Risk; changes: RiskChange[] }[];
  /** Risks closed since the previous assessment. */
  closedRisks: Risk[];
  /** Risks of the previous assessment no longer in the current one (e.g. their file left the scope). */
  droppedRisks: Risk[];
  valueChanges: { fileId: string; from: number; to: number }[];
  addedFileIds: string[];
  removedFileIds: string[];
}

function risksOf(assessment: Assessment): Map<string, Risk> {
  const map = new Map<string, Risk>();
  for (const result of assessment.results) for (const risk of result.risks) map.set(risk.id, risk);
  return map;
}

// Id lists are sets: order does not make a change.
function comparable(field: RiskField, value: unknown): string {
  if ((field === 'fileIds' || field === 'libraryEntryIds') && Array.isArray(value)) return JSON.stringify([...value].sort());
  return JSON.stringify(value ?? null);
}

export function compareAssessments(previous: Assessment, current: Assessment): AssessmentComparison {
  const before = risksOf(previous);
  const after = risksOf(current);
  const comparison: AssessmentComparison = { newRisks: [], changedRisks: [], closedRisks: [], droppedRisks: [], valueChanges: [], addedFileIds: [], removedFileIds: [] };
  for (const [id, risk] of after) {
    const old = before.get(id);
    if (!old) {
      comparison.newRisks.push(risk);
      continue;
    }
    if (risk.status === 'closed' && old.status !== 'closed') {
      comparison.closedRisks.push(risk);
      continue;
    }
    const changes = comparedFields
      .filter((field) => comparable(field, old[field]) !== comparable(field, risk[field]))
      .map((field) => ({ field, from: old[field], to: risk[field] }));
    if (changes.length > 0) comparison.changedRisks.push({ risk, changes });
  }
  for (const [id, risk] of before) if (!after.has(id)) comparison.droppedRisks.push(risk);
  const previousValues = new Map(previous.results.map((r) => [r.fileId, r.value.value]));
  const currentIds = new Set(current.results.map((r) => r.fileId));
  for (const result of current.results) {
    const from = previousValues.get(result.fileId);
    if (from === undefined) comparison.addedFileIds.push(result.fileId);
    else if (from !== result.value.value) comparison.valueChanges.push({ fileId: result.fileId, from, to: result.value.value });
  }
  for (const result of previous.results) if (!currentIds.has(result.fileId)) comparison.removedFileIds.push(result.fileId);
  return comparison;
}
