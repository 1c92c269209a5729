/**
 * An assessment runs one catalog as a self-check, an internal audit or a third-party audit.
 * draft → inProgress (first answer) → signedOff (locked). A signed-off assessment never changes;
 * reopening it (with a reason) starts a new revision that carries the answers over.
 */
import { z } from 'zod';
import { advanceByFrequency, type Frequency } from '../shared/frequency';
import { compareIsoDate, type IsoDate } from '../shared/isoDate';
import { fail, ok, type Outcome } from '../shared/outcome';
import type { ChecklistCatalog, LocatedCheckItem, PracticeLevel } from './catalog';
import { applicableItems, type BusinessClass } from './catalogs';

export const assessmentKinds = ['selfCheck', 'internalAudit', 'thirdPartyAudit'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];
export const itemResults = ['compliant', 'partiallyCompliant', 'nonCompliant', 'notApplicable', 'notAnswered'] as const;
export type ItemResult = (typeof itemResults)[number];
export const assessmentStatuses = ['draft', 'inProgress', 'signedOff'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const auditorSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    organisation: z.string().trim().min(1).max(200),
    qualification: z.string().trim().min(1).max(500).describe('e.g. a personal-data or ISO 27001 lead auditor certificate'),
  })
  .strict();
export type Auditor = z.infer<typeof auditorSchema>;

export interface ItemAnswer {
  itemNumber: string;
  result: ItemResult;
  notes?: string;
  notApplicableReason?: string;
  evidenceRefs: string[];
  answeredBy: string;
  answeredAt: string;
}

export interface Assessment {
  assessmentId: string;
  catalogId: string;
  businessClass: BusinessClass;
  kind: AssessmentKind;
  auditor?: Auditor;
  status: AssessmentStatus;
  revision: number;
  previousRevisionId?: string;
  reopenReason?: string;
  answers: Record<string, ItemAnswer>;
  signedOff?: { by: string; at: string; acknowledgedWarnings: AssessmentWarning[] };
}

export type AssessmentCode =
  | 'AUDITOR_REQUIRED'
  | 'ASSESSMENT_SIGNED_OFF'
  | 'ITEM_NOT_IN_CATALOG'
  | 'NOT_APPLICABLE_REASON_REQUIRED'
  | 'WARNINGS_NOT_ACKNOWLEDGED'
  | 'NOT_SIGNED_OFF'
  | 'REOPEN_REASON_REQUIRED'
  | 'DIFFERENT_CATALOGS'
  | 'NOTHING_ANSWERED';

const signedOffError = () =>
  fail('conflict', 'ASSESSMENT_SIGNED_OFF' as const, {
    zhTW: '評估已簽核，不得再修改；如需變更請重新開啟為新版次。',
    en: 'The assessment is signed off and cannot change; reopen it as a new revision.',
  });

export function createAssessment(input: {
  assessmentId: string;
  catalog: ChecklistCatalog;
  businessClass: BusinessClass;
  kind: AssessmentKind;
  auditor?: Auditor;
}): Outcome<Assessment, AssessmentCode> {
  if (input.kind === 'thirdPartyAudit') {
    const parsed = auditorSchema.safeParse(input.auditor);
    if (!parsed.success) {
      return fail('invalid', 'AUDITOR_REQUIRED', { zhTW: '第三方稽核須載明稽核人員姓名、所屬機構及資格。', en: 'A third-party audit names the auditor, organisation and qualification.' }, { field: 'auditor' });
    }
  }
  return ok({
    assessmentId: input.assessmentId,
    catalogId: input.catalog.catalogId,
    businessClass: input.businessClass,
    kind: input.kind,
    ...(input.auditor ? { auditor: input.auditor } : {}),
    status: 'draft',
    revision: 1,
    answers: {},
  });
}

export interface AnswerInput {
  itemNumber: string;
  result: ItemResult;
  notes?: string;
  notApplicableReason?: string;
  evidenceRefs?: string[];
}

/** Validates one answer on its own: not applicable needs a reason. */
export function validateAnswer(answer: AnswerInput): Outcome<AnswerInput, AssessmentCode> {
  if (answer.result === 'notApplicable' && !answer.notApplicableReason?.trim()) {
    return fail('invalid', 'NOT_APPLICABLE_REASON_REQUIRED', { zhTW: '標示不適用時須說明理由。', en: 'Marking an item not applicable needs a reason.' }, { field: 'notApplicableReason' });
  }
  return ok(answer);
}

