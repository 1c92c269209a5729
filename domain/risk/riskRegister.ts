/**
 * The risk register (風險清冊): each identified risk, the files it touches, the library
 * entries (risk types and countermeasures) it stems from, its owner, status and treatment.
 * Status moves open → treating → closed, or is accepted with a written reason; every move is
 * kept in the history, because the plan's records must show who decided what and when.
 */
import { z } from 'zod';
import { compareIsoDate, isIsoDate, type IsoDate } from '../shared/isoDate';
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type DomainErrorKind, type Outcome } from '../shared/outcome';
import { fieldIssueDetails, fieldIssuesOf, type FieldIssue } from '../inventory/fieldIssues';
import { zodIssueToFileIssue } from '../inventory/personalDataFile';
import { operatingContextSchema, type RiskLibrary } from './riskLibrary';
import { securityMeasureKeySchema } from './securityMeasures';

export const riskStatuses = ['open', 'treating', 'acceptedWithReason', 'closed'] as const;
export type RiskStatus = (typeof riskStatuses)[number];
export const riskStatusLabels: Record<RiskStatus, LocalizedText> = {
  open: { zhTW: '待處理', en: 'open' },
  treating: { zhTW: '處理中', en: 'being treated' },
  acceptedWithReason: { zhTW: '接受風險（附理由）', en: 'accepted with reason' },
  closed: { zhTW: '已結案', en: 'closed' },
};

/** Allowed moves; a closed or accepted risk is reopened before it is treated again. */
export const riskTransitions: Record<RiskStatus, readonly RiskStatus[]> = {
  open: ['treating', 'acceptedWithReason', 'closed'],
  treating: ['acceptedWithReason', 'closed', 'open'],
  acceptedWithReason: ['open', 'treating'],
  closed: ['open'],
};

const isoDate = z.string().refine(isIsoDate, 'a calendar date YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

export const riskTreatmentSchema = z
  .object({
    countermeasure: text(1000).describe('風險處理對策 as applied'),
    libraryEntryId: z.string().min(1).max(100).optional().describe('Library entry the treatment follows'),
    measures: z.array(securityMeasureKeySchema).min(1).max(20).describe('Security measures it relies on'),
  })
  .strict();

export const riskStatusChangeSchema = z
  .object({
    from: z.enum(riskStatuses),
    to: z.enum(riskStatuses),
    on: isoDate,
    by: text(200),
    reason: text(1000).optional(),
  })
  .strict();

export const riskSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$/, 'letters, digits, - and _').describe('Risk id, e.g. R-004-1'),
    fileIds: z.array(z.string().regex(/^\d{3}(?:-\d{1,3})?$/)).min(1).max(200).describe('Inventory files the risk touches'),
    context: operatingContextSchema,
    operation: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,49}$/).describe('作業內容 key'),
    scenario: text(500).describe('作業情境及內容 as observed, e.g. 保管(地端資料庫)'),
    libraryEntryIds: z.array(z.string().min(1).max(100)).min(1).max(20).describe('Library risk types this risk instantiates'),
    description: text(1000).optional().describe('The risk as found, when more specific than the library'),
    owner: text(200).describe('Who is responsible for treating it'),
    status: z.enum(riskStatuses).default('open'),
    acceptanceReason: text(1000).optional().describe('Why the risk is accepted (required when accepted)'),
    targetDate: isoDate.optional().describe('Treatment due date'),
    treatments: z.array(riskTreatmentSchema).max(20).default([]),
    history: z.array(riskStatusChangeSchema).max(500).default([]),
  })
  .strict()
  .superRefine((risk, ctx) => {
    for (const issue of riskStateIssues(risk)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message.en, params: { zhTW: issue.message.zhTW } });
  });
export type Risk = z.output<typeof riskSchema>;
export type RiskInput = z.input<typeof riskSchema>;
export type RiskTreatment = z.output<typeof riskTreatmentSchema>;

export type RiskIssue = FieldIssue;

/** The issues a reference check found (none when it passed). */
export function riskIssuesOf(outcome: Outcome<unknown>): RiskIssue[] {
  return fieldIssuesOf(outcome);
}

/**
 * A risk merged from the stored one and the caller's patch: the schema and the status rules judge
 * what the caller wrote, so a failure is an input error (HTTP 400), one per field.
 */
export function parseMergedRisk(merged: unknown): Outcome<Risk, 'riskInvalid'> {
  const parsed = riskSchema.safeParse(merged);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map(zodIssueToFileIssue);
  return fail('invalidInput', 'riskInvalid', { zhTW: '風險資料不符規則', en: 'The risk breaks a rule' }, { details: fieldIssueDetails(issues) });
}

type StateFields = Pick<Risk, 'status' | 'acceptanceReason' | 'targetDate' | 'treatments'>;

