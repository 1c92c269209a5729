/**
 * Art. 11 ¶3 review: when a file's specific purpose has ended or its retention period has
 * expired, the data is deleted or its processing stopped, unless kept under an exception.
 */
import { addDays, compareIsoDate, type IsoDate } from '../shared/isoDate';
import { advanceByFrequency, YEARLY } from '../shared/frequency';
import type { LocalizedText } from '../shared/localizedText';
import { fail, ok, type DomainErrorKind, type Outcome } from '../shared/outcome';
import { statusAfterDecision, type PersonalDataFile } from './personalDataFile';
import { purposeReviewDecisionSchema, type PurposeReviewDecision } from './purposeReviewDecision';

export type PurposeReviewTrigger =
  | { kind: 'purposeEnded'; since: IsoDate }
  | { kind: 'retentionExpired'; since: IsoDate }
  | { kind: 'keepDecisionDue'; since: IsoDate };

export interface FileDueForPurposeReview {
  fileId: string;
  fileName: string;
  /** Earliest date from which the review has been due. */
  dueSince: IsoDate;
  triggers: PurposeReviewTrigger[];
}

/** The day a keep decision is looked at again: its own date, or one year on. */
export function keepReviewDueOn(decision: Extract<PurposeReviewDecision, { decision: 'keep' }>): IsoDate {
  return decision.reviewAgainOn ?? advanceByFrequency(decision.decidedOn, YEARLY);
}

/**
 * Triggers in force on `asOf`. The purpose is gone from `purposeEndsOn` itself; the retention
 * period runs to the end of `retentionExpiresOn` (Civil Code Art. 121 ¶1), so that trigger
 * starts the next day — deleting on the last day would cut a statutory period short.
 */
function triggersOn(file: PersonalDataFile, asOf: IsoDate): PurposeReviewTrigger[] {
  const triggers: PurposeReviewTrigger[] = [];
  if (file.purposeEndsOn && compareIsoDate(file.purposeEndsOn, asOf) <= 0) triggers.push({ kind: 'purposeEnded', since: file.purposeEndsOn });
  if (file.retentionExpiresOn) {
    const since = addDays(file.retentionExpiresOn, 1);
    if (compareIsoDate(since, asOf) <= 0) triggers.push({ kind: 'retentionExpired', since });
  }
  return triggers;
}

/** Files whose purpose ended or retention expired and that still await a (new) decision. */
export function filesDueForPurposeReview(files: readonly PersonalDataFile[], asOf: IsoDate): FileDueForPurposeReview[] {
  const due: FileDueForPurposeReview[] = [];
  for (const file of files) {
    if (file.status !== 'active') continue;
    let triggers = triggersOn(file, asOf);
    const review = file.purposeReview;
    if (review?.decision === 'keep') {
      // A keep decision covers the triggers it saw; a later trigger or its re-review date reopens it.
      triggers = triggers.filter((t) => compareIsoDate(t.since, review.decidedOn) > 0);
      const again = keepReviewDueOn(review);
      if (compareIsoDate(again, asOf) <= 0) triggers.push({ kind: 'keepDecisionDue', since: again });
    }
    if (triggers.length === 0) continue;
    const dueSince = triggers.map((t) => t.since).sort(compareIsoDate)[0]!;
    due.push({ fileId: file.id, fileName: file.name, dueSince, triggers });
  }
  return due.sort((a, b) => compareIsoDate(a.dueSince, b.dueSince) || a.fileId.localeCompare(b.fileId));
}

export type ApplyPurposeReviewResult = Outcome<PersonalDataFile, 'purposeReviewRejected'>;

const rejected = (kind: DomainErrorKind, message: LocalizedText) => fail(kind, 'purposeReviewRejected', message, { field: 'decision' });

/** Records a review decision on the file and sets its status; rejects inconsistent decisions. */
export function applyPurposeReview(file: PersonalDataFile, decisionInput: unknown): ApplyPurposeReviewResult {
  const parsed = purposeReviewDecisionSchema.safeParse(decisionInput);
  if (!parsed.success)
    return rejected('invalid', {
      zhTW: '審查決定不完整：保留須載明理由類別及說明',
      en: `incomplete decision: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    });
  const decision = parsed.data;
  if (file.status === 'deleted') return rejected('forbiddenByRule', { zhTW: '檔案已刪除，不能再作決定', en: 'the file is already deleted' });
  if (file.purposeReview && compareIsoDate(decision.decidedOn, file.purposeReview.decidedOn) < 0)
    return rejected('invalid', { zhTW: '決定日期早於前次決定', en: 'the decision predates the previous one' });
  if (decision.decision === 'keep') {
    if (triggersOn(file, decision.decidedOn).length === 0 && file.purposeReview?.decision !== 'keep')
      return rejected('forbiddenByRule', { zhTW: '特定目的尚未消失且期限未屆滿，無須保留決定', en: 'neither the purpose ended nor the retention expired; no keep decision is needed' });
    if (decision.reviewAgainOn && compareIsoDate(decision.reviewAgainOn, decision.decidedOn) <= 0)
      return rejected('invalid', { zhTW: '再審查日須晚於決定日', en: 'the re-review date must follow the decision date' });
  }
  return ok({ ...file, purposeReview: decision, status: statusAfterDecision(decision.decision) });
}