export function answerItem(
  assessment: Assessment,
  catalog: ChecklistCatalog,
  answer: AnswerInput,
  by: { userId: string; at: string },
): Outcome<Assessment, AssessmentCode> {
  if (assessment.status === 'signedOff') return signedOffError();
  const item = applicableItems(catalog, assessment.businessClass).find((i) => i.number === answer.itemNumber);
  if (!item) {
    return fail('notFound', 'ITEM_NOT_IN_CATALOG', { zhTW: `檢查表無適用之項目 ${answer.itemNumber}。`, en: `No applicable item ${answer.itemNumber} in the catalog.` }, { field: 'itemNumber' });
  }
  const valid = validateAnswer(answer);
  if (!valid.ok) return valid;
  const recorded: ItemAnswer = {
    itemNumber: answer.itemNumber,
    result: answer.result,
    evidenceRefs: [...(answer.evidenceRefs ?? [])],
    answeredBy: by.userId,
    answeredAt: by.at,
    ...(answer.notes?.trim() ? { notes: answer.notes.trim() } : {}),
    ...(answer.result === 'notApplicable' ? { notApplicableReason: answer.notApplicableReason!.trim() } : {}),
  };
  return ok({ ...assessment, status: 'inProgress', answers: { ...assessment.answers, [answer.itemNumber]: recorded } });
}

const resultOf = (assessment: Assessment, number: string): ItemResult => assessment.answers[number]?.result ?? 'notAnswered';
const isAnswered = (result: ItemResult) => result === 'compliant' || result === 'partiallyCompliant' || result === 'nonCompliant';

export interface Progress {
  answered: number;
  applicable: number;
}

/** Answered / applicable: items marked not applicable leave both counts. */
export function progressOf(assessment: Assessment, catalog: ChecklistCatalog): Progress {
  const items = applicableItems(catalog, assessment.businessClass).filter((i) => resultOf(assessment, i.number) !== 'notApplicable');
  return { answered: items.filter((i) => isAnswered(resultOf(assessment, i.number))).length, applicable: items.length };
}

export interface ScoreTally {
  compliant: number;
  partiallyCompliant: number;
  nonCompliant: number;
  notAnswered: number;
  notApplicable: number;
  /** Points (compliant 1, partial ½) over the counted items, 0–100 with one decimal; null when nothing counts. */
  score: number | null;
}

export interface GoalScore {
  goalNumber: string;
  title: string;
  baseline: ScoreTally;
  betterPractice: ScoreTally;
}

export interface AssessmentScore {
  byGoal: GoalScore[];
  overall: { baseline: ScoreTally; betterPractice: ScoreTally };
}

/**
 * Baseline items are required: an unanswered one counts as zero. Better practices are optional:
 * only the answered ones count, and they are scored apart so they never lower the baseline score.
 */
export function tally(items: readonly LocatedCheckItem[], assessment: Assessment, practice: PracticeLevel): ScoreTally {
  const t: ScoreTally = { compliant: 0, partiallyCompliant: 0, nonCompliant: 0, notAnswered: 0, notApplicable: 0, score: null };
  for (const item of items) if (item.practice === practice) t[resultOf(assessment, item.number)] += 1;
  const counted = t.compliant + t.partiallyCompliant + t.nonCompliant + (practice === 'baseline' ? t.notAnswered : 0);
  t.score = counted === 0 ? null : Math.round(((t.compliant + t.partiallyCompliant / 2) / counted) * 1000) / 10;
  return t;
}

export function scoreOf(assessment: Assessment, catalog: ChecklistCatalog): AssessmentScore {
  const items = applicableItems(catalog, assessment.businessClass);
  const byGoal = catalog.goals
    .map((goal) => {
      const inGoal = items.filter((i) => i.goalNumber === goal.number);
      return { goalNumber: goal.number, title: goal.title, inGoal };
    })
    .filter((g) => g.inGoal.length > 0)
    .map((g) => ({ goalNumber: g.goalNumber, title: g.title, baseline: tally(g.inGoal, assessment, 'baseline'), betterPractice: tally(g.inGoal, assessment, 'betterPractice') }));
  return { byGoal, overall: { baseline: tally(items, assessment, 'baseline'), betterPractice: tally(items, assessment, 'betterPractice') } };
}

/** Facts from other records, taken as plain input (e.g. whether a training session was held this year). */
export interface RecordFacts {
  trainingHeldThisYear?: boolean;
  internalAuditHeldThisYear?: boolean;
  incidentDrillHeldThisYear?: boolean;
  inventoryReviewedThisYear?: boolean;
  riskAssessedThisYear?: boolean;
}