/** What each status requires of the risk. */
export function riskStateIssues(risk: StateFields): RiskIssue[] {
  const issues: RiskIssue[] = [];
  if (risk.status === 'acceptedWithReason' && !risk.acceptanceReason)
    issues.push({ path: ['acceptanceReason'], message: { zhTW: '接受風險須載明理由', en: 'an accepted risk needs its reason' } });
  if (risk.status !== 'acceptedWithReason' && risk.acceptanceReason)
    issues.push({ path: ['acceptanceReason'], message: { zhTW: '僅接受風險時記載接受理由', en: 'only an accepted risk carries an acceptance reason' } });
  if ((risk.status === 'treating' || risk.status === 'closed') && risk.treatments.length === 0)
    issues.push({ path: ['treatments'], message: { zhTW: '處理中或結案之風險須有處理對策', en: 'a risk being treated or closed needs a treatment' } });
  if (risk.status === 'treating' && !risk.targetDate)
    issues.push({ path: ['targetDate'], message: { zhTW: '處理中之風險須訂預計完成日', en: 'a risk being treated needs a target date' } });
  return issues;
}

/**
 * References that need the tenant's library: known ids, and entries of the risk's own context.
 * A failure lists every issue in `details` (FieldIssueDetails).
 */
export function checkRiskReferences(risk: Risk, library: RiskLibrary, knownFileIds?: ReadonlySet<string>): Outcome<Risk, 'riskReferencesInvalid'> {
  const issues: RiskIssue[] = [];
  risk.libraryEntryIds.forEach((id, index) => {
    const entry = library.get(id);
    if (!entry) issues.push({ path: ['libraryEntryIds', index], message: { zhTW: `風險類型 ${id} 不在風險類型庫中`, en: `library entry ${id} does not exist` } });
    else if (entry.context !== risk.context)
      issues.push({ path: ['libraryEntryIds', index], message: { zhTW: `風險類型 ${id} 屬於其他作業情境`, en: `library entry ${id} belongs to another operating context` } });
  });
  risk.treatments.forEach((treatment, index) => {
    if (treatment.libraryEntryId && !risk.libraryEntryIds.includes(treatment.libraryEntryId))
      issues.push({
        path: ['treatments', index, 'libraryEntryId'],
        message: { zhTW: '處理對策引用的風險類型不屬於此風險', en: 'the treatment cites a library entry the risk does not reference' },
      });
  });
  if (knownFileIds)
    risk.fileIds.forEach((id, index) => {
      if (!knownFileIds.has(id)) issues.push({ path: ['fileIds', index], message: { zhTW: `個資檔案 ${id} 不在盤點清冊中`, en: `file ${id} is not in the inventory` } });
    });
  if (issues.length === 0) return ok(risk);
  return fail('invalid', 'riskReferencesInvalid', { zhTW: '風險引用之資料不存在或不一致', en: 'The risk refers to unknown or mismatched records' }, { details: fieldIssueDetails(issues) });
}

export const riskTransitionSchema = z
  .object({
    to: z.enum(riskStatuses).describe('New status'),
    on: isoDate.describe('Date of the change'),
    by: text(200).describe('Who made it'),
    reason: text(1000).optional().describe('Required to accept or reopen'),
    targetDate: isoDate.optional().describe('Target date when starting treatment'),
  })
  .strict();
export type RiskTransition = z.output<typeof riskTransitionSchema>;

export type RiskTransitionResult = Outcome<Risk, 'riskTransitionRejected'>;

const transitionRejected = (kind: DomainErrorKind, message: LocalizedText) => fail(kind, 'riskTransitionRejected', message, { field: 'to' });

/** Moves a risk to a new status, enforcing the allowed moves and what each status needs. */
export function transitionRisk(risk: Risk, transition: RiskTransition): RiskTransitionResult {
  const { to, on, by, reason } = transition;
  if (!riskTransitions[risk.status].includes(to))
    return transitionRejected('forbiddenByRule', {
      zhTW: `不能由「${riskStatusLabels[risk.status].zhTW}」改為「${riskStatusLabels[to].zhTW}」`,
      en: `cannot move from ${risk.status} to ${to}`,
    });
  const last = risk.history.at(-1);
  if (last && compareIsoDate(on, last.on) < 0) return transitionRejected('invalid', { zhTW: '異動日期早於前次異動', en: 'the change predates the previous one' });
  if (to === 'acceptedWithReason' && !reason) return transitionRejected('invalid', { zhTW: '接受風險須載明理由', en: 'accepting a risk needs a reason' });
  if (to === 'open' && (risk.status === 'closed' || risk.status === 'acceptedWithReason') && !reason)
    return transitionRejected('invalid', { zhTW: '重新開啟須載明理由', en: 'reopening needs a reason' });
  const next: Risk = {
    ...risk,
    status: to,
    targetDate: transition.targetDate ?? risk.targetDate,
    history: [...risk.history, { from: risk.status, to, on, by, ...(reason ? { reason } : {}) }],
  };
  if (to === 'acceptedWithReason') next.acceptanceReason = reason;
  else delete next.acceptanceReason;
  if (next.targetDate === undefined) delete next.targetDate;
  const issues = riskStateIssues(next);
  if (issues.length > 0) return transitionRejected('invalid', issues[0]!.message);
  return ok(next);
}

/** Risks still open or being treated whose target date has passed. */
export function overdueRisks(risks: readonly Risk[], asOf: IsoDate): Risk[] {
  return risks.filter((r) => (r.status === 'open' || r.status === 'treating') && r.targetDate !== undefined && compareIsoDate(r.targetDate, asOf) < 0);
}