/** Which items a fact speaks to, read from the item's own words (no per-item table to drift). */
export const factTopics: Record<keyof RecordFacts, { pattern: RegExp; message: { zhTW: string; en: string } }> = {
  trainingHeldThisYear: { pattern: /教育訓練|認知宣導/, message: { zhTW: '答為符合，但本年度無教育訓練紀錄。', en: 'Marked compliant, but no training session is recorded this year.' } },
  internalAuditHeldThisYear: { pattern: /內部稽核|稽核或自我檢查/, message: { zhTW: '答為符合，但本年度無稽核紀錄。', en: 'Marked compliant, but no audit is recorded this year.' } },
  incidentDrillHeldThisYear: { pattern: /演練/, message: { zhTW: '答為符合，但本年度無演練紀錄。', en: 'Marked compliant, but no drill is recorded this year.' } },
  inventoryReviewedThisYear: { pattern: /盤點|清查/, message: { zhTW: '答為符合，但本年度無個資盤點紀錄。', en: 'Marked compliant, but no inventory review is recorded this year.' } },
  riskAssessedThisYear: { pattern: /風險評估/, message: { zhTW: '答為符合，但本年度無風險評估紀錄。', en: 'Marked compliant, but no risk assessment is recorded this year.' } },
};

export type WarningCode = 'COMPLIANT_WITHOUT_EVIDENCE' | 'NOT_APPLICABLE_WITHOUT_REASON' | 'BASELINE_UNANSWERED' | 'CONTRADICTS_RECORD';
export interface AssessmentWarning {
  code: WarningCode;
  itemNumber: string;
  message: { zhTW: string; en: string };
  fact?: keyof RecordFacts;
}

export function consistencyWarnings(assessment: Assessment, catalog: ChecklistCatalog, facts: RecordFacts = {}): AssessmentWarning[] {
  const warnings: AssessmentWarning[] = [];
  for (const item of applicableItems(catalog, assessment.businessClass)) {
    const answer = assessment.answers[item.number];
    const result = answer?.result ?? 'notAnswered';
    if (result === 'compliant' && item.suggestedEvidence.length > 0 && (answer?.evidenceRefs.length ?? 0) === 0) {
      warnings.push({ code: 'COMPLIANT_WITHOUT_EVIDENCE', itemNumber: item.number, message: { zhTW: '答為符合，但未附檢查表建議之佐證。', en: 'Marked compliant without the evidence the catalog suggests.' } });
    }
    if (result === 'notApplicable' && !answer?.notApplicableReason?.trim()) {
      warnings.push({ code: 'NOT_APPLICABLE_WITHOUT_REASON', itemNumber: item.number, message: { zhTW: '標示不適用但未說明理由。', en: 'Not applicable without a reason.' } });
    }
    if (result === 'notAnswered' && item.practice === 'baseline') {
      warnings.push({ code: 'BASELINE_UNANSWERED', itemNumber: item.number, message: { zhTW: '作業基準項目尚未作答。', en: 'A baseline item is unanswered.' } });
    }
    if (result === 'compliant') {
      for (const [fact, topic] of Object.entries(factTopics) as [keyof RecordFacts, (typeof factTopics)[keyof RecordFacts]][]) {
        if (facts[fact] === false && topic.pattern.test(item.question)) {
          warnings.push({ code: 'CONTRADICTS_RECORD', itemNumber: item.number, message: topic.message, fact });
        }
      }
    }
  }
  return warnings;
}

export interface Finding {
  itemNumber: string;
  goalNumber: string;
  requirementNumber: string;
  question: string;
  practice: PracticeLevel;
  result: 'nonCompliant' | 'partiallyCompliant';
  notes?: string;
}

/** Non-compliant and partially compliant items, in catalog order. */
export function findingsOf(assessment: Assessment, catalog: ChecklistCatalog): Finding[] {
  return applicableItems(catalog, assessment.businessClass).flatMap((item) => {
    const answer = assessment.answers[item.number];
    if (answer?.result !== 'nonCompliant' && answer?.result !== 'partiallyCompliant') return [];
    return [{
      itemNumber: item.number,
      goalNumber: item.goalNumber,
      requirementNumber: item.requirementNumber,
      question: item.question,
      practice: item.practice,
      result: answer.result,
      ...(answer.notes ? { notes: answer.notes } : {}),
    }];
  });
}

/**
 * Signs off and locks. Warnings do not block, but the signer must acknowledge them (they are
 * kept with the sign-off); a not-applicable answer without a reason does block.
 */
export function signOff(
  assessment: Assessment,
  catalog: ChecklistCatalog,
  input: { by: string; at: string; acknowledgeWarnings?: boolean; facts?: RecordFacts },
): Outcome<Assessment, AssessmentCode> {
  if (assessment.status === 'signedOff') return signedOffError();
  if (assessment.status === 'draft') {
    return fail('invalid', 'NOTHING_ANSWERED', { zhTW: '尚未作答任何項目，無法簽核。', en: 'Nothing has been answered yet.' });
  }
  const warnings = consistencyWarnings(assessment, catalog, input.facts);
  const blocking = warnings.filter((w) => w.code === 'NOT_APPLICABLE_WITHOUT_REASON');
  if (blocking.length > 0) {
    return fail('forbiddenByRule', 'NOT_APPLICABLE_REASON_REQUIRED', { zhTW: '有不適用項目未說明理由。', en: 'Some not-applicable items have no reason.' }, { details: { warnings: blocking } });
  }
  if (warnings.length > 0 && !input.acknowledgeWarnings) {
    return fail('invalid', 'WARNINGS_NOT_ACKNOWLEDGED', { zhTW: '簽核前請確認一致性警示。', en: 'Acknowledge the consistency warnings before signing off.' }, { details: { warnings } });
  }
  return ok({ ...assessment, status: 'signedOff', signedOff: { by: input.by, at: input.at, acknowledgedWarnings: warnings } });
}

/** Reopening never changes the signed-off record: it returns a new revision with the answers carried over. */
export function reopen(
  assessment: Assessment,
  input: { newAssessmentId: string; reason: string },
): Outcome<Assessment, AssessmentCode> {
  if (assessment.status !== 'signedOff') {
    return fail('conflict', 'NOT_SIGNED_OFF', { zhTW: '僅已簽核之評估可重新開啟。', en: 'Only a signed-off assessment can be reopened.' });
  }
  if (!input.reason.trim()) {
    return fail('invalid', 'REOPEN_REASON_REQUIRED', { zhTW: '重新開啟須說明理由。', en: 'Reopening needs a reason.' }, { field: 'reason' });
  }
  const { signedOff: _signedOff, ...rest } = assessment;
  return ok({
    ...rest,
    assessmentId: input.newAssessmentId,
    status: 'inProgress',
    revision: assessment.revision + 1,
    previousRevisionId: assessment.assessmentId,
    reopenReason: input.reason.trim(),
    answers: Object.fromEntries(Object.entries(assessment.answers).map(([k, v]) => [k, { ...v, evidenceRefs: [...v.evidenceRefs] }])),
  });
}

const RANK: Record<ItemResult, number | null> = { compliant: 2, partiallyCompliant: 1, nonCompliant: 0, notAnswered: null, notApplicable: null };

export interface ItemComparison {
  itemNumber: string;
  before: ItemResult;
  after: ItemResult;
  change: 'same' | 'improved' | 'worsened' | 'changed';
}

/** Item by item, over every item of the catalog either assessment's class can see. */
export function compareAssessments(before: Assessment, after: Assessment, catalog: ChecklistCatalog): Outcome<ItemComparison[], AssessmentCode> {
  if (before.catalogId !== after.catalogId || before.catalogId !== catalog.catalogId) {
    return fail('invalid', 'DIFFERENT_CATALOGS', { zhTW: '僅能比較同一檢查表之評估。', en: 'Only assessments of the same catalog can be compared.' });
  }
  const wider: BusinessClass = before.businessClass === 'II' || after.businessClass === 'II' ? 'II' : 'I';
  return ok(
    applicableItems(catalog, wider).map((item) => {
      const a = resultOf(before, item.number);
      const b = resultOf(after, item.number);
      const ra = RANK[a];
      const rb = RANK[b];
      const change = a === b ? 'same' : ra !== null && rb !== null ? (rb > ra ? 'improved' : 'worsened') : 'changed';
      return { itemNumber: item.number, before: a, after: b, change };
    }),
  );
}

export interface AssessmentDue {
  frequency: Frequency;
  dueOn: IsoDate;
  overdue: boolean;
  basis: 'regulation' | 'plan';
}

/**
 * The next assessment falls one cycle after the last sign-off (or after the cycle start when
 * there was none). The regulation's cycle (plan obligations: capital ≥ NT$10M or ≥ 5,000 records
 * → every 12 months, K0010162 Art. 18; seed 000 §12(4)) wins over a longer plan schedule; with
 * neither, there is no duty.
 */
export function nextAssessmentDue(input: {
  obligations: { auditFrequency: Frequency | null; periodicCycleStartsOn: IsoDate | null };
  planAuditFrequency?: Frequency;
  lastSignedOffOn?: IsoDate;
  asOf: IsoDate;
}): AssessmentDue | null {
  const regulation = input.obligations.auditFrequency;
  const plan = input.planAuditFrequency;
  const months = (f: Frequency) => advanceByFrequency('2000-01-01', f);
  let frequency: Frequency;
  let basis: AssessmentDue['basis'];
  if (regulation && (!plan || compareIsoDate(months(regulation), months(plan)) <= 0)) {
    frequency = regulation;
    basis = 'regulation';
  } else if (plan) {
    frequency = plan;
    basis = 'plan';
  } else return null;
  const anchor = input.lastSignedOffOn ?? input.obligations.periodicCycleStartsOn;
  const dueOn = anchor ? advanceByFrequency(anchor, frequency) : input.asOf;
  return { frequency, dueOn, overdue: compareIsoDate(input.asOf, dueOn) > 0, basis };
}
